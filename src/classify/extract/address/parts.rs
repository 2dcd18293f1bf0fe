//! An address block split into parts, each named by what it holds.
//!
//! Input: the lines of one candidate block. Output: [`Part`]s in text order:
//! street, flat/floor line, postcode with its city, country, region, plain
//! words (a name, a locality or a city), or prose. Failure: a part that fits
//! nothing is `Prose`; the callers end a block there.

use super::country;
use super::place::{is_postcode_label, place, split_street_place};
use super::postcode::{self, Shape};
use super::split::{Label, pieces};
use super::street::{house_number, named_street, street_core, street_word};
use super::words::{bare, compile, tokens};
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    /// Street and house number; `strict` when a street word and a number back it.
    Street {
        strict: bool,
    },
    Line2,
    Place(Place),
    /// A city given under a label ("City: Pune").
    City,
    Region,
    Country(&'static str),
    /// Words only: a name, a locality or a city.
    Plain,
    /// Short, with digits, but no street: "RT 03/RW 05", "Hostel 3".
    Extra,
    /// Not part of an address: a phone, an e-mail, a name under a label.
    Skip,
    Prose,
}

/// A postcode and what is written next to it on the same part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Place {
    pub postcode: String,
    pub city: Option<String>,
    pub region: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Part {
    pub text: String,
    pub kind: Kind,
    /// Index of the input line the part came from.
    pub line: usize,
}

/// Split and name every part of `lines`. The country the block names (if
/// any) decides which postcode shapes count.
pub(super) fn parts_of(lines: &[&str]) -> Vec<Part> {
    let raw: Vec<(usize, String, Label)> = lines
        .iter()
        .enumerate()
        .flat_map(|(i, l)| pieces(l).into_iter().map(move |(t, label)| (i, t, label)))
        .collect();
    let hint = raw.iter().find_map(|(_, t, label)| match label {
        Label::Country | Label::Generic | Label::None => country::whole(t),
        _ => None,
    });
    let mut out = Vec::new();
    for (i, t, label) in raw {
        out.extend(classify(&t, label, hint).into_iter().map(|p| Part { line: i, ..p }));
    }
    out
}

fn part(text: &str, kind: Kind) -> Part {
    Part { text: text.trim().to_string(), kind, line: 0 }
}

fn classify(text: &str, label: Label, hint: Option<&str>) -> Vec<Part> {
    let t = text.trim();
    match label {
        Label::Skip => return vec![part(t, Kind::Skip)],
        Label::Street => return vec![part(t, Kind::Street { strict: true })],
        Label::Line2 => return vec![part(t, Kind::Line2)],
        Label::City => return vec![part(t, Kind::City)],
        Label::Region => return vec![part(t, Kind::Region)],
        Label::Country => {
            let kind = country::whole(t).map_or(Kind::Skip, Kind::Country);
            return vec![part(t, kind)];
        }
        Label::Postcode => {
            let kind = postcode::find_in_part(t, hint).map_or(Kind::Skip, |h| Kind::Place(place(t, &h, hint)));
            return vec![part(t, kind)];
        }
        Label::Generic | Label::None => {}
    }
    if let Some((street, rest)) = split_street_place(t, hint).or_else(|| split_line2_place(t, hint)) {
        let mut out = classify(street, Label::None, hint);
        out.extend(classify(rest, Label::None, hint));
        return out;
    }
    vec![classify_one(t, hint)]
}

/// "3º B 28013 Madrid" → ("3º B", "28013 Madrid"): a floor or flat written
/// before the postcode on the same part.
fn split_line2_place<'a>(t: &'a str, hint: Option<&str>) -> Option<(&'a str, &'a str)> {
    let hit = postcode::find_in_part(t, hint)?;
    let (flat, rest) = (t.get(..hit.start)?.trim(), t.get(hit.start..)?);
    (!flat.is_empty() && is_line2(flat)).then_some((flat, rest))
}

/// Name one part that carries no label.
fn classify_one(t: &str, hint: Option<&str>) -> Part {
    if t.is_empty() || is_contact(t) || is_postcode_label(t) {
        return part(t, Kind::Skip);
    }
    if is_prose(t) {
        return part(t, Kind::Prose);
    }
    if let Some(iso) = country::whole(t) {
        return part(t, Kind::Country(iso));
    }
    let toks = tokens(t);
    let has_word = toks.iter().any(|w| street_word(w.text));
    // "Unit 4/17 George St": a flat written with its street is line 1.
    if is_line2(t) && !(has_word && named_or_numbered(t)) {
        return part(t, Kind::Line2);
    }
    let hit = postcode::find_in_part(t, hint);
    let numbers: Vec<_> = toks.iter().filter(|w| house_number(w.text)).collect();
    let outside = |w: &&super::words::Tok| hit.as_ref().is_none_or(|h| w.end <= h.start || w.start >= h.end);
    // "1200 Market St": a four-digit house number that fits a postcode
    // shape; "3100 St. Pölten" is a postcode, the street word right after it.
    let number_first = hit
        .as_ref()
        .is_some_and(|h| h.start == 0 && h.shape == Shape::Four && toks.get(1).is_some_and(|w| !street_word(w.text)));
    let street = !numbers.is_empty() || named_street(t);
    if has_word && street && (hit.is_none() || number_first || numbers.iter().any(outside)) {
        let strict = !numbers.is_empty();
        let text = if is_line2(t) { t } else { street_core(t) };
        return part(text, Kind::Street { strict });
    }
    if let Some(h) = hit {
        return part(t, Kind::Place(place(t, &h, hint)));
    }
    let first_is_number = toks.first().is_some_and(|w| house_number(w.text));
    if (first_is_number && (2..=7).contains(&toks.len())) || NAME_NUMBER.is_match(t) {
        return part(t, Kind::Street { strict: false });
    }
    if country::is_region(t) {
        return part(t, Kind::Region);
    }
    let with_digits = toks.iter().any(|w| w.text.chars().any(|c| c.is_ascii_digit()));
    match (toks.len(), with_digits) {
        (1..=5, false) => part(t, Kind::Plain),
        (1..=4, true) => part(t, Kind::Extra),
        _ => part(t, Kind::Prose),
    }
}

