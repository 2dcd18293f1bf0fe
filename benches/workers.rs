//! Benchmark: processing throughput with 1, 2 and 4 workers sharing one
//! PostgreSQL database, and one worker on SQLite, on the same corpus in
//! the same run. Each worker claims messages (`FOR UPDATE SKIP LOCKED` on
//! PostgreSQL) and runs the whole pipeline on them (parse, classify, link,
//! decide, act, queue notices), as instances of `mailroom run` do. The
//! messages are stored first, so the figures are processing alone.
//!
//!     cargo bench --bench workers                 # 2,000 messages
//!     MAILROOM_BENCH_N=5000 cargo bench --bench workers
//!
//! Needs PostgreSQL (MAILROOM_TEST_POSTGRES, default the local server on
//! 127.0.0.1:5432; scripts/test starts one where none runs).

#[path = "../tests/it/support/agent.rs"]
#[allow(dead_code)]
mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use mailroom::act::{Autonomy, Brands, Guard, Resolver};
use mailroom::agent::{Metrics, Processed, process_one};
use mailroom::mailbox::Location;
use mailroom::pipeline::Engine;
use mailroom::senders::TrustedSenders;
use mailroom::store::{MessageState, Store, scratch_postgres};

fn engine_and_resolver() -> (Arc<Engine>, Arc<Resolver>) {
    let senders = TrustedSenders::load(&support::fixtures().join("senders.toml")).unwrap();
    let engine = Arc::new(Engine::new(None, senders).unwrap());
    let templates = mailroom::notify::templates::Templates::bundled().expect("the bundled templates load");
    let resolver = Arc::new(Resolver {
        render: Arc::new(templates),
        brands: Brands::default(),
        autonomy: Autonomy::default(),
        guard: Guard::default(),
        webhook: false,
    });
    (engine, resolver)
}

/// The order book and the corpus, stored and waiting.
async fn load(store: &Store, mails: &[Vec<u8>]) {
    let orders: Vec<mailroom::domain::Order> =
        serde_json::from_str(&std::fs::read_to_string(support::fixtures().join("orders.json")).unwrap()).unwrap();
    store.import_orders(&orders).await.unwrap();
    for (i, raw) in mails.iter().enumerate() {
        let at = Location { source: "bench".into(), epoch: 0, key: i.to_string() };
        store.receive(&at, raw).await.unwrap();
    }
}

/// `workers` tasks claim and process until nothing is left; the time taken.
async fn drain(store: &Store, workers: usize, engine: &Arc<Engine>, resolver: &Arc<Resolver>) -> Duration {
    let t = Instant::now();
    let tasks: Vec<_> = (0..workers)
        .map(|w| {
            let (store, engine, resolver) = (store.clone(), engine.clone(), resolver.clone());
            tokio::spawn(async move {
                let metrics = Metrics::default();
                let name = format!("bench-worker-{w}");
                loop {
                    let batch = store.claim_pending(&name, 10, Duration::from_secs(300)).await.unwrap();
                    if batch.is_empty() {
                        return;
                    }
                    for p in batch {
                        let r = process_one(p, &engine, &resolver, &store, &metrics).await.unwrap();
                        assert_ne!(r, Processed::AlreadyDone, "a message was processed by two workers");
                    }
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    t.elapsed()
}

async fn processed(store: &Store) -> i64 {
    store.state_counts().await.unwrap().into_iter().filter(|(s, _)| *s != MessageState::Received).map(|(_, n)| n).sum()
}

#[tokio::main]
async fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this
    // once without it, as a quick smoke test of the same code.
    let full = std::env::args().any(|a| a == "--bench");
    let n: usize =
        std::env::var("MAILROOM_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(if full { 2_000 } else { 40 });
    let mails = support::unique_mails(n);
    let (engine, resolver) = engine_and_resolver();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("mailroom bench workers: {n} messages, {cores} cores, one multi-thread runtime");

    let mut results: Vec<(String, f64)> = Vec::new();
    for workers in [1, 2, 4] {
        let (store, _) = scratch_postgres().await.expect("PostgreSQL for the benchmark");
        load(&store, &mails).await;
        let took = drain(&store, workers, &engine, &resolver).await;
        assert_eq!(processed(&store).await, n as i64, "every message processed once");
        results.push((
            format!("PostgreSQL, {workers} worker{}", if workers == 1 { "" } else { "s" }),
            n as f64 / took.as_secs_f64(),
        ));
        store.close().await;
    }
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Store::open_in(dir.path()).await.unwrap();
    load(&sqlite, &mails).await;
    let took = drain(&sqlite, 1, &engine, &resolver).await;
    assert_eq!(processed(&sqlite).await, n as i64);
    results.push(("SQLite, 1 worker".into(), n as f64 / took.as_secs_f64()));

    let base = results[0].1;
    for (what, rate) in &results {
        println!("  {what:<24} {rate:>8.1} msg/s   {:.2}x PostgreSQL with 1 worker", rate / base);
    }
}
