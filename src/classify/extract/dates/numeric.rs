//! Numeric dates: 2026-11-26, 26/11/2026, 26.11.2026, 26-11-2026,
//! 26/11/26, 26/11, 26.11. and the US 11/26/2026.
//!
//! Day first, except when only the month-first reading is a real date, or
//! when the day-first reading lies more than 60 days from the sent day and
//! the month-first one within (slashes and dashes only: dots are European).
//!
//! Input: text and the sent day. Output: candidates. Failure: none;
//! impossible dates (31/02) and numbers that only look like dates
//! (versions, prices, phone numbers, times, "3/5 shipped") are skipped.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

use super::calendar::{distance, full_year, next_occurrence};
use super::lexicon::{compile, weekday};
use super::words::{back, glued_left, glued_right, next_word, prev_word};
use super::written::borrowed_before;
use super::{Candidate, Rank};

/// One regex per separator, so that "24-26.11.2026" still finds "26.11.2026"
/// after "24-26.11" failed on its mixed separators.
static ISO: LazyLock<Vec<Regex>> = LazyLock::new(|| per_separator(r"\b([0-9]{4})(S)([0-9]{1,2})(S)([0-9]{1,2})\b"));
static DMY: LazyLock<Vec<Regex>> =
    LazyLock::new(|| per_separator(r"\b([0-9]{1,2})(S)([0-9]{1,2})(S)([0-9]{4}|[0-9]{2})\b"));
static DM: LazyLock<Option<Regex>> = LazyLock::new(|| compile(r"\b([0-9]{1,2})([/.])([0-9]{1,2})\b(\.)?"));

/// The pattern with `S` as "-", "/" and ".".
fn per_separator(pattern: &str) -> Vec<Regex> {
    ["-", "/", r"\."].iter().filter_map(|sep| compile(&pattern.replace('S', sep))).collect()
}

/// The first day of a range right before a date: "24-" in "24-26.11.".
static RANGE_START: LazyLock<Option<Regex>> = LazyLock::new(|| compile(r"(?:^|[^0-9.,/:\-])[0-9]{1,2}\.?[-–]$"));
/// A short dotted date at the end of a text: "24.11", "24.11.".
static SHORT_DOTTED: LazyLock<Option<Regex>> = LazyLock::new(|| compile(r"(?:^|[^0-9.])[0-9]{1,2}\.[0-9]{1,2}\.?$"));

const VERSION_WORDS: &str = "v ver version versión versi release build firmware fw rev patch app \
    update sdk api";
const CURRENCIES: &str = "$ € £ ₹ ¥ eur usd gbp inr rs rp idr chf aud cad sgd price total preis \
    precio prix prijs harga कीमत";
/// A number read as a time of day: "um 10.11", "10.30 Uhr".
const TIME_BEFORE: &str = "um at om à pukul jam vers las";
const TIME_AFTER: &str = "uhr uur h hrs hr hours am pm wib wita wit ist cet cest utc gmt baje \
    बजे";
/// A weight, a length or a volume: "2.5 kg".
const MEASURES: &str = "kg g gr lb lbs oz l ml m cm mm km t ton tons liter litre";
/// A fraction of a quantity: "3/5 shipped", "qty 2/4".
const QUANTITY_AFTER: &str = "units unit pcs pc pieces piece items item boxes box cartons carton \
    ctns pallets pallet shipped delivered received packed done complete completed of stück stk \
    teile kartons paletten geliefert versandt unidades piezas cajas enviadas enviados entregadas \
    pièces colis livrés livrées expédiés stuks dozen geleverd verzonden buah karton dus terkirim \
    dikirim नग पीस यूनिट support service";
const QUANTITY_BEFORE: &str = "qty quantity shipped delivered received packed menge anzahl \
    cantidad quantité aantal jumlah मात्रा x items units score rating rated";
