//! Written dates: a day and a month name in any of the seven languages,
//! with or without weekday, ordinal, dots and year ("Thursday 26 Nov",
//! "26th of November", "Nov 26, 2026", "26 de noviembre de 2026",
//! "Do., 26. Nov.", "1er décembre", "२६ नवम्बर"), lists that share a month
//! ("24 or 25 Nov"), and a day of the month alone ("the 24th", "tanggal 24").
//!
//! Input: text and the sent day. Output: candidates; a date without a year
//! is its next occurrence on or after the sent day. Failure: none;
//! impossible dates (31 February) are skipped.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::{Captures, Match, Regex};

use super::calendar::{full_year, next_day_of_month, next_occurrence, parse_number, previous_day_of_month};
use super::english::ENGLISH;
use super::lexicon::{LANGS, alternation, compile, month, month_names, weekday, weekday_names, weekday_prefix};
use super::words::{back, digit_runs, glued_left, glued_right, next_word, windows};
use super::{Candidate, Rank};

/// Short month names that are also common words ("1 set of", "5 des
/// colis", "3 años ago"): only a month before a dot, a year or punctuation.
const WEAK_DAY_MONTH: &[&str] = &["set", "des", "ago"];
/// Month names that are also English words, trusted before a day only when
/// capitalised ("May 5", not "we may 5").
const WEAK_MONTH_DAY: &[&str] = &["may", "mar"];
/// Words that may follow a weak day-only form ("le 24 ou le 25", "el 27
/// por la mañana").
const AFTER_WEAK_DAY: &[&str] = &[
    "ou", "et", "prochain", "à", "a", "au", "dans", "entre", "vers", "matin", "soir", "svp", "merci", "si", "o", "y",
    "por", "próximo", "proximo", "gracias", "antes", "sin",
];

static DAY_MONTH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let (wd, mon) = (weekday_prefix(), month_names());
    compile(&format!(
        r"(?i)(?:\b(?:{wd}),?\s+(?:(?:the|den|le|el|de)\s+)?)?\b(?P<day>[0-9०-९]{{1,2}})(?:st|nd|rd|th|er|re|e|ste|de|º|°)?\.?(?:\s*(?:of|de|del)\s+|[\s\-/]*)(?P<mon>{mon})\b(?P<dot>\.)?(?:(?:\s*,?\s*(?:de\s+|del\s+)?|[\-/])(?P<year>[0-9०-९]{{4}}|'[0-9]{{2}})\b)?"
    ))
});

static MONTH_DAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let wd = weekday_prefix();
    let mon = alternation(ENGLISH.months.iter().flat_map(|e| e.split_whitespace()), true);
    compile(&format!(
        r"(?i)(?:\b(?:{wd}),?\s+)?\b(?P<mon>{mon})\b(?P<dot>\.)?\s*(?:the\s+)?(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(?P<year>[0-9]{{4}})\b)?"
    ))
});

/// "24 or", "18-", "24. und" right before a day-month date.
static LIST_BEFORE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?P<w>[0-9०-९]{1,2}(?:st|nd|rd|th|er|e|ste|de)?\.?)\s*(?:or|and|to|till|until|-|–|—|/|&|o|y|a|al|oder|und|bis|ou|et|au|of|en|tot|atau|dan|sampai|hingga|या|और|ya|aur|se)\s*$",
    )
});

/// "or 25", "-26" right after a month-day date.
static LIST_AFTER: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(r"(?i)^\s*(?:or|and|to|till|until|-|–|—|&)\s*(?P<w>[0-9]{1,2}(?:st|nd|rd|th)?)\b"));

/// A full weekday name and a day of the month: "Monday 23rd", "viernes 27".
static WEEKDAY_DAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let wd = weekday_names(|_| true);
    compile(&format!(
        r"(?i)\b(?P<wd>{wd}),?\s+(?:(?:the|den|der|le|el)\s+)?(?P<d>[0-9०-९]{{1,2}})(?P<ord>st|nd|rd|th|er|e|\.)?"
    ))
});

