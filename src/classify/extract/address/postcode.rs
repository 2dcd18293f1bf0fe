//! Postcodes in the shapes of the countries we serve.
//!
//! Input: a postcode and a country code ([`postcode_looks_valid`]), or one
//! address part ([`find_in_part`]). Output: whether the shape fits that
//! country, or where the part's postcode is, normalised. Failure: `false` /
//! `None`. Phone numbers, order numbers, prices, dates and flat numbers are
//! rejected by the words and characters around the digits.

use super::words::{compile, next_word, prev_word};
use regex::Regex;
use std::sync::LazyLock;

/// The written shapes a postcode can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    Gb,
    Nl,
    /// Six digits, maybe "560 001".
    In,
    Five,
    Zip4,
    Four,
}

impl Shape {
    fn countries(self) -> &'static [&'static str] {
        match self {
            Shape::Gb => &["GB"],
            Shape::Nl => &["NL"],
            Shape::In => &["IN"],
            Shape::Five => &["ID", "ES", "DE", "FR", "US"],
            Shape::Zip4 => &["US"],
            Shape::Four => &["AT", "AU"],
        }
    }

    /// The one country this shape points to, when only one uses it.
    pub(super) fn sole_country(self) -> Option<&'static str> {
        match self.countries() {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// A postcode found in a part; `start..end` are byte offsets into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Hit {
    pub start: usize,
    pub end: usize,
    /// Normalised: "560001", "NW1 6XE", "1016 GV".
    pub code: String,
    pub shape: Shape,
}

static VALID: LazyLock<[(&str, Regex); 10]> = LazyLock::new(|| {
    [
        ("IN", compile(r"^[1-9][0-9]{2} ?[0-9]{3}$")),
        ("ID", compile(r"^[1-9][0-9]{4}$")),
        ("ES", compile(r"^(?:0[1-9]|[1-4][0-9]|5[0-2])[0-9]{3}$")),
        ("DE", compile(r"^(?:0[1-9]|[1-9][0-9])[0-9]{3}$")),
        ("FR", compile(r"^(?:0[1-9]|[1-8][0-9]|9[0-8])[0-9]{3}$")),
        ("US", compile(r"^[0-9]{5}(?:-[0-9]{4})?$")),
        ("AT", compile(r"^[1-9][0-9]{3}$")),
        ("AU", compile(r"^(?:0[2-9]|[1-9][0-9])[0-9]{2}$")),
        ("GB", compile(r"(?i)^(?:GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2})$")),
        ("NL", compile(r"(?i)^[1-9][0-9]{3} ?(?:[A-RT-Z][A-Z]|S[BCE-RT-Z])$")),
    ]
});

/// Whether `postcode` has the shape of a postcode of `country` (ISO 3166-1
/// alpha-2, "UK" accepted for GB). Unknown countries give `false`.
pub fn postcode_looks_valid(postcode: &str, country: &str) -> bool {
    let country = match country.trim().to_ascii_uppercase().as_str() {
        "UK" => "GB".to_string(),
        other => other.to_string(),
    };
    let postcode = postcode.trim();
    VALID.iter().any(|(c, re)| *c == country && re.is_match(postcode))
}

static GB_FIND: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i)\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b"));
static NL_FIND: LazyLock<Regex> = LazyLock::new(|| compile(r"\b[1-9][0-9]{3} ?[A-Z]{2}\b"));
static IN_SPACED: LazyLock<Regex> = LazyLock::new(|| compile(r"\b[1-9][0-9]{2} [0-9]{3}\b"));
static DIGITS: LazyLock<Regex> = LazyLock::new(|| compile(r"\b[0-9]{4,6}(?:-[0-9]{4})?\b"));

/// The postcode in one address part. With a `country` hint (the country the
/// same block names) only that country's shapes count.
pub(super) fn find_in_part(part: &str, country: Option<&str>) -> Option<Hit> {
    let mut hits = raw_hits(part);
    hits.retain(|h| {
        let fits = match country {
            Some(c) => postcode_looks_valid(&h.code, c),
            None => h.shape.countries().iter().any(|c| postcode_looks_valid(&h.code, c)),
        };
        fits && plausible(part, h)
    });
    // Leftmost wins; at the same start the longer shape ("1016 GV" over "1016").
    hits.into_iter().min_by_key(|h| (h.start, std::cmp::Reverse(h.end)))
}

fn raw_hits(part: &str) -> Vec<Hit> {
    let mut out = Vec::new();
    for m in GB_FIND.find_iter(part) {
        let t = m.as_str();
        let inward = t.get(t.len().saturating_sub(3)..).unwrap_or("");
        let upper = t == t.to_uppercase();
        // Lower case only with the space ("nw1 6xe"); "2nd"/"3rd" are ordinals.
        let ordinal = ["ST", "ND", "RD", "TH"].iter().any(|s| inward.to_uppercase().ends_with(s));
        if (upper || t.contains(' ')) && !ordinal {
            out.push(hit(m.start(), m.end(), gb_normal(t), Shape::Gb));
        }
    }
    for m in NL_FIND.find_iter(part) {
        let letters = m.as_str().get(m.as_str().len().saturating_sub(2)..).unwrap_or("");
        // Country and Australian state codes after four digits are not NL letters.
        if !["IN", "ID", "ES", "DE", "AT", "FR", "AU", "UK", "GB", "US", "NL", "WA", "NT"].contains(&letters) {
            let digits: String = m.as_str().chars().filter(char::is_ascii_digit).collect();
            let code = format!("{digits} {letters}");
            out.push(hit(m.start(), m.end(), code, Shape::Nl));
        }
    }
    for m in IN_SPACED.find_iter(part) {
        out.push(hit(m.start(), m.end(), m.as_str().replace(' ', ""), Shape::In));
    }
    for m in DIGITS.find_iter(part) {
        let t = m.as_str();
        let shape = match t.len() {
            4 => Shape::Four,
            5 => Shape::Five,
            6 => Shape::In,
            _ => Shape::Zip4,
        };
        out.push(hit(m.start(), m.end(), t.to_string(), shape));
    }
    out
}

