//! Splitting what the sender wrote now from what they quoted.
//!
//! Input: a body as plain text. Output: [`Split`]: the newest text, the
//! quoted history and the trailing signature. Quoted history starts at an
//! attribution line ("On … wrote:", "Le … a écrit :", "Am … schrieb …:"
//! and other languages, also wrapped over up to three lines), an Outlook
//! "-----Original Message-----" line, an underscore rule followed by a
//! header block, or a bare header block ("From: … Sent: … To: … Subject:"
//! in many languages). `>` lines anywhere are quoted; the unquoted lines
//! between them (inline or bottom-posted answers) stay newest. Cannot fail.

use std::sync::LazyLock;

use regex::Regex;

use super::labels;

/// A body cut into its parts; all three may be empty.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Split {
    pub newest: String,
    pub quoted: String,
    pub signature: String,
}

/// How quoted history is introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartKind {
    /// "On … wrote:" and its translations.
    Attribution,
    /// "-----Original Message-----" or an underscore rule before a header block.
    Separator,
    /// A "From: / Sent: / To: / Subject:" block with no line above it.
    HeaderBlock,
}

/// Where quoted history starts: its first line and how many lines the
/// marker itself spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteStart {
    pub line: usize,
    pub len: usize,
    pub kind: StartKind,
}

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        // The verb ends the line in most languages; German, Dutch and the
        // Nordic languages put the name after it ("schrieb Max <m@x.de>:").
        r"(?i)((\b(wrote|writes|a écrit|escribió|escribio|escreveu|ha scritto|menulis|napisał\(a\)|napisał|napisała|написал\(а\)|написал|написала|yazdı|írta|a scris|kirjutas|rašė)|ने लिखा|写道|寫道|작성)\s*|\b(schrieb|schreef|skrev|napsal|kirjoitti)\b.{0,160})[:：]\s*$",
    )
    .expect("static regex")
});

static ORIGINAL_MESSAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*-{2,}\s*(original message|ursprüngliche nachricht|originalnachricht|message d'origine|mensaje original|mensagem original|oorspronkelijk bericht|origineel bericht|messaggio originale|pesan asli|pesan orisinal|originalmeddelande|opprinnelig melding|oprindelig meddelelse|wiadomość oryginalna|исходное сообщение|orijinal ileti|alkuperäinen viesti|मूल संदेश)\s*-{2,}\s*$",
    )
    .expect("static regex")
});

static ENDS_WITH_ADDRESS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\S+@\S+?>?\s*[:：]\s*$").expect("static regex"));

static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\d{1,2}[:.h]\d{2}\b").expect("static regex"));

static UNDERSCORES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*_{10,}\s*$").expect("static regex"));

/// Footers phone and webmail apps add under the text.
static MOBILE_FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(sent from my \S.{0,40}|sent from (outlook|yahoo mail|mail for windows|gmail|aol|proton ?mail|samsung|huawei|xiaomi)\b.{0,40}|sent (via|with) (the )?(samsung|blackberry|android|proton|spark|superhuman|huawei)\b.{0,40}|get outlook for (ios|android).{0,20}|von meinem \S.{0,40} gesendet|gesendet von (meinem )?(iphone|ipad|samsung|huawei|outlook|android).{0,30}|envoyé de mon \S.{0,40}|envoyé depuis (mon |l'application )?\S.{0,40}|enviado desde mi \S.{0,40}|enviado do meu \S.{0,40}|verzonden (vanaf|met) (mijn )?\S.{0,40}|dikirim dari \S.{0,40}|inviato da(l mio)? \S.{0,40}|skickat från min \S.{0,40}|sendt fra min \S.{0,40}|मेरे \S.{0,40} से भेजा गया)\.?$",
    )
    .expect("static regex")
});

/// A `>` quoted line (up to three spaces before the `>`).
pub fn is_quoted(line: &str) -> bool {
    line.trim_start_matches(' ').starts_with('>') && line.len() - line.trim_start_matches(' ').len() <= 3
}

/// The first place quoted history starts, if any.
pub fn find_start(lines: &[&str]) -> Option<QuoteStart> {
    (0..lines.len()).find_map(|i| start_at(lines, i))
}

