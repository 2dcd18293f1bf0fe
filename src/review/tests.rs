use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::*;
use crate::act::{Autonomy, Brands, Guard, Mode, Settled, settle};
use crate::domain::{DecisionKind, OrderStatus};
use crate::senders::TrustedSenders;
use crate::store::{TestStore, test_stores};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

const DELAY: &str = "carrier-en-027-ups-new-scheduled-delivery-weather";
const INCOMPLETE_ADDRESS: &str = "cust-en-003-address-change-no-zip";
const FAILED_ATTEMPT: &str = "carrier-de-005-ups-zustellversuch-wien";

struct Env {
    store: TestStore,
    engine: Engine,
    res: Resolver,
}

/// Both backends, the fixture order book, carrier delays set to `approve`.
async fn envs() -> Vec<Env> {
    let mut out = Vec::new();
    for store in test_stores().await {
        store.import_orders(&crate::cli::read_orders(&fixtures().join("orders.json")).unwrap()).await.unwrap();
        let engine = Engine::new(None, TrustedSenders::load(&fixtures().join("senders.toml")).unwrap()).unwrap();
        let mut autonomy = Autonomy::default();
        autonomy.per_category.insert(Category::CarrierDelay, Mode::Approve);
        autonomy.per_category.insert(Category::CarrierDeliveryFailed, Mode::Approve);
        let res = Resolver {
            render: Arc::new(crate::notify::templates::Templates::bundled().unwrap()),
            brands: Brands::default(),
            autonomy,
            guard: Guard::default(),
            webhook: false,
        };
        out.push(Env { store, engine, res });
    }
    out
}

impl Env {
    /// Store, triage and settle a fixture mail; its message id.
    async fn escalated(&self, case: &str) -> (i64, Triaged) {
        let raw = std::fs::read(fixtures().join("cases").join(format!("{case}.eml"))).unwrap();
        let at = crate::mailbox::Location { source: "t".into(), epoch: 0, key: case.into() };
        let id = self.store.receive(&at, &raw).await.unwrap().message;
        let t = triage(&raw, &self.engine, &self.store).await.unwrap();
        let settled = settle(&self.store, &self.res, id, &t).await.unwrap();
        assert!(matches!(settled, Settled::Done { decision: DecisionKind::Escalate, .. }), "{settled:?}");
        (id, t)
    }

    async fn actions(&self, id: i64) -> Vec<String> {
        self.store.audit_trail(Some(id), None).await.unwrap().into_iter().map(|a| a.entry.action).collect()
    }
}

