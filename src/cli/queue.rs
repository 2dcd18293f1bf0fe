//! `mailroom queue`: the review queue from a terminal. Every action is
//! recorded in the audit trail under `--as` (default: `MAILROOM_USER`, then
//! the login name).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Subcommand;

use crate::config::Config;
use crate::domain::Category;
use crate::review;
use crate::store::{ITEM_STATES, QueueFilter, Store};

#[derive(Debug, Subcommand)]
pub enum QueueCommand {
    /// Items to work, oldest first, with counts per state.
    List {
        /// open (default), in_progress, done, dismissed or all.
        #[arg(long, default_value = "open")]
        state: String,
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        assignee: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: i64,
        #[arg(long)]
        json: bool,
    },
    /// One item: the email, why it was escalated, the evidence, the order
    /// and its history, the drafted reply and the audit trail.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Send the reply (the draft, or --text / --file) to the customer,
    /// threaded, through the outbox; closes the item.
    Send {
        id: i64,
        #[arg(long, conflicts_with = "file")]
        text: Option<String>,
        #[arg(long)]
        file: Option<PathBuf>,
        #[command(flatten)]
        who: Who,
    },
    /// Carry out the action prepared for approval; closes the item.
    Approve {
        id: i64,
        #[command(flatten)]
        who: Who,
    },
    /// Close the item without an action.
    Dismiss {
        id: i64,
        #[arg(long)]
        note: Option<String>,
        #[command(flatten)]
        who: Who,
    },
    /// Hand the item to a person.
    Assign {
        id: i64,
        person: String,
        #[command(flatten)]
        who: Who,
    },
    /// Record the right category (kept as a correction for the evaluation set).
    Reclassify {
        id: i64,
        category: String,
        #[command(flatten)]
        who: Who,
    },
}

#[derive(Debug, clap::Args)]
pub struct Who {
    /// Who is acting, for the audit trail.
    #[arg(long = "as", env = "MAILROOM_USER")]
    actor: Option<String>,
}

impl Who {
    fn name(&self) -> String {
        self.actor
            .clone()
            .or_else(|| std::env::var("USER").ok())
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| "ops".into())
    }
}

