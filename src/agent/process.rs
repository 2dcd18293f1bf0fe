//! Processing one stored message: triage, then record the outcome once.
//!
//! Triage runs on its own task so a bug that panics on one message parks
//! that message as failed instead of stopping the agent.

use std::sync::Arc;

use tracing::{Instrument, info, info_span, warn};

use super::Metrics;
use crate::act::{Resolver, Settled, settle};
use crate::pipeline::{Engine, TriageError, triage};
use crate::store::{Pending, Store, StoreError};

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

/// Process one message. A store error is returned (the message stays
/// `received` and is retried); anything wrong with the message itself
/// parks it as `failed`.
pub async fn process_one(
    p: Pending,
    engine: &Arc<Engine>,
    resolver: &Resolver,
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
                // The decision, the order change and the notices commit together.
                let Settled::Done { decision, reason, changes, notices } = settle(store, resolver, p.id, &t).await?
                else {
                    return Ok(Processed::AlreadyDone);
                };
                metrics.processed(decision);
                if let Some(at) = received_at {
                    metrics.lag((chrono::Utc::now() - at.to_utc()).to_std().unwrap_or_default());
                }
                let order = t.link.order_id().unwrap_or("-");
                let m = &t.model;
                if m.consulted() {
                    info!(
                        category = %t.category(),
                        order,
                        changes,
                        notices,
                        model_calls = m.calls(),
                        model_tokens = m.prompt_tokens + m.completion_tokens,
                        model_cost_usd = m.cost_usd,
                        "{reason}"
                    );
                } else {
                    info!(category = %t.category(), order, changes, notices, "{reason}");
                }
                Ok(Processed::Decided { decision: decision.to_string(), reason })
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
