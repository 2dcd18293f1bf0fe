//! One logged-in IMAP connection and the one way commands run on it.
//!
//! Every command after login goes through [`command`]: it sends the line,
//! reads responses (each read under the timeout) until the tagged reply,
//! and fails on NO/BAD, on `* BYE` and on end of stream. async-imap's own
//! stream helpers end quietly when the connection drops between two
//! responses, which would make a half-done FETCH look complete; reading the
//! tagged reply ourselves rules that out. Untagged responses go to the
//! caller; EXISTS/RECENT also set the "new mail" hint that [`super::idle`]
//! honours, so mail announced during another command is not waited for.

use std::collections::HashSet;

use async_imap::imap_proto::{MailboxDatum, Response, Status};
use async_imap::types::UnsolicitedResponse;

use super::super::SourceError;
use super::connect::Conn;
use super::error::Ctx;

pub(super) type ImapSession = async_imap::Session<Conn>;

/// async-imap's channel for unsolicited responses holds this many; more
/// are dropped silently.
const UNSOLICITED_CAPACITY: usize = 100;

/// What the server offers, read once after login.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Caps {
    pub idle: bool,
    pub moves: bool,
    pub uidplus: bool,
}

impl Caps {
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Caps {
        let mut caps = Caps::default();
        for name in names {
            match name.to_ascii_uppercase().as_str() {
                "IDLE" => caps.idle = true,
                "MOVE" => caps.moves = true,
                "UIDPLUS" => caps.uidplus = true,
                _ => {}
            }
        }
        caps
    }
}

/// Per-connection state; dropped as a whole after any error.
#[derive(Debug, Default)]
pub(super) struct State {
    pub caps: Caps,
    /// Folders known to exist (created or listed) in this session.
    pub folders: HashSet<String>,
    /// The server's hierarchy delimiter (`LIST "" ""`), once asked.
    pub delimiter: Option<Option<String>>,
    /// The server announced mail since the last listing.
    pub new_mail: bool,
}

pub(super) struct Live {
    pub imap: ImapSession,
    pub state: State,
}

impl Live {
    pub fn new(imap: ImapSession) -> Live {
        Live { imap, state: State::default() }
    }

    /// Empties async-imap's unsolicited channel (filled during login and
    /// IDLE), remembering whether mail was announced. A full channel may
    /// have dropped an EXISTS, so it counts as one.
    pub fn drain(&mut self) {
        let rx = &self.imap.unsolicited_responses;
        if rx.len() >= UNSOLICITED_CAPACITY {
            self.state.new_mail = true;
        }
        while let Ok(response) = rx.try_recv() {
            if matches!(response, UnsolicitedResponse::Exists(_) | UnsolicitedResponse::Recent(_)) {
                self.state.new_mail = true;
            }
        }
    }
}

/// Runs one command to its tagged reply, handing every untagged response
/// to `each`; anything but OK is a refusal.
pub(super) async fn command(
    live: &mut Live,
    ctx: &Ctx,
    op: &'static str,
    line: &str,
    each: impl FnMut(&Response<'_>),
) -> Result<(), SourceError> {
    let reply = exchange(live, ctx, op, line, each).await?;
    if reply.ok { Ok(()) } else { Err(ctx.refused(op, reply.text)) }
}

/// The server's tagged answer to a command.
#[derive(Debug)]
pub(super) struct Reply {
    pub ok: bool,
    /// Status, response code and text, for errors.
    pub text: String,
}

impl Reply {
    /// RFC 5530 EXPUNGEISSUED: the command named a message another client
    /// expunged meanwhile (Dovecot answers UID MOVE so, with NO).
    pub fn expunge_issued(&self) -> bool {
        self.text.to_ascii_uppercase().contains("EXPUNGEISSUED")
    }
}

/// Runs one command to its tagged reply, whatever its status; fails only
/// when the connection does.
pub(super) async fn exchange(
    live: &mut Live,
    ctx: &Ctx,
    op: &'static str,
    line: &str,
    mut each: impl FnMut(&Response<'_>),
) -> Result<Reply, SourceError> {
    live.drain();
    let tag = ctx.io(op, live.imap.run_command(line)).await?;
    loop {
        let read = tokio::time::timeout(ctx.timeout, live.imap.read_response()).await;
        let response = match read {
            Err(_) => return Err(ctx.timed_out(op)),
            Ok(Err(e)) => return Err(ctx.lost(op, e)),
            Ok(Ok(None)) => return Err(ctx.lost(op, "connection closed by the server")),
            Ok(Ok(Some(response))) => response,
        };
        match response.parsed() {
            Response::Done { tag: done, status, outcome } if *done == tag => {
                return Ok(Reply { ok: *status == Status::Ok, text: outcome_text(status, outcome) });
            }
            Response::Data { status: Status::Bye, outcome } => {
                return Err(ctx.lost(op, format!("server said BYE: {}", outcome.information.as_deref().unwrap_or(""))));
            }
            Response::MailboxData(MailboxDatum::Exists(_) | MailboxDatum::Recent(_)) => {
                live.state.new_mail = true;
            }
            other => each(other),
        }
    }
}

fn outcome_text(status: &Status, outcome: &async_imap::imap_proto::Outcome<'_>) -> String {
    let code = outcome.code.as_ref().map(|c| format!(" [{c:?}]")).unwrap_or_default();
    format!("{status:?}{code} {}", outcome.information.as_deref().unwrap_or("")).trim_end().to_string()
}

/// An IMAP quoted string for a mailbox name.
pub(super) fn quote(ctx: &Ctx, op: &'static str, name: &str) -> Result<String, SourceError> {
    if name.is_empty() || name.contains(['\r', '\n', '\0']) {
        return Err(ctx.refused(op, format!("invalid mailbox name {name:?}")));
    }
    Ok(format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\"")))
}