#[tokio::test]
async fn approving_a_prepared_action_changes_the_order_as_the_person_and_closes_the_item() {
    for e in envs().await {
        let (id, t) = e.escalated(DELAY).await;
        let order_id = t.link.order_id().unwrap().to_string();
        let item = e.store.queue_item(id).await.unwrap().unwrap();
        assert_eq!(item.state, "open");
        assert!(item.reason.unwrap().contains("awaiting approval"));
        let before = e.store.order(&order_id).await.unwrap().unwrap().expected_delivery;

        let done = approve(&e.store, &e.engine, &e.res, id, "priya").await.unwrap();
        assert_eq!(
            (done.order_id.as_str(), done.changes, done.notices),
            (order_id.as_str(), 1, 1),
            "{:?}",
            e.store.backend()
        );
        let after = e.store.order(&order_id).await.unwrap().unwrap().expected_delivery;
        assert_ne!(before, after);
        let events = e.store.order_events(&order_id).await.unwrap();
        assert_eq!((events[0].event.actor.as_str(), events[0].event.automatic), ("priya", false));
        assert_eq!(e.store.actions("applied").await.unwrap().len(), 1);
        assert_eq!(e.store.queue_item(id).await.unwrap().unwrap().state, "done");
        assert_eq!(e.store.outbox(Some("pending"), 10).await.unwrap().len(), 1, "the customer is told");
        assert_eq!(e.actions(id).await, ["queue.open", "order.change", "action.approve"]);
        let trail = e.store.audit_trail(None, Some(&order_id)).await.unwrap();
        let change = trail.iter().find(|a| a.entry.action == "order.change").unwrap();
        assert_eq!(change.entry.actor, "priya");
        assert!(change.entry.before.as_deref().unwrap().contains("expected_delivery"));

        // A second click does nothing twice.
        let again = approve(&e.store, &e.engine, &e.res, id, "sam").await.unwrap_err();
        assert!(matches!(again, ReviewError::Closed { .. }), "{again}");
        assert_eq!(e.store.order_events(&order_id).await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn an_approval_the_order_has_moved_past_is_refused_and_the_item_stays_open() {
    for e in envs().await {
        let (id, t) = e.escalated(FAILED_ATTEMPT).await;
        let order_id = t.link.order_id().unwrap();
        // Delivered meanwhile: a failed delivery attempt cannot follow.
        let mut tx = e.store.begin().await.unwrap();
        let mut rec = Store::load_order(&mut tx, order_id).await.unwrap().unwrap();
        rec.order.status = OrderStatus::Delivered;
        Store::save_order(&mut tx, &rec).await.unwrap();
        tx.commit().await.unwrap();

        let refused = approve(&e.store, &e.engine, &e.res, id, "priya").await.unwrap_err();
        assert!(matches!(&refused, ReviewError::Refused(why) if why.contains("delivered")), "{refused}");
        assert_eq!(e.store.queue_item(id).await.unwrap().unwrap().state, "open");
        assert_eq!(e.store.actions("awaiting").await.unwrap().len(), 1);
        assert!(e.store.order_events(order_id).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn an_edited_reply_goes_to_the_customer_threaded_through_the_outbox_once() {
    for e in envs().await {
        let (id, t) = e.escalated(INCOMPLETE_ADDRESS).await;
        let item = e.store.queue_item(id).await.unwrap().unwrap();
        assert!(item.draft.as_deref().is_some_and(|d| !d.is_empty()), "a drafted reply waits: {item:?}");
        let none = approve(&e.store, &e.engine, &e.res, id, "priya").await.unwrap_err();
        assert!(matches!(none, ReviewError::NoAction(_)), "{none}");

        let text = "Hello Hannah,\n\nCould you send us the ZIP code of the new address? <Thanks>";
        assert!(send_reply(&e.store, &e.engine, &e.res, id, Some(text), "priya").await.unwrap());
        let rows = e.store.outbox(Some("pending"), 10).await.unwrap();
        assert_eq!(rows.len(), 1, "{:?}", e.store.backend());
        let p: EmailPayload = serde_json::from_str(&rows[0].payload).unwrap();
        assert_eq!(p.to, "hannah_lee@example.net");
        assert_eq!(p.in_reply_to, t.email.message_id);
        assert!(p.subject.starts_with("Re: "));
        assert_eq!(p.auto_submitted, "no");
        assert!(p.html.contains("&lt;Thanks&gt;") && p.text == text);
        let item = e.store.queue_item(id).await.unwrap().unwrap();
        assert_eq!((item.state.as_str(), item.draft.as_deref()), ("done", Some(text)));
        assert_eq!(e.actions(id).await, ["queue.open", "reply.send"]);

        let closed = send_reply(&e.store, &e.engine, &e.res, id, Some(text), "priya").await.unwrap_err();
        assert!(matches!(closed, ReviewError::Closed { .. }));
    }
}

#[tokio::test]
async fn assigning_reclassifying_and_dismissing_are_audited_with_before_and_after() {
    for e in envs().await {
        let (id, _) = e.escalated(INCOMPLETE_ADDRESS).await;
        assign(&e.store, id, "sam", "priya").await.unwrap();
        reclassify(&e.store, id, Category::CustomerWismo, "sam").await.unwrap();
        let item = e.store.queue_item(id).await.unwrap().unwrap();
        assert_eq!(item.state, "in_progress");
        assert_eq!(
            (item.assignee.as_deref(), item.corrected_category.as_deref()),
            (Some("sam"), Some("customer_wismo"))
        );
        dismiss(&e.store, id, "sam", Some("answered by phone")).await.unwrap();
        assert_eq!(e.store.queue_item(id).await.unwrap().unwrap().state, "dismissed");
        assert!(matches!(assign(&e.store, id, "x", "y").await.unwrap_err(), ReviewError::Closed { .. }));
        assert!(matches!(dismiss(&e.store, 9999, "y", None).await.unwrap_err(), ReviewError::NotFound(9999)));

        let trail = e.store.audit_trail(Some(id), None).await.unwrap();
        let seen: Vec<_> = trail.iter().map(|a| (a.entry.action.as_str(), a.entry.actor.as_str())).collect();
        assert_eq!(
            seen,
            [
                ("queue.open", "mailroom"),
                ("queue.assign", "priya"),
                ("message.reclassify", "sam"),
                ("queue.dismiss", "sam")
            ]
        );
        assert_eq!(trail[2].entry.before.as_deref(), Some("customer_address_change"));
        assert_eq!(trail[3].entry.after.as_deref(), Some("dismissed: answered by phone"));
    }
}

#[tokio::test]
async fn a_person_applies_the_suggested_address_change_the_policy_would_not_take_alone() {
    for e in envs().await {
        // DKIM failed: the policy cannot verify the sender and escalates.
        let (id, t) = e.escalated("cust-en-006-address-change-dkim-fail").await;
        let Some(Action::AddressChange { address }) = suggestion(&t) else { panic!("{:?}", suggestion(&t)) };
        assert_eq!(address.postcode.as_deref(), Some("3065"));
        let done = apply_suggested(&e.store, &e.engine, &e.res, id, "priya").await.unwrap();
        assert_eq!((done.order_id.as_str(), done.changes), ("HP-88124", 1), "{:?}", e.store.backend());
        let order = e.store.order("HP-88124").await.unwrap().unwrap();
        assert_eq!(order.shipping_address.postcode, "3065");
        assert_eq!(e.actions(id).await, ["queue.open", "order.change", "action.apply_suggested"]);
        let again = apply_suggested(&e.store, &e.engine, &e.res, id, "priya").await.unwrap_err();
        assert!(matches!(again, ReviewError::Closed { .. }), "{again}");

        // An incomplete address is never suggested.
        let (_, t) = e.escalated(INCOMPLETE_ADDRESS).await;
        assert_eq!(suggestion(&t), None);
    }
}

#[tokio::test]
async fn corrections_export_as_fixtures_with_consistent_fakes_and_the_evaluation_reads_them() {
    for e in envs().await {
        let (id, _) = e.escalated(INCOMPLETE_ADDRESS).await;
        let (other, _) = e.escalated(FAILED_ATTEMPT).await;
        reclassify(&e.store, id, Category::CustomerAddressChange, "priya").await.unwrap();
        let _ = other; // not corrected: not exported
        let dir = tempfile::tempdir().unwrap();
        let senders = TrustedSenders::load(&fixtures().join("senders.toml")).unwrap();
        let done = export_corrected(&e.store, &senders, dir.path()).await.unwrap();
        assert_eq!(done, Exported { cases: 1, orders: 1 }, "{:?}", e.store.backend());

        let names: Vec<_> = std::fs::read_dir(dir.path().join("cases")).unwrap().map(|e| e.unwrap().path()).collect();
        let eml = names.iter().find(|p| p.extension().is_some_and(|x| x == "eml")).unwrap();
        let text = std::fs::read_to_string(eml).unwrap();
        let book = std::fs::read_to_string(dir.path().join("orders.json")).unwrap();
        for real in ["Hannah", "hannah_lee@example.net", "Lee <"] {
            assert!(!text.contains(real) && !book.contains(real), "{real} left in:\n{text}\n{book}");
        }
        let orders: Vec<crate::domain::Order> = serde_json::from_str(&book).unwrap();
        assert_eq!(orders[0].id, "HP-88052");
        let fake_email = &orders[0].customer.email;
        assert!(text.contains(fake_email.as_str()), "the mail's sender is the order's customer, faked alike:\n{text}");
        assert!(text.contains(&orders[0].customer.name), "the same fake name in both");
        assert!(text.contains("2250 Alameda Street"), "the new address a label may check is the mail's content");
        let label = std::fs::read_to_string(eml.with_extension("toml")).unwrap();
        assert!(label.contains("category = \"customer_address_change\"") && label.contains("order = \"HP-88052\""));

        // The export is a fixture directory the evaluation reads, and the
        // faked sender is still recognised as the order's customer.
        let f = crate::eval::fixtures::load(dir.path()).unwrap();
        assert_eq!(f.cases.len(), 1);
        let raw = std::fs::read(eml).unwrap();
        let engine = Engine::new(None, f.senders.clone()).unwrap();
        let s2 = Store::open("sqlite::memory:").await.unwrap();
        s2.import_orders(&f.orders).await.unwrap();
        let t = triage(&raw, &engine, &s2).await.unwrap();
        assert_eq!((t.category(), t.link.order_id()), (Category::CustomerAddressChange, Some("HP-88052")));
    }
}
