//! Configuration: `mailroom.toml`, every key overridable by
//! `MAILROOM__SECTION__KEY` environment variables, secrets only from the
//! environment or a file.
//!
//! [`RawConfig`] is what serde reads; [`Config::load`] validates it into
//! [`Config`], reporting every problem at once. `mailroom check-config`
//! prints the effective configuration with secrets masked.

mod raw;
mod resolution;

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use secrecy::SecretString;

use crate::llm::{ClassifierMode, LlmSettings, Prompts};
use crate::mailbox::Disposition;
use crate::mailbox::imap::{ImapAuth, ImapConfig, TlsMode};
use crate::senders::TrustedSenders;
pub use raw::RawConfig;
pub use resolution::{EmailTransport, Resolution};

/// Where mail comes from.
#[derive(Debug, Clone)]
pub enum SourceConfig {
    Imap(ImapConfig),
    Maildir { path: PathBuf, poll_interval: Duration, disposition: Disposition },
}

/// The validated configuration the agent runs with.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub resolution: Resolution,
    /// `[mailbox]`, when set, then each `[[mailboxes]]` entry.
    pub sources: Vec<SourceConfig>,
    /// How this instance shares work with others on the same database.
    pub sharing: crate::agent::Sharing,
    /// The review queue's pages, unless `[web] listen` is empty.
    pub web: Option<crate::web::WebConfig>,
    /// Longest wait between two full comparisons of server and store.
    pub reconcile_interval: Duration,
    pub rules_dir: Option<PathBuf>,
    pub senders: TrustedSenders,
    /// Order book imported at start, when given.
    pub orders_file: Option<PathBuf>,
    /// The model tier, when `[llm] base_url` is set.
    pub llm: Option<LlmConfig>,
    pub raw: RawConfig,
}

/// The model endpoint, how it is used, and where its prompts come from.
#[derive(Debug, Clone)]
pub struct LlmConfig {
    pub settings: LlmSettings,
    pub mode: ClassifierMode,
    pub prompts: Prompts,
}

#[derive(Debug, thiserror::Error)]
#[error("invalid configuration:\n  - {}", .0.join("\n  - "))]
pub struct ConfigError(pub Vec<String>);

/// Secrets a config file must not hold; they come from the environment or
/// from a file named by the `*_file` key.
const SECRET_KEYS: [&str; 5] =
    ["mailbox.password", "mailbox.oauth_token", "email.password", "webhook.secret", "llm.api_key"];

