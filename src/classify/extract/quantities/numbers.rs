//! The quantities in a clause: plain numbers, "3 of 5" / "3 von 4" /
//! "3 dari 5", and the Hindi "5 में से 3".
//!
//! Input: one clause. Output: [`Num`]s in order, each with the total it is
//! a part of when written "X of Y". Failure: none found. Dates, times,
//! prices, durations, percentages, order and PO numbers and the digits of
//! SKUs are not quantities.

use super::keywords::{compile, listed};
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Num {
    pub start: usize,
    /// End of the whole "3 of 5" when `of` is set.
    pub end: usize,
    pub value: u32,
    /// The total in "3 of 5": the ordered quantity.
    pub of: Option<u32>,
}

/// "set of 3", "pack of 6", "Set mit 4": a number in the item's name.
static SET_OF: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:set|pack|box|case|lot|juego|paquete|satz|packung|isi|kit)\s*(?:of|de|van|mit|von|x)?\s*$")
});
static DIGITS: LazyLock<Regex> = LazyLock::new(|| compile(r"\d+"));
/// "2/3 shipped": a part and its total, when no date is near.
static FRACTION: LazyLock<Regex> = LazyLock::new(|| compile(r"\b(\d{1,4}) ?/ ?(\d{1,4})\b"));
/// Words before a date written like a fraction ("on 2/3").
const DATE_BEFORE: &str = "on by until from since dated le au am bis el op pada tanggal tgl eta ";
static HINDI_OF: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)(\d+)\s*(?:में\s*से|mein\s+se|me\s+se|main\s+se)\s*(\d+)"));
static OF: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)^\s*(?:(?:pcs?|pieces?|units?|items?|stück|stk|unidades|uds?|pièces?|buah|stuks|stuk|x)\.?\s+)?",
        // "1 expédié sur 1", "2 shipped out of 3": the role word may stand between.
        r"(?:(?:shipped|dispatched|sent|delivered|exp[ée]di[ée]e?s?|envoy[ée]e?s?|livr[ée]e?s?|enviad[oa]s?|",
        r"despachad[oa]s?|geliefert|versandt|verschickt|dikirim|terkirim|verzonden|geleverd|verstuurd)\s+)?",
        r"(?:out\s+of|of|von|de|sur|dari|van|uit)\s+(?:(?:the|den|die|los|las|les|de|total|insgesamt)\s+)?(\d+)",
    ))
});

pub(super) fn numbers(clause: &str) -> Vec<Num> {
    let mut out: Vec<Num> = Vec::new();
    for c in HINDI_OF.captures_iter(clause) {
        let (Some(total), Some(part)) = (c.get(1), c.get(2)) else { continue };
        if let (Some(of), Some(value)) =
            (quantity(clause, total.start(), total.end()), quantity(clause, part.start(), part.end()))
        {
            out.push(Num { start: total.start(), end: part.end(), value, of: Some(of) });
        }
    }
    out.extend(fractions(clause));
    // Totals of rejected "X of Y" ("parcel 1 of 2"): not quantities either.
    let mut skip: Vec<usize> = Vec::new();
    for m in DIGITS.find_iter(clause) {
        if skip.contains(&m.start()) || out.iter().any(|n| m.start() >= n.start && m.start() < n.end) {
            continue;
        }
        let rest = clause.get(m.end()..).unwrap_or("");
        let total_at = OF.captures(rest).and_then(|c| c.get(1)).map(|y| (m.end() + y.start(), m.end() + y.end()));
        let Some(value) = quantity(clause, m.start(), m.end()) else {
            skip.extend(total_at.map(|t| t.0));
            continue;
        };
        let mut num = Num { start: m.start(), end: m.end(), value, of: None };
        if let Some((ys, ye)) = total_at
            && let Some(total) = quantity(clause, ys, ye).filter(|t| *t >= value)
        {
            num.of = Some(total);
            num.end = ye;
        }
        out.push(num);
    }
    out.sort_by_key(|n| n.start);
    // "Chinos (32): 2 pcs": a number alone in brackets is a size or a label
    // when the clause has another number.
    if out.len() > 1 {
        let alone = |n: &Num| {
            let before = clause.get(..n.start).unwrap_or("").trim_end();
            let after = clause.get(n.end..).unwrap_or("").trim_start();
            n.of.is_none() && before.ends_with('(') && after.starts_with(')')
        };
        out.retain(|n| !alone(n));
    }
    out
}

fn fractions(clause: &str) -> Vec<Num> {
    let mut out = Vec::new();
    for c in FRACTION.captures_iter(clause) {
        let (Some(all), Some(part), Some(total)) = (c.get(0), c.get(1), c.get(2)) else { continue };
        let before = clause.get(..all.start()).unwrap_or("");
        let after = clause.get(all.end()..).unwrap_or("");
        // "26/11/2026", "1/2-3": part of a longer date or range.
        let glued = before.ends_with(['/', '.', '-']) || after.starts_with(['/', '.', '-']);
        let dated = listed(DATE_BEFORE, &prev_word(before).to_lowercase());
        let (Ok(value), Ok(of)) = (part.as_str().parse::<u32>(), total.as_str().parse::<u32>()) else { continue };
        if !glued && !dated && value <= of && of > 0 && clean_before(before) {
            out.push(Num { start: all.start(), end: all.end(), value, of: Some(of) });
        }
    }
    out
}

