//! Per-line shipped and backordered quantities from prose or tables.
//!
//! Input: the newest text of a supplier's email. Output: one
//! [`LineQuantity`] per item, in text order, with the ordered, shipped and
//! backordered quantities the text states; the third is derived when two
//! are given and agree (backordered = ordered - shipped). Failure: an empty
//! list when the text does not state shipped or backordered quantities
//! ("I ordered 2 shirts", "2 of 3 emails sent"); a number is never guessed.
//!
//! Flow: `table` reads text tables ("SKU | Ordered | Shipped | Backordered",
//! headers in seven languages), `prose` reads sentences ("3 of 5 shipped, 2
//! to follow"); both record into a [`Book`] keyed by item. A name in prose
//! that fits one table row's name ("2 rugs" for "HP-RUG-M Jute rug") is that
//! row; an unnamed count that only totals the named lines is dropped.

mod keywords;
mod numbers;
mod prose;
mod sku;
mod table;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineQuantity {
    /// The line as the email names it: a SKU when one is given, else the
    /// item's name as written.
    pub item: String,
    pub ordered: Option<u32>,
    pub shipped: Option<u32>,
    pub backordered: Option<u32>,
}

/// What a quantity is to its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Ordered,
    Shipped,
    Backordered,
}

/// The quantities recorded per item while reading, in first-seen order.
#[derive(Debug, Default)]
struct Book {
    lines: Vec<LineQuantity>,
    /// A table row's SKU and the name written beside it.
    names: Vec<(String, String)>,
}

impl Book {
    /// Remember that the row of `item` (a SKU) calls it `name`.
    fn name(&mut self, item: &str, name: &str) {
        if !name.trim().is_empty() && item_key(item) != item_key(name) {
            self.names.push((item.to_string(), name.trim().to_string()));
        }
    }

    /// The line a name written in prose means: "2 rugs" is the row of
    /// "HP-RUG-M Jute rug (medium)" when no other row fits the name.
    fn resolve(&self, item: &str) -> String {
        let key = item_key(item);
        if key.is_empty() || self.lines.iter().any(|l| item_key(&l.item) == key) {
            return item.to_string();
        }
        let mut hits: Vec<&str> =
            self.names.iter().filter(|(_, name)| same_item(item, name)).map(|(sku, _)| sku.as_str()).collect();
        hits.sort_unstable();
        hits.dedup();
        match hits.as_slice() {
            [one] => (*one).to_string(),
            _ => item.to_string(),
        }
    }

    /// Record `n` as the `role` quantity of `item`. The first value stated
    /// for a role stands; a later repetition or summary does not replace it.
    fn record(&mut self, item: &str, role: Role, n: u32) {
        let item = &self.resolve(item);
        let key = item_key(item);
        let at = match self.lines.iter().position(|l| item_key(&l.item) == key) {
            Some(i) => i,
            None => {
                self.lines.push(LineQuantity {
                    item: item.to_string(),
                    ordered: None,
                    shipped: None,
                    backordered: None,
                });
                // Just pushed, so the list is not empty.
                self.lines.len() - 1
            }
        };
        let Some(line) = self.lines.get_mut(at) else { return };
        let slot = match role {
            Role::Ordered => &mut line.ordered,
            Role::Shipped => &mut line.shipped,
            Role::Backordered => &mut line.backordered,
        };
        slot.get_or_insert(n);
    }

    /// The lines that state a shipped or backordered quantity, completed.
    fn finish(mut self) -> Vec<LineQuantity> {
        self.drop_summary();
        // "We shipped 3 of 5. NW-LS-M: 2 to follow": beside one named line,
        // the unnamed quantities are that line's.
        let named = self.lines.iter().filter(|l| !l.item.is_empty()).count();
        if let (1, Some(at)) = (named, self.lines.iter().position(|l| l.item.is_empty())) {
            let unnamed = self.lines.remove(at);
            if let Some(line) = self.lines.first_mut() {
                line.ordered = line.ordered.or(unnamed.ordered);
                line.shipped = line.shipped.or(unnamed.shipped);
                line.backordered = line.backordered.or(unnamed.backordered);
            }
        }
        self.lines.into_iter().map(derive).filter(|l| l.shipped.is_some() || l.backordered.is_some()).collect()
    }
}

impl Book {
    /// "The remaining 3 units follow on Friday" below lines that name their
    /// items: an unnamed count that only totals theirs adds nothing, so it
    /// goes; one that does not add up stays, unnamed, for the policy to see.
    fn drop_summary(&mut self) {
        let named: Vec<&LineQuantity> = self.lines.iter().filter(|l| !l.item.is_empty()).collect();
        if named.len() < 2 {
            return;
        }
        let total = |f: fn(&LineQuantity) -> Option<u32>| named.iter().filter_map(|l| f(l)).sum::<u32>();
        let sums = (total(|l| l.ordered), total(|l| l.shipped), total(|l| l.backordered));
        let totals_only = |l: &LineQuantity| {
            l.item.is_empty()
                && l.ordered.is_none_or(|n| n == sums.0)
                && l.shipped.is_none_or(|n| n == sums.1)
                && l.backordered.is_none_or(|n| n == sums.2)
        };
        self.lines.retain(|l| !totals_only(l));
    }
}

/// Whether a name written in prose is the name in a table row: every word
/// of it (singular, connectors aside) is a word of the row's name.
fn same_item(prose: &str, row: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let w = w.to_lowercase();
                match w.strip_suffix('s') {
                    Some(stem) if stem.chars().count() >= 3 => stem.to_string(),
                    _ => w,
                }
            })
            .collect()
    };
    let row = words(row);
    let prose: Vec<String> = words(prose).into_iter().filter(|w| !keywords::listed(CONNECTORS, w)).collect();
    !prose.is_empty() && prose.iter().any(|w| w.chars().count() >= 3) && prose.iter().all(|w| row.contains(w))
}

/// Small words inside item names: "Tijeras de podar", "set of 3".
const CONNECTORS: &str = "de del la el of the van von der die das du des d dari a à";

/// Items are the same when they match case-insensitively ("nw-ls-m").
fn item_key(item: &str) -> String {
    item.trim().to_lowercase()
}

/// Fill in the third quantity when the other two are given and agree.
fn derive(mut l: LineQuantity) -> LineQuantity {
    match (l.ordered, l.shipped, l.backordered) {
        (Some(o), Some(s), None) if s <= o => l.backordered = Some(o - s),
        (Some(o), None, Some(b)) if b <= o => l.shipped = Some(o - b),
        (None, Some(s), Some(b)) => l.ordered = s.checked_add(b),
        _ => {}
    }
    l
}

/// Every line the text gives shipped or backordered quantities for.
pub fn find_line_quantities(text: &str) -> Vec<LineQuantity> {
    let mut book = Book::default();
    let tables = table::read_tables(text, &mut book);
    // Prose counts in a shipment report, or where SKUs name the lines;
    // "2 of 3 emails sent" is neither.
    if keywords::mentions_shipment(text) || !sku::find_skus(text).is_empty() {
        prose::read_prose(text, &tables, &mut book);
    }
    book.finish()
}
