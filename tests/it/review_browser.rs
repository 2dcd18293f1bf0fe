//! The review queue in a real browser (headless Chromium over WebDriver)
//! against a real `mailroom run`, Dovecot and SMTP server: a person signs
//! in, opens an escalated item, edits the draft, sends it, and the
//! customer finds it in their mailbox; a person approves a prepared change
//! and the order changes. The pages are photographed on the way
//! (target/screenshots/, copied to docs/screenshots/ for the README).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mailroom::store::{QueueFilter, Store};

use crate::resolution_e2e::{DELAY, DELAY_CUSTOMER, DELAY_ORDER, World, world};
use crate::support::agent::fixtures;
use crate::support::browser::Browser;

const PASSWORD: &str = "correct horse battery";
/// A customer's address change without a postcode: escalated with a draft.
const INCOMPLETE: &str = "cust-en-003-address-change-no-zip";
const INCOMPLETE_ID: &str = "2699FCE7-DF8B-5C77-F7F3-4F9892BF40C8@example.net";

fn screenshots() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("screenshots")
}

fn add_user(w: &World, name: &str) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mailroom"))
        .args(["users", "add", name, "--config"])
        .arg(&w.config)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    c.stdin.take().unwrap().write_all(format!("{PASSWORD}\n").as_bytes()).unwrap();
    assert!(c.wait().unwrap().success(), "mailroom users add");
}

/// The queue item of the message with this Message-ID, once processed.
async fn item_of(store: &Store, message_id: &str) -> i64 {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let rows = store.messages(None, i64::MAX).await.unwrap();
        if let Some(r) = rows.iter().find(|r| r.message_id == message_id && r.decision.is_some())
            && store.queue_item(r.id).await.unwrap().is_some()
        {
            return r.id;
        }
        assert!(Instant::now() < deadline, "{message_id} did not reach the queue");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Wait (up to 15 s) until the page shows `what`.
async fn wait_for_text(b: &Browser, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let text = b.text().await;
        if text.contains(what) {
            return;
        }
        assert!(Instant::now() < deadline, "the page never showed {what:?}:\n{text}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

async fn sign_in(b: &Browser, w: &World) {
    b.goto(&format!("{}/", w.web)).await;
    assert!(b.url().await.ends_with("/login"), "a page without a session sends you to sign in");
    b.type_into("input[name=user]", "priya").await;
    b.type_into("input[name=password]", PASSWORD).await;
    b.click("button[type=submit]").await;
    b.wait_for_url(&format!("{}/", w.web)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_browser_a_person_edits_and_sends_the_draft_and_the_customer_receives_it() {
    let w = world("auto").await;
    w.dovecot.add_user("hannah_lee");
    add_user(&w, "priya");
    let mut agent = w.run();
    // Some company for the screenshots: other bundled mail first.
    let mut cases: Vec<_> = std::fs::read_dir(fixtures().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    cases.sort();
    for case in cases.iter().step_by(12) {
        w.dovecot.append("ops", "INBOX", &std::fs::read(case).unwrap()).await;
    }
    w.deliver(INCOMPLETE).await;
    let id = item_of(&w.store, INCOMPLETE_ID).await;

    let b = Browser::start().await;
    sign_in(&b, &w).await;
    let queue = b.text().await;
    assert!(queue.contains("Review queue") && queue.contains("open"), "{queue}");
    b.screenshot(&screenshots().join("queue.png")).await;

    b.click(&format!("a[href='/items/{id}']")).await;
    b.wait_for_url(&format!("/items/{id}")).await;
    let page = b.text().await;
    assert!(page.contains("hannah_lee@example.net") && page.contains("Send reply"), "{page}");
    b.screenshot(&screenshots().join("item.png")).await;

    let text = "Hello Hannah,\n\nThanks for the new address. Could you send us its ZIP code? \
                Then we change the order at once.\n\nBest regards, Priya";
    b.type_into("textarea[name=value]", text).await;
    b.click(&format!("form[action='/items/{id}/send'] button")).await;
    wait_for_text(&b, "reply.send").await;

    let mails = w.inbox("hannah_lee", 1).await;
    let m = mails.iter().find(|m| m.in_reply_to == [INCOMPLETE_ID]).expect("the reply, threaded");
    assert!(m.newest_text.contains("ZIP code") && m.newest_text.contains("Priya"), "{}", m.newest_text);
    assert_eq!(w.store.queue_item(id).await.unwrap().unwrap().state, "done");

    b.goto(&format!("{}/dashboard", w.web)).await;
    assert!(b.text().await.contains("automation rate"));
    b.screenshot(&screenshots().join("dashboard.png")).await;
    b.quit().await;
    crate::support::agent::stop(&mut agent);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_browser_a_person_approves_a_prepared_change_and_the_order_changes() {
    let w = world("approve").await;
    add_user(&w, "priya");
    let before = w.store.order(DELAY_ORDER).await.unwrap().unwrap().expected_delivery;
    let mut agent = w.run();
    w.deliver(DELAY).await;
    let id = item_of(&w.store, "klbgbddfmbbhpekh.jolmocka@ups.com").await;
    assert_eq!(w.store.queue(&QueueFilter { awaiting: true, ..Default::default() }).await.unwrap().len(), 1);

    let b = Browser::start().await;
    sign_in(&b, &w).await;
    b.click("a[href='/approvals']").await;
    b.wait_for_url("/approvals").await;
    assert!(b.text().await.contains("awaiting approval"));
    b.click(&format!("a[href='/items/{id}']")).await;
    b.wait_for_url(&format!("/items/{id}")).await;
    b.click(&format!("form[action='/items/{id}/approve'] button")).await;
    wait_for_text(&b, "action.approve").await;

    let after = w.store.order(DELAY_ORDER).await.unwrap().unwrap().expected_delivery;
    assert_ne!(before, after, "the order changed");
    let events = w.store.order_events(DELAY_ORDER).await.unwrap();
    assert_eq!((events[0].event.actor.as_str(), events[0].event.automatic), ("priya", false));
    let mails = w.inbox(DELAY_CUSTOMER, 1).await;
    assert_eq!(mails[0].to[0].address, "lukas_fischer@example.de");
    b.goto(&format!("{}/orders/{DELAY_ORDER}", w.web)).await;
    assert!(b.text().await.contains("priya"), "the order's timeline names who approved");
    b.quit().await;
    crate::support::agent::stop(&mut agent);
}
