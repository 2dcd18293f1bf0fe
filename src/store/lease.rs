//! Named leases between instances sharing one database: who polls which
//! mailbox (`mailbox:SOURCE`), and which instances are alive
//! (`instance:ID`). A lease is held until a time; its holder renews it, and
//! anyone may take it once that time has passed, so a crashed holder's
//! lease is handed over without anyone having to notice the crash.
//!
//! Times come from the instances' clocks (kept in step by NTP); leases last
//! tens of seconds, so a skew of a second or two only shifts a handover.

use std::time::Duration;

use serde::Serialize;
use sqlx::Row;

use super::{Store, StoreError};

/// `now + ahead` as RFC 3339 UTC with a fixed number of digits, so that
/// text order is time order on both backends.
pub fn lease_time(ahead: Duration) -> String {
    let at = chrono::Utc::now() + chrono::Duration::from_std(ahead).unwrap_or_default();
    at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// A lease that has not expired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeaseRow {
    pub name: String,
    pub holder: String,
    pub until: String,
}

/// Unfinished work one worker has claimed and not yet recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claims {
    pub owner: String,
    pub messages: i64,
    pub outbox: i64,
}

impl Store {
    /// Unexpired claims on waiting messages and outbox rows, per owner.
    pub async fn claims(&self) -> Result<Vec<Claims>, StoreError> {
        let now = lease_time(Duration::ZERO);
        let mut out: Vec<Claims> = Vec::new();
        for (table, state) in [("messages", "received"), ("outbox", "pending")] {
            let sql = format!(
                "SELECT lease_owner, COUNT(*) AS n FROM {table} WHERE state = '{state}' AND lease_until >= $1 \
                 GROUP BY lease_owner ORDER BY lease_owner"
            );
            for r in sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&now).fetch_all(&self.pool).await? {
                let owner: String = r.try_get("lease_owner")?;
                let n: i64 = r.try_get("n")?;
                let i = match out.iter().position(|c| c.owner == owner) {
                    Some(i) => i,
                    None => {
                        out.push(Claims { owner, messages: 0, outbox: 0 });
                        out.len() - 1
                    }
                };
                if table == "messages" { out[i].messages = n } else { out[i].outbox = n }
            }
        }
        Ok(out)
    }

    /// Give back the messages `owner` claimed and did not process (a clean
    /// shutdown), so other instances take them at once, not after expiry.
    pub async fn release_claims(&self, owner: &str) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "UPDATE messages SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1 AND state = 'received'",
        )
        .bind(owner)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Take the lease `name` for `ttl`, or renew it when `holder` already
    /// has it. False while someone else holds it and it has not expired.
    pub async fn acquire_lease(&self, name: &str, holder: &str, ttl: Duration) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO leases (name, holder, until) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until \
             WHERE leases.holder = excluded.holder OR leases.until < $4",
        )
        .bind(name)
        .bind(holder)
        .bind(lease_time(ttl))
        .bind(lease_time(Duration::ZERO))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Give a lease up (on shutdown, or to let another instance take it).
    pub async fn release_lease(&self, name: &str, holder: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM leases WHERE name = $1 AND holder = $2")
            .bind(name)
            .bind(holder)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Unexpired leases whose name starts with `prefix`, by name.
    pub async fn live_leases(&self, prefix: &str) -> Result<Vec<LeaseRow>, StoreError> {
        let rows = sqlx::query("SELECT name, holder, until FROM leases WHERE until >= $1 ORDER BY name")
            .bind(lease_time(Duration::ZERO))
            .fetch_all(&self.pool)
            .await?;
        let mut out = Vec::new();
        for r in rows {
            let name: String = r.try_get("name")?;
            if name.starts_with(prefix) {
                out.push(LeaseRow { name, holder: r.try_get("holder")?, until: r.try_get("until")? });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_stores;

    #[tokio::test]
    async fn a_lease_is_held_by_one_holder_until_it_expires_or_is_released() {
        for store in test_stores().await {
            let ttl = Duration::from_secs(30);
            assert!(store.acquire_lease("mailbox:a", "one", ttl).await.unwrap());
            assert!(!store.acquire_lease("mailbox:a", "two", ttl).await.unwrap(), "{:?}", store.backend());
            assert!(store.acquire_lease("mailbox:a", "one", ttl).await.unwrap(), "the holder renews");
            let live = store.live_leases("mailbox:").await.unwrap();
            assert_eq!(live.len(), 1);
            assert_eq!(live[0].holder, "one");

            store.release_lease("mailbox:a", "two").await.unwrap();
            assert!(!store.acquire_lease("mailbox:a", "two", ttl).await.unwrap(), "only the holder releases");
            store.release_lease("mailbox:a", "one").await.unwrap();
            assert!(store.acquire_lease("mailbox:a", "two", ttl).await.unwrap());

            // A holder that stops renewing loses the lease when it expires.
            assert!(store.acquire_lease("mailbox:b", "dead", Duration::from_millis(50)).await.unwrap());
            assert!(!store.acquire_lease("mailbox:b", "alive", ttl).await.unwrap());
            tokio::time::sleep(Duration::from_millis(80)).await;
            assert!(store.live_leases("mailbox:b").await.unwrap().is_empty());
            assert!(store.acquire_lease("mailbox:b", "alive", ttl).await.unwrap());
            assert!(store.live_leases("instance:").await.unwrap().is_empty());
        }
    }
}