fn start_at(lines: &[&str], i: usize) -> Option<QuoteStart> {
    let line = lines.get(i)?;
    if line.trim().is_empty() || is_quoted(line) {
        return None;
    }
    if ORIGINAL_MESSAGE.is_match(line) {
        return Some(QuoteStart { line: i, len: 1, kind: StartKind::Separator });
    }
    if UNDERSCORES.is_match(line) {
        // An Outlook rule only counts when a header block follows it.
        let next = (i + 1..lines.len().min(i + 4)).find(|&j| lines.get(j).is_some_and(|l| !l.trim().is_empty()))?;
        labels::header_block_at(lines, next)?;
        return Some(QuoteStart { line: i, len: next - i, kind: StartKind::Separator });
    }
    if labels::header_block_at(lines, i).is_some() {
        return Some(QuoteStart { line: i, len: 0, kind: StartKind::HeaderBlock });
    }
    attribution_at(lines, i).map(|len| QuoteStart { line: i, len, kind: StartKind::Attribution })
}

/// An attribution line at `i`, possibly wrapped over up to three lines;
/// returns the number of lines it spans.
fn attribution_at(lines: &[&str], i: usize) -> Option<usize> {
    let mut joined = String::new();
    for n in 1..=3 {
        let line = lines.get(i + n - 1)?;
        if line.trim().is_empty() || (n > 1 && is_quoted(line)) || joined.len() > 400 {
            return None;
        }
        if n > 1 {
            joined.push(' ');
        }
        joined.push_str(line.trim());
        let quote_follows = || next_text_line(lines, i + n).is_some_and(is_quoted);
        if ATTRIBUTION.is_match(&joined) {
            // "On 12 Nov the driver wrote:" in running text is not an
            // attribution: real ones carry an address or a time of day, or
            // a quoted block follows.
            let evidence = joined.contains('@') || TIME_OF_DAY.is_match(&joined) || quote_follows();
            return evidence.then_some(n);
        }
        // Gmail in Japanese, Russian and other languages writes no verb:
        // "2026年11月17日(火) 9:45 Ops <ops@shop.example>:".
        if ENDS_WITH_ADDRESS.is_match(&joined) && TIME_OF_DAY.is_match(&joined) && quote_follows() {
            return Some(n);
        }
    }
    None
}

fn next_text_line<'a>(lines: &[&'a str], from: usize) -> Option<&'a str> {
    lines.iter().skip(from).find(|l| !l.trim().is_empty()).copied()
}

/// Splits a plain-text body into newest text, quoted history and signature.
pub fn split(text: &str) -> Split {
    let lines: Vec<&str> = text.lines().collect();
    let start = find_start(&lines);
    let head_end = start.map_or(lines.len(), |s| s.line);
    let mut newest = Vec::new();
    let mut quoted = Vec::new();
    for line in lines.iter().take(head_end) {
        if is_quoted(line) { quoted.push(*line) } else { newest.push(*line) }
    }
    if let Some(s) = start {
        let marker_end = (s.line + s.len).min(lines.len());
        let rest = lines.get(marker_end..).unwrap_or(&[]);
        let quote_follows = next_text_line(rest, 0).is_some_and(is_quoted);
        quoted.extend(lines.get(s.line..marker_end).unwrap_or(&[]));
        if s.kind == StartKind::Attribution && quote_follows {
            // `>` style: unquoted lines after the attribution are answers
            // written between or below the quotes.
            for line in rest {
                if is_quoted(line) { quoted.push(*line) } else { newest.push(*line) }
            }
        } else {
            quoted.extend(rest);
        }
    }
    let (newest, signature) = cut_signature(&newest);
    Split { newest: join(&newest), quoted: join(&quoted), signature: join(&signature) }
}

/// Cuts the "-- " signature and a trailing mobile footer off the lines.
fn cut_signature<'a>(lines: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    let mut body: Vec<&str> = lines.to_vec();
    let mut signature = Vec::new();
    if let Some(i) = body.iter().position(|l| l.trim_end() == "--") {
        // The delimiter line itself belongs to neither part.
        signature = body.split_off(i).into_iter().skip(1).collect();
    }
    while body.last().is_some_and(|l| l.trim().is_empty()) {
        body.pop();
    }
    if let Some(last) = body.last()
        && last.trim().chars().count() < 80
        && MOBILE_FOOTER.is_match(last.trim())
    {
        let footer = body.pop().unwrap_or_default();
        signature.insert(0, footer);
    }
    (body, signature)
}

/// Joins lines, dropping blank lines at both ends and runs of blank lines.
fn join(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests;
