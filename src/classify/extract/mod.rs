//! Fact extraction: pure functions from text to the facts an action needs.
//!
//! Input: the email's subject and newest text (never the quoted history or
//! hidden HTML text). Output: [`Facts`], candidates only. Order references
//! are confirmed against the order book by the link stage; which date or
//! address an action may use is decided by the policy.

pub mod address;
pub mod dates;
pub mod quantities;
pub mod refs;
pub mod tracking;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

pub use address::PostalAddress;
pub use dates::{DateRole, FoundDate};
pub use quantities::LineQuantity;
pub use refs::{OrderRef, PoNumber};
pub use tracking::{Carrier, TrackingNumber};

/// Everything extracted from one email.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub order_refs: Vec<OrderRef>,
    pub po_numbers: Vec<PoNumber>,
    pub tracking_numbers: Vec<TrackingNumber>,
    pub dates: Vec<FoundDate>,
    /// The one date the email gives as new (delivery, ready or requested),
    /// `None` when absent or ambiguous.
    pub new_date: Option<NaiveDate>,
    /// A new delivery address the email gives, complete or not.
    pub new_address: Option<PostalAddress>,
    pub quantities: Vec<LineQuantity>,
}

/// Extract every fact from the subject and the newest text.
/// `sent` is the email's Date header; relative dates resolve against it.
pub fn extract(subject: &str, text: &str, sent: Option<DateTime<FixedOffset>>) -> Facts {
    let both = format!("{subject}\n{text}");
    let dates = sent
        .map(|s| dates::find_dates(&both, s))
        .unwrap_or_default();
    let new_date = sent.and_then(|s| dates::pick_new_date(&dates, s));
    Facts {
        order_refs: refs::find_order_refs(&both),
        po_numbers: refs::find_po_numbers(&both),
        tracking_numbers: tracking::find_tracking_numbers(&both),
        new_date,
        dates,
        new_address: address::find_new_address(text),
        quantities: quantities::find_line_quantities(text),
    }
}
