//! The live agent against a real Dovecot, as a real `mailroom run`
//! process: IDLE, polling, reconciliation after downtime, disposition
//! moves, kill -9 mid-backlog, a server restart mid-run, a UIDVALIDITY
//! reset, a malformed message. Every message is processed and filed
//! exactly once.

use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::{Duration, Instant};

use mailroom::store::{MessageState, Store};

use crate::support::agent::{
    assert_recorded_once, counts, show_log_on_panic, start_connected, stop, triage_section, unique_mails, wait_for,
};
use crate::support::dovecot::{Dovecot, Options, PASSWORD};

/// The configured `mailroom/auto`… as this Dovecot (Maildir, delimiter
/// `.`) names them.
const FOLDERS: [&str; 4] = ["mailroom.auto", "mailroom.escalated", "mailroom.ignored", "mailroom.failed"];

struct Setup {
    dir: tempfile::TempDir,
    config: PathBuf,
    store: Store,
}

/// A config for `mailroom run` on this Dovecot, and the store, migrated
/// before the agent starts so the two never race to create it.
async fn setup(dovecot: &Dovecot, disposition: &str, poll_secs: u64) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("mailroom.db").display());
    let config = dir.path().join("mailroom.toml");
    let text = format!(
        "[database]\nurl = {db:?}\n\n[mailbox]\nsource = \"imap\"\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"\n\
         username = \"ops\"\npoll_interval_secs = {poll_secs}\nreconcile_interval_secs = 5\ntimeout_secs = 10\nfetch_batch = 50\n\n\
         [mailbox.disposition]\nmode = {disposition:?}\n\n[email]\ntransport = \"maildir:{}\"\n\n{}",
        dovecot.imap_port(),
        dir.path().join("sent").display(),
        triage_section(),
    );
    std::fs::write(&config, text).unwrap();
    let store = Store::open(&db).await.unwrap();
    Setup { dir, config, store }
}

impl Drop for Setup {
    fn drop(&mut self) {
        show_log_on_panic(self.dir.path());
    }
}

fn run(s: &Setup) -> Child {
    start_connected(&s.config, s.dir.path(), &[("MAILROOM__MAILBOX__PASSWORD", PASSWORD)])
}

async fn filed(d: &Dovecot) -> usize {
    let mut n = 0;
    for f in FOLDERS {
        if d.folders("ops").await.iter().any(|x| x == f) {
            n += d.count("ops", f).await;
        }
    }
    n
}

async fn wait_filed(d: &Dovecot, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while filed(d).await < n && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(filed(d).await, n, "every message filed exactly once");
    assert_eq!(d.count("ops", "INBOX").await, 0, "nothing left in the inbox");
}

#[tokio::test]
async fn new_mail_arriving_during_idle_is_decided_within_seconds_and_moved() {
    let d = Dovecot::new();
    let s = setup(&d, "move", 30).await;
    let mut agent = run(&s);
    // Let it connect and settle into IDLE on the empty inbox.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let t = Instant::now();
    d.append("ops", "INBOX", &unique_mails(1)[0]).await;
    wait_for(&s.store, "the new mail", |(_, p, f)| p + f == 1).await;
    assert!(t.elapsed() < Duration::from_secs(5), "took {:?}", t.elapsed());
    wait_filed(&d, 1).await;
    stop(&mut agent);
}

#[tokio::test]
async fn without_idle_the_agent_polls() {
    let d = Dovecot::with(Options { idle: false, ..Options::default() });
    let s = setup(&d, "move", 1).await;
    let mut agent = run(&s);
    tokio::time::sleep(Duration::from_secs(2)).await;
    d.append("ops", "INBOX", &unique_mails(1)[0]).await;
    wait_for(&s.store, "polling to find it", |(_, p, f)| p + f == 1).await;
    wait_filed(&d, 1).await;
    stop(&mut agent);
}

