//! IMAP source: async-imap over TLS (implicit or STARTTLS) or plain on
//! loopback; password or XOAUTH2 login; IDLE with re-issue, polling
//! fallback; MOVE (or COPY + STORE \Deleted + UID EXPUNGE) disposition.
//!
//! ```text
//! connect  = connect::open (TCP, TLS, greeting) → auth::login → CAPABILITY → SELECT
//! list     = SELECT (UIDVALIDITY = epoch) → UID SEARCH ALL
//! fetch    = UID FETCH <set> (UID BODY.PEEK[]), fetch_batch UIDs at a time
//! wait     = idle::wait: IDLE … DONE, or a cancellable sleep
//! dispose  = dispose::dispose: STORE +FLAGS, or CREATE once + MOVE / COPY+STORE+UID EXPUNGE
//! ```
//!
//! Every network step is bounded by `timeout`: connect, handshake, greeting,
//! login, and each server response read (one response is one whole message
//! in a FETCH, so `timeout` must cover transferring the largest message).
//! After any error the session is dropped; the agent loop calls `connect`
//! again (with backoff when the error `is_transient`).
//!
//! Folder names are sent as quoted ASCII strings; non-ASCII names would
//! need modified UTF-7, which is not done (the server refuses them).

mod auth;
mod connect;
mod dispose;
mod error;
mod idle;
mod ops;
mod session;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;
use tokio_rustls::rustls::ClientConfig;
use tokio_util::sync::CancellationToken;

use super::{Disposition, Fetched, Listing, MailSource, Outcome, SourceError, Woken};
use error::Ctx;
use session::{Live, parse_uid};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsMode {
    /// TLS from the first byte (port 993).
    Implicit,
    /// Plain connect, then STARTTLS before login (port 143).
    StartTls,
    /// No TLS: refused by configuration unless the host is loopback.
    None,
}

#[derive(Debug, Clone)]
pub enum ImapAuth {
    Password(SecretString),
    /// XOAUTH2 (Gmail, Microsoft 365): a bearer token given directly, or a
    /// command whose standard output is one (run with `sh -c` at every
    /// login, so it can refresh). A given token wins over the command.
    XOAuth2 {
        token: Option<SecretString>,
        command: Option<String>,
    },
}

#[derive(Debug, Clone)]
pub struct ImapConfig {
    pub host: String,
    pub port: u16,
    pub tls: TlsMode,
    /// Extra PEM CA certificate to trust (self-signed test servers).
    pub ca_file: Option<PathBuf>,
    pub username: String,
    pub auth: ImapAuth,
    pub folder: String,
    /// Use IDLE when the server offers it; otherwise poll.
    pub idle: bool,
    /// Re-issue IDLE before the server's 29-minute limit.
    pub idle_renew: Duration,
    pub poll_interval: Duration,
    /// Timeout of any single command or network read.
    pub timeout: Duration,
    /// How many messages one UID FETCH asks for.
    pub fetch_batch: usize,
    pub disposition: Disposition,
}

/// An IMAP folder as a [`MailSource`].
pub struct ImapSource {
    cfg: ImapConfig,
    name: String,
    ctx: Ctx,
    /// Built at the first TLS connect, then reused.
    tls: Option<Arc<ClientConfig>>,
    /// The logged-in session; `None` before `connect` and after any error.
    live: Option<Live>,
}

impl ImapSource {
    pub fn new(cfg: ImapConfig) -> ImapSource {
        let name = format!("imap://{}@{}:{}/{}", cfg.username, cfg.host, cfg.port, cfg.folder);
        let ctx = Ctx { target: format!("{}:{}", cfg.host, cfg.port), timeout: cfg.timeout };
        ImapSource { cfg, name, ctx, tls: None, live: None }
    }

    /// Whether a session is open (it is dropped after any error).
    pub fn is_connected(&self) -> bool {
        self.live.is_some()
    }

    fn tls_config(&mut self) -> Result<Option<Arc<ClientConfig>>, SourceError> {
        if self.cfg.tls == TlsMode::None {
            return Ok(None);
        }
        if self.tls.is_none() {
            let config =
                connect::tls_config(self.cfg.ca_file.as_deref()).map_err(|e| self.ctx.refused("tls setup", e))?;
            self.tls = Some(config);
        }
        Ok(self.tls.clone())
    }

