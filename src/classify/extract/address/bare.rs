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

pub(super) fn only_address(text: &str) -> Option<PostalAddress> {
    let mut found: Vec<PostalAddress> = Vec::new();
    for para in paragraphs(text) {
        let parts = parts_of(&para);
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

/// Paragraphs (split at blank lines), each as its sentences.
fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines() {
        if line.trim().is_empty() {
            out.push(Vec::new());
        } else if let Some(last) = out.last_mut() {
            // "250 Flinders Lane not 205 Flinders Lane": the old one goes.
            last.extend(
                sentences(line).into_iter().map(|s| OLD.find(s).map_or(s, |m| s.get(..m.start()).unwrap_or(""))),
            );
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

fn address_shaped(group: &[Part], addr: &PostalAddress) -> bool {
    let strict_street = group.iter().any(|p| p.kind == Kind::Street { strict: true });
    strict_street && addr.postcode.is_some()
}

/// An old-address cue in the block's sentences or the sentence before it.
fn after_old_cue(para: &[&str], group: &[Part]) -> bool {
    let first = group.iter().map(|p| p.line).min().unwrap_or(0);
    let last = group.iter().map(|p| p.line).max().unwrap_or(0);
    (first.saturating_sub(1)..=last).any(|i| para.get(i).is_some_and(|s| OLD.is_match(s)))
}

fn same(a: &PostalAddress, b: &PostalAddress) -> bool {
    a.postcode == b.postcode && a.line1.eq_ignore_ascii_case(&b.line1)
}
