//! The live agent: drain a mailbox into the durable inbox, process every
//! stored message exactly once, file handled mail away on the server, and
//! wait for more, until shutdown.
//!
//! ```text
//! connect ─► list ─► fetch new (chunk) ─► store raw ─► process ─► dispose ─┐
//!    ▲          ▲                                                          │
//!    │          └──────────── wait (IDLE / poll, at most reconcile) ◄──────┘
//!    └── backoff with jitter on any error; nothing stored is lost
//! ```
//!
//! Every wake lists the whole folder and compares it with the store, so a
//! silent IDLE or downtime can delay mail but never lose it. A message is
//! stored before it is processed and its result is recorded by an update
//! that only succeeds once, so a crash at any point means, after restart,
//! at most a repeat of work whose result was never committed.
//!
//! Several instances may share one database ([`lease`]): only the holder
//! of a mailbox's lease polls it; every agent, polling or standing by,
//! processes whatever stored messages it can claim.

mod backoff;
mod lease;
mod metrics;
mod process;

use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::Arc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

use crate::act::Resolver;
use crate::domain::DecisionKind;
use crate::mailbox::{Location, MailSource, Outcome, SourceError, Woken};
use crate::pipeline::Engine;
use crate::store::{MessageState, Store, StoreError};
pub use backoff::Backoff;
pub use lease::{MailboxLease, Sharing, default_instance};
pub use metrics::{Metrics, Snapshot};
pub use process::{Processed, process_one};

#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    #[error(transparent)]
    Source(#[from] SourceError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, Clone)]
pub struct AgentConfig {
    /// Longest wait before the folder is compared with the store again.
    pub reconcile_interval: Duration,
    /// How many new messages are fetched and stored before processing.
    pub chunk: usize,
    pub backoff_base: Duration,
    pub backoff_max: Duration,
    /// How this instance shares mailboxes and messages with others.
    pub sharing: Sharing,
}

impl Default for AgentConfig {
    fn default() -> Self {
        AgentConfig {
            reconcile_interval: Duration::from_secs(300),
            chunk: 100,
            backoff_base: Duration::from_secs(1),
            backoff_max: Duration::from_secs(60),
            sharing: Sharing::default(),
        }
    }
}

/// Why a mailbox session ended without an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ended {
    Shutdown,
    /// Another instance polls this mailbox now.
    LeaseLost,
}

pub struct Agent<S: MailSource> {
    source: S,
    store: Store,
    engine: Arc<Engine>,
    resolver: Arc<Resolver>,
    cfg: AgentConfig,
    metrics: Arc<Metrics>,
    /// UIDVALIDITY of the last listing (0 for Maildir).
    epoch: u32,
    /// The right to poll this mailbox, among instances.
    lease: MailboxLease,
    /// The name this agent claims messages under.
    worker: String,
    /// Called once whenever the folder is fully drained (demo summary).
    on_idle: Option<Box<dyn FnMut() + Send>>,
}

impl<S: MailSource> Agent<S> {
    pub fn new(source: S, store: Store, engine: Arc<Engine>, resolver: Arc<Resolver>, cfg: AgentConfig) -> Agent<S> {
        let lease = MailboxLease::new(store.clone(), cfg.sharing.clone(), source.name());
        // One name per agent: agents of one instance must not share claims.
        let worker = format!("{}/{}", cfg.sharing.instance, source.name());
        Agent {
            source,
            store,
            engine,
            resolver,
            cfg,
            metrics: Arc::new(Metrics::default()),
            epoch: 0,
            lease,
            worker,
            on_idle: None,
        }
    }

    pub fn metrics(&self) -> Arc<Metrics> {
        self.metrics.clone()
    }

    /// Connect the source (what `run` does first; for a single `sync`).
    pub async fn connect(&mut self) -> Result<(), SourceError> {
        self.source.connect().await
    }

    /// Run `f` each time everything in the folder has been handled.
    pub fn on_drained(&mut self, f: impl FnMut() + Send + 'static) {
        self.on_idle = Some(Box::new(f));
    }

