//! Benchmark: drain a 10,000-message mailbox from a local Dovecot through
//! the whole agent (fetch, store, parse, classify, link, decide, act, move)
//! and, in the same run, fetch the same mailbox raw with one UID FETCH of
//! all bodies as the floor. Then the time from APPEND to decision committed
//! under IDLE (p50, p99).
//!
//!     cargo bench --bench imap_drain            # 10,000 messages
//!     MAILROOM_BENCH_N=2000 cargo bench --bench imap_drain
//!     MAILROOM_BENCH_DISPOSITION=flag cargo bench --bench imap_drain   # keyword, no moves
//!
//! Needs root and Dovecot, like the integration tests (scripts/test
//! installs it).

#[path = "../tests/it/support/dovecot.rs"]
mod dovecot;
#[path = "../tests/it/support/agent.rs"]
#[allow(dead_code)]
mod support;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt;
use mailroom::act::{Autonomy, Brands, Guard, Resolver};
use mailroom::agent::{Agent, AgentConfig};
use mailroom::mailbox::Disposition;
use mailroom::mailbox::imap::{ImapSource, TlsMode};
use mailroom::pipeline::Engine;
use mailroom::senders::TrustedSenders;
use mailroom::store::{MessageState, Store};
use tokio_util::sync::CancellationToken;

fn peak_kib() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()).unwrap_or(0)
}

/// The floor: one UID FETCH 1:* of every body over one connection.
async fn floor(d: &dovecot::Dovecot, n: usize) -> (Duration, usize) {
    let stream = tokio::net::TcpStream::connect(("127.0.0.1", d.imap_port())).await.unwrap();
    let mut client = async_imap::Client::new(stream);
    client.read_response().await.unwrap();
    let mut s = client.login("ops", dovecot::PASSWORD).await.map_err(|e| e.0).unwrap();
    s.select("INBOX").await.unwrap();
    let t = Instant::now();
    let mut bytes = 0;
    let mut count = 0;
    {
        let mut fetches = s.uid_fetch("1:*", "BODY.PEEK[]").await.unwrap();
        while let Some(f) = fetches.next().await {
            bytes += f.unwrap().body().map_or(0, <[u8]>::len);
            count += 1;
        }
    }
    assert_eq!(count, n);
    let took = t.elapsed();
    let _ = s.logout().await;
    (took, bytes)
}

async fn agent(d: &dovecot::Dovecot, dir: &Path) -> (Agent<ImapSource>, Store) {
    let store = Store::open_in(dir).await.unwrap();
    let orders: Vec<mailroom::domain::Order> =
        serde_json::from_str(&std::fs::read_to_string(support::fixtures().join("orders.json")).unwrap()).unwrap();
    store.import_orders(&orders).await.unwrap();
    let engine =
        Arc::new(Engine::new(None, TrustedSenders::load(&support::fixtures().join("senders.toml")).unwrap()).unwrap());
    let templates = mailroom::notify::templates::Templates::bundled().expect("the bundled templates load");
    let resolver = Arc::new(Resolver {
        render: Arc::new(templates),
        brands: Brands::default(),
        autonomy: Autonomy::default(),
        guard: Guard::default(),
        webhook: false,
    });
    let mut cfg = d.imap_config("ops", TlsMode::None);
    // MAILROOM_BENCH_DISPOSITION=flag files by keyword instead of moving:
    // no expunge, so the server's cost of shrinking a large folder drops out.
    cfg.disposition = if std::env::var("MAILROOM_BENCH_DISPOSITION").is_ok_and(|v| v == "flag") {
        Disposition::Flag { keyword: "$MailroomDone".into() }
    } else {
        Disposition::Move {
            auto: "mailroom/auto".into(),
            escalated: "mailroom/escalated".into(),
            ignored: "mailroom/ignored".into(),
            failed: "mailroom/failed".into(),
        }
    };
    let source = ImapSource::new(cfg);
    (Agent::new(source, store.clone(), engine, resolver, AgentConfig::default()), store)
}

async fn done(store: &Store) -> i64 {
    store.state_counts().await.unwrap().into_iter().filter(|(s, _)| *s != MessageState::Received).map(|(_, n)| n).sum()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this
    // once without it, as a quick smoke test of the same code.
    let full = std::env::args().any(|a| a == "--bench");
    let default_n = if full { 10_000 } else { 50 };
    let n: usize = std::env::var("MAILROOM_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(default_n);
    let idle_samples = if full { 200 } else { 5 };
    let d = dovecot::Dovecot::new();
    let all = support::unique_mails(n + idle_samples);
    d.deliver_files("ops", &all[..n]);
    let bytes: usize = all[..n].iter().map(Vec::len).sum();
    println!("mailroom bench imap_drain: {n} messages, {:.1} MB, one current-thread runtime", bytes as f64 / 1e6);

    let (floor_time, floor_bytes) = floor(&d, n).await;
    let tmp = tempfile::tempdir().unwrap();
    let (mut agent, store) = agent(&d, tmp.path()).await;
    let base_kib = peak_kib();
    let stop = CancellationToken::new();
    let t = Instant::now();
    agent.connect().await.unwrap();
    agent.sync(&stop).await.unwrap();
    let drain = t.elapsed();
    assert_eq!(done(&store).await, n as i64, "every message processed");
    let peak = peak_kib();
    let rate = n as f64 / drain.as_secs_f64();
    let floor_rate = n as f64 / floor_time.as_secs_f64();
    println!(
        "  floor (one UID FETCH 1:* BODY.PEEK[])  {floor_rate:>9.0} msg/s  {:>7.1} MB/s  {floor_time:.2?}",
        floor_bytes as f64 / 1e6 / floor_time.as_secs_f64()
    );
    println!(
        "  agent drain (fetch+store+triage+act+file) {rate:>6.0} msg/s  {drain:.2?}  = {:.3}x the floor's rate",
        rate / floor_rate
    );
    println!(
        "  peak memory (VmHWM) {:.1} MiB (before the drain {:.1} MiB)",
        peak as f64 / 1024.0,
        base_kib as f64 / 1024.0
    );

    // Latency under IDLE: APPEND one at a time, time until committed.
    let extra = &all[n..];
    let mut lat = Vec::new();
    let waiter = async {
        for (i, raw) in extra.iter().enumerate() {
            let before = done(&store).await;
            let t = Instant::now();
            d.append("ops", "INBOX", raw).await;
            while done(&store).await <= before {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            lat.push(t.elapsed());
            if i + 1 == extra.len() {
                stop.cancel();
            }
        }
    };
    tokio::join!(agent.run(&stop), waiter);
    lat.sort();
    let pct = |p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)];
    println!(
        "  APPEND -> decision committed under IDLE ({} mails): p50 {:.0?}  p99 {:.0?}  max {:.0?}",
        lat.len(),
        pct(0.5),
        pct(0.99),
        lat[lat.len() - 1]
    );
}
