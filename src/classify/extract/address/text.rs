//! Where an address ends inside running text: sentence ends that are not
//! abbreviations ("Jl.", "St.", "No."), words that start an old address
//! ("instead of", "alte Adresse") or move on ("thanks", "because").
//!
//! Input: a line or the text before a position. Output: byte offsets into
//! it (always on char boundaries). Failure: the whole input.

use super::words::compile;
use regex::Regex;
use std::sync::LazyLock;

/// Words that name the old address: what follows them is not the new one.
pub(super) static OLD: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)\b(?:old|previous|current|former|existing|wrong)\s+(?:delivery\s+|shipping\s+)?address",
        r"|\binstead\s+of\b|\brather\s+than\b|\bnot\s+to\b|\bnot\s+(?:at\s+)?\d",
        // The address a carrier has on file or asks to confirm is not new.
        r"|\baddress\s+(?:we\s+have|on\s+(?:the\s+|your\s+)?(?:parcel|package|label|order|file|record)|provided|given|registered)",
        r"|\bconfirm\s+(?:the\s+|your\s+)?(?:delivery\s+|shipping\s+)?address|\bangegebene\s+(?:Liefer)?adresse",
        r"|\bdirecci[oó]n\s+(?:indicada|registrada)|\badresse\s+indiqu[ée]e|\balamat\s+yang\s+(?:tertera|terdaftar)",
        r"|\bopgegeven\s+adres",
        // A carrier's failed delivery names the address that failed.
        r"|\b(?:unable|failed|attempted|tried|attempting|could\s*n[o'’]t|cannot|can[’']t)\s+(?:to\s+)?(?:deliver|ship|reach)",
        r"|\bnicht\s+zu(?:stellen|gestellt)|\bno\s+(?:pudimos|se\s+pudo)\s+entregar|\bimpossible\s+de\s+livrer",
        r"|\b(?:tidak\s+dapat|gagal)\s+(?:di)?(?:kirim|antar)|\bniet\s+(?:bezorgen|afleveren|bezorgd)",
        r"|\b(?:alte[nrs]?|bisherige[nr]?|falsche[nr]?)\s+(?:Liefer)?(?:adresse|anschrift)|\b(?:an)?statt\b|\banstelle\b",
        r"|\bdirecci[oó]n\s+(?:anterior|antigua|actual|vieja|equivocada)|\bantigua\s+direcci[oó]n|\ben\s+(?:lugar|vez)\s+de\b",
        r"|\b(?:ancienne|mauvaise)\s+adresse|\badresse\s+actuelle|\bau\s+lieu\s+de\b|\bplut[oô]t\s+que\b",
        r"|\boude?\s+adres|\bhuidige\s+adres|\bin\s+plaats\s+van\b",
        r"|\balamat\s+(?:lama|sebelumnya|salah)|\bbukan\s+ke\b",
        r"|\bpuran[ae]\s+(?:address|pat[ae])|पुराना\s+पता|पुराने\s+पते",
        r"|\b(?:old|alt|alte|antigua|anterior|vieja|ancienne|lama|oud|oude|purana)\s*[:：]|पुराना\s*[:：]",
    ))
});

/// Words after which the text is no longer the address.
static STOP: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)\b(?:because|since|as\s+(?:i|we|my|the)|thanks|thank\s+you|please|pls|kindly|and\s+(?:not|also|please)|but\b",
        r"|for\s+(?:my\s+|the\s+)?order|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|today|between|after\s+\d|before\s+\d",
        r"|bitte|danke|weil|da\s+ich|für\s+(?:meine\s+|die\s+)?bestellung|ab\s+(?:morgen|montag|sofort)",
        r"|por\s+favor|gracias|porque|para\s+(?:el|mi)\s+pedido|a\s+partir",
        r"|merci|parce|s'il\s+vous|svp|pour\s+(?:la|ma)\s+commande|à\s+partir",
        r"|terima\s+kasih|karena|mohon|untuk\s+pesanan|mulai",
        r"|alstublieft|bedankt|omdat|voor\s+(?:mijn\s+|de\s+)?bestelling|vanaf",
        r"|dhanyavaa?d|shukriya|kyunki|kyonki)\b|धन्यवाद|क्योंकि|कृपया",
    ))
});

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "jl", "jln", "no", "nr", "nº", "st", "rd", "ave", "av", "avda", "apt", "appt", "str", "bât", "bat", "dr", "blvd",
    "ln", "pl", "sq", "ct", "hwy", "mt", "ft", "bldg", "ste", "tce", "pde", "cres", "esc", "pta", "izq", "izda",
    "dcha", "ctra", "pza", "fg", "bd", "lt", "gg", "kel", "kec", "kav", "kab", "rt", "rw", "hs", "co", "ltd", "flr",
    "h.no", "s.no", "ir", "jend", "hj", "kh", "prof", "kol", "mayjen", "letjen", "brigjen", "kapt", "fl", "dept",
    "tel", "ph", "mob", "opp", "nr", "vs", "etc", "u.s", "u.k", "mr", "mrs", "ms",
];