    /// Run until `shutdown` is cancelled: poll the mailbox while this
    /// instance holds its lease, else stand by and help process; reconnect
    /// with backoff on any error, finish the message in hand, then log out
    /// and give the lease up.
    pub async fn run(&mut self, shutdown: &CancellationToken) {
        let mut backoff = Backoff::new(self.cfg.backoff_base, self.cfg.backoff_max);
        while !shutdown.is_cancelled() {
            match self.lease.hold().await {
                Ok(true) => {}
                Ok(false) => {
                    self.stand_by(shutdown).await;
                    continue;
                }
                Err(e) => {
                    warn!(error = %e, "cannot read the mailbox lease; standing by");
                    self.stand_by(shutdown).await;
                    continue;
                }
            }
            match self.session(shutdown, &mut backoff).await {
                Ok(Ended::Shutdown) => break,
                Ok(Ended::LeaseLost) => self.source.close().await,
                Err(e) => {
                    let delay = backoff.next_delay();
                    let kind = match &e {
                        AgentError::Source(s) if !s.is_transient() => "needs attention",
                        _ => "will retry",
                    };
                    warn!(error = %e, attempt = backoff.attempts(), retry_in = ?delay, source = self.source.name(), "mailbox session ended ({kind})");
                    self.metrics.reconnected();
                    tokio::select! {
                        _ = shutdown.cancelled() => break,
                        _ = tokio::time::sleep(delay) => {}
                    }
                }
            }
        }
        self.source.close().await;
        if self.lease.is_held()
            && let Err(e) = self.lease.release().await
        {
            warn!(error = %e, "could not give the mailbox lease up; it expires by itself");
        }
        if let Err(e) = self.store.release_claims(&self.worker).await {
            warn!(error = %e, "could not give claimed messages back; their claims expire by themselves");
        }
        info!(source = self.source.name(), "stopped");
    }

    /// Without the mailbox: process what can be claimed (stored by any
    /// instance), then wait a little before asking for the lease again.
    async fn stand_by(&mut self, shutdown: &CancellationToken) {
        if let Err(e) = self.process_pending(shutdown).await {
            warn!(error = %e, "processing failed while standing by; will retry");
        }
        tokio::select! {
            _ = shutdown.cancelled() => {}
            _ = tokio::time::sleep(self.cfg.sharing.renew_every()) => {}
        }
    }

    async fn session(&mut self, shutdown: &CancellationToken, backoff: &mut Backoff) -> Result<Ended, AgentError> {
        self.source.connect().await?;
        info!(source = self.source.name(), "connected");
        loop {
            let before = self.metrics.snapshot();
            self.sync(shutdown).await?;
            if !self.lease.is_held() {
                return Ok(Ended::LeaseLost);
            }
            backoff.reset();
            let m = self.metrics.snapshot();
            if m != before {
                info!(
                    received = m.received,
                    duplicates = m.duplicates,
                    processed = m.processed,
                    failed = m.failed,
                    lag_ms = m.lag_ms,
                    max_lag_ms = m.max_lag_ms,
                    "inbox"
                );
            }
            if shutdown.is_cancelled() {
                return Ok(Ended::Shutdown);
            }
            if let Some(f) = self.on_idle.as_mut() {
                f();
            }
            // Wake in time to renew the lease, even when IDLE stays silent.
            let wait = self.cfg.reconcile_interval.min(self.cfg.sharing.renew_every());
            if self.source.wait(wait, shutdown).await? == Woken::Shutdown {
                return Ok(Ended::Shutdown);
            }
            if !self.lease.keep().await? {
                return Ok(Ended::LeaseLost);
            }
        }
    }

