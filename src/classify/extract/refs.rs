//! Order references and purchase-order numbers: generic candidates that the
//! link stage confirms against the order book.

use serde::{Deserialize, Serialize};

/// A string that may name an order: `SO-10231`, `#10231`, `Order 10231`...
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRef {
    /// As written in the email.
    pub text: String,
    /// Upper-case letters and digits only: `SO10231`.
    pub key: String,
    /// The digits only: `10231`.
    pub digits: String,
    /// True when the text carries a letter prefix (`SO-`, `ST-`).
    pub prefixed: bool,
}

/// A purchase-order number: `PO-55120`, `P.O. #55120`, `purchase order 55120`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoNumber {
    pub text: String,
    /// Upper-case letters and digits only: `PO55120`.
    pub key: String,
    pub digits: String,
}

pub fn find_order_refs(_text: &str) -> Vec<OrderRef> {
    Vec::new()
}

pub fn find_po_numbers(_text: &str) -> Vec<PoNumber> {
    Vec::new()
}
