use super::*;
use crate::classify::extract::{OrderRef, TrackingNumber};
use crate::domain::Mailbox;

fn book() -> Vec<Order> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/orders.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn keyed(order: &Order) -> KeyedOrder {
    KeyedOrder { order: order.clone(), by_id: false, by_digits: false, by_tracking: true, by_po: false }
}

fn email(from: &str, subject: &str, body: &str) -> Email {
    Email {
        from: Some(Mailbox { name: None, address: from.into() }),
        subject: subject.into(),
        newest_text: body.into(),
        ..Default::default()
    }
}

#[test]
fn one_order_found_by_tracking_is_linked_by_tracking() {
    let o = &book()[5];
    let link = resolve(vec![keyed(o)], vec![]);
    assert_eq!(link, Link::One { order: Box::new(o.clone()), by: LinkedBy::TrackingNumber });
}

#[test]
fn the_same_order_found_twice_is_still_one_order() {
    let o = &book()[5];
    let mut by_id = keyed(o);
    by_id.by_id = true;
    let link = resolve(vec![keyed(o), by_id], vec![]);
    assert_eq!(link.order_id(), Some(o.id.as_str()));
}

#[test]
fn two_different_orders_named_are_ambiguous() {
    let b = book();
    let link = resolve(vec![keyed(&b[1]), keyed(&b[2])], vec![]);
    assert!(matches!(link, Link::Ambiguous { ref order_ids, .. } if order_ids.len() == 2), "{link:?}");
}

#[test]
fn without_references_the_senders_only_order_is_linked() {
    let o = book()[7].clone();
    let link = resolve(vec![], vec![o.clone()]);
    assert_eq!(link, Link::One { order: Box::new(o), by: LinkedBy::Sender });
}

#[test]
fn without_references_a_sender_with_several_orders_is_ambiguous() {
    let b = book();
    let link = resolve(vec![], vec![b[0].clone(), b[1].clone()]);
    assert!(matches!(link, Link::Ambiguous { .. }));
    assert_eq!(resolve(vec![], vec![]), Link::None);
}

#[test]
fn reference_shaped_tokens_become_keys_but_short_bare_numbers_do_not() {
    let e =
        email("a@example.com", "Re: order SO-10237", "Tracking 1Z 999 call me on 9876543 or 12345; PO/KK/55212 ₹1299");
    let keys = lookup_keys(&e, &Facts::default());
    assert!(keys.keys.contains("SO10237"));
    assert!(keys.keys.contains("POKK55212"));
    assert!(!keys.keys.iter().any(|k| k == "9876543" || k == "12345" || k == "1299"), "{keys:?}");
}

#[test]
fn extracted_references_add_keys_and_cued_bare_numbers_add_order_digits() {
    let e = email("a@example.com", "", "");
    let facts = Facts {
        order_refs: vec![OrderRef {
            text: "#10237".into(),
            key: "10237".into(),
            digits: "10237".into(),
            prefixed: false,
        }],
        tracking_numbers: vec![TrackingNumber {
            number: "RA207470755GB".into(),
            carrier: None,
            check_digit_verified: true,
        }],
        ..Default::default()
    };
    let keys = lookup_keys(&e, &facts);
    assert!(keys.order_digits.contains("10237"));
    assert!(keys.keys.contains("RA207470755GB"));
}

#[tokio::test]
async fn linking_against_a_real_store_follows_the_spec_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).await.unwrap();
    let b = book();
    store.import_orders(&b).await.unwrap();
    let tracked = b.iter().find(|o| o.tracking_number.is_some()).unwrap();
    let e = email(
        "someone@else.example",
        "Delivery update",
        &format!("Parcel {} is delayed", tracked.tracking_number.as_deref().unwrap()),
    );
    let l = link(&e, &Facts::default(), &store).await.unwrap();
    assert_eq!(l.order_id(), Some(tracked.id.as_str()));

    let mut counts = std::collections::HashMap::new();
    for o in &b {
        *counts.entry(o.customer.email.to_lowercase()).or_insert(0) += 1;
    }
    let single = b.iter().find(|o| counts[&o.customer.email.to_lowercase()] == 1).unwrap();
    let e = email(&single.customer.email.to_uppercase(), "where is it", "no reference here");
    let l = link(&e, &Facts::default(), &store).await.unwrap();
    assert_eq!(l, Link::One { order: Box::new(single.clone()), by: LinkedBy::Sender });

    let multi = b.iter().find(|o| counts[&o.customer.email.to_lowercase()] > 1).unwrap();
    let e = email(&multi.customer.email, "where is it", "no reference here");
    assert!(matches!(link(&e, &Facts::default(), &store).await.unwrap(), Link::Ambiguous { .. }));
}

#[tokio::test]
async fn a_po_written_without_the_shops_prefix_links_by_its_digits() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).await.unwrap();
    let b = book();
    store.import_orders(&b).await.unwrap();
    let with_po = b.iter().find(|o| o.supplier_po.as_deref().is_some_and(|p| p.starts_with("PO-"))).unwrap();
    let digits: String = with_po.supplier_po.as_deref().unwrap().chars().filter(char::is_ascii_digit).collect();
    let e = email(
        "sales@acmetextiles.in",
        "Dispatch update",
        &format!("Regarding your purchase order {digits}: ready next week."),
    );
    let facts = crate::classify::extract_facts(&e);
    assert!(!facts.po_numbers.is_empty(), "{facts:?}");
    let l = link(&e, &facts, &store).await.unwrap();
    assert_eq!(l, Link::One { order: Box::new(with_po.clone()), by: LinkedBy::PurchaseOrder });
}
