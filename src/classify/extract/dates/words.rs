//! Small text helpers around a match: the words and characters next to it.
//!
//! Input: text and byte offsets that lie on char boundaries (regex match
//! ends). Output: neighbouring words (lower case) and characters.
//! Failure: none; offsets off a boundary or out of range give empty results.

/// An ASCII or Devanagari digit.
pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('०'..='९').contains(&c)
}

/// The word that ends right before `pos`, past any spaces, lower case.
pub(super) fn prev_word(text: &str, pos: usize) -> String {
    let head = text.get(..pos).unwrap_or_default().trim_end();
    let word: String = head.chars().rev().take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’').collect();
    word.chars().rev().collect::<String>().to_lowercase()
}

/// The word that starts right after `pos`, past any spaces, lower case.
pub(super) fn next_word(text: &str, pos: usize) -> String {
    let tail = text.get(pos..).unwrap_or_default().trim_start();
    tail.chars().take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’').collect::<String>().to_lowercase()
}

/// The word before `pos`, past spaces and the characters of `skip`, lower
/// case, with its byte offset.
pub(super) fn word_before(text: &str, pos: usize, skip: &str) -> Option<(usize, String)> {
    let head = text.get(..pos)?.trim_end_matches(|c: char| c.is_whitespace() || skip.contains(c));
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '\'' || c == '’')
        .last()
        .map(|(i, _)| i)?;
    Some((start, head.get(start..)?.to_lowercase()))
}

/// The two characters right before `pos`, nearest first.
fn two_before(text: &str, pos: usize) -> (Option<char>, Option<char>) {
    let mut it = text.get(..pos).unwrap_or_default().chars().rev();
    (it.next(), it.next())
}

/// The two characters right after `pos`, nearest first.
fn two_after(text: &str, pos: usize) -> (Option<char>, Option<char>) {
    let mut it = text.get(pos..).unwrap_or_default().chars();
    (it.next(), it.next())
}

/// True when the number starting at `start` continues a longer token to
/// its left: "v1.2", "INV/2026", "+49-30", "10:26".
pub(super) fn glued_left(text: &str, start: usize) -> bool {
    match two_before(text, start) {
        (Some(c), _) if c.is_alphanumeric() => true,
        (Some(c), Some(d)) if "/.-:+#,_–".contains(c) => d.is_alphanumeric(),
        (Some('+' | '#' | '/'), None) => true,
        _ => false,
    }
}

/// True when the number ending at `end` runs on into a longer token:
/// "26/11/2026/A", "12.11.20.26", "26.11,50".
pub(super) fn glued_right(text: &str, end: usize) -> bool {
    match two_after(text, end) {
        (Some(c), _) if c.is_alphanumeric() => true,
        (Some(c), Some(d)) if "/.-:,_".contains(c) => d.is_alphanumeric(),
        _ => false,
    }
}

/// Small words that may join a weekday to its date ("Tuesday the 24th",
/// "Selasa tanggal 24", "Mittwoch, der 25.11.").
pub(super) const JOINERS: &[&str] = &["the", "den", "der", "le", "el", "de", "tanggal", "tgl", "op"];

/// True when only spaces, punctuation or one joining word lie between
/// `from` and `to`: "Thursday, 26/11", "Tuesday (24 Nov)".
pub(super) fn only_filler(text: &str, from: usize, to: usize) -> bool {
    let Some(gap) = text.get(from..to).filter(|g| g.len() <= 12) else {
        return false;
    };
    let word = gap.trim_matches(|c: char| c.is_whitespace() || ",.(-–:".contains(c));
    word.is_empty() || JOINERS.contains(&word.to_lowercase().as_str())
}

/// The offset `n` characters before `pos` (or the start).
pub(super) fn back(text: &str, pos: usize, n: usize) -> usize {
    let head = text.get(..pos).unwrap_or_default();
    match n.checked_sub(1) {
        Some(k) => head.char_indices().rev().nth(k).map_or(0, |(i, _)| i),
        None => pos.min(text.len()),
    }
}

/// The offset `n` characters after `pos` (or the end).
pub(super) fn ahead(text: &str, pos: usize, n: usize) -> usize {
    let tail = text.get(pos..).unwrap_or_default();
    tail.char_indices().nth(n).map_or(text.len(), |(i, _)| pos + i)
}

/// How many characters lie between `from` and `to`.
pub(super) fn chars_between(text: &str, from: usize, to: usize) -> usize {
    text.get(from..to).map_or(0, |t| t.chars().count())
}

/// The stretches within `reach` (characters before, after) of the given
/// spans, merged, each widened to whole words so that a word boundary at
/// its edge reads as in the whole text. Searching only these keeps large
/// Unicode regexes cheap on long mail.
pub(super) fn windows(
    text: &str,
    spans: impl IntoIterator<Item = (usize, usize)>,
    (before, after): (usize, usize),
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (start, end) in spans {
        let from = word_start(text, back(text, start, before));
        let to = word_end(text, ahead(text, end, after));
        match out.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => out.push((from, to)),
        }
    }
    out
}

fn word_start(text: &str, pos: usize) -> usize {
    let head = text.get(..pos).unwrap_or_default();
    head.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8())
}

fn word_end(text: &str, pos: usize) -> usize {
    let tail = text.get(pos..).unwrap_or_default();
    tail.find(char::is_whitespace).map_or(text.len(), |i| pos + i)
}

/// Runs of digits (ASCII or Devanagari), as spans, in text order.
pub(super) fn digit_runs(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, c) in text.char_indices().filter(|&(_, c)| is_digit(c)) {
        let end = i + c.len_utf8();
        match out.last_mut() {
            Some(last) if last.1 == i => last.1 = end,
            _ => out.push((i, end)),
        }
    }
    out
}