/// Day-only patterns, each with whether it is weak.
static DAY_ONLY: LazyLock<Vec<(Regex, bool)>> = LazyLock::new(|| {
    let strong = LANGS.iter().flat_map(|l| l.day_only).map(|p| (p, false));
    let weak = LANGS.iter().flat_map(|l| l.day_only_weak).map(|p| (p, true));
    strong.chain(weak).filter_map(|(p, w)| Some((compile(&format!(r"(?i)\b(?:{p})"))?, w))).collect()
});

/// How far around a number a written date may reach, in characters:
/// "Wednesday, 18 November 2026" around its "18".
const AROUND_DIGITS: (usize, usize) = (40, 40);

/// Every written date needs a digit, so only the text around digits is
/// searched; the month alternation of seven languages is costly.
pub(super) fn find(text: &str, today: NaiveDate) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (from, to) in windows(text, digit_runs(text), AROUND_DIGITS) {
        let Some(window) = text.get(from..to) else {
            continue;
        };
        out.extend(find_in(window, today).into_iter().map(|c| Candidate {
            start: c.start + from,
            end: c.end + from,
            ..c
        }));
    }
    out
}

fn find_in(text: &str, today: NaiveDate) -> Vec<Candidate> {
    let mut out = Vec::new();
    for c in DAY_MONTH.iter().flat_map(|re| re.captures_iter(text)) {
        if let Some(found) = day_month(text, &c, today) {
            // A leading weekday ("Thursday 26 Nov") lists nothing.
            if c.get(1).map(|d| d.start()) == Some(found.start) {
                out.extend(borrowed_before(text, &found));
            }
            out.push(found);
        }
    }
    for c in MONTH_DAY.iter().flat_map(|re| re.captures_iter(text)) {
        if let Some(found) = month_day(text, &c, today) {
            out.extend(borrowed_after(text, &c, &found));
            out.push(found);
        }
    }
    out.extend(day_only(text, today));
    out
}

fn day_month(text: &str, c: &Captures, today: NaiveDate) -> Option<Candidate> {
    let (m, day, mon) = (c.get(0)?, c.get(1)?, c.name("mon")?);
    let weak = WEAK_DAY_MONTH.contains(&mon.as_str().to_lowercase().as_str());
    let bare = c.name("dot").is_none() && c.name("year").is_none();
    if weak && bare && next_word(text, m.end()).chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    if glued_left(text, day.start()) || glued_right(text, m.end()) {
        return None;
    }
    resolve(m, day.as_str(), mon.as_str(), c.name("year"), today)
}

fn month_day(text: &str, c: &Captures, today: NaiveDate) -> Option<Candidate> {
    let (m, day, mon) = (c.get(0)?, c.name("day")?, c.name("mon")?);
    let lower = mon.as_str().to_lowercase();
    if WEAK_MONTH_DAY.contains(&lower.as_str()) && mon.as_str() == lower {
        return None;
    }
    if glued_right(text, m.end()) || glued_left(text, mon.start()) {
        return None;
    }
    resolve(m, day.as_str(), mon.as_str(), c.name("year"), today)
}

/// A day and month name, with the year when written.
fn resolve(m: Match, day: &str, mon: &str, year: Option<Match>, today: NaiveDate) -> Option<Candidate> {
    let (day, month) = (parse_number(day)?, month(mon)?);
    let (date, yearless) = match year {
        Some(y) => (NaiveDate::from_ymd_opt(full_year(y.as_str(), today)?, month, day)?, None),
        None => (next_occurrence(month, day, today)?, Some((month, day))),
    };
    Some(absolute(m.start(), m.end(), date, yearless))
}

/// "24 or 25 Nov", "24-26/11": the first day takes the month (and year)
/// of the date that starts with its day at `found.start`.
pub(super) fn borrowed_before(text: &str, found: &Candidate) -> Option<Candidate> {
    let lo = back(text, found.start, 30);
    let w = LIST_BEFORE.as_ref()?.captures(text.get(lo..found.start)?)?.name("w")?;
    let start = lo + w.start();
    if glued_left(text, start) {
        return None;
    }
    let digits: String = w.as_str().chars().take_while(|c| super::words::is_digit(*c)).collect();
    sibling(found, start, lo + w.end(), parse_number(&digits)?)
}

