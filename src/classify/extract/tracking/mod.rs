//! Tracking numbers of the major carriers, with check digits where the
//! carrier has one.
//!
//! Input: free text (subject and newest body). Output: the tracking numbers
//! in text order, deduplicated by number, each upper case without spaces,
//! with the carrier its format and check digit point to. Never fails: text
//! without a number gives an empty list.
//!
//! A number is reported when
//! - it has a strong format (UPS 1Z, S10, 22-digit IMpb with a valid check
//!   digit; J&T JP..., Ninja Van NV..., DHL JJD/JVGL/GM), anywhere;
//! - it has a weak format (pure digits, short letter forms) with a shipping
//!   cue or the carrier's name nearby, and passes the check digit where the
//!   format has one, and no phone/order/PO word stands directly before it;
//! - or an explicit cue ("Tracking number:", "AWB", "no. resi") stands
//!   directly before an otherwise unknown code: carrier `None`, unverified.
//!
//! One file per carrier family: `express` (UPS, FedEx, DHL), `postal` (S10,
//! USPS, Australia Post, StarTrack), `regional` (India, South-East Asia,
//! Aramex); `check` holds the check-digit algorithms, `cues` the words,
//! `scan` the search through the text.

mod check;
mod cues;
mod express;
mod postal;
mod regional;
mod scan;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::ops::Range;

use regex::Regex;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Carrier {
    Ups,
    Fedex,
    Usps,
    Dhl,
    AustraliaPost,
    StarTrack,
    Aramex,
    RoyalMail,
    Delhivery,
    BlueDart,
    Dtdc,
    EcomExpress,
    NinjaVan,
    JAndT,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackingNumber {
    /// Upper case, spaces removed.
    pub number: String,
    /// The carrier the format (and check digit) points to, when it does.
    pub carrier: Option<Carrier>,
    /// True when the format's check digit was verified (an S10 number of a
    /// post outside [`Carrier`] is verified with carrier `None`); false when
    /// the format has none or the number was found only by a cue word.
    pub check_digit_verified: bool,
}

/// Every tracking number in `text`, in text order, deduplicated by number.
pub fn find_tracking_numbers(text: &str) -> Vec<TrackingNumber> {
    let mut seen = HashSet::new();
    scan::find(text).into_iter().map(|(_, t)| t).filter(|t| seen.insert(t.number.clone())).collect()
}

/// Every occurrence of a tracking number in `text` with the byte range it
/// covers, repeats included, so other extractors can skip those ranges.
pub(crate) fn find_tracking_spans(text: &str) -> Vec<(Range<usize>, TrackingNumber)> {
    scan::find(text)
}

/// How the linker and the extractor compare numbers: upper case, without
/// whitespace or dashes. `"1z 999-aa1"` becomes `"1Z999AA1"`.
pub fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '‐' | '‑' | '–' | '—'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// The carrier's usual name, as an order book writes it.
pub fn carrier_name(c: Carrier) -> &'static str {
    match c {
        Carrier::Ups => "UPS",
        Carrier::Fedex => "FedEx",
        Carrier::Usps => "USPS",
        Carrier::Dhl => "DHL",
        Carrier::AustraliaPost => "Australia Post",
        Carrier::StarTrack => "StarTrack",
        Carrier::Aramex => "Aramex",
        Carrier::RoyalMail => "Royal Mail",
        Carrier::Delhivery => "Delhivery",
        Carrier::BlueDart => "Blue Dart",
        Carrier::Dtdc => "DTDC",
        Carrier::EcomExpress => "Ecom Express",
        Carrier::NinjaVan => "Ninja Van",
        Carrier::JAndT => "J&T Express",
    }
}

/// One way a normalised candidate can be read as a carrier's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reading {
    carrier: Option<Carrier>,
    /// The format's check digit passed.
    verified: bool,
    /// The format is too plain to stand alone: it needs a shipping cue.
    needs_cue: bool,
    /// Plain digits without a check digit: attributed to the carrier only
    /// when the mail names it.
    needs_name: bool,
}

impl Reading {
    fn strong(carrier: Carrier, verified: bool) -> Self {
        Reading { carrier: Some(carrier), verified, needs_cue: false, needs_name: false }
    }

    fn weak(carrier: Carrier, verified: bool) -> Self {
        Reading { carrier: Some(carrier), verified, needs_cue: true, needs_name: false }
    }

    fn by_name(carrier: Carrier) -> Self {
        Reading { carrier: Some(carrier), verified: false, needs_cue: true, needs_name: true }
    }
}

/// Every reading of a normalised candidate, best first: verified before
/// unverified, standalone formats before cued ones, then family order.
fn readings(n: &str) -> Vec<Reading> {
    let mut out = Vec::new();
    postal::readings(n, &mut out);
    regional::readings(n, &mut out);
    express::readings(n, &mut out);
    out.sort_by_key(|r| (!r.verified, r.needs_cue));
    out
}

fn all_digits(n: &str) -> bool {
    !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
}

/// `"JJD0099999999"` -> `("JJD", 10)`: leading upper-case letters and the
/// count of the digits that make up the rest; `None` for any other shape.
fn letters_then_digits(n: &str) -> Option<(&str, usize)> {
    let split = n.bytes().position(|b| !b.is_ascii_uppercase())?;
    let (letters, digits) = n.split_at(split);
    (!letters.is_empty() && all_digits(digits)).then_some((letters, digits.len()))
}

/// Compiles one of this module's constant patterns. They are fixed at
/// build time and every one is exercised by the unit tests, so a failure
/// here is a programming error caught before release, never input-driven.
fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in pattern: {e}"))
}
