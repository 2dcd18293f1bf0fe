use std::path::{Path, PathBuf};

use super::*;
use crate::mailbox::maildir::MaildirSource;
use crate::mailbox::{Disposition, Fetched, Listing};
use crate::senders::TrustedSenders;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn resolver() -> Arc<Resolver> {
    Arc::new(Resolver {
        render: Arc::new(crate::notify::templates::Templates::bundled().unwrap()),
        brands: crate::act::Brands::default(),
        autonomy: crate::act::Autonomy::default(),
        guard: crate::act::Guard::default(),
        webhook: false,
    })
}

async fn setup() -> (tempfile::TempDir, Store, Arc<Engine>) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).await.unwrap();
    let orders = crate::cli::read_orders(&fixtures().join("orders.json")).unwrap();
    store.import_orders(&orders).await.unwrap();
    let senders = TrustedSenders::load(&fixtures().join("senders.toml")).unwrap();
    (dir, store, Arc::new(Engine::new(None, senders).unwrap()))
}

fn deliver(root: &Path, name: &str, raw: &[u8]) {
    for sub in ["tmp", "new", "cur"] {
        std::fs::create_dir_all(root.join(sub)).unwrap();
    }
    std::fs::write(root.join("tmp").join(name), raw).unwrap();
    std::fs::rename(root.join("tmp").join(name), root.join("new").join(name)).unwrap();
}

fn moving() -> Disposition {
    Disposition::Move {
        auto: "mailroom/auto".into(),
        escalated: "mailroom/escalated".into(),
        ignored: "mailroom/ignored".into(),
        failed: "mailroom/failed".into(),
    }
}

