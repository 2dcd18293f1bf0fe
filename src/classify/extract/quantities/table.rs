//! Quantities in text tables: cells split by `|`, tabs, wide spaces or CSV
//! separators, as HTML tables and ERP documents are rendered ("SKU |
//! Description | Ordered | Shipped | Backordered", "PO Qty  Disp. Qty  Bal.
//! Qty"), with headers in our seven languages. A header flattened to single
//! spaces, or a row whose cells do not line up with it, is read by the row's
//! run of counts against the header's quantity columns.
//!
//! Input: the whole text. Output: quantities recorded in the [`Book`] per
//! row, and the indices of the lines the tables took (prose reading skips
//! them). Failure: no header row, no table; a row whose counts do not fit
//! the header is not read.

use super::keywords::{Column, compile, header_column, loose_header, status_role};
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
        let Some(header) = lines.get(i).and_then(|l| header_of(l)) else {
            i += 1;
            continue;
        };
        taken.push(i);
        i += 1;
        while let Some(line) = lines.get(i) {
            if !is_rule(line) && !read_row(&header, line, book) {
                break;
            }
            taken.push(i);
            i += 1;
        }
    }
    taken
}

/// A header's columns; `loose` when its cells were split at single spaces.
struct Header {
    cols: Vec<Column>,
    loose: bool,
}

fn header_of(line: &str) -> Option<Header> {
    let split = cells(line).map(|c| c.iter().map(|h| header_column(h)).collect::<Vec<_>>());
    match split.filter(|h| is_header(h)) {
        Some(cols) => Some(Header { cols, loose: false }),
        None => loose_header(line).filter(|h| is_header(h)).map(|cols| Header { cols, loose: true }),
    }
}

/// Read one row under `header`; `false` when the line is not a row.
fn read_row(header: &Header, line: &str, book: &mut Book) -> bool {
    let row = cells(line);
    if let Some(row) = row.as_ref().filter(|r| !header.loose && r.len() == header.cols.len()) {
        read_cells(&header.cols, row, book);
        return true;
    }
    // Cells that do not line up with the header: the row's run of counts
    // is read against the header's quantity columns, in order.
    if let Some((item, name, values)) = loose_row(&header.cols, line) {
        let roles = quantity_roles(&header.cols).unwrap_or_default();
        book.name(&item, &name);
        if !TOTALS.contains(&item.to_lowercase().as_str()) {
            for (role, n) in roles.into_iter().zip(values) {
                book.record(&item, role, n);
            }
        }
        return true;
    }
    match row {
        Some(row) if !header.loose => {
            read_cells(&header.cols, &row, book);
            true
        }
        _ => false,
    }
}

/// The roles of the header's quantity columns in order; `None` when a
/// status column is needed to tell them.
fn quantity_roles(header: &[Column]) -> Option<Vec<Role>> {
    let has_split = header.iter().any(|c| matches!(c, Column::Quantity(Role::Shipped | Role::Backordered)));
    header
        .iter()
        .filter_map(|c| match c {
            Column::Quantity(role) => Some(Some(*role)),
            Column::Qty if has_split => Some(Some(Role::Ordered)),
            Column::Qty => Some(None),
            _ => None,
        })
        .collect()
}

static COUNT: LazyLock<Regex> = LazyLock::new(|| compile(r"^\d{1,5}$"));

/// A row read by its words: the one run of counts as long as the header's
/// quantity columns (after a row number, "1  NW-JK-M ..."), the item (the
/// row's SKU, else the words before the run) and the name written there.
fn loose_row(header: &[Column], line: &str) -> Option<(String, String, Vec<u32>)> {
    let n = quantity_roles(header)?.len();
    let words: Vec<&str> = match cells(line) {
        Some(cells) => cells,
        None => line.split_whitespace().collect(),
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut k = 0usize;
    while k < words.len() {
        let start = k;
        while words.get(k).is_some_and(|w| COUNT.is_match(w)) {
            k += 1;
        }
        if k > start {
            runs.push((start, k));
        }
        k += 1;
    }
    let row_number = |(s, e): &(usize, usize)| *s == 0 && e - s == 1;
    let runs: Vec<&(usize, usize)> = runs.iter().filter(|r| !row_number(r)).collect();
    let &&(start, end) = match runs.as_slice() {
        [one] if one.1 - one.0 == n => one,
        _ => return None,
    };
    let values = words.get(start..end)?.iter().map(|w| w.parse().ok()).collect::<Option<Vec<u32>>>()?;
    let skip = usize::from(words.first().is_some_and(|w| COUNT.is_match(w)) && start > 0);
    let text = words.get(skip..start)?.join(" ");
    let item = match find_skus(line).into_iter().next() {
        Some(sku) => sku.code,
        None => text.clone(),
    };
    let name = find_skus(&text).iter().fold(text.clone(), |t, s| t.replace(&s.code, "")).trim().to_string();
    (!item.is_empty()).then_some((item, name, values))
}

/// The cells of a table line, or `None` for a line that is not one.
fn cells(line: &str) -> Option<Vec<&str>> {
    let mut cells: Vec<&str> = if line.contains('|') {
        line.split('|').map(str::trim).collect()
    } else if line.contains('\t') {
        line.split('\t').map(str::trim).collect()
    } else if line.matches(';').count() >= 2 {
        line.split(';').map(|c| c.trim().trim_matches('"')).collect()
    } else if line.matches(',').count() >= 2 && !line.contains(", ") {
        // CSV as pasted: "HP-TW-SET,Cotton towel set,3,2,1".
        line.split(',').map(|c| c.trim().trim_matches('"')).collect()
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

fn read_cells(header: &[Column], row: &[&str], book: &mut Book) {
    let Some((item, name)) = row_item(header, row) else { return };
    if TOTALS.contains(&item.to_lowercase().as_str()) {
        return;
    }
    if let Some(name) = name {
        book.name(&item, name);
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

/// The row's item: a SKU in the item or description column (or any other
/// column but the counts), else the item column's text, else the description.
fn row_item<'a>(header: &[Column], row: &[&'a str]) -> Option<(String, Option<&'a str>)> {
    let cell = |want: Column| {
        header.iter().position(|c| *c == want).and_then(|i| row.get(i)).map(|c| c.trim()).filter(|c| !c.is_empty())
    };
    let (item, description) = (cell(Column::Item), cell(Column::Description));
    // The SKU may stand under a header we do not know ("Pos.", "Réf. fourn.").
    let others =
        header.iter().zip(row).filter(|(c, _)| !matches!(c, Column::Quantity(_) | Column::Qty)).map(|(_, r)| *r);
    let sku = [item, description].into_iter().flatten().chain(others).find_map(|c| find_skus(c).into_iter().next());
    // The row's name: the description, else an item cell without the SKU
    // ("SKU | Item | Ordered ...").
    let named = header
        .iter()
        .zip(row)
        .filter(|(c, r)| matches!(c, Column::Item) && !r.trim().is_empty() && find_skus(r).is_empty())
        .map(|(_, r)| r.trim());
    let name = description.into_iter().chain(named).next();
    match sku {
        Some(sku) => Some((sku.code, name)),
        None => item.or(description).map(|i| (i.to_string(), None)),
    }
}
