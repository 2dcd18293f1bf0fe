//! The store: the only module that speaks SQL.
//!
//! sqlx through its `Any` driver, so one code path serves SQLite (the
//! embedded default: one file, WAL) and PostgreSQL (several instances
//! sharing the work). Queries use `$n` placeholders and plain types, which
//! both backends accept; the few places where they differ (how a write
//! transaction begins, row locks, `SKIP LOCKED`) ask [`Backend`].

mod inbox;
mod lease;
mod llm;
mod orders;
mod queue;
mod report;
mod resolution;
mod scratch;
mod users;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

pub use inbox::{MessageRow, MessageState, Pending, Recorded, Stored, ToDispose, content_hash, message_id_of};
pub use lease::{Claims, LeaseRow, lease_time};
pub use llm::CachedReply;
pub use orders::{ImportSummary, KeyedOrder, LookupKeys, key_of};
pub use queue::{Audit, AuditRow, ITEM_STATES, ItemChange, QueueFilter, QueueItem};
pub use report::{ModelUsage, Volume};
pub use resolution::{ActionRow, NewOutbox, OrderEvent, OrderRecord, OutboxRow, StoredEvent, Tx};
pub use scratch::{postgres_admin_url, scratch_postgres};
pub use users::{Session, UserRow, random_token};

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
    #[error("unsupported database URL {0:?} (expected sqlite:PATH, sqlite::memory: or postgres://USER@HOST/DB)")]
    Unsupported(String),
}

impl StoreError {
    /// Worth retrying: the database was busy or the connection dropped.
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Sql(e) | StoreError::Open { source: e, .. } => match e {
                sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => true,
                sqlx::Error::Database(d) => {
                    // PostgreSQL: serialization failure, deadlock, lock not
                    // available, server shutting down, connection trouble.
                    let code = d.code().unwrap_or_default();
                    let m = d.message().to_lowercase();
                    matches!(code.as_ref(), "40001" | "40P01" | "55P03" | "57P01" | "57P03")
                        || code.starts_with("08")
                        || m.contains("locked")
                        || m.contains("busy")
                }
                _ => false,
            },
            _ => false,
        }
    }
}

/// Which database a store speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }

    /// The backend of a connection inside a transaction.
    fn of_connection(conn: &sqlx::AnyConnection) -> Backend {
        if conn.backend_name().eq_ignore_ascii_case("postgresql") { Backend::Postgres } else { Backend::Sqlite }
    }
}

#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

impl Store {
    /// Open and migrate the database at `url`: SQLite (creating the file
    /// when missing) or PostgreSQL (the database must exist).
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        match Backend::of_url(url) {
            Some(Backend::Sqlite) => Store::open_sqlite(url).await,
            Some(Backend::Postgres) => Store::open_postgres(url).await,
            None => Err(StoreError::Unsupported(url.to_string())),
        }
    }

    async fn open_postgres(url: &str) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open { url: url.to_string(), source };
        let options = AnyConnectOptions::from_str(url).map_err(open_err)?;
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(30))
            .idle_timeout(Some(Duration::from_secs(600)))
            .connect_with(options)
            .await
            .map_err(open_err)?;
        // Several instances may start at once: sqlx takes an advisory lock
        // around the migrations, so exactly one applies them.
        sqlx::migrate!("migrations/postgres").run(&pool).await?;
        Ok(Store { pool, backend: Backend::Postgres })
    }

    async fn open_sqlite(url: &str) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open { url: url.to_string(), source };
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
        Ok(Store { pool, backend: Backend::Sqlite })
    }

    pub fn backend(&self) -> Backend {
        self.backend
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

/// A store for a unit test, and the temporary folder its SQLite file
/// lives in.
#[cfg(test)]
pub(crate) struct TestStore {
    store: Store,
    /// Where it is, so a test can open a second instance on it.
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

#[cfg(test)]
impl std::ops::Deref for TestStore {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

/// One fresh store per backend (an SQLite file, a scratch PostgreSQL
/// database), so every store test runs against both. PostgreSQL must be
/// reachable (`scripts/test` makes sure): a missing server fails the test.
#[cfg(test)]
pub(crate) async fn test_stores() -> Vec<TestStore> {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("mailroom.db").display());
    let sqlite = Store::open(&url).await.unwrap();
    let (pg, pg_url) = scratch_postgres()
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {} is needed by the store tests: {e}", postgres_admin_url()));
    vec![TestStore { store: sqlite, url, _dir: Some(dir) }, TestStore { store: pg, url: pg_url, _dir: None }]
}
