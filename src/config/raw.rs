//! The configuration as written: serde types with their defaults.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::senders::TrustedParty;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawConfig {
    pub database: Database,
    pub mailbox: Mailbox,
    pub triage: Triage,
    pub senders: Senders,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Database {
    /// `sqlite:PATH` (the embedded default) or `postgres://...`.
    pub url: String,
}

impl Default for Database {
    fn default() -> Self {
        Database { url: "sqlite:mailroom.db".into() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Mailbox {
    /// `imap`, `maildir:PATH` or `none`.
    pub source: String,
    pub host: String,
    pub port: Option<u16>,
    /// `implicit` (993), `starttls` (143) or `none` (loopback only).
    pub tls: String,
    /// Extra CA certificate (PEM) to trust, for self-signed servers.
    pub ca_file: Option<PathBuf>,
    pub username: String,
    /// `password` or `xoauth2`.
    pub auth: String,
    /// Secret: from MAILROOM__MAILBOX__PASSWORD only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    pub password_file: Option<PathBuf>,
    /// Secret: from MAILROOM__MAILBOX__OAUTH_TOKEN only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth_token: Option<String>,
    pub oauth_token_file: Option<PathBuf>,
    /// A command that prints a fresh bearer token.
    pub oauth_token_command: Option<String>,
    pub folder: String,
    pub idle: bool,
    pub idle_renew_secs: u64,
    pub poll_interval_secs: u64,
    pub timeout_secs: u64,
    pub fetch_batch: usize,
    pub reconcile_interval_secs: u64,
    pub maildir_poll_ms: u64,
    pub disposition: Disposition,
}

impl Default for Mailbox {
    fn default() -> Self {
        Mailbox {
            source: "none".into(),
            host: String::new(),
            port: None,
            tls: "implicit".into(),
            ca_file: None,
            username: String::new(),
            auth: "password".into(),
            password: None,
            password_file: None,
            oauth_token: None,
            oauth_token_file: None,
            oauth_token_command: None,
            folder: "INBOX".into(),
            idle: true,
            idle_renew_secs: 25 * 60,
            poll_interval_secs: 30,
            timeout_secs: 60,
            fetch_batch: 100,
            reconcile_interval_secs: 300,
            maildir_poll_ms: 1000,
            disposition: Disposition::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Disposition {
    /// `move`, `flag` or `none`.
    pub mode: String,
    pub keyword: String,
    pub auto: String,
    pub escalated: String,
    pub ignored: String,
    pub failed: String,
}

impl Default for Disposition {
    fn default() -> Self {
        Disposition {
            mode: "move".into(),
            keyword: "$MailroomDone".into(),
            auto: "mailroom/auto".into(),
            escalated: "mailroom/escalated".into(),
            ignored: "mailroom/ignored".into(),
            failed: "mailroom/failed".into(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Triage {
    /// Rules directory instead of the bundled rules.
    pub rules_dir: Option<PathBuf>,
    /// A senders.toml (SPEC §4 layout) instead of `[senders]` here.
    pub senders_file: Option<PathBuf>,
    /// An order book (SPEC §3) to import at start.
    pub orders_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Senders {
    pub carrier: Vec<TrustedParty>,
    pub supplier: Vec<TrustedParty>,
}
