//! Review: what people do with the queue. Every operation runs in one
//! transaction with the item locked, checks the item's state first, and
//! appends to the audit trail who did what, with before and after.
//!
//! - `approve`: carry out the action prepared for one click (autonomy
//!   `approve`): planned again from the order as it is now, so an order
//!   that moved on meanwhile is refused, not overwritten.
//! - `send_reply`: the (edited) draft to the customer, threaded, through
//!   the outbox like every other mail.
//! - `assign`, `reclassify` (kept as a correction), `dismiss`.

mod export;
#[cfg(test)]
mod tests;

pub use export::{ExportError, Exported, export_corrected};

use crate::act::{self, Resolver};
use crate::decide::Action;
use crate::domain::Category;
use crate::notify::email::EmailPayload;
use crate::pipeline::{Engine, Triaged, triage};
use crate::store::{Audit, ItemChange, NewOutbox, QueueItem, Store, StoreError, Tx};

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("message {0} is not in the review queue")]
    NotFound(i64),
    #[error("item {id} is {state} already")]
    Closed { id: i64, state: String },
    #[error("message {0} has no action waiting for approval")]
    NoAction(i64),
    #[error("the action for message {id} is {state} already")]
    Decided { id: i64, state: String },
    #[error("cannot apply the action now: {0}")]
    Refused(String),
    #[error("nothing to send: the reply is empty")]
    EmptyReply,
    #[error("no address to reply to: the message has no sender")]
    NoRecipient,
    #[error("cannot read message {id}: {reason}")]
    Unreadable { id: i64, reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ReviewError {
    fn from(e: sqlx::Error) -> Self {
        ReviewError::Store(StoreError::Sql(e))
    }
}

/// What approving did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approved {
    pub order_id: String,
    pub changes: usize,
    pub notices: usize,
}

/// Begin, lock the item, refuse a closed one (unless `closed_ok`).
async fn open(store: &Store, id: i64, closed_ok: bool) -> Result<(Tx, QueueItem), ReviewError> {
    let mut tx = store.begin().await?;
    let item = Store::lock_item(&mut tx, id).await?.ok_or(ReviewError::NotFound(id))?;
    if !closed_ok && matches!(item.state.as_str(), "done" | "dismissed") {
        return Err(ReviewError::Closed { id, state: item.state });
    }
    Ok((tx, item))
}

fn audit(actor: &str, action: &str, item: &QueueItem, before: Option<String>, after: Option<String>) -> Audit {
    Audit {
        actor: actor.into(),
        automatic: false,
        action: action.into(),
        message: Some(item.message),
        order_id: item.order_id.clone(),
        before,
        after,
    }
}

/// The stored message, triaged again (deterministic on rules; the model's
/// answer comes from the cache) for its headers, link and draft context.
async fn triaged(store: &Store, engine: &Engine, id: i64) -> Result<Triaged, ReviewError> {
    let raw = store.raw_message(id).await?.ok_or(ReviewError::NotFound(id))?;
    triage(&raw, engine, store).await.map_err(|e| ReviewError::Unreadable { id, reason: e.to_string() })
}

/// Hand an item to `person` (and mark it in progress).
pub async fn assign(store: &Store, id: i64, person: &str, actor: &str) -> Result<(), ReviewError> {
    let (mut tx, item) = open(store, id, false).await?;
    let change = ItemChange { state: Some("in_progress".into()), assignee: Some(person.into()), ..Default::default() };
    Store::change_item(&mut tx, id, &change).await?;
    Store::add_audit(&mut tx, &audit(actor, "queue.assign", &item, item.assignee.clone(), Some(person.into()))).await?;
    tx.commit().await?;
    Ok(())
}

/// Record the right category: kept as a correction (it feeds
/// `mailroom fixtures export --corrected`), the decision stays as it was.
pub async fn reclassify(store: &Store, id: i64, category: Category, actor: &str) -> Result<(), ReviewError> {
    let (mut tx, item) = open(store, id, true).await?;
    let before = item.corrected_category.clone().or(item.category.clone());
    let change = ItemChange { corrected_category: Some(category.to_string()), ..Default::default() };
    Store::change_item(&mut tx, id, &change).await?;
    Store::add_audit(&mut tx, &audit(actor, "message.reclassify", &item, before, Some(category.to_string()))).await?;
    tx.commit().await?;
    Ok(())
}

