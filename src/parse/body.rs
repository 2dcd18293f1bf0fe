//! The body: which part to read, as text, and what is attached.
//!
//! Input: a message parsed by mail-parser (transfer encodings and charsets
//! already decoded by it). Output: [`Body`] (the text to read, where it came
//! from, hidden HTML text, warnings), the attachment list and any attached
//! messages. Undecodable parts and unknown charsets become warnings; the
//! text is kept lossily.

use std::collections::HashMap;
use std::sync::LazyLock;

use mail_parser::{Encoding, Message, MessagePart, MimeHeaders, PartType};
use regex::Regex;

use super::headers::charset_known;
use super::html::{self, Rendered};
use super::trust::ReportType;
use crate::domain::{Attachment, BodySource};

/// Largest text part read; real mail is far smaller, and quoting and
/// rendering work stays bounded on hostile input.
const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Default)]
pub struct Body {
    pub text: String,
    pub source: BodySource,
    pub hidden: String,
    pub warnings: Vec<String>,
    /// Parts mail-parser filed as attachments but read here as the body
    /// (text of a multipart cut off before its closing boundary).
    pub parts_read: Vec<u32>,
}

/// Picks and decodes the body text of `msg`.
pub fn extract(msg: &Message<'_>) -> Body {
    let mut body = Body::default();
    let mut rendered: HashMap<u32, Rendered> = HashMap::new();
    let mut text_view = view(msg, &msg.text_body, &mut rendered, &mut body.warnings);
    let html_view = view(msg, &msg.html_body, &mut rendered, &mut body.warnings);
    if text_view.is_empty() && html_view.is_empty() {
        // A multipart cut off before its closing boundary leaves its text
        // parts among the attachments; read those without a file name.
        body.parts_read = stray_text_parts(msg);
        text_view = view(msg, &body.parts_read, &mut rendered, &mut body.warnings);
    }
    let is_plain = |b: &PartType<'_>| matches!(b, PartType::Text(_));
    let has_plain = has_part(msg, &msg.text_body, is_plain) || has_part(msg, &body.parts_read, is_plain);
    let has_html = has_part(msg, &msg.html_body, |b| matches!(b, PartType::Html(_)));
    (body.text, body.source) = choose(text_view, html_view, has_plain, has_html);
    collect_hidden(&rendered, &mut body);
    body.warnings.extend(part_warnings(msg));
    body
}

/// The text view (plain parts, or HTML when there is no plain part) unless
/// it is empty or a stub next to richer HTML; then the HTML view.
fn choose(text: String, html: String, has_plain: bool, has_html: bool) -> (String, BodySource) {
    let text_source = if has_plain { BodySource::Plain } else { BodySource::Html };
    if has_plain && !text.is_empty() && !(has_html && is_stub(&text, &html)) {
        (text, BodySource::Plain)
    } else if has_html && !html.is_empty() {
        (html, BodySource::Html)
    } else if !text.is_empty() {
        (text, text_source)
    } else {
        (String::new(), BodySource::None)
    }
}

/// Hidden text and rendering notes of every HTML part, in part order.
fn collect_hidden(rendered: &HashMap<u32, Rendered>, body: &mut Body) {
    let mut ids: Vec<&u32> = rendered.keys().collect();
    ids.sort();
    for id in ids {
        let Some(r) = rendered.get(id) else { continue };
        if !r.hidden.is_empty() {
            body.warnings.push(format!(
                "HTML part {id} hides {} characters of text from the reader ({}); kept in hidden_text",
                r.hidden.chars().count(),
                r.reasons.join(", ")
            ));
            if !body.hidden.is_empty() {
                body.hidden.push_str("\n\n");
            }
            body.hidden.push_str(&r.hidden);
        }
        if let Some(d) = &r.degraded {
            body.warnings.push(format!("HTML part {id}: {d}"));
        }
    }
}

/// The text of the listed parts, in order, HTML rendered.
fn view(msg: &Message<'_>, ids: &[u32], rendered: &mut HashMap<u32, Rendered>, warnings: &mut Vec<String>) -> String {
    let mut pieces = Vec::new();
    for &id in ids {
        let Some(part) = msg.parts.get(id as usize) else {
            continue;
        };
        match &part.body {
            PartType::Text(t) => pieces.push(plain_text(bounded(t, id, warnings), part)),
            PartType::Html(h) => {
                let r = rendered.entry(id).or_insert_with(|| html::render(bounded(h, id, warnings)));
                pieces.push(r.text.clone());
            }
            _ => {}
        }
    }
    pieces.retain(|p| !p.trim().is_empty());
    pieces.join("\n\n")
}

