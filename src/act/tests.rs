use std::path::Path;

use super::*;
use crate::domain::Category;
use crate::notify::templates::{Context, Kind, Rendered};
use crate::pipeline::{Engine, triage};
use crate::senders::TrustedSenders;
use crate::store::MessageState;

/// Renders every notice as a line of facts, so tests can read what the
/// real templates would be given.
struct Facts;

impl Render for Facts {
    fn render(&self, brand: &str, language: &str, kind: Kind, cx: &Context) -> Result<Rendered, String> {
        let text = format!("{brand} {language} {} order {} new_date {:?}", kind.as_str(), cx.order.id, cx.new_date);
        Ok(Rendered {
            subject: format!("{} {}", kind.as_str(), cx.order.id),
            html: format!("<p>{text}</p>"),
            text,
            language: language.into(),
        })
    }
    fn tracking_url(&self, _carrier: &str, number: &str) -> Option<String> {
        Some(format!("https://track.example/{number}"))
    }
}

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

struct Env {
    _dir: tempfile::TempDir,
    store: Store,
    engine: Engine,
    res: Resolver,
}

async fn env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).await.unwrap();
    store.import_orders(&crate::cli::read_orders(&fixtures().join("orders.json")).unwrap()).await.unwrap();
    let engine = Engine::new(None, TrustedSenders::load(&fixtures().join("senders.toml")).unwrap()).unwrap();
    let res = Resolver {
        render: Arc::new(Facts),
        brands: Brands::default(),
        autonomy: Autonomy::default(),
        guard: Guard::default(),
        webhook: true,
    };
    Env { _dir: dir, store, engine, res }
}

impl Env {
    /// Store and triage a fixture mail (optionally with its Message-ID
    /// replaced), returning its id and triage.
    async fn mail(&self, case: &str, new_id: Option<&str>) -> (i64, Triaged) {
        let mut raw = std::fs::read(fixtures().join("cases").join(format!("{case}.eml"))).unwrap();
        if let Some(id) = new_id {
            let text = String::from_utf8_lossy(&raw).into_owned();
            let replaced: Vec<String> = text
                .split_inclusive('\n')
                .map(|l| {
                    if l.to_ascii_lowercase().starts_with("message-id:") {
                        format!("Message-ID: <{id}>\r\n")
                    } else {
                        l.to_string()
                    }
                })
                .collect();
            raw = replaced.concat().into_bytes();
        }
        let loc = crate::mailbox::Location { source: "test".into(), epoch: 0, key: new_id.unwrap_or(case).into() };
        let stored = self.store.receive(&loc, &raw).await.unwrap();
        (stored.message, triage(&raw, &self.engine, &self.store).await.unwrap())
    }
}

const DELAY: &str = "carrier-en-027-ups-new-scheduled-delivery-weather";

#[tokio::test]
async fn an_automatic_delay_changes_the_order_records_events_and_queues_one_notice() {
    let e = env().await;
    let (id, t) = e.mail(DELAY, None).await;
    assert_eq!(t.decision.kind, DecisionKind::Auto, "{}", t.decision.reason);
    let Some(Action::CarrierDelay { new_date }) = t.decision.action.clone() else { panic!("{:?}", t.decision) };
    let order_id = t.link.order_id().unwrap().to_string();
    let got = settle(&e.store, &e.res, id, &t).await.unwrap();
    assert!(matches!(got, Settled::Done { decision: DecisionKind::Auto, changes: 1, notices: 1, .. }), "{got:?}");
    assert_eq!(e.store.order(&order_id).await.unwrap().unwrap().expected_delivery, Some(new_date));
    let events = e.store.order_events(&order_id).await.unwrap();
    assert_eq!((events[0].event.kind.as_str(), events[0].event.actor.as_str()), ("expected_delivery", "mailroom"));
    assert_eq!(events[0].event.message, Some(id));
    let email: Vec<_> =
        e.store.outbox(Some("pending"), 10).await.unwrap().into_iter().filter(|r| r.channel == "email").collect();
    assert_eq!(email.len(), 1);
    let payload: crate::notify::email::EmailPayload = serde_json::from_str(&email[0].payload).unwrap();
    assert_eq!(payload.auto_submitted, "auto-generated");
    assert!(payload.text.contains(&new_date.to_string()));
    assert_eq!(
        e.store.outbox(None, 10).await.unwrap().iter().filter(|r| r.channel == "webhook").count(),
        1,
        "the event is published"
    );
    assert_eq!(e.store.message(id).await.unwrap().unwrap().state, MessageState::Processed);
}

