//! Act: carry out a decision. One transaction per message holds the
//! message's processed state, the order change, its events, the action
//! record and the queued notices: all of it commits, or none of it.
//!
//! Autonomy per category can hold an `auto` back: `off` escalates,
//! `shadow` records what would have been done and changes nothing,
//! `approve` prepares the action for one human click.

mod notice;
pub mod plan;
mod settings;
pub mod shadow;

use std::sync::Arc;

use tracing::warn;

use crate::decide::Action;
use crate::domain::DecisionKind;
use crate::pipeline::Triaged;
use crate::store::{Audit, OrderEvent, Recorded, Store, StoreError, Tx};
pub use notice::{Render, context, earlier, email, hold_reason, reply_subject};
pub use plan::{Plan, Refusal, plan};
pub use settings::{Autonomy, Brand, Brands, Guard, Mode, is_no_reply, slug_of};

/// Everything act needs besides the store.
#[derive(Clone)]
pub struct Resolver {
    pub render: Arc<dyn Render>,
    pub brands: Brands,
    pub autonomy: Autonomy,
    pub guard: Guard,
    /// Publish every order event to the webhook channel.
    pub webhook: bool,
}

/// What settling a message did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settled {
    /// Recorded; for `auto`, the order changed (or already said so).
    Done { decision: DecisionKind, reason: String, changes: usize, notices: usize },
    /// Already recorded by someone else: nothing done twice.
    AlreadyDone,
}

/// What the processed record says, from the triage.
pub fn recorded(t: &Triaged) -> Recorded {
    Recorded {
        subject: t.email.subject.clone(),
        category: t.category().to_string(),
        decision: t.decision.kind.to_string(),
        reason: t.decision.reason.clone(),
        order_id: t.link.order_id().map(str::to_string),
        triage_json: serde_json::to_string(t).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}")),
        model_calls: i64::from(t.model.calls()),
        model_tokens: if t.model.cached { 0 } else { i64::from(t.model.prompt_tokens + t.model.completion_tokens) },
    }
}

fn escalate(r: &mut Recorded, reason: String) {
    r.decision = DecisionKind::Escalate.to_string();
    r.reason = reason;
}

/// Record message `id`'s outcome and carry out its action, in one
/// transaction.
pub async fn settle(store: &Store, res: &Resolver, id: i64, t: &Triaged) -> Result<Settled, StoreError> {
    let mut tx = store.begin().await?;
    let mut rec = recorded(t);
    let mut todo = None;
    if let (DecisionKind::Auto, Some(action), Some(order_id)) = (t.decision.kind, &t.decision.action, t.link.order_id())
    {
        let category = t.category();
        let what = action.describe(order_id);
        let action_json = serde_json::to_string(action).unwrap_or_default();
        match res.autonomy.mode(category) {
            Mode::Off => {
                escalate(&mut rec, format!("escalate: automation is off for {category}; the policy would {what}"))
            }
            Mode::Shadow => {
                Store::add_action(&mut tx, id, order_id, category.as_str(), &action_json, "shadow").await?;
                escalate(&mut rec, format!("escalate (shadow mode): mailroom would {what}"));
            }
            Mode::Approve => {
                Store::add_action(&mut tx, id, order_id, category.as_str(), &action_json, "awaiting").await?;
                escalate(&mut rec, format!("escalate: awaiting approval to {what}"));
            }
            Mode::Auto => match Store::load_order(&mut tx, order_id).await? {
                None => escalate(&mut rec, format!("escalate: order {order_id} vanished from the order book")),
                Some(before) => match plan(&before, action) {
                    Ok(p) => {
                        Store::add_action(&mut tx, id, order_id, category.as_str(), &action_json, "applied").await?;
                        todo = Some(p);
                    }
                    Err(refusal) => escalate(&mut rec, format!("escalate: could not apply the action: {refusal}")),
                },
            },
        }
    }
    if !Store::mark_processed(&mut tx, id, &rec).await? {
        tx.rollback().await?;
        return Ok(Settled::AlreadyDone);
    }
    let (mut changes, mut notices) = (0, 0);
    if let (Some(p), Some(action)) = (todo, &t.decision.action) {
        (changes, notices) = apply(&mut tx, res, id, t, action, p, MAILROOM).await?;
    }
    if rec.decision == DecisionKind::Escalate.as_str() {
        // A person's turn: the item, with the drafted reply, in the queue.
        Store::open_item(&mut tx, id, t.draft.as_ref().map(|d| d.text.as_str())).await?;
        let audit = Audit {
            actor: MAILROOM.into(),
            automatic: true,
            action: "queue.open".into(),
            message: Some(id),
            order_id: t.link.order_id().map(str::to_string),
            before: None,
            after: Some(rec.reason.clone()),
        };
        Store::add_audit(&mut tx, &audit).await?;
    }
    tx.commit().await?;
    let decision = rec.decision.parse().unwrap_or(DecisionKind::Escalate);
    Ok(Settled::Done { decision, reason: rec.reason, changes, notices })
}

