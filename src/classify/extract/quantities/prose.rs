//! Quantities written as sentences: "we shipped 3 of the 5 linen shirts
//! (NW-LS-M); the remaining 2 are on backorder", "NW-KU-L: 4 dispatched, 2
//! to follow", "Von Artikel AH-ST-PR wurden 2 von 4 geliefert".
//!
//! Input: the text and the lines tables already took. Output: quantities
//! recorded in the [`Book`] per item: the SKU of the clause, else the name a
//! list line gives before its numbers ("- Stirnlampe: 1 von 1", "Linen
//! throw x 3"), else the item named after the number (or after its role
//! word, "2 unidades pendientes de Maceta grande"), else the item of the
//! clause before. Unit words ("stuk", "Stk.", "buah") are never an item.
//! Failure: a number no role word claims is left out.

use super::keywords::{RoleWord, compile, listed, mentions_shipment, role_words};
use super::numbers::{Num, numbers};
use super::sku::{Sku, find_skus};
use super::{Book, Role};
use regex::Regex;
use std::sync::LazyLock;

/// What the reader carries from clause to clause.
#[derive(Debug, Default)]
struct Context {
    /// The item the last clause spoke of.
    item: Option<String>,
    /// The role of a heading line ("Shipped today:") over the list below it.
    heading: Option<Role>,
    /// The sentence names a SKU: items are SKUs, not words after a number.
    sku_sentence: bool,
}

pub(super) fn read_prose(text: &str, skip_lines: &[usize], book: &mut Book) {
    let mut cx = Context::default();
    let mut after_heading = false;
    for (i, line) in text.lines().enumerate() {
        if skip_lines.contains(&i) {
            continue;
        }
        let line = line.trim();
        if line.is_empty() {
            // A blank line ends the item and the heading, unless it follows the heading.
            if !after_heading {
                cx = Context::default();
            }
            continue;
        }
        read_line(line, &mut cx, book);
        after_heading = false;
        if line.ends_with(':')
            && numbers(line).is_empty()
            && let Some(w) = role_words(line).last()
        {
            cx.heading = Some(w.role);
            after_heading = true;
        }
    }
}

fn read_line(line: &str, cx: &mut Context, book: &mut Book) {
    for sentence in sentences(line) {
        // A sentence about one SKU is about it in every clause:
        // "Ordered 5 / shipped 3 / backorder 2 (NW-LS-M)".
        let skus = find_skus(sentence);
        if let [only] = skus.as_slice() {
            cx.item = Some(only.code.clone());
        }
        cx.sku_sentence = !skus.is_empty();
        let mut seen = cx.heading;
        for clause in clauses(sentence) {
            read_clause(clause, &mut seen, cx, book);
        }
    }
}

/// Read one clause; `seen` is the last role word of the sentence so far.
fn read_clause(clause: &str, seen: &mut Option<Role>, cx: &mut Context, book: &mut Book) {
    let words = role_words(clause);
    let mut nums = numbers(clause);
    let skus = find_skus(clause);
    // "Trekkingzelt 2 Personen: 1 von 2": the list line's item, and its
    // numbers are the ones after the name.
    let label = label_of(clause, &words).filter(|(_, from)| nums.iter().any(|n| n.start >= *from));
    if let Some((_, from)) = &label {
        nums.retain(|n| n.start >= *from);
    }
    let label = label.map(|(name, _)| name);
    // Without a role word of its own, a clause with a SKU, an "X of Y" or
    // a named list line takes the sentence's or heading's role: "Shipped:
    // A 3, B 2".
    let inherit = words.is_empty() && (!skus.is_empty() || label.is_some() || nums.iter().any(|n| n.of.is_some()));
    let mut bound: Vec<(&Num, Role, bool)> = nums
        .iter()
        .zip(bind(&words, &nums))
        .filter_map(|(n, b)| match b {
            Some((role, beside)) => Some((n, role, beside)),
            None if inherit => seen.map(|role| (n, role, true)),
            None => None,
        })
        .collect();
    // A number right beside its role word is recorded before one that only
    // borrows a role from afar ("Zelt 2 Personen: 1 geliefert").
    bound.sort_by_key(|(_, _, beside)| !*beside);
    let mut named: Option<String> = label.clone();
    for (num, role, _) in bound {
        let item = match nearest_sku(&skus, num) {
            Some(sku) => sku.code.clone(),
            None => {
                // Each number its own name: "1 mug set and 1 grinder".
                if label.is_none() && !cx.sku_sentence {
                    let own = name_after(clause, num.end, &words).or_else(|| name_after_role(clause, num.end, &words));
                    named = own.or(named);
                }
                named.clone().or_else(|| cx.item.clone()).unwrap_or_default()
            }
        };
        book.record(&item, role, num.value);
        if let Some(total) = num.of {
            book.record(&item, Role::Ordered, total);
        }
    }
    if let Some(w) = words.last() {
        *seen = Some(w.role);
    }
    if let Some(sku) = skus.last() {
        cx.item = Some(sku.code.clone());
    } else if named.is_some() {
        cx.item = named;
    }
}