/// Words that join two dates in a list.
const LIST_WORDS: &str = "or and oder und ou et of o y atau dan या ya";
/// Words that announce a date, for the weakest forms ("on 3/5", "am 26.11").
const DATE_WORDS: &str = "on by until till for from am bis ab vom zum le el del au du op per tot \
    tgl tanggal pada hingga sampai date datum fecha eta etd delivery lieferung livraison entrega \
    levering pengiriman due expected";

pub(super) fn find(text: &str, today: NaiveDate) -> Vec<Candidate> {
    let mut out = Vec::new();
    for c in ISO.iter().flat_map(|re| re.captures_iter(text)) {
        out.extend(iso(text, &c, today));
    }
    let dmy = DMY.iter().flat_map(|re| re.captures_iter(text));
    let dm = DM.iter().flat_map(|re| re.captures_iter(text));
    let found =
        dmy.filter_map(|c| day_month_year(text, &c, today)).chain(dm.filter_map(|c| day_month(text, &c, today)));
    for (candidate, day_first) in found {
        // "24 or 25/11", "24-26.11.": the first day shares the month.
        if day_first {
            out.extend(borrowed_before(text, &candidate));
        }
        out.push(candidate);
    }
    out
}

fn iso(text: &str, c: &Captures, today: NaiveDate) -> Option<Candidate> {
    let m = c.get(0)?;
    if c.get(2)?.as_str() != c.get(4)?.as_str() || !isolated(text, m.start(), m.end()) {
        return None;
    }
    let year = full_year(c.get(1)?.as_str(), today)?;
    let date = NaiveDate::from_ymd_opt(year, num(c, 3)?, num(c, 5)?)?;
    Some(candidate(m.start(), m.end(), date, None))
}

/// A full numeric date, and whether it was read day first.
fn day_month_year(text: &str, c: &Captures, today: NaiveDate) -> Option<(Candidate, bool)> {
    let m = c.get(0)?;
    let sep = c.get(2)?.as_str();
    // "24-26.11.2026" is a range; "+31-6-12-11-2026" a phone number.
    let range = sep != "-" && range_start(text, m.start()) && !glued_right(text, m.end());
    if sep != c.get(4)?.as_str() || !(range || isolated(text, m.start(), m.end())) {
        return None;
    }
    if listed(VERSION_WORDS, &prev_word(text, m.start())) {
        return None;
    }
    let year = full_year(c.get(5)?.as_str(), today)?;
    let (a, b) = (num(c, 1)?, num(c, 3)?);
    let day_first = NaiveDate::from_ymd_opt(year, b, a);
    let month_first = NaiveDate::from_ymd_opt(year, a, b).filter(|_| sep != ".");
    let (date, first) = choose(day_first, month_first, today)?;
    Some((candidate(m.start(), m.end(), date, None), first))
}

/// A numeric date without year, and whether it was read day first.
fn day_month(text: &str, c: &Captures, today: NaiveDate) -> Option<(Candidate, bool)> {
    let m = c.get(0)?;
    let digits = c.get(3)?;
    let dotted = c.get(2)?.as_str() == ".";
    let trailing_dot = c.get(4).is_some();
    // "26.11" without its closing dot is a decimal unless a date word leads.
    let end = if dotted && trailing_dot { m.end() } else { digits.end() };
    let range = range_start(text, m.start());
    let alone = (range && !glued_right(text, end)) || isolated(text, m.start(), end);
    if !alone || m.as_str() == "24/7" {
        return None;
    }
    let before = prev_word(text, m.start());
    let after = next_word(text, end);
    let announced = listed(DATE_WORDS, &before) || weekday(&before).is_some() || listed_after_date(text, m.start());
    if looks_like_number(text, m.start(), end, &before, &after)
        || (!dotted && looks_like_quantity(&before, &after))
        || (dotted && !trailing_dot && !announced)
        || (c.get(1)?.len() == 1 && digits.len() == 1 && !announced)
    {
        return None;
    }
    let (a, b) = (num(c, 1)?, num(c, 3)?);
    let day_first = next_occurrence(b, a, today);
    let month_first = next_occurrence(a, b, today).filter(|_| !dotted);
    let (date, first) = choose(day_first, month_first, today)?;
    let (month, day) = if first { (b, a) } else { (a, b) };
    Some((candidate(m.start(), end, date, Some((month, day))), first))
}

