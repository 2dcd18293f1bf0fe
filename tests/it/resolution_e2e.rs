//! Automatic resolution end to end, with real servers: an email arrives
//! over IMAP, `mailroom run` changes the order, and the customer's notice
//! travels through a real SMTP server into the customer's real mailbox,
//! where the test reads it back over IMAP.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use mailroom::parse::parse;
use mailroom::store::Store;

use crate::support::agent::{Running, fixtures, show_log_on_panic, start_connected, stop, triage_section, wait_for};
use crate::support::dovecot::{Dovecot, PASSWORD};
use crate::support::smtp::SmtpRelay;

pub const DELAY: &str = "carrier-en-027-ups-new-scheduled-delivery-weather";
pub const DELAY_ORDER: &str = "AH-500253";
pub const DELAY_CUSTOMER: &str = "lukas_fischer";
pub const WISMO: &str = "cust-de-086-wo-bleibt-paket-cp1252";
pub const WISMO_CUSTOMER: &str = "felixw";

pub struct World {
    pub dovecot: Dovecot,
    relay: SmtpRelay,
    dir: tempfile::TempDir,
    pub config: PathBuf,
    pub store: Store,
    /// The review queue's pages.
    pub web: String,
}

pub async fn world(autonomy: &str) -> World {
    let dovecot = Dovecot::new();
    for user in [DELAY_CUSTOMER, WISMO_CUSTOMER] {
        dovecot.add_user(user);
    }
    let relay = SmtpRelay::start(dovecot.lmtp_port());
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("mailroom.db").display());
    let config = dir.path().join("mailroom.toml");
    let web_port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let text = format!(
        "[database]\nurl = {db:?}\n\n[web]\nlisten = \"127.0.0.1:{web_port}\"\n\n[mailbox]\nsource = \"imap\"\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"\nusername = \"ops\"\n\n\
         [email]\ntransport = \"smtp\"\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"\n\n\
         [outbox]\nbackoff_base_secs = 1\nbackoff_max_secs = 2\n\n[autonomy]\ndefault = {autonomy:?}\n\n{}",
        dovecot.imap_port(),
        relay.port(),
        triage_section()
    );
    std::fs::write(&config, text).unwrap();
    let store = Store::open(&db).await.unwrap();
    // The agent imports the same book at start; the test reads orders before.
    let book = std::fs::read_to_string(fixtures().join("orders.json")).unwrap();
    store.import_orders(&serde_json::from_str::<Vec<mailroom::domain::Order>>(&book).unwrap()).await.unwrap();
    World { dovecot, relay, dir, config, store, web: format!("http://127.0.0.1:{web_port}") }
}

impl Drop for World {
    fn drop(&mut self) {
        show_log_on_panic(self.dir.path());
    }
}

impl World {
    pub fn run(&self) -> Running {
        Running(start_connected(&self.config, self.dir.path(), &[("MAILROOM__MAILBOX__PASSWORD", PASSWORD)]))
    }

    pub async fn deliver(&self, case: &str) {
        let raw = std::fs::read(fixtures().join("cases").join(format!("{case}.eml"))).unwrap();
        self.dovecot.append("ops", "INBOX", &raw).await;
    }