pub async fn queue(config: Option<PathBuf>, cmd: QueueCommand) -> Result<ExitCode> {
    // The queue needs the database, not the mailbox or the channels: the
    // running agent's outbox sends what is queued here.
    let cfg = Config::load_offline(config.as_deref())?;
    match cmd {
        QueueCommand::List { state, category, assignee, limit, json } => {
            let store = Store::open(&cfg.database_url).await?;
            list(&store, state, category, assignee, limit, json).await
        }
        QueueCommand::Show { id, json } => show(&Store::open(&cfg.database_url).await?, id, json).await,
        QueueCommand::Send { id, text, file, who } => {
            let text = match file {
                Some(f) => Some(std::fs::read_to_string(&f).with_context(|| format!("cannot read {}", f.display()))?),
                None => text,
            };
            let (store, engine, resolver) = super::agent::open(&cfg).await?;
            let queued = review::send_reply(&store, &engine, &resolver, id, text.as_deref(), &who.name()).await?;
            println!(
                "item {id}: {}",
                if queued { "reply queued for sending; item done" } else { "this reply was already queued; item done" }
            );
            Ok(ExitCode::SUCCESS)
        }
        QueueCommand::Approve { id, who } => {
            let (store, engine, resolver) = super::agent::open(&cfg).await?;
            let a = review::approve(&store, &engine, &resolver, id, &who.name()).await?;
            println!(
                "item {id}: applied to order {}: {} change(s), {} notice(s) queued",
                a.order_id, a.changes, a.notices
            );
            Ok(ExitCode::SUCCESS)
        }
        QueueCommand::Dismiss { id, note, who } => {
            review::dismiss(&Store::open(&cfg.database_url).await?, id, &who.name(), note.as_deref()).await?;
            println!("item {id}: dismissed");
            Ok(ExitCode::SUCCESS)
        }
        QueueCommand::Assign { id, person, who } => {
            review::assign(&Store::open(&cfg.database_url).await?, id, &person, &who.name()).await?;
            println!("item {id}: assigned to {person}");
            Ok(ExitCode::SUCCESS)
        }
        QueueCommand::Reclassify { id, category, who } => {
            let c: Category = category.parse().map_err(|_| anyhow::anyhow!("unknown category {category:?}"))?;
            review::reclassify(&Store::open(&cfg.database_url).await?, id, c, &who.name()).await?;
            println!("item {id}: reclassified as {c}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

async fn list(
    store: &Store,
    state: String,
    category: Option<String>,
    assignee: Option<String>,
    limit: i64,
    json: bool,
) -> Result<ExitCode> {
    if state != "all" && !ITEM_STATES.contains(&state.as_str()) {
        bail!("unknown state {state:?}: expected {} or all", ITEM_STATES.join(", "));
    }
    let filter =
        QueueFilter { state: (state != "all").then_some(state), category, assignee, limit, ..Default::default() };
    let items = store.queue(&filter).await?;
    if json {
        for i in &items {
            println!("{}", serde_json::to_string(i)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let counts = store.queue_counts().await?;
    let summary: Vec<String> = counts.iter().map(|(s, n)| format!("{n} {s}")).collect();
    println!("queue: {}", if summary.is_empty() { "empty".to_string() } else { summary.join(", ") });
    let now = chrono::Utc::now();
    for i in items {
        let age =
            chrono::DateTime::parse_from_rfc3339(&i.received_at).map(|t| age_of(now - t.to_utc())).unwrap_or_default();
        let category = i.corrected_category.as_deref().or(i.category.as_deref()).unwrap_or("-");
        println!(
            "{:>6}  {:<11} {:>5}  {:<26} {:<10} {:<8} {}",
            i.message,
            i.state,
            age,
            category,
            i.order_id.as_deref().unwrap_or("-"),
            i.assignee.as_deref().unwrap_or("-"),
            i.reason.as_deref().unwrap_or("")
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn age_of(d: chrono::Duration) -> String {
    match d.num_minutes() {
        m if m < 60 => format!("{m}m"),
        m if m < 48 * 60 => format!("{}h", m / 60),
        m => format!("{}d", m / (24 * 60)),
    }
}

async fn show(store: &Store, id: i64, json: bool) -> Result<ExitCode> {
    let Some(item) = store.queue_item(id).await? else { bail!("message {id} is not in the review queue") };
    let triage: serde_json::Value =
        store.triage_of(id).await?.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    let events = match &item.order_id {
        Some(o) => store.order_events(o).await?,
        None => Vec::new(),
    };
    let trail = store.audit_trail(Some(id), None).await?;
    if json {
        let out = serde_json::json!({ "item": item, "triage": triage, "order_events": events, "audit": trail });
        println!("{out}");
        return Ok(ExitCode::SUCCESS);
    }
    let email = &triage["email"];
    println!("item {id} ({}{})", item.state, item.assignee.as_deref().map(|a| format!(", {a}")).unwrap_or_default());
    println!("  from      {}", email["from"]["address"].as_str().unwrap_or("-"));
    println!("  subject   {}", item.subject.as_deref().unwrap_or(""));
    let category = item.category.as_deref().unwrap_or("-");
    let confidence = triage["classification"]["confidence"].as_f64().unwrap_or(0.0);
    match &item.corrected_category {
        Some(c) => println!("  category  {c} (corrected; triage said {category} at {confidence:.2})"),
        None => println!("  category  {category} (confidence {confidence:.2})"),
    }
    println!("  why       {}", item.reason.as_deref().unwrap_or(""));
    if let Some(rules) = triage["classification"]["evidence"].as_array() {
        for r in rules {
            println!(
                "  rule      {} matched {:?}",
                r["rule"].as_str().unwrap_or("?"),
                r["matched"].as_str().unwrap_or("")
            );
        }
    }
    if let Some(summary) = triage["model"]["answer"]["summary"].as_str() {
        println!("  model     {summary}");
    }
    println!("  order     {}", item.order_id.as_deref().unwrap_or("none linked"));
    for e in events {
        let ev = &e.event;
        println!(
            "    {}  {:<18} {} -> {}  by {}",
            e.at,
            ev.kind,
            ev.old_value.as_deref().unwrap_or("-"),
            ev.new_value.as_deref().unwrap_or("-"),
            ev.actor
        );
    }
    println!("  text\n{}", indent(email["newest_text"].as_str().unwrap_or("")));
    println!("  draft\n{}", indent(item.draft.as_deref().unwrap_or("(none)")));
    println!("  audit");
    for a in trail {
        let e = &a.entry;
        println!(
            "    {}  {:<20} by {}{}",
            a.at,
            e.action,
            e.actor,
            e.after.as_deref().map(|x| format!(": {x}")).unwrap_or_default()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    | {l}")).collect::<Vec<_>>().join("\n")
}
