//! Turning a planned notice into an outbox row: the template context, the
//! rendered email with its threading headers, and the loop guard.

use chrono::NaiveDate;

use super::plan::PlannedNotice;
use super::settings::{Brand, Guard, is_no_reply};
use crate::domain::{Email, Order, ShippingAddress};
use crate::notify::email::EmailPayload;
use crate::notify::templates::{
    AddressView, BrandView, Context, CustomerView, EarlierNotice, Kind, LineView, OrderView, Rendered,
};
use crate::store::{NewOutbox, OrderRecord};

/// Renders a notice; the template engine implements it (tests may use a
/// plain one).
pub trait Render: Send + Sync {
    fn render(&self, brand_slug: &str, language: &str, kind: Kind, cx: &Context) -> Result<Rendered, String>;
    /// The tracking page of a carrier's parcel, when known.
    fn tracking_url(&self, carrier: &str, number: &str) -> Option<String>;
}

fn address(a: &ShippingAddress) -> AddressView {
    AddressView {
        line1: a.line1.clone(),
        line2: a.line2.clone(),
        city: a.city.clone(),
        region: a.region.clone(),
        postcode: a.postcode.clone(),
        country: a.country.clone(),
    }
}

fn lines(o: &Order, p: &PlannedNotice, updates: &[crate::decide::LineUpdate]) -> Vec<LineView> {
    o.lines
        .iter()
        .map(|l| {
            let u = updates.iter().find(|u| u.sku == l.sku);
            LineView {
                sku: l.sku.clone(),
                name: l.name.clone(),
                quantity: l.quantity,
                shipped: u.map_or(l.shipped_quantity, |u| u.shipped),
                backordered: if p.kind == Kind::PartialShipment { u.map_or(0, |u| u.backordered) } else { 0 },
            }
        })
        .collect()
}

/// The template context for a notice about `r` (the order after the change).
pub fn context(
    r: &OrderRecord,
    brand: &Brand,
    p: &PlannedNotice,
    updates: &[crate::decide::LineUpdate],
    earlier: Vec<EarlierNotice>,
    render: &dyn Render,
) -> Context {
    let o = &r.order;
    let tracking_url = match (&o.carrier, &o.tracking_number) {
        (Some(c), Some(n)) => render.tracking_url(c, n),
        _ => None,
    };
    let first_name = o.customer.name.split_whitespace().next().unwrap_or(&o.customer.name).to_string();
    Context {
        brand: BrandView {
            name: brand.name.clone(),
            support_email: brand.support_email.clone(),
            website: brand.website.clone(),
        },
        customer: CustomerView { name: o.customer.name.clone(), first_name, email: o.customer.email.clone() },
        order: OrderView {
            id: o.id.clone(),
            status: o.status.to_string(),
            carrier: o.carrier.clone(),
            tracking_number: o.tracking_number.clone(),
            tracking_url,
            expected_delivery: o.expected_delivery,
            shipping_address: address(&o.shipping_address),
            lines: lines(o, p, updates),
        },
        new_date: p.new_date,
        old_date: p.old_date,
        new_address: (p.kind == Kind::AddressChanged).then(|| address(&o.shipping_address)),
        old_address: p.old_address.as_ref().map(address),
        rest_date: p.rest_date,
        earlier_notices: if p.kind == Kind::WismoReply { earlier } else { Vec::new() },
    }
}

/// Earlier notices from the outbox's (kind, created_at) pairs.
pub fn earlier(rows: Vec<(String, String)>) -> Vec<EarlierNotice> {
    rows.into_iter()
        .filter_map(|(kind, at)| {
            let kind: Kind = serde_json::from_value(serde_json::Value::String(kind)).ok()?;
            let sent_on: NaiveDate = at.get(..10)?.parse().ok()?;
            Some(EarlierNotice { kind, sent_on })
        })
        .collect()
}

/// "Re: <their subject>", once.
pub fn reply_subject(subject: &str) -> String {
    let s = subject.trim();
    if s.len() >= 3 && s[..3].eq_ignore_ascii_case("re:") { s.to_string() } else { format!("Re: {s}") }
}