/// The role of each number, and whether a role word stands right beside it.
/// A role word binds the number next to it (after it when the clause starts
/// with a role word, "shipped 3"; before it otherwise, "3 shipped"); a
/// number left over takes the next role word, or else the one before.
fn bind(words: &[RoleWord], nums: &[Num]) -> Vec<Option<(Role, bool)>> {
    #[derive(Clone, Copy)]
    enum Tok {
        Word(Role),
        Num(usize),
    }
    let mut toks: Vec<(usize, Tok)> = words.iter().map(|w| (w.start, Tok::Word(w.role))).collect();
    toks.extend(nums.iter().enumerate().map(|(i, n)| (n.start, Tok::Num(i))));
    toks.sort_by_key(|t| t.0);
    let word_first = matches!(toks.first(), Some((_, Tok::Word(_))));
    let mut roles: Vec<Option<(Role, bool)>> = vec![None; nums.len()];
    for (k, (_, t)) in toks.iter().enumerate() {
        let Tok::Word(role) = t else { continue };
        let beside = if word_first { toks.get(k + 1) } else { k.checked_sub(1).and_then(|j| toks.get(j)) };
        if let Some((_, Tok::Num(n))) = beside
            && let Some(slot) = roles.get_mut(*n)
        {
            slot.get_or_insert((*role, true));
        }
    }
    let word = |t: &(usize, Tok)| if let Tok::Word(r) = t.1 { Some(r) } else { None };
    for (k, (_, t)) in toks.iter().enumerate() {
        let Tok::Num(n) = t else { continue };
        let after = toks.iter().skip(k + 1).find_map(word);
        let before = toks.iter().take(k).rev().find_map(word);
        if let Some(slot) = roles.get_mut(*n)
            && slot.is_none()
        {
            *slot = after.or(before).map(|r| (r, false));
        }
    }
    roles
}

/// The SKU a number belongs to: the only one, or the closest one.
fn nearest_sku<'a>(skus: &'a [Sku], num: &Num) -> Option<&'a Sku> {
    skus.iter().min_by_key(|s| if s.end <= num.start { num.start - s.end } else { s.start.saturating_sub(num.end) })
}

/// Units, articles and joining words that may stand between a number and
/// the item's name ("3 pcs of the manual grinder").
const LEAD_IN: &str = concat!(
    "pcs pc pieces piece units unit x stück stk stücke unidades unidad uds ud piezas pièces pièce buah biji stuks ",
    "stuk of the der die das den los las les de el la le van het ",
);

/// Words that join a role word to the item after it ("2 unidades
/// pendientes de Tijeras de podar", "1 backordered of the towel sets").
const CONNECTORS: &str = "de del of van von dari du des uit";

/// Words that end a list line's name and never name an item themselves.
const NOT_ITEM: &str = concat!(
    "note notes nb hinweis update status summary total remark remarks bemerkung nota remarque catatan ",
    "opmerking info attention important eta etd date datum fecha tanggal today heute hoy po order ",
    "ref re subject betreff asunto objet perihal onderwerp tracking awb invoice rechnung factura facture ",
    "faktur factuur lieferschein albarán pakbon delivery lieferung envío envio livraison pengiriman levering ",
    "http https www ",
);

/// Words that end a name: verbs, auxiliaries, prepositions.
const STOPS: &str = concat!(
    "within until by next sous dans jusqu binnen dalam sampai innerhalb bis hasta dentro tot nächste nächsten ",
    "próxima prochaine volgende depan minggu agle अगले ",
    "are were have has is was been will to on in for from with and but today now sind wurden werden ",
    "wird im am ab han sido se en ont été sont sudah telah akan zijn worden is op gaan हैं गए गये है ",
    "were this that these those we our your only each more also per ",
    "dan und y et e o ou oder atau or serta once sobald dès saldrán saldrá llegarán llegará serán será ",
    "estarán partiront partira arriveront seront sera kommen kommt komt komen ",
);

/// Names too general to tell one line from another, and unit words.
const GENERIC: &str = concat!(
    "items item units unit pieces piece pcs pc ones others rest remaining stuk stuks stk stück stücke ",
    "unidades unidad uds piezas pièces pièce buah biji x",
);

/// The item named right after a number: "5 linen shirts (NW-LS-M)" → "linen shirts".
fn name_after(clause: &str, from: usize, words: &[RoleWord]) -> Option<String> {
    // The name ends where the next role word starts ("2 not yet shipped").
    let limit = words.iter().map(|w| w.start).filter(|s| *s >= from).min().unwrap_or(clause.len());
    let rest = clause.get(from..limit)?;
    let mut taken: Vec<&str> = Vec::new();
    let mut lead = true;
    for raw in rest.split_whitespace() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let low = w.to_lowercase();
        if lead && listed(LEAD_IN, &low) {
            continue;
        }
        lead = false;
        let letters = !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        if !letters || listed(STOPS, &low) || raw.starts_with('(') || taken.len() >= 4 {
            break;
        }
        taken.push(w);
        if raw.ends_with([',', ';', ':', '.', ')']) {
            break;
        }
    }
    let name = taken.join(" ");
    (!name.is_empty() && !listed(GENERIC, &name.to_lowercase())).then_some(name)
}

