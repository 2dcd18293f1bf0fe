//! The review queue and the audit trail.
//!
//! An escalated message becomes a queue item in the transaction that
//! records it. People move items through open → in_progress → done or
//! dismissed; every change, and every automatic action, is appended to the
//! audit trail, which the database itself keeps append-only.

use serde::Serialize;
use sqlx::Row;

use super::{Store, StoreError, Tx, now};

/// The states an item can be in.
pub const ITEM_STATES: [&str; 4] = ["open", "in_progress", "done", "dismissed"];

/// One queue item with what the message's record says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueueItem {
    pub message: i64,
    pub state: String,
    pub assignee: Option<String>,
    /// The category the decision was made on.
    pub category: Option<String>,
    /// A person's correction, when one was made.
    pub corrected_category: Option<String>,
    pub subject: Option<String>,
    pub reason: Option<String>,
    pub order_id: Option<String>,
    /// The linked order's brand.
    pub brand: Option<String>,
    pub draft: Option<String>,
    pub received_at: String,
    pub updated_at: String,
    /// An action waits for one-click approval.
    pub awaiting: bool,
}

/// Which items to list.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    pub state: Option<String>,
    pub category: Option<String>,
    pub assignee: Option<String>,
    pub brand: Option<String>,
    /// Only items whose prepared action waits for approval.
    pub awaiting: bool,
    /// Only items that arrived before this time (RFC 3339): older than
    /// the queue's target age.
    pub received_before: Option<String>,
    pub limit: i64,
}

/// A change to an item; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemChange {
    pub state: Option<String>,
    pub assignee: Option<String>,
    pub corrected_category: Option<String>,
    pub draft: Option<String>,
}

/// One entry of the audit trail.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Audit {
    pub actor: String,
    pub automatic: bool,
    /// What was done: `queue.open`, `queue.assign`, `action.approve`…
    pub action: String,
    pub message: Option<i64>,
    pub order_id: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A stored audit entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    #[serde(flatten)]
    pub entry: Audit,
}

const ITEM_SELECT: &str = "SELECT q.message, q.state, q.assignee, m.category, q.corrected_category, m.subject, \
                           m.reason, m.order_id, o.brand, q.draft, m.received_at, q.updated_at, \
                           (SELECT COUNT(*) FROM actions a WHERE a.message = q.message AND a.state = 'awaiting') AS awaiting \
                           FROM queue_items q JOIN messages m ON m.id = q.message LEFT JOIN orders o ON o.id = m.order_id";

fn item_of(r: &sqlx::any::AnyRow) -> Result<QueueItem, StoreError> {
    Ok(QueueItem {
        message: r.try_get("message")?,
        state: r.try_get("state")?,
        assignee: r.try_get("assignee")?,
        category: r.try_get("category")?,
        corrected_category: r.try_get("corrected_category")?,
        subject: r.try_get("subject")?,
        reason: r.try_get("reason")?,
        order_id: r.try_get("order_id")?,
        brand: r.try_get("brand")?,
        draft: r.try_get("draft")?,
        received_at: r.try_get("received_at")?,
        updated_at: r.try_get("updated_at")?,
        awaiting: r.try_get::<i64, _>("awaiting")? > 0,
    })
}

fn audit_of(r: &sqlx::any::AnyRow) -> Result<AuditRow, StoreError> {
    Ok(AuditRow {
        id: r.try_get("id")?,
        at: r.try_get("at")?,
        entry: Audit {
            actor: r.try_get("actor")?,
            automatic: r.try_get::<i64, _>("automatic")? != 0,
            action: r.try_get("action")?,
            message: r.try_get("message")?,
            order_id: r.try_get("order_id")?,
            before: r.try_get("before")?,
            after: r.try_get("after")?,
        },
    })
}

