//! The command line: argument parsing and one function per command.
//!
//! Commands print for people and exit non-zero with a clear message on
//! failure; the library does the work.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};

use crate::domain::Order;
use crate::eval;
use crate::pipeline::{Engine, triage};
use crate::senders::TrustedSenders;
use crate::store::Store;

mod agent;
mod bench;
mod demo;
pub mod model;
mod process;
mod queue;
mod resolution;
mod users;

#[derive(Debug, Parser)]
#[command(name = "mailroom", version, about = "Triage for an e-commerce operations mailbox")]
pub struct Cli {
    /// Configuration file (default: mailroom.toml when present).
    #[arg(long, global = true, env = "MAILROOM_CONFIG")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the agent on the configured mailbox until SIGINT/SIGTERM.
    Run,
    /// Run the agent on the bundled fixtures, nothing to configure.
    Demo(demo::DemoArgs),
    /// Process one stored message again (e.g. a failed one).
    Replay {
        /// The message's id (see `mailroom messages`).
        id: i64,
    },
    /// Print the effective configuration, secrets masked.
    CheckConfig,
    /// List stored messages with their state and decision.
    Messages(agent::MessagesArgs),
    /// The review queue: list, show, send, approve, dismiss, assign, reclassify.
    #[command(subcommand)]
    Queue(queue::QueueCommand),
    /// Grow the evaluation set: export reviewed mail as fixtures.
    #[command(subcommand)]
    Fixtures(FixturesCommand),
    /// Ops accounts for the review queue's web pages.
    #[command(subcommand)]
    Users(users::UsersCommand),
    /// Instances sharing this database: who is alive, who polls which
    /// mailbox, and how much unprocessed work each has claimed.
    Instances {
        #[arg(long)]
        json: bool,
    },
    /// Kill switch: hold every outgoing message (nothing is lost).
    Pause,
    /// Release the kill switch.
    Resume,
    /// Inspect and retry outgoing messages.
    #[command(subcommand)]
    Outbox(resolution::OutboxCommand),
    /// Compare shadow-mode decisions with what people later did.
    ShadowReport {
        #[arg(long)]
        json: bool,
    },
    /// Measure triage on a labelled fixture directory (SPEC §4 layout).
    Eval(EvalArgs),
    /// Triage .eml files and print category, evidence, order, decision.
    Process(ProcessArgs),
    /// Manage the order book.
    #[command(subcommand)]
    Orders(OrdersCommand),
    /// Create or upgrade the database schema.
    Migrate(DbArgs),
    /// Check rules files and report every problem at once.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Throughput and peak memory of parse+classify+link+decide on one core.
    Bench(bench::BenchArgs),
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Directory with orders.json, senders.toml and cases/.
    pub dir: PathBuf,
    /// Also write the figures as JSON.
    #[arg(long)]
    pub json: Option<PathBuf>,
    /// Also write a self-contained HTML report.
    #[arg(long)]
    pub html: Option<PathBuf>,
    /// Rules directory instead of the bundled rules.
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Fail when unsafe automations are not 0 or category accuracy is below
    /// this baseline (a JSON report written by --json).
    #[arg(long)]
    pub baseline: Option<PathBuf>,
    /// How many misses to print.
    #[arg(long, default_value_t = 40)]
    pub misses: usize,
    #[command(flatten)]
    pub model: model::ModelArgs,
}

#[derive(Debug, Args)]
pub struct DbArgs {
    /// Database URL.
    #[arg(long, env = "MAILROOM__DATABASE__URL", default_value = "sqlite:mailroom.db")]
    pub db: String,
}

