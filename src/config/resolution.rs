//! Validating the configuration of automatic resolution: autonomy, brands,
//! the loop guard, the outbox and its channels.

use std::path::PathBuf;
use std::time::Duration;

use super::{RawConfig, is_loopback, secret};
use crate::act::{Autonomy, Brand, Brands, Guard, Mode, slug_of};
use crate::domain::Category;
use crate::notify::email::{SmtpConfig, SmtpTls};
use crate::notify::outbox::OutboxConfig;
use crate::notify::webhook::WebhookConfig;

#[derive(Debug, Clone)]
pub enum EmailTransport {
    None,
    Smtp(SmtpConfig),
    Maildir(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Resolution {
    pub autonomy: Autonomy,
    pub brands: Brands,
    pub guard: Guard,
    pub outbox: OutboxConfig,
    pub email: EmailTransport,
    pub webhook: Option<WebhookConfig>,
    pub templates_dir: Option<PathBuf>,
}

fn mode(s: &str, key: &str, problems: &mut Vec<String>) -> Option<Mode> {
    s.parse().map_err(|e| problems.push(format!("autonomy.{key}: {e}"))).ok()
}

pub(super) fn resolution(raw: &RawConfig, problems: &mut Vec<String>) -> Resolution {
    let mut autonomy = Autonomy::default();
    for (key, value) in &raw.autonomy {
        let Some(m) = mode(value, key, problems) else { continue };
        if key == "default" {
            autonomy.default = m;
        } else {
            match key.parse::<Category>() {
                Ok(c) => {
                    autonomy.per_category.insert(c, m);
                }
                Err(e) => problems.push(format!("autonomy.{key}: {e}")),
            }
        }
    }
    let brands = Brands(
        raw.brands
            .iter()
            .map(|b| {
                let derived = Brand::derived(&b.name);
                if b.from.parse::<lettre::message::Mailbox>().is_err() {
                    problems.push(format!("brands {:?}: from {:?} is not a mailbox (Name <address>)", b.name, b.from));
                }
                Brand {
                    name: b.name.clone(),
                    slug: slug_of(&b.name),
                    from: b.from.clone(),
                    reply_to: b.reply_to.clone(),
                    support_email: b.support_email.clone().unwrap_or(derived.support_email),
                    website: b.website.clone().unwrap_or(derived.website),
                    default_language: b.default_language.clone(),
                }
            })
            .collect(),
    );
    let o = &raw.outbox;
    let outbox = OutboxConfig {
        max_attempts: o.max_attempts.max(1),
        backoff_base: Duration::from_secs(o.backoff_base_secs.max(1)),
        backoff_max: Duration::from_secs(o.backoff_max_secs.max(o.backoff_base_secs).max(1)),
        per_minute: o.per_minute.max(1),
        paused: o.paused,
        poll: Duration::from_secs(1),
        // Set from `[instance]` by the caller.
        ..OutboxConfig::default()
    };
    let guard = Guard { per_recipient: o.recipient_cap.max(0), window_hours: o.recipient_cap_hours.max(1) };
    let webhook = (!raw.webhook.url.is_empty()).then(|| {
        let s = secret(&raw.webhook.secret, &raw.webhook.secret_file, "webhook.secret", problems);
        if s.is_none() {
            problems.push("webhook.url needs MAILROOM__WEBHOOK__SECRET or webhook.secret_file to sign with".into());
        }
        WebhookConfig { url: raw.webhook.url.clone(), secret: s.unwrap_or_default(), timeout: Duration::from_secs(10) }
    });
    Resolution {
        autonomy,
        brands,
        guard,
        outbox,
        email: email(raw, problems),
        webhook,
        templates_dir: o.templates_dir.clone(),
    }
}

fn email(raw: &RawConfig, problems: &mut Vec<String>) -> EmailTransport {
    let e = &raw.email;
    if let Some(path) = e.transport.strip_prefix("maildir:") {
        return EmailTransport::Maildir(PathBuf::from(path));
    }
    match e.transport.as_str() {
        "none" | "" => EmailTransport::None,
        "smtp" => {
            let tls = match e.tls.as_str() {
                "starttls" => SmtpTls::StartTls,
                "implicit" | "tls" => SmtpTls::Implicit,
                "none" => SmtpTls::None,
                other => {
                    problems.push(format!("email.tls {other:?}: expected starttls, implicit or none"));
                    SmtpTls::StartTls
                }
            };
            if e.host.is_empty() {
                problems.push("email.host is required for SMTP".into());
            }
            if tls == SmtpTls::None && !is_loopback(&e.host) {
                problems.push(format!("email.tls = none is only allowed on loopback, not {:?}", e.host));
            }
            let password = secret(&e.password, &e.password_file, "email.password", problems);
            let port = e.port.unwrap_or(match tls {
                SmtpTls::Implicit => 465,
                SmtpTls::StartTls => 587,
                SmtpTls::None => 25,
            });
            EmailTransport::Smtp(SmtpConfig {
                host: e.host.clone(),
                port,
                tls,
                username: e.username.clone(),
                password,
                timeout: Duration::from_secs(e.timeout_secs.max(1)),
            })
        }
        other => {
            problems.push(format!("email.transport {other:?}: expected smtp, maildir:PATH or none"));
            EmailTransport::None
        }
    }
}
