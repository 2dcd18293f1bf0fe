//! Relative dates: day words ("tomorrow", "pasado mañana", "übermorgen",
//! "besok", "कल"), "in 3 days" in every language, and weekday names that a
//! word makes a date ("next Tuesday", "am Dienstag", "Selasa depan",
//! "मंगलवार को", French "livrer mardi").
//!
//! Input: text and the sent day. Output: candidates. A weekday is the first
//! one strictly after the sent day (fixtures/README.md). Failure: none;
//! "por la mañana", "Guten Morgen", "Tuesday next week", "within 2 days"
//! and कल without a future or a request in its clause are skipped.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

use super::calendar::{add_days, next_weekday};
use super::lexicon::{DayWord, LANGS, compile, joined, number, number_pattern, weekday, weekday_names};
use super::words::{next_word, prev_word};
use super::{Candidate, Rank};

static DAY_WORDS: LazyLock<Vec<(Regex, &'static DayWord)>> = LazyLock::new(|| {
    LANGS
        .iter()
        .flat_map(|l| l.day_words)
        .filter_map(|w| Some((compile(&format!(r"(?i)\b(?:{})\b", w.pattern))?, w)))
        .collect()
});

static IN_DAYS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let n = format!("(?P<n>{})", number_pattern());
    LANGS
        .iter()
        .flat_map(|l| l.in_days)
        .filter_map(|p| compile(&format!(r"(?i)\b(?:{})\b", p.replace("{n}", &n))))
        .collect()
});

static FUTURE: LazyLock<Option<Regex>> = LazyLock::new(|| compile(&format!(r"(?i)\b(?:{})\b", joined(|l| l.future))));
static PAST: LazyLock<Option<Regex>> = LazyLock::new(|| compile(&format!(r"(?i)\b(?:{})\b", joined(|l| l.past))));

static WEEKDAY_BEFORE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let (pre, names) = (joined(|l| l.weekday_before), weekday_names(|_| true));
    compile(&format!(r"(?i)\b(?:{pre})\s+(?P<wd>{names})\b"))
});
static WEEKDAY_AFTER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let (post, names) = (joined(|l| l.weekday_after), weekday_names(|_| true));
    compile(&format!(r"(?i)\b(?P<wd>{names})\s+(?:{post})\b"))
});
static WEEKDAY_BARE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let names = weekday_names(|_| true);
    compile(&format!(r"(?i)\b(?P<wd>{names})\b"))
});
/// "Monday to Friday", "Mon–Fri": opening hours, no date. The words that
/// join the two weekdays of such a range.
const RANGE: &str = r"\s*(?:to|through|thru|till|until|au|[-–—])\s*";

/// A bare weekday that starts or ends a range of weekdays.
static IN_RANGE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let names = weekday_names(|_| true);
    compile(&format!(r"(?i)(?:^{RANGE}(?:{names})\b|\b(?:{names}){RANGE}$)"))
});

/// "Tuesday next week", "el martes pasado": no single date.
static NOT_WEEKDAY: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(&format!(r"(?i)^[\s,]*(?:{})\b", joined(|l| l.not_weekday))));

#[derive(Clone, Copy, PartialEq)]
enum Qualifier {
    Before,
    After,
    Bare,
}

pub(super) fn find(text: &str, today: NaiveDate) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (re, word) in DAY_WORDS.iter() {
        for m in re.find_iter(text) {
            if day_word_applies(text, m.start(), m.end(), word) {
                out.extend(relative(m.start(), m.end(), add_days(today, word.offset), false));
            }
        }
    }
    for c in IN_DAYS.iter().flat_map(|re| re.captures_iter(text)) {
        out.extend(in_days(text, &c, today));
    }
    let forms =
        [(&WEEKDAY_BEFORE, Qualifier::Before), (&WEEKDAY_AFTER, Qualifier::After), (&WEEKDAY_BARE, Qualifier::Bare)];
    for (re, qualifier) in forms {
        for c in re.iter().flat_map(|re| re.captures_iter(text)) {
            out.extend(weekday_date(text, &c, qualifier, today));
        }
    }
    out
}

