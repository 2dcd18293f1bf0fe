//! The email a notice becomes, and the channels that deliver it: SMTP
//! (lettre, STARTTLS or TLS, auth) and, for the demo, a local Maildir.

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use super::SendError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailPayload {
    /// `Name <address>`.
    pub from: String,
    pub reply_to: Option<String>,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The customer's Message-ID this answers, for threading.
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
    /// RFC 3834: `auto-replied` for answers, `auto-generated` for
    /// proactive notices.
    pub auto_submitted: String,
    pub language: String,
    pub brand: String,
    pub kind: String,
    /// The Message-ID's local part, fixed by the outbox row, so that a
    /// retry (after a crash between sending and recording it) carries the
    /// same Message-ID and receivers can drop the repeat. Fresh when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_key: Option<String>,
}

fn bad(what: &str, e: impl std::fmt::Display) -> SendError {
    SendError { transient: false, message: format!("{what}: {e}") }
}

fn header(name: &'static str, value: String) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
}

/// The RFC 5322 message for a payload, with a fresh Message-ID on the
/// sender's domain (returned too, to store it).
pub fn build(p: &EmailPayload) -> Result<(Message, String), SendError> {
    let from: Mailbox = p.from.parse().map_err(|e| bad("From", e))?;
    let domain = from.email.domain().to_string();
    let id = match &p.message_key {
        Some(key) => format!("{key}@{domain}"),
        None => format!("{}.{}@{domain}", chrono::Utc::now().timestamp_micros(), fastrand::u64(..)),
    };
    let angle = |s: &str| format!("<{}>", s.trim_matches(['<', '>']));
    let mut b = Message::builder()
        .from(from)
        .to(p.to.parse().map_err(|e| bad("To", e))?)
        .subject(&p.subject)
        .message_id(Some(angle(&id)))
        .raw_header(header("Auto-Submitted", p.auto_submitted.clone()))
        .raw_header(header("Content-Language", p.language.clone()));
    if p.auto_submitted != "no" {
        // Ask other robots not to answer this one (RFC 3834 spirit; Exchange).
        b = b.raw_header(header("X-Auto-Response-Suppress", "All".into()));
    }
    if let Some(r) = &p.reply_to {
        b = b.reply_to(r.parse().map_err(|e| bad("Reply-To", e))?);
    }
    if let Some(irt) = &p.in_reply_to {
        b = b.in_reply_to(angle(irt));
    }
    if !p.references.is_empty() {
        b = b.references(p.references.iter().map(|r| angle(r)).collect::<Vec<_>>().join(" "));
    }
    let body = MultiPart::alternative()
        .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(p.text.clone()))
        .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(p.html.clone()));
    Ok((b.multipart(body).map_err(|e| bad("message", e))?, id))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// TLS from the first byte (465).
    Implicit,
    /// STARTTLS (587).
    StartTls,
    /// Plain: only for loopback test servers.
    None,
}

#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    pub username: Option<String>,
    pub password: Option<SecretString>,
    pub timeout: Duration,
}

/// Sends through an SMTP server.
pub struct SmtpChannel {
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl SmtpChannel {
    pub fn new(c: &SmtpConfig) -> Result<SmtpChannel, SendError> {
        let b = match c.tls {
            SmtpTls::Implicit => {
                AsyncSmtpTransport::<Tokio1Executor>::relay(&c.host).map_err(|e| bad("SMTP relay", e))?
            }
            SmtpTls::StartTls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&c.host).map_err(|e| bad("SMTP relay", e))?
            }
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&c.host),
        };
        let mut b = b.port(c.port).timeout(Some(c.timeout));
        if let (Some(u), Some(p)) = (&c.username, &c.password) {
            b = b.credentials(Credentials::new(u.clone(), p.expose_secret().to_string()));
        }
        Ok(SmtpChannel { transport: b.build() })
    }

    pub async fn send(&self, p: &EmailPayload) -> Result<String, SendError> {
        let (msg, id) = build(p)?;
        match self.transport.send(msg).await {
            Ok(_) => Ok(id),
            // 5xx is the server's final word; anything else may pass later.
            Err(e) => Err(SendError { transient: !e.is_permanent(), message: format!("SMTP: {e}") }),
        }
    }
}