impl Config {
    /// Defaults, then `path` (when it exists, or when asked for explicitly),
    /// then `MAILROOM__SECTION__KEY` environment variables.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let (raw, problems) = Self::read(path)?;
        Self::validate(raw, problems)
    }

    /// For commands that neither read the mailbox nor send (pause, resume,
    /// messages, outbox, replay, shadow-report): the mailbox and channels
    /// are left out, so their secrets are not needed. The kill switch must
    /// work for an operator who does not hold the mailbox password.
    pub fn load_offline(path: Option<&Path>) -> Result<Config, ConfigError> {
        let (mut raw, problems) = Self::read(path)?;
        raw.mailbox = Default::default();
        raw.mailboxes.clear();
        raw.email = Default::default();
        raw.webhook = Default::default();
        Self::validate(raw, problems)
    }

    /// The layered configuration as written, with the problems found while
    /// reading it (a missing file, a secret written into the file).
    fn read(path: Option<&Path>) -> Result<(RawConfig, Vec<String>), ConfigError> {
        let default_path = PathBuf::from("mailroom.toml");
        let (file, required) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => (default_path, false),
        };
        let mut problems = Vec::new();
        if required && !file.is_file() {
            problems.push(format!("{}: no such configuration file", file.display()));
        }
        for key in SECRET_KEYS {
            if Figment::from(Toml::file(&file)).find_value(key).is_ok() {
                problems.push(format!(
                    "{}: `{key}` is a secret: set MAILROOM__{} or `{key}_file`, not the file",
                    file.display(),
                    key.replace('.', "__").to_uppercase()
                ));
            }
        }
        match layered(Toml::file(&file)).extract() {
            Ok(raw) => Ok((raw, problems)),
            Err(e) => {
                problems.extend(e.into_iter().map(|e| e.to_string()));
                Err(ConfigError(problems))
            }
        }
    }

    fn validate(raw: RawConfig, mut problems: Vec<String>) -> Result<Config, ConfigError> {
        if !raw.database.url.starts_with("sqlite:") && !raw.database.url.starts_with("postgres") {
            problems.push(format!("database.url {:?}: expected sqlite:PATH or postgres://...", raw.database.url));
        }
        let senders = match &raw.triage.senders_file {
            Some(p) => TrustedSenders::load(p).map_err(|e| problems.push(e.to_string())).unwrap_or_default(),
            None => TrustedSenders { carrier: raw.senders.carrier.clone(), supplier: raw.senders.supplier.clone() },
        };
        let mut sources: Vec<SourceConfig> = source(&raw.mailbox, "mailbox", &mut problems).into_iter().collect();
        for (n, m) in raw.mailboxes.iter().enumerate() {
            let label = format!("mailboxes[{n}]");
            if m.password.is_some() || m.oauth_token.is_some() {
                problems.push(format!("{label}: a password or token is a secret: use password_file, oauth_token_file or oauth_token_command"));
            }
            if m.source.is_empty() || m.source == "none" {
                problems.push(format!("{label}.source: expected imap or maildir:PATH"));
            }
            sources.extend(source(m, &label, &mut problems));
        }
        let sharing = sharing(&raw, &mut problems);
        let web = web(&raw, &mut problems);
        let mut resolution = resolution::resolution(&raw, &mut problems);
        resolution.outbox.owner = sharing.instance.clone();
        resolution.outbox.claim_ttl = sharing.claim_ttl;
        let llm = llm(&raw, &mut problems);
        if raw.mailbox.reconcile_interval_secs == 0 {
            problems.push("mailbox.reconcile_interval_secs must be at least 1".into());
        }
        if let Some(dir) = &raw.triage.rules_dir
            && let Err(e) = crate::classify::rules::RuleSet::load_dir(dir)
        {
            problems.push(e.to_string().trim_end().to_string());
        }
        if !problems.is_empty() {
            return Err(ConfigError(problems));
        }
        Ok(Config {
            database_url: raw.database.url.clone(),
            resolution,
            sources,
            sharing,
            web,
            reconcile_interval: Duration::from_secs(raw.mailbox.reconcile_interval_secs),
            rules_dir: raw.triage.rules_dir.clone(),
            senders,
            orders_file: raw.triage.orders_file.clone(),
            llm,
            raw,
        })
    }

    /// The effective configuration as TOML, secrets masked.
    pub fn masked(&self) -> String {
        let mut shown = self.raw.clone();
        for s in [
            &mut shown.mailbox.password,
            &mut shown.mailbox.oauth_token,
            &mut shown.email.password,
            &mut shown.webhook.secret,
            &mut shown.llm.api_key,
        ] {
            if s.is_some() {
                *s = Some("********".into());
            }
        }
        toml::to_string_pretty(&shown).unwrap_or_else(|e| format!("# cannot show configuration: {e}\n"))
    }
}

fn web(raw: &RawConfig, problems: &mut Vec<String>) -> Option<crate::web::WebConfig> {
    let w = &raw.web;
    if w.listen.trim().is_empty() {
        return None;
    }
    let listen = match w.listen.trim().parse() {
        Ok(a) => a,
        Err(_) => {
            problems.push(format!("web.listen {:?}: expected HOST:PORT such as 127.0.0.1:8025", w.listen));
            return None;
        }
    };
    if w.queue_target_hours.is_nan() || w.queue_target_hours <= 0.0 || w.session_hours == 0 {
        problems.push("web.queue_target_hours and web.session_hours must be above 0".into());
    }
    Some(crate::web::WebConfig {
        listen,
        secure_cookies: w.secure_cookies,
        session_lifetime: Duration::from_secs(w.session_hours.max(1) * 3600),
        queue_target: Duration::from_secs_f64(w.queue_target_hours.max(0.01) * 3600.0),
        mailboxes: Vec::new(),
    })
}

