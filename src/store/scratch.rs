//! Throwaway PostgreSQL databases for tests and benchmarks: each caller
//! gets a fresh, migrated database of its own on the server that
//! `MAILROOM_TEST_POSTGRES` names (default: the local server on
//! 127.0.0.1:5432 this project's machines run; `scripts/test` starts one
//! where none runs).

use sqlx::Connection;

use super::{Store, StoreError};

/// The server to create scratch databases on (its `postgres` database).
pub fn postgres_admin_url() -> String {
    std::env::var("MAILROOM_TEST_POSTGRES").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A new empty database (named `mailroom_scratch_*`), migrated; returns the
/// store and its URL, so a second instance can open the same database.
pub async fn scratch_postgres() -> Result<(Store, String), StoreError> {
    sqlx::any::install_default_drivers();
    let admin = postgres_admin_url();
    let name = format!("mailroom_scratch_{}_{:016x}", std::process::id(), fastrand::u64(..));
    let mut conn =
        sqlx::AnyConnection::connect(&admin).await.map_err(|source| StoreError::Open { url: admin.clone(), source })?;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut conn).await?;
    conn.close().await?;
    let url = match admin.rsplit_once('/') {
        Some((server, _)) => format!("{server}/{name}"),
        None => return Err(StoreError::Unsupported(admin)),
    };
    Ok((Store::open(&url).await?, url))
}
