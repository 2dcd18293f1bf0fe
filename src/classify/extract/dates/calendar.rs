//! Calendar arithmetic for the finders: occurrences of a day and month,
//! weekdays, offsets and years as written.
//!
//! Input: numbers as found and the sent day. Output: `Some(date)` for a
//! real date. Failure: `None` for impossible dates (31/02, 29/02/2027) and
//! years too far from the sent day to be meant.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The first `day`.`month` on or after `today`, looking a few years ahead
/// so that 29 February still finds its leap year.
pub(super) fn next_occurrence(month: u32, day: u32, today: NaiveDate) -> Option<NaiveDate> {
    (today.year()..=today.year() + 4).filter_map(|y| NaiveDate::from_ymd_opt(y, month, day)).find(|d| *d >= today)
}

/// The last `day`.`month` strictly before `today`.
pub(super) fn previous_occurrence(month: u32, day: u32, today: NaiveDate) -> Option<NaiveDate> {
    (today.year() - 4..=today.year()).rev().filter_map(|y| NaiveDate::from_ymd_opt(y, month, day)).find(|d| *d < today)
}

/// The first date on or after `today` whose day of the month is `day`.
pub(super) fn next_day_of_month(day: u32, today: NaiveDate) -> Option<NaiveDate> {
    let mut first = today.with_day(1)?;
    for _ in 0..13 {
        if let Some(d) = first.with_day(day).filter(|d| *d >= today) {
            return Some(d);
        }
        first = first.checked_add_months(chrono::Months::new(1))?;
    }
    None
}

/// The last date strictly before `today` whose day of the month is `day`,
/// within about a month.
pub(super) fn previous_day_of_month(day: u32, today: NaiveDate) -> Option<NaiveDate> {
    let this = today.with_day(day).filter(|d| *d < today);
    this.or_else(|| today.checked_sub_months(chrono::Months::new(1))?.with_day(day))
}

/// The first `weekday` strictly after `today` (fixtures/README.md: "next
/// Tuesday" and "on Tuesday" both mean the first Tuesday after the mail).
pub(super) fn next_weekday(weekday: Weekday, today: NaiveDate) -> Option<NaiveDate> {
    let from = today.weekday().num_days_from_monday();
    let to = weekday.num_days_from_monday();
    let ahead = (to + 7 - from) % 7;
    let ahead = if ahead == 0 { 7 } else { ahead };
    today.checked_add_days(Days::new(u64::from(ahead)))
}

pub(super) fn add_days(today: NaiveDate, days: u32) -> Option<NaiveDate> {
    today.checked_add_days(Days::new(u64::from(days)))
}

/// A year as written: four digits within five years of the sent day, or
/// two digits within a year before and two after ("26/11/26"), so that
/// version numbers such as 1.2.13 do not pass.
pub(super) fn full_year(written: &str, today: NaiveDate) -> Option<i32> {
    let digits = written.trim_start_matches('\'');
    let n = i32::try_from(parse_number(digits)?).ok()?;
    let (year, before, after) = match digits.chars().count() {
        4 => (n, 5, 5),
        2 => (2000 + n, 1, 2),
        _ => return None,
    };
    (today.year() - before..=today.year() + after).contains(&year).then_some(year)
}

/// Digits in ASCII or Devanagari (०-९), at most four of them.
pub(super) fn parse_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 4 {
        return None;
    }
    s.chars().try_fold(0u32, |n, c| Some(n * 10 + digit_value(c)?))
}

pub(super) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '०'..='९' => Some(u32::from(c) - u32::from('०')),
        _ => None,
    }
}

/// Whole days between two dates, ignoring the sign.
pub(super) fn distance(a: NaiveDate, b: NaiveDate) -> i64 {
    (a - b).num_days().abs()
}