fn fixture_mails(n: usize) -> Vec<(String, Vec<u8>)> {
    let mut names: Vec<_> = std::fs::read_dir(fixtures().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    names.sort();
    names
        .into_iter()
        .take(n)
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect()
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

fn moved(root: &Path) -> usize {
    ["auto", "escalated", "ignored", "failed"]
        .iter()
        .map(|f| count_files(&root.join(format!(".mailroom.{f}/cur"))))
        .sum()
}

#[tokio::test]
async fn a_maildir_is_drained_every_message_processed_once_and_filed_away() {
    let (dir, store, engine) = setup().await;
    let root = dir.path().join("Maildir");
    for (name, raw) in fixture_mails(20) {
        deliver(&root, &name, &raw);
    }
    let src = MaildirSource::new(root.clone(), Duration::from_millis(20), moving());
    let mut agent = Agent::new(src, store.clone(), engine.clone(), resolver(), AgentConfig::default());
    agent.source.connect().await.unwrap();
    agent.sync(&CancellationToken::new()).await.unwrap();
    let m = agent.metrics().snapshot();
    assert_eq!((m.received, m.processed, m.failed), (20, 20, 0));
    assert_eq!(moved(&root), 20);
    assert_eq!(count_files(&root.join("new")), 0);
    // A second pass finds nothing to do.
    agent.sync(&CancellationToken::new()).await.unwrap();
    assert_eq!(agent.metrics().snapshot().processed, 20);
}

#[tokio::test]
async fn a_filed_message_still_in_the_folder_is_filed_again_not_processed_again() {
    let (dir, store, engine) = setup().await;
    let root = dir.path().join("Maildir");
    for (name, raw) in fixture_mails(3) {
        deliver(&root, &name, &raw);
    }
    let src = MaildirSource::new(root.clone(), Duration::from_millis(20), moving());
    let mut agent = Agent::new(src, store.clone(), engine, resolver(), AgentConfig::default());
    agent.source.connect().await.unwrap();
    agent.sync(&CancellationToken::new()).await.unwrap();
    assert_eq!(moved(&root), 3);
    // A move that did not take: the filed copy is back in the folder.
    let folder = ["auto", "escalated", "ignored"]
        .iter()
        .map(|f| root.join(format!(".mailroom.{f}/cur")))
        .find(|d| count_files(d) > 0)
        .unwrap();
    let file = std::fs::read_dir(&folder).unwrap().next().unwrap().unwrap().path();
    std::fs::rename(&file, root.join("cur").join(file.file_name().unwrap())).unwrap();
    assert_eq!(moved(&root), 2);
    agent.sync(&CancellationToken::new()).await.unwrap();
    assert_eq!(moved(&root), 3, "filed again");
    assert_eq!(count_files(&root.join("cur")), 0);
    assert_eq!(agent.metrics().snapshot().processed, 3, "not processed again");
}

#[tokio::test]
async fn the_same_mail_delivered_twice_is_processed_once() {
    let (dir, store, engine) = setup().await;
    let root = dir.path().join("Maildir");
    let (_, raw) = fixture_mails(1).remove(0);
    deliver(&root, "1.a.host", &raw);
    deliver(&root, "2.b.host", &raw);
    let src = MaildirSource::new(root.clone(), Duration::from_millis(20), moving());
    let mut agent = Agent::new(src, store.clone(), engine, resolver(), AgentConfig::default());
    agent.source.connect().await.unwrap();
    agent.sync(&CancellationToken::new()).await.unwrap();
    let m = agent.metrics().snapshot();
    assert_eq!((m.received, m.duplicates, m.processed), (1, 1, 1));
    assert_eq!(moved(&root), 2, "both server copies are filed away");
}

#[tokio::test]
async fn a_malformed_message_is_parked_as_failed_and_the_rest_go_on() {
    let (dir, store, engine) = setup().await;
    let root = dir.path().join("Maildir");
    deliver(&root, "0.bad.host", b"\x00\x01\x02 this is not an email at all \xff\xfe");
    for (name, raw) in fixture_mails(3) {
        deliver(&root, &name, &raw);
    }
    let src = MaildirSource::new(root.clone(), Duration::from_millis(20), moving());
    let mut agent = Agent::new(src, store.clone(), engine, resolver(), AgentConfig::default());
    agent.source.connect().await.unwrap();
    agent.sync(&CancellationToken::new()).await.unwrap();
    let m = agent.metrics().snapshot();
    assert_eq!((m.processed, m.failed), (3, 1));
    let failed = store.messages(Some(MessageState::Failed), 10).await.unwrap();
    assert_eq!(failed.len(), 1);
    assert!(failed[0].error.as_deref().unwrap_or("").contains("parse"), "{:?}", failed[0].error);
    assert_eq!(count_files(&root.join(".mailroom.failed/cur")), 1);
}

#[tokio::test]
async fn messages_stored_before_a_crash_are_processed_at_the_next_start() {
    let (dir, store, engine) = setup().await;
    let root = dir.path().join("Maildir");
    let src = MaildirSource::new(root.clone(), Duration::from_millis(20), moving());
    let name = src.name().to_string();
    // The crash: stored, never processed.
    for (key, raw) in fixture_mails(2) {
        deliver(&root, &key, &raw);
        store.receive(&Location { source: name.clone(), epoch: 0, key }, &raw).await.unwrap();
    }
    let mut agent = Agent::new(src, store.clone(), engine, resolver(), AgentConfig::default());
    agent.source.connect().await.unwrap();
    agent.sync(&CancellationToken::new()).await.unwrap();
    let m = agent.metrics().snapshot();
    assert_eq!((m.received, m.processed), (0, 2), "nothing fetched twice, both processed");
    assert_eq!(moved(&root), 2);
}

/// A real Maildir whose first operations fail, as a dropped server would.
struct Flaky {
    inner: MaildirSource,
    failures_left: u32,
}

impl MailSource for Flaky {
    fn name(&self) -> &str {
        self.inner.name()
    }
    async fn connect(&mut self) -> Result<(), SourceError> {
        self.inner.connect().await
    }
    async fn list(&mut self) -> Result<Listing, SourceError> {
        if self.failures_left > 0 {
            self.failures_left -= 1;
            return Err(SourceError::Lost { target: "test".into(), op: "list", reason: "connection reset".into() });
        }
        self.inner.list().await
    }
    async fn fetch(&mut self, keys: &[String]) -> Result<Vec<Fetched>, SourceError> {
        self.inner.fetch(keys).await
    }
    async fn wait(&mut self, max: Duration, shutdown: &CancellationToken) -> Result<Woken, SourceError> {
        self.inner.wait(max, shutdown).await
    }
    async fn dispose(&mut self, key: &str, outcome: Outcome) -> Result<(), SourceError> {
        self.inner.dispose(key, outcome).await
    }
    async fn close(&mut self) {}
}

#[tokio::test]
async fn a_lost_connection_is_retried_with_backoff_and_shutdown_stops_the_agent() {
    let (dir, store, engine) = setup().await;
    let root = dir.path().join("Maildir");
    for (name, raw) in fixture_mails(5) {
        deliver(&root, &name, &raw);
    }
    let src = Flaky { inner: MaildirSource::new(root.clone(), Duration::from_millis(20), moving()), failures_left: 2 };
    let cfg = AgentConfig {
        backoff_base: Duration::from_millis(10),
        backoff_max: Duration::from_millis(50),
        ..Default::default()
    };
    let mut agent = Agent::new(src, store.clone(), engine, resolver(), cfg);
    let stop = CancellationToken::new();
    let stopper = stop.clone();
    agent.on_drained(move || stopper.cancel());
    tokio::time::timeout(Duration::from_secs(30), agent.run(&stop)).await.expect("the agent stops on shutdown");
    let m = agent.metrics().snapshot();
    assert_eq!((m.processed, m.reconnects), (5, 2));
}
