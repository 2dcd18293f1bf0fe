//! Mailbox sources: where raw mail comes from (IMAP, Maildir).
//!
//! A source only moves bytes: it lists what the folder holds, fetches raw
//! messages, waits for new mail and files a handled message away. Storing,
//! deduplicating, processing and retrying live in the agent loop
//! ([`crate::agent`]), once for every kind of source.

pub mod imap;
pub mod maildir;

use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;

use crate::domain::DecisionKind;

/// Where one message sits in a source.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Location {
    /// Which mailbox: `imap://user@host:port/INBOX` or `maildir:/path`.
    pub source: String,
    /// IMAP UIDVALIDITY of the folder; 0 for Maildir.
    pub epoch: u32,
    /// IMAP UID as decimal, or the Maildir file's unique name.
    pub key: String,
}

/// One raw message as the source holds it.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub key: String,
    pub raw: Vec<u8>,
}

/// What the folder holds right now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    /// UIDVALIDITY (IMAP) or 0: keys are only comparable within one epoch.
    pub epoch: u32,
    /// Every message key in the folder, oldest first.
    pub keys: Vec<String>,
}

/// Why [`MailSource::wait`] returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Woken {
    /// The server said something changed (IDLE EXISTS, a new file).
    NewMail,
    /// The wait ran out (IDLE re-issue, poll interval): look anyway.
    Timeout,
    /// Shutdown was requested.
    Shutdown,
}

/// Where a handled message goes on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Disposition {
    /// Leave it where it is.
    None,
    /// Add a keyword/flag (IMAP keyword; Maildir: mark seen, move to cur/).
    Flag { keyword: String },
    /// Move into a folder per outcome, created when missing.
    Move { auto: String, escalated: String, ignored: String, failed: String },
}

/// The outcome a message is filed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Decided(DecisionKind),
    Failed,
}

impl Disposition {
    /// The folder an outcome moves to, for [`Disposition::Move`].
    pub fn folder(&self, outcome: Outcome) -> Option<&str> {
        let Disposition::Move { auto, escalated, ignored, failed } = self else { return None };
        Some(match outcome {
            Outcome::Decided(DecisionKind::Auto) => auto,
            Outcome::Decided(DecisionKind::Escalate) => escalated,
            Outcome::Decided(DecisionKind::Ignore) => ignored,
            Outcome::Failed => failed,
        })
    }
}

/// Errors a source reports. `is_transient` tells the loop to reconnect
/// with backoff rather than give up.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("cannot connect to {target}: {reason}")]
    Connect { target: String, reason: String },
    #[error("login to {target} refused: {reason}")]
    Auth { target: String, reason: String },
    #[error("{target}: {op} timed out after {after:?}")]
    Timeout { target: String, op: &'static str, after: Duration },
    #[error("{target}: connection lost during {op}: {reason}")]
    Lost { target: String, op: &'static str, reason: String },
    #[error("{target}: server refused {op}: {reason}")]
    Refused { target: String, op: &'static str, reason: String },
    #[error("{path}: {reason}")]
    Io { path: String, reason: String },
}

impl SourceError {
    /// Worth a reconnect: the network, the server or a timeout, not a
    /// wrong password or a refused command.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            SourceError::Connect { .. }
                | SourceError::Timeout { .. }
                | SourceError::Lost { .. }
                | SourceError::Io { .. }
        )
    }
}

/// A mailbox the agent drains. Implementations reconnect lazily: after an
/// error the loop calls [`MailSource::connect`] again (with backoff).
#[allow(async_fn_in_trait)]
pub trait MailSource {
    /// Stable name, the `source` of every [`Location`].
    fn name(&self) -> &str;
    /// Whether filing a message takes it out of the folder (a move), so a
    /// filed message still listed means the filing did not take.
    fn files_away(&self) -> bool {
        false
    }
    /// (Re)connect and open the folder.
    async fn connect(&mut self) -> Result<(), SourceError>;
    /// Every message the folder holds now.
    async fn list(&mut self) -> Result<Listing, SourceError>;
    /// Raw messages for `keys`, in any order; a key that vanished meanwhile
    /// is simply missing from the result.
    async fn fetch(&mut self, keys: &[String]) -> Result<Vec<Fetched>, SourceError>;
    /// Wait for new mail (IDLE or polling) up to `max`, or shutdown.
    async fn wait(&mut self, max: Duration, shutdown: &CancellationToken) -> Result<Woken, SourceError>;
    /// File a handled message away. Idempotent: a message already moved or
    /// flagged is not an error.
    async fn dispose(&mut self, key: &str, outcome: Outcome) -> Result<(), SourceError>;
    /// File several messages with the same outcome away. Sources where one
    /// command can take many (IMAP's UID sets) override this: on a large
    /// folder each command costs the server a resync, so a backlog filed
    /// one message at a time slows down with the folder's size.
    async fn dispose_many(&mut self, keys: &[String], outcome: Outcome) -> Result<(), SourceError> {
        for key in keys {
            self.dispose(key, outcome).await?;
        }
        Ok(())
    }
    /// Log out cleanly.
    async fn close(&mut self);
}