fn hit(start: usize, end: usize, code: String, shape: Shape) -> Hit {
    Hit { start, end, code, shape }
}

/// "nw16xe" → "NW1 6XE": upper case, one space before the inward code.
fn gb_normal(t: &str) -> String {
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.to_uppercase();
    let cut = compact.len().saturating_sub(3);
    match (compact.get(..cut), compact.get(cut..)) {
        (Some(out), Some(inw)) => format!("{out} {inw}"),
        _ => compact,
    }
}

/// Words right before digits that make them something other than a postcode.
const NOT_AFTER: &[&str] = &[
    "order",
    "orders",
    "ord",
    "no",
    "nr",
    "nº",
    "num",
    "number",
    "#",
    "po",
    "so",
    "invoice",
    "inv",
    "rechnung",
    "bestellung",
    "auftrag",
    "pedido",
    "factura",
    "commande",
    "facture",
    "pesanan",
    "faktur",
    "bestelling",
    "factuur",
    "tel",
    "phone",
    "ph",
    "mob",
    "mobile",
    "cell",
    "hp",
    "wa",
    "whatsapp",
    "fax",
    "telefon",
    "teléfono",
    "telefono",
    "téléphone",
    "telefoon",
    "handy",
    "rs",
    "rp",
    "inr",
    "eur",
    "usd",
    "idr",
    "gbp",
    "aud",
    "tracking",
    "awb",
    "ref",
    "reference",
    "room",
    "rm",
    "flat",
    "apt",
    "apartment",
    "unit",
    "suite",
    "house",
    "plot",
    "top",
    "tür",
    "piso",
    "puerta",
    "door",
    "kamar",
    "lantai",
    "floor",
    "gate",
    "box",
    "ticket",
    "case",
    "id",
    "customer",
    "kunde",
    "cliente",
    "client",
    "pelanggan",
    "klant",
    "qty",
    "sku",
    "item",
    "artikel",
    "year",
    "jahr",
    "año",
    "année",
    "tahun",
    "jaar",
    "price",
    "preis",
    "precio",
    "prix",
    "harga",
    "prijs",
    "total",
    "amount",
    "betrag",
    "importe",
    "montant",
    "bedrag",
    "since",
    "seit",
    "desde",
    "depuis",
    "sejak",
    "sinds",
    "in",
    "until",
    "bis",
    "by",
];

/// Words right after digits that make them an amount, a time or a date.
const NOT_BEFORE: &[&str] = &[
    "eur", "euro", "euros", "usd", "dollars", "rs", "inr", "rupees", "rp", "idr", "rupiah", "gbp", "pounds", "aud",
    "€", "$", "₹", "£", "%", "pcs", "pieces", "items", "units", "x", "days", "tage", "días", "dias", "jours", "hari",
    "dagen", "hrs", "hours", "am", "pm", "uhr", "h", "km", "kg", "g", "ml", "l", "m", "years", "jahre", "años", "ans",
    "jaar", "times",
];

/// Context checks that turn away digits which only look like a postcode.
fn plausible(part: &str, h: &Hit) -> bool {
    let before = part.get(..h.start).unwrap_or("");
    let after = part.get(h.end..).unwrap_or("");
    if !clean_edge_before(before) || !clean_edge_after(after) {
        return false;
    }
    if h.shape != Shape::Gb && phone_like(part, h) {
        return false;
    }
    let prev = prev_word(before).to_lowercase();
    let next = next_word(after).to_lowercase();
    !NOT_AFTER.contains(&prev.as_str())
        && !NOT_BEFORE.contains(&next.as_str())
        && !super::words::is_month(&prev)
        && !super::words::is_month(&next)
}

fn clean_edge_before(before: &str) -> bool {
    let mut rev = before.chars().rev();
    match rev.next() {
        None => true,
        // A dash joins a city ("Bengaluru-560001", "D-80331"), not a number.
        Some('-') | Some('–') => !rev.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => c.is_whitespace() || matches!(c, '(' | ':' | ','),
    }
}

fn clean_edge_after(after: &str) -> bool {
    let mut it = after.chars();
    match it.next() {
        None => true,
        // "26.11.2026", "28/11", "12-3": a digit after the mark is a date or a range.
        Some('.') | Some('-') | Some('/') => !it.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => c.is_whitespace() || matches!(c, ')' | ',' | ';' | '!' | '?'),
    }
}

/// True when the digits sit in a run of nine or more digits joined by
/// spaces, dashes or brackets: a phone number, not a postcode.
fn phone_like(part: &str, h: &Hit) -> bool {
    let joins = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+' | '.');
    let left: usize =
        part.get(..h.start).unwrap_or("").chars().rev().take_while(|c| joins(*c)).filter(char::is_ascii_digit).count();
    let right: usize =
        part.get(h.end..).unwrap_or("").chars().take_while(|c| joins(*c)).filter(char::is_ascii_digit).count();
    let own = h.code.chars().filter(char::is_ascii_digit).count();
    let plus = part.get(..h.start).unwrap_or("").trim_end().ends_with('+');
    plus || (left + right > 0 && left + right + own >= 9)
}
