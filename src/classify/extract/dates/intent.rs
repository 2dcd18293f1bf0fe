//! What the sender means by a date beyond the words next to it: the day an
//! absence ends is no day to deliver on, and of several new dates the one
//! a request is built around wins over the plan a status sentence reports
//! ("my parcel is showing as arriving tomorrow ... could it be delivered
//! this Friday instead?").
//!
//! Input: text, date spans and their roles. Output: the roles, corrected
//! in place. Failure: none; when the sentences do not settle which new
//! date is asked for, every one stays new and the pick stays ambiguous.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::clause::Clauses;
use super::lexicon::{Lang, compile, joined};
use super::words::back;
use super::{DateRole, FoundDate};

/// "until", "hasta el", "bis zum" right before a date, or at its start
/// ("until Friday"); "तक" right after it.
static UNTIL_BEFORE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let until = joined(|l| l.until);
    compile(&format!(
        r"(?i)(?:\b(?:{until})\s*(?:(?:the|el|le|den|dem|de|tanggal|tgl|hari|op|am|au)\s+)?[(,]?\s*$|^(?:{until})\b)"
    ))
});
static UNTIL_AFTER: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(&format!(r"(?i)^[\s)]*(?:{})(?:\b|$)", joined(|l| l.until))));
/// Words between the two days of a range: "20 to 23 Nov", "vom 20. bis 23.11.".
const RANGE: &str = r"(?:to|-|–|bis|al|au|tot|sampai|hingga|से)";
/// The end of a range of days ("20 to 23 Nov"), or its start ("20 to").
static RANGE_END: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(&format!(r"(?i)[0-9०-९](?:st|nd|rd|th|\.)?\s*{RANGE}\s*$")));
static RANGE_START: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(&format!(r"(?i)^(?:st|nd|rd|th|\.)?\s*{RANGE}\s*[0-9०-९]")));
static AWAY: LazyLock<Option<Regex>> = LazyLock::new(|| words(|l| l.away));
static FROM_THEN: LazyLock<Option<Regex>> = LazyLock::new(|| words(|l| l.from_then));
static INSTEAD: LazyLock<Option<Regex>> = LazyLock::new(|| words(|l| l.instead));
static REQUEST: LazyLock<Option<Regex>> = LazyLock::new(|| words(|l| l.request));
static STATUS: LazyLock<Option<Regex>> = LazyLock::new(|| words(|l| l.status));

fn words(list: impl Fn(&Lang) -> &'static [&'static str]) -> Option<Regex> {
    compile(&format!(r"(?i)\b(?:{})(?:\b|$)", joined(list)))
}

fn found(re: &LazyLock<Option<Regex>>, text: &str) -> bool {
    re.as_ref().is_some_and(|re| re.is_match(text))
}

/// "I'm away until the 28th", "no vuelvo hasta el miércoles 25", "25
/// नवंबर तक बाहर रहूँगा", "away from 20 to 23 Nov": the end of an absence,
/// or either day of its range, is old, unless the clause asks for delivery
/// from then on ("after that"). The absence must be said in the date's own
/// phrase: "bitte bis zum 24.11. liefern, ab dem 25. bin ich weg" gives a
/// deadline.
pub(super) fn absences(text: &str, spans: &[(usize, usize)], clauses: &Clauses, roles: &mut [DateRole]) {
    for (role, &(start, end)) in roles.iter_mut().zip(spans) {
        let before = text.get(back(text, start, 30)..start).unwrap_or_default();
        let own = text.get(start..end).unwrap_or_default();
        let after = text.get(end..).unwrap_or_default();
        let until = found(&UNTIL_BEFORE, before) || found(&UNTIL_BEFORE, own) || found(&UNTIL_AFTER, after);
        let edge = until || found(&RANGE_END, before) || found(&RANGE_START, after);
        let bounds = (clauses.start(start), clauses.end(end));
        let clause = text.get(bounds.0..bounds.1).unwrap_or_default();
        let (from, to) = phrase(text, bounds, spans, start);
        let own_phrase = text.get(from..to).unwrap_or_default();
        if edge && found(&AWAY, own_phrase) && !found(&FROM_THEN, clause) {
            *role = DateRole::Old;
        }
    }
}