#[tokio::test]
async fn mail_that_came_while_the_agent_was_down_is_reconciled_at_start() {
    let d = Dovecot::new();
    let s = setup(&d, "move", 30).await;
    let mails = unique_mails(30);
    let mut agent = run(&s);
    wait_for(&s.store, "an idle start", |_| true).await;
    stop(&mut agent);
    for raw in &mails {
        d.append("ops", "INBOX", raw).await;
    }
    let mut agent = run(&s);
    wait_for(&s.store, "the mail that came meanwhile", |(r, p, f)| r == 0 && p + f == 30).await;
    wait_filed(&d, 30).await;
    stop(&mut agent);
}

#[tokio::test]
async fn kill_9_mid_backlog_of_1000_then_restart_processes_and_files_every_message_once() {
    let d = Dovecot::new();
    let s = setup(&d, "move", 30).await;
    let n = 1_000;
    d.deliver_files("ops", &unique_mails(n));
    let mut agent = run(&s);
    wait_for(&s.store, "part of the backlog", |(_, p, f)| p + f >= 150).await;
    agent.kill().unwrap();
    agent.wait().unwrap();
    let at_kill = counts(&s.store).await;
    assert!(at_kill.1 + at_kill.2 < n as i64, "killed mid-backlog: {at_kill:?}");
    let mut agent = run(&s);
    wait_for(&s.store, "the whole backlog", |(r, p, f)| r == 0 && p + f == n as i64).await;
    wait_filed(&d, n).await;
    stop(&mut agent);
    assert_recorded_once(&s.store).await;
}

#[tokio::test]
async fn dovecot_stopped_and_restarted_mid_run_loses_and_doubles_nothing() {
    let mut d = Dovecot::new();
    let s = setup(&d, "move", 30).await;
    let n = 400;
    d.deliver_files("ops", &unique_mails(n));
    let mut agent = run(&s);
    wait_for(&s.store, "the drain to start", |(_, p, f)| p + f >= 20).await;
    d.stop();
    tokio::time::sleep(Duration::from_secs(2)).await;
    d.start();
    wait_for(&s.store, "the drain to finish after the restart", |(r, p, f)| r == 0 && p + f == n as i64).await;
    wait_filed(&d, n).await;
    stop(&mut agent);
    assert_recorded_once(&s.store).await;
}

#[tokio::test]
async fn a_uidvalidity_reset_reprocesses_nothing_already_handled() {
    let mut d = Dovecot::new();
    // Flag disposition keeps handled mail in INBOX, where the reset renumbers it.
    let s = setup(&d, "flag", 30).await;
    let mails = unique_mails(12);
    for raw in &mails[..10] {
        d.append("ops", "INBOX", raw).await;
    }
    let mut agent = run(&s);
    wait_for(&s.store, "the first ten", |(r, p, f)| r == 0 && p + f == 10).await;
    stop(&mut agent);
    let before: Vec<u32> = d.folder_uids("ops", "INBOX").await;
    d.reset_uidvalidity("ops", "INBOX");
    for raw in &mails[10..] {
        d.append("ops", "INBOX", raw).await;
    }
    let mut agent = run(&s);
    wait_for(&s.store, "the two new ones", |(r, p, f)| r == 0 && p + f == 12).await;
    stop(&mut agent);
    assert_recorded_once(&s.store).await;
    assert_eq!(d.count("ops", "INBOX").await, 12);
    assert_eq!(before.len(), 10);
}

#[tokio::test]
async fn a_malformed_message_is_parked_in_the_failed_folder_while_the_rest_go_on() {
    let d = Dovecot::new();
    let s = setup(&d, "move", 30).await;
    d.append("ops", "INBOX", b"this is not an email: no headers at all, just words\r\n").await;
    for raw in unique_mails(3) {
        d.append("ops", "INBOX", &raw).await;
    }
    let mut agent = run(&s);
    wait_for(&s.store, "all four", |(r, p, f)| r == 0 && p == 3 && f == 1).await;
    wait_filed(&d, 4).await;
    stop(&mut agent);
    assert_eq!(d.count("ops", "mailroom.failed").await, 1);
    let failed = s.store.messages(Some(MessageState::Failed), 5).await.unwrap();
    assert!(failed[0].error.is_some());
    assert!(Path::new(&s.dir.path().join("mailroom.db")).exists());
}
