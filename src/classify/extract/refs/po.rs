//! Purchase-order numbers in the forms suppliers write them.
//!
//! Input: the text. Output: every match with its byte range and whether it
//! is clearly a PO (then order references skip it) or only possibly one
//! (German "Ihre Bestellung ..."). Not deduplicated. Never fails.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::{PoNumber, compile, digits_of, ends_cleanly, key_of};

pub(super) struct FoundPo {
    pub(super) span: Range<usize>,
    pub(super) number: PoNumber,
    /// False for forms that may also name a customer order.
    pub(super) clear: bool,
}

/// The value after a cue: `55120`, `KK/20461`, `OC-55464`, `4500012345`.
/// It must hold a digit, so that a filler word is never taken for it.
const VALUE: &str = r"(?P<v>(?:[A-Za-z]+[-/]){0,2}[A-Za-z]*[0-9][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+){0,2})";

/// Number words and punctuation between a cue and its value.
const FILLER: &str = concat!(
    r"(?P<sep>(?:\s*(?:[:#|/\-–]|no\b\.?|nr\b\.?|n[º°]\.?|n\.[º°]|number|num\b\.?|nummer",
    r"|n[úu]mero|num[ée]ro|nomor|nomer|id|ref\b\.?)\s*)*\s?)",
);

/// "PO" and "P.O." with what follows; the key keeps the "PO".
static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| compile(&format!(r"(?i)\b(?:p\.\s?o\.?|po){FILLER}{VALUE}")));

/// Purchase-order prefixes of the shops' suppliers: OC (orden de compra),
/// BC (bon de commande), BE (Bestellung). Upper case only: "be 500" is not one.
static PREFIXED: LazyLock<Regex> = LazyLock::new(|| compile(r"\b(?P<v>(?:OC|BC|BE)(?:\s?[-/#:]\s?|\s)?[0-9]{3,12})"));

/// The words for purchase order in the project's languages.
static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        concat!(
            r"(?i)\b(?:purchase\s+orders?|orden(?:es)?\s+de\s+compra|pedidos?\s+de\s+compra",
            r"|bons?\s+de\s+commande|commandes?\s+d['’]achat|ordres?\s+d['’]achat",
            r"|inkooporder(?:nummer|nr)?|inkoopnummer|bestelbon|pesanan\s+pembelian",
            r"|einkaufsbestellung|lieferantenbestellung|खरीद\s+आदेश|क्रय\s+आदेश|पीओ)",
            "{}{}",
        ),
        FILLER, VALUE
    ))
});

/// A supplier's "Ihre Bestellung / Ihre Bestell-Nr. / Ihr Auftrag": our
/// purchase order, though the same words name a customer's order elsewhere.
static FORMAL_GERMAN: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        concat!(
            r"(?i)\bihr(?:e[rs]?)?\s+(?:bestellung|bestellnummer|bestell-?nr\.?|bestellnr\.?",
            r"|auftrag|auftragsnummer|auftrags-?nr\.?)",
            "{}{}",
        ),
        FILLER, VALUE
    ))
});

pub(super) fn find(text: &str) -> Vec<FoundPo> {
    let mut out = Vec::new();
    for caps in ABBREVIATION.captures_iter(text) {
        out.extend(abbreviated(text, &caps));
    }
    for caps in PREFIXED.captures_iter(text) {
        out.extend(worded(text, &caps, true));
    }
    for caps in WORDS.captures_iter(text) {
        out.extend(worded(text, &caps, true));
    }
    for caps in FORMAL_GERMAN.captures_iter(text) {
        out.extend(worded(text, &caps, false));
    }
    out.sort_by_key(|p| p.span.start);
    out
}

/// The value must hold a real number and end where the number ends.
fn value<'t>(text: &str, caps: &Captures<'t>) -> Option<regex::Match<'t>> {
    let v = caps.name("v")?;
    let enough = v.as_str().bytes().filter(u8::is_ascii_digit).count() >= 3;
    (enough && ends_cleanly(text, v.end())).then_some(v)
}

/// "PO 55120", "PO#55120", "P.O. No. 55120", "PO/KK/20461", "PO: OC-55464".
fn abbreviated(text: &str, caps: &Captures) -> Option<FoundPo> {
    let v = value(text, caps)?;
    let sep = caps.name("sep").map_or("", |m| m.as_str());
    let starts_with_digit = v.as_str().starts_with(|c: char| c.is_ascii_digit());
    // Glued to "PO" only digits make sense: "POS1234" is no PO.
    if sep.is_empty() && !starts_with_digit {
        return None;
    }
    // A value written right after "PO" belongs to it ("PO/KK/20461");
    // after "PO number:" a lettered value is a complete id of its own.
    let attached = sep.trim().chars().all(|c| matches!(c, '-' | '/' | '#' | '–'));
    let own_prefix = v.as_str().to_ascii_uppercase().starts_with("PO");
    let key = if own_prefix || (!attached && !starts_with_digit) {
        key_of(v.as_str())
    } else {
        format!("PO{}", key_of(v.as_str()))
    };
    let whole = caps.get(0)?;
    Some(FoundPo {
        span: whole.start()..v.end(),
        number: PoNumber {
            text: text.get(whole.start()..v.end())?.trim().to_string(),
            key,
            digits: digits_of(v.as_str()),
        },
        clear: true,
    })
}

/// A value after a word cue, or a prefixed value on its own.
fn worded(text: &str, caps: &Captures, clear: bool) -> Option<FoundPo> {
    let v = value(text, caps)?;
    Some(FoundPo {
        span: v.range(),
        number: PoNumber { text: v.as_str().to_string(), key: key_of(v.as_str()), digits: digits_of(v.as_str()) },
        clear,
    })
}