fn day_word_applies(text: &str, start: usize, end: usize, word: &DayWord) -> bool {
    let before = prev_word(text, start);
    let after = next_word(text, end);
    if word.not_after.contains(&before.as_str()) || word.not_before.contains(&after.as_str()) {
        return false;
    }
    if !word.needs_future {
        return true;
    }
    let clause = clause_around(text, start, end);
    let has = |re: &LazyLock<Option<Regex>>| re.as_ref().is_some_and(|re| re.is_match(clause));
    !has(&PAST) && has(&FUTURE)
}

/// The sentence around a match, cut at sentence marks and line ends.
fn clause_around(text: &str, start: usize, end: usize) -> &str {
    let stop = |c: char| ".!?।\n".contains(c);
    let from = text
        .get(..start)
        .and_then(|t| t.char_indices().rev().find(|&(_, c)| stop(c)))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text.get(end..).and_then(|t| t.find(stop)).map_or(text.len(), |i| end + i);
    text.get(from..to).unwrap_or_default()
}

/// Words after "in 3 days" that make them working days, which no
/// calendar gives: "en 3 días hábiles", "dans 3 jours ouvrés".
const WORKING: &str = "hábiles habiles laborables ouvrés ouvres ouvrables kerja business working";

/// "in 3 days", "dentro de tres días", "3 hari lagi": at most 90 days.
fn in_days(text: &str, c: &Captures, today: NaiveDate) -> Option<Candidate> {
    let m = c.get(0)?;
    let after = next_word(text, m.end());
    if WORKING.split_whitespace().any(|w| w == after) {
        return None;
    }
    let n = number(c.name("n")?.as_str()).filter(|n| (1..=90).contains(n))?;
    relative(m.start(), m.end(), add_days(today, n), false)
}

fn weekday_date(text: &str, c: &Captures, qualifier: Qualifier, today: NaiveDate) -> Option<Candidate> {
    let (m, wd) = (c.get(0)?, c.name("wd")?);
    let name = wd.as_str().to_lowercase();
    let tail = text.get(m.end()..).unwrap_or_default();
    if NOT_WEEKDAY.as_ref().is_some_and(|re| re.is_match(tail)) {
        return None;
    }
    let needs_before = LANGS.iter().any(|l| l.weekday_needs_before.contains(&name.as_str()));
    if qualifier != Qualifier::Before && needs_before {
        return None;
    }
    if qualifier == Qualifier::Bare && !bare_ok(text, m.start(), m.end(), &name) {
        return None;
    }
    let date = next_weekday(weekday(&name)?, today);
    relative(m.start(), m.end(), date, true)
}

/// A weekday alone is a date in a language that says so ("livrer mardi",
/// not "du lundi"), elsewhere only after a word that asks for it ("deliver
/// Friday"); never in a range of weekdays.
fn bare_ok(text: &str, start: usize, end: usize, name: &str) -> bool {
    let before = prev_word(text, start);
    let bare = LANGS
        .iter()
        .filter(|l| l.bare_weekdays)
        .any(|l| l.weekdays.iter().any(|w| w.split_whitespace().any(|s| s == name)));
    let allowed = if bare {
        !LANGS.iter().any(|l| l.not_bare_after.contains(&before.as_str()))
    } else {
        LANGS.iter().any(|l| l.bare_after.contains(&before.as_str()))
    };
    allowed && !in_range(text, start, end)
}

/// Whether the weekday at `start..end` opens or closes "Monday to Friday".
fn in_range(text: &str, start: usize, end: usize) -> bool {
    let Some(re) = IN_RANGE.as_ref() else {
        return false;
    };
    let head = text.get(super::words::back(text, start, 16)..start).unwrap_or_default();
    let tail = text.get(end..super::words::ahead(text, end, 16)).unwrap_or_default();
    re.is_match(tail) || re.is_match(head)
}

fn relative(start: usize, end: usize, date: Option<NaiveDate>, weekday: bool) -> Option<Candidate> {
    Some(Candidate { start, end, date: date?, rank: Rank::Relative, weekday, yearless: None })
}

#[cfg(test)]
pub(super) fn patterns_compile() -> bool {
    let words: usize = LANGS.iter().map(|l| l.day_words.len()).sum();
    let in_days: usize = LANGS.iter().map(|l| l.in_days.len()).sum();
    let single = [&FUTURE, &PAST, &WEEKDAY_BEFORE, &WEEKDAY_AFTER, &WEEKDAY_BARE, &NOT_WEEKDAY, &IN_RANGE];
    single.iter().all(|re| re.is_some()) && DAY_WORDS.len() == words && IN_DAYS.len() == in_days
}
