//! `mailroom shadow-report`: how shadow decisions compare with what people
//! later did to the same orders (changes made by hand, or arriving with the
//! next order-book import from the shop).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::decide::Action;
use crate::store::{ActionRow, StoredEvent};

/// How one shadow action compares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Verdict {
    /// People made the same change mailroom would have made.
    Agreed,
    /// People changed the same thing differently.
    Differed { human: String, mailroom: String },
    /// People changed nothing mailroom would have changed (yet).
    NoHumanChange,
    /// This action leaves no trace a person's work can be compared with
    /// (a WISMO answer, an address hold).
    NotComparable,
}

/// The field and value an action would set, as order events record them.
fn target(action: &Action) -> Option<(&'static str, String)> {
    match action {
        Action::CarrierDelay { new_date } | Action::SupplierDelay { new_date } => {
            Some(("expected_delivery", new_date.to_string()))
        }
        Action::PartialShipment { rest_date, .. } => Some(("expected_delivery", rest_date.to_string())),
        Action::DeliveryException => Some(("status", "delivery_exception".into())),
        Action::AddressChange { address } => Some(("shipping_address", address.postcode.clone().unwrap_or_default())),
        Action::Reschedule { date } => Some(("requested_delivery", date.to_string())),
        Action::AddressHold | Action::WismoReply => None,
    }
}

/// Compare one shadow action with the order's later events by people.
pub fn verdict(a: &ActionRow, events: &[StoredEvent]) -> Verdict {
    let Some((field, value)) = serde_json::from_str::<Action>(&a.action).ok().as_ref().and_then(target) else {
        return Verdict::NotComparable;
    };
    let human =
        events.iter().rev().find(|e| e.event.actor != "mailroom" && e.event.kind == field && e.at >= a.created_at);
    match human.and_then(|e| e.event.new_value.clone()) {
        None => Verdict::NoHumanChange,
        // Addresses compare by postcode: formatting differs, the place does not.
        Some(v) if v == value || (field == "shipping_address" && v.contains(&format!("\"postcode\":\"{value}\""))) => {
            Verdict::Agreed
        }
        Some(v) => Verdict::Differed { human: v, mailroom: value },
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Tally {
    pub shadow: usize,
    pub agreed: usize,
    pub differed: usize,
    pub no_human_change: usize,
    pub not_comparable: usize,
}

/// Counts per category.
pub fn tally(rows: &[(ActionRow, Verdict)]) -> BTreeMap<String, Tally> {
    let mut out: BTreeMap<String, Tally> = BTreeMap::new();
    for (a, v) in rows {
        let t = out.entry(a.category.clone()).or_default();
        t.shadow += 1;
        match v {
            Verdict::Agreed => t.agreed += 1,
            Verdict::Differed { .. } => t.differed += 1,
            Verdict::NoHumanChange => t.no_human_change += 1,
            Verdict::NotComparable => t.not_comparable += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::OrderEvent;

    fn action(a: &Action) -> ActionRow {
        ActionRow {
            id: 1,
            message: 1,
            order_id: "SO-1".into(),
            category: "carrier_delay".into(),
            action: serde_json::to_string(a).unwrap(),
            state: "shadow".into(),
            created_at: "2026-11-20T10:00:00Z".into(),
        }
    }

    fn event(at: &str, actor: &str, kind: &str, new: &str) -> StoredEvent {
        StoredEvent {
            id: 1,
            at: at.into(),
            event: OrderEvent {
                order_id: "SO-1".into(),
                kind: kind.into(),
                old_value: None,
                new_value: Some(new.into()),
                reason: String::new(),
                message: None,
                actor: actor.into(),
                automatic: false,
            },
        }
    }

    #[test]
    fn a_later_human_change_to_the_same_value_agrees_and_a_different_one_differs() {
        let a = action(&Action::CarrierDelay { new_date: "2026-11-24".parse().unwrap() });
        assert_eq!(
            verdict(&a, &[event("2026-11-21T08:00:00Z", "import", "expected_delivery", "2026-11-24")]),
            Verdict::Agreed
        );
        assert!(matches!(
            verdict(&a, &[event("2026-11-21T08:00:00Z", "asha", "expected_delivery", "2026-11-25")]),
            Verdict::Differed { .. }
        ));
        // Earlier changes and mailroom's own do not count.
        assert_eq!(
            verdict(&a, &[event("2026-11-19T08:00:00Z", "import", "expected_delivery", "2026-11-24")]),
            Verdict::NoHumanChange
        );
        assert_eq!(
            verdict(&a, &[event("2026-11-21T08:00:00Z", "mailroom", "expected_delivery", "2026-11-24")]),
            Verdict::NoHumanChange
        );
        assert_eq!(verdict(&action(&Action::WismoReply), &[]), Verdict::NotComparable);
        let t = tally(&[(a.clone(), Verdict::Agreed), (a, Verdict::NoHumanChange)]);
        assert_eq!((t["carrier_delay"].shadow, t["carrier_delay"].agreed), (2, 1));
    }
}