/// The phrase holding `pos` within `from..to`: cut at commas, semicolons
/// and words that turn the sentence ("but", "aber", "tapi", "लेकिन"), none
/// of them inside a date ("Friday, 27 Nov").
fn phrase(text: &str, (from, to): (usize, usize), spans: &[(usize, usize)], pos: usize) -> (usize, usize) {
    let inside = |i: usize| spans.iter().any(|&(s, e)| s <= i && i < e);
    let breaks: Vec<(usize, usize)> = PHRASE_BREAK
        .as_ref()
        .map(|re| {
            let sentence = text.get(from..to).unwrap_or_default();
            re.find_iter(sentence).map(|m| (from + m.start(), from + m.end())).filter(|b| !inside(b.0)).collect()
        })
        .unwrap_or_default();
    let start = breaks.iter().rev().find(|b| b.1 <= pos).map_or(from, |b| b.1);
    let end = breaks.iter().find(|b| b.0 >= pos).map_or(to, |b| b.0);
    (start, end)
}

/// With several distinct new dates, those a status phrase reports ("is
/// showing as arriving tomorrow", "laut Sendungsverfolgung morgen") give
/// way to one a request is built around ("instead", a request word, a
/// question): they become unknown. Dates only listed side by side ("the
/// 24th? Otherwise the 25th") stay new, and the pick stays ambiguous.
pub(super) fn prefer_requested(text: &str, found: &mut [FoundDate]) {
    let spans: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.start + f.text.len())).collect();
    let sentences = Clauses::sentences(text, &spans);
    let new: Vec<(NaiveDate, Asking)> = found
        .iter()
        .filter(|f| f.role == DateRole::New)
        .map(|f| (f.date, asking(text, &sentences, &spans, f.start)))
        .collect();
    let asked: Vec<NaiveDate> = new.iter().filter(|(_, a)| *a == Asking::Asked).map(|&(d, _)| d).collect();
    let reported = |d: NaiveDate| new.iter().all(|&(nd, a)| nd != d || a == Asking::Reported);
    if asked.is_empty() {
        return;
    }
    for f in found.iter_mut().filter(|f| f.role == DateRole::New && !asked.contains(&f.date)) {
        if reported(f.date) {
            f.role = DateRole::Unknown;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asking {
    /// "instead" in its phrase, or a request or a question in its sentence.
    Asked,
    /// A status word in its phrase: the plan as it stands.
    Reported,
    Neither,
}

/// Splits a sentence into phrases: "is due tomorrow, but could you...".
static PHRASE_BREAK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(
        r"(?i)[,;]|\b(?:but|however|aber|jedoch|pero|sin\s+embargo|mais|maar|tapi|tetapi|namun|lekin|magar)\b|लेकिन|मगर",
    )
});

/// What the sentence at `pos` does with its date: the phrase around it
/// speaks first, then the whole sentence.
fn asking(text: &str, sentences: &Clauses, spans: &[(usize, usize)], pos: usize) -> Asking {
    let (from, to) = (sentences.start(pos), sentences.end(pos));
    let sentence = text.get(from..to).unwrap_or_default();
    let (start, end) = phrase(text, (from, to), spans, pos);
    let phrase = text.get(start..end).unwrap_or_default();
    let question = sentences.closing(text, pos) == Some('?');
    if found(&INSTEAD, phrase) {
        Asking::Asked
    } else if found(&STATUS, phrase) {
        Asking::Reported
    } else if question || found(&REQUEST, sentence) {
        Asking::Asked
    } else if found(&STATUS, sentence) {
        Asking::Reported
    } else {
        Asking::Neither
    }
}

#[cfg(test)]
pub(super) fn patterns_compile() -> bool {
    let words = [&AWAY, &FROM_THEN, &INSTEAD, &REQUEST, &STATUS, &PHRASE_BREAK];
    let edges = [&UNTIL_BEFORE, &UNTIL_AFTER, &RANGE_END, &RANGE_START];
    words.iter().chain(edges.iter()).all(|re| re.is_some())
}