/// Delivers into a local Maildir: the demo's stand-in for a mail server, so
/// the notices customers would get can be opened and read.
pub struct MaildirChannel {
    pub root: PathBuf,
}

impl MaildirChannel {
    pub async fn send(&self, p: &EmailPayload) -> Result<String, SendError> {
        let (msg, id) = build(p)?;
        let io = |e: std::io::Error| SendError { transient: true, message: format!("{}: {e}", self.root.display()) };
        for sub in ["tmp", "new", "cur"] {
            tokio::fs::create_dir_all(self.root.join(sub)).await.map_err(io)?;
        }
        let name = format!("{}.mailroom", id.replace(['@', '/'], "_"));
        let tmp = self.root.join("tmp").join(&name);
        tokio::fs::write(&tmp, msg.formatted()).await.map_err(io)?;
        tokio::fs::rename(&tmp, self.root.join("new").join(&name)).await.map_err(io)?;
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload() -> EmailPayload {
        EmailPayload {
            from: "Northwind Apparel <care@northwind.example>".into(),
            reply_to: Some("help@northwind.example".into()),
            to: "priya@example.com".into(),
            subject: "Re: Where is my order?".into(),
            text: "Namaste Priya".into(),
            html: "<p>Namaste Priya</p>".into(),
            in_reply_to: Some("abc@customer.example".into()),
            references: vec!["old@shop.example".into(), "abc@customer.example".into()],
            auto_submitted: "auto-replied".into(),
            language: "en".into(),
            brand: "Northwind Apparel".into(),
            kind: "wismo_reply".into(),
            message_key: None,
        }
    }

    #[test]
    fn a_keyed_payload_keeps_its_message_id_and_a_persons_reply_does_not_suppress_auto_responses() {
        let keyed = EmailPayload { message_key: Some("mailroom.7.abc".into()), ..payload() };
        assert_eq!(build(&keyed).unwrap().1, "mailroom.7.abc@northwind.example");
        assert_eq!(build(&keyed).unwrap().1, build(&keyed).unwrap().1, "the same on every attempt");
        assert_ne!(build(&payload()).unwrap().1, build(&payload()).unwrap().1, "fresh without a key");
        let human = EmailPayload { auto_submitted: "no".into(), ..payload() };
        let raw = String::from_utf8(build(&human).unwrap().0.formatted()).unwrap();
        assert!(raw.contains("Auto-Submitted: no") && !raw.contains("X-Auto-Response-Suppress"), "{raw}");
    }

    #[test]
    fn a_reply_carries_threading_headers_auto_submitted_and_both_parts() {
        let (msg, id) = build(&payload()).unwrap();
        let raw = String::from_utf8(msg.formatted()).unwrap();
        for h in [
            "In-Reply-To: <abc@customer.example>",
            "References: <old@shop.example> <abc@customer.example>",
            "Auto-Submitted: auto-replied",
            "Content-Language: en",
            "Reply-To: help@northwind.example",
            "multipart/alternative",
            "text/html",
        ] {
            assert!(raw.contains(h), "missing {h} in\n{raw}");
        }
        assert!(id.ends_with("@northwind.example") && raw.contains(&format!("Message-ID: <{id}>")));
    }

    #[test]
    fn a_bad_address_is_a_permanent_error() {
        let mut p = payload();
        p.to = "not an address".into();
        let e = build(&p).unwrap_err();
        assert!(!e.transient && e.message.contains("To"));
    }

    #[tokio::test]
    async fn the_maildir_channel_writes_a_readable_message() {
        let d = tempfile::tempdir().unwrap();
        let c = MaildirChannel { root: d.path().join("sent") };
        let id = c.send(&payload()).await.unwrap();
        let files: Vec<_> = std::fs::read_dir(d.path().join("sent/new")).unwrap().collect();
        assert_eq!(files.len(), 1);
        let raw = std::fs::read(files[0].as_ref().unwrap().path()).unwrap();
        let parsed = crate::parse::parse(&raw).unwrap();
        assert_eq!(parsed.message_id.as_deref(), Some(id.as_str()));
        assert_eq!(parsed.trust.auto_submitted.as_deref(), Some("auto-replied"));
    }
}
