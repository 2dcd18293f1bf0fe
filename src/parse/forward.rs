//! Finding a forwarded message inside a body's text.
//!
//! Input: the body text and the subject. Output: a [`ForwardBlock`] with the
//! forwarder's note, the forwarded header fields as the body claims them,
//! and the forwarded text; `None` when the mail forwards nothing. Markers:
//! Gmail's and Thunderbird's dashed lines, Apple Mail's "Begin forwarded
//! message:", each in many languages, and Outlook's "FW:" subject over an
//! "-----Original Message-----" line or a From/Sent header block.

use std::sync::LazyLock;

use regex::Regex;

use super::labels::{self, Field};
use super::quote::{self, StartKind};
use crate::domain::Mailbox;

/// A forward found in the text; every claim in it is the sender's word.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ForwardBlock {
    /// What the forwarder wrote above the forwarded message.
    pub note: String,
    pub original_from: Option<Mailbox>,
    pub original_subject: Option<String>,
    pub original_date: Option<String>,
    /// The forwarded message's text, quoting removed when the whole of it
    /// was quoted.
    pub original_body: String,
}

static DASHED_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*-{2,}\s*(forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|doorgestuurd bericht|pesan terusan|अग्रेषित संदेश|mensagem encaminhada|messaggio inoltrato|vidarebefordrat meddelande|videresendt meddelelse|videresendt melding|przekazana wiadomość|wiadomość przekazana|пересланное сообщение|iletilen ileti|välitetty viesti|转发的邮件|転送されたメッセージ)\s*-{2,}\s*$",
    )
    .expect("static regex")
});

static APPLE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié|début du message transféré|inicio del mensaje reenviado|comienzo del mensaje reenviado|begin doorgestuurd bericht|início da mensagem reencaminhada|início da mensagem encaminhada|inizio messaggio inoltrato|vidarebefordrat brev börjar|awal pesan yang diteruskan)\s*[:：]?\s*$",
    )
    .expect("static regex")
});

/// Subject prefixes that mean "forwarded" (English, German WG, French TR,
/// Spanish RV, Portuguese ENC, Dutch Doorst, Swedish VB, Finnish VL,
/// Italian I, Polish PD); replies (RE, AW, SV, ...) end the check.
static SUBJECT_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(re|aw|sv|vs|antw|odp|ynt|rif|res|fw|fwd|wg|tr|rv|enc|doorst|vb|vl|i|pd)\s*(\[\d+\])?\s*[:：]")
        .expect("static regex")
});

/// A header-like line with a label these rules do not know.
static OTHER_FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\**\s*\p{L}[\p{L}\p{M} -]{0,24}\s*\**\s*[:：]\s*\S").expect("static regex"));

static ADDRESS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+'\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+").expect("static regex"));

/// Whether the subject's first prefix says "forwarded".
pub fn is_forward_subject(subject: &str) -> bool {
    SUBJECT_PREFIX.captures(subject).and_then(|c| c.get(1)).is_some_and(|p| {
        matches!(
            p.as_str().to_lowercase().as_str(),
            "fw" | "fwd" | "wg" | "tr" | "rv" | "enc" | "doorst" | "vb" | "vl" | "i" | "pd"
        )
    })
}