    fn mailroom(&self, args: &[&str]) -> String {
        let out = Command::new(env!("CARGO_BIN_EXE_mailroom"))
            .args(args)
            .arg("--config")
            .arg(&self.config)
            .current_dir(self.dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "mailroom {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The raw messages in a customer's INBOX, once `n` have arrived.
    pub async fn inbox(&self, user: &str, n: usize) -> Vec<mailroom::domain::Email> {
        let deadline = Instant::now() + Duration::from_secs(60);
        while self.dovecot.count(user, "INBOX").await < n {
            assert!(Instant::now() < deadline, "{user} got {} of {n} notices", self.dovecot.count(user, "INBOX").await);
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let dir = self.dovecot.maildir(user, "INBOX");
        let mut mails = Vec::new();
        for sub in ["new", "cur"] {
            for e in std::fs::read_dir(dir.join(sub)).into_iter().flatten() {
                mails.push(parse(&std::fs::read(e.unwrap().path()).unwrap()).unwrap());
            }
        }
        mails
    }
}

#[tokio::test]
async fn a_carrier_delay_changes_the_order_and_the_customer_reads_the_notice_in_their_mailbox() {
    let w = world("auto").await;
    let before = w.store.order(DELAY_ORDER).await.unwrap().unwrap().expected_delivery;
    let mut agent = w.run();
    w.deliver(DELAY).await;
    let mails = w.inbox(DELAY_CUSTOMER, 1).await;
    let after = w.store.order(DELAY_ORDER).await.unwrap().unwrap().expected_delivery;
    assert_ne!(before, after, "the expected date changed");
    let events = w.store.order_events(DELAY_ORDER).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].event.new_value, after.map(|d| d.to_string()));
    let m = &mails[0];
    assert_eq!(m.to[0].address, "lukas_fischer@example.de");
    assert_eq!(m.trust.auto_submitted.as_deref(), Some("auto-generated"), "a proactive notice");
    assert!(m.in_reply_to.is_empty(), "not a reply to the carrier");
    assert_eq!(m.header("Content-Language"), Some("de"), "the customer's language");
    // The new date, written out in German ("Donnerstag, 19. November 2026" style).
    let day = after.unwrap().format("%-d").to_string();
    assert!(m.newest_text.contains(&format!("{day}.")) && m.newest_text.contains("2026"), "{}", m.newest_text);
    stop(&mut agent);
}

#[tokio::test]
async fn a_verified_wismo_gets_a_threaded_reply_and_a_replay_sends_nothing_twice() {
    let w = world("auto").await;
    let mut agent = w.run();
    w.deliver(WISMO).await;
    let mails = w.inbox(WISMO_CUSTOMER, 1).await;
    let raw = std::fs::read(fixtures().join("cases").join(format!("{WISMO}.eml"))).unwrap();
    let asked = parse(&raw).unwrap();
    let reply = &mails[0];
    assert_eq!(reply.in_reply_to, vec![asked.message_id.clone().unwrap()]);
    assert_eq!(reply.references.last(), asked.message_id.as_ref());
    assert!(reply.subject.starts_with("Re: "), "{}", reply.subject);
    assert_eq!(reply.trust.auto_submitted.as_deref(), Some("auto-replied"));
    stop(&mut agent);
    // Replaying the processed message changes nothing and sends nothing.
    let id = w.store.messages(None, 1).await.unwrap()[0].id;
    w.mailroom(&["replay", &id.to_string()]);
    let mut agent = w.run();
    tokio::time::sleep(Duration::from_secs(3)).await;
    stop(&mut agent);
    assert_eq!(w.dovecot.count(WISMO_CUSTOMER, "INBOX").await, 1);
    assert_eq!(w.store.outbox(None, 10).await.unwrap().iter().filter(|r| r.channel == "email").count(), 1);
}

#[tokio::test]
async fn smtp_down_then_up_loses_nothing_and_sends_once() {
    let mut w = world("auto").await;
    w.relay.down();
    let mut agent = w.run();
    w.deliver(DELAY).await;
    // The notice is queued and its first attempts fail while SMTP is down.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let rows = w.store.outbox(Some("pending"), 5).await.unwrap();
        if rows.iter().any(|r| r.attempts >= 1) {
            break;
        }
        assert!(Instant::now() < deadline, "no failed attempt while SMTP was down");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    w.relay.up();
    w.inbox(DELAY_CUSTOMER, 1).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    stop(&mut agent);
    assert_eq!(w.dovecot.count(DELAY_CUSTOMER, "INBOX").await, 1, "sent once");
    assert_eq!(w.store.outbox(Some("sent"), 5).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_kill_switch_holds_the_notice_until_resume() {
    let w = world("auto").await;
    w.mailroom(&["pause"]);
    let mut agent = w.run();
    w.deliver(DELAY).await;
    wait_for(&w.store, "the delay mail", |(r, p, _)| r == 0 && p == 1).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(w.dovecot.count(DELAY_CUSTOMER, "INBOX").await, 0, "held while paused");
    assert_eq!(w.store.outbox(Some("pending"), 5).await.unwrap().len(), 1, "held, not lost");
    w.mailroom(&["resume"]);
    w.inbox(DELAY_CUSTOMER, 1).await;
    stop(&mut agent);
}

#[tokio::test]
async fn shadow_mode_changes_nothing_and_the_report_counts_it() {
    let w = world("shadow").await;
    let before = w.store.order(DELAY_ORDER).await.unwrap();
    let mut agent = w.run();
    w.deliver(DELAY).await;
    wait_for(&w.store, "the delay mail", |(r, p, _)| r == 0 && p == 1).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    stop(&mut agent);
    assert_eq!(w.store.order(DELAY_ORDER).await.unwrap(), before);
    assert!(w.store.order_events(DELAY_ORDER).await.unwrap().is_empty());
    assert!(w.store.outbox(None, 5).await.unwrap().is_empty());
    assert_eq!(w.dovecot.count(DELAY_CUSTOMER, "INBOX").await, 0);
    let report = w.mailroom(&["shadow-report"]);
    assert!(report.contains("carrier_delay"), "{report}");
    assert_eq!(w.dovecot.count("ops", "mailroom.escalated").await, 1, "a person handles it as before");
}

/// The queue item of the only message stored, once it is there.
async fn only_item(w: &World) -> i64 {
    wait_for(&w.store, "the message processed", |(_, processed, _)| processed == 1).await;
    let items = w.store.queue(&mailroom::store::QueueFilter::default()).await.unwrap();
    assert_eq!(items.len(), 1, "{items:?}");
    items[0].message
}

#[tokio::test]
async fn a_person_approves_a_prepared_change_from_the_queue_and_the_customer_reads_the_notice() {
    let w = world("approve").await;
    let before = w.store.order(DELAY_ORDER).await.unwrap().unwrap().expected_delivery;
    let mut agent = w.run();
    w.deliver(DELAY).await;
    let id = only_item(&w).await;
    let listed = w.mailroom(&["queue", "list"]);
    assert!(listed.contains("awaiting approval") && listed.contains(DELAY_ORDER), "{listed}");
    assert_eq!(w.store.order(DELAY_ORDER).await.unwrap().unwrap().expected_delivery, before, "nothing yet");

    let said = w.mailroom(&["queue", "approve", &id.to_string(), "--as", "priya"]);
    assert!(said.contains("1 change(s), 1 notice(s)"), "{said}");
    let mails = w.inbox(DELAY_CUSTOMER, 1).await;
    assert_eq!(mails[0].to[0].address, "lukas_fischer@example.de");
    assert_ne!(w.store.order(DELAY_ORDER).await.unwrap().unwrap().expected_delivery, before);
    let events = w.store.order_events(DELAY_ORDER).await.unwrap();
    assert_eq!((events[0].event.actor.as_str(), events[0].event.automatic), ("priya", false));
    let shown = w.mailroom(&["queue", "show", &id.to_string()]);
    assert!(shown.contains("action.approve") && shown.contains("by priya"), "{shown}");
    let after = w.mailroom(&["queue", "list"]);
    assert!(after.starts_with("queue: 1 done"), "no open item is left: {after}");
    stop(&mut agent);
}

#[tokio::test]
async fn a_person_edits_and_sends_the_drafted_reply_and_it_arrives_threaded_in_the_customers_mailbox() {
    let w = world("off").await;
    let mut agent = w.run();
    w.deliver(WISMO).await;
    let id = only_item(&w).await;
    let shown = w.mailroom(&["queue", "show", &id.to_string()]);
    assert!(shown.contains("draft") && shown.contains("felixw@example.de"), "{shown}");

    let text = "Hallo Felix,\n\nIhr Paket ist unterwegs und kommt morgen an.\n\nViele Grüße";
    w.mailroom(&["queue", "send", &id.to_string(), "--text", text, "--as", "priya"]);
    let mails = w.inbox(WISMO_CUSTOMER, 1).await;
    let m = &mails[0];
    assert_eq!(m.in_reply_to, ["SMFtbigLrBUQzJgA@OVUJTY.eurprd04.prod.outlook.com"]);
    assert!(m.subject.starts_with("Re: "), "{}", m.subject);
    assert!(m.newest_text.contains("kommt morgen an"), "{}", m.newest_text);
    assert!(!m.trust.is_automated(), "a person's reply is not automatic mail");
    let item = w.store.queue_item(id).await.unwrap().unwrap();
    assert_eq!(item.state, "done");
    stop(&mut agent);
}
