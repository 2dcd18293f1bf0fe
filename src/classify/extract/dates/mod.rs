//! Dates in numeric, written and relative forms, in English, Spanish,
//! German, French, Dutch, Indonesian and Hindi (Devanagari and romanised),
//! resolved against the email's `Date:` header, each with the role its
//! label in a table or form, or the words around it, give it.
//!
//! Input: plain text (subject and newest text) and the `Date:` header.
//! Output: every date found, in text order ([`find_dates`]), and the one
//! date the message gives as new ([`pick_new_date`]).
//! Failure: none. Impossible dates (31/02) and numbers that only look like
//! dates (versions, prices, times, "3/5 shipped") are skipped; an ambiguous
//! message gives `None` rather than a guess.
//!
//! Layout: `numeric`, `written` and `relative` find candidates; `cues`
//! gives each its role, from its label (`layout`: table headers, row
//! labels, "Label:" leads) when it has one, else from the words around it
//! (`clause` bounds them); `intent` then reads what the sender means: the
//! end of an absence is old, and a requested date wins over the plan a
//! status sentence reports. `calendar` does the date arithmetic; `lexicon`
//! joins the word tables of the language families (`english`, `romance`,
//! `germanic`, `indonesian`, `hindi`).

mod calendar;
mod clause;
mod cues;
mod english;
mod germanic;
mod hindi;
mod indonesian;
mod intent;
mod layout;
mod lexicon;
mod numeric;
mod relative;
mod romance;
mod words;
mod written;

#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// What a date is to the message, judged from the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateRole {
    /// A new or requested date: "now expected on", "deliver on", "neuer Termin".
    New,
    /// An old or original date: "was due on", "originally scheduled for";
    /// also a date the sender refuses ("please do not deliver on").
    Old,
    /// Anything else: order date, signature date, unclear.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundDate {
    pub date: NaiveDate,
    /// The text as written ("next Tuesday", "26/11/2026").
    pub text: String,
    /// Byte offset of `text` in the searched string.
    pub start: usize,
    pub role: DateRole,
    /// Written relative to the sent day: "tomorrow", "next Tuesday", "in 3 days".
    #[serde(default)]
    pub relative: bool,
}

/// How far a form is trusted when two forms overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    /// "tomorrow", "in 3 days", "next Tuesday".
    Relative,
    /// "the 24th", "tanggal 24": a day of the month only.
    DayOnly,
    /// A day and a month, written or numeric.
    Absolute,
}

/// A date found in the text, before its role is known.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Candidate {
    start: usize,
    end: usize,
    date: NaiveDate,
    rank: Rank,
    /// Set for a weekday name ("on Tuesday"), which yields to an absolute
    /// date right after it ("Tuesday 24/11").
    weekday: bool,
    /// Month and day of a date written without a year.
    yearless: Option<(u32, u32)>,
}

/// Every date in `text`, in text order, resolved against `sent` (its own
/// local day, not UTC), each with its role.
pub fn find_dates(text: &str, sent: DateTime<FixedOffset>) -> Vec<FoundDate> {
    let today = sent.date_naive();
    let mut all = numeric::find(text, today);
    all.extend(written::find(text, today));
    all.extend(relative::find(text, today));
    let kept = select(text, all);
    let spans: Vec<(usize, usize)> = kept.iter().map(|c| (c.start, c.end)).collect();
    let roles = cues::assign_roles(text, &spans);
    let mut found: Vec<FoundDate> = kept
        .into_iter()
        .zip(roles)
        .map(|(c, role)| FoundDate {
            date: settle_year(&c, role, today, named_weekday(text, &c)),
            text: text.get(c.start..c.end).unwrap_or_default().to_string(),
            start: c.start,
            role,
            relative: c.rank == Rank::Relative,
        })
        .collect();
    intent::prefer_requested(text, &mut found);
    found
}

