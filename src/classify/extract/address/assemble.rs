//! Named parts put together into a [`PostalAddress`].
//!
//! Input: the [`Part`]s of one block, in text order. Output: the address
//! they make: the first street is line 1 (with the localities that follow
//! it), flat and floor parts are line 2, the city is the one beside the
//! postcode (or the plain words just before it), the country only when a
//! part names it. Failure: `None` when the block has neither a street nor a
//! postcode. A part the block does not give stays `None`.

use super::PostalAddress;
use super::parts::{Kind, Part};
use super::words::{capitalised, compile};
use regex::Regex;
use std::sync::LazyLock;

/// Runs of parts that can make one address: split at prose, and where a
/// street follows a postcode (a second address starts there).
pub(super) fn groups(parts: &[Part]) -> Vec<&[Part]> {
    let mut out = Vec::new();
    let (mut start, mut seen_place) = (0usize, false);
    for (i, p) in parts.iter().enumerate() {
        let prose = p.kind == Kind::Prose;
        if prose || (seen_place && matches!(p.kind, Kind::Street { .. })) {
            out.push(parts.get(start..i).unwrap_or(&[]));
            start = if prose { i + 1 } else { i };
            seen_place = false;
        }
        seen_place |= matches!(p.kind, Kind::Place(_));
    }
    out.push(parts.get(start..).unwrap_or(&[]));
    out.retain(|g| !g.is_empty());
    out
}

pub(super) fn build(parts: &[Part]) -> Option<PostalAddress> {
    let place_at = parts.iter().position(|p| matches!(p.kind, Kind::Place(_)));
    let street =
        parts.iter().position(|p| matches!(p.kind, Kind::Street { .. })).or_else(|| house_first(parts, place_at));
    if street.is_none() && place_at.is_none() {
        return None;
    }
    let place = place_at.and_then(|i| match &parts.get(i)?.kind {
        Kind::Place(p) => Some(p.clone()),
        _ => None,
    });
    let (city, city_at) = find_city(parts, street, place_at, place.as_ref().and_then(|p| p.city.clone()));
    let region = place.as_ref().and_then(|p| p.region.clone()).or_else(|| text_of(parts, |k| *k == Kind::Region));
    let country = parts.iter().rev().find_map(|p| match p.kind {
        Kind::Country(iso) => Some(iso.to_string()),
        _ => None,
    });
    let line2 = parts
        .iter()
        .enumerate()
        .filter(|(i, p)| p.kind == Kind::Line2 && Some(*i) != street)
        .map(|(_, p)| p.text.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    Some(PostalAddress {
        line1: line1(parts, street, city_at.or(place_at)),
        line2: Some(line2).filter(|l| !l.is_empty()),
        city,
        region,
        postcode: place.map(|p| p.postcode),
        country,
    })
}

fn text_of(parts: &[Part], want: impl Fn(&Kind) -> bool) -> Option<String> {
    parts.iter().find(|p| want(&p.kind)).map(|p| p.text.clone())
}

/// "C-204, Lodha Palava, Casa Bella Gold", "Flat 7B, Prestige Towers": with
/// no street word anywhere, a house or flat number followed on its line by
/// the building's name is where the street line starts.
fn house_first(parts: &[Part], place_at: Option<usize>) -> Option<usize> {
    let end = place_at?;
    (0..end).find(|&i| {
        let (Some(p), Some(next)) = (parts.get(i), parts.get(i + 1)) else { return false };
        matches!(p.kind, Kind::Extra | Kind::Line2)
            && HOUSE_ID.is_match(&p.text)
            && i + 1 < end
            && next.kind == Kind::Plain
            && next.line == p.line
    })
}

static HOUSE_ID: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)^(?:(?:flat|apt|apartment|unit|villa|house|door|plot|h\.?\s?no|house\s+no|no|nr|#)\.?\s*",
        r"[A-Z]?-?\d{1,5}[A-Z]?|[A-Z]{1,3}-?\d{1,5}[A-Z]?)$",
    ))
});

/// The city and the index of the part it came from (when a part of its own).
fn find_city(
    parts: &[Part],
    street: Option<usize>,
    place_at: Option<usize>,
    beside_postcode: Option<String>,
) -> (Option<String>, Option<usize>) {
    if beside_postcode.is_some() {
        return (beside_postcode, None);
    }
    if let Some(i) = parts.iter().position(|p| p.kind == Kind::City) {
        return (parts.get(i).map(|p| p.text.clone()), Some(i));
    }
    let after_street = |i: &usize| street.is_none_or(|s| *i > s);
    let is_city = |p: &Part| p.kind == Kind::Plain && capitalised(&p.text);
    let found = match place_at {
        // "San Francisco, CA 94103", "Bengaluru - 560001": the plain part
        // just before the postcode, stepping over a region.
        Some(pl) => (0..pl)
            .rev()
            .take_while(after_street)
            .find(|i| {
                parts
                    .get(*i)
                    .is_some_and(|p| !matches!(p.kind, Kind::Region | Kind::Line2 | Kind::Skip | Kind::Country(_)))
            })
            .filter(|i| parts.get(*i).is_some_and(is_city)),
        // No postcode: the last plain part after the street.
        None => (0..parts.len()).rev().filter(after_street).find(|i| parts.get(*i).is_some_and(is_city)),
    };
    (found.and_then(|i| parts.get(i)).map(|p| p.text.clone()), found)
}

/// The street, with the localities and extras written between it and the city.
fn line1(parts: &[Part], street: Option<usize>, end: Option<usize>) -> String {
    let Some(s) = street else {
        return String::new();
    };
    let end = end.filter(|e| *e > s).unwrap_or(parts.len());
    let mut out: Vec<&str> = parts.get(s).map(|p| p.text.as_str()).into_iter().collect();
    for p in parts.get(s + 1..end).unwrap_or(&[]) {
        match p.kind {
            Kind::Street { .. } | Kind::Plain | Kind::Extra => out.push(&p.text),
            Kind::Line2 | Kind::Skip => {}
            _ => break,
        }
    }
    out.join(", ")
}

/// How much of an address a candidate holds, to choose among candidates.
pub(super) fn richness(a: &PostalAddress) -> usize {
    [
        !a.line1.is_empty(),
        a.city.is_some(),
        a.postcode.is_some(),
        a.country.is_some(),
        a.line2.is_some(),
        a.region.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count()
}
