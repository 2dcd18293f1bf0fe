//! The outbox worker: sends what act queued, through its channel, with
//! retries (exponential backoff with jitter, a maximum, then dead-letter),
//! a rate limit per channel, and a kill switch that holds everything.
//!
//! A row is marked sent only after the channel accepted it. A crash between
//! the two can send it twice; every message carries the same Message-ID /
//! delivery id on retry, so receivers can drop the repeat.

use std::time::{Duration, Instant};

use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

use super::SendError;
use super::email::{EmailPayload, MaildirChannel, SmtpChannel};
use super::webhook::WebhookChannel;
use crate::agent::Backoff;
use crate::store::{OutboxRow, Store, StoreError};

/// The setting `mailroom pause` writes.
pub const PAUSED: &str = "outbox.paused";

/// Where email goes.
pub enum Mailer {
    Smtp(SmtpChannel),
    Maildir(MaildirChannel),
}

#[derive(Debug, Clone)]
pub struct OutboxConfig {
    pub max_attempts: i64,
    pub backoff_base: Duration,
    pub backoff_max: Duration,
    /// Most sends per minute per channel.
    pub per_minute: u32,
    /// The kill switch in configuration: hold everything.
    pub paused: bool,
    /// How often to look for due rows.
    pub poll: Duration,
    /// The name this worker claims rows under (the instance's name), and
    /// how long a claim lasts: a crashed sender's rows go to another
    /// instance after that.
    pub owner: String,
    pub claim_ttl: Duration,
}

impl Default for OutboxConfig {
    fn default() -> Self {
        OutboxConfig {
            max_attempts: 8,
            backoff_base: Duration::from_secs(30),
            backoff_max: Duration::from_secs(3600),
            per_minute: 60,
            paused: false,
            poll: Duration::from_secs(1),
            owner: crate::agent::default_instance(),
            claim_ttl: Duration::from_secs(300),
        }
    }
}

pub struct OutboxWorker {
    store: Store,
    email: Option<Mailer>,
    webhook: Option<WebhookChannel>,
    cfg: OutboxConfig,
}

/// Sent, failed, or nothing due, for one pass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    pub failed: usize,
    pub dead: usize,
}

impl OutboxWorker {
    pub fn new(
        store: Store,
        email: Option<Mailer>,
        webhook: Option<WebhookChannel>,
        cfg: OutboxConfig,
    ) -> OutboxWorker {
        OutboxWorker { store, email, webhook, cfg }
    }

    pub async fn paused(&self) -> Result<bool, StoreError> {
        Ok(self.cfg.paused || self.store.setting(PAUSED).await?.as_deref() == Some("true"))
    }

    /// Send until `shutdown`; a store error is logged and retried.
    pub async fn run(&self, shutdown: &CancellationToken) {
        let mut was_paused = false;
        while !shutdown.is_cancelled() {
            match self.paused().await {
                Ok(true) => {
                    if !was_paused {
                        warn!("outbox paused: holding every outgoing message (`mailroom resume` releases them)");
                    }
                    was_paused = true;
                }
                Ok(false) => {
                    if was_paused {
                        info!("outbox resumed");
                    }
                    was_paused = false;
                    if let Err(e) = self.pass(shutdown).await {
                        warn!(error = %e, "outbox pass failed; retrying");
                    }
                }
                Err(e) => warn!(error = %e, "cannot read the kill switch; sending nothing this round"),
            }
            tokio::select! {
                _ = shutdown.cancelled() => break,
                _ = tokio::time::sleep(self.cfg.poll) => {}
            }
        }
    }

    /// Send due rows (at most 100 per channel), respecting the rate limit.
    /// Each row is claimed before it is sent, so of several instances
    /// exactly one sends it.
    pub async fn pass(&self, shutdown: &CancellationToken) -> Result<Pass, StoreError> {
        let mut pass = Pass::default();
        let gap = Duration::from_secs(60) / self.cfg.per_minute.max(1);
        for channel in ["email", "webhook"] {
            let mut last: Option<Instant> = None;
            for _ in 0..100 {
                // The switch may be thrown mid-pass: stop at once.
                if shutdown.is_cancelled() || self.paused().await? {
                    return Ok(pass);
                }
                let Some(row) = self.store.claim_outbox_due(&self.cfg.owner, channel, self.cfg.claim_ttl).await? else {
                    break;
                };
                if let Some(t) = last {
                    tokio::time::sleep(gap.saturating_sub(t.elapsed())).await;
                }
                last = Some(Instant::now());
                match self.send(&row).await {
                    Ok(id) => {
                        self.store.outbox_sent(row.id, Some(&id)).await?;
                        pass.sent += 1;
                    }
                    Err(e) => {
                        let next = self.retry_at(&row, &e);
                        if next.is_none() {
                            pass.dead += 1;
                            warn!(outbox = row.id, recipient = %row.recipient, error = %e, "dead-lettered; `mailroom outbox retry {}` resends it", row.id);
                        } else {
                            pass.failed += 1;
                            warn!(outbox = row.id, error = %e, attempt = row.attempts + 1, "send failed; will retry");
                        }
                        self.store.outbox_failed(row.id, &e.message, next).await?;
                    }
                }
            }
        }
        Ok(pass)
    }

    /// When to try again, or None for dead-letter.
    fn retry_at(&self, row: &OutboxRow, e: &SendError) -> Option<String> {
        if !e.transient || row.attempts + 1 >= self.cfg.max_attempts {
            return None;
        }
        let mut b = Backoff::new(self.cfg.backoff_base, self.cfg.backoff_max);
        let mut delay = Duration::ZERO;
        for _ in 0..=row.attempts {
            delay = b.next_delay();
        }
        let at = chrono::Utc::now() + chrono::Duration::from_std(delay).unwrap_or_default();
        Some(at.to_rfc3339())
    }

    async fn send(&self, row: &OutboxRow) -> Result<String, SendError> {
        let missing = |what: &str| SendError { transient: true, message: format!("no {what} channel configured") };
        match row.channel.as_str() {
            "email" => {
                let mut p: EmailPayload = serde_json::from_str(&row.payload)
                    .map_err(|e| SendError { transient: false, message: format!("unreadable payload: {e}") })?;
                // One Message-ID per row, the same on every attempt (the
                // creation time keeps it unique when a database starts over).
                p.message_key.get_or_insert_with(|| {
                    format!("mailroom.{}.{}", row.id, &crate::store::content_hash(row.created_at.as_bytes())[..12])
                });
                match &self.email {
                    Some(Mailer::Smtp(c)) => c.send(&p).await,
                    Some(Mailer::Maildir(c)) => c.send(&p).await,
                    None => Err(missing("email")),
                }
            }
            "webhook" => match &self.webhook {
                Some(w) => w.send(row.id, &row.kind, &row.payload).await,
                None => Err(missing("webhook")),
            },
            other => Err(SendError { transient: false, message: format!("unknown channel {other}") }),
        }
    }
}
