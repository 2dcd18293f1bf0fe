//! Counters the agent keeps: received, processed, failed, per decision.
//! Read by the demo summary, the logs and (later) /metrics.

use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;

use crate::domain::DecisionKind;

#[derive(Debug, Default)]
pub struct Metrics {
    received: AtomicU64,
    duplicates: AtomicU64,
    processed: AtomicU64,
    failed: AtomicU64,
    auto: AtomicU64,
    escalated: AtomicU64,
    ignored: AtomicU64,
    reconnects: AtomicU64,
    /// How long the last processed message waited in the inbox, and the
    /// longest wait seen: stored → decision committed.
    lag_ms: AtomicU64,
    max_lag_ms: AtomicU64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Snapshot {
    pub received: u64,
    pub duplicates: u64,
    pub processed: u64,
    pub failed: u64,
    pub auto: u64,
    pub escalated: u64,
    pub ignored: u64,
    pub reconnects: u64,
    pub lag_ms: u64,
    pub max_lag_ms: u64,
}

fn inc(c: &AtomicU64) {
    c.fetch_add(1, Ordering::Relaxed);
}

impl Metrics {
    pub fn received(&self, new: bool) {
        inc(if new { &self.received } else { &self.duplicates });
    }

    pub fn processed(&self, decision: DecisionKind) {
        inc(&self.processed);
        inc(match decision {
            DecisionKind::Auto => &self.auto,
            DecisionKind::Escalate => &self.escalated,
            DecisionKind::Ignore => &self.ignored,
        });
    }

    pub fn lag(&self, waited: std::time::Duration) {
        let ms = u64::try_from(waited.as_millis()).unwrap_or(u64::MAX);
        self.lag_ms.store(ms, Ordering::Relaxed);
        self.max_lag_ms.fetch_max(ms, Ordering::Relaxed);
    }

    pub fn failed(&self) {
        inc(&self.failed);
    }

    pub fn reconnected(&self) {
        inc(&self.reconnects);
    }

    pub fn snapshot(&self) -> Snapshot {
        let g = |c: &AtomicU64| c.load(Ordering::Relaxed);
        Snapshot {
            received: g(&self.received),
            duplicates: g(&self.duplicates),
            processed: g(&self.processed),
            failed: g(&self.failed),
            auto: g(&self.auto),
            escalated: g(&self.escalated),
            ignored: g(&self.ignored),
            reconnects: g(&self.reconnects),
            lag_ms: g(&self.lag_ms),
            max_lag_ms: g(&self.max_lag_ms),
        }
    }
}
