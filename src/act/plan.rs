//! Planning an action: a pure function from the order as it is now and the
//! policy's action to the changes, events and notices it implies.
//!
//! Nothing here writes. A plan that changes nothing (the order already says
//! what the mail says) has no events and no notices: that is how a second
//! carrier mail about the same delay changes nothing twice and notifies
//! once.

use chrono::NaiveDate;

use crate::classify::extract::PostalAddress;
use crate::decide::{Action, LineUpdate};
use crate::domain::{IllegalTransition, OrderStatus, ShippingAddress};
use crate::notify::templates::Kind;
use crate::store::OrderRecord;

/// One field change, for an order event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A notice to the customer, with what makes it unique.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedNotice {
    pub kind: Kind,
    /// The facts it reports, in its dedupe key: the same facts, one notice.
    pub facts: String,
    pub new_date: Option<NaiveDate>,
    pub old_date: Option<NaiveDate>,
    pub rest_date: Option<NaiveDate>,
    pub old_address: Option<ShippingAddress>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The order after the action.
    pub after: OrderRecord,
    pub changes: Vec<Change>,
    pub notice: Option<PlannedNotice>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error(transparent)]
    Illegal(#[from] IllegalTransition),
    #[error("order {0} has shipped meanwhile (status {1}); the address can no longer change automatically")]
    Shipped(String, OrderStatus),
    #[error("line {0} is not on order {1}")]
    UnknownLine(String, String),
}

fn notice(kind: Kind, facts: String) -> PlannedNotice {
    PlannedNotice { kind, facts, new_date: None, old_date: None, rest_date: None, old_address: None }
}

