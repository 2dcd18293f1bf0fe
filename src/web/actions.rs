//! The forms: every one needs a session and its CSRF token, acts through
//! [`crate::review`] (one audited transaction each), and returns to the
//! item with what happened.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::AppState;
use super::auth::Authed;
use crate::review::{self, ReviewError};

#[derive(Debug, Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    csrf: String,
    /// The reply (send), the category (reclassify), the person (assign)
    /// or a note (dismiss).
    #[serde(default)]
    value: String,
}

/// Back to the item, or the reason it could not be done.
fn done(id: i64, r: Result<(), ReviewError>) -> Response {
    match r {
        Ok(()) => Redirect::to(&format!("/items/{id}")).into_response(),
        Err(e @ ReviewError::NotFound(_)) => (StatusCode::NOT_FOUND, e.to_string()).into_response(),
        Err(ReviewError::Store(e)) => super::pages::unavailable(e),
        Err(e) => (StatusCode::CONFLICT, format!("{e}\n\nGo back to /items/{id} to see the item as it is now."))
            .into_response(),
    }
}

macro_rules! checked {
    ($who:expr, $form:expr) => {
        if !$who.csrf_ok(&$form.csrf) {
            return super::auth::forbidden();
        }
    };
}

pub async fn send(State(s): State<AppState>, who: Authed, Path(id): Path<i64>, Form(f): Form<ActionForm>) -> Response {
    checked!(who, f);
    let text = f.value.replace("\r\n", "\n");
    let r = review::send_reply(&s.store, &s.engine, &s.resolver, id, Some(&text), &who.user).await;
    done(id, r.map(|_| ()))
}

pub async fn approve(
    State(s): State<AppState>,
    who: Authed,
    Path(id): Path<i64>,
    Form(f): Form<ActionForm>,
) -> Response {
    checked!(who, f);
    done(id, review::approve(&s.store, &s.engine, &s.resolver, id, &who.user).await.map(|_| ()))
}

pub async fn apply(State(s): State<AppState>, who: Authed, Path(id): Path<i64>, Form(f): Form<ActionForm>) -> Response {
    checked!(who, f);
    done(id, review::apply_suggested(&s.store, &s.engine, &s.resolver, id, &who.user).await.map(|_| ()))
}

pub async fn reclassify(
    State(s): State<AppState>,
    who: Authed,
    Path(id): Path<i64>,
    Form(f): Form<ActionForm>,
) -> Response {
    checked!(who, f);
    let Ok(category) = f.value.parse() else {
        return (StatusCode::BAD_REQUEST, format!("unknown category {:?}", f.value)).into_response();
    };
    done(id, review::reclassify(&s.store, id, category, &who.user).await)
}

pub async fn assign(
    State(s): State<AppState>,
    who: Authed,
    Path(id): Path<i64>,
    Form(f): Form<ActionForm>,
) -> Response {
    checked!(who, f);
    let person = if f.value.trim().is_empty() { who.user.clone() } else { f.value.trim().to_string() };
    done(id, review::assign(&s.store, id, &person, &who.user).await)
}

pub async fn dismiss(
    State(s): State<AppState>,
    who: Authed,
    Path(id): Path<i64>,
    Form(f): Form<ActionForm>,
) -> Response {
    checked!(who, f);
    let note = Some(f.value.trim()).filter(|n| !n.is_empty());
    done(id, review::dismiss(&s.store, id, &who.user, note).await)
}