/// The forward in `text`, if it has one before any quoted history.
pub fn find(text: &str, subject: &str) -> Option<ForwardBlock> {
    let lines: Vec<&str> = text.lines().collect();
    let quote_start = quote::find_start(&lines);
    let limit = quote_start.map_or(lines.len(), |s| s.line);
    let forward_subject = is_forward_subject(subject);
    let is_marker = |l: &str| DASHED_MARKER.is_match(l) || APPLE_MARKER.is_match(l);
    // A quoted marker is someone else's forward, unless the subject says
    // this mail forwards (iOS Mail's HTML quotes its own marker).
    let marker = lines
        .iter()
        .take(limit + 1)
        .position(|l| if quote::is_quoted(l) { forward_subject && is_marker(unquote_once(l)) } else { is_marker(l) });
    let (at, header_start) = match (marker, quote_start) {
        (Some(i), _) => (i, i + 1),
        (None, Some(s)) if s.kind != StartKind::Attribution && forward_subject => (s.line, s.line + s.len),
        _ => return None,
    };
    let note = lines.get(..at).unwrap_or(&[]).join("\n");
    let rest: Vec<&str> = dequote(lines.get(header_start..).unwrap_or(&[]));
    let (fields, body_start) = header_fields(&rest);
    let mut block = ForwardBlock {
        note: note.trim().to_string(),
        original_body: rest.get(body_start..).unwrap_or(&[]).join("\n").trim().to_string(),
        ..ForwardBlock::default()
    };
    for (field, value) in fields {
        match field {
            Field::From if block.original_from.is_none() => block.original_from = mailbox(value),
            Field::Subject if block.original_subject.is_none() => block.original_subject = Some(value.to_string()),
            Field::Date if block.original_date.is_none() => block.original_date = Some(value.to_string()),
            _ => {}
        }
    }
    Some(block)
}

/// Apple Mail's HTML quotes the whole forwarded message; when every line
/// is quoted, one level of `>` is removed.
fn dequote<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let all_quoted =
        lines.iter().any(|l| !l.trim().is_empty()) && lines.iter().all(|l| l.trim().is_empty() || quote::is_quoted(l));
    if !all_quoted {
        return lines.to_vec();
    }
    lines.iter().map(|l| unquote_once(l)).collect()
}

/// The line with one level of `>` quoting removed.
fn unquote_once(line: &str) -> &str {
    let l = line.trim_start_matches(' ');
    let l = l.strip_prefix('>').unwrap_or(l);
    l.strip_prefix(' ').unwrap_or(l)
}