/// Who acts when mailroom acts alone.
pub const MAILROOM: &str = "mailroom";

/// Write a plan: the order, one event per change (each also published to
/// the webhook), the audit entry, and the customer's notice. `actor` is
/// mailroom itself or the person who approved the action.
pub(crate) async fn apply(
    tx: &mut Tx,
    res: &Resolver,
    id: i64,
    t: &Triaged,
    action: &Action,
    p: Plan,
    actor: &str,
) -> Result<(usize, usize), StoreError> {
    let order_id = p.after.order.id.clone();
    let automatic = actor == MAILROOM;
    if !p.changes.is_empty() {
        Store::save_order(tx, &p.after).await?;
        // Before and after, change by change: [{"kind": ..., "value": ...}].
        let side = |f: fn(&plan::Change) -> &Option<String>| {
            let v: Vec<_> = p.changes.iter().map(|c| serde_json::json!({ "kind": c.kind, "value": f(c) })).collect();
            Some(serde_json::Value::Array(v).to_string())
        };
        let audit = Audit {
            actor: actor.into(),
            automatic,
            action: "order.change".into(),
            message: Some(id),
            order_id: Some(order_id.clone()),
            before: side(|c| &c.old),
            after: side(|c| &c.new),
        };
        Store::add_audit(tx, &audit).await?;
    }
    for (n, c) in p.changes.iter().enumerate() {
        let event = OrderEvent {
            order_id: order_id.clone(),
            kind: c.kind.to_string(),
            old_value: c.old.clone(),
            new_value: c.new.clone(),
            reason: t.decision.reason.clone(),
            message: Some(id),
            actor: actor.into(),
            automatic,
        };
        Store::add_event(tx, &event).await?;
        if res.webhook {
            Store::enqueue(tx, &webhook_row(&event, id, n)).await?;
        }
    }
    let Some(planned) = &p.notice else { return Ok((p.changes.len(), 0)) };
    let order = &p.after.order;
    let brand = res.brands.get(&order.brand);
    let updates = match action {
        Action::PartialShipment { lines, .. } => lines.as_slice(),
        _ => &[],
    };
    let earlier = earlier(Store::notices_for(tx, &order_id).await?);
    let cx = context(&p.after, &brand, planned, updates, earlier, res.render.as_ref());
    let to = order.customer.email.clone();
    let since = (chrono::Utc::now() - chrono::Duration::hours(res.guard.window_hours)).to_rfc3339();
    let recent = Store::recent_to(tx, &to, &since).await?;
    let mut held = hold_reason(&to, planned.kind, &t.email, recent, &res.guard);
    let rendered = res.render.render(&brand.slug, &order.customer.language, planned.kind, &cx).unwrap_or_else(|e| {
        warn!(order = %order_id, error = %e, "cannot render the notice; holding it for a person");
        held = Some(format!("cannot render the notice: {e}"));
        crate::notify::templates::Rendered {
            subject: String::new(),
            text: String::new(),
            html: String::new(),
            language: String::new(),
        }
    });
    let payload = email(rendered, planned.kind, &brand, &to, &t.email);
    let queued = Store::enqueue(tx, &notice::outbox_row(&payload, &order_id, id, &planned.facts, held)).await?;
    Ok((p.changes.len(), usize::from(queued)))
}

fn webhook_row(e: &OrderEvent, message: i64, n: usize) -> crate::store::NewOutbox {
    crate::store::NewOutbox {
        dedupe_key: format!("webhook:{}:{message}:{}:{n}", e.order_id, e.kind),
        channel: "webhook".into(),
        order_id: Some(e.order_id.clone()),
        message: Some(message),
        kind: format!("order.{}", e.kind),
        recipient: "webhook".into(),
        payload: serde_json::to_string(&serde_json::json!({
            "type": format!("order.{}", e.kind),
            "order_id": e.order_id,
            "old_value": e.old_value,
            "new_value": e.new_value,
            "reason": e.reason,
            "message": message,
            "actor": e.actor,
            "automatic": e.automatic,
            "at": chrono::Utc::now().to_rfc3339(),
        }))
        .unwrap_or_default(),
        held_reason: None,
    }
}

#[cfg(test)]
mod tests;
