//! `mailroom run`, `replay`, `check-config`, `messages`: the live agent's
//! commands.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use clap::Args;
use tokio_util::sync::CancellationToken;

use crate::act::Resolver;
use crate::agent::{Agent, AgentConfig, Processed, process_one};
use crate::config::{Config, SourceConfig};
use crate::mailbox::MailSource;
use crate::mailbox::imap::ImapSource;
use crate::mailbox::maildir::MaildirSource;
use crate::pipeline::Engine;
use crate::store::{MessageState, Pending, Store};

#[derive(Debug, Args)]
pub struct MessagesArgs {
    /// Only messages in this state: received, processed or failed.
    #[arg(long)]
    pub state: Option<String>,
    #[arg(long, default_value_t = 50)]
    pub limit: i64,
    #[arg(long)]
    pub json: bool,
}

/// Cancelled on SIGINT or SIGTERM: stop taking work, finish the message in
/// hand, log out, exit 0.
///
/// The handlers are registered before this returns, so a signal that comes
/// while the agent is still starting is not the default "die at once".
pub fn shutdown_on_signals() -> CancellationToken {
    let token = CancellationToken::new();
    let t = token.clone();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let term = signal(SignalKind::terminate());
        let int = signal(SignalKind::interrupt());
        tokio::spawn(async move {
            match (term, int) {
                (Ok(mut term), Ok(mut int)) => {
                    tokio::select! {
                        _ = term.recv() => {}
                        _ = int.recv() => {}
                    }
                }
                _ => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
            tracing::warn!("shutdown requested: finishing the message in hand");
            t.cancel();
        });
    }
    #[cfg(not(unix))]
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        tracing::warn!("shutdown requested: finishing the message in hand");
        t.cancel();
    });
    token
}

/// Open the store, engine and resolver a configuration describes.
pub async fn open(cfg: &Config) -> Result<(Store, Arc<Engine>, Arc<Resolver>)> {
    let store = Store::open(&cfg.database_url).await?;
    if let Some(file) = &cfg.orders_file {
        let orders = super::read_orders(file)?;
        store.import_orders(&orders).await?;
    }
    let mut engine = Engine::new(cfg.rules_dir.as_deref(), cfg.senders.clone())?;
    if let Some(tier) = super::model::configured_tier(cfg)? {
        tracing::info!(model = %tier.settings().model, endpoint = %tier.settings().base_url, mode = ?tier.mode, "language model tier on");
        engine = engine.with_model(tier);
    }
    let resolver = super::resolution::resolver(cfg)?;
    Ok((store, Arc::new(engine), Arc::new(resolver)))
}

pub async fn drive<S: MailSource>(
    source: S,
    store: Store,
    engine: Arc<Engine>,
    resolver: Arc<Resolver>,
    cfg: AgentConfig,
    shutdown: &CancellationToken,
) {
    let mut agent = Agent::new(source, store, engine, resolver, cfg);
    agent.run(shutdown).await;
    let m = agent.metrics().snapshot();
    eprintln!(
        "mailroom: stopped after {} received, {} processed ({} auto, {} escalated, {} ignored), {} failed",
        m.received, m.processed, m.auto, m.escalated, m.ignored, m.failed
    );
}

pub async fn run(config: Option<PathBuf>) -> Result<ExitCode> {
    let shutdown = shutdown_on_signals();
    let cfg = Config::load(config.as_deref())?;
    if cfg.sources.is_empty() {
        bail!(
            "no mailbox configured: set [mailbox] source = \"imap\" or \"maildir:PATH\" (see `mailroom check-config`)"
        )
    }
    let (store, engine, resolver) = open(&cfg).await?;
    let agent_cfg = AgentConfig {
        reconcile_interval: cfg.reconcile_interval,
        sharing: cfg.sharing.clone(),
        ..AgentConfig::default()
    };
    tracing::info!(instance = %cfg.sharing.instance, mailboxes = cfg.sources.len(), "starting");
    // The outbox sends beside the agents and stops with them.
    let worker = super::resolution::worker(&cfg, &store)?;
    let sending = {
        let stop = shutdown.clone();
        tokio::spawn(async move { worker.run(&stop).await })
    };
    // One agent per mailbox; each polls while this instance holds that
    // mailbox's lease and helps process while another instance does.
    let sources: Vec<AnySource> = cfg
        .sources
        .iter()
        .cloned()
        .map(|s| match s {
            SourceConfig::Imap(c) => AnySource::Imap(Box::new(ImapSource::new(c))),
            SourceConfig::Maildir { path, poll_interval, disposition } => {
                AnySource::Maildir(Box::new(MaildirSource::new(path, poll_interval, disposition)))
            }
        })
        .collect();
    let web = match &cfg.web {
        Some(w) => {
            let mut w = w.clone();
            w.mailboxes = sources.iter().map(|s| s.name().to_string()).collect();
            Some(start_web(w, &store, &engine, &resolver, &shutdown).await?)
        }
        None => None,
    };
    let mut agents = Vec::new();
    for source in sources {
        let (store, engine, resolver, cfg, stop) =
            (store.clone(), engine.clone(), resolver.clone(), agent_cfg.clone(), shutdown.clone());
        agents.push(tokio::spawn(async move {
            match source {
                AnySource::Imap(s) => drive(*s, store, engine, resolver, cfg, &stop).await,
                AnySource::Maildir(s) => drive(*s, store, engine, resolver, cfg, &stop).await,
            }
        }));
    }
    for agent in agents {
        if let Err(e) = agent.await {
            tracing::error!(error = %e, "a mailbox agent stopped unexpectedly");
        }
    }
    shutdown.cancel();
    let _ = sending.await;
    if let Some(web) = web {
        let _ = web.await;
    }
    Ok(ExitCode::SUCCESS)
}

