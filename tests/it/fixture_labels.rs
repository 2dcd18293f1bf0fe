//! The labels in fixtures/ must follow SPEC §2 themselves: a wrong label
//! teaches the rules the wrong thing and hides unsafe automations.

use std::collections::HashMap;
use std::path::Path;

use mailroom::domain::{Category, DecisionKind, Party};
use mailroom::eval::fixtures;
use mailroom::parse::parse;

fn always_escalates(c: Category) -> bool {
    use Category::*;
    matches!(
        c,
        CarrierDamagedOrLost
            | CarrierReturnedToSender
            | CarrierCustomsHold
            | SupplierOutOfStock
            | CustomerCancelOrReturn
            | CustomerComplaint
    )
}

#[test]
fn every_fixture_label_is_consistent_with_the_spec_and_the_order_book() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let f = fixtures::load(&dir).expect("fixtures/ follows the SPEC §4 layout");
    let orders: HashMap<&str, _> = f.orders.iter().map(|o| (o.id.as_str(), o)).collect();
    let mut problems = Vec::new();
    for case in &f.cases {
        let l = &case.label;
        let mut bad = |why: String| problems.push(format!("{}: {why}", case.name));
        if l.category == Category::Other && l.decision != DecisionKind::Ignore {
            bad("other must be ignore".into());
        }
        if l.category != Category::Other && l.decision == DecisionKind::Ignore {
            bad("only other is ignored".into());
        }
        if always_escalates(l.category) && l.decision != DecisionKind::Escalate {
            bad(format!("{} always escalates", l.category));
        }
        let order = l.order.as_deref().map(|id| orders.get(id));
        if let Some(None) = order {
            bad(format!("order {:?} is not in orders.json", l.order));
        }
        if l.decision != DecisionKind::Auto {
            continue;
        }
        let Some(Some(order)) = order else {
            bad("auto needs a linked order".into());
            continue;
        };
        let raw = std::fs::read(&case.eml).expect("readable .eml");
        let Ok(email) = parse(&raw) else {
            bad("auto case does not parse".into());
            continue;
        };
        let domain = email.from_domain().unwrap_or_default();
        match l.category.party() {
            Party::Customer if email.from_address() != order.customer.email.to_lowercase() => {
                bad("auto customer case from another address than the order's".into())
            }
            Party::Carrier | Party::Supplier if f.senders.lookup(&domain).is_none() => {
                bad(format!("auto from untrusted domain {domain}"))
            }
            _ => {}
        }
        if email.trust.auth_failure().is_some() {
            bad("auto despite an authentication failure".into());
        }
        if l.category == Category::CustomerAddressChange && !order.status.is_unshipped() {
            bad(format!("auto address change on a {} order", order.status));
        }
    }
    assert!(problems.is_empty(), "{} label problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_fixture_set_covers_every_category_at_least_fifteen_times() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let f = fixtures::load(&dir).unwrap();
    assert!(f.cases.len() >= 300, "{} cases", f.cases.len());
    for c in Category::ALL {
        let n = f.cases.iter().filter(|k| k.label.category == c).count();
        assert!(n >= 15, "{c}: only {n} cases");
    }
}