/// Words after "2." that make it a floor, not a sentence end ("2. OG").
const FLOOR_AFTER: &[&str] = &["og", "eg", "dg", "ug", "stock", "etage", "stiege", "obergeschoss"];

/// The first sentence end in `s` (the offset of its `.`, `!`, `?`).
pub(super) fn sentence_end(s: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, (i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?' | '。' | '।') {
            continue;
        }
        let next = chars.get(k + 1).map(|n| n.1);
        if next.is_some_and(|n| !n.is_whitespace()) {
            continue;
        }
        if *c == '.' && !ends_sentence(s.get(..*i).unwrap_or(""), s.get(i + 1..).unwrap_or("")) {
            continue;
        }
        return Some(*i);
    }
    None
}

fn ends_sentence(before: &str, after: &str) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_start_matches(['(', '"']).to_lowercase();
    let next = after.split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches([',', ';', '.']).to_lowercase();
    let is_floor = word.chars().all(|c| c.is_ascii_digit()) && FLOOR_AFTER.contains(&next.as_str());
    // An initial ("Jl. Ir. H. Juanda", "H.No. 1187") does not end a sentence.
    let initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    !(word.is_empty() || ABBREVIATIONS.contains(&word.as_str()) || is_floor || initial)
}

/// Where the sentence that ends at the end of `before` starts.
pub(super) fn sentence_start(before: &str) -> usize {
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.get(line_start..).unwrap_or("");
    let mut start = 0usize;
    while let Some(e) = line.get(start..).and_then(sentence_end) {
        start += e + char_len(line, start + e);
    }
    line_start + start
}

/// What comes after a cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Next {
    /// Nothing was cut: the address may go on on the next line.
    Line,
    /// A sentence end or a stop word: the text goes on at this offset.
    At(usize),
    /// An old-address cue: nothing after it is the new address.
    End,
}

/// Cut a line where the address in it ends: at a sentence end, a stop word
/// or an old-address cue.
pub(super) fn cut(line: &str) -> (&str, Next) {
    let sentence = sentence_end(line).map(|i| (i, Next::At(i + char_len(line, i))));
    let stop = STOP.find(line).map(|m| (m.start(), Next::At(m.end())));
    let old = OLD.find(line).map(|m| (m.start(), Next::End));
    match [sentence, stop, old].into_iter().flatten().min_by_key(|(i, _)| *i) {
        Some((i, next)) => (line.get(..i).unwrap_or(line), next),
        None => (line, Next::Line),
    }
}

/// The length in bytes of the char at `i` (1 when `i` is not a char start).
fn char_len(s: &str, i: usize) -> usize {
    s.get(i..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8)
}

/// Sentences of one line, for reading text that has no cue.
pub(super) fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(e) = sentence_end(rest) {
        out.push(rest.get(..e).unwrap_or(""));
        rest = rest.get(e + char_len(rest, e)..).unwrap_or("");
    }
    out.push(rest);
    out.retain(|s| !s.trim().is_empty());
    out
}

/// Whether the text talks about an address at all.
static TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)address|adress|adres|anschrift|alamat|direcci[oó]n|domicilio|पता|पते|\bpata\s+(?:badal|change)")
});

pub(super) fn about_address(text: &str) -> bool {
    TOPIC.is_match(text)
}
