//! Tests for `find_line_quantities`: prose in each language, tables, and
//! the texts that must give nothing.

use super::*;

mod negatives;
mod prose;
mod realistic;
mod tables;

/// A line with its item and three quantities.
fn line(item: &str, ordered: Option<u32>, shipped: Option<u32>, backordered: Option<u32>) -> LineQuantity {
    LineQuantity { item: item.to_string(), ordered, shipped, backordered }
}

/// The 5 ordered / 3 shipped / 2 backordered line most tests use.
fn five_three_two(item: &str) -> LineQuantity {
    line(item, Some(5), Some(3), Some(2))
}
