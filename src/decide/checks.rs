//! The conditions of SPEC §2, one small function each.

use chrono::NaiveDate;

use super::{Action, LineUpdate, PolicyInput};
use crate::classify::extract::LineQuantity;
use crate::classify::rules::SenderList;
use crate::domain::{Category, Order, Party};
use crate::link::Link;
use crate::store::key_of;

/// The latest requested date a customer may reschedule to, in days after
/// the mail's own date (SPEC §2).
const RESCHEDULE_MAX_DAYS: i64 = 30;

type Facts = Vec<(String, String)>;

fn note(facts: &mut Facts, name: &str, value: impl ToString) {
    facts.push((name.to_string(), value.to_string()));
}

/// Facts every decision reports.
pub(super) fn base_facts(input: &PolicyInput<'_>) -> Facts {
    let mut f = Facts::new();
    note(&mut f, "category", input.category);
    note(&mut f, "sender", input.email.from_address());
    match input.link {
        Link::One { order, by } => {
            note(&mut f, "order", &order.id);
            note(&mut f, "linked_by", by.describe());
            note(&mut f, "order_status", order.status);
        }
        Link::Ambiguous { order_ids, .. } => note(&mut f, "candidate_orders", order_ids.join(", ")),
        Link::None => {}
    }
    f
}

/// Conditions that turn any `auto` into `escalate`, whatever the category.
pub(super) fn common_blockers(input: &PolicyInput<'_>, facts: &mut Facts) -> Vec<String> {
    let mut b = Vec::new();
    if let Some(said) = input.injection {
        b.push(format!("the email tries to instruct the agent (\"{said}\")"));
    }
    if let Some(hold) = input.hold {
        b.push(hold.to_string());
    }
    if let Some(rival) = input.rival {
        b.push(format!("the email also reads as {rival}, which needs a person"));
    }
    match input.link {
        Link::None => b.push("no order could be linked".into()),
        Link::Ambiguous { why, .. } => b.push(format!("more than one order could be meant: {why}")),
        Link::One { .. } => {}
    }
    if let Some(v) = input.email.trust.auth_failure() {
        // SPEC ties this check to customers; a failed check on a carrier's or
        // supplier's domain means the same thing (a forged sender), so it
        // blocks every automatic action.
        b.push(format!("Authentication-Results shows {}={}", v.method, v.result));
    }
    match input.category.party() {
        Party::Carrier => sender_on_list(input, SenderList::Carrier, &mut b, facts),
        Party::Supplier => sender_on_list(input, SenderList::Supplier, &mut b, facts),
        Party::Customer => customer_checks(input, &mut b),
        Party::Anyone => {}
    }
    b
}

fn sender_on_list(input: &PolicyInput<'_>, want: SenderList, b: &mut Vec<String>, facts: &mut Facts) {
    let domain = input.email.from_domain().unwrap_or_default();
    match input.senders.lookup(&domain) {
        Some(l) if l.list == want => note(facts, "trusted_sender", l.name),
        _ => {
            let party = if want == SenderList::Carrier { "carrier" } else { "supplier" };
            let shown = if domain.is_empty() { "(none)".to_string() } else { domain };
            b.push(format!("sender domain {shown} is not a trusted {party} domain"));
        }
    }
}

/// SPEC §2 "verified", plus: automated mail never triggers a customer action
/// (an auto-reply that quotes our notice must not start a mail loop).
fn customer_checks(input: &PolicyInput<'_>, b: &mut Vec<String>) {
    if let Some(order) = input.link.order() {
        let sender = input.email.from_address();
        if sender.is_empty() || sender != order.customer.email.trim().to_lowercase() {
            b.push("sender is not the order's customer".into());
        }
    }
    let t = &input.email.trust;
    if t.is_automated() {
        b.push("the email is automated (auto-reply, notification, bounce or list mail)".into());
    }
}

/// The action for an auto-capable category, or the facts it lacks.
pub(super) fn action_for(input: &PolicyInput<'_>, b: &mut Vec<String>, facts: &mut Facts) -> Option<Action> {
    let order = input.link.order();
    match input.category {
        Category::CarrierAddressIssue => Some(Action::AddressHold),
        Category::CarrierDeliveryFailed => Some(Action::DeliveryException),
        Category::CarrierDelay => {
            new_date(input, b, facts, "new expected delivery date").map(|new_date| Action::CarrierDelay { new_date })
        }
        Category::SupplierDelay => {
            new_date(input, b, facts, "new ready or ship date").map(|new_date| Action::SupplierDelay { new_date })
        }
        Category::SupplierPartialShipment => partial_shipment(input, order, b, facts),
        Category::CustomerAddressChange => address_change(input, order, b, facts),
        Category::CustomerReschedule => reschedule(input, order, b, facts),
        Category::CustomerWismo => Some(Action::WismoReply),
        _ => None,
    }
}

fn new_date(input: &PolicyInput<'_>, b: &mut Vec<String>, facts: &mut Facts, what: &str) -> Option<NaiveDate> {
    match input.facts.new_date {
        Some(d) => {
            note(facts, "new_date", d);
            Some(d)
        }
        None => {
            b.push(format!("no {what} found in the email"));
            None
        }
    }
}

