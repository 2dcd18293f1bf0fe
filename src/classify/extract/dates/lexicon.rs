//! The word tables of every language family, joined: month and weekday
//! names, number words, relative day words, weekday qualifiers and the
//! cues that give a date its role. All families are read at once because
//! an email's language is not known beforehand and mail mixes them.
//!
//! Input: the static tables of `english`, `romance`, `germanic`,
//! `indonesian` and `hindi`. Output: lookups and regex alternations built
//! once. Failure: a pattern that does not compile yields `None` and finds
//! nothing; the test `every_pattern_compiles` keeps that from shipping.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::Weekday;
use regex::Regex;

use super::DateRole;
use super::english::ENGLISH;
use super::germanic::{DUTCH, GERMAN};
use super::hindi::HINDI;
use super::indonesian::INDONESIAN;
use super::romance::{FRENCH, SPANISH};

/// What one language brings. Patterns are regex fragments matched
/// case-insensitively between word boundaries.
pub(super) struct Lang {
    /// January to December, each entry its spellings separated by spaces.
    pub months: [&'static str; 12],
    /// Full weekday names, Monday first, trusted anywhere.
    pub weekdays: [&'static str; 7],
    /// Short names, Monday first, only trusted in front of a written date
    /// ("Do., 26. Nov.").
    pub weekday_abbrevs: [&'static str; 7],
    /// One, two, three..., each entry its spellings separated by spaces.
    pub numbers: &'static [&'static str],
    pub day_words: &'static [DayWord],
    /// "in {n} days" forms; `{n}` stands for a number in digits or words.
    pub in_days: &'static [&'static str],
    /// Words before a weekday that make it a date ("next", "am", "hari").
    pub weekday_before: &'static [&'static str],
    /// Words after a weekday that make it a date ("prochain", "depan", "को").
    pub weekday_after: &'static [&'static str],
    /// Whether a weekday alone is a date ("livrer mardi").
    pub bare_weekdays: bool,
    /// Words before a bare weekday that make it something else ("du lundi").
    pub not_bare_after: &'static [&'static str],
    /// Words right before a weekday that make it a date where bare weekdays
    /// are not, left out of its text so that the cue they are still speaks
    /// ("deliver Friday", "do Friday").
    pub bare_after: &'static [&'static str],
    /// Weekday names that are dates only after a `weekday_before` word
    /// (Indonesian "Minggu" is also "week").
    pub weekday_needs_before: &'static [&'static str],
    /// Phrases right after a weekday that make it no single date
    /// ("Tuesday next week", "el martes pasado").
    pub not_weekday: &'static [&'static str],
    /// A day of the month alone, with the day in group `d` ("the 24th").
    pub day_only: &'static [&'static str],
    /// Same, but weak: rejected when a word follows ("le 24").
    pub day_only_weak: &'static [&'static str],
    pub cues: &'static [Cue],
    /// Words that make a label old or new, whatever else it says:
    /// "Estimasi awal", "Original EDD", "Revised Delivery Date".
    pub label_old: &'static [&'static str],
    pub label_new: &'static [&'static str],
    /// A label that is only a done deed ("Shipped", "Versandt", "Terkirim"):
    /// its date is past, whatever the column above says.
    pub label_done: &'static [&'static str],
    /// Words that make a participle after a date a plan or a request ("wird
    /// am 3.12. versandt"); without one it reports a fact ("heute versandt").
    pub participle_future: &'static [&'static str],
    pub negations: &'static [&'static str],
    /// "until", "hasta", "तक": next to a date, the end of a stretch of time.
    pub until: &'static [&'static str],
    /// Being away: a date the sender is away "until" is no delivery date.
    pub away: &'static [&'static str],
    /// "after that", "a partir de": the sender asks for delivery from then on.
    pub from_then: &'static [&'static str],
    /// "instead", "stattdessen": the date the request is built around.
    pub instead: &'static [&'static str],
    /// "could you", "bitte", "tolong": a sentence that asks.
    pub request: &'static [&'static str],
    /// "showing as", "laut", "menurut": a sentence that reports the plan.
    pub status: &'static [&'static str],
    /// Words that place a clause in the future or make it a request, for
    /// day words that are otherwise ambiguous (Hindi कल).
    pub future: &'static [&'static str],
    /// Words that place a clause in the past.
    pub past: &'static [&'static str],
}

