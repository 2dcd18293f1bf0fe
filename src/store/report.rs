//! Aggregates for the dashboard and `/metrics`: counted in the database,
//! so every instance sharing it reports the same figures.

use serde::Serialize;
use sqlx::Row;

use super::{Store, StoreError};

/// Messages with one (day, category, decision).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Volume {
    /// `YYYY-MM-DD` (UTC) the message arrived; empty for totals.
    pub day: String,
    pub category: String,
    /// `auto`, `escalate`, `ignore`, or the state when undecided.
    pub decision: String,
    pub n: i64,
}

/// What the model tier did: calls made and tokens paid while processing
/// messages, and the distinct answers kept in the cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ModelUsage {
    pub calls: i64,
    pub tokens: i64,
    pub cached_answers: i64,
}

impl Store {
    /// Message counts per day, category and decision since `since_day`
    /// (`YYYY-MM-DD`; empty for all time, then `day` is empty too).
    pub async fn volume(&self, since_day: &str) -> Result<Vec<Volume>, StoreError> {
        let day = if since_day.is_empty() { "''" } else { "substr(received_at, 1, 10)" };
        let sql = format!(
            "SELECT {day} AS day, COALESCE(category, '') AS category, COALESCE(decision, state) AS decision, \
             COUNT(*) AS n FROM messages WHERE substr(received_at, 1, 10) >= $1 \
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(since_day).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                Ok(Volume {
                    day: r.try_get("day")?,
                    category: r.try_get("category")?,
                    decision: r.try_get("decision")?,
                    n: r.try_get("n")?,
                })
            })
            .collect()
    }

    /// Outbox rows per (channel, state).
    pub async fn outbox_counts(&self) -> Result<Vec<(String, String, i64)>, StoreError> {
        let rows =
            sqlx::query("SELECT channel, state, COUNT(*) AS n FROM outbox GROUP BY channel, state ORDER BY 1, 2")
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(|r| Ok((r.try_get("channel")?, r.try_get("state")?, r.try_get("n")?))).collect()
    }

    /// When the oldest item still waiting for a person (open or in
    /// progress) arrived.
    pub async fn oldest_open_item(&self) -> Result<Option<String>, StoreError> {
        let row = sqlx::query(
            "SELECT MIN(m.received_at) AS t FROM queue_items q JOIN messages m ON m.id = q.message \
             WHERE q.state IN ('open', 'in_progress')",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get("t")?)
    }

    pub async fn model_usage(&self) -> Result<ModelUsage, StoreError> {
        // SUM of BIGINT is NUMERIC on PostgreSQL, which the Any driver
        // cannot read: cast back.
        let spent = sqlx::query(
            "SELECT CAST(COALESCE(SUM(model_calls), 0) AS BIGINT) AS calls, \
             CAST(COALESCE(SUM(model_tokens), 0) AS BIGINT) AS tokens FROM messages",
        )
        .fetch_one(&self.pool)
        .await?;
        let cached = sqlx::query("SELECT COUNT(*) AS n FROM llm_cache").fetch_one(&self.pool).await?;
        Ok(ModelUsage {
            calls: spent.try_get("calls")?,
            tokens: spent.try_get("tokens")?,
            cached_answers: cached.try_get("n")?,
        })
    }

    /// Is the database answering? (readiness)
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mailbox::Location;
    use crate::store::{Recorded, test_stores};

    #[tokio::test]
    async fn volumes_outbox_counts_and_model_usage_add_up_on_both_backends() {
        for s in test_stores().await {
            for (n, (category, decision)) in
                [("wismo", "auto"), ("wismo", "escalate"), ("complaint", "escalate")].iter().enumerate()
            {
                let at = Location { source: "t".into(), epoch: 0, key: n.to_string() };
                let id = s.receive(&at, format!("Message-ID: <{n}@t>\r\n\r\nx").as_bytes()).await.unwrap().message;
                let r =
                    Recorded { category: category.to_string(), decision: decision.to_string(), ..Default::default() };
                s.record_processed(id, &r).await.unwrap();
            }
            let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
            let v = s.volume(&today).await.unwrap();
            assert_eq!(v.len(), 3, "{:?}: {v:?}", s.backend());
            assert!(v.iter().all(|x| x.day == today));
            let all = s.volume("").await.unwrap();
            assert_eq!(all.iter().map(|x| x.n).sum::<i64>(), 3);
            assert_eq!(s.model_usage().await.unwrap(), ModelUsage::default());
            assert!(all.iter().all(|x| x.day.is_empty()));
            assert!(s.outbox_counts().await.unwrap().is_empty());
            assert_eq!(s.oldest_open_item().await.unwrap(), None);
            let r = crate::store::CachedReply { content: "{}".into(), prompt_tokens: 100, completion_tokens: 20 };
            s.cache_reply("k", "v", "m", &r).await.unwrap();
            let at = Location { source: "t".into(), epoch: 0, key: "m".into() };
            let id = s.receive(&at, b"Message-ID: <model@t>\r\n\r\nx").await.unwrap().message;
            let paid = Recorded {
                category: "other".into(),
                decision: "escalate".into(),
                model_calls: 2,
                model_tokens: 640,
                ..Default::default()
            };
            s.record_processed(id, &paid).await.unwrap();
            assert_eq!(s.model_usage().await.unwrap(), ModelUsage { calls: 2, tokens: 640, cached_answers: 1 });
            s.ping().await.unwrap();
        }
    }
}
