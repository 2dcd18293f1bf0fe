//! The order book of SPEC §3: orders as the shop knows them.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One order exactly in the SPEC §3 shape, so an order book round-trips.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    pub id: String,
    pub brand: String,
    pub customer: Customer,
    pub shipping_address: ShippingAddress,
    pub status: OrderStatus,
    pub placed_at: DateTime<Utc>,
    pub expected_delivery: Option<NaiveDate>,
    pub carrier: Option<String>,
    pub tracking_number: Option<String>,
    pub supplier_po: Option<String>,
    pub lines: Vec<OrderLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    /// BCP 47 tag such as `en`, `en-AU`, `hi`, `de-AT`.
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingAddress {
    pub line1: String,
    pub line2: Option<String>,
    pub city: String,
    pub region: Option<String>,
    pub postcode: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub sku: String,
    pub name: String,
    pub quantity: u32,
    pub shipped_quantity: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    Placed,
    Paid,
    Processing,
    Shipped,
    OutForDelivery,
    DeliveryException,
    Delivered,
    Cancelled,
    Returned,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 9] = [
        OrderStatus::Placed,
        OrderStatus::Paid,
        OrderStatus::Processing,
        OrderStatus::Shipped,
        OrderStatus::OutForDelivery,
        OrderStatus::DeliveryException,
        OrderStatus::Delivered,
        OrderStatus::Cancelled,
        OrderStatus::Returned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Placed => "placed",
            OrderStatus::Paid => "paid",
            OrderStatus::Processing => "processing",
            OrderStatus::Shipped => "shipped",
            OrderStatus::OutForDelivery => "out_for_delivery",
            OrderStatus::DeliveryException => "delivery_exception",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::Returned => "returned",
        }
    }

    /// SPEC §2: an address may change automatically only before shipping.
    pub fn is_unshipped(self) -> bool {
        matches!(self, OrderStatus::Placed | OrderStatus::Paid | OrderStatus::Processing)
    }

    /// SPEC §2: a reschedule is refused for orders in these end states.
    pub fn is_closed_for_delivery(self) -> bool {
        matches!(self, OrderStatus::Delivered | OrderStatus::Cancelled | OrderStatus::Returned)
    }
}

/// A status change the state machine does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("an order cannot go from {from} to {to}")]
pub struct IllegalTransition {
    pub from: OrderStatus,
    pub to: OrderStatus,
}

impl OrderStatus {
    /// The legal transitions, written down once. Staying in the same status
    /// is always allowed (and changes nothing).
    pub fn can_become(self, to: OrderStatus) -> bool {
        use OrderStatus::*;
        self == to
            || matches!(
                (self, to),
                (Placed, Paid | Cancelled)
                    | (Paid, Processing | Cancelled)
                    | (Processing, Shipped | Cancelled)
                    | (Shipped, OutForDelivery | DeliveryException | Delivered | Returned)
                    | (OutForDelivery, Delivered | DeliveryException | Shipped | Returned)
                    | (DeliveryException, OutForDelivery | Shipped | Delivered | Returned)
                    | (Delivered, Returned)
            )
    }

    pub fn transition(self, to: OrderStatus) -> Result<OrderStatus, IllegalTransition> {
        if self.can_become(to) { Ok(to) } else { Err(IllegalTransition { from: self, to }) }
    }
}

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for OrderStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OrderStatus::ALL.into_iter().find(|st| st.as_str() == s).ok_or_else(|| format!("unknown order status {s:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_transitions_follow_the_life_of_a_parcel_and_end_states_are_final() {
        use OrderStatus::*;
        let legal = [
            (Placed, Paid),
            (Paid, Processing),
            (Processing, Shipped),
            (Shipped, OutForDelivery),
            (OutForDelivery, Delivered),
            (Shipped, DeliveryException),
            (DeliveryException, OutForDelivery),
            (Delivered, Returned),
            (Placed, Cancelled),
        ];
        for (a, b) in legal {
            assert!(a.transition(b).is_ok(), "{a} -> {b}");
        }
        let illegal = [
            (Delivered, Shipped),
            (Cancelled, Processing),
            (Returned, Delivered),
            (Placed, Shipped),
            (Processing, DeliveryException),
            (Shipped, Cancelled),
        ];
        for (a, b) in illegal {
            let e = a.transition(b).unwrap_err();
            assert_eq!(e.to_string(), format!("an order cannot go from {a} to {b}"));
        }
        for s in OrderStatus::ALL {
            assert!(s.can_become(s));
            if matches!(s, Cancelled | Returned) {
                assert!(OrderStatus::ALL.iter().all(|t| *t == s || !s.can_become(*t)), "{s} is final");
            }
        }
    }

    #[test]
    fn the_spec_example_order_parses_and_round_trips() {
        let json = r#"{
          "id": "SO-10231",
          "brand": "Northwind Apparel",
          "customer": {"name": "Priya Sharma", "email": "priya.sharma@example.com",
                       "phone": "+919812345678", "language": "en"},
          "shipping_address": {"line1": "14 MG Road", "line2": "Flat 3B", "city": "Bengaluru",
                               "region": "KA", "postcode": "560001", "country": "IN"},
          "status": "processing",
          "placed_at": "2026-11-10T09:12:00Z",
          "expected_delivery": "2026-11-18",
          "carrier": "Delhivery",
          "tracking_number": "DL1234567890IN",
          "supplier_po": "PO-55120",
          "lines": [{"sku": "NW-LS-M", "name": "Linen shirt (M)", "quantity": 2, "shipped_quantity": 0}]
        }"#;
        let order: Order = serde_json::from_str(json).unwrap();
        assert_eq!(order.status, OrderStatus::Processing);
        assert!(order.status.is_unshipped());
        let again: Order = serde_json::from_str(&serde_json::to_string(&order).unwrap()).unwrap();
        assert_eq!(order, again);
    }
}