#[derive(Debug, Subcommand)]
pub enum FixturesCommand {
    /// Write every reclassified queue item to DIR in the SPEC §4 layout
    /// (cases/, orders.json, senders.toml), names, emails, phones and
    /// street addresses replaced by consistent fakes.
    Export {
        #[arg(long, value_name = "DIR")]
        corrected: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum OrdersCommand {
    /// Import (insert or replace) orders from a JSON order book (SPEC §3).
    Import {
        file: PathBuf,
        #[command(flatten)]
        db: DbArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Compile every rules file; list all problems with file and line.
    Check {
        #[arg(default_value = "rules")]
        dir: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct ProcessArgs {
    /// The .eml files.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Use a fixture directory's order book and senders (temporary store).
    #[arg(long, conflicts_with = "senders")]
    pub fixtures: Option<PathBuf>,
    /// Trusted carriers and suppliers (senders.toml layout).
    #[arg(long)]
    pub senders: Option<PathBuf>,
    #[command(flatten)]
    pub db: DbArgs,
    /// Rules directory instead of the bundled rules.
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Print JSON lines instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub model: model::ModelArgs,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    crate::telemetry::init();
    let result = match cli.command {
        // One core, as the benchmark promises.
        Command::Bench(args) => runtime(false).and_then(|rt| rt.block_on(bench::run(args))),
        command => runtime(true).and_then(|rt| rt.block_on(run(command, cli.config))),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("mailroom: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn runtime(multi: bool) -> Result<tokio::runtime::Runtime> {
    let mut b =
        if multi { tokio::runtime::Builder::new_multi_thread() } else { tokio::runtime::Builder::new_current_thread() };
    b.enable_all().build().context("cannot start the async runtime")
}

async fn run(command: Command, config: Option<PathBuf>) -> Result<ExitCode> {
    match command {
        Command::Run => agent::run(config).await,
        Command::Demo(args) => demo::run(args).await,
        Command::Replay { id } => agent::replay(config, id).await,
        Command::CheckConfig => agent::check_config(config),
        Command::Messages(args) => agent::messages(config, args).await,
        Command::Instances { json } => agent::instances(config, json).await,
        Command::Queue(cmd) => queue::queue(config, cmd).await,
        Command::Users(cmd) => users::users(config, cmd).await,
        Command::Fixtures(FixturesCommand::Export { corrected }) => {
            let cfg = crate::config::Config::load_offline(config.as_deref())?;
            let store = crate::store::Store::open(&cfg.database_url).await?;
            let done = crate::review::export_corrected(&store, &cfg.senders, &corrected).await?;
            println!(
                "wrote {} corrected case(s) and {} order(s) to {}; review each label before adding it to fixtures/",
                done.cases,
                done.orders,
                corrected.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Pause => resolution::pause(config, true).await,
        Command::Resume => resolution::pause(config, false).await,
        Command::Outbox(cmd) => resolution::outbox(config, cmd).await,
        Command::ShadowReport { json } => resolution::shadow_report(config, json).await,
        Command::Eval(args) => run_eval(args).await,
        Command::Process(args) => process::run(args).await,
        Command::Orders(OrdersCommand::Import { file, db }) => import_orders(&file, &db.db).await,
        Command::Migrate(db) => {
            Store::open(&db.db).await?;
            println!("database {} is up to date", db.db);
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules(RulesCommand::Check { dir }) => {
            let rules = crate::classify::rules::RuleSet::load_dir(&dir)?;
            println!("{}: {} rules compiled", dir.display(), rules.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench(_) => unreachable!("bench runs on its own runtime"),
    }
}

pub(crate) fn read_orders(file: &Path) -> Result<Vec<Order>> {
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not an order book (SPEC §3)", file.display()))
}

async fn import_orders(file: &Path, db: &str) -> Result<ExitCode> {
    let orders = read_orders(file)?;
    let store = Store::open(db).await?;
    let s = store.import_orders(&orders).await?;
    println!(
        "{}: {} orders imported ({} new, {} replaced) into {db}",
        file.display(),
        orders.len(),
        s.inserted,
        s.updated
    );
    Ok(ExitCode::SUCCESS)
}

async fn run_eval(args: EvalArgs) -> Result<ExitCode> {
    let tier = model::tier(&args.model)?;
    let (report, _) = eval::evaluate(&args.dir, args.rules.as_deref(), tier).await?;
    let title = format!("mailroom eval {}", args.dir.display());
    print!("{}", eval::render_text(&report, &title, args.misses));
    if let Some(file) = &args.model.replay
        && report.model.not_recorded > 0
    {
        eprintln!(
            "warning: {} model exchanges are not in {} (a prompt or [llm] setting changed since it was recorded?); record it again",
            report.model.not_recorded,
            file.display()
        );
    }
    if let Some(path) = &args.json {
        let json = serde_json::to_string_pretty(&report)?;
        std::fs::write(path, json + "\n").with_context(|| format!("cannot write {}", path.display()))?;
    }
    if let Some(path) = &args.html {
        std::fs::write(path, eval::render_html(&report, &title))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    match &args.baseline {
        Some(b) => check_baseline(&report, b),
        None => Ok(ExitCode::SUCCESS),
    }
}

/// CI's gate: no unsafe automation, and no drop in category accuracy.
fn check_baseline(report: &eval::Report, path: &Path) -> Result<ExitCode> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read baseline {}", path.display()))?;
    let base: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))?;
    let Some(floor) = base.get("category_accuracy").and_then(|v| v.as_f64()) else {
        bail!("{} has no category_accuracy", path.display());
    };
    let mut failed = false;
    if report.unsafe_auto > 0 {
        eprintln!("FAIL: {} unsafe automation(s); must be 0", report.unsafe_auto);
        failed = true;
    }
    // A rounding margin, not a tolerance: one case less is a real drop.
    if report.category_accuracy + 1e-9 < floor {
        eprintln!(
            "FAIL: category accuracy {:.4} is below the baseline {floor:.4} ({})",
            report.category_accuracy,
            path.display()
        );
        failed = true;
    }
    if !failed {
        eprintln!("baseline ok: unsafe_auto 0, category accuracy {:.4} >= {floor:.4}", report.category_accuracy);
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Engine and store for commands that triage outside an evaluation.
pub(crate) async fn engine_and_store(
    fixtures: Option<&Path>,
    senders: Option<&Path>,
    db: &str,
    rules: Option<&Path>,
) -> Result<(Engine, Store, Option<tempfile::TempDir>)> {
    if let Some(dir) = fixtures {
        let f = eval::fixtures::load(dir)?;
        let tmp = tempfile::tempdir()?;
        let store = Store::open_in(tmp.path()).await?;
        store.import_orders(&f.orders).await?;
        return Ok((Engine::new(rules, f.senders)?, store, Some(tmp)));
    }
    let senders = match senders {
        Some(p) => TrustedSenders::load(p)?,
        None => {
            tracing::warn!("no trusted senders given (--senders): carrier and supplier mail will always escalate");
            TrustedSenders::default()
        }
    };
    Ok((Engine::new(rules, senders)?, Store::open(db).await?, None))
}

/// Triage one file for `process` and `bench`.
pub(crate) async fn triage_file(path: &Path, engine: &Engine, store: &Store) -> Result<crate::pipeline::Triaged> {
    let raw = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(triage(&raw, engine, store).await?)
}
