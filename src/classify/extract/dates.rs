//! Dates in numeric and written forms (English, Hindi, Indonesian, Spanish,
//! German, French, Dutch) and relative forms, resolved against the email's
//! Date header.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// What a date is to the message, judged from the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateRole {
    /// A new or requested date: "now expected on", "deliver on", "neuer Termin".
    New,
    /// An old or original date: "was due on", "originally scheduled for".
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
}

pub fn find_dates(_text: &str, _sent: DateTime<FixedOffset>) -> Vec<FoundDate> {
    Vec::new()
}

pub fn pick_new_date(_found: &[FoundDate]) -> Option<NaiveDate> {
    None
}