/// Close an item without doing anything (spam, already handled…).
pub async fn dismiss(store: &Store, id: i64, actor: &str, note: Option<&str>) -> Result<(), ReviewError> {
    let (mut tx, item) = open(store, id, false).await?;
    Store::change_item(&mut tx, id, &ItemChange { state: Some("dismissed".into()), ..Default::default() }).await?;
    let after = Some(note.map_or("dismissed".to_string(), |n| format!("dismissed: {n}")));
    Store::add_audit(&mut tx, &audit(actor, "queue.dismiss", &item, Some(item.state.clone()), after)).await?;
    tx.commit().await?;
    Ok(())
}

/// Plan `action` against the order as it is now (locked) and write it as
/// `actor`: the changes, their events and audit entry, the notice.
async fn carry_out(
    tx: &mut Tx,
    res: &Resolver,
    id: i64,
    t: &Triaged,
    order_id: &str,
    action: &Action,
    actor: &str,
) -> Result<(usize, usize), ReviewError> {
    let before = Store::load_order(tx, order_id)
        .await?
        .ok_or_else(|| ReviewError::Refused(format!("order {order_id} is no longer in the order book")))?;
    let plan = act::plan(&before, action).map_err(|r| ReviewError::Refused(r.to_string()))?;
    Ok(act::apply(tx, res, id, t, action, plan, actor).await?)
}

/// Carry out the action waiting for approval, as `actor`.
pub async fn approve(
    store: &Store,
    engine: &Engine,
    res: &Resolver,
    id: i64,
    actor: &str,
) -> Result<Approved, ReviewError> {
    let t = triaged(store, engine, id).await?;
    let (mut tx, item) = open(store, id, false).await?;
    let (action_id, order_id, action_json, state) =
        Store::action_of(&mut tx, id).await?.ok_or(ReviewError::NoAction(id))?;
    if state != "awaiting" {
        return Err(ReviewError::Decided { id, state });
    }
    let action: Action = serde_json::from_str(&action_json)
        .map_err(|e| ReviewError::Unreadable { id, reason: format!("the prepared action: {e}") })?;
    let (changes, notices) = carry_out(&mut tx, res, id, &t, &order_id, &action, actor).await?;
    if !Store::decide_action(&mut tx, action_id, "applied", actor).await? {
        return Err(ReviewError::Decided { id, state: "decided".into() });
    }
    Store::change_item(&mut tx, id, &ItemChange { state: Some("done".into()), ..Default::default() }).await?;
    let what = action.describe(&order_id);
    Store::add_audit(&mut tx, &audit(actor, "action.approve", &item, Some("awaiting".into()), Some(what))).await?;
    tx.commit().await?;
    Ok(Approved { order_id, changes, notices })
}

/// The action a person may take on an escalated message after checking
/// what the policy could not (a sender verified by phone, say): built only
/// from facts found in the email's own text, and only where they are
/// complete. `plan` still refuses what the order's state does not allow.
pub fn suggestion(t: &Triaged) -> Option<Action> {
    let f = &t.facts;
    t.link.order_id()?;
    match t.category() {
        Category::CustomerAddressChange => {
            f.new_address.clone().filter(|a| a.is_complete()).map(|address| Action::AddressChange { address })
        }
        Category::CustomerReschedule => f.new_date.map(|date| Action::Reschedule { date }),
        Category::CarrierDelay => f.new_date.map(|new_date| Action::CarrierDelay { new_date }),
        Category::SupplierDelay => f.new_date.map(|new_date| Action::SupplierDelay { new_date }),
        Category::CarrierAddressIssue => Some(Action::AddressHold),
        Category::CarrierDeliveryFailed => Some(Action::DeliveryException),
        Category::CustomerWismo => Some(Action::WismoReply),
        _ => None,
    }
}