/// Prices, times and versions written like a short date.
fn looks_like_number(text: &str, start: usize, end: usize, before: &str, after: &str) -> bool {
    listed(VERSION_WORDS, before)
        || listed(TIME_BEFORE, before)
        || listed(TIME_AFTER, after)
        || listed(MEASURES, after)
        || currency_before(text, start)
        || CURRENCIES.split_whitespace().any(|c| after == c)
        || text.get(end..).is_some_and(|t| t.trim_start().starts_with(['€', '$', '%', '₹']))
}

/// A currency sign or word among the few characters before `start`:
/// "€12.10.", "EUR 26.11.", "Gesamtpreis 26.11". Codes count as whole
/// words, so that "Donnerstag, 26.11." is no price in rupees ("rs");
/// longer words also end a compound ("Stückpreis").
fn currency_before(text: &str, start: usize) -> bool {
    let lead = text.get(back(text, start, 10)..start).unwrap_or_default().to_lowercase();
    let words: Vec<&str> = lead.split(|c: char| !c.is_alphanumeric()).collect();
    CURRENCIES.split_whitespace().any(|c| {
        if !c.chars().all(char::is_alphabetic) {
            lead.contains(c)
        } else {
            words.iter().any(|w| *w == c || (c.chars().count() > 3 && w.ends_with(c)))
        }
    })
}

/// A fraction of a quantity: "3/5 shipped", "qty 2/4". Dotted dates are
/// left alone: "am 27.11. versandt" is a date.
fn looks_like_quantity(before: &str, after: &str) -> bool {
    listed(QUANTITY_BEFORE, before) || listed(QUANTITY_AFTER, after)
}

/// Day first unless only month first is real, or only month first lies
/// within 60 days of the sent day. The flag tells whether day first won.
fn choose(day_first: Option<NaiveDate>, month_first: Option<NaiveDate>, today: NaiveDate) -> Option<(NaiveDate, bool)> {
    match (day_first, month_first) {
        (Some(d), Some(m)) if distance(d, today) > 60 && distance(m, today) <= 60 => Some((m, false)),
        (Some(d), _) => Some((d, true)),
        (None, m) => Some((m?, false)),
    }
}

/// Not part of a longer token: a phone number, an order reference, a version.
fn isolated(text: &str, start: usize, end: usize) -> bool {
    !glued_left(text, start) && !glued_right(text, end)
}

/// Whether a range's first day leads to `start`: "24-" in "24-26.11.".
fn range_start(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or_default();
    RANGE_START.as_ref().is_some_and(|re| re.is_match(head))
}

/// "24.11 or 25.11": the second of a list of short dotted dates.
fn listed_after_date(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or_default().trim_end();
    let Some(rest) = LIST_WORDS.split_whitespace().find_map(|w| head.strip_suffix(w)) else {
        return false;
    };
    SHORT_DOTTED.as_ref().is_some_and(|re| re.is_match(rest.trim_end()))
}

/// Whether `word` is one of the space-separated words of `list`.
fn listed(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w == word)
}

fn num(c: &Captures, group: usize) -> Option<u32> {
    c.get(group)?.as_str().parse().ok()
}

fn candidate(start: usize, end: usize, date: NaiveDate, yearless: Option<(u32, u32)>) -> Candidate {
    Candidate { start, end, date, rank: Rank::Absolute, weekday: false, yearless }
}

#[cfg(test)]
pub(super) fn patterns_compile() -> bool {
    ISO.len() == 3 && DMY.len() == 3 && [&DM, &SHORT_DOTTED, &RANGE_START].iter().all(|re| re.is_some())
}
