//! Filing a handled message away: a keyword, or a move into the folder of
//! its outcome (created when missing, once per session).
//!
//! Configured folder names use `/` between levels (`mailroom/auto`), as
//! most servers do; on a server whose hierarchy delimiter is another
//! character (Dovecot's Maildir default is `.`) the name is translated, so
//! the same configuration files mail into `mailroom` › `auto` everywhere.
//!
//! MOVE when the server has it; otherwise COPY, STORE `\Deleted` and
//! `UID EXPUNGE` of that one UID (UIDPLUS), never a bare EXPUNGE that
//! would also remove what others marked deleted. A UID the folder no
//! longer holds is not an error: the server answers OK with nothing done,
//! or (Dovecot, for a message another client expunged while this session
//! still lists it) NO [EXPUNGEISSUED], which counts as done too.

use async_imap::imap_proto::{MailboxDatum, Response};

use super::super::{Disposition, Outcome, SourceError};
use super::error::Ctx;
use super::session::{Live, command, exchange, quote};

pub(super) async fn dispose(
    live: &mut Live,
    ctx: &Ctx,
    disposition: &Disposition,
    uids: &str,
    outcome: Outcome,
) -> Result<(), SourceError> {
    match disposition {
        Disposition::None => Ok(()),
        Disposition::Flag { keyword } => {
            let flag = flag(ctx, keyword)?;
            on_message(live, ctx, &format!("UID STORE {uids} +FLAGS ({flag})")).await
        }
        Disposition::Move { .. } => {
            let Some(folder) = disposition.folder(outcome) else {
                return Ok(()); // Only `Move` has folders, and this is `Move`.
            };
            let folder = server_name(live, ctx, folder).await?;
            ensure_folder(live, ctx, &folder).await?;
            let target = quote(ctx, "dispose", &folder)?;
            if live.state.caps.moves {
                on_message(live, ctx, &format!("UID MOVE {uids} {target}")).await
            } else if live.state.caps.uidplus {
                on_message(live, ctx, &format!("UID COPY {uids} {target}")).await?;
                on_message(live, ctx, &format!("UID STORE {uids} +FLAGS.SILENT (\\Deleted)")).await?;
                on_message(live, ctx, &format!("UID EXPUNGE {uids}")).await
            } else {
                Err(ctx.refused("dispose", "the server has neither MOVE nor UIDPLUS: cannot move one message safely"))
            }
        }
    }
}

/// An IMAP UID set, ranges joined: [1, 2, 3, 7, 9, 10] → `1:3,7,9:10`.
pub(super) fn uid_set(uids: &[u32]) -> String {
    let mut sorted = uids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let start = sorted[i];
        while i + 1 < sorted.len() && sorted[i + 1] == sorted[i] + 1 {
            i += 1;
        }
        let end = sorted[i];
        parts.push(if start == end { start.to_string() } else { format!("{start}:{end}") });
        i += 1;
    }
    parts.join(",")
}

/// Runs a command on messages; messages being gone is success.
async fn on_message(live: &mut Live, ctx: &Ctx, line: &str) -> Result<(), SourceError> {
    let reply = exchange(live, ctx, "dispose", line, |_| {}).await?;
    if reply.ok || reply.expunge_issued() { Ok(()) } else { Err(ctx.refused("dispose", reply.text)) }
}

/// `folder` as the server spells it: `/` replaced by its hierarchy
/// delimiter (asked once per session with `LIST "" ""`).
async fn server_name(live: &mut Live, ctx: &Ctx, folder: &str) -> Result<String, SourceError> {
    if live.state.delimiter.is_none() {
        let mut delimiter = None;
        command(live, ctx, "list folders", "LIST \"\" \"\"", |r| {
            if let Response::MailboxData(MailboxDatum::List(data)) = r {
                delimiter = data.delimiter.as_ref().map(|d| d.to_string());
            }
        })
        .await?;
        live.state.delimiter = Some(delimiter);
    }
    Ok(translate(folder, live.state.delimiter.as_ref().and_then(|d| d.as_deref())))
}

/// `mailroom/auto` with delimiter `.` → `mailroom.auto`. A flat server
/// (no delimiter) or one that uses `/` keeps the name as configured.
fn translate(folder: &str, delimiter: Option<&str>) -> String {
    match delimiter {
        Some(d) if d != "/" && !d.is_empty() => folder.replace('/', d),
        _ => folder.to_string(),
    }
}

/// Creates `folder` unless this session already knows it exists.
async fn ensure_folder(live: &mut Live, ctx: &Ctx, folder: &str) -> Result<(), SourceError> {
    if live.state.folders.contains(folder) {
        return Ok(());
    }
    if !exists(live, ctx, folder).await? {
        let line = format!("CREATE {}", quote(ctx, "create folder", folder)?);
        if let Err(e) = command(live, ctx, "create folder", &line, |_| {}).await {
            // Someone else may have created it meanwhile.
            if !matches!(e, SourceError::Refused { .. }) || !exists(live, ctx, folder).await? {
                return Err(e);
            }
        }
    }
    live.state.folders.insert(folder.to_string());
    Ok(())
}

async fn exists(live: &mut Live, ctx: &Ctx, folder: &str) -> Result<bool, SourceError> {
    let line = format!("LIST \"\" {}", quote(ctx, "list folders", folder)?);
    let mut found = false;
    command(live, ctx, "list folders", &line, |r| {
        if let Response::MailboxData(MailboxDatum::List(data)) = r {
            found |= data.name == folder;
        }
    })
    .await?;
    Ok(found)
}

/// A keyword (an IMAP atom) or a system flag such as `\Flagged`.
fn flag<'a>(ctx: &Ctx, keyword: &'a str) -> Result<&'a str, SourceError> {
    let atom = keyword.strip_prefix('\\').unwrap_or(keyword);
    let atom_char = |c: char| c.is_ascii_graphic() && !"(){%*\"\\]".contains(c);
    if atom.is_empty() || !atom.chars().all(atom_char) {
        return Err(ctx.refused("dispose", format!("{keyword:?} is not a valid IMAP keyword")));
    }
    Ok(keyword)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn uid_sets_join_runs_into_ranges() {
        assert_eq!(uid_set(&[9, 1, 2, 3, 7, 10, 3]), "1:3,7,9:10");
        assert_eq!(uid_set(&[42]), "42");
    }

    #[test]
    fn configured_folder_levels_use_the_server_s_delimiter() {
        assert_eq!(translate("mailroom/auto", Some(".")), "mailroom.auto");
        assert_eq!(translate("mailroom/auto", Some("/")), "mailroom/auto");
        assert_eq!(translate("mailroom/auto", None), "mailroom/auto");
        assert_eq!(translate("Handled", Some(".")), "Handled");
    }

    #[test]
    fn keywords_must_be_atoms_or_system_flags() {
        let ctx = Ctx { target: "t".into(), timeout: Duration::from_secs(1) };
        for good in ["mailroom-done", "$Handled", "\\Flagged"] {
            assert_eq!(flag(&ctx, good).unwrap(), good);
        }
        for bad in ["", "two words", "a)b", "x\r\n", "\\", "quo\"te", "ünï"] {
            assert!(flag(&ctx, bad).is_err(), "{bad:?}");
        }
    }
}