/// A word for a day relative to the sent day: "tomorrow", "übermorgen".
pub(super) struct DayWord {
    pub pattern: &'static str,
    pub offset: u32,
    /// Words right before it that make it something else ("por la mañana").
    pub not_after: &'static [&'static str],
    /// Words right after it that make it something else ("besok lusa").
    pub not_before: &'static [&'static str],
    /// Only a date when its clause speaks of the future (कल is also yesterday).
    pub needs_future: bool,
}

impl DayWord {
    pub(super) const fn new(pattern: &'static str, offset: u32) -> Self {
        DayWord { pattern, offset, not_after: &[], not_before: &[], needs_future: false }
    }
    pub(super) const fn not_after(self, words: &'static [&'static str]) -> Self {
        DayWord { not_after: words, ..self }
    }
    pub(super) const fn not_before(self, words: &'static [&'static str]) -> Self {
        DayWord { not_before: words, ..self }
    }
    pub(super) const fn future(self) -> Self {
        DayWord { needs_future: true, ..self }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Place {
    /// The cue comes before the date it speaks of: "now expected on 24 Nov".
    Before,
    /// The cue follows the date: "24 नवंबर को भेजें", "am 24.11. geliefert".
    After,
}

/// Words that give the date next to them a role.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cue {
    pub pattern: &'static str,
    pub role: DateRole,
    pub place: Place,
    /// Only counts right next to the date ("now 24 Nov", "not on 24 Nov").
    pub tight: bool,
    /// Colours the cue after it too: "originally expected on" is old.
    pub modifier: bool,
    /// A participle after the date: new only with a word of
    /// `participle_future` in its clause, else old ("heute versandt").
    pub participle: bool,
    /// A bare stem in any inflection ("entregasen", "Zustellung"): yields
    /// to any other cue it overlaps.
    pub generic: bool,
}

impl Cue {
    pub(super) const fn new(pattern: &'static str) -> Self {
        Cue {
            pattern,
            role: DateRole::New,
            place: Place::Before,
            tight: false,
            modifier: false,
            participle: false,
            generic: false,
        }
    }
    pub(super) const fn old(pattern: &'static str) -> Self {
        Cue { role: DateRole::Old, ..Cue::new(pattern) }
    }
    pub(super) const fn after(self) -> Self {
        Cue { place: Place::After, ..self }
    }
    pub(super) const fn tight(self) -> Self {
        Cue { tight: true, ..self }
    }
    pub(super) const fn modifier(self) -> Self {
        Cue { modifier: true, ..self }
    }
    pub(super) const fn participle(self) -> Self {
        Cue { participle: true, place: Place::After, ..self }
    }
    pub(super) const fn generic(self) -> Self {
        Cue { generic: true, ..self }
    }
}

pub(super) static LANGS: [&Lang; 7] = [&ENGLISH, &SPANISH, &FRENCH, &GERMAN, &DUTCH, &INDONESIAN, &HINDI];

/// Lower case, no trailing dot, one spelling of the Devanagari nukta.
pub(super) fn key(token: &str) -> String {
    token.trim_end_matches('.').to_lowercase().replace('\u{095E}', "\u{092B}\u{093C}")
}

/// Each spelling of a numbered table with its number, counting from one.
fn spellings(table: &'static [&'static str]) -> impl Iterator<Item = (&'static str, u32)> {
    (1u32..).zip(table).flat_map(|(n, entry)| entry.split_whitespace().map(move |w| (w, n)))
}

fn months_of(l: &'static Lang) -> impl Iterator<Item = (&'static str, u32)> {
    spellings(&l.months)
}

