//! Reading the folder: capabilities, SELECT + UID SEARCH, UID FETCH.
//!
//! Input: a live session. Output: the listing (UIDVALIDITY as the epoch,
//! UIDs ascending) or raw messages. FETCH asks for `BODY.PEEK[]` so the
//! server never sets `\Seen`; UIDs the folder no longer holds (or that
//! another client expunged meanwhile: `BODY[] NIL`, EXPUNGEISSUED) are
//! simply absent from the answer.

use std::collections::HashSet;

use async_imap::imap_proto::{AttributeValue, Capability, MailboxDatum, Response, ResponseCode, Status};

use super::super::{Fetched, Listing, SourceError};
use super::error::Ctx;
use super::session::{Caps, Live, command, exchange, parse_uid, quote, uid_sets};

pub(super) async fn capabilities(live: &mut Live, ctx: &Ctx) -> Result<Caps, SourceError> {
    let mut names = Vec::new();
    command(live, ctx, "capability", "CAPABILITY", |r| {
        if let Response::Capabilities(caps) = r {
            names.extend(caps.iter().map(|c| match c {
                Capability::Imap4rev1 => "IMAP4REV1".to_string(),
                Capability::Auth(mech) => format!("AUTH={mech}"),
                Capability::Atom(atom) => atom.to_string(),
            }));
        }
    })
    .await?;
    Ok(Caps::from_names(names.iter().map(String::as_str)))
}

/// SELECTs the folder and returns its UIDVALIDITY.
pub(super) async fn select(live: &mut Live, ctx: &Ctx, folder: &str) -> Result<u32, SourceError> {
    let line = format!("SELECT {}", quote(ctx, "select", folder)?);
    let mut epoch = None;
    command(live, ctx, "select", &line, |r| {
        if let Response::Data { status: Status::Ok, outcome } = r
            && let Some(ResponseCode::UidValidity(v)) = outcome.code
        {
            epoch = Some(v);
        }
    })
    .await?;
    // SELECT reports the folder as it is: what it announced is no news.
    live.state.new_mail = false;
    epoch.ok_or_else(|| ctx.refused("select", format!("no UIDVALIDITY for {folder}")))
}

pub(super) async fn list(live: &mut Live, ctx: &Ctx, folder: &str) -> Result<Listing, SourceError> {
    // The search sees everything announced before it; later announcements
    // (during the search or after) are news for the next wait.
    let epoch = select(live, ctx, folder).await?;
    let mut uids: Vec<u32> = Vec::new();
    command(live, ctx, "search", "UID SEARCH ALL", |r| {
        if let Response::MailboxData(MailboxDatum::Search(found)) = r {
            uids.extend(found);
        }
    })
    .await?;
    uids.sort_unstable();
    uids.dedup();
    Ok(Listing { epoch, keys: uids.iter().map(u32::to_string).collect() })
}

/// Raw messages for `keys`, `batch` UIDs per command.
pub(super) async fn fetch(
    live: &mut Live,
    ctx: &Ctx,
    keys: &[String],
    batch: usize,
) -> Result<Vec<Fetched>, SourceError> {
    let uids: Vec<u32> = keys.iter().filter_map(|k| parse_uid(k)).collect();
    let wanted: HashSet<u32> = uids.iter().copied().collect();
    let mut got: HashSet<u32> = HashSet::new();
    let mut out = Vec::new();
    for set in uid_sets(&uids, batch) {
        let line = format!("UID FETCH {set} (UID BODY.PEEK[])");
        let reply = exchange(live, ctx, "fetch", &line, |r| {
            // Unsolicited FETCHes (flag changes) carry no body: skipped.
            if let Some((uid, raw)) = uid_and_body(r)
                && wanted.contains(&uid)
                && got.insert(uid)
            {
                out.push(Fetched { key: uid.to_string(), raw: raw.to_vec() });
            }
        })
        .await?;
        // Messages another client expunged meanwhile are just missing.
        if !reply.ok && !reply.expunge_issued() {
            return Err(ctx.refused("fetch", reply.text));
        }
    }
    Ok(out)
}

fn uid_and_body<'a>(response: &'a Response<'_>) -> Option<(u32, &'a [u8])> {
    let Response::Fetch(_, attrs) = response else { return None };
    let uid = attrs.iter().find_map(|a| match a {
        AttributeValue::Uid(uid) => Some(*uid),
        _ => None,
    })?;
    let body = attrs.iter().find_map(|a| match a {
        AttributeValue::BodySection { section: None, data: Some(data), .. } => Some(data.as_ref()),
        _ => None,
    })?;
    Some((uid, body))
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    #[test]
    fn a_fetch_response_yields_its_uid_and_whole_body_only() {
        let whole = Response::Fetch(
            3,
            vec![
                AttributeValue::Uid(17),
                AttributeValue::BodySection {
                    section: None,
                    index: None,
                    data: Some(Cow::Borrowed(b"Subject: x\r\n")),
                },
            ],
        );
        assert_eq!(uid_and_body(&whole), Some((17, &b"Subject: x\r\n"[..])));
        let flags_only = Response::Fetch(3, vec![AttributeValue::Uid(17), AttributeValue::Flags(vec![])]);
        assert_eq!(uid_and_body(&flags_only), None);
        assert_eq!(uid_and_body(&Response::Expunge(3)), None);
    }
}
