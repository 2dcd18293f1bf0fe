//! Parse: raw RFC 5322 bytes to one owned, normalised [`Email`].
//!
//! Input: the message exactly as the mailbox holds it. Output: an [`Email`]
//! with decoded headers, the newest text split from quoted history and
//! signature, hidden HTML text kept apart, forwards unpacked, attachments
//! listed and trust signals read. Failure: [`ParseError`] only when the bytes
//! are not a mail at all (empty, no header section); anything less (bad
//! charset, broken base64, truncated MIME, no Date) gives a best-effort
//! [`Email`] with `warnings`. Never panics.
//!
//! ```text
//! raw ─ mail-parser ─┬─ headers.rs  ids, addresses, Date, decoded header list
//!                    ├─ trust.rs    Authentication-Results, auto-reply, bounce, list
//!                    ├─ body.rs     part choice, charsets, attachments ── html/ (HTML → text, hidden text)
//!                    └─ forward.rs  forwards ── quote.rs  newest / quoted / signature
//! ```

mod body;
mod forward;
mod headers;
mod html;
mod labels;
mod quote;
mod trust;

use std::panic::{AssertUnwindSafe, catch_unwind};

use mail_parser::{HeaderName, Message, MessageParser};

use crate::domain::{BodySource, Email, Forwarded, Mailbox};

/// Why bytes could not be read as an email at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Zero bytes, or only whitespace.
    #[error("empty message: no bytes to parse")]
    Empty,
    /// Bytes with no recognisable header section.
    #[error("not an email: {0}")]
    NotAnEmail(String),
    /// A bug in the parser or a library it uses; the message is kept as is
    /// for a human.
    #[error("internal parser failure: {0}")]
    Internal(String),
}

/// Parses raw RFC 5322 bytes into an [`Email`].
pub fn parse(raw: &[u8]) -> Result<Email, ParseError> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Empty);
    }
    // Every path below is written not to panic, but mail-parser 0.11.9
    // underflows an offset or trips its own debug assertions on some
    // malformed MIME (debug builds only). One bad mail must not stop the
    // mailbox loop: retry with the headers alone and the body as raw text.
    match catch_unwind(AssertUnwindSafe(|| parse_message(raw))) {
        Ok(result) => result,
        Err(payload) => {
            let why = panic_message(payload.as_ref());
            match catch_unwind(AssertUnwindSafe(|| parse_headers_only(raw, &why))) {
                Ok(result) => result,
                Err(again) => Err(ParseError::Internal(format!("{why}; then {}", panic_message(again.as_ref())))),
            }
        }
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// The degraded path: headers as usual, the body as undecoded text.
fn parse_headers_only(raw: &[u8], why: &str) -> Result<Email, ParseError> {
    let msg = MessageParser::default()
        .parse_headers(raw)
        .ok_or_else(|| ParseError::NotAnEmail("no header section found".to_string()))?;
    let root = msg.parts.first().ok_or_else(|| ParseError::NotAnEmail("no message part found".to_string()))?;
    let mut email = Email { raw_size: raw.len(), ..Email::default() };
    headers::fill(&mut email, &root.headers, raw);
    email.trust = trust::signals(&email.headers, &email.subject, email.from.as_ref(), body::report_type(&msg));
    email.warnings.push(format!("MIME structure unreadable (parser failure: {why}); body kept as raw text"));
    let start = [&b"\r\n\r\n"[..], b"\n\n"]
        .iter()
        .filter_map(|sep| raw.windows(sep.len()).position(|w| w == *sep).map(|p| p + sep.len()))
        .min()
        .unwrap_or(raw.len());
    let text = String::from_utf8_lossy(raw.get(start..).unwrap_or_default()).replace("\r\n", "\n");
    email.body_source = BodySource::Plain;
    texts(&mut email, &text, None);
    sanitize(&mut email);
    Ok(email)
}

fn parse_message(raw: &[u8]) -> Result<Email, ParseError> {
    let msg = MessageParser::default()
        .parse(raw)
        .ok_or_else(|| ParseError::NotAnEmail("no header section found".to_string()))?;
    let root = msg.parts.first().ok_or_else(|| ParseError::NotAnEmail("no message part found".to_string()))?;
    if !root.headers.iter().any(|h| is_mail_header(&h.name)) {
        return Err(ParseError::NotAnEmail("no RFC 5322 or MIME header found".to_string()));
    }
    let mut email = Email { raw_size: raw.len(), ..Email::default() };
    headers::fill(&mut email, &root.headers, raw);
    let report = body::report_type(&msg);
    email.trust = trust::signals(&email.headers, &email.subject, email.from.as_ref(), report.clone());

    let body = body::extract(&msg);
    email.body_source = body.source;
    email.hidden_text = body.hidden;
    email.warnings.extend(body.warnings);
    email.attachments = body::attachments(&msg, &body.parts_read);
    // A report's attached message is the bounced mail, not a forward.
    let attached = if report.is_report { None } else { body::attached_messages(&msg).into_iter().next() };
    texts(&mut email, &body.text, attached);
    sanitize(&mut email);
    Ok(email)
}

/// Known header names, and any `X-` header: enough to tell mail from noise.
fn is_mail_header(name: &HeaderName<'_>) -> bool {
    match name {
        HeaderName::Other(n) => n.len() > 2 && n.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("x-")),
        _ => true,
    }
}