/// The item named after a role word that directly follows the number:
/// "2 unidades pendientes de Tijeras de podar".
fn name_after_role(clause: &str, from: usize, words: &[RoleWord]) -> Option<String> {
    let w = words.iter().find(|w| w.start >= from)?;
    let between = clause.get(from..w.start)?;
    if !between.split_whitespace().all(|t| listed(LEAD_IN, &bare_word(t).to_lowercase())) {
        return None;
    }
    let after = clause.get(w.end..)?;
    let connector = after.split_whitespace().next()?;
    if !listed(CONNECTORS, &connector.to_lowercase()) {
        return None;
    }
    let at = w.end + after.find(connector)? + connector.len();
    name_after(clause, at, words)
}

/// The name a list line gives before its quantities, and where they start:
/// "- Schlafsack Merino: 1 von 2 Stk.", "Service à thé : 0 expédié sur 1",
/// "- Oak table lamp x 2". `None` when the words before are a role word
/// ("Shipped: ..."), a reference, or a label that is no item ("Note:",
/// "Partial shipment:").
fn label_of(clause: &str, words: &[RoleWord]) -> Option<(String, usize)> {
    let colon = clause.char_indices().find(|(i, c)| {
        let next = clause.get(i + 1..).and_then(|r| r.chars().next());
        *c == ':' && !next.is_some_and(|n| n.is_ascii_digit())
    });
    let (end, from) = match colon {
        Some((i, _)) => (i, i + 1),
        None => {
            let m = TIMES.find(clause)?;
            (m.start(), m.start())
        }
    };
    if words.iter().any(|w| w.start < end) {
        return None;
    }
    let name = clause.get(..end)?.trim().trim_start_matches(['-', '*', '•', '·', '–', '>']).trim();
    let name = LIST_NUMBER.find(name).map_or(name, |m| name.get(m.end()..).unwrap_or(name)).trim();
    let tokens: Vec<String> = name.split_whitespace().map(|t| bare_word(t).to_lowercase()).collect();
    let letters = tokens.iter().any(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 3);
    let reference = tokens.iter().any(|t| t.chars().filter(char::is_ascii_digit).count() >= 4);
    let not_item =
        tokens.iter().any(|t| listed(NOT_ITEM, t)) || listed(GENERIC, &name.to_lowercase()) || mentions_shipment(name);
    (letters && !reference && !not_item && tokens.len() <= 8).then(|| (name.to_string(), from))
}

/// " x 2", " × 3": a count after the item's name.
static TIMES: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i)\s[x×]\s*\d"));
/// "1.", "2)": a list's own numbering.
static LIST_NUMBER: LazyLock<Regex> = LazyLock::new(|| compile(r"^\d{1,2}[.)]\s+"));

fn bare_word(t: &str) -> &str {
    t.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Sentences of a line: split at ";", "!", "?" and at a "." that a space
/// and a capital (or the line's end) follow, except after "Nr.", "Art.".
fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0usize;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, (i, c)) in chars.iter().enumerate() {
        let next_space = chars.get(k + 1).is_none_or(|n| n.1.is_whitespace());
        let rest = line.get(i + c.len_utf8()..).unwrap_or("").trim_start();
        let capital_next = rest.chars().next().is_none_or(|n| !n.is_lowercase() && !n.is_ascii_digit());
        let end = match c {
            ';' | '!' | '?' | '।' => true,
            '.' => next_space && capital_next && !abbreviation(line.get(from..*i).unwrap_or("")),
            _ => false,
        };
        if end {
            out.push(line.get(from..*i).unwrap_or(""));
            from = i + c.len_utf8();
        }
    }
    out.push(line.get(from..).unwrap_or(""));
    out.retain(|s| !s.trim().is_empty());
    out
}

fn abbreviation(before: &str) -> bool {
    let w = before.rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
    ["nr", "no", "nº", "approx", "ca", "art", "pos", "st"].contains(&w.as_str())
}

/// Clauses of a sentence: split at ", " (not "1,200"), spaced dashes and
/// spaced slashes.
fn clauses(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0usize;
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    for (k, (i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|j| chars.get(j)).map(|p| p.1);
        let next = chars.get(k + 1).map(|n| n.1);
        let split = match c {
            ',' => next.is_none_or(char::is_whitespace),
            '-' | '–' | '—' | '/' | '|' => prev == Some(' ') && next == Some(' '),
            _ => false,
        };
        if split {
            out.push(sentence.get(from..*i).unwrap_or(""));
            from = i + c.len_utf8();
        }
    }
    out.push(sentence.get(from..).unwrap_or(""));
    out.retain(|s| !s.trim().is_empty());
    out
}