#[tokio::test]
async fn the_same_message_twice_or_a_second_mail_saying_the_same_changes_nothing_twice() {
    let e = env().await;
    let (id, t) = e.mail(DELAY, None).await;
    settle(&e.store, &e.res, id, &t).await.unwrap();
    assert_eq!(settle(&e.store, &e.res, id, &t).await.unwrap(), Settled::AlreadyDone);
    // Another mail, same facts: processed, but no change and no new notice.
    let (id2, t2) = e.mail(DELAY, Some("second-notice@ups.example")).await;
    assert_ne!(id, id2);
    let got = settle(&e.store, &e.res, id2, &t2).await.unwrap();
    assert!(matches!(got, Settled::Done { decision: DecisionKind::Auto, changes: 0, notices: 0, .. }), "{got:?}");
    let order_id = t.link.order_id().unwrap();
    assert_eq!(e.store.order_events(order_id).await.unwrap().len(), 1);
    assert_eq!(e.store.outbox(None, 10).await.unwrap().iter().filter(|r| r.channel == "email").count(), 1);
}

/// The same delay told again by the carrier a few hours later, worded
/// differently and in plain text only.
const DELAY_AGAIN: &str = "From: UPS Quantum View <pkginfo@ups.com>\r\n\
To: Alpenhaus Versand <versand@alpenhaus.example>\r\n\
Subject: Your UPS shipment 1Z328DS30269378284 is delayed\r\n\
Date: Thu, 19 Nov 2026 14:02:10 -0500\r\n\
Message-ID: <qv-delay-2@ups.com>\r\n\
Authentication-Results: mx.alpenhaus.example; spf=pass smtp.mailfrom=ups.com; dkim=pass header.d=ups.com\r\n\
Content-Type: text/plain; charset=utf-8\r\n\r\n\
Shipment notification\r\n\r\n\
Due to weather in Cologne your shipment 1Z328DS30269378284 is running late.\r\n\
Revised delivery date: 23 November 2026.\r\n\r\n\
This is an automated message; please do not reply.\r\n";

#[tokio::test]
async fn two_different_carrier_mails_about_the_same_delay_change_and_notify_once() {
    let e = env().await;
    let (id, t) = e.mail(DELAY, None).await;
    settle(&e.store, &e.res, id, &t).await.unwrap();
    let loc = crate::mailbox::Location { source: "test".into(), epoch: 0, key: "again".into() };
    let id2 = e.store.receive(&loc, DELAY_AGAIN.as_bytes()).await.unwrap().message;
    let t2 = triage(DELAY_AGAIN.as_bytes(), &e.engine, &e.store).await.unwrap();
    assert_eq!(t2.decision.kind, DecisionKind::Auto, "{}", t2.decision.reason);
    assert_eq!(t2.link.order_id(), t.link.order_id(), "the same order, by tracking number");
    let got = settle(&e.store, &e.res, id2, &t2).await.unwrap();
    assert!(matches!(got, Settled::Done { decision: DecisionKind::Auto, changes: 0, notices: 0, .. }), "{got:?}");
    let order_id = t.link.order_id().unwrap();
    assert_eq!(e.store.order_events(order_id).await.unwrap().len(), 1, "one change recorded");
    assert_eq!(e.store.outbox(None, 10).await.unwrap().iter().filter(|r| r.channel == "email").count(), 1);
    assert_eq!(e.store.message(id2).await.unwrap().unwrap().state, MessageState::Processed);
}

