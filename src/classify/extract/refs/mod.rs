//! Order references and purchase-order numbers: generic candidates that the
//! link stage confirms against the order book.
//!
//! Input: free text (subject and newest body). Output: candidates in text
//! order, deduplicated by key. Never fails; text without references gives
//! empty lists.
//!
//! Order references (`orders`): letter-prefixed numbers (`SO-10231`,
//! `so 10231`), `#10231`, and any number after an order word in the
//! project's languages ("order no. 10231", "pedido 10231", "Bestellung
//! 10231", "n° de commande", "pesanan 10231", "bestelling", "ऑर्डर 10231").
//! A digits-only candidate always comes from such a cue. Phone numbers,
//! prices, dates, quantities, postcodes after a city, tracking numbers and
//! clear purchase-order numbers are left out.
//!
//! Purchase orders (`po`): `PO-55120`, `P.O. No. 55120`, `PO/KK/20461`,
//! `OC-`/`BC-`/`BE-` numbers and the localised words ("orden de compra",
//! "bon de commande", "inkooporder", "pesanan pembelian"). German
//! "Bestellung" is both: a customer's "meine Bestellung" is an order, a
//! supplier's "Ihre Bestellung / Ihre Bestell-Nr." is our purchase order.
//! Those formal forms are reported as PO numbers *and* kept as order
//! candidates; the order book decides which one they name.

mod orders;
mod po;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::ops::Range;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// A string that may name an order: `SO-10231`, `#10231`, `Order 10231`...
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRef {
    /// As written in the email.
    pub text: String,
    /// Upper-case letters and digits only: `SO10231`.
    pub key: String,
    /// The digits only: `10231`.
    pub digits: String,
    /// True when the text carries a letter prefix (`SO-`, `ST-`).
    pub prefixed: bool,
}

/// A purchase-order number: `PO-55120`, `P.O. #55120`, `purchase order 55120`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoNumber {
    pub text: String,
    /// Upper-case letters and digits only: `PO55120`. Written with the "PO"
    /// abbreviation the key keeps it (`PO 55120`, `P.O. No. 55120` and
    /// `PO/KK/20461` give `PO55120`, `PO55120`, `POKK20461`) so it compares
    /// with an order book's `supplier_po` normalised the same way; after a
    /// word cue it is the value alone (`orden de compra OC-55464` gives
    /// `OC55464`). Compare `digits` when one side lacks a prefix.
    pub key: String,
    pub digits: String,
}

/// Every order-reference candidate in `text`, in text order.
pub fn find_order_refs(text: &str) -> Vec<OrderRef> {
    // Ranges another extractor owns: tracking numbers and clear POs.
    let mut taken: Vec<Range<usize>> = super::tracking::find_tracking_spans(text)
        .into_iter()
        .map(|(span, _)| span)
        .chain(po::find(text).into_iter().filter(|p| p.clear).map(|p| p.span))
        .collect();
    taken.sort_by_key(|r| r.start);
    let mut found = orders::find(text);
    found.retain(|(span, _)| !overlaps_any(&taken, span));
    found.sort_by_key(|(span, _)| span.start);
    let mut seen = HashSet::new();
    found.into_iter().map(|(_, r)| r).filter(|r| seen.insert(r.key.clone())).collect()
}

/// Every purchase-order number in `text`, in text order.
pub fn find_po_numbers(text: &str) -> Vec<PoNumber> {
    let mut seen = HashSet::new();
    po::find(text).into_iter().map(|p| p.number).filter(|p| seen.insert(p.key.clone())).collect()
}

/// Whether `span` overlaps one of `sorted` (ordered by start). Every range
/// here is a single reference, far shorter than `MAX_SPAN` bytes.
fn overlaps_any(sorted: &[Range<usize>], span: &Range<usize>) -> bool {
    const MAX_SPAN: usize = 256;
    let lo = sorted.partition_point(|r| r.start + MAX_SPAN < span.start);
    let hi = sorted.partition_point(|r| r.start < span.end);
    sorted.get(lo..hi.max(lo)).unwrap_or(&[]).iter().any(|r| r.start < span.end && span.start < r.end)
}

/// Upper-case ASCII letters and digits of `s`: `"so-10231"` -> `"SO10231"`,
/// Devanagari digits written as ASCII (`"१०२३१"` -> `"10231"`).
fn key_of(s: &str) -> String {
    s.chars()
        .filter_map(|c| if c.is_ascii_alphabetic() { Some(c.to_ascii_uppercase()) } else { ascii_digit(c) })
        .collect()
}

fn digits_of(s: &str) -> String {
    s.chars().filter_map(ascii_digit).collect()
}

/// The ASCII form of an ASCII or Devanagari digit.
fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '०'..='९' => char::from_digit(u32::from(c) - u32::from('०'), 10),
        _ => None,
    }
}

/// The reference ends at `end`: no letter or digit follows, and it is not
/// the first part of a price, a date or a time (`12.50`, `24/11`, `10:30`).
fn ends_cleanly(text: &str, end: usize) -> bool {
    let mut after = text.get(end..).unwrap_or("").chars();
    match (after.next(), after.next()) {
        (Some(c), _) if c.is_alphanumeric() => false,
        (Some('.' | ',' | ':' | '/'), Some(d)) if d.is_ascii_digit() => false,
        (Some('-' | '@'), Some(d)) if d.is_ascii_alphanumeric() => false,
        _ => true,
    }
}

/// The reference starts at `start`: it is not the tail of a longer code,
/// an e-mail address or a decimal (`NW-CH-320`, `x@so10231`, `1.299`).
fn starts_cleanly(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").chars().next_back();
    !matches!(before, Some(c) if c.is_alphanumeric() || "-_.@&".contains(c))
}

/// Compiles one of this module's constant patterns. They are fixed at
/// build time and every one is exercised by the unit tests, so a failure
/// here is a programming error caught before release, never input-driven.
fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in pattern: {e}"))
}