fn show(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn shipping(a: &PostalAddress, old: &ShippingAddress) -> ShippingAddress {
    ShippingAddress {
        line1: a.line1.clone(),
        line2: a.line2.clone(),
        city: a.city.clone().unwrap_or_default(),
        region: a.region.clone(),
        postcode: a.postcode.clone().unwrap_or_default(),
        country: a.country.clone().unwrap_or_else(|| old.country.clone()),
    }
}

pub fn plan(before: &OrderRecord, action: &Action) -> Result<Plan, Refusal> {
    let mut after = before.clone();
    let mut changes = Vec::new();
    let o = &mut after.order;
    let id = o.id.clone();
    let notice = match action {
        Action::AddressHold => {
            if after.hold.as_deref() != Some("address") {
                changes.push(Change { kind: "hold", old: after.hold.clone(), new: Some("address".into()) });
                after.hold = Some("address".into());
            }
            Some(notice(Kind::AddressConfirm, "hold".into()))
        }
        Action::DeliveryException => {
            let to = o.status.transition(OrderStatus::DeliveryException)?;
            if to != o.status {
                changes.push(Change { kind: "status", old: Some(o.status.to_string()), new: Some(to.to_string()) });
                o.status = to;
            }
            Some(notice(Kind::DeliveryException, "exception".into()))
        }
        Action::CarrierDelay { new_date } | Action::SupplierDelay { new_date } => {
            let old = o.expected_delivery;
            if old != Some(*new_date) {
                changes.push(Change { kind: "expected_delivery", old: show(old), new: show(Some(*new_date)) });
                o.expected_delivery = Some(*new_date);
            }
            let kind =
                if matches!(action, Action::CarrierDelay { .. }) { Kind::DelayNotice } else { Kind::SupplierDelay };
            Some(PlannedNotice {
                new_date: Some(*new_date),
                old_date: old.filter(|d| d != new_date),
                ..notice(kind, new_date.to_string())
            })
        }
        Action::PartialShipment { lines, rest_date } => {
            partial(o, lines, &mut changes)?;
            let old = o.expected_delivery;
            if old != Some(*rest_date) {
                changes.push(Change { kind: "expected_delivery", old: show(old), new: show(Some(*rest_date)) });
                o.expected_delivery = Some(*rest_date);
            }
            let facts = lines
                .iter()
                .map(|l| format!("{}={}/{}", l.sku, l.shipped, l.backordered))
                .collect::<Vec<_>>()
                .join(",");
            Some(PlannedNotice {
                rest_date: Some(*rest_date),
                ..notice(Kind::PartialShipment, format!("{facts}@{rest_date}"))
            })
        }
        Action::AddressChange { address } => {
            if !o.status.is_unshipped() {
                return Err(Refusal::Shipped(id, o.status));
            }
            let new = shipping(address, &o.shipping_address);
            let old = o.shipping_address.clone();
            if new != old {
                let json = |a: &ShippingAddress| serde_json::to_string(a).ok();
                changes.push(Change { kind: "shipping_address", old: json(&old), new: json(&new) });
                o.shipping_address = new.clone();
            }
            Some(PlannedNotice {
                old_address: Some(old),
                ..notice(Kind::AddressChanged, format!("{}|{}", new.line1, new.postcode))
            })
        }
        Action::Reschedule { date } => {
            let requested = Some(date.to_string());
            if after.requested_delivery != requested {
                changes.push(Change {
                    kind: "requested_delivery",
                    old: after.requested_delivery.clone(),
                    new: requested.clone(),
                });
                after.requested_delivery = requested;
            }
            let old = after.order.expected_delivery;
            Some(PlannedNotice {
                new_date: Some(*date),
                old_date: old,
                ..notice(Kind::RescheduleConfirmed, date.to_string())
            })
        }
        Action::WismoReply => Some(notice(Kind::WismoReply, String::new())),
    };
    Ok(Plan { after, changes, notice })
}

/// Record the supplier's per-line figures on the order's lines.
fn partial(o: &mut crate::domain::Order, lines: &[LineUpdate], changes: &mut Vec<Change>) -> Result<(), Refusal> {
    for u in lines {
        let Some(line) = o.lines.iter_mut().find(|l| l.sku == u.sku) else {
            return Err(Refusal::UnknownLine(u.sku.clone(), o.id.clone()));
        };
        if line.shipped_quantity != u.shipped {
            changes.push(Change {
                kind: "shipped_quantity",
                old: Some(format!("{} {}", line.sku, line.shipped_quantity)),
                new: Some(format!("{} {} ({} backordered)", line.sku, u.shipped, u.backordered)),
            });
            line.shipped_quantity = u.shipped;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Order;

    fn record(status: OrderStatus) -> OrderRecord {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/orders.json");
        let orders: Vec<Order> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut order = orders.into_iter().next().unwrap();
        order.status = status;
        order.expected_delivery = "2026-11-20".parse().ok();
        OrderRecord { order, hold: None, requested_delivery: None }
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_delay_sets_the_date_once_and_the_same_delay_again_changes_nothing() {
        let a = Action::CarrierDelay { new_date: date("2026-11-24") };
        let first = plan(&record(OrderStatus::Shipped), &a).unwrap();
        assert_eq!(first.changes.len(), 1);
        assert_eq!(first.after.order.expected_delivery, Some(date("2026-11-24")));
        let n = first.notice.as_ref().unwrap();
        assert_eq!((n.kind, n.old_date, n.facts.as_str()), (Kind::DelayNotice, Some(date("2026-11-20")), "2026-11-24"));
        let again = plan(&first.after, &a).unwrap();
        assert!(again.changes.is_empty());
        assert_eq!(
            again.notice.unwrap().facts,
            n.facts,
            "same facts: the outbox dedupe key matches and nothing is sent twice"
        );
    }

    #[test]
    fn a_delivery_exception_follows_the_state_machine() {
        let p = plan(&record(OrderStatus::OutForDelivery), &Action::DeliveryException).unwrap();
        assert_eq!(p.after.order.status, OrderStatus::DeliveryException);
        let e = plan(&record(OrderStatus::Delivered), &Action::DeliveryException).unwrap_err();
        assert_eq!(e.to_string(), "an order cannot go from delivered to delivery_exception");
    }

    #[test]
    fn an_address_change_keeps_the_old_address_and_is_refused_once_shipped() {
        let a = Action::AddressChange {
            address: PostalAddress {
                line1: "22 Park Street".into(),
                line2: None,
                city: Some("Kolkata".into()),
                region: None,
                postcode: Some("700016".into()),
                country: Some("IN".into()),
            },
        };
        let before = record(OrderStatus::Processing);
        let p = plan(&before, &a).unwrap();
        assert_eq!(p.after.order.shipping_address.postcode, "700016");
        assert_eq!(p.notice.unwrap().old_address, Some(before.order.shipping_address.clone()));
        assert!(p.changes[0].old.as_deref().unwrap().contains(&before.order.shipping_address.postcode));
        assert!(matches!(plan(&record(OrderStatus::Shipped), &a), Err(Refusal::Shipped(..))));
    }

    #[test]
    fn a_partial_shipment_records_lines_and_the_date_for_the_rest() {
        let before = record(OrderStatus::Processing);
        let line = &before.order.lines[0];
        let a = Action::PartialShipment {
            lines: vec![LineUpdate { sku: line.sku.clone(), shipped: 1, backordered: line.quantity - 1 }],
            rest_date: date("2026-12-01"),
        };
        let p = plan(&before, &a).unwrap();
        assert_eq!(p.after.order.lines[0].shipped_quantity, 1);
        assert_eq!(p.after.order.expected_delivery, Some(date("2026-12-01")));
        assert_eq!(p.changes.len(), 2);
        let bad = Action::PartialShipment {
            lines: vec![LineUpdate { sku: "NOPE".into(), shipped: 1, backordered: 1 }],
            rest_date: date("2026-12-01"),
        };
        assert!(matches!(plan(&before, &bad), Err(Refusal::UnknownLine(..))));
    }

    #[test]
    fn hold_reschedule_and_wismo_change_only_what_they_name() {
        let before = record(OrderStatus::Shipped);
        let hold = plan(&before, &Action::AddressHold).unwrap();
        assert_eq!(hold.after.hold.as_deref(), Some("address"));
        assert!(plan(&hold.after, &Action::AddressHold).unwrap().changes.is_empty());
        let r = plan(&before, &Action::Reschedule { date: date("2026-11-27") }).unwrap();
        assert_eq!(r.after.requested_delivery.as_deref(), Some("2026-11-27"));
        assert_eq!(r.after.order.expected_delivery, before.order.expected_delivery);
        let w = plan(&before, &Action::WismoReply).unwrap();
        assert!(w.changes.is_empty() && w.notice.is_some());
    }
}
