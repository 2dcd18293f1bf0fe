//! The one address in a text that has no cue.
//!
//! Input: the newest text of an email that talks about an address but uses
//! no cue. Output: the address when the text holds exactly one address-shaped
//! block (a street with a number and a postcode) that no old-address cue
//! introduces. Failure: `None` for no block or for two different ones, so a
//! signature or an old address on its own is never taken as new.

use super::PostalAddress;
use super::assemble::{build, groups};
use super::parts::{Kind, Part, parts_of};
use super::text::{OLD, sentences};
use super::words::compile;
use regex::Regex;
use std::sync::LazyLock;

pub(super) fn only_address(text: &str) -> Option<PostalAddress> {
    let mut found: Vec<PostalAddress> = Vec::new();
    for para in paragraphs(text) {
        let kept: Vec<&str> = para.iter().map(|s| s.kept).collect();
        let parts = parts_of(&kept);
        for group in groups(&parts) {
            let Some(addr) = build(group) else { continue };
            if !address_shaped(group, &addr) || after_old_cue(&para, group) {
                continue;
            }
            if !found.iter().any(|f| same(f, &addr)) {
                found.push(addr);
            }
        }
    }
    match found.len() {
        1 => found.pop(),
        _ => None,
    }
}

/// A sentence up to its old-address words, and whether it had any.
struct Sentence<'a> {
    kept: &'a str,
    old: bool,
}

/// Paragraphs (split at blank lines), each as its sentences.
fn paragraphs(text: &str) -> Vec<Vec<Sentence<'_>>> {
    let mut out: Vec<Vec<Sentence<'_>>> = vec![Vec::new()];
    for line in text.lines() {
        if line.trim().is_empty() {
            out.push(Vec::new());
        } else if let Some(last) = out.last_mut() {
            // "250 Flinders Lane not 205 Flinders Lane": the old one goes.
            last.extend(sentences(line).into_iter().map(|s| match OLD.find(s) {
                Some(m) => Sentence { kept: s.get(..m.start()).unwrap_or(""), old: true },
                None => Sentence { kept: s, old: false },
            }));
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

fn address_shaped(group: &[Part], addr: &PostalAddress) -> bool {
    let strict_street = group.iter().any(|p| p.kind == Kind::Street { strict: true });
    strict_street && addr.postcode.is_some()
}

/// Old-address words in the sentence before the block ("instead of the old
/// one, which is:"), or a form label ("Ship to:") there or in the block.
fn after_old_cue(para: &[Sentence<'_>], group: &[Part]) -> bool {
    let first = group.iter().map(|p| p.line).min().unwrap_or(0);
    let last = group.iter().map(|p| p.line).max().unwrap_or(0);
    let intro_old = first.checked_sub(1).and_then(|i| para.get(i)).is_some_and(|s| s.old);
    intro_old || (first.saturating_sub(1)..=last).any(|i| para.get(i).is_some_and(|s| FORM_LABEL.is_match(s.kept)))
}

/// The label an order confirmation or a carrier prints over the address it
/// already has: "Ship to:", "Alamat pengiriman / Ship to:", "Lieferung an:".
static FORM_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)^\s*(?:[^/|:]*[/|]\s*)?(?:ship(?:ping)?\s+to|deliver(?:y|ed)?\s+to|(?:di)?kirim\s+ke|lieferung\s+an",
        r"|geliefert\s+an|env[ií]o\s+a|enviado\s+a|livraison\s+[àa]|livr[ée]\s+[àa]|verzonden\s+naar|bezorgd\s+op)\s*[:：]",
    ))
});

fn same(a: &PostalAddress, b: &PostalAddress) -> bool {
    a.postcode == b.postcode && a.line1.eq_ignore_ascii_case(&b.line1)
}