fn partial_shipment(
    input: &PolicyInput<'_>,
    order: Option<&Order>,
    b: &mut Vec<String>,
    facts: &mut Facts,
) -> Option<Action> {
    let rest_date = new_date(input, b, facts, "date for the backordered rest");
    let lines = if input.facts.quantities.is_empty() {
        b.push("no per-line shipped and backordered quantities found in the email".into());
        None
    } else if let Some(order) = order {
        match line_updates(order, &input.facts.quantities) {
            Ok(lines) => {
                for l in &lines {
                    note(facts, "line", format!("{}: {} shipped, {} backordered", l.sku, l.shipped, l.backordered));
                }
                Some(lines)
            }
            Err(why) => {
                b.push(why);
                None
            }
        }
    } else {
        None
    };
    Some(Action::PartialShipment { lines: lines?, rest_date: rest_date? })
}

/// Match stated quantities to the order's lines; refuse what does not fit.
pub(super) fn line_updates(order: &Order, stated: &[LineQuantity]) -> Result<Vec<LineUpdate>, String> {
    let mut updates: Vec<LineUpdate> = Vec::new();
    for q in stated.iter().filter(|q| names_an_item(&q.item)) {
        let Some(line) = order.lines.iter().find(|l| item_matches(&q.item, &l.sku, &l.name)) else {
            return Err(format!("quantities name an item that is not on the order: {}", q.item));
        };
        let ordered = line.quantity;
        if q.ordered.is_some_and(|o| o != ordered) {
            let said = q.ordered.unwrap_or(0);
            return Err(format!("the email says {said} of {} were ordered; the order has {ordered}", line.sku));
        }
        let (shipped, backordered) = match (q.shipped, q.backordered) {
            (Some(s), Some(r)) => (s, r),
            (Some(s), None) if s <= ordered => (s, ordered - s),
            (None, Some(r)) if r <= ordered => (ordered - r, r),
            _ => return Err(format!("shipped and backordered quantities for {} are not both stated", line.sku)),
        };
        if shipped.checked_add(backordered) != Some(ordered) {
            return Err(format!(
                "{shipped} shipped + {backordered} backordered of {} do not add up to the {ordered} ordered",
                line.sku
            ));
        }
        // A line may be stated twice (a table, then a summary): both must agree.
        if let Some(seen) = updates.iter().find(|u| u.sku == line.sku)
            && (seen.shipped, seen.backordered) != (shipped, backordered)
        {
            return Err(format!("the email gives two different quantities for {}", line.sku));
        }
        updates.retain(|u| u.sku != line.sku);
        updates.push(LineUpdate { sku: line.sku.clone(), shipped, backordered });
    }
    if !updates.iter().any(|u| u.backordered > 0) {
        return Err("no line is backordered, so this is not a partial shipment".into());
    }
    Ok(updates)
}

/// Unit words say how many, not what: "2 stuk" names no item.
const UNIT_WORDS: [&str; 19] = [
    "pc", "pcs", "piece", "pieces", "unit", "units", "qty", "stk", "stueck", "stuk", "stuks", "unidad", "unidades",
    "buah", "pieza", "piezas", "nos", "no", "x",
];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase().replace('ü', "ue").replace(['è', 'é'], "e");
            // Singular: "rugs" names the "rug" line.
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") { w[..w.len() - 1].to_string() } else { w }
        })
        .collect()
}

fn names_an_item(item: &str) -> bool {
    words(item).iter().any(|w| !UNIT_WORDS.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
}

/// The SKU, or the line's name, or a significant word of it.
fn item_matches(item: &str, sku: &str, name: &str) -> bool {
    let (item_key, sku_key) = (key_of(item), key_of(sku));
    if !sku_key.is_empty() && item_key.contains(&sku_key) {
        return true;
    }
    let name_words = words(name);
    let item_words = words(item);
    let significant = |w: &String| w.len() >= 3 && !UNIT_WORDS.contains(&w.as_str());
    let shared = item_words.iter().filter(|w| significant(w) && name_words.contains(w)).count();
    shared > 0 && shared * 2 >= item_words.iter().filter(|w| significant(w)).count()
}

fn address_change(
    input: &PolicyInput<'_>,
    order: Option<&Order>,
    b: &mut Vec<String>,
    facts: &mut Facts,
) -> Option<Action> {
    if let Some(o) = order.filter(|o| !o.status.is_unshipped()) {
        b.push(format!("order {} has already shipped (status {})", o.id, o.status));
    }
    let Some(address) = input.facts.new_address.clone() else {
        b.push("no new address found in the email".into());
        return None;
    };
    let missing = address.missing();
    if !missing.is_empty() {
        b.push(format!("the new address is incomplete: no {}", missing.join(", no ")));
        return None;
    }
    note(
        facts,
        "new_address",
        format!(
            "{}, {} {}, {}",
            address.line1,
            address.postcode.as_deref().unwrap_or(""),
            address.city.as_deref().unwrap_or(""),
            address.country.as_deref().unwrap_or("")
        ),
    );
    Some(Action::AddressChange { address })
}

fn reschedule(
    input: &PolicyInput<'_>,
    order: Option<&Order>,
    b: &mut Vec<String>,
    facts: &mut Facts,
) -> Option<Action> {
    if let Some(o) = order.filter(|o| o.status.is_closed_for_delivery()) {
        b.push(format!("order {} is {}", o.id, o.status));
    }
    let Some(sent) = input.email.date else {
        b.push("the email has no Date header to judge the requested date by".into());
        return None;
    };
    let date = new_date(input, b, facts, "requested delivery date")?;
    let days = (date - sent.date_naive()).num_days();
    if !(1..=RESCHEDULE_MAX_DAYS).contains(&days) {
        b.push(format!(
            "the requested date {date} is {days} day(s) after the email's date; allowed is 1 to {RESCHEDULE_MAX_DAYS}"
        ));
        return None;
    }
    Some(Action::Reschedule { date })
}
