//! Where an IMAP failure becomes a [`SourceError`]: every network step runs
//! under the configured timeout and is named by the operation it served.
//!
//! Input: a future from async-imap or tokio and an operation name. Output:
//! its value, or `Timeout`, `Lost` (the connection or the stream broke),
//! `Refused` (the server said NO/BAD) or `Connect`.

use std::fmt::Display;
use std::future::Future;
use std::time::Duration;

use async_imap::error::Error as ImapError;

use super::super::SourceError;

/// What every error needs to say where it happened.
#[derive(Debug, Clone)]
pub(super) struct Ctx {
    /// `host:port`.
    pub target: String,
    pub timeout: Duration,
}

impl Ctx {
    /// Runs one async-imap step under the timeout.
    pub async fn io<T>(
        &self,
        op: &'static str,
        fut: impl Future<Output = async_imap::error::Result<T>>,
    ) -> Result<T, SourceError> {
        match tokio::time::timeout(self.timeout, fut).await {
            Err(_) => Err(self.timed_out(op)),
            Ok(result) => result.map_err(|e| self.imap(op, e)),
        }
    }

    /// Maps an async-imap error: the server's NO/BAD is a refusal, anything
    /// about the stream (IO, EOF, unparseable bytes) loses the connection.
    pub fn imap(&self, op: &'static str, e: ImapError) -> SourceError {
        match e {
            ImapError::No(reason) | ImapError::Bad(reason) => self.refused(op, reason),
            ImapError::Validate(e) => self.refused(op, e),
            ImapError::Append => self.refused(op, "APPEND refused"),
            ImapError::ConnectionLost => self.lost(op, "connection closed by the server"),
            other => self.lost(op, other),
        }
    }

    pub fn timed_out(&self, op: &'static str) -> SourceError {
        SourceError::Timeout { target: self.target.clone(), op, after: self.timeout }
    }

    pub fn lost(&self, op: &'static str, reason: impl Display) -> SourceError {
        SourceError::Lost { target: self.target.clone(), op, reason: reason.to_string() }
    }

    pub fn refused(&self, op: &'static str, reason: impl Display) -> SourceError {
        SourceError::Refused { target: self.target.clone(), op, reason: reason.to_string() }
    }

    pub fn connect(&self, reason: impl Display) -> SourceError {
        SourceError::Connect { target: self.target.clone(), reason: reason.to_string() }
    }

    pub fn auth(&self, reason: impl Display) -> SourceError {
        SourceError::Auth { target: self.target.clone(), reason: reason.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Ctx {
        Ctx { target: "imap.example:993".into(), timeout: Duration::from_secs(3) }
    }

    #[test]
    fn a_server_no_is_a_refusal_that_is_not_retried() {
        let e = ctx().imap("select", ImapError::No("Mailbox doesn't exist".into()));
        assert!(matches!(&e, SourceError::Refused { op: "select", .. }), "{e:?}");
        assert!(!e.is_transient());
        assert!(e.to_string().contains("imap.example:993"), "{e}");
    }

    #[test]
    fn a_dropped_connection_is_lost_and_transient() {
        for err in [ImapError::ConnectionLost, ImapError::Io(std::io::ErrorKind::ConnectionReset.into())] {
            let e = ctx().imap("fetch", err);
            assert!(matches!(e, SourceError::Lost { op: "fetch", .. }), "{e:?}");
            assert!(e.is_transient());
        }
    }

    #[tokio::test]
    async fn a_step_that_never_finishes_times_out_naming_the_operation() {
        let quick = Ctx { timeout: Duration::from_millis(20), ..ctx() };
        let never = std::future::pending::<async_imap::error::Result<()>>();
        let e = quick.io("search", never).await.unwrap_err();
        assert!(matches!(e, SourceError::Timeout { op: "search", after, .. } if after == quick.timeout));
        assert!(e.is_transient());
    }
}
