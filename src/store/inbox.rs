//! The durable inbox: raw messages stored before processing, their state,
//! and where each was seen on the server.
//!
//! Exactly-once rests on two rules kept here: a message is inserted once
//! per (Message-ID, content hash), and its result is recorded by an UPDATE
//! that only succeeds while it is still `received`, in the same transaction
//! as everything processing changes.

use std::collections::HashMap;
use std::time::Duration;

use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::{Backend, Store, StoreError, lease_time, now};
use crate::mailbox::Location;

/// A message's lifecycle state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageState {
    Received,
    Processed,
    Failed,
}

impl MessageState {
    pub fn as_str(self) -> &'static str {
        match self {
            MessageState::Received => "received",
            MessageState::Processed => "processed",
            MessageState::Failed => "failed",
        }
    }

    fn parse(s: &str) -> MessageState {
        match s {
            "processed" => MessageState::Processed,
            "failed" => MessageState::Failed,
            _ => MessageState::Received,
        }
    }
}

/// What storing one fetched message did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stored {
    pub message: i64,
    /// False when the same message (Message-ID and content) was already
    /// stored: only its new location was recorded.
    pub new: bool,
}

/// A stored message waiting to be processed.
#[derive(Debug, Clone)]
pub struct Pending {
    pub id: i64,
    pub raw: Vec<u8>,
    /// When it was stored (RFC 3339), for the inbox lag.
    pub received_at: String,
}

/// The outcome of processing, as recorded.
#[derive(Debug, Clone, Default)]
pub struct Recorded {
    pub subject: String,
    pub category: String,
    pub decision: String,
    pub reason: String,
    pub order_id: Option<String>,
    pub triage_json: String,
    /// Model calls made and tokens paid for this message.
    pub model_calls: i64,
    pub model_tokens: i64,
}

/// One row of `mailroom messages` / the demo summary.
#[derive(Debug, Clone, Serialize)]
pub struct MessageRow {
    pub id: i64,
    pub state: MessageState,
    pub message_id: String,
    pub subject: Option<String>,
    pub category: Option<String>,
    pub decision: Option<String>,
    pub reason: Option<String>,
    pub order_id: Option<String>,
    pub error: Option<String>,
    pub attempts: i64,
    pub received_at: String,
}

/// A location whose server copy still needs filing away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToDispose {
    pub key: String,
    pub state: MessageState,
    pub decision: Option<String>,
}

pub fn content_hash(raw: &[u8]) -> String {
    hex::encode(Sha256::digest(raw))
}

/// The Message-ID from the raw header section, without angle brackets;
/// empty when missing. A cheap scan: full parsing happens in triage.
pub fn message_id_of(raw: &[u8]) -> String {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").or_else(|| raw.windows(2).position(|w| w == b"\n\n"));
    let head = String::from_utf8_lossy(&raw[..end.unwrap_or(raw.len()).min(raw.len())]);
    let mut lines = head.lines().peekable();
    while let Some(line) = lines.next() {
        let Some((name, value)) = line.split_once(':') else { continue };
        if !name.trim().eq_ignore_ascii_case("message-id") {
            continue;
        }
        let mut value = value.trim().to_string();
        // A folded header continues on lines that start with whitespace.
        while let Some(next) = lines.peek().filter(|l| l.starts_with([' ', '\t'])) {
            value.push_str(next.trim());
            lines.next();
        }
        return value.trim_matches(['<', '>', ' ']).to_string();
    }
    String::new()
}