/// Text parts filed as attachments that carry no file name.
fn stray_text_parts(msg: &Message<'_>) -> Vec<u32> {
    msg.attachments
        .iter()
        .copied()
        .filter(|&id| {
            msg.parts.get(id as usize).is_some_and(|p| {
                matches!(p.body, PartType::Text(_) | PartType::Html(_))
                    && p.attachment_name().is_none()
                    && !p.content_disposition().is_some_and(|d| d.is_attachment())
            })
        })
        .collect()
}

fn has_part(msg: &Message<'_>, ids: &[u32], test: fn(&PartType<'_>) -> bool) -> bool {
    ids.iter().filter_map(|&id| msg.parts.get(id as usize)).any(|p| test(&p.body))
}

/// `text` cut to [`MAX_TEXT_BYTES`] on a character boundary.
fn bounded<'t>(text: &'t str, id: u32, warnings: &mut Vec<String>) -> &'t str {
    if text.len() <= MAX_TEXT_BYTES {
        return text;
    }
    let mut end = MAX_TEXT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1; // Stops at 0 at the latest, which is a boundary.
    }
    let note = format!("text part {id} is {} bytes; only the first {end} were read", text.len());
    if !warnings.contains(&note) {
        warnings.push(note);
    }
    text.get(..end).unwrap_or("")
}

/// A plain part with line ends normalised and format=flowed lines joined.
fn plain_text(text: &str, part: &MessagePart<'_>) -> String {
    let text = text.trim_start_matches('\u{FEFF}').replace("\r\n", "\n").replace('\r', "\n");
    let ct = part.content_type();
    let flowed = ct.and_then(|c| c.attribute("format")).is_some_and(|f| f.eq_ignore_ascii_case("flowed"));
    if !flowed {
        return text;
    }
    let delsp = ct.and_then(|c| c.attribute("delsp")).is_some_and(|d| d.eq_ignore_ascii_case("yes"));
    unflow(&text, delsp)
}

/// Joins RFC 3676 soft line breaks: a line ending in a space continues on
/// the next line of the same quote depth.
fn unflow(text: &str, delsp: bool) -> String {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut continues = false;
    for line in text.split('\n') {
        let depth = line.chars().take_while(|&c| c == '>').count();
        let content = line.get(depth..).unwrap_or("");
        let content = content.strip_prefix(' ').unwrap_or(content);
        let is_sig = content == "-- ";
        let soft = content.ends_with(' ') && !is_sig;
        let content = if soft && delsp { content.get(..content.len() - 1).unwrap_or(content) } else { content };
        match out.last_mut() {
            Some((d, acc)) if continues && *d == depth => acc.push_str(content),
            _ => out.push((depth, content.to_string())),
        }
        continues = soft;
    }
    out.into_iter()
        .map(|(d, l)| if d == 0 { l } else { format!("{} {l}", ">".repeat(d)) })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A text part that only points at the HTML version ("view this email in
/// your browser") next to a much richer HTML part.
fn is_stub(plain: &str, html: &str) -> bool {
    static STUB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?i)view ((this|it|the) )?((e-?mail|message|newsletter) )?(in|on) (your |a )?(web )?browser",
            r"|view (it |this )?online|open in (your )?browser|trouble viewing|web version|browser version",
            r"|(does not|doesn't|cannot|can't) (support|display) html|html[- ]capable|enable html",
            r"|this is an html (message|email)|im browser (anzeigen|ansehen|öffnen)|darstellungsprobleme",
            r"|online (ansehen|anzeigen|bekijken)|bekijk (deze e-?mail |de )?(in (je|uw) browser|online)",
            r"|version en ligne|voir (la version|dans (le|votre) navigateur)|afficher dans (le|votre) navigateur",
            r"|ver (en (el|tu|su) navegador|versión web|en línea|online)|no navegador",
            r"|lihat (di browser|versi online)|tampilkan di browser|ब्राउज़र में देखें",
        ))
        .expect("static regex")
    });
    let (p, h) = (plain.trim().chars().count(), html.trim().chars().count());
    if p == 0 {
        return true;
    }
    // A stub that says so only needs the HTML to say more; an unexplained
    // short text must be dwarfed by the HTML.
    (p < 400 && h > p && STUB.is_match(plain)) || (p < 200 && h > 6 * p && h > 200)
}

