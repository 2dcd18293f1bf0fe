//! Order-reference candidates in three passes: numbers after an order word
//! ("order no. 10231", "pedido 10231", "ऑर्डर 10231", with lists such as
//! "10231 and 10232"), numbers after `#`, and letter-prefixed numbers
//! (`SO-10231`, `SO10231`, `SO 10231`, `so 10231`).
//!
//! Input: the text. Output: candidates with their byte ranges, unsorted and
//! not deduplicated; tracking and PO spans are removed by the caller.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{OrderRef, compile, digits_of, ends_cleanly, key_of, starts_cleanly};

/// The order words of the project's languages. The Indonesian "-nya"
/// suffix is part of the word ("pesanannya").
const CUE: &str = concat!(
    r"(?:order(?:s|nya|nummer|nr|an)?|pedidos?|orden(?:es)?|bestellung(?:en)?|bestellnummer",
    r"|bestell-?nr|auftrag|auftragsnummer|auftrags-?nr|commandes?|bestellingen|bestelling",
    r"|bestelnummer|bestelnr|pesanan(?:nya)?|ऑर्डर|आर्डर|ऑडर|ओर्डर)",
);

/// What may stand between an order word and its number: "no.", "nº",
/// "number", "#", ":", "is", "saya", "नंबर"...
const FILLER: &str = concat!(
    r"(?:\s*(?:[:#|\-–.()]|no\b\.?|nr\b\.?|n[º°]\.?|n\.[º°]|number|num\b\.?|nummer|n[úu]mero",
    r"|num[ée]ro|nomor|nomer|id|ref\b\.?|reference|is|was|ist|lautet|est|es|era|adalah|ialah",
    r"|yaitu|saya|anda|kamu|kami|dengan|with|mit|der|hai|है|था|नंबर|नम्बर|संख्या|क्रमांक|आईडी",
    r"|नं\.?)\s*){0,6}\s?",
);

/// An order number: lettered (`SO-10231`), Amazon-shaped
/// (`112-1234567-1234567`) or plain digits.
/// Digits may be Devanagari in Hindi mail (`ऑर्डर १०२३१`).
const VALUE: &str = r"(?P<v>[A-Za-z]{1,5}[-–]?[0-9०-९]{3,12}|[0-9]{3}-[0-9]{7}-[0-9]{7}|[0-9०-९]{3,12})";

static CUED: LazyLock<Regex> = LazyLock::new(|| compile(&format!(r"(?i)\b(?P<cue>{CUE}){FILLER}{VALUE}")));

/// A further number in a list after the first: ", 10232", "and #10233",
/// "und 10234", "dan 10235", "और 10236".
static LIST_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(r"(?i)^\s*(?:[,&/]|(?:and|y|e|und|et|en|dan|aur|और|or|o|oder|ou|of|atau|sowie)\s)\s*#?\s*{VALUE}"))
});

static CUE_WORD: LazyLock<Regex> = LazyLock::new(|| compile(&format!(r"(?i)^{CUE}$")));

static HASHED: LazyLock<Regex> = LazyLock::new(|| compile(r"#\s?(?P<v>[A-Za-z]{1,5}[-–]?[0-9]{3,12}|[0-9]{3,12})"));

static PREFIXED: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?P<p>[A-Za-z]{1,5})(?P<sep>[-–]|[ \u{a0}]|)(?P<d>[0-9]{3,10})\b"));

/// A number followed by a unit or currency is a quantity or a price.
static UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)^\s*(?:[€$£₹%]|(?:units?|pcs|pieces?|items?|x|stück|stk|unidades?|uds|pi[èe]ces?",
        r"|articles?|artikel|stuks?|buah|kgs?|g|gr|gm|ml|l|ltr|eur|euros?|rs|rupees?|inr|rp",
        r"|idr|usd|aud|gbp|पीस|नग|रुपये)\b)",
    ))
});

/// "purchase order", "bon de commande": purchase orders, reported by the
/// PO finder instead. ("Ihre Bestellung" stays: it may be either.)
static PO_BEFORE_CUE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)(?:purchase|bons?\s+de|inkoop|einkaufs|lieferanten)[\s-]*$"));

pub(super) fn find(text: &str) -> Vec<(Range<usize>, OrderRef)> {
    let mut out = Vec::new();
    cued(text, &mut out);
    hashed(text, &mut out);
    prefixed(text, &mut out);
    out
}