/// A street word with a house number or a name beside it.
fn named_or_numbered(t: &str) -> bool {
    let toks = tokens(t);
    let numbered = toks.iter().skip(1).filter(|w| house_number(w.text)).count() >= 1;
    numbered && toks.iter().skip(2).any(|w| street_word(w.text)) || named_street(t)
}

/// "Zeil 10", "Kalverstraat 92a": a capitalised name and a house number.
static NAME_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"^\p{Lu}[\p{L}.'’-]+(?:\s+[\p{L}.'’-]+){0,3}\s+\d{1,4}[a-zA-Z]?(?:[/-]\d{1,4}[a-zA-Z]?)?$")
});

static LINE2: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)^(?:c/o\b|c\.o\.|care\s+of\b|attn\b|(?:flat|apt|apartment|appt|appartement|",
        r"unit|suite|floor|fl|level|lvl|room|rm|building|bldg|block|blk|tower|wing|dept|door|",
        r"piso|planta|puerta|pta|escalera|esc|portal|bajo|[áa]tico|stock|etage|stiege|stg|",
        r"t[üu]r|top|whg|wohnung|hinterhaus|vorderhaus|b[âa]t|b[âa]timent|[ée]tage|escalier|",
        r"porte|r[ée]sidence|lantai|lt|gedung|kamar|ruko|verdieping|ground\s+floor|",
        r"erdgeschoss|dachgeschoss|rez-de-chauss[ée]e|begane\s+grond)(?:\.|\b))",
    ))
});

/// "3rd floor", "2. OG", "1er étage", "3º B", "2ª", "4 izda".
static FLOOR: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)^(?:\d{1,3}\s*(?:st|nd|rd|th|\.|º|ª|°|er|re|e|ème|eme|de|ste)?\s*",
        r"(?:floor|fl|stock|og|eg|dg|ug|etage|étage|piso|planta|verdieping|lantai|",
        r"obergeschoss)\b|\d{1,2}\s*\.?\s*[ºª°](?:\s*[A-Z]{1,2}\b|\s*(?:izq|izda|dcha|der|centro)\.?)?|",
        r"\d{1,2}\s*(?:izq|izda|izquierda|dcha|derecha|centro)\b)",
    ))
});

fn is_line2(t: &str) -> bool {
    tokens(t).len() <= 6 && (LINE2.is_match(t) || FLOOR.is_match(t))
}

static PHONE: LazyLock<Regex> = LazyLock::new(|| compile(r"\+?\(?\d[\d\s().\-/]{6,}\d"));
static ZIP4: LazyLock<Regex> = LazyLock::new(|| compile(r"^\d{5}-\d{4}$"));

/// Phones and e-mails: a part with an `@`, or with nine digits or more in
/// one run (a ZIP+4 code aside).
fn is_contact(t: &str) -> bool {
    let phone = PHONE.find_iter(t).any(|m| {
        let digits = m.as_str().chars().filter(char::is_ascii_digit).count();
        digits >= 9 && !ZIP4.is_match(m.as_str())
    });
    t.contains('@') || phone
}

/// Greetings and closings start prose, never an address part.
const GREETINGS: &[&str] = &[
    "hi",
    "hello",
    "dear",
    "thanks",
    "thank",
    "regards",
    "best",
    "cheers",
    "sincerely",
    "namaste",
    "hola",
    "gracias",
    "saludos",
    "hallo",
    "danke",
    "grüße",
    "mfg",
    "bonjour",
    "merci",
    "cordialement",
    "halo",
    "terima",
    "salam",
    "hoi",
    "groeten",
    "bedankt",
    "dhanyavaad",
    "dhanyavad",
    "shukriya",
    "धन्यवाद",
    "नमस्ते",
    "kind",
    "warm",
    "vielen",
    "muchas",
    "bien",
    "hormat",
    "sorry",
];

fn is_prose(t: &str) -> bool {
    let toks = tokens(t);
    let first = toks.first().map(|w| bare(w.text).to_lowercase());
    let greets = first.is_some_and(|w| GREETINGS.contains(&w.as_str()));
    greets || t.contains('?') || t.contains('!')
}
