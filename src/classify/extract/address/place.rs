//! The postcode part of an address and the city written next to it.
//!
//! Input: a part holding a postcode (found by `postcode.rs`) and the country
//! the block names, if any. Output: [`Place`] with the postcode, the city
//! (the words beside the postcode on the side that country writes it) and a
//! region code written with the city ("Sydney NSW 2000"). Also cuts a part
//! that runs a street into its postcode ("Hauptstraße 5 80331 München").
//! Failure: `city: None` when no words sit beside the postcode.

use super::country;
use super::parts::Place;
use super::postcode::{self, Hit};
use super::street::{house_number, street_word};
use super::words::{Tok, bare, capitalised, tokens};

/// Countries that write the city before the postcode.
const CITY_FIRST: &[&str] = &["IN", "GB", "ID", "US", "AU"];

/// Labels written before a postcode: "PIN 560001", "PLZ: 80331".
const LABELS: &[&str] = &[
    "pin code",
    "pincode",
    "pin",
    "postcode",
    "post code",
    "postal code",
    "zip code",
    "zipcode",
    "zip",
    "plz",
    "c.p.",
    "cp",
    "código postal",
    "codigo postal",
    "code postal",
    "kode pos",
    "kodepos",
    "पिन कोड",
    "पिन",
];

/// Words that join a city's name ("Frankfurt am Main", "Alcalá de Henares").
const JOINERS: &[&str] = &[
    "de", "del", "la", "las", "los", "el", "le", "les", "am", "an", "der", "den", "die", "im", "ob", "sur", "sous",
    "en", "op", "aan", "upon",
];

/// Lower-case words that are never (part of) a city.
const NOT_CITY: &[&str] = &[
    "is", "to", "at", "the", "my", "in", "and", "please", "kar", "do", "hai", "pe", "par", "ke", "for", "from", "with",
    "of", "a", "an", "or", "city", "town", "ist", "es", "est", "di", "ke",
];

/// Whether a whole part is only a postcode label ("PIN", "PLZ:").
pub(super) fn is_postcode_label(part: &str) -> bool {
    let t = part.trim().trim_end_matches([':', '-', '#', '.']).trim();
    LABELS.iter().any(|l| t.eq_ignore_ascii_case(l))
}

pub(super) fn place(part: &str, hit: &Hit, hint: Option<&str>) -> Place {
    let left = strip_label(part.get(..hit.start).unwrap_or(""));
    let right = part.get(hit.end..).unwrap_or("");
    let (mut l, mut r) = (run(left, true, false), run(right, false, false));
    if l.is_empty() && r.is_empty() {
        (l, r) = (run(left, true, true), run(right, false, true));
    }
    let style = hint.or(hit.shape.sole_country());
    let city_first = style.map(|c| CITY_FIRST.contains(&c));
    let chosen = match (l.is_empty(), r.is_empty(), city_first) {
        (false, true, _) | (false, false, Some(true)) | (false, false, None) => l,
        (true, false, _) | (false, false, Some(false)) => r,
        (true, true, _) => "",
    };
    let (city, region) = country::split_region(chosen);
    Place {
        postcode: hit.code.clone(),
        city: Some(city.to_string()).filter(|c| !c.is_empty()),
        region: region.map(str::to_string),
    }
}

fn strip_label(left: &str) -> &str {
    let t = left.trim_end().trim_end_matches([':', '-', '–', '#', '.']).trim_end();
    for label in LABELS {
        let Some(cut) = t.len().checked_sub(label.len()) else {
            continue;
        };
        let Some(tail) = t.get(cut..) else { continue };
        let head = t.get(..cut).unwrap_or("");
        if tail.eq_ignore_ascii_case(label) && (head.is_empty() || head.ends_with(char::is_whitespace)) {
            return head;
        }
    }
    t
}

/// The city words beside the postcode, walking outwards from it. `lower`
/// also accepts one to three lower-case words ("bengaluru 560001").
fn run(side: &str, left: bool, lower: bool) -> &str {
    let toks = tokens(side);
    let ordered: Vec<&Tok> = if left { toks.iter().rev().collect() } else { toks.iter().collect() };
    let mut taken: Vec<&Tok> = Vec::new();
    for t in ordered {
        let w = bare(t.text);
        if w.is_empty() && taken.is_empty() {
            continue;
        }
        let low = w.to_lowercase();
        let digits = w.chars().any(|c| c.is_ascii_digit());
        let joiner = JOINERS.contains(&low.as_str()) && !taken.is_empty();
        let word = !w.is_empty() && !digits && !NOT_CITY.contains(&low.as_str());
        let fits =
            if lower { word && w.chars().all(|c| c.is_alphabetic() || c == '-') } else { word && capitalised(w) };
        if !(fits || joiner) || taken.len() >= 5 {
            break;
        }
        taken.push(t);
        // A comma or full stop ends the city on the right side; "St." does not.
        let abbreviation = t.text.ends_with('.') && w.chars().count() <= 3;
        if !left && t.text.ends_with([',', '.']) && !abbreviation {
            break;
        }
    }
    while taken.last().is_some_and(|t| JOINERS.contains(&bare(t.text).to_lowercase().as_str())) {
        taken.pop();
    }
    if lower && taken.len() > 3 {
        return "";
    }
    let start = taken.iter().map(|t| t.start).min();
    let end = taken.iter().map(|t| t.end).max();
    match (start, end) {
        (Some(s), Some(e)) => side.get(s..e).unwrap_or("").trim_matches(|c: char| matches!(c, ',' | '.' | '-' | ':')),
        _ => "",
    }
}

/// "Hauptstraße 5 80331 München" → ("Hauptstraße 5", "80331 München");
/// "14 MG Road Bengaluru 560001" → ("14 MG Road", "Bengaluru 560001").
pub(super) fn split_street_place<'a>(part: &'a str, hint: Option<&str>) -> Option<(&'a str, &'a str)> {
    let hit = postcode::find_in_part(part, hint)?;
    let left = part.get(..hit.start)?;
    let toks = tokens(left);
    let has_word = toks.iter().any(|w| street_word(w.text));
    let has_number = toks.iter().any(|w| house_number(w.text));
    if !has_word || !has_number {
        return None;
    }
    let right = part.get(hit.end..)?;
    if !run(right, false, false).is_empty() {
        return Some((left.trim(), part.get(hit.start..)?.trim()));
    }
    // City before the postcode: the street ends at its last number or street word.
    let last = toks.iter().rposition(|w| house_number(w.text) || street_word(w.text))?;
    let cut = toks.get(last)?.end;
    Some((part.get(..cut)?.trim(), part.get(cut..)?.trim()))
}