    /// The open session, taken out for one operation: if the operation
    /// fails, or its future is dropped half-way, the session is gone and
    /// the next call reports `Lost` instead of using a confused stream.
    fn take(&mut self, op: &'static str) -> Result<Live, SourceError> {
        self.live.take().ok_or_else(|| self.ctx.lost(op, "not connected"))
    }

    async fn open(&mut self) -> Result<Live, SourceError> {
        let tls = self.tls_config()?;
        let client = connect::open(&self.cfg, &self.ctx, tls).await?;
        let mut live = Live::new(auth::login(client, &self.cfg, &self.ctx).await?);
        live.state.caps = ops::capabilities(&mut live, &self.ctx).await?;
        ops::select(&mut live, &self.ctx, &self.cfg.folder).await?;
        Ok(live)
    }
}

impl MailSource for ImapSource {
    fn name(&self) -> &str {
        &self.name
    }

    fn files_away(&self) -> bool {
        matches!(self.cfg.disposition, Disposition::Move { .. })
    }

    async fn connect(&mut self) -> Result<(), SourceError> {
        self.live = None;
        let live = self.open().await?;
        tracing::debug!(source = %self.name, caps = ?live.state.caps, "IMAP connected");
        self.live = Some(live);
        Ok(())
    }

    async fn list(&mut self) -> Result<Listing, SourceError> {
        let mut live = self.take("list")?;
        let listing = ops::list(&mut live, &self.ctx, &self.cfg.folder).await?;
        self.live = Some(live);
        Ok(listing)
    }

    async fn fetch(&mut self, keys: &[String]) -> Result<Vec<Fetched>, SourceError> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let mut live = self.take("fetch")?;
        let fetched = ops::fetch(&mut live, &self.ctx, keys, self.cfg.fetch_batch).await?;
        self.live = Some(live);
        Ok(fetched)
    }

    async fn wait(&mut self, max: Duration, shutdown: &CancellationToken) -> Result<Woken, SourceError> {
        let live = self.take("wait")?;
        let plan = idle::WaitPlan {
            use_idle: self.cfg.idle,
            idle_renew: self.cfg.idle_renew,
            poll_interval: self.cfg.poll_interval,
        };
        let (woken, live) = idle::wait(live, &self.ctx, plan, max, shutdown).await?;
        self.live = Some(live);
        Ok(woken)
    }

    async fn dispose(&mut self, key: &str, outcome: Outcome) -> Result<(), SourceError> {
        if self.cfg.disposition == Disposition::None {
            return Ok(());
        }
        let Some(uid) = parse_uid(key) else {
            return Err(self.ctx.refused("dispose", format!("{key:?} is not an IMAP UID")));
        };
        let mut live = self.take("dispose")?;
        dispose::dispose(&mut live, &self.ctx, &self.cfg.disposition, &uid.to_string(), outcome).await?;
        self.live = Some(live);
        Ok(())
    }

    async fn dispose_many(&mut self, keys: &[String], outcome: Outcome) -> Result<(), SourceError> {
        if self.cfg.disposition == Disposition::None || keys.is_empty() {
            return Ok(());
        }
        let mut uids = Vec::with_capacity(keys.len());
        for key in keys {
            let Some(uid) = parse_uid(key) else {
                return Err(self.ctx.refused("dispose", format!("{key:?} is not an IMAP UID")));
            };
            uids.push(uid);
        }
        let mut live = self.take("dispose")?;
        // Bounded command lines: a UID set of at most 500 messages each.
        for part in uids.chunks(500) {
            let set = dispose::uid_set(part);
            dispose::dispose(&mut live, &self.ctx, &self.cfg.disposition, &set, outcome).await?;
        }
        self.live = Some(live);
        Ok(())
    }

    async fn close(&mut self) {
        if let Some(mut live) = self.live.take()
            && let Err(e) = self.ctx.io("logout", live.imap.logout()).await
        {
            tracing::debug!(source = %self.name, error = %e, "IMAP logout failed; dropping the connection");
        }
    }
}
