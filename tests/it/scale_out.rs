//! Scale-out: three `mailroom run` processes on one PostgreSQL share two
//! Dovecot mailboxes (one per brand) and a 5,000-message backlog; the one
//! polling the first mailbox is killed with SIGKILL mid-run. Every message
//! must be processed once, every notice sent once, the dead instance's
//! mailbox taken over and drained by another instance.
//!
//! `MAILROOM_SCALE_N` changes the message count (default 5,000).

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use mailroom::store::{Store, scratch_postgres};
use sqlx::Row;

use crate::support::agent::{show_log_on_panic, start, stop, triage_section, unique_mails};
use crate::support::dovecot::{Dovecot, PASSWORD};
use crate::support::postgres::Cluster;

const BRANDS: [&str; 2] = ["brand-a", "brand-b"];

struct Instances {
    dir: tempfile::TempDir,
    config: PathBuf,
    running: Vec<Option<Child>>,
}

impl Instances {
    fn dir_of(&self, n: usize) -> PathBuf {
        self.dir.path().join(format!("i{n}"))
    }

    fn start(&mut self, n: usize) {
        let dir = self.dir_of(n);
        std::fs::create_dir_all(&dir).unwrap();
        let name = format!("i{n}");
        let env = [("MAILROOM__MAILBOX__PASSWORD", PASSWORD), ("MAILROOM_INSTANCE", name.as_str())];
        self.running[n] = Some(start(&self.config, &dir, &env));
    }

    fn kill(&mut self, n: usize) {
        let mut child = self.running[n].take().expect("running");
        let killed = Command::new("kill").args(["-KILL", &child.id().to_string()]).status().unwrap();
        assert!(killed.success());
        let _ = child.wait();
    }
}

impl Drop for Instances {
    fn drop(&mut self) {
        for n in 0..self.running.len() {
            show_log_on_panic(&self.dir_of(n));
            if let Some(mut c) = self.running[n].take() {
                let _ = c.kill();
                let _ = c.wait();
            }
        }
    }
}

fn config(dovecot: &Dovecot, url: &str, dir: &Path) -> PathBuf {
    let password_file = dir.join("brand-b.password");
    std::fs::write(&password_file, PASSWORD).unwrap();
    let mailbox = |user: &str| {
        format!(
            "source = \"imap\"\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"\nusername = \"{user}\"\n\
             poll_interval_secs = 2\nreconcile_interval_secs = 5\ntimeout_secs = 20\nfetch_batch = 100\n",
            dovecot.imap_port()
        )
    };
    let text = format!(
        "[database]\nurl = {url:?}\n\n[instance]\nlease_secs = 3\nclaim_secs = 6\n\n\
         [mailbox]\n{}\n[[mailboxes]]\n{}password_file = {password_file:?}\n\n\
         [email]\ntransport = \"maildir:{}\"\n\n[outbox]\nper_minute = 100000\n\n{}",
        mailbox(BRANDS[0]),
        mailbox(BRANDS[1]),
        dir.join("sent").display(),
        triage_section(),
    );
    let path = dir.join("mailroom.toml");
    std::fs::write(&path, text).unwrap();
    path
}

async fn count(store: &Store, sql: &'static str) -> i64 {
    sqlx::query(sql).fetch_one(store.pool()).await.unwrap().try_get::<i64, _>(0).unwrap()
}

/// The count, or -1 while the database cannot answer.
async fn count_if_up(store: &Store, sql: &'static str) -> i64 {
    match sqlx::query(sql).fetch_one(store.pool()).await {
        Ok(row) => row.try_get::<i64, _>(0).unwrap_or(-1),
        Err(_) => -1,
    }
}

