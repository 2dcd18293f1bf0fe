//! Per-line shipped and backordered quantities from prose or tables.

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

pub fn find_line_quantities(_text: &str) -> Vec<LineQuantity> {
    Vec::new()
}