/// Warnings about parts decoded lossily.
fn part_warnings(msg: &Message<'_>) -> Vec<String> {
    let mut warnings = Vec::new();
    for (id, part) in msg.parts.iter().enumerate() {
        let ct = content_type(part);
        if part.is_encoding_problem {
            warnings.push(format!("part {id} ({ct}) could not be decoded as declared; kept as raw text"));
        }
        let (PartType::Text(text) | PartType::Html(text)) = &part.body else {
            continue;
        };
        let charset = part.content_type().and_then(|c| c.attribute("charset"));
        match charset {
            Some(cs) if !charset_known(cs) => {
                warnings.push(format!("part {id} ({ct}) declares unknown charset {cs:?}; decoded lossily as UTF-8"))
            }
            _ if text.contains('\u{FFFD}') => {
                warnings.push(format!("part {id} ({ct}) has bytes invalid in its charset; replaced"));
            }
            _ => {}
        }
    }
    warnings
}

/// `type/subtype` in lower case, with the defaults RFC 2045 implies.
fn content_type(part: &MessagePart<'_>) -> String {
    match part.content_type() {
        Some(ct) => match ct.subtype() {
            Some(sub) => format!("{}/{}", ct.ctype(), sub).to_lowercase(),
            None => ct.ctype().to_lowercase(),
        },
        None => match part.body {
            PartType::Html(_) => "text/html".to_string(),
            PartType::Message(_) => "message/rfc822".to_string(),
            PartType::Text(_) => "text/plain".to_string(),
            _ => "application/octet-stream".to_string(),
        },
    }
}

/// Every part mail-parser counts as an attachment (files, inline images,
/// attached messages), described without copying its content.
pub fn attachments(msg: &Message<'_>, parts_read: &[u32]) -> Vec<Attachment> {
    msg.attachments
        .iter()
        .filter(|id| !parts_read.contains(id))
        .filter_map(|&id| msg.parts.get(id as usize))
        .filter(|p| !matches!(p.body, PartType::Multipart(_)))
        .map(|p| Attachment {
            name: p.attachment_name().map(|n| n.trim().to_string()).filter(|n| !n.is_empty()),
            content_type: content_type(p),
            size: part_size(p),
        })
        .collect()
}

fn part_size(part: &MessagePart<'_>) -> usize {
    match &part.body {
        // An attached message that was not transfer-encoded shares the
        // outer raw bytes; its own span is what it weighs.
        PartType::Message(m) if part.encoding == Encoding::None => {
            (part.offset_end as usize).saturating_sub(part.offset_body as usize).min(m.raw_message.len())
        }
        PartType::Message(m) => m.raw_message.len(),
        _ => part.len(),
    }
}

/// Messages attached as message/rfc822 parts.
pub fn attached_messages<'m>(msg: &'m Message<'m>) -> Vec<&'m Message<'m>> {
    msg.attachments
        .iter()
        .filter_map(|&id| msg.parts.get(id as usize))
        .filter_map(|p| match &p.body {
            PartType::Message(m) => Some(m),
            _ => None,
        })
        .collect()
}

/// Whether the top-level part is a multipart/report, and of which kind.
pub fn report_type(msg: &Message<'_>) -> ReportType {
    let ct = msg.parts.first().and_then(|p| p.content_type());
    let is_report = ct.is_some_and(|c| {
        c.ctype().eq_ignore_ascii_case("multipart") && c.subtype().is_some_and(|s| s.eq_ignore_ascii_case("report"))
    });
    ReportType {
        is_report,
        report_type: ct.filter(|_| is_report).and_then(|c| c.attribute("report-type")).map(|r| r.trim().to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flowed_lines_are_joined_per_quote_depth() {
        let text = "Please deliver to \nFlat 3B, 14 MG Road.\n> old \n> line\n-- \nsig";
        assert_eq!(unflow(text, false), "Please deliver to Flat 3B, 14 MG Road.\n> old line\n-- \nsig");
        assert_eq!(unflow("ab \ncd", true), "abcd");
    }

    #[test]
    fn a_browser_link_next_to_rich_html_is_a_stub() {
        let html = "Our autumn sale: 30% off all linen shirts. ".repeat(10);
        assert!(is_stub("View this email in your browser: https://x.example/v", &html));
        assert!(is_stub("View in browser", &html));
        assert!(is_stub("Darstellungsprobleme? E-Mail im Browser anzeigen.", &html));
        assert!(!is_stub(
            "Hi, where is my order SO-10231? It was due yesterday.",
            "Hi, where is my order SO-10231? It was due yesterday."
        ));
    }
}