    /// Compare the folder with the store, store what is new chunk by chunk,
    /// process and file away as it goes.
    pub async fn sync(&mut self, shutdown: &CancellationToken) -> Result<(), AgentError> {
        let listing = self.source.list().await?;
        if listing.epoch != self.epoch && self.epoch != 0 {
            info!(
                old = self.epoch,
                new = listing.epoch,
                "UIDVALIDITY changed: re-reading; stored messages are recognised, not reprocessed"
            );
        }
        self.epoch = listing.epoch;
        let known: HashMap<String, bool> = self.store.stored_keys(self.source.name(), self.epoch).await?;
        if self.source.files_away() {
            // Recorded as filed, yet still in the folder: the move did not
            // take (a server hiccup, two pollers during a handover). File
            // them again, so every message ends up where it belongs.
            let stuck: Vec<String> = listing.keys.iter().filter(|k| known.get(*k) == Some(&true)).cloned().collect();
            if !stuck.is_empty() {
                warn!(
                    messages = stuck.len(),
                    source = self.source.name(),
                    "filed messages are still in the folder; filing them again"
                );
                self.store.mark_undisposed(self.source.name(), self.epoch, &stuck).await?;
            }
        }
        let new: Vec<String> = listing.keys.into_iter().filter(|k| !known.contains_key(k)).collect();
        // Leftovers of an earlier run first: stored but never processed.
        self.process_pending(shutdown).await?;
        self.dispose_pending().await?;
        let progress = Progress::new(new.len());
        for chunk in new.chunks(self.cfg.chunk.max(1)) {
            // A long backlog outlasts the lease: renew it as we go, and stop
            // fetching when another instance took the mailbox meanwhile.
            if shutdown.is_cancelled() || !self.lease.keep().await? {
                break;
            }
            for f in self.source.fetch(chunk).await? {
                let at = Location { source: self.source.name().to_string(), epoch: self.epoch, key: f.key };
                let stored = self.store.receive(&at, &f.raw).await?;
                self.metrics.received(stored.new);
            }
            self.process_pending(shutdown).await?;
            self.dispose_pending().await?;
            progress.advance(chunk.len(), &self.metrics.snapshot());
        }
        progress.finish();
        Ok(())
    }

    /// Claim and process stored messages until none is left to claim.
    /// Small batches, so that several workers share a backlog evenly.
    async fn process_pending(&mut self, shutdown: &CancellationToken) -> Result<(), AgentError> {
        loop {
            let batch = self.store.claim_pending(&self.worker, 10, self.cfg.sharing.claim_ttl).await?;
            if batch.is_empty() {
                return Ok(());
            }
            // Renew while working through a backlog, polling or not: the
            // heartbeat tells the others this instance is alive.
            self.lease.keep().await?;
            for p in batch {
                // Stop taking new work; the message in hand is finished.
                if shutdown.is_cancelled() {
                    return Ok(());
                }
                process_one(p, &self.engine, &self.resolver, &self.store, &self.metrics).await?;
            }
        }
    }

    /// Files every handled message away, one source command per outcome
    /// (a move of many UIDs at once), then records each as disposed. A
    /// crash in between only means filing again, which is idempotent.
    async fn dispose_pending(&mut self) -> Result<(), AgentError> {
        // Only the mailbox's poller files: after a handover, the old one
        // leaves the folder to the new one (two sessions moving the same
        // message can leave a copy behind).
        if !self.lease.is_held() {
            return Ok(());
        }
        let mut groups: Vec<(Outcome, Vec<String>)> = Vec::new();
        for d in self.store.to_dispose(self.source.name(), self.epoch).await? {
            let outcome = match (d.state, d.decision.as_deref().and_then(|s| s.parse::<DecisionKind>().ok())) {
                (MessageState::Processed, Some(kind)) => Outcome::Decided(kind),
                _ => Outcome::Failed,
            };
            match groups.iter_mut().find(|(o, _)| *o == outcome) {
                Some((_, keys)) => keys.push(d.key),
                None => groups.push((outcome, vec![d.key])),
            }
        }
        for (outcome, keys) in groups {
            self.source.dispose_many(&keys, outcome).await?;
            self.store.mark_disposed_many(self.source.name(), self.epoch, &keys).await?;
        }
        Ok(())
    }
}

/// Backlog progress: a bar on a terminal, a log line every 500 otherwise.
struct Progress {
    bar: Option<ProgressBar>,
    total: usize,
    done: std::cell::Cell<usize>,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let bar = (total >= 50 && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new(total as u64);
            if let Ok(style) = ProgressStyle::with_template("{spinner} draining {wide_bar} {pos}/{len} {per_sec} {eta}")
            {
                bar.set_style(style);
            }
            bar
        });
        if total >= 50 {
            info!(messages = total, "backlog: draining new messages");
        }
        Progress { bar, total, done: std::cell::Cell::new(0) }
    }

    fn advance(&self, n: usize, m: &Snapshot) {
        let before = self.done.get();
        self.done.set(before + n);
        match &self.bar {
            Some(bar) => bar.inc(n as u64),
            None if self.total >= 50 && (before / 500 != (before + n) / 500) => {
                info!(
                    done = before + n,
                    total = self.total,
                    processed = m.processed,
                    failed = m.failed,
                    "backlog progress"
                );
            }
            None => {}
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests;
