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
    let (dates, new_date) = sent.map(|s| new_date(subject, text, s)).unwrap_or_default();
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

/// Dates of the body, and the new one among them. The subject counts only
/// when the body names no new date: a reply's subject often still carries
/// the date the body now corrects.
fn new_date(subject: &str, text: &str, sent: DateTime<FixedOffset>) -> (Vec<FoundDate>, Option<NaiveDate>) {
    let body = dates::find_dates(text, sent);
    if let Some(d) = dates::pick_new_date(&body, sent) {
        return (body, Some(d));
    }
    let mut in_subject = dates::find_dates(subject, sent);
    let picked = dates::pick_new_date(&in_subject, sent).filter(|_| body.iter().all(|d| d.role != DateRole::New));
    in_subject.extend(body);
    (in_subject, picked)
}