/// "Nov 24 or 25": the second day takes the month of the first.
fn borrowed_after(text: &str, c: &Captures, found: &Candidate) -> Option<Candidate> {
    if c.name("year").is_some() {
        return None;
    }
    let end = c.get(0)?.end();
    let w = LIST_AFTER.as_ref()?.captures(text.get(end..)?)?.name("w")?;
    if glued_right(text, end + w.end()) {
        return None;
    }
    let digits: String = w.as_str().chars().take_while(char::is_ascii_digit).collect();
    sibling(found, end + w.start(), end + w.end(), parse_number(&digits)?)
}

/// Another day in the month and year of `found`.
fn sibling(found: &Candidate, start: usize, end: usize, day: u32) -> Option<Candidate> {
    let date = found.date.with_day(day)?;
    let yearless = found.yearless.map(|(month, _)| (month, day));
    Some(absolute(start, end, date, yearless))
}

fn day_only(text: &str, today: NaiveDate) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (re, weak) in DAY_ONLY.iter() {
        for c in re.captures_iter(text) {
            out.extend(day_of_month(text, &c, *weak, today));
        }
    }
    for c in WEEKDAY_DAY.iter().flat_map(|re| re.captures_iter(text)) {
        out.extend(weekday_and_day(text, &c, today));
    }
    out
}

/// "viernes 27", "Monday 23rd": the next such day of the month, or the
/// last one when only that falls on the weekday named ("Rabu 18", sent on
/// Friday 20th). Without an ordinal, "Friday 2 pallets" is a count unless
/// the day really is that weekday ("miércoles 25 por la noche").
fn weekday_and_day(text: &str, c: &Captures, today: NaiveDate) -> Option<Candidate> {
    let (m, d) = (c.get(0)?, c.name("d")?);
    let named = weekday(c.name("wd")?.as_str())?;
    if glued_right(text, m.end()) {
        return None;
    }
    let day = parse_number(d.as_str())?;
    let next = next_day_of_month(day, today)?;
    let fits = [Some(next), previous_day_of_month(day, today)].into_iter().flatten().find(|d| d.weekday() == named);
    let counted = c.name("ord").is_none() && !weak_day_ok(text, m.end());
    if counted && fits.is_none() {
        return None;
    }
    let date = fits.unwrap_or(next);
    Some(Candidate { rank: Rank::DayOnly, ..absolute(m.start(), m.end(), date, None) })
}

/// The day in group `d`, at its next occurrence.
fn day_of_month(text: &str, c: &Captures, weak: bool, today: NaiveDate) -> Option<Candidate> {
    let (m, d) = (c.get(0)?, c.name("d")?);
    if glued_right(text, m.end()) || (weak && !weak_day_ok(text, m.end())) {
        return None;
    }
    let date = next_day_of_month(parse_number(d.as_str().trim_end_matches("er"))?, today)?;
    Some(Candidate { rank: Rank::DayOnly, ..absolute(m.start(), m.end(), date, None) })
}

/// "le 24" is a date when nothing or a small word follows ("le 24 ou le 25").
fn weak_day_ok(text: &str, end: usize) -> bool {
    let word = next_word(text, end);
    word.is_empty() || AFTER_WEAK_DAY.contains(&word.as_str())
}

fn absolute(start: usize, end: usize, date: NaiveDate, yearless: Option<(u32, u32)>) -> Candidate {
    Candidate { start, end, date, rank: Rank::Absolute, weekday: false, yearless }
}

#[cfg(test)]
pub(super) fn patterns_compile() -> bool {
    let tables: usize = LANGS.iter().map(|l| l.day_only.len() + l.day_only_weak.len()).sum();
    [&DAY_MONTH, &MONTH_DAY, &LIST_BEFORE, &LIST_AFTER, &WEEKDAY_DAY].iter().all(|re| re.is_some())
        && DAY_ONLY.len() == tables
}
