//! Stock-keeping units as suppliers write them: "NW-LS-M", "KK-MUG-02",
//! "AH-RS-45", "CV-SEM-KIT".
//!
//! Input: a clause. Output: the SKUs in it with their byte spans, upper
//! case. Failure: none found. Order, PO and invoice numbers ("PO-55120",
//! "INV-2026-001") are not SKUs.

use super::keywords::compile;
use regex::Regex;
use std::sync::LazyLock;

static SKU: LazyLock<Regex> = LazyLock::new(|| compile(r"\b[A-Z]{2,4}(?:-[A-Z0-9]{1,6}){1,3}\b"));

/// Prefixes of references that share the SKU shape.
const NOT_SKU: &[&str] = &["PO", "SO", "INV", "ORD", "REF", "RMA", "AWB", "DN", "GRN", "ID", "UTF", "ISO", "COVID"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Sku {
    pub start: usize,
    pub end: usize,
    pub code: String,
}

pub(super) fn find_skus(clause: &str) -> Vec<Sku> {
    SKU.find_iter(clause)
        .filter(|m| looks_like_sku(m.as_str()))
        .map(|m| Sku { start: m.start(), end: m.end(), code: m.as_str().to_string() })
        .collect()
}

fn looks_like_sku(s: &str) -> bool {
    let segs: Vec<&str> = s.split('-').collect();
    let Some((first, rest)) = segs.split_first() else { return false };
    let digits_only = |p: &&str| p.chars().all(|c| c.is_ascii_digit());
    let mixed = |p: &&str| p.chars().any(|c| c.is_ascii_digit()) && p.chars().any(|c| c.is_ascii_alphabetic());
    if NOT_SKU.contains(first) || rest.iter().all(digits_only) {
        return false;
    }
    // Two parts only when the second mixes letters and digits ("AB-12X");
    // "RE-ORDER" is a word.
    rest.len() >= 2 || rest.iter().any(mixed)
}
