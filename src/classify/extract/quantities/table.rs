//! Quantities in text tables: cells split by `|`, tabs or wide spaces, as
//! HTML tables are rendered ("SKU | Description | Ordered | Shipped |
//! Backordered"), with headers in our seven languages.
//!
//! Input: the whole text. Output: quantities recorded in the [`Book`] per
//! row, and the indices of the lines the tables took (prose reading skips
//! them). Failure: no header row, no table.

use super::keywords::{Column, compile, header_column, status_role};
use super::sku::find_skus;
use super::{Book, Role};
use regex::Regex;
use std::sync::LazyLock;

static WIDE_SPACE: LazyLock<Regex> = LazyLock::new(|| compile(r"\s{2,}"));
static QTY_CELL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^\s*(\d{1,5})(?:\s*(?:pcs?|units?|stk|stück|uds?|x|ea|buah|stuks|pz|nos)\.?)?\s*$"));

/// Rows named like totals are sums, not lines.
const TOTALS: &[&str] = &["total", "totals", "gesamt", "summe", "totaal", "subtotal", "grand total", "कुल"];

pub(super) fn read_tables(text: &str, book: &mut Book) -> Vec<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let mut taken = Vec::new();
    let mut i = 0usize;
    while i < lines.len() {
        let header =
            lines.get(i).and_then(|l| cells(l)).map(|c| c.iter().map(|h| header_column(h)).collect::<Vec<_>>());
        let Some(header) = header.filter(|h| is_header(h)) else {
            i += 1;
            continue;
        };
        taken.push(i);
        i += 1;
        while let Some(line) = lines.get(i) {
            if is_rule(line) {
                taken.push(i);
            } else if let Some(row) = cells(line) {
                read_row(&header, &row, book);
                taken.push(i);
            } else {
                break;
            }
            i += 1;
        }
    }
    taken
}

/// The cells of a table line, or `None` for a line that is not one.
fn cells(line: &str) -> Option<Vec<&str>> {
    let mut cells: Vec<&str> = if line.contains('|') {
        line.split('|').map(str::trim).collect()
    } else if line.contains('\t') {
        line.split('\t').map(str::trim).collect()
    } else {
        let wide: Vec<&str> = WIDE_SPACE.split(line.trim()).collect();
        if wide.len() < 3 {
            return None;
        }
        wide
    };
    // Border bars leave an empty cell at either end.
    if cells.first().is_some_and(|c| c.is_empty()) {
        cells.remove(0);
    }
    if cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    (cells.len() >= 2).then_some(cells)
}

/// "---|---", "+----+", "====": a rule between header and rows.
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.chars().all(|c| matches!(c, '-' | '|' | '+' | '=' | ':' | ' ' | '\t')) && t.contains(['-', '='])
}

/// A header names at least two quantity columns, or a quantity and a status.
fn is_header(cols: &[Column]) -> bool {
    let qty = cols.iter().filter(|c| matches!(c, Column::Quantity(_) | Column::Qty)).count();
    let status = cols.contains(&Column::Status);
    let shipment = cols.iter().any(|c| matches!(c, Column::Quantity(Role::Shipped | Role::Backordered)));
    (qty >= 2 && shipment) || (qty >= 1 && status)
}

fn read_row(header: &[Column], row: &[&str], book: &mut Book) {
    let Some(item) = row_item(header, row) else { return };
    if TOTALS.contains(&item.to_lowercase().as_str()) {
        return;
    }
    let has_split = header.iter().any(|c| matches!(c, Column::Quantity(Role::Shipped | Role::Backordered)));
    let status = header.iter().position(|c| *c == Column::Status).and_then(|i| row.get(i)).and_then(|s| status_role(s));
    for (col, cell) in header.iter().zip(row) {
        let role = match col {
            Column::Quantity(role) => Some(*role),
            Column::Qty if has_split => Some(Role::Ordered),
            Column::Qty => status,
            _ => None,
        };
        let value = QTY_CELL.captures(cell).and_then(|c| c.get(1)).and_then(|m| m.as_str().parse().ok());
        if let (Some(role), Some(n)) = (role, value) {
            book.record(&item, role, n);
        }
    }
}

/// The row's item: a SKU in the item or description column, else the item
/// column's text, else the description.
fn row_item(header: &[Column], row: &[&str]) -> Option<String> {
    let cell = |want: Column| {
        header.iter().position(|c| *c == want).and_then(|i| row.get(i)).map(|c| c.trim()).filter(|c| !c.is_empty())
    };
    let (item, description) = (cell(Column::Item), cell(Column::Description));
    let sku = [item, description].into_iter().flatten().find_map(|c| find_skus(c).into_iter().next());
    match sku {
        Some(sku) => Some(sku.code),
        None => item.or(description).map(str::to_string),
    }
}