impl Store {
    /// Put an escalated message in the queue (once), with its draft.
    pub async fn open_item(tx: &mut Tx, message: i64, draft: Option<&str>) -> Result<bool, StoreError> {
        let at = now();
        let done = sqlx::query(
            "INSERT INTO queue_items (message, state, draft, created_at, updated_at) VALUES ($1, 'open', $2, $3, $3) \
             ON CONFLICT (message) DO NOTHING",
        )
        .bind(message)
        .bind(draft)
        .bind(at)
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Items, oldest first, filtered.
    pub async fn queue(&self, f: &QueueFilter) -> Result<Vec<QueueItem>, StoreError> {
        let sql = format!(
            "{ITEM_SELECT} WHERE ($1 = '' OR q.state = $1) AND ($2 = '' OR COALESCE(q.corrected_category, m.category) = $2) \
             AND ($3 = '' OR q.assignee = $3) AND ($4 = '' OR o.brand = $4) AND ($5 = '' OR m.received_at < $5) \
             AND ($6 = 0 OR EXISTS (SELECT 1 FROM actions a WHERE a.message = q.message AND a.state = 'awaiting')) \
             ORDER BY q.message LIMIT $7"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(f.state.as_deref().unwrap_or(""))
            .bind(f.category.as_deref().unwrap_or(""))
            .bind(f.assignee.as_deref().unwrap_or(""))
            .bind(f.brand.as_deref().unwrap_or(""))
            .bind(f.received_before.as_deref().unwrap_or(""))
            .bind(i64::from(f.awaiting))
            .bind(if f.limit > 0 { f.limit } else { i64::MAX })
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(item_of).collect()
    }

    pub async fn queue_item(&self, message: i64) -> Result<Option<QueueItem>, StoreError> {
        let sql = format!("{ITEM_SELECT} WHERE q.message = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(message).fetch_optional(&self.pool).await?;
        row.as_ref().map(item_of).transpose()
    }

    /// The item, read inside a transaction that will change it (locked on
    /// PostgreSQL, so two people acting on one item take turns).
    pub async fn lock_item(tx: &mut Tx, message: i64) -> Result<Option<QueueItem>, StoreError> {
        let lock = match super::Backend::of_connection(tx) {
            super::Backend::Postgres => " FOR UPDATE OF q",
            super::Backend::Sqlite => "",
        };
        let sql = format!("{ITEM_SELECT} WHERE q.message = $1{lock}");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(message).fetch_optional(&mut **tx).await?;
        row.as_ref().map(item_of).transpose()
    }

    pub async fn change_item(tx: &mut Tx, message: i64, c: &ItemChange) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE queue_items SET state = COALESCE($2, state), assignee = COALESCE($3, assignee), \
             corrected_category = COALESCE($4, corrected_category), draft = COALESCE($5, draft), updated_at = $6 \
             WHERE message = $1",
        )
        .bind(message)
        .bind(&c.state)
        .bind(&c.assignee)
        .bind(&c.corrected_category)
        .bind(&c.draft)
        .bind(now())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Items per state, for the queue's counts.
    pub async fn queue_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let rows = sqlx::query("SELECT state, COUNT(*) AS n FROM queue_items GROUP BY state ORDER BY state")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok((r.try_get("state")?, r.try_get("n")?))).collect()
    }

