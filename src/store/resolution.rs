//! What automatic resolution writes: order changes, order events, actions
//! and the outbox, all inside the caller's transaction, so one message's
//! effects and its processed state commit together.

use std::time::Duration;

use serde::Serialize;
use sqlx::Row;

use super::orders::{digits_of, key_of};
use super::{Backend, Store, StoreError, lease_time, now};
use crate::domain::Order;

pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// An order with the state the SPEC §3 shape has no field for.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderRecord {
    pub order: Order,
    /// Why the shipment is on hold (`address`), if it is.
    pub hold: Option<String>,
    /// The delivery date the customer asked for.
    pub requested_delivery: Option<String>,
}

/// One append-only entry of an order's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderEvent {
    pub order_id: String,
    pub kind: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: String,
    pub message: Option<i64>,
    pub actor: String,
    pub automatic: bool,
}

/// A stored event, with its id and time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredEvent {
    pub id: i64,
    pub at: String,
    #[serde(flatten)]
    pub event: OrderEvent,
}

/// A row to queue in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOutbox {
    pub dedupe_key: String,
    pub channel: String,
    pub order_id: Option<String>,
    pub message: Option<i64>,
    pub kind: String,
    pub recipient: String,
    pub payload: String,
    /// `pending`, or `held` with a reason a person can read.
    pub held_reason: Option<String>,
}

/// An outbox row as the worker and the CLI see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutboxRow {
    pub id: i64,
    pub channel: String,
    pub order_id: Option<String>,
    pub message: Option<i64>,
    pub kind: String,
    pub recipient: String,
    pub payload: String,
    pub state: String,
    pub held_reason: Option<String>,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: String,
    pub sent_at: Option<String>,
    pub external_id: Option<String>,
}

const OUTBOX_COLUMNS: &str = "id, channel, order_id, message, kind, recipient, payload, state, held_reason, attempts, \
                              last_error, created_at, sent_at, external_id";

fn outbox_row(r: &sqlx::any::AnyRow) -> Result<OutboxRow, StoreError> {
    Ok(OutboxRow {
        id: r.try_get("id")?,
        channel: r.try_get("channel")?,
        order_id: r.try_get("order_id")?,
        message: r.try_get("message")?,
        kind: r.try_get("kind")?,
        recipient: r.try_get("recipient")?,
        payload: r.try_get("payload")?,
        state: r.try_get("state")?,
        held_reason: r.try_get("held_reason")?,
        attempts: r.try_get("attempts")?,
        last_error: r.try_get("last_error")?,
        created_at: r.try_get("created_at")?,
        sent_at: r.try_get("sent_at")?,
        external_id: r.try_get("external_id")?,
    })
}

