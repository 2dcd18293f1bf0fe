//! Processing one stored message: triage, then record the outcome once.
//!
//! Triage runs on its own task so a bug that panics on one message parks
//! that message as failed instead of stopping the agent.

use std::sync::Arc;

use tracing::{Instrument, info, info_span, warn};

use super::Metrics;
use crate::pipeline::{Engine, TriageError, Triaged, triage};
use crate::store::{Pending, Recorded, Store, StoreError};

/// What happened to one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Processed {
    Decided {
        decision: String,
        reason: String,
    },
    Failed(String),
    /// Someone recorded it first: nothing was done twice.
    AlreadyDone,
}

fn recorded(t: &Triaged) -> Recorded {
    Recorded {
        subject: t.email.subject.clone(),
        category: t.classification.category.to_string(),
        decision: t.decision.kind.to_string(),
        reason: t.decision.reason.clone(),
        order_id: t.link.order_id().map(str::to_string),
        triage_json: serde_json::to_string(t).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}")),
    }
}

/// Process one message. A store error is returned (the message stays
/// `received` and is retried); anything wrong with the message itself
/// parks it as `failed`.
pub async fn process_one(
    p: Pending,
    engine: &Arc<Engine>,
    store: &Store,
    metrics: &Metrics,
) -> Result<Processed, StoreError> {
    let span = info_span!("message", id = p.id, message_id = tracing::field::Empty, decision = tracing::field::Empty);
    async move {
        let received_at = chrono::DateTime::parse_from_rfc3339(&p.received_at).ok();
        let (engine2, store2, raw) = (engine.clone(), store.clone(), p.raw);
        let outcome = tokio::spawn(async move { triage(&raw, &engine2, &store2).await }).await;
        match outcome {
            Ok(Ok(t)) => {
                let span = tracing::Span::current();
                span.record("message_id", t.email.message_id.as_deref().unwrap_or(""));
                span.record("decision", t.decision.kind.as_str());
                let r = recorded(&t);
                if !store.record_processed(p.id, &r).await? {
                    return Ok(Processed::AlreadyDone);
                }
                metrics.processed(t.decision.kind);
                if let Some(at) = received_at {
                    metrics.lag((chrono::Utc::now() - at.to_utc()).to_std().unwrap_or_default());
                }
                info!(category = %t.classification.category, order = r.order_id.as_deref().unwrap_or("-"), "{}", t.decision.reason);
                Ok(Processed::Decided { decision: r.decision, reason: r.reason })
            }
            Ok(Err(TriageError::Store(e))) => Err(e),
            Ok(Err(e @ TriageError::Parse(_))) => park(store, metrics, p.id, e.to_string()).await,
            Err(join) => park(store, metrics, p.id, format!("internal error while triaging: {join}")).await,
        }
    }
    .instrument(span)
    .await
}

async fn park(store: &Store, metrics: &Metrics, id: i64, error: String) -> Result<Processed, StoreError> {
    if !store.record_failed(id, &error).await? {
        return Ok(Processed::AlreadyDone);
    }
    metrics.failed();
    warn!(error = %error, "parked as failed; `mailroom replay {id}` retries it");
    Ok(Processed::Failed(error))
}
