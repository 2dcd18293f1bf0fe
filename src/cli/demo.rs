//! `mailroom demo`: the agent on an embedded default, nothing to configure.
//!
//! A fresh directory gets a SQLite store seeded with the bundled order
//! book and a Maildir seeded with the bundled fixtures; the agent drains
//! it, files every message into a Maildir++ folder per decision, prints a
//! summary, and keeps watching the Maildir until Ctrl-C.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::Args;

use super::agent::shutdown_on_signals;
use crate::agent::AgentConfig;
use crate::eval::fixtures;
use crate::mailbox::Disposition;
use crate::mailbox::maildir::MaildirSource;
use crate::pipeline::Engine;
use crate::store::{MessageRow, MessageState, Store};

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where the demo keeps its store and Maildir; wiped at start.
    #[arg(long, default_value = "mailroom-demo")]
    pub dir: PathBuf,
    /// Fixture directory to seed from (default: the bundled fixtures).
    #[arg(long)]
    pub fixtures: Option<PathBuf>,
    /// Drain once, print the summary and exit instead of watching.
    #[arg(long)]
    pub once: bool,
    /// Serve the review queue here while watching (`off`: no pages).
    #[arg(long, default_value = "127.0.0.1:8025")]
    pub web: String,
}

/// The bundled fixtures: beside the working directory, else beside the
/// source tree this binary was built from.
fn bundled() -> PathBuf {
    let here = PathBuf::from("fixtures");
    if here.join("orders.json").is_file() { here } else { Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures") }
}

/// A fresh demo directory: Maildir seeded with every fixture mail.
fn seed(dir: &Path, f: &fixtures::FixtureDir) -> Result<PathBuf> {
    if dir.exists() {
        // Only ever wipe a directory this command made.
        if !dir.join("mailroom.db").exists() && std::fs::read_dir(dir)?.next().is_some() {
            bail!("{} exists and is not a mailroom demo directory; choose another --dir", dir.display());
        }
        std::fs::remove_dir_all(dir).with_context(|| format!("cannot clear {}", dir.display()))?;
    }
    let maildir = dir.join("Maildir");
    for sub in ["tmp", "new", "cur"] {
        std::fs::create_dir_all(maildir.join(sub))?;
    }
    for (i, case) in f.cases.iter().enumerate() {
        let name = format!("{}.M{i}P1.demo", 1_763_000_000 + i);
        std::fs::copy(&case.eml, maildir.join("new").join(name)).with_context(|| case.eml.display().to_string())?;
    }
    Ok(maildir)
}

pub async fn run(args: DemoArgs) -> Result<ExitCode> {
    let fx = args.fixtures.clone().unwrap_or_else(bundled);
    let f = fixtures::load(&fx).with_context(|| format!("cannot load the demo fixtures from {}", fx.display()))?;
    let maildir = seed(&args.dir, &f)?;
    let store = Store::open(&format!("sqlite:{}", args.dir.join("mailroom.db").display())).await?;
    store.import_orders(&f.orders).await?;
    let engine = Arc::new(Engine::new(None, f.senders.clone())?);
    // Notices customers would get land in a Maildir beside the demo's.
    let sent = args.dir.join("sent");
    let resolver = Arc::new(crate::act::Resolver {
        render: Arc::new(crate::notify::templates::Templates::bundled()?),
        brands: crate::act::Brands::default(),
        autonomy: crate::act::Autonomy::default(),
        guard: crate::act::Guard::default(),
        webhook: false,
    });
    let mailer = crate::notify::outbox::Mailer::Maildir(crate::notify::email::MaildirChannel { root: sent.clone() });
    // A local Maildir: no provider limits to respect, so the rate limit
    // is high enough for every notice of the bundled mail to go at once.
    let outbox = crate::notify::outbox::OutboxConfig {
        per_minute: 10_000,
        poll: Duration::from_millis(200),
        ..Default::default()
    };
    let worker = crate::notify::outbox::OutboxWorker::new(store.clone(), Some(mailer), None, outbox);
    println!(
        "mailroom demo: {} orders, {} emails in {}; triaging...",
        f.orders.len(),
        f.cases.len(),
        maildir.display()
    );
    let disposition = Disposition::Move {
        auto: "mailroom/auto".into(),
        escalated: "mailroom/escalated".into(),
        ignored: "mailroom/ignored".into(),
        failed: "mailroom/failed".into(),
    };
    let source = MaildirSource::new(maildir.clone(), Duration::from_millis(500), disposition);
    let shutdown = shutdown_on_signals();
    let drained = Arc::new(tokio::sync::Notify::new());
    let printer = {
        let (store, drained, stop, once, maildir) =
            (store.clone(), drained.clone(), shutdown.clone(), args.once, maildir.clone());
        tokio::spawn(async move {
            let mut shown = 0i64;
            loop {
                drained.notified().await;
                match report(&store, shown, &maildir, !once).await {
                    Ok((text, last)) => {
                        print!("{text}");
                        shown = last;
                    }
                    Err(e) => eprintln!("mailroom demo: cannot summarise: {e}"),
                }
                if once {
                    // Let the outbox hand every notice to the Maildir first.
                    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
                    while tokio::time::Instant::now() < deadline
                        && store.outbox(Some("pending"), 1).await.is_ok_and(|rows| !rows.is_empty())
                    {
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                    stop.cancel();
                }
            }
        })
    };
    let cfg = AgentConfig { reconcile_interval: Duration::from_secs(60), ..AgentConfig::default() };
    let notify = drained.clone();
    let sending = {
        let stop = shutdown.clone();
        tokio::spawn(async move { worker.run(&stop).await })
    };
    let web = if args.once || args.web == "off" {
        None
    } else {
        serve_queue(&args.web, &maildir, &store, &engine, &resolver, &shutdown).await
    };
    let mut agent = crate::agent::Agent::new(source, store.clone(), engine, resolver, cfg);
    agent.on_drained(move || notify.notify_one());
    agent.run(&shutdown).await;
    printer.abort();
    shutdown.cancel();
    let _ = sending.await;
    if let Some(web) = web {
        let _ = web.await;
    }
    Ok(ExitCode::SUCCESS)
}

/// The review queue on `listen`, with a `demo` account whose fresh
/// password is printed. A taken port only costs the pages, not the demo.
async fn serve_queue(
    listen: &str,
    maildir: &Path,
    store: &Store,
    engine: &Arc<Engine>,
    resolver: &Arc<crate::act::Resolver>,
    shutdown: &tokio_util::sync::CancellationToken,
) -> Option<tokio::task::JoinHandle<()>> {
    let Ok(addr) = listen.parse() else {
        eprintln!("mailroom demo: --web {listen:?} is not HOST:PORT; no review queue pages");
        return None;
    };
    let password = crate::store::random_token()[..16].to_string();
    if let Err(e) = store.set_user("demo", &password).await {
        eprintln!("mailroom demo: cannot create the demo account: {e}");
        return None;
    }
    let cfg = crate::web::WebConfig {
        listen: addr,
        mailboxes: vec![format!("maildir:{}", maildir.display())],
        ..Default::default()
    };
    match super::agent::start_web(cfg, store, engine, resolver, shutdown).await {
        Ok(handle) => {
            println!("mailroom demo: review queue at http://{addr}  (sign in as demo, password {password})");
            Some(handle)
        }
        Err(e) => {
            eprintln!("mailroom demo: {e:#}; going on without the review queue pages");
            None
        }
    }
}

/// The first time: counts per category and decision, every escalation
/// with its reason, every failure. Later: one line per new message.
async fn report(store: &Store, after: i64, maildir: &Path, watching: bool) -> Result<(String, i64)> {
    let mut rows: Vec<MessageRow> = store.messages(None, i64::MAX).await?;
    rows.retain(|r| r.id > after && r.state != MessageState::Received);
    rows.sort_by_key(|r| r.id);
    let last = rows.last().map_or(after, |r| r.id);
    let mut o = String::new();
    if rows.is_empty() {
        return Ok((o, last));
    }
    if after > 0 {
        for r in &rows {
            let _ = writeln!(o, "  #{} {}", r.id, line(r));
        }
        return Ok((o, last));
    }
    let mut table: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.state == MessageState::Processed) {
        let col = match r.decision.as_deref() {
            Some("auto") => 0,
            Some("escalate") => 1,
            _ => 2,
        };
        table.entry(r.category.clone().unwrap_or_default()).or_default()[col] += 1;
    }
    let _ = writeln!(o, "\n{:<28} {:>6} {:>9} {:>7}", "category", "auto", "escalate", "ignore");
    let mut total = [0usize; 3];
    for (cat, n) in &table {
        let _ = writeln!(o, "{cat:<28} {:>6} {:>9} {:>7}", n[0], n[1], n[2]);
        (0..3).for_each(|i| total[i] += n[i]);
    }
    let _ = writeln!(o, "{:<28} {:>6} {:>9} {:>7}", "total", total[0], total[1], total[2]);
    let _ = writeln!(o, "\nescalations ({}), each with its reason:", total[1]);
    for r in rows.iter().filter(|r| r.decision.as_deref() == Some("escalate")) {
        let _ = writeln!(o, "  #{} {}", r.id, line(r));
    }
    let failed: Vec<_> = rows.iter().filter(|r| r.state == MessageState::Failed).collect();
    if !failed.is_empty() {
        let _ = writeln!(o, "\nfailed ({}), kept for `mailroom replay ID`:", failed.len());
        for r in failed {
            let _ = writeln!(o, "  #{} {}", r.id, line(r));
        }
    }
    let _ = writeln!(
        o,
        "\nFiled into {}/.mailroom.{{auto,escalated,ignored,failed}}; the notices customers get are written to {}/sent/new.",
        maildir.display(),
        maildir.parent().unwrap_or(maildir).display(),
    );
    if watching {
        let _ =
            writeln!(o, "Watching {}/new: drop .eml files there to see them triaged. Ctrl-C stops.", maildir.display());
    }
    Ok((o, last))
}

fn line(r: &MessageRow) -> String {
    let what = r.reason.clone().or_else(|| r.error.clone()).unwrap_or_default();
    let subject: String = r.subject.clone().unwrap_or_default().chars().take(50).collect();
    format!(
        "{} [{}] {:?}: {what}",
        r.category.as_deref().unwrap_or("-"),
        r.order_id.as_deref().unwrap_or("no order"),
        subject
    )
}
