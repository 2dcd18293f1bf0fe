//! One line of an address cut into pieces: by commas, semicolons, bars and
//! spaced dashes, with form labels ("City:", "PLZ:") read off first.
//!
//! Input: one line. Output: the pieces in order, each with the [`Label`]
//! that names it. Failure: none; an empty line gives no pieces.

use super::country;
use super::street::street_word;
use super::words::{compile, tokens};
use regex::Regex;
use std::sync::LazyLock;

/// What a form label says the value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Label {
    Skip,
    Street,
    Line2,
    City,
    Region,
    Postcode,
    Country,
    /// "Address:", "Lieferadresse:": the label goes, the value is read as usual.
    Generic,
    None,
}

const LABELS: &[(Label, &[&str])] = &[
    (
        Label::Skip,
        &[
            "name",
            "full name",
            "recipient",
            "receiver",
            "nama",
            "nama penerima",
            "penerima",
            "nombre",
            "destinatario",
            "empfänger",
            "destinataire",
            "nom",
            "naam",
            "ontvanger",
            "phone",
            "tel",
            "telephone",
            "mobile",
            "mob",
            "ph",
            "hp",
            "no hp",
            "no. hp",
            "telefon",
            "teléfono",
            "telefono",
            "téléphone",
            "telefoon",
            "handy",
            "whatsapp",
            "wa",
            "email",
            "e-mail",
            "mail",
            "order",
            "order number",
            "order no",
            "attn",
            "contact",
            "kontak",
            "landmark",
            "note",
            "notes",
        ],
    ),
    (
        Label::Street,
        &[
            "street",
            "street address",
            "address line 1",
            "address 1",
            "line 1",
            "straße",
            "strasse",
            "straße und hausnummer",
            "straße/nr.",
            "straße / nr.",
            "calle",
            "dirección línea 1",
            "rue",
            "jalan",
            "alamat jalan",
            "straat",
            "straat en huisnummer",
            "street and number",
        ],
    ),
    (
        Label::Line2,
        &[
            "address line 2",
            "address 2",
            "line 2",
            "apartment",
            "apt",
            "flat",
            "suite",
            "unit",
            "floor",
            "c/o",
            "adresszusatz",
            "zusatz",
            "piso",
            "complemento",
            "complément",
            "complément d'adresse",
            "bâtiment",
            "etage",
            "toevoeging",
        ],
    ),
    (
        Label::City,
        &[
            "city",
            "town",
            "town/city",
            "city/town",
            "suburb",
            "stadt",
            "ort",
            "ciudad",
            "población",
            "localidad",
            "ville",
            "kota",
            "kabupaten",
            "kota/kabupaten",
            "plaats",
            "woonplaats",
            "शहर",
        ],
    ),
    (
        Label::Region,
        &[
            "state",
            "province",
            "region",
            "county",
            "bundesland",
            "provincia",
            "provinsi",
            "provincie",
            "département",
            "departement",
            "state/province",
            "राज्य",
        ],
    ),
    (
        Label::Postcode,
        &[
            "postcode",
            "post code",
            "postal code",
            "zip",
            "zip code",
            "zipcode",
            "pin",
            "pin code",
            "pincode",
            "plz",
            "postleitzahl",
            "cp",
            "c.p.",
            "código postal",
            "codigo postal",
            "code postal",
            "kode pos",
            "kodepos",
            "पिन",
            "पिन कोड",
        ],
    ),
    (Label::Country, &["country", "land", "país", "pais", "pays", "negara", "देश"]),
    (
        Label::Generic,
        &[
            "address",
            "addr",
            "adresse",
            "anschrift",
            "dirección",
            "direccion",
            "alamat",
            "adres",
            "पता",
            "delivery address",
            "shipping address",
            "new address",
            "lieferadresse",
            "plz/ort",
            "plz / ort",
            "plz und ort",
            "postcode/city",
            "postcode and city",
            "code postal et ville",
            "cp y ciudad",
            "postcode en plaats",
        ],
    ),
];

static LABEL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\s*(?:[-*•]\s*)?([\p{L}][\p{L}\p{N} ./'’()-]{0,30}?)\s*[:：]\s*(.*)$"));

/// Cut one line into labelled pieces.
pub(super) fn pieces(line: &str) -> Vec<(String, Label)> {
    let line = line.trim().trim_start_matches(['-', '*', '•', '>']).trim();
    let (label, value) = read_label(line);
    let mut out: Vec<String> = Vec::new();
    for piece in cut(value) {
        match country::trailing(&piece) {
            Some((rest, iso)) if !rest.is_empty() => {
                let name = piece.get(rest.len()..).unwrap_or("").trim();
                out.push(rest.to_string());
                out.push(if name.is_empty() { iso.to_string() } else { name.to_string() });
            }
            _ => out.push(piece),
        }
    }
    let out = merge_house_numbers(out);
    // A label forces the kind only of a single value ("City: Pune").
    let label = if out.len() == 1 { label } else { Label::Generic };
    out.into_iter().map(|p| (p, label)).collect()
}

fn read_label(line: &str) -> (Label, &str) {
    let Some(c) = LABEL.captures(line) else {
        return (Label::None, line);
    };
    let name = c.get(1).map_or("", |m| m.as_str()).trim().to_lowercase();
    let value = c.get(2).map_or("", |m| m.as_str());
    match LABELS.iter().find(|(_, names)| names.contains(&name.as_str())) {
        Some((label, _)) => (*label, value),
        // "my work address: 14 Deansgate": a short lead-in without digits goes.
        None if name.split_whitespace().count() <= 4 && !name.chars().any(|c| c.is_ascii_digit()) => {
            (Label::Generic, value)
        }
        None => (Label::None, line),
    }
}

/// " or " between two addresses, in our languages.
static OR: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i)\s(?:or|oder|ou|atau|या)\s"));

/// Split at `,` `;` `|`, at dashes with spaces around them and at "or"; a
/// comma between digits ("1,200") stays.
fn cut(value: &str) -> Vec<String> {
    OR.split(value).flat_map(cut_marks).collect()
}

fn cut_marks(value: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = value.char_indices().collect();
    let mut out = Vec::new();
    let mut from = 0usize;
    for (k, (i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|j| chars.get(j)).map(|p| p.1);
        let next = chars.get(k + 1).map(|n| n.1);
        let split = match c {
            ',' => !(prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())),
            ';' | '|' => true,
            '-' | '–' | '—' => prev == Some(' ') && next == Some(' '),
            _ => false,
        };
        if split {
            out.push(value.get(from..*i).unwrap_or("").trim().to_string());
            from = i + c.len_utf8();
        }
    }
    out.push(value.get(from..).unwrap_or("").trim().to_string());
    out.retain(|p| !p.is_empty());
    out
}

static HOUSE_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^(?:no\.?|nº|#|h\.?\s?no\.?|house\s+no\.?|plot\s+no\.?)?\s*[A-Z]?-?\d{1,4}[A-Z]?(?:/\d+)?$")
});

/// "22, Residency Road" and "#12, 3rd Cross": a house number alone before
/// its street belongs to it.
fn merge_house_numbers(pieces: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(pieces.len());
    let mut pending: Option<String> = None;
    for p in pieces {
        if let Some(num) = pending.take() {
            if tokens(&p).iter().any(|w| street_word(w.text)) {
                out.push(format!("{num}, {p}"));
                continue;
            }
            out.push(num);
        }
        if HOUSE_ALONE.is_match(&p) {
            pending = Some(p);
        } else {
            out.push(p);
        }
    }
    out.extend(pending);
    out
}
