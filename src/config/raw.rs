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
    pub email: Email,
    pub webhook: Webhook,
    pub outbox: Outbox,
    pub llm: Llm,
    pub instance: Instance,
    pub web: Web,
    /// More mailboxes (one per brand), polled like `[mailbox]`; their
    /// secrets come from `password_file`, `oauth_token_file` or
    /// `oauth_token_command`.
    pub mailboxes: Vec<Mailbox>,
    /// `default` and per category: off, shadow, approve or auto.
    pub autonomy: std::collections::BTreeMap<String, String>,
    pub brands: Vec<Brand>,
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

/// The review queue's web pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Web {
    /// `HOST:PORT` to serve on (`127.0.0.1:8025`); empty, the default:
    /// no web pages.
    pub listen: String,
    /// Mark cookies Secure: set when a TLS proxy serves the pages.
    pub secure_cookies: bool,
    pub session_hours: u64,
    /// An item waiting longer than this is late.
    pub queue_target_hours: f64,
}

impl Default for Web {
    fn default() -> Self {
        Web { listen: String::new(), secure_cookies: false, session_hours: 12, queue_target_hours: 4.0 }
    }
}

/// Several instances sharing one (PostgreSQL) database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Instance {
    /// This instance's name; empty: `MAILROOM_INSTANCE`, else the host name.
    pub id: String,
    /// How long a mailbox lease lasts unrenewed (a dead poller's mailbox
    /// is taken over after at most this).
    pub lease_secs: u64,
    /// How long a claimed message or outbox row stays claimed (a dead
    /// instance's work is taken over after at most this).
    pub claim_secs: u64,
}

impl Default for Instance {
    fn default() -> Self {
        Instance { id: String::new(), lease_secs: 30, claim_secs: 300 }
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Email {
    /// `smtp`, `maildir:PATH` (write notices to a local Maildir) or `none`.
    pub transport: String,
    pub host: String,
    pub port: Option<u16>,
    /// `starttls` (587), `implicit` (465) or `none` (loopback only).
    pub tls: String,
    pub username: Option<String>,
    /// Secret: from MAILROOM__EMAIL__PASSWORD only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    pub password_file: Option<PathBuf>,
    pub timeout_secs: u64,
}

impl Default for Email {
    fn default() -> Self {
        Email {
            transport: "none".into(),
            host: String::new(),
            port: None,
            tls: "starttls".into(),
            username: None,
            password: None,
            password_file: None,
            timeout_secs: 30,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Webhook {
    /// Where every order event is POSTed; none when empty.
    pub url: String,
    /// Secret: from MAILROOM__WEBHOOK__SECRET only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    pub secret_file: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Outbox {
    /// The kill switch: hold every outgoing message.
    pub paused: bool,
    pub max_attempts: i64,
    pub backoff_base_secs: u64,
    pub backoff_max_secs: u64,
    pub per_minute: u32,
    /// At most this many automatic mails per recipient per window.
    pub recipient_cap: i64,
    pub recipient_cap_hours: i64,
    /// Notification templates (default: the bundled templates/).
    pub templates_dir: Option<PathBuf>,
}

impl Default for Outbox {
    fn default() -> Self {
        Outbox {
            paused: false,
            max_attempts: 8,
            backoff_base_secs: 30,
            backoff_max_secs: 3600,
            per_minute: 60,
            recipient_cap: 3,
            recipient_cap_hours: 24,
            templates_dir: None,
        }
    }
}

/// The language-model tier; empty `base_url` means rules only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Llm {
    /// An OpenAI-compatible API up to `/v1`, e.g. `https://api.openai.com/v1`
    /// or `http://127.0.0.1:8080/v1` (llama.cpp, vLLM, Ollama).
    pub base_url: String,
    pub model: String,
    /// Secret: from MAILROOM__LLM__API_KEY only (or `api_key_file`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    pub api_key_file: Option<PathBuf>,
    /// `both` (the model where rules are not decisive), `llm` (always) or `rules`.
    pub classifier: String,
    pub timeout_secs: u64,
    pub max_concurrency: usize,
    /// Prompt + completion tokens per minute; 0 for no budget.
    pub tokens_per_minute: u32,
    pub max_retries: u32,
    pub max_backoff_secs: u64,
    pub max_input_tokens: usize,
    pub max_output_tokens: u32,
    /// US dollars per million tokens, for the cost estimate.
    pub price_input_per_mtok: f64,
    pub price_output_per_mtok: f64,
    /// Below this the model's category counts as unsure.
    pub min_confidence: f32,
    /// Let the model draft replies for escalations (templates otherwise).
    pub draft_replies: bool,
    /// Bound string lengths and list sizes in the answer's JSON schema.
    /// llama.cpp and vLLM enforce them while decoding (a small model then
    /// cannot ramble past the token limit); OpenAI's strict mode refuses them.
    pub schema_limits: bool,
    /// How drafted replies sound, for the draft prompt.
    pub voice: String,
    /// Replacement prompts (classify.toml, draft.toml); default: bundled.
    pub prompts_dir: Option<PathBuf>,
}

impl Default for Llm {
    fn default() -> Self {
        let d = crate::llm::LlmSettings::new("", "gpt-4o-mini");
        Llm {
            base_url: String::new(),
            model: d.model,
            api_key: None,
            api_key_file: None,
            classifier: "both".into(),
            timeout_secs: d.timeout.as_secs(),
            max_concurrency: d.max_concurrency,
            tokens_per_minute: d.tokens_per_minute,
            max_retries: d.max_retries,
            max_backoff_secs: d.max_backoff.as_secs(),
            max_input_tokens: d.max_input_tokens,
            max_output_tokens: d.max_output_tokens,
            price_input_per_mtok: d.price_input_per_mtok,
            price_output_per_mtok: d.price_output_per_mtok,
            min_confidence: d.min_confidence,
            draft_replies: d.draft_replies,
            schema_limits: d.schema_limits,
            voice: d.voice,
            prompts_dir: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// As in the order book's `brand`.
    pub name: String,
    /// `Name <address>` the brand's mail comes from.
    pub from: String,
    pub reply_to: Option<String>,
    pub support_email: Option<String>,
    pub website: Option<String>,
    #[serde(default = "english")]
    pub default_language: String,
}

fn english() -> String {
    "en".into()
}
