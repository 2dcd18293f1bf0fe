//! Running `mailroom run` as a real process and watching its store.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use mailroom::store::{MessageState, Store};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// `n` distinct messages: fixture mails with a fresh Message-ID each.
pub fn unique_mails(n: usize) -> Vec<Vec<u8>> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    cases.sort();
    let raws: Vec<Vec<u8>> = cases.iter().map(|p| std::fs::read(p).unwrap()).collect();
    (0..n)
        .map(|i| {
            let text = String::from_utf8_lossy(&raws[i % raws.len()]).into_owned();
            let mut out = format!("Message-ID: <load-{i}@mailroom.test>\r\n").into_bytes();
            let mut in_headers = true;
            for line in text.split_inclusive('\n') {
                if line.trim().is_empty() {
                    in_headers = false;
                }
                // Drop the original Message-ID so each copy is its own message.
                if in_headers && line.to_ascii_lowercase().starts_with("message-id:") {
                    continue;
                }
                out.extend_from_slice(line.as_bytes());
            }
            out
        })
        .collect()
}

/// The `[triage]` section every test config uses.
pub fn triage_section() -> String {
    format!(
        "[triage]\nsenders_file = {:?}\norders_file = {:?}\n",
        fixtures().join("senders.toml"),
        fixtures().join("orders.json")
    )
}

/// Start `mailroom run --config CONFIG` in `dir` with extra environment.
pub fn start(config: &Path, dir: &Path, env: &[(&str, &str)]) -> Child {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mailroom"));
    // The agent's log stays beside its store, for a failing test to show.
    let log = std::fs::OpenOptions::new().create(true).append(true).open(dir.join("agent.log")).unwrap();
    c.args(["run", "--config"]).arg(config).current_dir(dir).env("RUST_LOG", "info").stdout(Stdio::null()).stderr(log);
    for (k, v) in env {
        c.env(k, v);
    }
    c.spawn().expect("the mailroom binary runs")
}

/// Starts `mailroom run` and waits until it has logged in, so a test's
/// SIGTERM meets an agent that has its signal handlers (before that, a
/// signal ends a process the default way, with nothing in hand).
pub fn start_connected(config: &Path, dir: &Path, env: &[(&str, &str)]) -> Child {
    let log = dir.join("agent.log");
    let connects = || std::fs::read_to_string(&log).map(|l| l.matches("connected").count()).unwrap_or(0);
    let before = connects();
    let agent = start(config, dir, env);
    let deadline = Instant::now() + Duration::from_secs(30);
    while connects() <= before {
        assert!(Instant::now() < deadline, "the agent did not connect within 30 s");
        std::thread::sleep(Duration::from_millis(20));
    }
    agent
}

/// For a test's Drop: when it failed, show what the agent logged.
pub fn show_log_on_panic(dir: &Path) {
    if std::thread::panicking() {
        let log = std::fs::read_to_string(dir.join("agent.log")).unwrap_or_default();
        eprintln!("---- agent.log ----\n{log}");
    }
}

/// A running agent that a failing test does not leave behind: killed when
/// dropped (after `stop`, that finds it gone and does nothing).
pub struct Running(pub Child);

impl std::ops::Deref for Running {
    type Target = Child;
    fn deref(&self) -> &Child {
        &self.0
    }
}

impl std::ops::DerefMut for Running {
    fn deref_mut(&mut self) -> &mut Child {
        &mut self.0
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if matches!(self.0.try_wait(), Ok(None)) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// SIGTERM, and the agent must exit 0.
pub fn stop(agent: &mut Child) {
    let sent = Command::new("kill").args(["-TERM", &agent.id().to_string()]).status().unwrap();
    assert!(sent.success());
    let status = agent.wait().unwrap();
    assert!(status.success(), "SIGTERM must end the agent with exit 0, got {status}");
}

/// (received, processed, failed).
pub async fn counts(store: &Store) -> (i64, i64, i64) {
    let mut c = (0, 0, 0);
    for (state, n) in store.state_counts().await.unwrap() {
        match state {
            MessageState::Received => c.0 = n,
            MessageState::Processed => c.1 = n,
            MessageState::Failed => c.2 = n,
        }
    }
    c
}

/// Wait until `done(counts)` holds (at most three minutes).
pub async fn wait_for(store: &Store, what: &str, done: impl Fn((i64, i64, i64)) -> bool) -> (i64, i64, i64) {
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        let c = counts(store).await;
        if done(c) {
            return c;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what}; counts (received, processed, failed) = {c:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Every message was recorded exactly once.
pub async fn assert_recorded_once(store: &Store) {
    for row in store.messages(None, i64::MAX).await.unwrap() {
        assert_eq!(row.attempts, 1, "message {} was recorded {} times", row.id, row.attempts);
    }
}
