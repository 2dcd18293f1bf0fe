//! `/healthz` (liveness and readiness) and `/metrics` (Prometheus text
//! format), both without a session, both from the database, so any
//! instance answers for all of them.

use std::fmt::Write;

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::AppState;

/// 200 when the database answers and every configured mailbox has a live
/// poller (some instance holds its lease); 503 otherwise, with what is
/// wrong. The process answering at all is the liveness part.
pub async fn healthz(State(state): State<AppState>) -> Response {
    let database = match state.store.ping().await {
        Ok(()) => "ok".to_string(),
        Err(e) => format!("error: {e}"),
    };
    let polled = state.store.live_leases("mailbox:").await.unwrap_or_default();
    let mailboxes: Vec<serde_json::Value> = state
        .cfg
        .mailboxes
        .iter()
        .map(|m| {
            let holder = polled.iter().find(|l| l.name == format!("mailbox:{m}")).map(|l| l.holder.clone());
            serde_json::json!({ "mailbox": m, "polled_by": holder })
        })
        .collect();
    let ready = database == "ok" && mailboxes.iter().all(|m| !m["polled_by"].is_null());
    let body = serde_json::json!({
        "status": if ready { "ok" } else { "unavailable" },
        "database": database,
        "mailboxes": mailboxes,
    });
    let status = if ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body.to_string()).into_response()
}

fn label(v: &str) -> String {
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

pub async fn metrics(State(state): State<AppState>) -> Response {
    match render(&state).await {
        Ok(text) => {
            ([(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"))], text)
                .into_response()
        }
        Err(e) => super::pages::unavailable(e),
    }
}

async fn render(state: &AppState) -> Result<String, crate::store::StoreError> {
    let s = &state.store;
    let mut o = String::new();
    let family = |o: &mut String, name: &str, kind: &str, help: &str| {
        let _ = writeln!(o, "# HELP {name} {help}\n# TYPE {name} {kind}");
    };
    family(&mut o, "mailroom_messages_total", "counter", "Messages stored, by category and decision.");
    for v in s.volume("").await? {
        let _ = writeln!(
            o,
            "mailroom_messages_total{{category=\"{}\",decision=\"{}\"}} {}",
            label(&v.category),
            label(&v.decision),
            v.n
        );
    }
    family(&mut o, "mailroom_queue_items", "gauge", "Review queue items, by state.");
    for (state, n) in s.queue_counts().await? {
        let _ = writeln!(o, "mailroom_queue_items{{state=\"{}\"}} {n}", label(&state));
    }
    family(&mut o, "mailroom_queue_oldest_age_seconds", "gauge", "Age of the oldest item waiting for a person.");
    let oldest = s.oldest_open_item().await?.and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok());
    let age = oldest.map_or(0, |t| (chrono::Utc::now() - t.to_utc()).num_seconds().max(0));
    let _ = writeln!(o, "mailroom_queue_oldest_age_seconds {age}");
    family(
        &mut o,
        "mailroom_outbox_messages",
        "gauge",
        "Outgoing messages, by channel and state (sent, pending, held, dead).",
    );
    for (channel, state, n) in s.outbox_counts().await? {
        let _ =
            writeln!(o, "mailroom_outbox_messages{{channel=\"{}\",state=\"{}\"}} {n}", label(&channel), label(&state));
    }
    let m = s.model_usage().await?;
    family(
        &mut o,
        "mailroom_model_calls_total",
        "counter",
        "Calls made to the language model while processing messages.",
    );
    let _ = writeln!(o, "mailroom_model_calls_total {}", m.calls);
    family(
        &mut o,
        "mailroom_model_tokens_total",
        "counter",
        "Model tokens paid for (answers from the cache cost none).",
    );
    let _ = writeln!(o, "mailroom_model_tokens_total {}", m.tokens);
    family(&mut o, "mailroom_model_cached_answers", "gauge", "Distinct model answers kept in the cache.");
    let _ = writeln!(o, "mailroom_model_cached_answers {}", m.cached_answers);
    family(&mut o, "mailroom_instances", "gauge", "Instances alive on this database.");
    let _ = writeln!(o, "mailroom_instances {}", s.live_leases("instance:").await?.len());
    Ok(o)
}
