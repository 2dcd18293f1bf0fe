//! `mailroom bench [DIR]`: throughput of parse+classify+link+decide on one
//! core (a current-thread runtime) over a fixture directory's mail, kept in
//! memory, and the process's peak memory. Stages are timed in the same run
//! so their ratios compare like with like.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::Args;

use crate::classify::{self, extract_facts};
use crate::eval::fixtures;
use crate::parse::parse;
use crate::pipeline::{Engine, triage};
use crate::store::Store;

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Fixture directory whose cases are the corpus.
    #[arg(default_value = "fixtures")]
    pub dir: PathBuf,
    /// How many passes over the corpus per stage.
    #[arg(long, default_value_t = 5)]
    pub rounds: usize,
    /// Also write the figures as JSON.
    #[arg(long)]
    pub json: Option<PathBuf>,
}

struct Stage {
    name: &'static str,
    elapsed: Duration,
}

pub async fn run(args: BenchArgs) -> Result<ExitCode> {
    let f = fixtures::load(&args.dir)?;
    let corpus: Vec<Vec<u8>> = f
        .cases
        .iter()
        .map(|c| std::fs::read(&c.eml).with_context(|| c.eml.display().to_string()))
        .collect::<Result<_>>()?;
    let bytes: usize = corpus.iter().map(Vec::len).sum();
    let tmp = tempfile::tempdir()?;
    let store = Store::open_in(tmp.path()).await?;
    store.import_orders(&f.orders).await?;
    let engine = Engine::new(None, f.senders)?;
    let rounds = args.rounds.max(1);

    let mut stages = Vec::new();
    let emails: Vec<_> = corpus.iter().filter_map(|raw| parse(raw).ok()).collect();
    stages.push(time("parse", rounds, || {
        for raw in &corpus {
            std::hint::black_box(parse(raw).ok());
        }
    }));
    stages.push(time("extract (on parsed mail)", rounds, || {
        for email in &emails {
            std::hint::black_box(extract_facts(email));
        }
    }));
    let facts: Vec<_> = emails.iter().map(extract_facts).collect();
    stages.push(time("rules (on parsed mail)", rounds, || {
        for (email, facts) in emails.iter().zip(&facts) {
            let cx = classify::Context { facts, linked: false, sender_is_customer: false };
            std::hint::black_box(engine.classifier.classify(email, &engine.senders, cx));
        }
    }));
    let start = Instant::now();
    for _ in 0..rounds {
        for raw in &corpus {
            std::hint::black_box(triage(raw, &engine, &store).await.ok());
        }
    }
    stages.push(Stage { name: "parse+classify+link+decide", elapsed: start.elapsed() });
    store.close().await;
    report(&args, &stages, corpus.len() * rounds, bytes * rounds)
}

fn time(name: &'static str, rounds: usize, mut f: impl FnMut()) -> Stage {
    let start = Instant::now();
    for _ in 0..rounds {
        f();
    }
    Stage { name, elapsed: start.elapsed() }
}

fn report(args: &BenchArgs, stages: &[Stage], emails: usize, bytes: usize) -> Result<ExitCode> {
    let peak = peak_memory_kib();
    println!(
        "mailroom bench {}: {} emails x {} rounds, {:.1} MB in all, one core",
        args.dir.display(),
        emails / args.rounds.max(1),
        args.rounds.max(1),
        bytes as f64 / 1e6
    );
    let full = stages.last().map_or(1.0, |s| s.elapsed.as_secs_f64());
    let mut json = Vec::new();
    for s in stages {
        let secs = s.elapsed.as_secs_f64().max(1e-9);
        let (eps, mbps) = (emails as f64 / secs, bytes as f64 / 1e6 / secs);
        println!(
            "  {:<28} {:>9.0} emails/s {:>8.2} MB/s   {:.2}x the full pipeline's time",
            s.name,
            eps,
            mbps,
            secs / full
        );
        json.push(serde_json::json!({"stage": s.name, "emails_per_s": eps, "mb_per_s": mbps, "seconds": secs}));
    }
    match peak {
        Some(kib) => println!("  peak memory (VmHWM)          {:.1} MiB", kib as f64 / 1024.0),
        None => println!("  peak memory                  unknown (no /proc/self/status)"),
    }
    if let Some(path) = &args.json {
        let doc = serde_json::json!({"emails": emails, "bytes": bytes, "stages": json, "peak_memory_kib": peak});
        std::fs::write(path, serde_json::to_string_pretty(&doc)? + "\n")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Peak resident set size of this process, from Linux's /proc.
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
