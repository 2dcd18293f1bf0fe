//! The review queue's web pages: server-rendered HTML (minijinja, escaped
//! by default), a few forms, no JavaScript. Served by `mailroom run` and
//! `mailroom demo` beside the agent.
//!
//! Only `/login`, `/healthz` and `/metrics` answer without a session; every
//! form carries the session's CSRF token; responses forbid scripts, remote
//! content and framing (Content-Security-Policy), so a hostile email shown
//! on a page can neither run nor load anything.

mod actions;
mod auth;
mod health;
mod pages;
#[cfg(test)]
mod tests;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use minijinja::Environment;
use tokio_util::sync::CancellationToken;

use crate::act::Resolver;
use crate::pipeline::Engine;
use crate::store::Store;
pub use auth::LoginLimiter;

/// How the pages are served.
#[derive(Debug, Clone)]
pub struct WebConfig {
    pub listen: SocketAddr,
    /// Mark cookies `Secure` (set when served behind TLS).
    pub secure_cookies: bool,
    pub session_lifetime: Duration,
    /// An item older than this is late (shown, filterable, counted).
    pub queue_target: Duration,
    /// The mailboxes that must have a poller for `/healthz` to be ready.
    pub mailboxes: Vec<String>,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            listen: SocketAddr::from(([127, 0, 0, 1], 8025)),
            secure_cookies: false,
            session_lifetime: Duration::from_secs(12 * 3600),
            queue_target: Duration::from_secs(4 * 3600),
            mailboxes: Vec::new(),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub engine: Arc<Engine>,
    pub resolver: Arc<Resolver>,
    pub cfg: Arc<WebConfig>,
    pub limiter: Arc<LoginLimiter>,
    templates: Arc<Environment<'static>>,
}

impl AppState {
    pub fn new(store: Store, engine: Arc<Engine>, resolver: Arc<Resolver>, cfg: WebConfig) -> AppState {
        AppState {
            store,
            engine,
            resolver,
            cfg: Arc::new(cfg),
            limiter: Arc::new(LoginLimiter::default()),
            templates: Arc::new(templates()),
        }
    }

    /// Render a page; a template error is a 500 with the reason logged.
    fn page(&self, name: &str, cx: serde_json::Value) -> Response {
        let cx = crate::notify::templates::json_to_value(&cx);
        match self.templates.get_template(name).and_then(|t| t.render(cx)) {
            Ok(html) => Html(html).into_response(),
            Err(e) => {
                tracing::error!(template = name, error = %e, "cannot render a page");
                (axum::http::StatusCode::INTERNAL_SERVER_ERROR, "cannot render this page; see the log").into_response()
            }
        }
    }
}

fn templates() -> Environment<'static> {
    let mut env = Environment::new();
    for (name, text) in [
        ("layout.html", include_str!("templates/layout.html")),
        ("login.html", include_str!("templates/login.html")),
        ("queue.html", include_str!("templates/queue.html")),
        ("item.html", include_str!("templates/item.html")),
        ("order.html", include_str!("templates/order.html")),
        ("dashboard.html", include_str!("templates/dashboard.html")),
    ] {
        env.add_template(name, text).expect("the bundled page templates compile");
    }
    env
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/login", get(auth::login_page).post(auth::login))
        .route("/logout", post(auth::logout))
        .route("/healthz", get(health::healthz))
        .route("/metrics", get(health::metrics))
        .route("/", get(pages::queue))
        .route("/approvals", get(pages::approvals))
        .route("/dashboard", get(pages::dashboard))
        .route("/items/{id}", get(pages::item))
        .route("/orders/{id}", get(pages::order))
        .route("/items/{id}/send", post(actions::send))
        .route("/items/{id}/approve", post(actions::approve))
        .route("/items/{id}/apply", post(actions::apply))
        .route("/items/{id}/reclassify", post(actions::reclassify))
        .route("/items/{id}/assign", post(actions::assign))
        .route("/items/{id}/dismiss", post(actions::dismiss))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

/// No scripts, no remote content, no framing, no caching of pages.
async fn security_headers(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; \
             frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    r
}

/// Serve until `shutdown`.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState, shutdown: CancellationToken) {
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    if let Err(e) = axum::serve(listener, app).with_graceful_shutdown(async move { shutdown.cancelled().await }).await {
        tracing::error!(error = %e, "the review queue's web server stopped");
    }
}
