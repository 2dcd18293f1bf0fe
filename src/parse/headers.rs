//! The top-level header section: identity, addressing, date and the full
//! decoded header list.
//!
//! Input: mail-parser's parsed headers and the raw bytes they point into.
//! Output: the header fields of [`Email`], filled in place, plus warnings for
//! what could not be read (a date that is no date, an encoded word in an
//! unknown charset, duplicate From headers). Nothing here fails.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use mail_parser::decoders::charsets::map::charset_decoder;
use mail_parser::parsers::MessageStream;
use mail_parser::{Addr, Address, HeaderName, HeaderValue};
use regex::Regex;

use crate::domain::{Email, Header, Mailbox};

type RawHeader<'x> = mail_parser::Header<'x>;

/// Fills the header fields of `email` from the root part's headers.
pub fn fill(email: &mut Email, headers: &[RawHeader<'_>], raw: &[u8]) {
    email.headers = headers.iter().map(|h| decoded(h, raw)).collect();
    let first = |name: HeaderName<'static>| headers.iter().find(|h| h.name == name && !h.value.is_empty());

    email.from = first(HeaderName::From).and_then(|h| h.value.as_address()).and_then(|a| a.iter().find_map(mailbox));
    email.sender =
        first(HeaderName::Sender).and_then(|h| h.value.as_address()).and_then(|a| a.iter().find_map(mailbox));
    email.reply_to = all_mailboxes(headers, &HeaderName::ReplyTo);
    email.to = all_mailboxes(headers, &HeaderName::To);
    email.cc = all_mailboxes(headers, &HeaderName::Cc);
    email.subject = email.header("Subject").unwrap_or("").trim().to_string();
    email.message_id = ids(headers, &HeaderName::MessageId, &email.headers).into_iter().next();
    email.in_reply_to = ids(headers, &HeaderName::InReplyTo, &email.headers);
    email.references = ids(headers, &HeaderName::References, &email.headers);
    email.date = date(headers, &email.headers, &mut email.warnings);

    let warnings = sender_warnings(email, headers, raw);
    email.warnings.extend(warnings);
}

/// What is odd about the sender or the header encoding, in words.
fn sender_warnings(email: &Email, headers: &[RawHeader<'_>], raw: &[u8]) -> Vec<String> {
    let mut warnings = Vec::new();
    if email.from.is_none() {
        warnings.push("no readable From header".to_string());
    }
    if headers.iter().filter(|h| h.name == HeaderName::From).count() > 1 {
        warnings.push("more than one From header; the first one is used".to_string());
    }
    if let Some(from) = &email.from
        && let Some(name_addr) = from.name.as_deref().and_then(address_in)
        && !name_addr.eq_ignore_ascii_case(&from.address)
    {
        warnings.push(format!("From display name shows the address {name_addr} but the mail is from {}", from.address));
    }
    for h in headers {
        if let Some(cs) = unknown_encoded_word_charset(raw_value(h, raw)) {
            warnings.push(format!("header {} uses unknown charset {cs}; decoded lossily", name_as_written(h, raw)));
        }
    }
    warnings
}

/// A header as written: its name from the raw bytes (case kept), its
/// value unfolded with RFC 2047 encoded words decoded.
fn decoded(h: &RawHeader<'_>, raw: &[u8]) -> Header {
    let value = match MessageStream::new(raw_value(h, raw)).parse_unstructured() {
        HeaderValue::Text(t) => t.trim().to_string(),
        _ => String::new(),
    };
    Header { name: name_as_written(h, raw), value }
}

fn raw_value<'r>(h: &RawHeader<'_>, raw: &'r [u8]) -> &'r [u8] {
    raw.get(h.offset_start as usize..h.offset_end as usize).unwrap_or(&[])
}

fn name_as_written(h: &RawHeader<'_>, raw: &[u8]) -> String {
    let written = raw
        .get(h.offset_field as usize..h.offset_start as usize)
        .map(|b| String::from_utf8_lossy(b).trim().trim_end_matches(':').trim().to_string())
        .unwrap_or_default();
    if written.is_empty() { h.name.as_str().to_string() } else { written }
}

/// A mailbox from a parsed address. An address-less entry keeps its name;
/// a one-word name is a bare local part (`From: MAILER-DAEMON`).
fn mailbox(a: &Addr<'_>) -> Option<Mailbox> {
    let name = a.name.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
    match a.address.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(address) => Some(Mailbox { name, address: address.to_string() }),
        None => match name {
            Some(n) if !n.contains(char::is_whitespace) => Some(Mailbox { name: None, address: n }),
            Some(n) => Some(Mailbox { name: Some(n), address: String::new() }),
            None => None,
        },
    }
}

fn all_mailboxes(headers: &[RawHeader<'_>], name: &HeaderName<'_>) -> Vec<Mailbox> {
    headers
        .iter()
        .filter(|h| &h.name == name)
        .filter_map(|h| h.value.as_address())
        .flat_map(Address::iter)
        .filter_map(mailbox)
        .collect()
}

/// Message ids without angle brackets. Falls back to the decoded text when
/// mail-parser could not read the field (ids without brackets...).
fn ids(headers: &[RawHeader<'_>], name: &HeaderName<'_>, decoded: &[Header]) -> Vec<String> {
    let clean = |s: &str| s.trim().trim_start_matches('<').trim_end_matches('>').trim().to_string();
    let parsed: Vec<String> = headers
        .iter()
        .filter(|h| &h.name == name)
        .flat_map(|h| match &h.value {
            HeaderValue::Text(t) => vec![clean(t)],
            HeaderValue::TextList(l) => l.iter().map(|t| clean(t)).collect(),
            _ => Vec::new(),
        })
        .filter(|s| !s.is_empty())
        .collect();
    if !parsed.is_empty() {
        return parsed;
    }
    decoded
        .iter()
        .filter(|h| h.name.eq_ignore_ascii_case(name.as_str()))
        .flat_map(|h| h.value.split_whitespace().map(clean).collect::<Vec<_>>())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The first Date header in its own offset; `None` with a warning when it
/// is missing or unreadable.
fn date(headers: &[RawHeader<'_>], decoded: &[Header], warnings: &mut Vec<String>) -> Option<DateTime<FixedOffset>> {
    let parsed =
        headers.iter().filter(|h| h.name == HeaderName::Date).find_map(|h| h.value.as_datetime().and_then(to_chrono));
    if parsed.is_some() {
        return parsed;
    }
    let text = decoded.iter().find(|h| h.name.eq_ignore_ascii_case("Date")).map(|h| h.value.clone());
    match text {
        None => {
            warnings.push("no Date header".to_string());
            None
        }
        Some(text) => {
            let fallback = DateTime::parse_from_rfc2822(text.trim()).ok();
            if fallback.is_none() {
                warnings.push(format!("unreadable Date header: {text:?}"));
            }
            fallback
        }
    }
}

fn to_chrono(d: &mail_parser::DateTime) -> Option<DateTime<FixedOffset>> {
    // Years outside this range are mis-parsed garbage, not real mail.
    if !(1970..=2200).contains(&d.year) {
        return None;
    }
    let sign = if d.tz_before_gmt { -1 } else { 1 };
    let offset = FixedOffset::east_opt(sign * (i32::from(d.tz_hour) * 3600 + i32::from(d.tz_minute) * 60))?;
    let naive = NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))?.and_hms_opt(
        u32::from(d.hour),
        u32::from(d.minute),
        u32::from(d.second.min(59)),
    )?;
    offset.from_local_datetime(&naive).single()
}

/// An address written inside a display name (`"support@shop.com" <x@evil>`).
fn address_in(name: &str) -> Option<&str> {
    static ADDR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+").expect("static regex"));
    ADDR.find(name).map(|m| m.as_str())
}

/// The charset of the first RFC 2047 encoded word mail-parser cannot decode.
fn unknown_encoded_word_charset(raw: &[u8]) -> Option<String> {
    static WORD: LazyLock<regex::bytes::Regex> =
        LazyLock::new(|| regex::bytes::Regex::new(r"=\?([^?\s]{1,60})\?[bBqQ]\?").expect("static regex"));
    WORD.captures_iter(raw).find_map(|c| {
        let cs = String::from_utf8_lossy(c.get(1)?.as_bytes()).to_string();
        // RFC 2231 allows a language after the charset: `utf-8*en`.
        let cs_name = cs.split('*').next().unwrap_or("");
        (!charset_known(cs_name)).then_some(cs)
    })
}

/// Whether mail-parser decodes this charset (UTF-8 and ASCII natively).
pub fn charset_known(charset: &str) -> bool {
    let c = charset.trim().trim_matches('"').to_ascii_lowercase();
    matches!(c.as_str(), "" | "utf-8" | "utf8" | "us-ascii" | "ascii") || charset_decoder(c.as_bytes()).is_some()
}