fn cued(text: &str, out: &mut Vec<(Range<usize>, OrderRef)>) {
    for caps in CUED.captures_iter(text) {
        let (Some(cue), Some(v)) = (caps.name("cue"), caps.name("v")) else {
            continue;
        };
        let before = text.get(..cue.start()).unwrap_or("");
        if PO_BEFORE_CUE.is_match(tail(before, 24)) {
            continue;
        }
        let mut next = Some(v.range());
        while let Some(r) = next {
            let Some(value) = text.get(r.clone()) else {
                break;
            };
            if !accept_cued(text, &r, false) {
                break;
            }
            out.push((r.clone(), order_ref(value)));
            next = text
                .get(r.end..)
                .and_then(|rest| LIST_TAIL.captures(rest))
                .and_then(|c| c.name("v"))
                .map(|m| r.end + m.start()..r.end + m.end());
        }
    }
}

fn hashed(text: &str, out: &mut Vec<(Range<usize>, OrderRef)>) {
    for caps in HASHED.captures_iter(text) {
        let (Some(hash), Some(v)) = (caps.get(0), caps.name("v")) else {
            continue;
        };
        // "C#123", "&#8217;": not an order number.
        if starts_cleanly(text, hash.start()) && accept_cued(text, &v.range(), true) {
            out.push((v.range(), order_ref(v.as_str())));
        }
    }
}

fn prefixed(text: &str, out: &mut Vec<(Range<usize>, OrderRef)>) {
    for caps in PREFIXED.captures_iter(text) {
        let (Some(whole), Some(p), Some(sep), Some(d)) =
            (caps.get(0), caps.name("p"), caps.name("sep"), caps.name("d"))
        else {
            continue;
        };
        if !starts_cleanly(text, whole.start())
            || !ends_cleanly(text, whole.end())
            || !prefix_is_plausible(p.as_str(), sep.as_str())
            || is_postcode(text, whole.start(), p.as_str(), d.as_str(), sep.as_str())
        {
            continue;
        }
        out.push((whole.range(), order_ref(whole.as_str())));
    }
}