/// Fills newest, quoted and signature text, unpacking a forward when there
/// is one (written in the body, or attached as message/rfc822).
fn texts(email: &mut Email, text: &str, attached: Option<&Message<'_>>) {
    let forwarder = email.from.clone().unwrap_or_default();
    if let Some(block) = forward::find(text, &email.subject) {
        let note = quote::split(&block.note);
        let original = quote::split(&block.original_body);
        email.forwarded = Some(Forwarded {
            forwarder,
            original_from: block.original_from,
            original_subject: block.original_subject,
            original_date: block.original_date,
            note: note.newest.clone(),
            original_text: original.newest.clone(),
        });
        set_texts(email, [note, original]);
    } else if let Some(inner) = attached {
        let note = quote::split(text);
        let inner_body = body::extract(inner);
        let original = quote::split(&inner_body.text);
        let mut inner_headers = Email::default();
        if let Some(root) = inner.parts.first() {
            headers::fill(&mut inner_headers, &root.headers, &inner.raw_message);
        }
        email.warnings.extend(inner_body.warnings.into_iter().map(|w| format!("attached message: {w}")));
        push_paragraph(&mut email.hidden_text, &inner_body.hidden);
        email.forwarded = Some(Forwarded {
            forwarder,
            original_date: inner_headers.header("Date").map(str::to_string),
            original_subject: Some(inner_headers.subject).filter(|s| !s.is_empty()),
            original_from: inner_headers.from,
            note: note.newest.clone(),
            original_text: original.newest.clone(),
        });
        set_texts(email, [note, original]);
    } else {
        set_texts(email, [quote::split(text)]);
    }
}

fn set_texts<const N: usize>(email: &mut Email, splits: [quote::Split; N]) {
    for s in splits {
        push_paragraph(&mut email.newest_text, &s.newest);
        push_paragraph(&mut email.quoted_text, &s.quoted);
        push_paragraph(&mut email.signature, &s.signature);
    }
}

/// Appends `text` after a blank line (nothing when it is empty).
fn push_paragraph(to: &mut String, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    if !to.is_empty() {
        to.push_str("\n\n");
    }
    to.push_str(text);
}

/// Removes NUL and other control characters (except newline and tab) from
/// every text field: databases and terminals downstream choke on them.
fn sanitize(email: &mut Email) {
    let mut had_nul = false;
    let mut clean = |s: &mut String| {
        if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            had_nul |= s.contains('\0');
            s.retain(|c| !c.is_control() || c == '\n' || c == '\t');
        }
    };
    let texts = [
        &mut email.subject,
        &mut email.newest_text,
        &mut email.quoted_text,
        &mut email.hidden_text,
        &mut email.signature,
    ];
    texts.into_iter().for_each(&mut clean);
    let ids = email.message_id.iter_mut().chain(&mut email.in_reply_to).chain(&mut email.references);
    ids.for_each(&mut clean);
    let mailboxes = email.from.iter_mut().chain(email.sender.iter_mut()).chain(&mut email.reply_to);
    for m in mailboxes.chain(&mut email.to).chain(&mut email.cc) {
        clean_mailbox(m, &mut clean);
    }
    if let Some(f) = &mut email.forwarded {
        clean_forwarded(f, &mut clean);
    }
    for h in &mut email.headers {
        clean(&mut h.name);
        clean(&mut h.value);
    }
    email.attachments.iter_mut().filter_map(|a| a.name.as_mut()).for_each(&mut clean);
    if had_nul {
        email.warnings.push("NUL bytes removed from the text".to_string());
    }
    email.warnings.dedup();
}

fn clean_forwarded(f: &mut Forwarded, clean: &mut impl FnMut(&mut String)) {
    [&mut f.note, &mut f.original_text].into_iter().for_each(&mut *clean);
    f.original_subject.iter_mut().chain(f.original_date.iter_mut()).for_each(&mut *clean);
    clean_mailbox(&mut f.forwarder, clean);
    if let Some(m) = &mut f.original_from {
        clean_mailbox(m, clean);
    }
}

fn clean_mailbox(m: &mut Mailbox, clean: &mut impl FnMut(&mut String)) {
    clean(&mut m.address);
    m.name.iter_mut().for_each(clean);
}

#[cfg(test)]
mod tests;
