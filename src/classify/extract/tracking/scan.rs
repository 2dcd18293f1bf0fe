//! The search through the text: ASCII alphanumeric tokens, spaced groups
//! joined back together (`1Z 999 AA1 01 2345 6784`, `RA 1234 5678 5 GB`),
//! each candidate judged by its readings and the cues around it.
//!
//! Input: the text. Output: every accepted occurrence with its byte range,
//! in text order (repeats included). Never fails.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::cues::{CueLevel, Cues};
use super::{Carrier, Reading, TrackingNumber, compile, readings};

static TOKEN: LazyLock<Regex> = LazyLock::new(|| compile(r"[A-Za-z0-9]+"));

/// An international prefix (`+91 `, `+49 (0)`) or an area code in
/// brackets just before a number: the number is a phone number.
static PHONE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?:\+\s?[0-9]{0,4}[\s.\-]?(?:\(0\)\s?)?|\([0-9]{1,5}\)\s?)$"));

/// Shortest and longest normalised number considered (DTDC's 9 characters
/// to FedEx's 34-digit barcode).
const MIN_LEN: usize = 8;
const MAX_LEN: usize = 34;
/// Most groups a spaced number is printed in (one digit per group).
const MAX_GROUPS: usize = 24;

pub(super) fn find(text: &str) -> Vec<(Range<usize>, TrackingNumber)> {
    let tokens: Vec<Range<usize>> = TOKEN.find_iter(text).map(|m| m.range()).collect();
    let cues = Cues::new(text);
    let mut out: Vec<(Range<usize>, TrackingNumber)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match best_at(text, &tokens, i, &cues) {
            Some((next, span, found)) => {
                out.push((span, found));
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// The longest acceptable number starting at token `i`, with the index of
/// the token after it.
fn best_at(
    text: &str,
    tokens: &[Range<usize>],
    i: usize,
    cues: &Cues,
) -> Option<(usize, Range<usize>, TrackingNumber)> {
    let first = tokens.get(i)?;
    let n = text.get(first.clone())?.to_ascii_uppercase();
    let single = judge(text, first, n, cues, false).map(|found| (i + 1, first.clone(), found));
    // A whole token that is already a carrier's number is not glued to the
    // groups after it ("AWB 87207378834 2 parcels").
    if single.as_ref().is_some_and(|(_, _, t)| t.carrier.is_some() || t.check_digit_verified) {
        return single;
    }
    let last = group_end(text, tokens, i);
    for j in (i + 1..=last).rev() {
        let span = first.start..tokens.get(j)?.end;
        if let Some(found) = judge(text, &span, joined(text, &span), cues, true) {
            return Some((j + 1, span, found));
        }
    }
    single.or_else(|| explicit_groups(text, tokens, i, last, cues))
}

/// "Tracking number: 3S ABCD 1234 567": every group after an explicit cue,
/// kept whole without a carrier when no format reads it. A later group of
/// one or two characters (a count, a unit) ends the number instead.
fn explicit_groups(
    text: &str,
    tokens: &[Range<usize>],
    i: usize,
    last: usize,
    cues: &Cues,
) -> Option<(usize, Range<usize>, TrackingNumber)> {
    let later = tokens.get(i + 1..=last)?;
    let end = i + later.iter().position(|g| g.len() < 3).unwrap_or(later.len());
    let span = tokens.get(i)?.start..tokens.get(end)?.end;
    let n = joined(text, &span);
    let named = end > i && plausible_code(&n) && cues.level(text, &span) == CueLevel::Explicit;
    named.then(|| {
        let number = TrackingNumber { number: n, carrier: None, check_digit_verified: false };
        (end + 1, span, number)
    })
}

/// The upper-case letters and digits of `text[span]`.
fn joined(text: &str, span: &Range<usize>) -> String {
    let written = text.get(span.clone()).unwrap_or("");
    written.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

/// Index of the last token that may be joined to token `i` as one number
/// printed in groups; `i` itself when none may.
fn group_end(text: &str, tokens: &[Range<usize>], i: usize) -> usize {
    let Some(first) = tokens.get(i).and_then(|r| text.get(r.clone())) else {
        return i;
    };
    if !groupable(first, true) {
        return i;
    }
    let mut len = first.len();
    let mut end = i;
    for k in i + 1..tokens.len().min(i + MAX_GROUPS) {
        let (Some(prev), Some(cur)) = (tokens.get(k - 1), tokens.get(k)) else {
            break;
        };
        let sep = text.get(prev.end..cur.start).unwrap_or("");
        let word = text.get(cur.clone()).unwrap_or("");
        len += word.len();
        if !is_group_separator(sep) || !groupable(word, false) || len > MAX_LEN {
            break;
        }
        end = k;
    }
    end
}

/// One space (plain, no-break or thin) or one dash between groups.
fn is_group_separator(sep: &str) -> bool {
    let mut chars = sep.chars();
    matches!((chars.next(), chars.next()), (Some(' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '-'), None))
}

/// Digit groups, and short upper-case letter groups (`RA ... GB`, `JJD`);
/// never ordinary words, and never "NO"/"PO" as the first group.
fn groupable(word: &str, first: bool) -> bool {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return word.len() <= 12;
    }
    let upper = word.len() <= 4 && word.bytes().all(|b| b.is_ascii_uppercase());
    upper && !(first && matches!(word, "NO" | "NR" | "PO"))
}

/// Whether `n` (normalised) at `span` is a tracking number, and whose.
fn judge(text: &str, span: &Range<usize>, n: String, cues: &Cues, joined: bool) -> Option<TrackingNumber> {
    if !(MIN_LEN..=MAX_LEN).contains(&n.len()) {
        return None;
    }
    let all = readings(&n);
    // Most tokens fit no format: skip the cue search for them.
    if all.is_empty() && (joined || !plausible_code(&n)) {
        return None;
    }
    if joined && looks_like_national_phone(text, span) {
        return None;
    }
    let level = if phone_before(text, span.start) { CueLevel::Blocked } else { cues.level(text, span) };
    let (carrier, verified) = choose(all, level, cues.named(), joined, &n)?;
    Some(TrackingNumber { number: n, carrier, check_digit_verified: verified })
}

/// The carrier to report and whether its check digit passed, given the
/// cue level and the carriers the mail names; `None` when the candidate
/// is not a tracking number.
fn choose(
    all: Vec<Reading>,
    level: CueLevel,
    named: &[Carrier],
    joined: bool,
    n: &str,
) -> Option<(Option<Carrier>, bool)> {
    let is_named = |r: &Reading| r.carrier.is_some_and(|c| named.contains(&c));
    let allowed: Vec<Reading> = all
        .into_iter()
        .filter(|r| {
            !r.needs_cue || level >= CueLevel::Shipping || (level == CueLevel::None && r.verified && is_named(r))
        })
        .collect();
    // The carrier the mail names wins; otherwise the best reading that can
    // stand without the name.
    let chosen = allowed.iter().find(|r| is_named(r)).or_else(|| allowed.iter().find(|r| !r.needs_name));
    match chosen {
        // A number printed in groups must prove itself: a joined guess
        // needs a check digit or a standalone format.
        Some(r) if joined && !r.verified && r.needs_cue => None,
        Some(r) => Some((r.carrier, r.verified)),
        None if joined => None,
        // Plain digits of an unnamed carrier, or an unknown code: only what
        // the mail itself calls a tracking number, without a carrier.
        None if level == CueLevel::Explicit && plausible_code(n) => Some((None, false)),
        None => None,
    }
}

/// An unknown code named a tracking number by its cue: mostly digits,
/// never a plain word.
fn plausible_code(n: &str) -> bool {
    n.len() <= 30 && n.bytes().filter(u8::is_ascii_digit).count() >= 6
}

/// "0812-3456-7890", "030 1234 5678": digit groups of phone length whose
/// first group carries the national trunk prefix 0.
fn looks_like_national_phone(text: &str, span: &Range<usize>) -> bool {
    let written = text.get(span.clone()).unwrap_or("");
    let digits = written.bytes().filter(u8::is_ascii_digit).count();
    let first_group = written.split([' ', '-', '\u{a0}']).next().unwrap_or("");
    (10..=13).contains(&digits)
        && digits == written.bytes().filter(u8::is_ascii_alphanumeric).count()
        && first_group.starts_with('0')
        && first_group.len() <= 5
}

fn phone_before(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    // The last 16 characters are enough for "+91 " or "+49 (0) ".
    let from = before.char_indices().rev().nth(15).map_or(0, |(i, _)| i);
    before.get(from..).is_some_and(|tail| PHONE_PREFIX.is_match(tail))
}