/// A configured mailbox, before its agent starts.
enum AnySource {
    Imap(Box<ImapSource>),
    Maildir(Box<MaildirSource>),
}

impl AnySource {
    fn name(&self) -> &str {
        match self {
            AnySource::Imap(s) => s.name(),
            AnySource::Maildir(s) => s.name(),
        }
    }
}

/// Serve the review queue's pages until `shutdown`.
pub async fn start_web(
    cfg: crate::web::WebConfig,
    store: &Store,
    engine: &Arc<Engine>,
    resolver: &Arc<Resolver>,
    shutdown: &CancellationToken,
) -> Result<tokio::task::JoinHandle<()>> {
    let listener = tokio::net::TcpListener::bind(cfg.listen)
        .await
        .with_context(|| format!("cannot serve the review queue on {} ([web] listen)", cfg.listen))?;
    tracing::info!(url = %format!("http://{}", cfg.listen), "review queue");
    let state = crate::web::AppState::new(store.clone(), engine.clone(), resolver.clone(), cfg);
    let stop = shutdown.clone();
    Ok(tokio::spawn(async move { crate::web::serve(listener, state, stop).await }))
}

pub async fn replay(config: Option<PathBuf>, id: i64) -> Result<ExitCode> {
    let cfg = Config::load_offline(config.as_deref())?;
    let (store, engine, resolver) = open(&cfg).await?;
    let Some(raw) = store.raw_message(id).await? else { bail!("no message {id} in {}", cfg.database_url) };
    store.requeue(id).await?;
    let metrics = crate::agent::Metrics::default();
    let received_at = chrono::Utc::now().to_rfc3339();
    match process_one(Pending { id, raw, received_at }, &engine, &resolver, &store, &metrics).await? {
        Processed::Decided { reason, .. } => println!("message {id}: {reason}"),
        Processed::Failed(e) => println!("message {id}: failed again: {e}"),
        Processed::AlreadyDone => println!("message {id}: processed meanwhile by a running agent"),
    }
    Ok(ExitCode::SUCCESS)
}

pub fn check_config(config: Option<PathBuf>) -> Result<ExitCode> {
    let cfg = Config::load(config.as_deref())?;
    print!("{}", cfg.masked());
    eprintln!("configuration is valid");
    Ok(ExitCode::SUCCESS)
}

pub async fn messages(config: Option<PathBuf>, args: MessagesArgs) -> Result<ExitCode> {
    let cfg = Config::load_offline(config.as_deref())?;
    let store = Store::open(&cfg.database_url).await?;
    let state = match args.state.as_deref() {
        None => None,
        Some("received") => Some(MessageState::Received),
        Some("processed") => Some(MessageState::Processed),
        Some("failed") => Some(MessageState::Failed),
        Some(other) => bail!("unknown state {other:?}: expected received, processed or failed"),
    };
    let rows = store.messages(state, args.limit).await.context("cannot list messages")?;
    for r in rows {
        if args.json {
            println!("{}", serde_json::to_string(&r)?);
        } else {
            let what = r.reason.clone().or(r.error.clone()).unwrap_or_default();
            println!(
                "{:>6}  {:<9}  {:<26}  {:<9}  {}",
                r.id,
                r.state.as_str(),
                r.category.as_deref().unwrap_or("-"),
                r.order_id.as_deref().unwrap_or("-"),
                what
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn instances(config: Option<PathBuf>, json: bool) -> Result<ExitCode> {
    let cfg = Config::load_offline(config.as_deref())?;
    let store = Store::open(&cfg.database_url).await?;
    let alive = store.live_leases("instance:").await?;
    let polling = store.live_leases("mailbox:").await?;
    let claims = store.claims().await?;
    if json {
        let out = serde_json::json!({ "instances": alive, "mailboxes": polling, "claims": claims });
        println!("{out}");
        return Ok(ExitCode::SUCCESS);
    }
    if alive.is_empty() {
        println!("no instance is running on {}", cfg.database_url);
    }
    for l in &alive {
        println!("instance {:<24} alive (heartbeat until {})", l.holder, l.until);
    }
    for l in &polling {
        println!(
            "mailbox  {:<40} polled by {} (lease until {})",
            l.name.trim_start_matches("mailbox:"),
            l.holder,
            l.until
        );
    }
    for c in &claims {
        println!("claimed  {:<40} {} messages, {} outbox rows in hand", c.owner, c.messages, c.outbox);
    }
    Ok(ExitCode::SUCCESS)
}
