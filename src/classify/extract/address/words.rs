//! Small text helpers shared by the address parsers: words with their byte
//! offsets, the word before or after a position, month names.
//!
//! Input: any `&str`. Output: slices of it, never panicking on UTF-8
//! boundaries (every offset comes from `char_indices`). Failure: empty
//! results.

use regex::Regex;

/// Compile a pattern written in this module tree. Every pattern is a string
/// literal that the unit tests compile, so the `expect` can only fire on a
/// programming error that `cargo test` catches first.
pub(super) fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("literal regex compiles")
}

/// A whitespace-separated word and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

pub(super) fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push(Tok { start: st, end: i, text: s.get(st..i).unwrap_or("") });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(Tok { start: st, end: s.len(), text: s.get(st..).unwrap_or("") });
    }
    out
}

/// A word without the punctuation around it ("(Bengaluru)," → "Bengaluru").
pub(super) fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| {
        matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '"' | '\'' | '’' | '“' | '”' | '!' | '?' | '-')
    })
}

/// The last word of `before`, bare ("Order #", "PIN:" → "#", "pin").
pub(super) fn prev_word(before: &str) -> &str {
    let t = before.trim_end().trim_end_matches([':', '-', '–', '.']);
    let w = t.rsplit(char::is_whitespace).next().unwrap_or("");
    let w = w.trim_end_matches('.');
    if w == "#" { w } else { bare(w) }
}

/// The first word of `after`, bare, or a currency sign standing alone.
pub(super) fn next_word(after: &str) -> &str {
    let t = after.trim_start();
    if let Some(c) = t.chars().next()
        && matches!(c, '€' | '$' | '₹' | '£' | '%')
    {
        return t.get(..c.len_utf8()).unwrap_or("");
    }
    let w = t.split(char::is_whitespace).next().unwrap_or("");
    bare(w.trim_end_matches('.'))
}

/// Month names and abbreviations in our languages, lower case.
const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "okt",
    "oktober",
    "dez",
    "dezember",
    "jänner",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "ene",
    "abr",
    "ago",
    "dic",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "fév",
    "avr",
    "juil",
    "déc",
    "januari",
    "februari",
    "maret",
    "mei",
    "agustus",
    "desember",
    "des",
    "agu",
    "maart",
    "augustus",
];

pub(super) fn is_month(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.contains(&w.as_str())
}

/// Whether a word starts like a proper noun: a capital letter, or a letter
/// of a script without case (Devanagari).
pub(super) fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
}