impl Store {
    /// A write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a deferred transaction that reads first and
    /// writes later fails with "database is locked" at once, without
    /// waiting out the busy timeout, when another connection (the outbox
    /// worker) wrote in between. PostgreSQL begins plainly (read
    /// committed); what must not interleave takes a row lock
    /// ([`Store::load_order`]).
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// The order with its extra state, read inside the transaction that
    /// will change it. On PostgreSQL the row stays locked until that
    /// transaction ends: a second message about the same order, processed
    /// at the same time by another instance, waits and then plans from the
    /// changed order instead of overwriting it.
    pub async fn load_order(tx: &mut Tx, id: &str) -> Result<Option<OrderRecord>, StoreError> {
        let lock = match Backend::of_connection(tx) {
            Backend::Postgres => " FOR UPDATE",
            Backend::Sqlite => "",
        };
        let sql = format!("SELECT id, body, hold, requested_delivery FROM orders WHERE id = $1{lock}");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut **tx).await?;
        let Some(row) = row else { return Ok(None) };
        let body: String = row.try_get("body")?;
        let order: Order =
            serde_json::from_str(&body).map_err(|source| StoreError::Corrupt { id: id.to_string(), source })?;
        Ok(Some(OrderRecord {
            order,
            hold: row.try_get("hold")?,
            requested_delivery: row.try_get("requested_delivery")?,
        }))
    }

    pub async fn save_order(tx: &mut Tx, r: &OrderRecord) -> Result<(), StoreError> {
        let o = &r.order;
        let body = serde_json::to_string(o).map_err(|source| StoreError::Corrupt { id: o.id.clone(), source })?;
        sqlx::query(
            "UPDATE orders SET body = $2, status = $3, customer_email = $4, tracking_key = $5, po_key = $6, \
             po_digits = $7, hold = $8, requested_delivery = $9 WHERE id = $1",
        )
        .bind(&o.id)
        .bind(body)
        .bind(o.status.as_str())
        .bind(o.customer.email.trim().to_lowercase())
        .bind(o.tracking_number.as_deref().map(key_of))
        .bind(o.supplier_po.as_deref().map(key_of))
        .bind(o.supplier_po.as_deref().map(digits_of))
        .bind(&r.hold)
        .bind(&r.requested_delivery)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    pub async fn add_event(tx: &mut Tx, e: &OrderEvent) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO order_events (order_id, at, kind, old_value, new_value, reason, message, actor, automatic) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&e.order_id)
        .bind(now())
        .bind(&e.kind)
        .bind(&e.old_value)
        .bind(&e.new_value)
        .bind(&e.reason)
        .bind(e.message)
        .bind(&e.actor)
        .bind(i64::from(e.automatic))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    pub async fn order_events(&self, order_id: &str) -> Result<Vec<StoredEvent>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, at, order_id, kind, old_value, new_value, reason, message, actor, automatic \
             FROM order_events WHERE order_id = $1 ORDER BY id",
        )
        .bind(order_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(StoredEvent {
                    id: r.try_get("id")?,
                    at: r.try_get("at")?,
                    event: OrderEvent {
                        order_id: r.try_get("order_id")?,
                        kind: r.try_get("kind")?,
                        old_value: r.try_get("old_value")?,
                        new_value: r.try_get("new_value")?,
                        reason: r.try_get("reason")?,
                        message: r.try_get("message")?,
                        actor: r.try_get("actor")?,
                        automatic: r.try_get::<i64, _>("automatic")? != 0,
                    },
                })
            })
            .collect()
    }

    /// Record what the policy allowed for a message and how far it went.
    pub async fn add_action(
        tx: &mut Tx,
        message: i64,
        order_id: &str,
        category: &str,
        action_json: &str,
        state: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO actions (message, order_id, category, action, state, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (message) DO UPDATE SET action = excluded.action, state = excluded.state",
        )
        .bind(message)
        .bind(order_id)
        .bind(category)
        .bind(action_json)
        .bind(state)
        .bind(now())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Queue a notification; false when one with the same dedupe key exists
    /// (the same notice was already queued: send nothing twice).
    pub async fn enqueue(tx: &mut Tx, n: &NewOutbox) -> Result<bool, StoreError> {
        let state = if n.held_reason.is_some() { "held" } else { "pending" };
        let done = sqlx::query(
            "INSERT INTO outbox (dedupe_key, channel, order_id, message, kind, recipient, payload, state, held_reason, \
             next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) \
             ON CONFLICT (dedupe_key) DO NOTHING",
        )
        .bind(&n.dedupe_key)
        .bind(&n.channel)
        .bind(&n.order_id)
        .bind(n.message)
        .bind(&n.kind)
        .bind(n.recipient.to_lowercase())
        .bind(&n.payload)
        .bind(state)
        .bind(&n.held_reason)
        .bind(now())
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Emails queued for `recipient` since `since` (RFC 3339), any state
    /// but dead: the per-recipient cap counts them.
    pub async fn recent_to(tx: &mut Tx, recipient: &str, since: &str) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM outbox WHERE channel = 'email' AND recipient = $1 AND created_at >= $2 \
             AND state <> 'dead' AND state <> 'held'",
        )
        .bind(recipient.to_lowercase())
        .bind(since)
        .fetch_one(&mut **tx)
        .await?;
        Ok(row.try_get("n")?)
    }

    /// Customer notices already queued or sent about an order: (kind, when).
    pub async fn notices_for(tx: &mut Tx, order_id: &str) -> Result<Vec<(String, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT kind, created_at FROM outbox WHERE order_id = $1 AND channel = 'email' AND state <> 'dead' ORDER BY id",
        )
        .bind(order_id)
        .fetch_all(&mut **tx)
        .await?;
        rows.iter().map(|r| Ok((r.try_get("kind")?, r.try_get("created_at")?))).collect()
    }

    pub async fn outbox(&self, state: Option<&str>, limit: i64) -> Result<Vec<OutboxRow>, StoreError> {
        let sql =
            format!("SELECT {OUTBOX_COLUMNS} FROM outbox WHERE ($1 = '' OR state = $1) ORDER BY id DESC LIMIT $2");
        let rows =
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(state.unwrap_or("")).bind(limit).fetch_all(&self.pool).await?;
        rows.iter().map(outbox_row).collect()
    }

    /// Everything queued about one order (notices, replies, webhooks), oldest first.
    pub async fn outbox_of_order(&self, order_id: &str) -> Result<Vec<OutboxRow>, StoreError> {
        let sql = format!("SELECT {OUTBOX_COLUMNS} FROM outbox WHERE order_id = $1 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(order_id).fetch_all(&self.pool).await?;
        rows.iter().map(outbox_row).collect()
    }

    /// Claim the oldest due row of `channel` for `owner` until `lease`
    /// from now, so that of several instances exactly one sends it; a
    /// crashed sender's claim expires and another instance sends the row.
    pub async fn claim_outbox_due(
        &self,
        owner: &str,
        channel: &str,
        lease: Duration,
    ) -> Result<Option<OutboxRow>, StoreError> {
        let lock = match self.backend {
            Backend::Postgres => "FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE outbox SET lease_owner = $1, lease_until = $2 WHERE id IN (\
               SELECT id FROM outbox WHERE state = 'pending' AND channel = $3 AND next_attempt_at <= $4 \
               AND (lease_until IS NULL OR lease_until < $5 OR lease_owner = $1) ORDER BY id LIMIT 1 {lock}) \
             RETURNING {OUTBOX_COLUMNS}"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(owner)
            .bind(lease_time(lease))
            .bind(channel)
            .bind(now())
            .bind(lease_time(Duration::ZERO))
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(outbox_row).transpose()
    }

    pub async fn outbox_sent(&self, id: i64, external_id: Option<&str>) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = $2, external_id = $3, last_error = NULL, \
             lease_owner = NULL, lease_until = NULL WHERE id = $1",
        )
        .bind(id)
        .bind(now())
        .bind(external_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A failed attempt: retry at `next_attempt_at`, or dead-letter.
    pub async fn outbox_failed(&self, id: i64, error: &str, next_attempt_at: Option<String>) -> Result<(), StoreError> {
        let (state, next) = match next_attempt_at {
            Some(at) => ("pending", at),
            None => ("dead", now()),
        };
        sqlx::query(
            "UPDATE outbox SET state = $2, attempts = attempts + 1, last_error = $3, next_attempt_at = $4, \
             lease_owner = NULL, lease_until = NULL WHERE id = $1",
        )
        .bind(id)
        .bind(state)
        .bind(error)
        .bind(next)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Send a dead or held row again (a person decided it should go).
    pub async fn outbox_retry(&self, id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE outbox SET state = 'pending', held_reason = NULL, next_attempt_at = $2 \
             WHERE id = $1 AND state IN ('dead', 'held')",
        )
        .bind(id)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn setting(&self, name: &str) -> Result<Option<String>, StoreError> {
        let row =
            sqlx::query("SELECT value FROM settings WHERE name = $1").bind(name).fetch_optional(&self.pool).await?;
        row.map(|r| Ok(r.try_get("value")?)).transpose()
    }

    pub async fn set_setting(&self, name: &str, value: &str) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
            .bind(name)
            .bind(value)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// A recorded action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionRow {
    pub id: i64,
    pub message: i64,
    pub order_id: String,
    pub category: String,
    pub action: String,
    pub state: String,
    pub created_at: String,
}

impl Store {
    /// Actions in `state` (`shadow`, `awaiting`, `applied`, `rejected`).
    pub async fn actions(&self, state: &str) -> Result<Vec<ActionRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, message, order_id, category, action, state, created_at FROM actions WHERE state = $1 ORDER BY id",
        )
        .bind(state)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ActionRow {
                    id: r.try_get("id")?,
                    message: r.try_get("message")?,
                    order_id: r.try_get("order_id")?,
                    category: r.try_get("category")?,
                    action: r.try_get("action")?,
                    state: r.try_get("state")?,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect()
    }
}