/// The email for a rendered notice: threaded under the customer's mail
/// when it answers it, marked per RFC 3834 either way.
pub fn email(rendered: Rendered, kind: Kind, brand: &Brand, to: &str, trigger: &Email) -> EmailPayload {
    let answers = kind.is_reply();
    let (in_reply_to, references, subject) = match (&trigger.message_id, answers) {
        (Some(id), true) => {
            let mut refs = trigger.references.clone();
            refs.push(id.clone());
            (Some(id.clone()), refs, reply_subject(&trigger.subject))
        }
        _ => (None, Vec::new(), rendered.subject),
    };
    EmailPayload {
        from: brand.from.clone(),
        reply_to: brand.reply_to.clone(),
        to: to.to_string(),
        subject,
        text: rendered.text,
        html: rendered.html,
        in_reply_to,
        references,
        auto_submitted: if answers { "auto-replied" } else { "auto-generated" }.into(),
        language: rendered.language,
        brand: brand.name.clone(),
        kind: kind.as_str().into(),
        message_key: None,
    }
}

/// Why a notice must wait for a person instead of going out, if it must.
pub fn hold_reason(to: &str, kind: Kind, trigger: &Email, recent: i64, guard: &Guard) -> Option<String> {
    if is_no_reply(to) {
        return Some(format!("{to} looks like a no-reply address"));
    }
    if kind.is_reply() && trigger.trust.is_automated() {
        return Some("the mail it would answer is automated (RFC 3834): never reply automatically".into());
    }
    if recent >= guard.per_recipient {
        return Some(format!(
            "per-recipient cap: {recent} automatic mails to {to} in the last {} h (cap {})",
            guard.window_hours, guard.per_recipient
        ));
    }
    None
}

/// The outbox row for an email notice.
pub fn outbox_row(
    payload: &EmailPayload,
    order_id: &str,
    message: i64,
    facts: &str,
    held: Option<String>,
) -> NewOutbox {
    let facts_key = if facts.is_empty() { format!("m{message}") } else { facts.to_string() };
    NewOutbox {
        dedupe_key: format!("email:{order_id}:{}:{facts_key}", payload.kind),
        channel: "email".into(),
        order_id: Some(order_id.to_string()),
        message: Some(message),
        kind: payload.kind.clone(),
        recipient: payload.to.clone(),
        payload: serde_json::to_string(payload).unwrap_or_default(),
        held_reason: held,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_are_threaded_and_proactive_notices_are_not() {
        let trigger = Email {
            message_id: Some("abc@customer.example".into()),
            references: vec!["older@shop.example".into()],
            subject: "Where is my order?".into(),
            ..Default::default()
        };
        let rendered =
            Rendered { subject: "Your order".into(), text: "t".into(), html: "h".into(), language: "en".into() };
        let brand = Brand::derived("Northwind Apparel");
        let reply = email(rendered.clone(), Kind::WismoReply, &brand, "p@example.com", &trigger);
        assert_eq!(reply.in_reply_to.as_deref(), Some("abc@customer.example"));
        assert_eq!(reply.references, ["older@shop.example", "abc@customer.example"]);
        assert_eq!((reply.subject.as_str(), reply.auto_submitted.as_str()), ("Re: Where is my order?", "auto-replied"));
        let notice = email(rendered, Kind::DelayNotice, &brand, "p@example.com", &trigger);
        assert_eq!(
            (notice.in_reply_to, notice.subject.as_str(), notice.auto_submitted.as_str()),
            (None, "Your order", "auto-generated")
        );
    }

    #[test]
    fn the_guard_holds_no_reply_automated_and_capped_recipients() {
        let g = Guard::default();
        let human = Email::default();
        assert_eq!(hold_reason("p@example.com", Kind::WismoReply, &human, 0, &g), None);
        assert!(hold_reason("noreply@example.com", Kind::DelayNotice, &human, 0, &g).unwrap().contains("no-reply"));
        let mut auto = Email::default();
        auto.trust.is_auto_reply = true;
        assert!(hold_reason("p@example.com", Kind::WismoReply, &auto, 0, &g).unwrap().contains("RFC 3834"));
        assert_eq!(
            hold_reason("p@example.com", Kind::DelayNotice, &auto, 0, &g),
            None,
            "a proactive notice is not a reply"
        );
        assert!(hold_reason("p@example.com", Kind::DelayNotice, &human, 3, &g).unwrap().contains("cap"));
    }
}
