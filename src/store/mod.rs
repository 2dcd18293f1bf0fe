//! The store: the only module that speaks SQL.
//!
//! sqlx through its `Any` driver, so one code path serves SQLite (the
//! embedded default: one file, WAL) and, later, PostgreSQL. Queries use
//! `$n` placeholders and plain types, which both backends accept.

mod inbox;
mod llm;
mod orders;
mod resolution;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

pub use inbox::{MessageRow, MessageState, Pending, Recorded, Stored, ToDispose, content_hash, message_id_of};
pub use llm::CachedReply;
pub use orders::{ImportSummary, KeyedOrder, LookupKeys, key_of};
pub use resolution::{ActionRow, NewOutbox, OrderEvent, OrderRecord, OutboxRow, StoredEvent, Tx};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open database {url}: {source}")]
    Open { url: String, source: sqlx::Error },
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("stored order {id} is unreadable: {source}")]
    Corrupt { id: String, source: serde_json::Error },
    #[error("unsupported database URL {0:?} (expected sqlite:PATH or sqlite::memory:)")]
    Unsupported(String),
}

impl StoreError {
    /// Worth retrying: the database was busy or the connection dropped.
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Sql(e) | StoreError::Open { source: e, .. } => match e {
                sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => true,
                sqlx::Error::Database(d) => {
                    let m = d.message().to_lowercase();
                    m.contains("locked") || m.contains("busy")
                }
                _ => false,
            },
            _ => false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
}

impl Store {
    /// Open (creating when missing) and migrate the database at `url`.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let open_err = |source| StoreError::Open { url: url.to_string(), source };
        if !url.starts_with("sqlite:") {
            return Err(StoreError::Unsupported(url.to_string()));
        }
        let url = with_create_mode(url);
        let options = AnyConnectOptions::from_str(&url).map_err(open_err)?;
        let memory = url.contains(":memory:");
        let pool = AnyPoolOptions::new()
            // An in-memory SQLite database lives in one connection.
            .max_connections(if memory { 1 } else { 4 })
            .idle_timeout(if memory { None } else { Some(Duration::from_secs(600)) })
            .max_lifetime(if memory { None } else { Some(Duration::from_secs(3600)) })
            .after_connect(|conn, _| {
                Box::pin(async move {
                    // WAL lets readers go on while one writer commits; the
                    // busy timeout waits for a lock instead of failing at once.
                    conn.execute("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;")
                        .await?;
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .map_err(open_err)?;
        sqlx::migrate!("migrations/sqlite").run(&pool).await?;
        Ok(Store { pool })
    }

    /// A store in a fresh file under `dir` (evaluation, tests).
    pub async fn open_in(dir: &Path) -> Result<Store, StoreError> {
        Store::open(&format!("sqlite:{}", dir.join("mailroom.db").display())).await
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// SQLite refuses to create a missing file unless asked (`mode=rwc`).
fn with_create_mode(url: &str) -> String {
    if url.contains(":memory:") || url.contains("mode=") {
        return url.to_string();
    }
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}mode=rwc")
}

/// Timestamps as RFC 3339 text: both backends store and sort them alike.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339()
}