/// The one date the message gives as new, or `None` when it gives none or
/// several. Dates before the sent day are never picked.
///
/// Exactly one distinct `New` date on or after the sent day wins. With no
/// `New` date at all, a single distinct date after the sent day that is
/// never `Old` and is written out (not "tomorrow", "on Friday": said
/// without a cue, those are chatter, "I'll send the street tomorrow") is
/// taken; anything else is ambiguous.
pub fn pick_new_date(found: &[FoundDate], sent: DateTime<FixedOffset>) -> Option<NaiveDate> {
    let today = sent.date_naive();
    let new: BTreeSet<NaiveDate> =
        found.iter().filter(|f| f.role == DateRole::New && f.date >= today).map(|f| f.date).collect();
    if !new.is_empty() || found.iter().any(|f| f.role == DateRole::New) {
        // A new date that lies in the past is a typo or a misreading: safer
        // to ask a human than to fall back on some other date.
        return only(new);
    }
    let old: BTreeSet<NaiveDate> = found.iter().filter(|f| f.role == DateRole::Old).map(|f| f.date).collect();
    let later: BTreeSet<NaiveDate> =
        found.iter().filter(|f| f.date > today && !f.relative && !old.contains(&f.date)).map(|f| f.date).collect();
    only(later)
}

fn only(set: BTreeSet<NaiveDate>) -> Option<NaiveDate> {
    if set.len() == 1 { set.into_iter().next() } else { None }
}

/// Keeps the most trusted of overlapping candidates, in text order.
fn select(text: &str, mut all: Vec<Candidate>) -> Vec<Candidate> {
    all.sort_by(|a, b| b.rank.cmp(&a.rank).then((b.end - b.start).cmp(&(a.end - a.start))).then(a.start.cmp(&b.start)));
    let mut kept: Vec<Candidate> = Vec::new();
    for c in all {
        if kept.iter().all(|k| c.end <= k.start || c.start >= k.end) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    let starts: Vec<usize> = kept.iter().map(|c| c.start).collect();
    // "Thursday, 26/11": the weekday only introduces the date after it.
    kept.retain(|c| !c.weekday || !starts.iter().any(|&s| words::only_filler(text, c.end, s)));
    kept
}

/// A date written without a year is its next occurrence on or after the
/// sent day (fixtures/README.md). A weekday named with it settles the year
/// when only the last occurrence falls on it ("Rabu 18/11", sent on Friday
/// 20 Nov 2026: 18 Nov 2027 is a Thursday). Otherwise, when the next
/// occurrence is most of a year ahead and the date is not given as new,
/// the writer meant the recent past ("delivered on 18/11", sent on 19 Nov),
/// and it must not pass for a future date.
fn settle_year(c: &Candidate, role: DateRole, today: NaiveDate, named: Option<Weekday>) -> NaiveDate {
    let Some((month, day)) = c.yearless else {
        return c.date;
    };
    let previous = calendar::previous_occurrence(month, day, today);
    if let Some(named) = named.filter(|w| *w != c.date.weekday()) {
        let fits = previous.filter(|p| p.weekday() == named && (today - *p).num_days() <= 300);
        return fits.unwrap_or(c.date);
    }
    if role != DateRole::New && (c.date - today).num_days() > 300 {
        return previous.filter(|p| (today - *p).num_days() <= 65).unwrap_or(c.date);
    }
    c.date
}

/// The weekday written with a date: at its start ("Mittwoch, 2. Dezember")
/// or right before it ("hari Rabu 18/11", "Mittwoch, den 18.11.").
fn named_weekday(text: &str, c: &Candidate) -> Option<Weekday> {
    if let Some(w) = lexicon::weekday(&words::next_word(text, c.start)) {
        return Some(w);
    }
    let lead = |pos: usize| words::word_before(text, pos, ",(");
    let (start, word) = lead(c.start)?;
    let word = if words::JOINERS.contains(&word.as_str()) { lead(start)?.1 } else { word };
    lexicon::full_weekday(&word)
}
