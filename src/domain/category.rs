//! The fifteen categories of SPEC §1 and who usually sends each.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// One label from SPEC §1. The set is closed: anything else (from a rules
/// file, a fixture or a language model) is refused when parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    CarrierAddressIssue,
    CarrierDeliveryFailed,
    CarrierDelay,
    CarrierDamagedOrLost,
    CarrierReturnedToSender,
    CarrierCustomsHold,
    SupplierPartialShipment,
    SupplierDelay,
    SupplierOutOfStock,
    CustomerAddressChange,
    CustomerReschedule,
    CustomerWismo,
    CustomerCancelOrReturn,
    CustomerComplaint,
    Other,
}

/// Who usually writes mail of a category; decides which sender check applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Carrier,
    Supplier,
    Customer,
    Anyone,
}

impl Category {
    /// All categories in SPEC order (the order reports use).
    pub const ALL: [Category; 15] = [
        Category::CarrierAddressIssue,
        Category::CarrierDeliveryFailed,
        Category::CarrierDelay,
        Category::CarrierDamagedOrLost,
        Category::CarrierReturnedToSender,
        Category::CarrierCustomsHold,
        Category::SupplierPartialShipment,
        Category::SupplierDelay,
        Category::SupplierOutOfStock,
        Category::CustomerAddressChange,
        Category::CustomerReschedule,
        Category::CustomerWismo,
        Category::CustomerCancelOrReturn,
        Category::CustomerComplaint,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::CarrierAddressIssue => "carrier_address_issue",
            Category::CarrierDeliveryFailed => "carrier_delivery_failed",
            Category::CarrierDelay => "carrier_delay",
            Category::CarrierDamagedOrLost => "carrier_damaged_or_lost",
            Category::CarrierReturnedToSender => "carrier_returned_to_sender",
            Category::CarrierCustomsHold => "carrier_customs_hold",
            Category::SupplierPartialShipment => "supplier_partial_shipment",
            Category::SupplierDelay => "supplier_delay",
            Category::SupplierOutOfStock => "supplier_out_of_stock",
            Category::CustomerAddressChange => "customer_address_change",
            Category::CustomerReschedule => "customer_reschedule",
            Category::CustomerWismo => "customer_wismo",
            Category::CustomerCancelOrReturn => "customer_cancel_or_return",
            Category::CustomerComplaint => "customer_complaint",
            Category::Other => "other",
        }
    }

    pub fn party(self) -> Party {
        use Category::*;
        match self {
            CarrierAddressIssue
            | CarrierDeliveryFailed
            | CarrierDelay
            | CarrierDamagedOrLost
            | CarrierReturnedToSender
            | CarrierCustomsHold => Party::Carrier,
            SupplierPartialShipment | SupplierDelay | SupplierOutOfStock => Party::Supplier,
            CustomerAddressChange | CustomerReschedule | CustomerWismo | CustomerCancelOrReturn | CustomerComplaint => {
                Party::Customer
            }
            Other => Party::Anyone,
        }
    }

    /// Index in [`Category::ALL`], for confusion matrices and score arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown category {0:?} (expected one of the fifteen labels of SPEC §1)")]
pub struct UnknownCategory(pub String);

impl FromStr for Category {
    type Err = UnknownCategory;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL.into_iter().find(|c| c.as_str() == s).ok_or_else(|| UnknownCategory(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_round_trips_through_its_name() {
        for (i, c) in Category::ALL.into_iter().enumerate() {
            assert_eq!(c.as_str().parse::<Category>(), Ok(c));
            assert_eq!(c.index(), i);
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
        }
    }

    #[test]
    fn an_unknown_label_is_refused() {
        assert!("carrier_lost".parse::<Category>().is_err());
    }
}
