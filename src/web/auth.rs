//! Sign-in, sessions and CSRF.
//!
//! A session is a random token in an HttpOnly, SameSite=Strict cookie
//! (Secure behind TLS); the database keeps only its hash. Every form
//! carries the session's CSRF token, compared in constant time; the login
//! form, before any session exists, uses a double-submit cookie. Failed
//! sign-ins are limited per account and per address.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;

use super::AppState;
use crate::store::random_token;

pub const SESSION_COOKIE: &str = "mailroom_session";
const LOGIN_COOKIE: &str = "mailroom_login";

/// A signed-in person, for a handler that needs one.
#[derive(Debug, Clone)]
pub struct Authed {
    pub user: String,
    pub csrf: String,
    token: String,
}

pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|c| {
        let (k, v) = c.trim().split_once('=')?;
        (k == name).then(|| v.to_string())
    })
}

fn set_cookie(state: &AppState, name: &str, value: &str, max_age: Duration) -> HeaderValue {
    let secure = if state.cfg.secure_cookies { "; Secure" } else { "" };
    let v = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{secure}", max_age.as_secs());
    HeaderValue::from_str(&v).unwrap_or(HeaderValue::from_static(""))
}

/// Constant-time comparison, so a token is not guessed byte by byte.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0 && !a.is_empty()
}

impl FromRequestParts<AppState> for Authed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Authed, Response> {
        let session = match cookie(&parts.headers, SESSION_COOKIE) {
            Some(token) => match state.store.session(&token).await {
                Ok(Some(s)) => Some((token, s)),
                Ok(None) => None,
                Err(e) => {
                    tracing::error!(error = %e, "cannot read sessions");
                    return Err((StatusCode::SERVICE_UNAVAILABLE, "the database is not answering").into_response());
                }
            },
            None => None,
        };
        match session {
            Some((token, s)) => Ok(Authed { user: s.user, csrf: s.csrf, token }),
            // A page: go and sign in. Anything else: refused.
            None if parts.method == Method::GET => Err(Redirect::to("/login").into_response()),
            None => Err((StatusCode::UNAUTHORIZED, "sign in first").into_response()),
        }
    }
}

impl Authed {
    /// Does a state-changing request's form carry this session's token?
    pub fn csrf_ok(&self, given: &str) -> bool {
        same_token(&self.csrf, given)
    }
}

/// The answer to a form without the session's CSRF token.
pub fn forbidden() -> Response {
    (StatusCode::FORBIDDEN, "the form's security token is missing or stale: reload the page").into_response()
}

/// Failed sign-ins per account and per address: after `MAX_FAILURES` in
/// `WINDOW`, further attempts are refused until the window passes.
#[derive(Debug, Default)]
pub struct LoginLimiter {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

const MAX_FAILURES: u32 = 5;
const WINDOW: Duration = Duration::from_secs(15 * 60);

impl LoginLimiter {
    /// Seconds to wait, when any key is over the limit.
    fn blocked(&self, keys: &[String]) -> Option<u64> {
        let map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        keys.iter()
            .filter_map(|k| map.get(k))
            .filter(|(n, since)| *n >= MAX_FAILURES && since.elapsed() < WINDOW)
            .map(|(_, since)| (WINDOW - since.elapsed()).as_secs().max(1))
            .max()
    }

    fn failed(&self, keys: &[String]) {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        for k in keys {
            let e = map.entry(k.clone()).or_insert((0, Instant::now()));
            if e.1.elapsed() >= WINDOW {
                *e = (0, Instant::now());
            }
            e.0 += 1;
        }
    }

    fn succeeded(&self, keys: &[String]) {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        for k in keys {
            map.remove(k);
        }
    }
}

pub async fn login_page(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(t) = cookie(&headers, SESSION_COOKIE)
        && matches!(state.store.session(&t).await, Ok(Some(_)))
    {
        return Redirect::to("/").into_response();
    }
    login_form(&state, None, StatusCode::OK)
}

fn login_form(state: &AppState, error: Option<&str>, status: StatusCode) -> Response {
    let token = random_token();
    let mut r = state.page("login.html", serde_json::json!({ "csrf": token, "error": error }));
    *r.status_mut() = status;
    r.headers_mut().append(header::SET_COOKIE, set_cookie(state, LOGIN_COOKIE, &token, Duration::from_secs(3600)));
    r
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    user: String,
    password: String,
    #[serde(default)]
    csrf: String,
}

pub async fn login(
    State(state): State<AppState>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> Response {
    if !cookie(&headers, LOGIN_COOKIE).is_some_and(|c| same_token(&c, &f.csrf)) {
        return (StatusCode::FORBIDDEN, "the sign-in form's security token is missing or stale: reload the page")
            .into_response();
    }
    let user = f.user.trim().to_string();
    let mut keys = vec![format!("user:{}", user.to_lowercase())];
    if let Some(Extension(ConnectInfo(addr))) = peer {
        keys.push(format!("ip:{}", addr.ip()));
    }
    if let Some(wait) = state.limiter.blocked(&keys) {
        let mut r = login_form(
            &state,
            Some("Too many failed sign-ins. Wait a few minutes and try again."),
            StatusCode::TOO_MANY_REQUESTS,
        );
        r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(wait));
        return r;
    }
    match state.store.check_password(&user, &f.password).await {
        Ok(true) => {}
        Ok(false) => {
            state.limiter.failed(&keys);
            tracing::warn!(user = %user, "failed sign-in");
            return login_form(&state, Some("Wrong name or password."), StatusCode::UNAUTHORIZED);
        }
        Err(e) => {
            tracing::error!(error = %e, "cannot check a password");
            return (StatusCode::SERVICE_UNAVAILABLE, "the database is not answering").into_response();
        }
    }
    state.limiter.succeeded(&keys);
    match state.store.new_session(&user, state.cfg.session_lifetime).await {
        Ok((token, _)) => {
            let mut r = Redirect::to("/").into_response();
            r.headers_mut()
                .append(header::SET_COOKIE, set_cookie(&state, SESSION_COOKIE, &token, state.cfg.session_lifetime));
            r.headers_mut().append(header::SET_COOKIE, set_cookie(&state, LOGIN_COOKIE, "", Duration::ZERO));
            tracing::info!(user = %user, "signed in");
            r
        }
        Err(e) => {
            tracing::error!(error = %e, "cannot start a session");
            (StatusCode::SERVICE_UNAVAILABLE, "the database is not answering").into_response()
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    pub csrf: String,
}

pub async fn logout(State(state): State<AppState>, who: Authed, Form(f): Form<CsrfForm>) -> Response {
    if !who.csrf_ok(&f.csrf) {
        return forbidden();
    }
    if let Err(e) = state.store.end_session(&who.token).await {
        tracing::error!(error = %e, "cannot end a session");
    }
    let mut r = Redirect::to("/login").into_response();
    r.headers_mut().append(header::SET_COOKIE, set_cookie(&state, SESSION_COOKIE, "", Duration::ZERO));
    r
}