async fn wait_until(what: &str, limit: Duration, mut done: impl AsyncFnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !done().await {
        assert!(Instant::now() < deadline, "timed out after {limit:?} waiting for {what}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// `n` distinct mails, every other one to each brand's mailbox.
fn deliver_to_both(dovecot: &Dovecot, n: usize) {
    let mails = unique_mails(n);
    for (b, brand) in BRANDS.iter().enumerate() {
        dovecot.add_user(brand);
        let mine: Vec<Vec<u8>> = mails.iter().skip(b).step_by(2).cloned().collect();
        dovecot.deliver_files(brand, &mine);
    }
}

/// Order changes recorded twice for one message (a partial shipment
/// records one event per line: same kind, other values).
const REPEATED_EVENTS: &str = "SELECT COUNT(*) FROM (SELECT 1 FROM order_events WHERE message IS NOT NULL \
                               GROUP BY message, kind, old_value, new_value HAVING COUNT(*) > 1) AS x";

/// The files the Maildir channel delivered, and their distinct Message-IDs.
fn delivered(sent: &Path) -> (usize, usize) {
    let mut ids = std::collections::HashSet::new();
    let mut files = 0;
    for sub in ["new", "cur"] {
        let Ok(entries) = std::fs::read_dir(sent.join(sub)) else { continue };
        for e in entries {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            let id = text.lines().find(|l| l.to_ascii_lowercase().starts_with("message-id:")).unwrap_or("").to_string();
            ids.insert(id);
            files += 1;
        }
    }
    (files, ids.len())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_instances_share_two_mailboxes_and_one_killed_mid_run_loses_and_repeats_nothing() {
    let n: usize = std::env::var("MAILROOM_SCALE_N").ok().and_then(|v| v.parse().ok()).unwrap_or(5_000);
    let dovecot = Dovecot::new();
    deliver_to_both(&dovecot, n);
    let (store, url) = scratch_postgres().await.expect("PostgreSQL (scripts/test starts one)");
    let dir = tempfile::tempdir().unwrap();
    let config = config(&dovecot, &url, dir.path());
    let mut instances = Instances { dir, config, running: (0..3).map(|_| None).collect() };
    let started = Instant::now();
    for i in 0..3 {
        instances.start(i);
    }

    // Mid-run, kill whoever polls brand-a.
    let processed = "SELECT COUNT(*) FROM messages WHERE state <> 'received'";
    wait_until("a third of the backlog", Duration::from_secs(600), async || {
        count(&store, processed).await >= (n / 3) as i64
    })
    .await;
    let poller_of = async |brand: &str| {
        let leases = store.live_leases("mailbox:").await.unwrap();
        leases.into_iter().find(|l| l.name.contains(&format!("//{brand}@"))).map(|l| l.holder)
    };
    let victim = poller_of(BRANDS[0]).await.expect("someone polls brand-a");
    let other = poller_of(BRANDS[1]).await.expect("someone polls brand-b");
    assert_ne!(victim, other, "the two mailboxes are spread over two instances");
    let victim_n: usize = victim.trim_start_matches('i').parse().unwrap();
    let at_kill = count(&store, processed).await;
    instances.kill(victim_n);
    eprintln!("killed {victim} (polling {}) after {at_kill} of {n} messages, {:.0?}", BRANDS[0], started.elapsed());

    wait_until("every message processed", Duration::from_secs(1800), async || {
        count(&store, processed).await == n as i64
    })
    .await;
    let took = started.elapsed();
    // What an operator sees: `mailroom instances` names both mailboxes' pollers.
    let shown = Command::new(env!("CARGO_BIN_EXE_mailroom"))
        .args(["instances", "--json", "--config"])
        .arg(&instances.config)
        .output()
        .unwrap();
    let shown: serde_json::Value = serde_json::from_slice(&shown.stdout).expect("instances --json");
    assert_eq!(shown["mailboxes"].as_array().map(Vec::len), Some(2), "{shown}");
    let alive = shown["instances"].as_array().map_or(0, Vec::len);
    assert!((2..=3).contains(&alive), "two live instances (and the killed one until its heartbeat expires): {shown}");
    let new_poller = poller_of(BRANDS[0]).await.expect("brand-a is polled again");
    assert_ne!(new_poller, victim, "another instance took the dead one's mailbox over");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let left = (dovecot.count(BRANDS[0], "INBOX").await, dovecot.count(BRANDS[1], "INBOX").await);
        if left == (0, 0) {
            break;
        }
        let undisposed = count(&store, "SELECT COUNT(*) FROM locations WHERE disposed = 0").await;
        if Instant::now() >= deadline {
            let leases = store.live_leases("").await.unwrap();
            let mut rows = Vec::new();
            for brand in BRANDS {
                for uid in dovecot.folder_uids(brand, "INBOX").await {
                    let row = sqlx::query(
                        "SELECT l.source, l.epoch, l.disposed, m.state, m.decision FROM locations l \
                         JOIN messages m ON m.id = l.message WHERE l.key = $1 AND l.source LIKE $2",
                    )
                    .bind(uid.to_string())
                    .bind(format!("%{brand}@%"))
                    .fetch_all(store.pool())
                    .await
                    .unwrap();
                    let seen: Vec<String> = row
                        .iter()
                        .map(|r| {
                            format!(
                                "epoch {} disposed {} {} {:?}",
                                r.get::<i64, _>("epoch"),
                                r.get::<i64, _>("disposed"),
                                r.get::<String, _>("state"),
                                r.get::<Option<String>, _>("decision")
                            )
                        })
                        .collect();
                    rows.push(format!("{brand} uid {uid}: {seen:?}"));
                }
            }
            panic!(
                "INBOXes not filed away within 120 s: {left:?} left, {undisposed} locations not disposed, \
                 leases {leases:?}\n{}",
                rows.join("\n")
            );
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    wait_until("the outbox sent", Duration::from_secs(120), async || {
        count(&store, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'").await == 0
    })
    .await;

    // Every message once: 5,000 rows, one result each, no effect twice.
    assert_eq!(count(&store, "SELECT COUNT(*) FROM messages").await, n as i64);
    let failed = count(&store, "SELECT COUNT(*) FROM messages WHERE state = 'failed'").await;
    assert_eq!(count(&store, "SELECT COUNT(*) FROM messages WHERE attempts <> 1").await, 0);
    assert_eq!(count(&store, REPEATED_EVENTS).await, 0, "an order change was applied twice");
    // Every notice once: one outbox row per notice (dedupe keys), each
    // delivered as one file with its own Message-ID.
    let sent = count(&store, "SELECT COUNT(*) FROM outbox WHERE channel = 'email' AND state = 'sent'").await;
    let (files, ids) = delivered(&instances.dir.path().join("sent"));
    assert!(sent > 0);
    assert_eq!((files as i64, ids as i64), (sent, sent), "every notice delivered exactly once");
    let filed: usize = {
        let mut total = 0;
        for brand in BRANDS {
            for f in dovecot.folders(brand).await.iter().filter(|f| f.starts_with("mailroom.")) {
                total += dovecot.count(brand, f).await;
            }
        }
        total
    };
    // Filing on the server is at least once: the killed poller's last MOVE
    // may complete on the server while its successor moves the same
    // messages, leaving a second copy in a folder (never a message left in
    // the INBOX, never a message processed twice).
    assert!(filed >= n, "every message filed away on the server: {filed} of {n}");
    // The work was shared: each instance's log has messages it processed.
    let shares: Vec<usize> = (0..3)
        .map(|i| {
            let log = std::fs::read_to_string(instances.dir_of(i).join("agent.log")).unwrap_or_default();
            log.lines().filter(|l| l.contains("mailroom::agent::process")).count()
        })
        .collect();
    assert!(shares.iter().all(|&s| s > 0), "every instance processed some: {shares:?}");
    eprintln!(
        "{n} messages by 3 instances (one killed) in {took:.0?}: {:.1} msg/s, processed per instance {shares:?}; \
         {failed} failed (parked), {sent} notices sent once each; {} filed twice on the server",
        n as f64 / took.as_secs_f64(),
        filed - n
    );
    for i in 0..3 {
        if instances.running[i].is_some() {
            stop(instances.running[i].as_mut().unwrap());
            instances.running[i] = None;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgresql_going_away_mid_run_loses_and_repeats_nothing() {
    let n = 1_500;
    let cluster = Cluster::start();
    let dovecot = Dovecot::new();
    deliver_to_both(&dovecot, n);
    let store = Store::open(&cluster.url()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = config(&dovecot, &cluster.url(), dir.path());
    let mut instances = Instances { dir, config, running: vec![None] };
    instances.start(0);
    let processed = "SELECT COUNT(*) FROM messages WHERE state <> 'received'";
    wait_until("a quarter of the backlog", Duration::from_secs(600), async || {
        count_if_up(&store, processed).await >= (n / 4) as i64
    })
    .await;

    // The database stops for a few seconds, mid-run, then comes back.
    let before = count(&store, processed).await;
    cluster.stop();
    tokio::time::sleep(Duration::from_secs(4)).await;
    cluster.start_again();
    wait_until("every message processed after the restart", Duration::from_secs(900), async || {
        count_if_up(&store, processed).await == n as i64
    })
    .await;
    let agent = instances.running[0].as_mut().unwrap();
    assert!(agent.try_wait().unwrap().is_none(), "the agent kept running through the outage");
    assert_eq!(count(&store, "SELECT COUNT(*) FROM messages").await, n as i64);
    assert_eq!(count(&store, "SELECT COUNT(*) FROM messages WHERE attempts <> 1").await, 0);
    assert_eq!(count(&store, REPEATED_EVENTS).await, 0);
    assert!(before < n as i64, "the outage came mid-run ({before} of {n} done)");
    eprintln!("PostgreSQL stopped for 4 s after {before} of {n} messages; all {n} processed once");
    stop(instances.running[0].as_mut().unwrap());
    instances.running[0] = None;
}
