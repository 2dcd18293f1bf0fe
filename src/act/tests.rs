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
    store: crate::store::TestStore,
    engine: Engine,
    res: Resolver,
}

/// One environment per database backend (SQLite, PostgreSQL), with the
/// fixture order book imported.
async fn envs() -> Vec<Env> {
    let mut out = Vec::new();
    for store in crate::store::test_stores().await {
        store.import_orders(&crate::cli::read_orders(&fixtures().join("orders.json")).unwrap()).await.unwrap();
        let engine = Engine::new(None, TrustedSenders::load(&fixtures().join("senders.toml")).unwrap()).unwrap();
        let res = Resolver {
            render: Arc::new(Facts),
            brands: Brands::default(),
            autonomy: Autonomy::default(),
            guard: Guard::default(),
            webhook: true,
        };
        out.push(Env { store, engine, res });
    }
    out
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
    for e in envs().await {
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
}

#[tokio::test]
async fn the_same_message_twice_or_a_second_mail_saying_the_same_changes_nothing_twice() {
    for e in envs().await {
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
    for e in envs().await {
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
}

#[tokio::test]
async fn shadow_mode_changes_nothing_and_records_what_it_would_have_done() {
    for mut e in envs().await {
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
}

#[tokio::test]
async fn off_and_approve_modes_escalate_with_the_reason() {
    for mut e in envs().await {
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
}

#[tokio::test]
async fn an_illegal_transition_is_refused_and_escalated_without_a_change() {
    for e in envs().await {
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
}

#[tokio::test]
async fn the_per_recipient_cap_holds_the_fourth_mail_for_a_person() {
    for mut e in envs().await {
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
}

/// The delay mail with another Message-ID and, when given, another new date.
fn delay_variant(message_id: &str, new_date: Option<&str>) -> Vec<u8> {
    let raw = std::fs::read_to_string(fixtures().join("cases").join(format!("{DELAY}.eml"))).unwrap();
    let raw = raw.replace("klbgbddfmbbhpekh.jolmocka@ups.com", message_id);
    match new_date {
        Some(d) => raw.replace("11/23/2026", d).into_bytes(),
        None => raw.into_bytes(),
    }
}

/// Two instances (two connection pools on one database) settle two mails
/// about the same order at the same moment, both triaged against the order
/// as it was before either.
async fn settle_concurrently(e: &Env, a: &[u8], b: &[u8]) -> (Settled, Settled, String) {
    let other = Store::open(&e.store.url).await.unwrap();
    let mut triaged = Vec::new();
    for (n, raw) in [a, b].into_iter().enumerate() {
        let loc = crate::mailbox::Location { source: "test".into(), epoch: 0, key: format!("c{n}") };
        let id = e.store.receive(&loc, raw).await.unwrap().message;
        let t = triage(raw, &e.engine, &e.store).await.unwrap();
        assert_eq!(t.decision.kind, DecisionKind::Auto, "{}", t.decision.reason);
        triaged.push((id, t));
    }
    let order_id = triaged[0].1.link.order_id().unwrap().to_string();
    assert_eq!(triaged[1].1.link.order_id(), Some(order_id.as_str()));
    let ((id_a, t_a), (id_b, t_b)) = (&triaged[0], &triaged[1]);
    let (ra, rb) = tokio::join!(settle(&e.store, &e.res, *id_a, t_a), settle(&other, &e.res, *id_b, t_b));
    other.close().await;
    (ra.unwrap(), rb.unwrap(), order_id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_changing_one_order_at_once_record_both_changes_in_order() {
    for e in envs().await {
        let a = delay_variant("race-a@ups.example", Some("11/25/2026"));
        let b = delay_variant("race-b@ups.example", Some("11/27/2026"));
        let (ra, rb, order_id) = settle_concurrently(&e, &a, &b).await;
        for r in [&ra, &rb] {
            assert!(matches!(r, Settled::Done { decision: DecisionKind::Auto, changes: 1, notices: 1, .. }), "{r:?}");
        }
        // Whichever committed second planned from the first one's result:
        // the history is a chain, and the order holds the last new date.
        let events: Vec<_> = e.store.order_events(&order_id).await.unwrap();
        let dates: Vec<_> = events.iter().filter(|x| x.event.kind == "expected_delivery").collect();
        assert_eq!(dates.len(), 2, "{:?}: {events:?}", e.store.backend());
        assert_eq!(dates[1].event.old_value, dates[0].event.new_value, "no change was planned from a stale order");
        let last = dates[1].event.new_value.clone().unwrap();
        let order = e.store.order(&order_id).await.unwrap().unwrap();
        assert_eq!(order.expected_delivery.map(|d| d.to_string()), Some(last));
        assert_eq!(e.store.outbox(None, 20).await.unwrap().iter().filter(|r| r.channel == "email").count(), 2);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_settling_the_same_news_at_once_change_and_notify_once() {
    for e in envs().await {
        let a = delay_variant("same-a@ups.example", None);
        let b = delay_variant("same-b@ups.example", None);
        let (ra, rb, order_id) = settle_concurrently(&e, &a, &b).await;
        let changes: Vec<usize> = [&ra, &rb]
            .iter()
            .map(|r| match r {
                Settled::Done { changes, .. } => *changes,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(changes.iter().sum::<usize>(), 1, "{:?}: {changes:?}", e.store.backend());
        assert_eq!(e.store.order_events(&order_id).await.unwrap().len(), 1);
        let email = e.store.outbox(None, 20).await.unwrap().into_iter().filter(|r| r.channel == "email").count();
        assert_eq!(email, 1, "one notice for one piece of news");
    }
}
