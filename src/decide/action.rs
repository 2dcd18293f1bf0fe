//! The automatic actions of SPEC §2, as values the act stage carries out.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::classify::extract::PostalAddress;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum Action {
    /// carrier_address_issue: hold the shipment, ask the customer to confirm.
    AddressHold,
    /// carrier_delivery_failed: delivery exception, tell the customer how to
    /// re-arrange or collect.
    DeliveryException,
    /// carrier_delay: new expected date, proactive notice.
    CarrierDelay { new_date: NaiveDate },
    /// supplier_partial_shipment: quantities per line, date for the rest.
    PartialShipment { lines: Vec<LineUpdate>, rest_date: NaiveDate },
    /// supplier_delay: new expected date, customer told.
    SupplierDelay { new_date: NaiveDate },
    /// customer_address_change (verified, unshipped, complete address).
    AddressChange { address: PostalAddress },
    /// customer_reschedule (verified, in range).
    Reschedule { date: NaiveDate },
    /// customer_wismo (verified): status, carrier, tracking, expected date.
    WismoReply,
}

/// One order line's new quantities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineUpdate {
    pub sku: String,
    pub shipped: u32,
    pub backordered: u32,
}

impl Action {
    /// What will happen, in words, for the decision's reason.
    pub fn describe(&self, order: &str) -> String {
        match self {
            Action::AddressHold => {
                format!("put {order} on address hold and ask the customer to confirm the address")
            }
            Action::DeliveryException => {
                format!("mark {order} as a delivery exception and tell the customer how to re-arrange or collect")
            }
            Action::CarrierDelay { new_date } => {
                format!("set {order}'s expected delivery to {new_date} and tell the customer")
            }
            Action::PartialShipment { lines, rest_date } => {
                let l: Vec<String> = lines
                    .iter()
                    .map(|l| format!("{} {} shipped/{} backordered", l.sku, l.shipped, l.backordered))
                    .collect();
                format!(
                    "record partial shipment of {order} ({}), rest expected {rest_date}, tell the customer",
                    l.join(", ")
                )
            }
            Action::SupplierDelay { new_date } => {
                format!("set {order}'s expected date to {new_date} after the supplier delay and tell the customer")
            }
            Action::AddressChange { address } => {
                let a = [
                    Some(address.line1.as_str()),
                    address.city.as_deref(),
                    address.postcode.as_deref(),
                    address.country.as_deref(),
                ];
                format!(
                    "change {order}'s delivery address to {}",
                    a.into_iter().flatten().collect::<Vec<_>>().join(", ")
                )
            }
            Action::Reschedule { date } => format!("reschedule {order}'s delivery to {date}"),
            Action::WismoReply => {
                format!("reply with {order}'s status, carrier, tracking and expected date")
            }
        }
    }
}