/// Full names and short names, numbered from Monday = 1.
fn weekdays_of(l: &'static Lang) -> impl Iterator<Item = (&'static str, u32)> {
    spellings(&l.weekdays).chain(spellings(&l.weekday_abbrevs))
}

static MONTHS: LazyLock<HashMap<String, u32>> =
    LazyLock::new(|| LANGS.iter().flat_map(|l| months_of(l)).map(|(w, m)| (key(w), m)).collect());

static WEEKDAYS: LazyLock<HashMap<String, u32>> =
    LazyLock::new(|| LANGS.iter().flat_map(|l| weekdays_of(l)).map(|(w, d)| (key(w), d)).collect());

static NUMBERS: LazyLock<HashMap<String, u32>> =
    LazyLock::new(|| LANGS.iter().flat_map(|l| spellings(l.numbers)).map(|(w, n)| (key(w), n)).collect());

pub(super) fn month(token: &str) -> Option<u32> {
    MONTHS.get(&key(token)).copied()
}

pub(super) fn weekday(token: &str) -> Option<Weekday> {
    let n = WEEKDAYS.get(&key(token))?;
    Weekday::try_from(u8::try_from(n.checked_sub(1)?).ok()?).ok()
}

/// A full weekday name ("Rabu", "Mittwoch"), not an abbreviation.
pub(super) fn full_weekday(token: &str) -> Option<Weekday> {
    let word = key(token);
    let n = LANGS.iter().find_map(|l| spellings(&l.weekdays).find(|(w, _)| key(w) == word).map(|(_, n)| n))?;
    Weekday::try_from(u8::try_from(n.checked_sub(1)?).ok()?).ok()
}

/// A number in digits (ASCII or Devanagari) or in words.
pub(super) fn number(token: &str) -> Option<u32> {
    super::calendar::parse_number(token).or_else(|| NUMBERS.get(&key(token)).copied())
}

/// Words as one alternation, longest first so that "november" is tried
/// before "nov". Plain words are escaped; patterns are kept as written.
pub(super) fn alternation<'a>(items: impl IntoIterator<Item = &'a str>, escape: bool) -> String {
    let mut all: Vec<String> =
        items.into_iter().map(|w| if escape { regex::escape(w) } else { w.to_string() }).collect();
    all.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    all.dedup();
    all.join("|")
}

/// Every month name of every language.
pub(super) fn month_names() -> String {
    alternation(LANGS.iter().flat_map(|l| months_of(l)).map(|(w, _)| w), true)
}

/// Full weekday names, from the languages that pass `filter`.
pub(super) fn weekday_names(filter: impl Fn(&Lang) -> bool) -> String {
    let names = LANGS.iter().filter(|l| filter(l)).flat_map(|l| spellings(&l.weekdays));
    alternation(names.map(|(w, _)| w), true)
}

/// Full and short weekday names for the front of a written date. Short
/// names of two letters need their dot ("Do.", "Mi.") to count.
pub(super) fn weekday_prefix() -> String {
    let all = || LANGS.iter().flat_map(|l| weekdays_of(l)).map(|(w, _)| w);
    let long = alternation(all().filter(|w| w.chars().count() > 2), true);
    let short = alternation(all().filter(|w| w.chars().count() <= 2), true);
    format!(r"(?:{long})\.?|(?:{short})\.")
}

/// Number words of every language, and digits.
pub(super) fn number_pattern() -> String {
    let words = alternation(LANGS.iter().flat_map(|l| spellings(l.numbers)).map(|(w, _)| w), true);
    format!("[0-9०-९]{{1,2}}|{words}")
}

/// One pattern list from every language.
pub(super) fn joined(list: impl Fn(&Lang) -> &'static [&'static str]) -> String {
    alternation(LANGS.iter().flat_map(|l| list(l).iter().copied()), false)
}

/// Compiles a pattern built from the tables; `None` when it does not.
pub(super) fn compile(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}
