//! Commands around automatic resolution: the outbox and its kill switch,
//! and the shadow report.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use clap::Subcommand;

use crate::act::{Resolver, shadow};
use crate::config::{Config, EmailTransport};
use crate::notify::email::{MaildirChannel, SmtpChannel};
use crate::notify::outbox::{Mailer, OutboxWorker, PAUSED};
use crate::notify::webhook::WebhookChannel;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    /// What is queued, held, sent or dead.
    List {
        /// Only rows in this state: pending, held, sent or dead.
        #[arg(long)]
        state: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
    /// Send a dead or held row again.
    Retry { id: i64 },
}

/// The resolver a configuration describes (templates loaded and checked).
pub fn resolver(cfg: &Config) -> Result<Resolver> {
    let r = &cfg.resolution;
    let templates = crate::notify::render::load(r.templates_dir.as_deref(), &r.brands)?;
    Ok(Resolver {
        render: Arc::new(templates),
        brands: r.brands.clone(),
        autonomy: r.autonomy.clone(),
        guard: r.guard.clone(),
        webhook: r.webhook.is_some(),
    })
}

/// The outbox worker a configuration describes.
pub fn worker(cfg: &Config, store: &Store) -> Result<OutboxWorker> {
    let r = &cfg.resolution;
    let email = match &r.email {
        EmailTransport::None => None,
        EmailTransport::Smtp(c) => Some(Mailer::Smtp(SmtpChannel::new(c)?)),
        EmailTransport::Maildir(root) => Some(Mailer::Maildir(MaildirChannel { root: root.clone() })),
    };
    let webhook = r.webhook.clone().map(WebhookChannel::new).transpose()?;
    Ok(OutboxWorker::new(store.clone(), email, webhook, r.outbox.clone()))
}

pub async fn pause(config: Option<PathBuf>, paused: bool) -> Result<ExitCode> {
    let cfg = Config::load_offline(config.as_deref())?;
    let store = Store::open(&cfg.database_url).await?;
    store.set_setting(PAUSED, if paused { "true" } else { "false" }).await?;
    if paused {
        println!("outbox paused: nothing is sent, nothing is lost; `mailroom resume` releases it");
    } else if cfg.resolution.outbox.paused {
        println!("resumed, but [outbox] paused = true in the configuration still holds everything");
    } else {
        println!("outbox resumed");
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn outbox(config: Option<PathBuf>, cmd: OutboxCommand) -> Result<ExitCode> {
    let cfg = Config::load_offline(config.as_deref())?;
    let store = Store::open(&cfg.database_url).await?;
    match cmd {
        OutboxCommand::List { state, limit } => {
            for r in store.outbox(state.as_deref(), limit).await? {
                let why = r.held_reason.clone().or(r.last_error.clone()).unwrap_or_default();
                println!("{:>6}  {:<7}  {:<7}  {:<22}  {:<32}  {why}", r.id, r.state, r.channel, r.kind, r.recipient);
            }
        }
        OutboxCommand::Retry { id } => {
            if !store.outbox_retry(id).await? {
                bail!("outbox row {id} is not dead or held");
            }
            println!("outbox row {id} will be sent again");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn shadow_report(config: Option<PathBuf>, json: bool) -> Result<ExitCode> {
    let cfg = Config::load_offline(config.as_deref())?;
    let store = Store::open(&cfg.database_url).await?;
    let mut rows = Vec::new();
    for a in store.actions("shadow").await.context("cannot read shadow actions")? {
        let events = store.order_events(&a.order_id).await?;
        let v = shadow::verdict(&a, &events);
        rows.push((a, v));
    }
    let tally = shadow::tally(&rows);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(
                &serde_json::json!({"categories": tally, "actions": rows.iter().map(|(a, v)| serde_json::json!({"action": a, "verdict": v})).collect::<Vec<_>>()})
            )?
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!("{:<28} {:>7} {:>7} {:>9} {:>10} {:>9}", "category", "shadow", "agreed", "differed", "no change", "n/a");
    for (c, t) in &tally {
        println!(
            "{c:<28} {:>7} {:>7} {:>9} {:>10} {:>9}",
            t.shadow, t.agreed, t.differed, t.no_human_change, t.not_comparable
        );
    }
    for (a, v) in &rows {
        if let shadow::Verdict::Differed { human, mailroom } = v {
            println!("  action {} on {}: people set {human}, mailroom would have set {mailroom}", a.id, a.order_id);
        }
    }
    Ok(ExitCode::SUCCESS)
}