/// The instance's name and lease times; the mailbox count is what the
/// instances share, so that each takes its fair part.
fn sharing(raw: &RawConfig, problems: &mut Vec<String>) -> crate::agent::Sharing {
    let i = &raw.instance;
    if i.lease_secs < 3 || i.claim_secs < 3 {
        problems.push("instance.lease_secs and instance.claim_secs must be at least 3".into());
    }
    let mailboxes = usize::from(raw.mailbox.source != "none" && !raw.mailbox.source.is_empty()) + raw.mailboxes.len();
    crate::agent::Sharing {
        instance: if i.id.trim().is_empty() { crate::agent::default_instance() } else { i.id.trim().to_string() },
        lease_ttl: Duration::from_secs(i.lease_secs.max(3)),
        claim_ttl: Duration::from_secs(i.claim_secs.max(3)),
        mailboxes: mailboxes.max(1),
    }
}

fn disposition(m: &raw::Mailbox, label: &str, problems: &mut Vec<String>) -> Disposition {
    let d = &m.disposition;
    match d.mode.as_str() {
        "none" => Disposition::None,
        "flag" => Disposition::Flag { keyword: d.keyword.clone() },
        "move" => Disposition::Move {
            auto: d.auto.clone(),
            escalated: d.escalated.clone(),
            ignored: d.ignored.clone(),
            failed: d.failed.clone(),
        },
        other => {
            problems.push(format!("{label}.disposition.mode {other:?}: expected move, flag or none"));
            Disposition::None
        }
    }
}

fn source(m: &raw::Mailbox, label: &str, problems: &mut Vec<String>) -> Option<SourceConfig> {
    let disposition = disposition(m, label, problems);
    if let Some(path) = m.source.strip_prefix("maildir:") {
        if path.is_empty() {
            problems.push(format!("{label}.source maildir: needs a path (maildir:/var/mail/ops)"));
        }
        let poll = Duration::from_millis(m.maildir_poll_ms.max(50));
        return Some(SourceConfig::Maildir { path: PathBuf::from(path), poll_interval: poll, disposition });
    }
    match m.source.as_str() {
        "" | "none" => None,
        "imap" => imap(m, label, disposition, problems).map(SourceConfig::Imap),
        other => {
            problems.push(format!("{label}.source {other:?}: expected imap, maildir:PATH or none"));
            None
        }
    }
}

/// Defaults, then the file, then the environment.
fn layered(file: figment::providers::Data<Toml>) -> Figment {
    Figment::from(Serialized::defaults(RawConfig::default()))
        .merge(file)
        .merge(Env::prefixed("MAILROOM__").split("__").lowercase(true))
}

fn secret(
    value: &Option<String>,
    file: &Option<PathBuf>,
    what: &str,
    problems: &mut Vec<String>,
) -> Option<SecretString> {
    if let Some(v) = value {
        return Some(SecretString::from(v.clone()));
    }
    let path = file.as_ref()?;
    match std::fs::read_to_string(path) {
        Ok(s) => Some(SecretString::from(s.trim_end_matches(['\n', '\r']).to_string())),
        Err(e) => {
            problems.push(format!("{what}_file {}: {e}", path.display()));
            None
        }
    }
}

/// The model tier `raw` describes (after command-line overrides), or
/// `None` when no endpoint is set.
pub fn llm_config(raw: &RawConfig) -> Result<Option<LlmConfig>, ConfigError> {
    let mut problems = Vec::new();
    let c = llm(raw, &mut problems);
    if problems.is_empty() { Ok(c) } else { Err(ConfigError(problems)) }
}

fn llm(raw: &RawConfig, problems: &mut Vec<String>) -> Option<LlmConfig> {
    let l = &raw.llm;
    if l.base_url.trim().is_empty() {
        return None;
    }
    let before = problems.len();
    if !(l.base_url.starts_with("http://") || l.base_url.starts_with("https://")) {
        problems.push(format!("llm.base_url {:?}: expected http(s)://HOST/v1", l.base_url));
    }
    if l.model.trim().is_empty() {
        problems.push("llm.model is required with llm.base_url".into());
    }
    let mode = match l.classifier.as_str() {
        "both" => ClassifierMode::Both,
        "llm" => ClassifierMode::Llm,
        "rules" => ClassifierMode::Rules,
        other => {
            problems.push(format!("llm.classifier {other:?}: expected both, llm or rules"));
            ClassifierMode::Both
        }
    };
    if l.timeout_secs == 0 || l.max_concurrency == 0 || l.max_input_tokens < 100 || l.max_output_tokens == 0 {
        problems.push("llm: timeout_secs, max_concurrency and max_output_tokens must be at least 1, max_input_tokens at least 100".into());
    }
    if !(0.0..=1.0).contains(&l.min_confidence) {
        problems.push(format!("llm.min_confidence {}: expected 0..1", l.min_confidence));
    }
    let prompts = Prompts::load(l.prompts_dir.as_deref()).map_err(|e| problems.push(e.to_string())).ok();
    let mut settings = LlmSettings::new(l.base_url.trim(), l.model.trim());
    settings.api_key = secret(&l.api_key, &l.api_key_file, "llm.api_key", problems);
    settings.timeout = Duration::from_secs(l.timeout_secs);
    settings.max_concurrency = l.max_concurrency;
    settings.tokens_per_minute = l.tokens_per_minute;
    settings.max_retries = l.max_retries;
    settings.max_backoff = Duration::from_secs(l.max_backoff_secs);
    settings.max_input_tokens = l.max_input_tokens;
    settings.max_output_tokens = l.max_output_tokens;
    settings.price_input_per_mtok = l.price_input_per_mtok;
    settings.price_output_per_mtok = l.price_output_per_mtok;
    settings.min_confidence = l.min_confidence;
    settings.draft_replies = l.draft_replies;
    settings.schema_limits = l.schema_limits;
    settings.voice = l.voice.clone();
    (problems.len() == before).then_some(LlmConfig { settings, mode, prompts: prompts? })
}