/// The header fields at the top of `lines`, and where the body starts.
fn header_fields<'a>(lines: &[&'a str]) -> (Vec<(Field, &'a str)>, usize) {
    let mut fields = Vec::new();
    let mut i = lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(lines.len());
    let mut other_fields = 0;
    while let Some(line) = lines.get(i) {
        if line.trim().is_empty() || fields.len() + other_fields >= 16 {
            break;
        }
        match labels::field(line) {
            Some(f) => fields.push(f),
            // A long To or Cc list wraps onto the next lines.
            None if matches!(fields.last(), Some((Field::To | Field::Cc, _))) => {}
            // Outlook adds "Importance: High" or "Attachments: x.pdf".
            None if fields.len() >= 2 && OTHER_FIELD.is_match(line) => other_fields += 1,
            None => break,
        }
        i += 1;
    }
    if fields.is_empty() {
        // No header block: the forwarded text starts right away.
        return (fields, 0);
    }
    (fields, i)
}

/// A mailbox from a header line as written in a body: `Name <a@b.c>`,
/// `Name [mailto:a@b.c]`, `a@b.c`, Outlook's `Name <a@b.c<mailto:a@b.c>>`,
/// or only a name.
pub fn mailbox(value: &str) -> Option<Mailbox> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let address = ADDRESS.find(value).map(|m| m.as_str().trim_matches(|c| c == '.' || c == '\'').to_string());
    let name_end = value.find(['<', '[']).unwrap_or(value.len());
    let name = value
        .get(..name_end)
        .unwrap_or("")
        .trim()
        // Gmail's plain text writes the sender's name in bold: `*Name*`.
        .trim_matches(|c| c == '"' || c == '\'' || c == '*')
        .trim();
    let name = (!name.is_empty() && Some(name) != address.as_deref() && !name.contains('@')).then(|| name.to_string());
    match (name, address) {
        (name, Some(address)) => Some(Mailbox { name, address }),
        (Some(name), None) => Some(Mailbox { name: Some(name), address: String::new() }),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gmail_forward_yields_note_header_and_text() {
        let text = "FYI, see below.\n\n---------- Forwarded message ---------\nFrom: Delhivery <noreply@delhivery.com>\nDate: Tue, 10 Nov 2026 at 14:02\nSubject: Address issue for AWB DL1234567890IN\nTo: <ops@shop.example>\n\n\nDear customer, the address is incomplete.\n";
        let f = find(text, "Fwd: Address issue").expect("forward");
        assert_eq!(f.note, "FYI, see below.");
        assert_eq!(f.original_from.as_ref().map(|m| m.address.as_str()), Some("noreply@delhivery.com"));
        assert_eq!(f.original_subject.as_deref(), Some("Address issue for AWB DL1234567890IN"));
        assert_eq!(f.original_date.as_deref(), Some("Tue, 10 Nov 2026 at 14:02"));
        assert_eq!(f.original_body, "Dear customer, the address is incomplete.");
    }

    #[test]
    fn an_outlook_forward_is_told_apart_from_a_reply_by_its_subject() {
        let text = "Please handle.\n\nFrom: Acme Textiles <orders@acmetextiles.in>\nSent: Tuesday, November 10, 2026 2:02 PM\nTo: ops@shop.example\nSubject: PO-55120 delayed\nImportance: High\n\nNew ready date 20 Nov.";
        let f = find(text, "FW: PO-55120 delayed").expect("forward");
        assert_eq!(f.note, "Please handle.");
        assert_eq!(f.original_from.map(|m| m.address), Some("orders@acmetextiles.in".to_string()));
        assert_eq!(f.original_body, "New ready date 20 Nov.");
        assert!(find(text, "RE: FW: PO-55120 delayed").is_none());
    }

    #[test]
    fn localized_markers_and_labels_are_read() {
        let text = "---------- Weitergeleitete Nachricht ---------\nVon: Max <max@beispiel.de>\nDate: Di., 10. Nov. 2026 um 14:02 Uhr\nSubject: Lieferung\nTo: <ops@shop.example>\n\nHallo";
        let f = find(text, "Fwd: Lieferung").expect("forward");
        assert_eq!(f.note, "");
        assert_eq!(f.original_from.and_then(|m| m.name), Some("Max".to_string()));
        assert_eq!(f.original_body, "Hallo");
    }

    #[test]
    fn ios_mails_quoted_marker_counts_when_the_subject_says_forward() {
        let text = "See below\n\n> Begin forwarded message:\n>\n> From: Blue Dart <alerts@bluedart.com>\n> Subject: Delay\n> Date: 22 November 2026\n>\n> Delayed to 26 Nov.";
        let f = find(text, "Fwd: Delay").expect("forward");
        assert_eq!(f.note, "See below");
        assert_eq!(f.original_body, "Delayed to 26 Nov.");
        assert!(find(text, "Re: Delay").is_none());
    }

    #[test]
    fn a_marker_inside_quoted_history_is_not_a_forward() {
        let text = "Thanks!\n\nOn Tue, 10 Nov 2026, A <a@x.com> wrote:\n> ---------- Forwarded message ---------\n> From: B <b@y.com>";
        assert!(find(text, "Re: Fwd: x").is_none());
    }

    #[test]
    fn body_mailboxes_are_read_in_client_notations() {
        let m = mailbox("Priya Sharma <priya@example.com<mailto:priya@example.com>>").expect("mailbox");
        assert_eq!((m.name.as_deref(), m.address.as_str()), (Some("Priya Sharma"), "priya@example.com"));
        let m = mailbox("\"Sharma, Priya\" [mailto:priya@example.com]").expect("mailbox");
        assert_eq!(m.name.as_deref(), Some("Sharma, Priya"));
        let m = mailbox("*Delhivery* <noreply@delhivery.com>").expect("mailbox");
        assert_eq!(m.name.as_deref(), Some("Delhivery"));
        let m = mailbox("Priya Sharma").expect("mailbox");
        assert_eq!((m.name.as_deref(), m.address.as_str()), (Some("Priya Sharma"), ""));
    }

    #[test]
    fn forward_prefixes_are_recognised_in_several_languages() {
        for s in ["Fwd: x", "FW: x", "WG: x", "TR : x", "RV: x", "Doorst: x", "Fwd[2]: x"] {
            assert!(is_forward_subject(s), "{s}");
        }
        for s in ["Re: Fwd: x", "AW: WG: x", "Forward planning"] {
            assert!(!is_forward_subject(s), "{s}");
        }
    }
}