    pub async fn add_audit(tx: &mut Tx, a: &Audit) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO audit (at, actor, automatic, action, message, order_id, before, after) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(now())
        .bind(&a.actor)
        .bind(i64::from(a.automatic))
        .bind(&a.action)
        .bind(a.message)
        .bind(&a.order_id)
        .bind(&a.before)
        .bind(&a.after)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// The audit trail of one message, or of one order, oldest first.
    pub async fn audit_trail(&self, message: Option<i64>, order_id: Option<&str>) -> Result<Vec<AuditRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, at, actor, automatic, action, message, order_id, before, after FROM audit \
             WHERE message = $1 OR ($2 <> '' AND order_id = $2) ORDER BY id",
        )
        .bind(message.unwrap_or(-1))
        .bind(order_id.unwrap_or(""))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(audit_of).collect()
    }

    /// The action prepared for a message, if any: (id, order, action JSON, state).
    pub async fn action_of(tx: &mut Tx, message: i64) -> Result<Option<(i64, String, String, String)>, StoreError> {
        let row = sqlx::query("SELECT id, order_id, action, state FROM actions WHERE message = $1")
            .bind(message)
            .fetch_optional(&mut **tx)
            .await?;
        row.map(|r| Ok((r.try_get("id")?, r.try_get("order_id")?, r.try_get("action")?, r.try_get("state")?)))
            .transpose()
    }

    /// Mark an awaiting action applied or rejected by `by`; false when it
    /// was no longer awaiting (decided meanwhile).
    pub async fn decide_action(tx: &mut Tx, id: i64, state: &str, by: &str) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE actions SET state = $2, decided_by = $3, decided_at = $4 WHERE id = $1 AND state = 'awaiting'",
        )
        .bind(id)
        .bind(state)
        .bind(by)
        .bind(now())
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mailbox::Location;
    use crate::store::{Recorded, test_stores};

    #[tokio::test]
    async fn an_item_is_opened_once_changed_filtered_and_its_audit_trail_cannot_be_rewritten() {
        for s in test_stores().await {
            let at = Location { source: "t".into(), epoch: 0, key: "1".into() };
            let id = s.receive(&at, b"Message-ID: <q@t>\r\n\r\nhi\r\n").await.unwrap().message;
            let mut tx = s.begin().await.unwrap();
            let r = Recorded {
                category: "complaint".into(),
                decision: "escalate".into(),
                reason: "escalate: complaints go to a person".into(),
                ..Default::default()
            };
            assert!(Store::mark_processed(&mut tx, id, &r).await.unwrap());
            assert!(Store::open_item(&mut tx, id, Some("Dear customer")).await.unwrap());
            assert!(!Store::open_item(&mut tx, id, Some("again")).await.unwrap(), "once");
            tx.commit().await.unwrap();

            let open = s.queue(&QueueFilter { state: Some("open".into()), ..Default::default() }).await.unwrap();
            assert_eq!(open.len(), 1, "{:?}", s.backend());
            assert_eq!(
                (open[0].draft.as_deref(), open[0].category.as_deref()),
                (Some("Dear customer"), Some("complaint"))
            );

            let mut tx = s.begin().await.unwrap();
            assert!(Store::lock_item(&mut tx, id).await.unwrap().is_some());
            let change = ItemChange {
                assignee: Some("priya".into()),
                corrected_category: Some("wismo".into()),
                ..Default::default()
            };
            Store::change_item(&mut tx, id, &change).await.unwrap();
            let a = Audit {
                actor: "priya".into(),
                action: "message.reclassify".into(),
                message: Some(id),
                before: Some("complaint".into()),
                after: Some("wismo".into()),
                ..Default::default()
            };
            Store::add_audit(&mut tx, &a).await.unwrap();
            tx.commit().await.unwrap();

            let by_category = QueueFilter { category: Some("wismo".into()), ..Default::default() };
            assert_eq!(s.queue(&by_category).await.unwrap().len(), 1, "the correction is what filters");
            let mine = QueueFilter { assignee: Some("priya".into()), ..Default::default() };
            assert_eq!(s.queue(&mine).await.unwrap()[0].state, "open");
            assert_eq!(s.queue_counts().await.unwrap(), [("open".to_string(), 1)]);
            let trail = s.audit_trail(Some(id), None).await.unwrap();
            assert_eq!(trail.len(), 1);
            assert_eq!(trail[0].entry, a);

            // Append-only, enforced by the database.
            let rewrite = sqlx::query("UPDATE audit SET actor = 'someone else'").execute(s.pool()).await;
            assert!(rewrite.unwrap_err().to_string().contains("append-only"));
            let erase = sqlx::query("DELETE FROM audit").execute(s.pool()).await;
            assert!(erase.unwrap_err().to_string().contains("append-only"));
        }
    }
}
