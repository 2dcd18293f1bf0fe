//! Ops accounts and their sessions, for the review queue's web pages.
//! Passwords are hashed with argon2 (PHC strings); a session is stored as a
//! hash of its cookie token with the CSRF token its forms carry.

use std::time::Duration;

use argon2::Argon2;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use serde::Serialize;
use sqlx::Row;

use super::{Store, StoreError, content_hash, lease_time, now};

/// A signed-in session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user: String,
    pub csrf: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserRow {
    pub name: String,
    pub created_at: String,
}

/// 32 random bytes as hex: session and CSRF tokens.
pub fn random_token() -> String {
    let mut b = [0u8; 32];
    OsRng.fill_bytes(&mut b);
    hex::encode(b)
}

fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).unwrap_or_default()
}

fn password_matches(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

impl Store {
    /// Add an account, or set a new password for an existing one.
    pub async fn set_user(&self, name: &str, password: &str) -> Result<(), StoreError> {
        let hash = hash_password(password);
        sqlx::query(
            "INSERT INTO users (name, password_hash, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash",
        )
        .bind(name)
        .bind(hash)
        .bind(now())
        .execute(&self.pool)
        .await?;
        // A new password signs every earlier session out.
        sqlx::query("DELETE FROM sessions WHERE user_name = $1").bind(name).execute(&self.pool).await?;
        Ok(())
    }

    pub async fn remove_user(&self, name: &str) -> Result<bool, StoreError> {
        sqlx::query("DELETE FROM sessions WHERE user_name = $1").bind(name).execute(&self.pool).await?;
        let done = sqlx::query("DELETE FROM users WHERE name = $1").bind(name).execute(&self.pool).await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn users(&self) -> Result<Vec<UserRow>, StoreError> {
        let rows = sqlx::query("SELECT name, created_at FROM users ORDER BY name").fetch_all(&self.pool).await?;
        rows.iter().map(|r| Ok(UserRow { name: r.try_get("name")?, created_at: r.try_get("created_at")? })).collect()
    }

    /// Check a password; the same work whether or not the user exists, so
    /// timing does not tell which names are accounts.
    pub async fn check_password(&self, name: &str, password: &str) -> Result<bool, StoreError> {
        // A real hash made once, so an unknown name costs a full check too
        // (a hand-written string that failed to parse would answer at once).
        static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        let decoy = DECOY.get_or_init(|| hash_password("not any account's password"));
        let row = sqlx::query("SELECT password_hash FROM users WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await?;
        let hash: Option<String> = row.map(|r| r.try_get("password_hash")).transpose()?;
        let ok = password_matches(password, hash.as_deref().unwrap_or(decoy));
        Ok(ok && hash.is_some())
    }

    /// A new session for `user`: returns the cookie token (only its hash
    /// is stored) and the session.
    pub async fn new_session(&self, user: &str, lasts: Duration) -> Result<(String, Session), StoreError> {
        let token = random_token();
        let csrf = random_token();
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_name, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(content_hash(token.as_bytes()))
        .bind(user)
        .bind(&csrf)
        .bind(now())
        .bind(lease_time(lasts))
        .execute(&self.pool)
        .await?;
        Ok((token, Session { user: user.into(), csrf }))
    }

    /// The unexpired session a cookie token names.
    pub async fn session(&self, token: &str) -> Result<Option<Session>, StoreError> {
        let row = sqlx::query("SELECT user_name, csrf FROM sessions WHERE token_hash = $1 AND expires_at > $2")
            .bind(content_hash(token.as_bytes()))
            .bind(lease_time(Duration::ZERO))
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok(Session { user: r.try_get("user_name")?, csrf: r.try_get("csrf")? })).transpose()
    }

    pub async fn end_session(&self, token: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(content_hash(token.as_bytes()))
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_stores;

    #[tokio::test]
    async fn passwords_are_hashed_sessions_expire_and_a_new_password_signs_everyone_out() {
        for s in test_stores().await {
            s.set_user("priya", "correct horse").await.unwrap();
            let stored: String =
                sqlx::query("SELECT password_hash FROM users").fetch_one(s.pool()).await.unwrap().get(0);
            assert!(stored.starts_with("$argon2id$") && !stored.contains("correct horse"));
            assert!(s.check_password("priya", "correct horse").await.unwrap());
            assert!(!s.check_password("priya", "wrong").await.unwrap());
            assert!(!s.check_password("nobody", "correct horse").await.unwrap());

            let (token, session) = s.new_session("priya", Duration::from_secs(60)).await.unwrap();
            assert_eq!(s.session(&token).await.unwrap(), Some(session.clone()), "{:?}", s.backend());
            assert_eq!(s.session("forged").await.unwrap(), None);
            let (short, _) = s.new_session("priya", Duration::from_millis(10)).await.unwrap();
            tokio::time::sleep(Duration::from_millis(30)).await;
            assert_eq!(s.session(&short).await.unwrap(), None, "expired");

            s.set_user("priya", "new password").await.unwrap();
            assert_eq!(s.session(&token).await.unwrap(), None);
            let (again, _) = s.new_session("priya", Duration::from_secs(60)).await.unwrap();
            s.end_session(&again).await.unwrap();
            assert_eq!(s.session(&again).await.unwrap(), None, "logged out");
            assert_eq!(s.users().await.unwrap().len(), 1);
            assert!(s.remove_user("priya").await.unwrap());
            assert!(!s.check_password("priya", "new password").await.unwrap());
        }
    }
}