/// Words before a number that make it a reference, a price or a sequence.
const NOT_AFTER: &str = concat!(
    "order po no nr nº # invoice inv ref line pos position item sku rs rp inr eur usd idr gbp aud € $ ",
    "£ ₹ page email mail shipment parcel package box carton part step sendung paket karton envío ",
    "envio paquete caja colis envoi kiriman dus zending pakket doos week kw version room floor ticket ",
    "case tel phone bestellung pedido commande pesanan bestelling lieferung delivery rechnung factura ",
    "facture faktur factuur ",
);

/// Words after a number that make it a duration, an amount, a time or a count of something else.
const NOT_BEFORE: &str = concat!(
    "day days week weeks month months hour hours business working tag tage tagen woche wochen ",
    "werktage werktagen día días dias semana semanas jour jours semaine semaines hari minggu bulan ",
    "dag dagen week weken werkdagen दिन हफ्ते % eur euro euros usd dollars rs inr rupees rp idr ",
    "rupiah gbp aud € $ ₹ £ am pm uhr h hrs kg g ml l cm mm m km emails mails pages parcels packages ",
    "boxes cartons shipments pakete paquetes colis pakketten deliveries lieferungen sendungen envíos ",
    "kiriman zendingen invoices personen person persons liter litre litres inch orders ",
);

/// Letters that may follow a number directly ("3pcs", "2x").
const UNITS: &str = "pcs pc x units uds ud stk st pz ea nos buah ";

const MONTHS: &str = concat!(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july ",
    "august september october november december januar februar märz mai juni juli okt oktober dez ",
    "dezember jänner enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre ",
    "diciembre janvier février mars avril juin juillet août septembre octobre novembre décembre ",
    "januari februari maret mei agustus desember maart augustus ",
);

/// The value of the digits at `start..end` when they are a quantity.
fn quantity(clause: &str, start: usize, end: usize) -> Option<u32> {
    let digits = clause.get(start..end)?;
    let value: u32 = digits.parse().ok().filter(|_| digits.len() <= 5)?;
    let before = clause.get(..start)?;
    let after = clause.get(end..)?;
    let year = digits.len() == 4 && (1990..=2100).contains(&value);
    let prev = prev_word(before).to_lowercase();
    let next = next_word(after).to_lowercase();
    let ok = !year
        && !SET_OF.is_match(before)
        && !phone_like(before, after, digits)
        && clean_before(before)
        && clean_after(after)
        && !listed(NOT_AFTER, &prev)
        && !listed(NOT_BEFORE, &next)
        && !listed(MONTHS, prev.trim_end_matches('.'))
        && !listed(MONTHS, next.trim_end_matches('.'));
    ok.then_some(value)
}

/// Seven digits or more in one run of digits, spaces, dashes and brackets:
/// a phone number ("+91 98123 45678").
fn phone_like(before: &str, after: &str, digits: &str) -> bool {
    let joins = |c: &char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+');
    let left = before.chars().rev().take_while(joins).filter(char::is_ascii_digit).count();
    let right = after.chars().take_while(joins).filter(char::is_ascii_digit).count();
    left + right + digits.len() >= 7
}

fn clean_before(before: &str) -> bool {
    let mut rev = before.chars().rev();
    match rev.next() {
        None => true,
        // "x3", "×3": a count, when the x stands alone.
        Some('x' | 'X' | '×') => rev.next().is_none_or(char::is_whitespace),
        // "10:30" is a time; "Shipped:3" is a count.
        Some(':') => !rev.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '"' | '*' | '=' | '>'),
    }
}

fn clean_after(after: &str) -> bool {
    let mut it = after.chars();
    let Some(c) = it.next() else { return true };
    let then = it.next();
    if c.is_alphabetic() {
        let letters: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        return listed(UNITS, &letters.to_lowercase());
    }
    match c {
        // "26.11.", "3/5", "2-3", "10:30", "1,200": dates, ranges, times, thousands.
        '.' | '/' | '-' | ':' | ',' => !then.is_some_and(|n| n.is_ascii_digit()),
        '%' | '€' | '$' => false,
        _ => c.is_whitespace() || matches!(c, ')' | ';' | '!' | '?' | ']' | '"' | '*'),
    }
}

fn prev_word(before: &str) -> &str {
    let t = before.trim_end().trim_end_matches([':', '.', '-', '(']);
    let w = t.rsplit(char::is_whitespace).next().unwrap_or("");
    if w == "#" {
        w
    } else {
        w.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '€' | '$' | '£' | '₹' | '#'))
    }
}

fn next_word(after: &str) -> &str {
    let t = after.trim_start();
    if let Some(c) = t.chars().next().filter(|c| matches!(c, '€' | '$' | '₹' | '£' | '%')) {
        return t.get(..c.len_utf8()).unwrap_or("");
    }
    let w = t.split(char::is_whitespace).next().unwrap_or("");
    w.trim_matches(|c: char| !c.is_alphanumeric())
}