/// A cued value is a number, not a price, date, quantity or year.
fn accept_cued(text: &str, v: &Range<usize>, after_hash: bool) -> bool {
    let value = text.get(v.clone()).unwrap_or("");
    let digits = digits_of(value);
    if digits.is_empty() || !ends_cleanly(text, v.end) {
        return false;
    }
    let after = text.get(v.end..).unwrap_or("");
    if UNIT_AFTER.is_match(after) {
        return false;
    }
    // "order 2025" is a year; "#2025" is a Shopify order.
    let year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    after_hash || !year || value.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Prefixes that are never an order's, however written: currencies,
/// units, purchase-order and identifier prefixes, carriers, months, time
/// zones ("Rs1299", "Nov-2026", "HSN 6109", "PO-55120").
const NEVER_PREFIXES: &[&str] = &[
    "RS", "INR", "RP", "IDR", "USD", "EUR", "AUD", "GBP", "SGD", "MYR", "CHF", "RM", "PO", "OC", "BC", "BE", "KG",
    "KGS", "GM", "GMS", "GR", "CM", "MM", "KM", "MG", "LBS", "OZ", "PCS", "PC", "QTY", "X", "ISO", "HSN", "SKU", "GST",
    "GSTIN", "VAT", "EAN", "UPC", "ISBN", "DIN", "IBAN", "BIC", "IFSC", "PIN", "OTP", "ZIP", "PLZ", "TEL", "TELP",
    "FAX", "AWB", "UPS", "DHL", "DTDC", "USPS", "FEDEX", "RESI", "NO", "NR", "NUM", "NBR", "JAN", "FEB", "MAR", "APR",
    "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC", "MEI", "AGU", "AGT", "OKT", "DES", "ENE", "ABR",
    "AGO", "DIC", "MRZ", "DEZ", "JANV", "AVR", "JUIL", "MAART", "UTC", "GMT", "IST", "CET", "CEST", "WIB", "AEST",
    "AEDT", "EST", "PST", "ORDER", "ORDEN", "TOTAL",
];

/// Short words that stand before a number in running text ("at 1530",
/// "PIN 110024", "No. HP 0812...", "Apt 502", "ke 3"): not a prefix when a
/// space separates them from the digits.
const WORDS_BEFORE_NUMBERS: &[&str] = &[
    // English
    "A", "AN", "AT", "BY", "IN", "ON", "OF", "OR", "TO", "IS", "IT", "AS", "AM", "PM", "WE", "MY", "ME", "US", "UP",
    "DO", "GO", "AND", "THE", "FOR", "WAS", "ARE", "VIA", "PER", "HAS", "HAD", "GOT", "ALL", "BUT", "NOT", "ITS",
    "OUR", "YOU", "OUT", "OFF", "DAY", "NOW", "DUE", "ETA", // Spanish, French, German, Dutch
    "DE", "EL", "LA", "EN", "UN", "UNA", "Y", "CON", "POR", "DEL", "AL", "LOS", "LAS", "MI", "SU", "TU", "QUE", "HAY",
    "ES", "LE", "DU", "AU", "AUX", "UNE", "LES", "DES", "PAR", "SUR", "MA", "MON", "EST", "PAS", "ET", "OU", "UM",
    "IM", "ZU", "AB", "BIS", "CA", "VON", "VOM", "ZUM", "ZUR", "BEI", "DER", "DIE", "DAS", "DEN", "DEM", "MIT", "UND",
    "IST", "OP", "TE", "OM", "HET", "EEN", "VAN", "TOT", "UW", "BIJ", "MET", "NOG", // Indonesian, romanised Hindi
    "DI", "KE", "DAN", "INI", "ITU", "ADA", "YG", "SD", "HR", "TGL", "JAM", "PK", "KA", "KI", "KO", "SE", "HAI", "TAK",
    "YA", "AUR", "BHI", "HO", "NA", "SAYA", "NOMOR", // identifiers, contacts and addresses
    "ID", "REF", "PH", "HP", "WA", "MOB", "CP", "JNE", "TIKI", "CIN", "TAN", "PAN", "APT", "FLAT", "ROOM", "FLR",
    "BOX", "UNIT", "SUITE", "STE", "BLDG", "BLOCK", "BLK", "PLOT", "HOUSE", "JL", "JLN", "RT", "RW", "NH", "SH",
    "PAGE", "PG", "PRICE", "HARGA", "PREIS", "PRIX",
];

/// Upper-case words may be separated by a space (`SO 10231`), lower-case
/// ones only when short (`so 10231`); mixed case (`Room 302`) needs a
/// dash or no separator (`So-10231`).
fn prefix_is_plausible(prefix: &str, sep: &str) -> bool {
    let upper = prefix.to_ascii_uppercase();
    if NEVER_PREFIXES.contains(&upper.as_str()) {
        return false;
    }
    let all_upper = prefix == upper;
    let all_lower = prefix == prefix.to_ascii_lowercase();
    match sep {
        "" | "-" | "–" => all_upper || prefix.len() >= 2,
        _ => {
            !WORDS_BEFORE_NUMBERS.contains(&upper.as_str())
                && prefix.len() >= 2
                && (all_upper || (all_lower && prefix.len() <= 3))
        }
    }
}

/// Indian, Australian and US region codes that stand before postcodes.
const REGIONS: &[&str] = &[
    "AP", "AR", "AS", "BR", "CG", "CT", "GA", "GJ", "HR", "HP", "JH", "JK", "KA", "KL", "MP", "MH", "MN", "ML", "MZ",
    "NL", "OD", "PB", "RJ", "SK", "TN", "TS", "TG", "TR", "UK", "UT", "WB", "DL", "CH", "PY", "LD", "NSW", "VIC",
    "QLD", "SA", "TAS", "ACT", "NT", "WA", "AL", "AK", "AZ", "CA", "CO", "DE", "FL", "HI", "IA", "ID", "IL", "KS",
    "KY", "LA", "MA", "MD", "ME", "MI", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK",
    "OR", "PA", "RI", "SC", "SD", "TX", "VA", "VT", "WI", "WV", "WY", "DC", "UP",
];

/// "Mumbai MH 400050", "Sydney NSW 2000", "Austin, TX 78701": a region
/// code after a place name (or a comma) and before a 4-6 digit postcode.
fn is_postcode(text: &str, start: usize, prefix: &str, digits: &str, sep: &str) -> bool {
    let spaced = !sep.is_empty() && sep.trim().is_empty();
    if !spaced || !REGIONS.contains(&prefix) {
        return false;
    }
    if !(4..=6).contains(&digits.len()) {
        return false;
    }
    let before = tail(text.get(..start).unwrap_or(""), 30).trim_end();
    let last_word: String =
        before.chars().rev().take_while(|c| c.is_alphabetic()).collect::<Vec<_>>().into_iter().rev().collect();
    let after_place = last_word.chars().next().is_some_and(char::is_uppercase) && !CUE_WORD.is_match(&last_word);
    before.ends_with(',') || after_place
}

fn order_ref(written: &str) -> OrderRef {
    let key = key_of(written);
    OrderRef {
        text: written.to_string(),
        prefixed: key.bytes().any(|b| b.is_ascii_alphabetic()),
        digits: digits_of(written),
        key,
    }
}

/// The last `n` characters of `s`.
fn tail(s: &str, n: usize) -> &str {
    let from = s.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    s.get(from..).unwrap_or("")
}
