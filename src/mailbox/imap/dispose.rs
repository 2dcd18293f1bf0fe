//! Filing a handled message away: a keyword, or a move into the folder of
//! its outcome (created when missing, once per session).
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
    uid: u32,
    outcome: Outcome,
) -> Result<(), SourceError> {
    match disposition {
        Disposition::None => Ok(()),
        Disposition::Flag { keyword } => {
            let flag = flag(ctx, keyword)?;
            on_message(live, ctx, &format!("UID STORE {uid} +FLAGS ({flag})")).await
        }
        Disposition::Move { .. } => {
            let Some(folder) = disposition.folder(outcome) else {
                return Ok(()); // Only `Move` has folders, and this is `Move`.
            };
            ensure_folder(live, ctx, folder).await?;
            let target = quote(ctx, "dispose", folder)?;
            if live.state.caps.moves {
                on_message(live, ctx, &format!("UID MOVE {uid} {target}")).await
            } else if live.state.caps.uidplus {
                on_message(live, ctx, &format!("UID COPY {uid} {target}")).await?;
                on_message(live, ctx, &format!("UID STORE {uid} +FLAGS.SILENT (\\Deleted)")).await?;
                on_message(live, ctx, &format!("UID EXPUNGE {uid}")).await
            } else {
                Err(ctx.refused("dispose", "the server has neither MOVE nor UIDPLUS: cannot move one message safely"))
            }
        }
    }
}

/// Runs a command on one message; the message being gone is success.
async fn on_message(live: &mut Live, ctx: &Ctx, line: &str) -> Result<(), SourceError> {
    let reply = exchange(live, ctx, "dispose", line, |_| {}).await?;
    if reply.ok || reply.expunge_issued() { Ok(()) } else { Err(ctx.refused("dispose", reply.text)) }
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