/// A key as a UID: decimal digits, not zero. Anything else was never a key
/// of this source.
pub(super) fn parse_uid(key: &str) -> Option<u32> {
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    key.parse().ok().filter(|&uid| uid != 0)
}

/// UID sets of at most `batch` UIDs each, ascending, runs collapsed
/// (`1:3,7,9:10`).
pub(super) fn uid_sets(uids: &[u32], batch: usize) -> Vec<String> {
    let mut sorted = uids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    sorted.chunks(batch.max(1)).map(compact).collect()
}

fn compact(uids: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < uids.len() {
        let start = uids[i];
        let mut end = start;
        while i + 1 < uids.len() && uids[i + 1] == end + 1 {
            i += 1;
            end = uids[i];
        }
        parts.push(if start == end { start.to_string() } else { format!("{start}:{end}") });
        i += 1;
    }
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uid_sets_collapse_runs_and_split_into_batches() {
        assert_eq!(uid_sets(&[5, 1, 2, 3, 9, 10, 2], 100), vec!["1:3,5,9:10"]);
        assert_eq!(uid_sets(&[1, 2, 3, 4, 5], 2), vec!["1:2", "3:4", "5"]);
        assert_eq!(uid_sets(&[7], 0), vec!["7"]);
        assert!(uid_sets(&[], 10).is_empty());
    }

    #[test]
    fn only_positive_decimal_keys_are_uids() {
        assert_eq!(parse_uid("42"), Some(42));
        for bad in ["", "0", "-1", "+3", "4 ", "1:3", "99999999999", "abc"] {
            assert_eq!(parse_uid(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn mailbox_names_are_quoted_and_line_breaks_refused() {
        let ctx = Ctx { target: "t".into(), timeout: std::time::Duration::from_secs(1) };
        assert_eq!(quote(&ctx, "x", "INBOX").unwrap(), "\"INBOX\"");
        assert_eq!(quote(&ctx, "x", r#"a"b\c"#).unwrap(), r#""a\"b\\c""#);
        assert!(quote(&ctx, "x", "a\r\nb").is_err());
        assert!(quote(&ctx, "x", "").is_err());
    }

    #[test]
    fn expungeissued_is_recognised_in_the_reply_text() {
        let moved_away =
            Reply { ok: false, text: "No [EXPUNGEISSUED] Some of the requested messages no longer exist".into() };
        assert!(moved_away.expunge_issued());
        assert!(!Reply { ok: false, text: "No [TRYCREATE] Mailbox doesn't exist".into() }.expunge_issued());
    }

    #[test]
    fn capabilities_are_read_case_insensitively() {
        let caps = Caps::from_names(["IMAP4rev1", "idle", "UIDPLUS", "AUTH=PLAIN"]);
        assert!(caps.idle && caps.uidplus && !caps.moves);
    }
}