impl Store {
    /// Store a fetched message and where it was seen, in one transaction.
    /// The raw bytes are committed before anything processes them.
    pub async fn receive(&self, at: &Location, raw: &[u8]) -> Result<Stored, StoreError> {
        let (mid, hash) = (message_id_of(raw), content_hash(raw));
        let mut tx = self.begin().await?;
        // Two pollers may store the same message at once (one mail sent to
        // two brands' mailboxes): the insert yields to the other's row.
        let inserted = sqlx::query(
            "INSERT INTO messages (message_id, content_hash, raw, size, source, received_at, state) \
             VALUES ($1, $2, $3, $4, $5, $6, 'received') ON CONFLICT (message_id, content_hash) DO NOTHING RETURNING id",
        )
        .bind(&mid)
        .bind(&hash)
        .bind(raw)
        .bind(raw.len() as i64)
        .bind(&at.source)
        .bind(now())
        .fetch_optional(&mut *tx)
        .await?;
        let (message, new) = match inserted {
            Some(row) => (row.try_get::<i64, _>("id")?, true),
            None => {
                let row = sqlx::query("SELECT id FROM messages WHERE message_id = $1 AND content_hash = $2")
                    .bind(&mid)
                    .bind(&hash)
                    .fetch_one(&mut *tx)
                    .await?;
                (row.try_get::<i64, _>("id")?, false)
            }
        };
        sqlx::query(
            "INSERT INTO locations (source, epoch, key, message, disposed, seen_at) VALUES ($1, $2, $3, $4, 0, $5) \
             ON CONFLICT (source, epoch, key) DO NOTHING",
        )
        .bind(&at.source)
        .bind(i64::from(at.epoch))
        .bind(&at.key)
        .bind(message)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Stored { message, new })
    }

    /// Keys already stored for this source and epoch, each with whether it
    /// was filed away.
    pub async fn stored_keys(&self, source: &str, epoch: u32) -> Result<HashMap<String, bool>, StoreError> {
        let rows = sqlx::query("SELECT key, disposed FROM locations WHERE source = $1 AND epoch = $2")
            .bind(source)
            .bind(i64::from(epoch))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok((r.try_get::<String, _>("key")?, r.try_get::<i64, _>("disposed")? != 0))).collect()
    }

    /// Mark filed locations as not filed, so they are filed again (the
    /// server still lists them).
    pub async fn mark_undisposed(&self, source: &str, epoch: u32, keys: &[String]) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        for key in keys {
            sqlx::query("UPDATE locations SET disposed = 0 WHERE source = $1 AND epoch = $2 AND key = $3")
                .bind(source)
                .bind(i64::from(epoch))
                .bind(key)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Claim up to `limit` of the oldest waiting messages for `owner` until
    /// `lease` from now, and return them. Messages another worker claimed
    /// are skipped until its claim expires (it crashed, or hangs), so
    /// several workers and instances share the inbox without taking the
    /// same message twice. `owner`'s own unexpired claims are returned
    /// again: a worker that failed to record a result retries at once.
    pub async fn claim_pending(&self, owner: &str, limit: i64, lease: Duration) -> Result<Vec<Pending>, StoreError> {
        // PostgreSQL: rows another transaction is claiming right now are
        // skipped, not waited for. SQLite has one writer at a time anyway.
        let lock = match self.backend {
            Backend::Postgres => "FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE messages SET lease_owner = $1, lease_until = $2 WHERE id IN (\
               SELECT id FROM messages WHERE state = 'received' \
               AND (lease_until IS NULL OR lease_until < $3 OR lease_owner = $1) ORDER BY id LIMIT $4 {lock}) \
             RETURNING id, raw, received_at"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(owner)
            .bind(lease_time(lease))
            .bind(lease_time(Duration::ZERO))
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        let mut claimed = rows
            .iter()
            .map(|r| {
                Ok(Pending { id: r.try_get("id")?, raw: r.try_get("raw")?, received_at: r.try_get("received_at")? })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        claimed.sort_by_key(|p| p.id);
        Ok(claimed)
    }

    /// Record a message as processed, if it still is `received`. Returns
    /// false when it was already done (another worker, an earlier run):
    /// the caller then must not apply its effects again.
    pub async fn record_processed(&self, id: i64, r: &Recorded) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let done = Self::mark_processed(&mut tx, id, r).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// The UPDATE of [`Store::record_processed`], inside a caller's
    /// transaction, so later stages can commit their effects with it.
    pub async fn mark_processed(tx: &mut super::Tx, id: i64, r: &Recorded) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE messages SET state = 'processed', attempts = attempts + 1, error = NULL, subject = $2, \
             category = $3, decision = $4, reason = $5, order_id = $6, triage = $7, processed_at = $8, \
             lease_owner = NULL, lease_until = NULL, model_calls = $9, model_tokens = $10 \
             WHERE id = $1 AND state = 'received'",
        )
        .bind(id)
        .bind(&r.subject)
        .bind(&r.category)
        .bind(&r.decision)
        .bind(&r.reason)
        .bind(&r.order_id)
        .bind(&r.triage_json)
        .bind(now())
        .bind(r.model_calls)
        .bind(r.model_tokens)
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Park a message that cannot be processed, keeping it for replay.
    pub async fn record_failed(&self, id: i64, error: &str) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE messages SET state = 'failed', attempts = attempts + 1, error = $2, processed_at = $3, \
             lease_owner = NULL, lease_until = NULL WHERE id = $1 AND state = 'received'",
        )
        .bind(id)
        .bind(error)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Put a message back to `received` so the agent (or `replay`)
    /// processes it again. Returns false for an unknown id.
    pub async fn requeue(&self, id: i64) -> Result<bool, StoreError> {
        let done =
            sqlx::query("UPDATE messages SET state = 'received', lease_owner = NULL, lease_until = NULL WHERE id = $1")
                .bind(id)
                .execute(&self.pool)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The whole triage recorded with a processed message (JSON).
    pub async fn triage_of(&self, id: i64) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT triage FROM messages WHERE id = $1").bind(id).fetch_optional(&self.pool).await?;
        Ok(row.map(|r| r.try_get::<Option<String>, _>("triage")).transpose()?.flatten())
    }

    pub async fn raw_message(&self, id: i64) -> Result<Option<Vec<u8>>, StoreError> {
        let row = sqlx::query("SELECT raw FROM messages WHERE id = $1").bind(id).fetch_optional(&self.pool).await?;
        row.map(|r| Ok(r.try_get("raw")?)).transpose()
    }

    /// Handled messages whose server copy (at this source and epoch) is not
    /// filed away yet.
    pub async fn to_dispose(&self, source: &str, epoch: u32) -> Result<Vec<ToDispose>, StoreError> {
        let rows = sqlx::query(
            "SELECT l.key, m.state, m.decision FROM locations l JOIN messages m ON m.id = l.message \
             WHERE l.source = $1 AND l.epoch = $2 AND l.disposed = 0 AND m.state <> 'received' ORDER BY m.id",
        )
        .bind(source)
        .bind(i64::from(epoch))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let state: String = r.try_get("state")?;
                Ok(ToDispose {
                    key: r.try_get("key")?,
                    state: MessageState::parse(&state),
                    decision: r.try_get("decision")?,
                })
            })
            .collect()
    }

    pub async fn mark_disposed(&self, at: &Location) -> Result<(), StoreError> {
        self.mark_disposed_many(&at.source, at.epoch, std::slice::from_ref(&at.key)).await
    }

    /// Records many messages of one source as filed, in one transaction.
    pub async fn mark_disposed_many(&self, source: &str, epoch: u32, keys: &[String]) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        for key in keys {
            sqlx::query("UPDATE locations SET disposed = 1 WHERE source = $1 AND epoch = $2 AND key = $3")
                .bind(source)
                .bind(i64::from(epoch))
                .bind(key)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every message, newest first (or only those in `state`).
    pub async fn messages(&self, state: Option<MessageState>, limit: i64) -> Result<Vec<MessageRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, state, message_id, subject, category, decision, reason, order_id, error, attempts, received_at \
             FROM messages WHERE ($1 = '' OR state = $1) ORDER BY id DESC LIMIT $2",
        )
        .bind(state.map_or("", MessageState::as_str))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(row_of).collect()
    }

    pub async fn message(&self, id: i64) -> Result<Option<MessageRow>, StoreError> {
        let row = sqlx::query(
            "SELECT id, state, message_id, subject, category, decision, reason, order_id, error, attempts, received_at \
             FROM messages WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(row_of).transpose()
    }

    /// Count of messages per state.
    pub async fn state_counts(&self) -> Result<Vec<(MessageState, i64)>, StoreError> {
        let rows =
            sqlx::query("SELECT state, COUNT(*) AS n FROM messages GROUP BY state").fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| Ok((MessageState::parse(&r.try_get::<String, _>("state")?), r.try_get::<i64, _>("n")?)))
            .collect()
    }

    /// When the oldest still-unprocessed message arrived, if any.
    pub async fn oldest_pending(&self) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT MIN(received_at) AS t FROM messages WHERE state = 'received'")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get::<Option<String>, _>("t")?)
    }
}

fn row_of(r: &sqlx::any::AnyRow) -> Result<MessageRow, StoreError> {
    let state: String = r.try_get("state")?;
    Ok(MessageRow {
        id: r.try_get("id")?,
        state: MessageState::parse(&state),
        message_id: r.try_get("message_id")?,
        subject: r.try_get("subject")?,
        category: r.try_get("category")?,
        decision: r.try_get("decision")?,
        reason: r.try_get("reason")?,
        order_id: r.try_get("order_id")?,
        error: r.try_get("error")?,
        attempts: r.try_get("attempts")?,
        received_at: r.try_get("received_at")?,
    })
}

#[cfg(test)]
mod tests;