/// Apply [`suggestion`] for an item the policy escalated, as `actor`, who
/// takes responsibility for it (audited as `action.apply_suggested`).
pub async fn apply_suggested(
    store: &Store,
    engine: &Engine,
    res: &Resolver,
    id: i64,
    actor: &str,
) -> Result<Approved, ReviewError> {
    let t = triaged(store, engine, id).await?;
    let action = suggestion(&t).ok_or_else(|| ReviewError::Refused("there is no resolution to suggest".into()))?;
    let order_id = t.link.order_id().unwrap_or_default().to_string();
    let (mut tx, item) = open(store, id, false).await?;
    if let Some((_, _, _, state)) = Store::action_of(&mut tx, id).await? {
        return Err(ReviewError::Decided { id, state });
    }
    let (changes, notices) = carry_out(&mut tx, res, id, &t, &order_id, &action, actor).await?;
    let action_json = serde_json::to_string(&action).unwrap_or_default();
    Store::add_action(&mut tx, id, &order_id, t.category().as_str(), &action_json, "applied").await?;
    Store::change_item(&mut tx, id, &ItemChange { state: Some("done".into()), ..Default::default() }).await?;
    let what = action.describe(&order_id);
    Store::add_audit(&mut tx, &audit(actor, "action.apply_suggested", &item, Some(item.state.clone()), Some(what)))
        .await?;
    tx.commit().await?;
    Ok(Approved { order_id, changes, notices })
}

/// Send `text` (or the item's draft) to the customer as a threaded reply,
/// from the order's brand, through the outbox. Returns whether a mail was
/// queued (the same text for the same item is queued once).
pub async fn send_reply(
    store: &Store,
    engine: &Engine,
    res: &Resolver,
    id: i64,
    text: Option<&str>,
    actor: &str,
) -> Result<bool, ReviewError> {
    let t = triaged(store, engine, id).await?;
    let (mut tx, item) = open(store, id, false).await?;
    let text = text.map(str::to_string).or(item.draft.clone()).unwrap_or_default();
    if text.trim().is_empty() {
        return Err(ReviewError::EmptyReply);
    }
    let e = &t.email;
    let to = e.reply_to.first().or(e.from.as_ref()).map(|m| m.address.clone()).ok_or(ReviewError::NoRecipient)?;
    let order = match t.link.order_id() {
        Some(o) => Store::load_order(&mut tx, o).await?,
        None => None,
    };
    let brand = match &order {
        Some(o) => res.brands.get(&o.order.brand),
        None => res.brands.0.first().cloned().unwrap_or_else(|| act::Brand::derived("support")),
    };
    let mut references = e.references.clone();
    references.extend(e.message_id.clone());
    let payload = EmailPayload {
        from: brand.from.clone(),
        reply_to: brand.reply_to.clone(),
        to: to.clone(),
        subject: act::reply_subject(&e.subject),
        html: html_of(&text),
        text: text.clone(),
        in_reply_to: e.message_id.clone(),
        references,
        // A person wrote it: not automatic mail (RFC 3834).
        auto_submitted: "no".into(),
        language: t.draft.as_ref().map(|d| d.language.clone()).unwrap_or_default(),
        brand: brand.name.clone(),
        kind: "reply".into(),
        message_key: None,
    };
    let row = NewOutbox {
        dedupe_key: format!("reply:{id}:{}", crate::store::content_hash(text.as_bytes())),
        channel: "email".into(),
        order_id: order.as_ref().map(|o| o.order.id.clone()),
        message: Some(id),
        kind: "reply".into(),
        recipient: to,
        payload: serde_json::to_string(&payload).unwrap_or_default(),
        held_reason: None,
    };
    let queued = Store::enqueue(&mut tx, &row).await?;
    let change = ItemChange { state: Some("done".into()), draft: Some(text.clone()), ..Default::default() };
    Store::change_item(&mut tx, id, &change).await?;
    Store::add_audit(&mut tx, &audit(actor, "reply.send", &item, item.draft.clone(), Some(text))).await?;
    tx.commit().await?;
    Ok(queued)
}

/// Plain text as HTML paragraphs, escaped.
fn html_of(text: &str) -> String {
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>", escape(p.trim()).replace('\n', "<br>")))
        .collect::<Vec<_>>()
        .join("\n")
}