fn imap(m: &raw::Mailbox, label: &str, disposition: Disposition, problems: &mut Vec<String>) -> Option<ImapConfig> {
    let before = problems.len();
    let tls = match m.tls.as_str() {
        "implicit" | "tls" => TlsMode::Implicit,
        "starttls" => TlsMode::StartTls,
        "none" => TlsMode::None,
        other => {
            problems.push(format!("{label}.tls {other:?}: expected implicit, starttls or none"));
            TlsMode::None
        }
    };
    if m.host.is_empty() {
        problems.push(format!("{label}.host is required for an IMAP source"));
    }
    if tls == TlsMode::None && !is_loopback(&m.host) {
        problems.push(format!("{label}.tls = none is only allowed on loopback, not {:?}", m.host));
    }
    if m.username.is_empty() {
        problems.push(format!("{label}.username is required for an IMAP source"));
    }
    let auth = match m.auth.as_str() {
        "password" => match secret(&m.password, &m.password_file, &format!("{label}.password"), problems) {
            Some(p) => Some(ImapAuth::Password(p)),
            None => {
                problems.push(format!(
                    "{label}.auth = password needs MAILROOM__MAILBOX__PASSWORD or {label}.password_file"
                ));
                None
            }
        },
        "xoauth2" => {
            let token = secret(&m.oauth_token, &m.oauth_token_file, &format!("{label}.oauth_token"), problems);
            if token.is_none() && m.oauth_token_command.is_none() {
                problems.push(format!("{label}.auth = xoauth2 needs MAILROOM__MAILBOX__OAUTH_TOKEN, {label}.oauth_token_file or {label}.oauth_token_command"));
            }
            Some(ImapAuth::XOAuth2 { token, command: m.oauth_token_command.clone() })
        }
        other => {
            problems.push(format!("{label}.auth {other:?}: expected password or xoauth2"));
            None
        }
    };
    for (name, v) in [
        ("idle_renew_secs", m.idle_renew_secs),
        ("poll_interval_secs", m.poll_interval_secs),
        ("timeout_secs", m.timeout_secs),
    ] {
        if v == 0 {
            problems.push(format!("{label}.{name} must be at least 1"));
        }
    }
    if m.idle_renew_secs >= 29 * 60 {
        problems.push(format!("{label}.idle_renew_secs must stay below the servers' 29-minute IDLE limit"));
    }
    if problems.len() > before {
        return None;
    }
    let port = m.port.unwrap_or(if tls == TlsMode::Implicit { 993 } else { 143 });
    Some(ImapConfig {
        host: m.host.clone(),
        port,
        tls,
        ca_file: m.ca_file.clone(),
        username: m.username.clone(),
        auth: auth?,
        folder: m.folder.clone(),
        idle: m.idle,
        idle_renew: Duration::from_secs(m.idle_renew_secs),
        poll_interval: Duration::from_secs(m.poll_interval_secs),
        timeout: Duration::from_secs(m.timeout_secs),
        fetch_batch: m.fetch_batch.max(1),
        disposition,
    })
}

pub(crate) fn is_loopback(host: &str) -> bool {
    host == "localhost" || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests;
