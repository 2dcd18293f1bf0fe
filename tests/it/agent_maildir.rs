//! The live agent over a Maildir, as a real `mailroom run` process: a
//! backlog drains, kill -9 mid-batch loses and doubles nothing, a malformed
//! message is parked while the rest go on, SIGTERM exits 0.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use mailroom::store::{MessageState, Store};

use crate::support::agent::{self, counts, fixtures, stop, unique_mails, wait_for};

struct Setup {
    _dir: tempfile::TempDir,
    root: PathBuf,
    maildir: PathBuf,
    config: PathBuf,
    db: String,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let maildir = root.join("Maildir");
    for sub in ["tmp", "new", "cur"] {
        std::fs::create_dir_all(maildir.join(sub)).unwrap();
    }
    let db = format!("sqlite:{}", root.join("mailroom.db").display());
    let config = root.join("mailroom.toml");
    let text = format!(
        "[database]\nurl = {db:?}\n\n[mailbox]\nsource = \"maildir:{}\"\nmaildir_poll_ms = 100\n\n[triage]\nsenders_file = {:?}\norders_file = {:?}\n",
        maildir.display(),
        fixtures().join("senders.toml"),
        fixtures().join("orders.json"),
    );
    std::fs::write(&config, text).unwrap();
    Setup { _dir: dir, root, maildir, config, db }
}

fn deliver(maildir: &Path, mails: &[Vec<u8>], from: usize) {
    for (i, raw) in mails.iter().enumerate() {
        let name = format!("{}.M{}P1.test", 1_700_000_000 + from + i, from + i);
        std::fs::write(maildir.join("tmp").join(&name), raw).unwrap();
        std::fs::rename(maildir.join("tmp").join(&name), maildir.join("new").join(&name)).unwrap();
    }
}

fn start(s: &Setup) -> Child {
    agent::start(&s.config, &s.root, &[])
}

fn files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default()
}

fn filed(maildir: &Path) -> Vec<String> {
    let mut all = Vec::new();
    for f in ["auto", "escalated", "ignored", "failed"] {
        all.extend(files(&maildir.join(format!(".mailroom.{f}/cur"))));
    }
    all.sort();
    all
}

#[tokio::test]
async fn kill_9_in_the_middle_of_a_backlog_then_restart_processes_every_message_exactly_once() {
    let s = setup();
    let n = 1_000;
    let mails = unique_mails(n);
    deliver(&s.maildir, &mails, 0);
    // Migrate before the agent starts, so the two never race to create it.
    let store = Store::open(&s.db).await.unwrap();
    let mut agent = start(&s);
    wait_for(&store, "some of the backlog", |(_, p, f)| p + f >= 100).await;
    agent.kill().unwrap();
    agent.wait().unwrap();
    let at_kill = counts(&store).await;
    assert!(at_kill.1 + at_kill.2 < n as i64, "killed mid-batch: {at_kill:?}");

    let mut agent = start(&s);
    let done = wait_for(&store, "the whole backlog", |(r, p, f)| r == 0 && p + f == n as i64).await;
    // Disposition trails the commit; wait for the last files to move.
    let deadline = Instant::now() + Duration::from_secs(30);
    while filed(&s.maildir).len() < n && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop(&mut agent);

    assert_eq!(done.0 + done.1 + done.2, n as i64, "one stored message per mail: {done:?}");
    agent::assert_recorded_once(&store).await;
    let moved = filed(&s.maildir);
    assert_eq!(moved.len(), n, "every mail filed exactly once");
    let mut unique = moved.clone();
    unique.dedup();
    assert_eq!(unique.len(), n);
    assert!(files(&s.maildir.join("new")).is_empty() && files(&s.maildir.join("cur")).is_empty());
}

#[tokio::test]
async fn a_malformed_message_is_parked_new_mail_is_noticed_and_sigterm_exits_0() {
    let s = setup();
    deliver(&s.maildir, &unique_mails(5), 0);
    std::fs::write(s.maildir.join("new").join("1.bad.test"), b"\x00\x01garbage without headers\xff").unwrap();
    // Migrate before the agent starts, so the two never race to create it.
    let store = Store::open(&s.db).await.unwrap();
    let mut agent = start(&s);
    wait_for(&store, "the first batch", |(r, p, f)| r == 0 && p == 5 && f == 1).await;
    // Mail arriving while the agent waits is noticed within seconds.
    let t = Instant::now();
    deliver(&s.maildir, &unique_mails(7)[5..], 5);
    wait_for(&store, "the new mail", |(_, p, _)| p == 7).await;
    assert!(t.elapsed() < Duration::from_secs(10), "new mail took {:?}", t.elapsed());
    stop(&mut agent);
    let failed = store.messages(Some(MessageState::Failed), 10).await.unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(files(&s.maildir.join(".mailroom.failed/cur")).len(), 1);

    // Replay parks it again, visibly, and changes nothing else.
    let out = Command::new(env!("CARGO_BIN_EXE_mailroom"))
        .args(["replay", &failed[0].id.to_string(), "--config"])
        .arg(&s.config)
        .current_dir(&s.root)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("failed again"), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(counts(&store).await, (0, 7, 1));
}
