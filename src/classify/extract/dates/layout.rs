//! Layout: the label a date takes from where it stands rather than from
//! the words running before it. Notices rendered from HTML come as rows of
//! cells joined by " | " (see `parse::html`): the column header names a
//! date ("Original EDD | Revised Delivery Date" above "13-Nov-2026 |
//! 14-Nov-2026"), or the label cell before it in its row ("Estimasi awal |
//! 14 November 2026"); so does a short label before a colon, a tab or a
//! run of spaces ("New Scheduled Delivery:   Thursday, November 12, 2026"),
//! on the date's line or the line above.
//!
//! Input: text and the date spans, in text order. Output: per date, the
//! stretches of text that label it, nearest first: the lead in its cell,
//! the cell before it, its column's header. Failure: none; a date in
//! running text has no label.

use super::words::{chars_between, is_digit};

/// A label is short: a longer lead is a sentence, read by the cues.
const MAX_LABEL: usize = 60;

/// One line of text, split into cells when it is a table row.
struct Row {
    start: usize,
    /// Cell spans, trimmed; one cell when the line holds no " | ".
    cells: Vec<(usize, usize)>,
}

impl Row {
    fn at(text: &str, pos: usize) -> Row {
        let start = text.get(..pos).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
        let end = text.get(pos..).and_then(|t| t.find('\n')).map_or(text.len(), |i| pos + i);
        let line = text.get(start..end).unwrap_or_default();
        let mut cells = Vec::new();
        if line.contains(" | ") {
            let mut from = start;
            for (i, _) in line.match_indices('|') {
                cells.push(trimmed(text, from, start + i));
                from = start + i + 1;
            }
            cells.push(trimmed(text, from, end));
        } else {
            cells.push(trimmed(text, start, end));
        }
        Row { start, cells }
    }

    fn is_table(&self) -> bool {
        self.cells.len() > 1
    }

    /// The index of the cell holding `pos`.
    fn cell_of(&self, pos: usize) -> Option<usize> {
        self.cells.iter().rposition(|c| c.0 <= pos)
    }

    /// The row on the line above, unless that line is blank or the first.
    fn above(&self, text: &str) -> Option<Row> {
        let prev_end = self.start.checked_sub(1)?;
        let row = Row::at(text, prev_end);
        row.cells.iter().any(|c| c.1 > c.0).then_some(row)
    }
}

/// The span without surrounding spaces and quote marks ("> ").
fn trimmed(text: &str, from: usize, to: usize) -> (usize, usize) {
    let cell = text.get(from..to).unwrap_or_default();
    let lead = cell.len() - cell.trim_start_matches(|c: char| c.is_whitespace() || c == '>').len();
    let tail = cell.len() - cell.trim_end().len();
    (from + lead, (to - tail).max(from + lead))
}

/// For each date span, the labels that name it, nearest first. A label
/// holds no date itself and no more than a few words.
pub(super) fn labels(text: &str, spans: &[(usize, usize)]) -> Vec<Vec<(usize, usize)>> {
    let holds_date = |(from, to): (usize, usize)| spans.iter().any(|&(s, e)| s < to && from < e);
    let fits = |label: (usize, usize)| {
        label.1 > label.0 && chars_between(text, label.0, label.1) <= MAX_LABEL && !holds_date(label)
    };
    spans
        .iter()
        .map(|&(start, _)| {
            let row = Row::at(text, start);
            let mut out = Vec::new();
            let Some(i) = row.cell_of(start) else {
                return out;
            };
            let cell = row.cells.get(i).copied().unwrap_or((start, start));
            out.extend(lead(text, cell.0, start).or_else(|| line_above(text, &row, cell.0, start)));
            if i > 0 {
                out.extend(row.cells.get(i - 1).copied().filter(|c| !has_digit(text, *c)));
            }
            out.extend(header(text, &row, i).filter(|c| !has_digit(text, *c)));
            out.retain(|&l| fits(l));
            out
        })
        .collect()
}

/// "New Scheduled Delivery:   12 Nov", "Original EDD\t13-Nov-2026": the
/// words before the date in its cell, when a colon, a tab or a run of
/// spaces sets them off.
fn lead(text: &str, from: usize, start: usize) -> Option<(usize, usize)> {
    let before = text.get(from..start)?;
    let label = before.trim_end();
    let gap = &before[label.len()..];
    let set_off = label.ends_with(':') || gap.contains('\t') || gap.chars().count() >= 2;
    (set_off && !label.is_empty()).then(|| (from, from + label.trim_end_matches(':').trim_end().len()))
}

/// "Revised delivery date:" alone on the line above a date that starts
/// its own line.
fn line_above(text: &str, row: &Row, from: usize, start: usize) -> Option<(usize, usize)> {
    if from != start || row.is_table() {
        return None;
    }
    let above = row.above(text)?;
    let (s, e) = *above.cells.first().filter(|_| !above.is_table())?;
    let label = text.get(s..e)?;
    label.ends_with(':').then(|| (s, s + label.trim_end_matches(':').trim_end().len()))
}

/// The header of column `i`: the top row of the table the row belongs to,
/// when every row down to it has as many cells and it holds no number.
fn header(text: &str, row: &Row, i: usize) -> Option<(usize, usize)> {
    if !row.is_table() {
        return None;
    }
    let mut top: Option<Row> = None;
    let mut at = row.above(text);
    while let Some(r) = at.filter(|r| r.cells.len() == row.cells.len()) {
        at = r.above(text);
        top = Some(r);
    }
    let top = top?;
    if top.cells.iter().any(|c| has_digit(text, *c)) {
        return None;
    }
    top.cells.get(i).copied()
}

fn has_digit(text: &str, (from, to): (usize, usize)) -> bool {
    text.get(from..to).is_some_and(|t| t.chars().any(is_digit))
}
