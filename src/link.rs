//! Link: which order an email is about (SPEC §2).
//!
//! By an order number, tracking number or purchase-order number found in
//! the subject or newest text; failing those, by the sender when exactly one
//! order belongs to that customer. Two different orders named, or a sender
//! with several orders and no reference, is ambiguous: no single order.
//!
//! [`lookup_keys`] and [`resolve`] are pure; [`link`] adds the two queries.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::classify::extract::Facts;
use crate::domain::{Email, Order};
use crate::store::{KeyedOrder, LookupKeys, Store, StoreError, key_of};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "link")]
pub enum Link {
    /// Nothing in the email names an order, and the sender has none.
    None,
    One {
        order: Box<Order>,
        by: LinkedBy,
    },
    /// More than one order could be meant.
    Ambiguous {
        order_ids: Vec<String>,
        why: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkedBy {
    OrderNumber,
    TrackingNumber,
    PurchaseOrder,
    /// No reference; the sender is the customer of exactly one order.
    Sender,
}

impl LinkedBy {
    pub fn describe(&self) -> &'static str {
        match self {
            LinkedBy::OrderNumber => "order number",
            LinkedBy::TrackingNumber => "tracking number",
            LinkedBy::PurchaseOrder => "purchase-order number",
            LinkedBy::Sender => "sender's only order",
        }
    }
}

impl Link {
    pub fn order(&self) -> Option<&Order> {
        match self {
            Link::One { order, .. } => Some(order),
            _ => None,
        }
    }

    pub fn order_id(&self) -> Option<&str> {
        self.order().map(|o| o.id.as_str())
    }
}

/// Reference-shaped tokens: letters and digits with inner dashes or
/// slashes, at least one digit (`SO-10231`, `PO/KK/55212`, `1Z999AA10123456784`).
static TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9](?:[A-Za-z0-9]|[-/][A-Za-z0-9])*").expect("static regex"));

/// What to look up: every extracted reference plus a generic sweep of
/// reference-shaped tokens, so order-book shapes the extractors do not know
/// still link. Pure digits count only when long (tracking, PO) or cued
/// (`#10231`, "order 10231"), so prices and phone fragments never link.
pub fn lookup_keys(email: &Email, facts: &Facts) -> LookupKeys {
    let mut keys = LookupKeys::default();
    let text = format!("{}\n{}", email.subject, email.newest_text);
    for m in TOKEN.find_iter(&text) {
        let k = key_of(m.as_str());
        let digits = k.chars().filter(char::is_ascii_digit).count();
        let letters = k.len() - digits;
        if digits > 0 && ((letters > 0 && k.len() >= 5) || digits >= 8) && k.len() <= 40 {
            keys.keys.insert(k);
        }
    }
    for r in &facts.order_refs {
        keys.keys.insert(key_of(&r.key));
        if !r.prefixed && r.digits.len() >= 3 {
            keys.order_digits.insert(r.digits.clone());
        }
    }
    for p in &facts.po_numbers {
        keys.keys.insert(key_of(&p.key));
        if p.digits.len() >= 4 {
            keys.po_digits.insert(p.digits.clone());
        }
    }
    keys.keys.extend(facts.tracking_numbers.iter().map(|t| key_of(&t.number)));
    keys.keys.retain(|k| !k.is_empty());
    keys
}

/// Decide the link from the orders the references found and, when they
/// found none, the sender's own orders.
pub fn resolve(found: Vec<KeyedOrder>, sender_orders: Vec<Order>) -> Link {
    let mut by_id: BTreeMap<String, KeyedOrder> = BTreeMap::new();
    for k in found {
        by_id.entry(k.order.id.clone()).or_insert(k);
    }
    match by_id.len() {
        1 => {
            let Some((_, k)) = by_id.pop_first() else {
                return Link::None;
            };
            let by = if k.by_id || k.by_digits {
                LinkedBy::OrderNumber
            } else if k.by_tracking {
                LinkedBy::TrackingNumber
            } else {
                LinkedBy::PurchaseOrder
            };
            Link::One { order: Box::new(k.order), by }
        }
        0 => match sender_orders.len() {
            0 => Link::None,
            1 => {
                let order = sender_orders.into_iter().next().map(Box::new);
                order.map_or(Link::None, |order| Link::One { order, by: LinkedBy::Sender })
            }
            n => Link::Ambiguous {
                order_ids: sender_orders.into_iter().map(|o| o.id).collect(),
                why: format!("no order reference, and the sender has {n} orders"),
            },
        },
        _ => {
            let order_ids: Vec<String> = by_id.into_keys().collect();
            let why = format!("the email names {} different orders ({})", order_ids.len(), order_ids.join(", "));
            Link::Ambiguous { order_ids, why }
        }
    }
}

/// Link one email: look its references up, then fall back to the sender.
pub async fn link(email: &Email, facts: &Facts, store: &Store) -> Result<Link, StoreError> {
    let found = store.find_orders(&lookup_keys(email, facts)).await?;
    let sender = email.from_address();
    let sender_orders =
        if found.is_empty() && !sender.is_empty() { store.orders_of_customer(&sender).await? } else { Vec::new() };
    Ok(resolve(found, sender_orders))
}

#[cfg(test)]
mod tests;

/// The tracking number a mail is about: the linked order's own when the
/// mail states it (in any format), else the first one whose check digit
/// verified, else the first one found.
pub fn primary_tracking(email: &Email, facts: &Facts, link: &Link) -> Option<String> {
    if let Some(own) = link.order().and_then(|o| o.tracking_number.as_ref())
        && lookup_keys(email, facts).keys.contains(&key_of(own))
    {
        return Some(own.clone());
    }
    let numbers = &facts.tracking_numbers;
    numbers.iter().find(|t| t.check_digit_verified).or_else(|| numbers.first()).map(|t| t.number.clone())
}
