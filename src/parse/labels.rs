//! The header lines mail clients write above quoted or forwarded mail.
//!
//! Input: one line of body text. Output: which field it is (From, Sent/Date,
//! To, Cc, Subject) and its value, in the languages Outlook, Gmail, Apple
//! Mail and Thunderbird write them: "From:", "Von:", "De :", "Van:",
//! "Dari:", "*From:*"... `None` for any other line.

use std::sync::LazyLock;

use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    From,
    /// "Sent:" in Outlook, "Date:" in Gmail and Apple Mail.
    Date,
    To,
    Cc,
    Subject,
}

/// Lower-case labels per field. Short words ("de", "a", "da") are safe
/// because a block needs a From line and two other fields close together.
const LABELS: &[(Field, &[&str])] = &[
    (
        Field::From,
        &[
            "from",
            "von",
            "de",
            "van",
            "dari",
            "da",
            "från",
            "fra",
            "od",
            "от",
            "kimden",
            "lähettäjä",
            "feladó",
            "afzender",
            "remetente",
            "mittente",
            "expéditeur",
            "发件人",
            "寄件者",
            "差出人",
            "प्रेषक",
            "से",
            "भेजने वाला",
        ],
    ),
    (
        Field::Date,
        &[
            "sent",
            "date",
            "gesendet",
            "datum",
            "envoyé",
            "enviado",
            "enviado el",
            "terkirim",
            "enviada",
            "fecha",
            "data",
            "verzonden",
            "dikirim",
            "tanggal",
            "inviato",
            "skickat",
            "sendt",
            "wysłano",
            "отправлено",
            "дата",
            "tarih",
            "lähetetty",
            "päivämäärä",
            "dátum",
            "发送时间",
            "日期",
            "送信日時",
            "भेजा गया",
            "दिनांक",
            "तारीख",
        ],
    ),
    (
        Field::To,
        &[
            "to",
            "an",
            "à",
            "a",
            "para",
            "aan",
            "kepada",
            "till",
            "til",
            "do",
            "кому",
            "kime",
            "vastaanottaja",
            "címzett",
            "收件人",
            "宛先",
            "प्रति",
            "को",
        ],
    ),
    (Field::Cc, &["cc", "kopie", "copie", "cópia", "kopi", "копия", "kopio", "抄送", "प्रतिलिपि"]),
    (
        Field::Subject,
        &[
            "subject",
            "betreff",
            "objet",
            "asunto",
            "assunto",
            "onderwerp",
            "subjek",
            "perihal",
            "oggetto",
            "ämne",
            "emne",
            "temat",
            "тема",
            "konu",
            "aihe",
            "tárgy",
            "předmět",
            "主题",
            "件名",
            "विषय",
        ],
    ),
];

/// `*From:* value`, `From : value`, `**Von:** value`: a short label of
/// letters, a colon (French puts a space before it), then the value.
static LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s>]*\**\s*([\p{L}\p{M}][\p{L}\p{M} ]{0,24}?)\s*\**\s*[:：]\s*\**\s*(.*?)\s*$")
        .expect("static regex")
});

/// The field a line starts with, and its value (may be empty).
pub fn field(line: &str) -> Option<(Field, &str)> {
    let cap = LINE.captures(line)?;
    let label = cap.get(1)?.as_str().trim().to_lowercase();
    let value = cap.get(2).map_or("", |m| m.as_str());
    LABELS.iter().find(|(_, names)| names.contains(&label.as_str())).map(|(f, _)| (*f, value))
}

/// Whether a block of header lines starts at `lines[start]`: a From line
/// followed within a few lines by Subject and Date/Sent or To.
/// Returns how many lines the block spans (up to the last field line).
pub fn header_block_at(lines: &[&str], start: usize) -> Option<usize> {
    let first = lines.get(start)?;
    // "From: | Mumbai hub" is a table row of a shipping notice, not a header.
    if !matches!(field(first), Some((Field::From, v)) if !v.is_empty() && !v.starts_with('|')) {
        return None;
    }
    let mut seen = Vec::new();
    let mut last = start;
    for (i, line) in lines.iter().enumerate().skip(start + 1).take(8) {
        if line.trim().is_empty() {
            // Gmail may leave one blank line before "To:"; stop at a second.
            if i > last + 1 {
                break;
            }
            continue;
        }
        if let Some((f, _)) = field(line) {
            if f == Field::From {
                break;
            }
            if !seen.contains(&f) {
                seen.push(f);
            }
            last = i;
        }
    }
    // Every client writes a Subject line; shipping tables with From/To/Date
    // rows do not.
    let complete = seen.contains(&Field::Subject) && (seen.contains(&Field::Date) || seen.contains(&Field::To));
    complete.then_some(last + 1 - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn localized_and_decorated_labels_are_recognised() {
        assert_eq!(field("From: A <a@x.com>"), Some((Field::From, "A <a@x.com>")));
        assert_eq!(field("*Von:* Max"), Some((Field::From, "Max")));
        assert_eq!(field("De : Jean"), Some((Field::From, "Jean")));
        assert_eq!(
            field("Gesendet: Dienstag, 10. November 2026 14:02"),
            Some((Field::Date, "Dienstag, 10. November 2026 14:02"))
        );
        assert_eq!(field("Onderwerp: Levering"), Some((Field::Subject, "Levering")));
        assert_eq!(field("Kepada: ops@toko.id"), Some((Field::To, "ops@toko.id")));
        assert_eq!(field("Note: call me"), None);
        assert_eq!(field("Please call: 555"), None);
    }

    #[test]
    fn a_header_block_needs_from_subject_and_a_date_or_recipient() {
        let lines = ["From: A <a@x.com>", "Sent: Tuesday", "To: b@y.com", "Subject: Hi", "", "Body"];
        assert_eq!(header_block_at(&lines, 0), Some(4));
        let lines = ["From: the warehouse we got 3 boxes", "To: be honest, fine"];
        assert_eq!(header_block_at(&lines, 0), None);
        let table = ["From: | Mumbai hub", "To: | Delhi hub", "Date: | 20 Nov 2026"];
        assert_eq!(header_block_at(&table, 0), None);
        let rows = ["From: Mumbai hub", "To: Delhi hub", "Date: 20 Nov 2026", "Weight: 2 kg"];
        assert_eq!(header_block_at(&rows, 0), None);
    }
}