#[tokio::test]
async fn shadow_mode_changes_nothing_and_records_what_it_would_have_done() {
    let mut e = env().await;
    e.res.autonomy.per_category.insert(Category::CarrierDelay, Mode::Shadow);
    let (id, t) = e.mail(DELAY, None).await;
    let order_id = t.link.order_id().unwrap().to_string();
    let before = e.store.order(&order_id).await.unwrap();
    let got = settle(&e.store, &e.res, id, &t).await.unwrap();
    let Settled::Done { decision, reason, changes, notices } = got else { panic!() };
    assert_eq!((decision, changes, notices), (DecisionKind::Escalate, 0, 0));
    assert!(reason.contains("shadow mode") && reason.contains("would set"), "{reason}");
    assert_eq!(e.store.order(&order_id).await.unwrap(), before);
    assert!(e.store.order_events(&order_id).await.unwrap().is_empty());
    assert!(e.store.outbox(None, 10).await.unwrap().is_empty());
}

#[tokio::test]
async fn off_and_approve_modes_escalate_with_the_reason() {
    let mut e = env().await;
    e.res.autonomy.default = Mode::Off;
    let (id, t) = e.mail(DELAY, None).await;
    let Settled::Done { reason, decision, .. } = settle(&e.store, &e.res, id, &t).await.unwrap() else { panic!() };
    assert_eq!(decision, DecisionKind::Escalate);
    assert!(reason.contains("automation is off for carrier_delay"), "{reason}");
    e.res.autonomy.default = Mode::Approve;
    let (id2, t2) = e.mail(DELAY, Some("approve@ups.example")).await;
    let Settled::Done { reason, .. } = settle(&e.store, &e.res, id2, &t2).await.unwrap() else { panic!() };
    assert!(reason.contains("awaiting approval"), "{reason}");
}

#[tokio::test]
async fn an_illegal_transition_is_refused_and_escalated_without_a_change() {
    let e = env().await;
    let (id, mut t) = e.mail("carrier-de-005-ups-zustellversuch-wien", None).await;
    assert_eq!(t.decision.kind, DecisionKind::Auto, "{}", t.decision.reason);
    let order_id = t.link.order_id().unwrap().to_string();
    // The order was delivered meanwhile: a failed attempt cannot follow.
    let mut tx = e.store.begin().await.unwrap();
    let mut rec = Store::load_order(&mut tx, &order_id).await.unwrap().unwrap();
    rec.order.status = crate::domain::OrderStatus::Delivered;
    Store::save_order(&mut tx, &rec).await.unwrap();
    tx.commit().await.unwrap();
    t.decision.action = Some(Action::DeliveryException);
    let Settled::Done { decision, reason, changes, .. } = settle(&e.store, &e.res, id, &t).await.unwrap() else {
        panic!()
    };
    assert_eq!((decision, changes), (DecisionKind::Escalate, 0));
    assert!(reason.contains("cannot go from delivered to delivery_exception"), "{reason}");
    assert!(e.store.outbox(None, 10).await.unwrap().is_empty());
}

#[tokio::test]
async fn the_per_recipient_cap_holds_the_fourth_mail_for_a_person() {
    let mut e = env().await;
    e.res.guard.per_recipient = 1;
    let (id, t) = e.mail(DELAY, None).await;
    settle(&e.store, &e.res, id, &t).await.unwrap();
    // A different fact for the same customer (a WISMO answer) is capped.
    let (id2, mut t2) = e.mail(DELAY, Some("wismo-like@ups.example")).await;
    t2.decision.action = Some(Action::WismoReply);
    settle(&e.store, &e.res, id2, &t2).await.unwrap();
    let held = e.store.outbox(Some("held"), 10).await.unwrap();
    assert_eq!(held.len(), 1);
    assert!(held[0].held_reason.as_deref().unwrap().contains("per-recipient cap"), "{:?}", held[0].held_reason);
}
