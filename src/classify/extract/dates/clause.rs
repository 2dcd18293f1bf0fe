//! Clause boundaries: where the words around a date stop speaking of it.
//!
//! Input: text and the spans of the dates found in it (a dot inside
//! "26.11." or "Nov." ends nothing). Output: clause start and end for any
//! offset. Failure: none; text without boundaries is one clause.

/// Short words whose dot is no full stop ("approx. 26 Nov", "ca. 26.11.").
const ABBREVIATIONS: &str =
    "approx appr est etc incl inkl bzw ggf evtl ungef vorauss voraussichtl env aprox tgl tel nr no ref vs";

pub(super) struct Clauses {
    /// Byte offsets of the characters that end a clause, ascending, each
    /// with the offset right after it ("।" takes three bytes).
    ends: Vec<(usize, usize)>,
    len: usize,
}

impl Clauses {
    /// Clauses: every line end closes one too, as in lists and forms.
    pub(super) fn new(text: &str, spans: &[(usize, usize)]) -> Self {
        Self::split(text, spans, true)
    }

    /// Whole sentences: a wrapped line runs on, only a blank line ends one.
    pub(super) fn sentences(text: &str, spans: &[(usize, usize)]) -> Self {
        Self::split(text, spans, false)
    }

    fn split(text: &str, spans: &[(usize, usize)], lines: bool) -> Self {
        let inside = |i: usize| spans.iter().any(|&(s, e)| s <= i && i < e);
        let ends_sentence = |i: usize, c: char| match c {
            '\n' if !lines => {
                text.get(i + 1..).unwrap_or_default().trim_start_matches([' ', '\t', '\r']).starts_with('\n')
            }
            _ => ends_clause(text, i, c),
        };
        let ends = text
            .char_indices()
            .filter(|&(i, c)| !inside(i) && ends_sentence(i, c))
            .map(|(i, c)| (i, i + c.len_utf8()))
            .collect();
        Clauses { ends, len: text.len() }
    }

    /// The character that ends the clause holding `pos`, if any.
    pub(super) fn closing(&self, text: &str, pos: usize) -> Option<char> {
        text.get(self.end(pos)..)?.chars().next()
    }

    /// Where the clause holding `pos` starts: just after the last end before it.
    pub(super) fn start(&self, pos: usize) -> usize {
        self.ends.iter().rev().find(|&&(e, _)| e < pos).map_or(0, |&(_, after)| after)
    }

    /// Where the clause holding `pos` ends: its first end at or after `pos`.
    pub(super) fn end(&self, pos: usize) -> usize {
        self.ends.iter().find(|&&(e, _)| e >= pos).map_or(self.len, |&(e, _)| e)
    }
}

fn ends_clause(text: &str, i: usize, c: char) -> bool {
    match c {
        '!' | '?' | ';' | '।' | '॥' => true,
        // "New delivery date:\n26 Nov": a label's value may sit on the next line.
        '\n' => !text.get(..i).unwrap_or_default().trim_end_matches([' ', '\t', '\r']).ends_with(':'),
        '.' => full_stop(text, i),
        _ => false,
    }
}

/// A dot followed by a space or the end, after a word that is no abbreviation.
fn full_stop(text: &str, i: usize) -> bool {
    let after = text.get(i + 1..).unwrap_or_default();
    if !after.chars().next().is_none_or(char::is_whitespace) {
        return false;
    }
    let before = text.get(..i).unwrap_or_default();
    let word: String = before.chars().rev().take_while(|c| c.is_alphabetic()).collect();
    let length = word.chars().count();
    let word: String = word.chars().rev().collect::<String>().to_lowercase();
    length == 0 || (length > 2 && !ABBREVIATIONS.split_whitespace().any(|a| a == word))
}
