//! The normalised email: what the parse stage hands to every later stage.
//!
//! Owned and self-contained, so it can be stored, sent between tasks and
//! compared in tests. Text fields are already decoded to UTF-8.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Email {
    /// Message-ID without angle brackets; `None` when missing (it happens).
    pub message_id: Option<String>,
    /// In-Reply-To ids, without angle brackets.
    pub in_reply_to: Vec<String>,
    /// References ids, oldest first, without angle brackets.
    pub references: Vec<String>,
    /// The From header's first mailbox. This, never a forwarded "From:" line
    /// in the body, is who sent the mail.
    pub from: Option<Mailbox>,
    /// The Sender header, when present.
    pub sender: Option<Mailbox>,
    pub reply_to: Vec<Mailbox>,
    pub to: Vec<Mailbox>,
    pub cc: Vec<Mailbox>,
    /// Decoded subject; empty when missing.
    pub subject: String,
    /// The Date header in its own time zone; policy dates are judged by it.
    pub date: Option<DateTime<FixedOffset>>,
    /// The newest text: what the sender wrote in this message (for a
    /// forward, the forwarder's note followed by the forwarded text),
    /// without quoted history or signature. This is what gets classified.
    pub newest_text: String,
    /// Quoted history split off the newest text (reply chains, `>` lines).
    pub quoted_text: String,
    /// The trailing signature cut off the newest text: what follows the
    /// standard "-- " line, and mobile footers ("Sent from my iPhone"). Kept
    /// apart so an old address or phone number in it is not read as the
    /// message.
    #[serde(default)]
    pub signature: String,
    /// Text an HTML part hides with CSS (display:none, zero size,
    /// white on white...). Kept apart: never classified as visible text.
    pub hidden_text: String,
    /// Where the body text came from.
    pub body_source: BodySource,
    /// Set when the message forwards another one.
    pub forwarded: Option<Forwarded>,
    pub attachments: Vec<Attachment>,
    pub trust: TrustSignals,
    /// Every header in order, names as written, values decoded to text.
    pub headers: Vec<Header>,
    /// Size of the raw message in bytes.
    pub raw_size: usize,
    /// Things that went wrong but did not stop parsing (unknown charset,
    /// undecodable part...), in words, for the review queue.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mailbox {
    pub name: Option<String>,
    /// The address as written (case kept); compare with [`Mailbox::address_lc`].
    pub address: String,
}

impl Mailbox {
    pub fn address_lc(&self) -> String {
        self.address.trim().to_lowercase()
    }

    /// Lower-cased domain part, `None` when the address has no `@`.
    pub fn domain(&self) -> Option<String> {
        let a = self.address.trim();
        a.rsplit_once('@').map(|(_, d)| d.trim_end_matches('>').to_lowercase()).filter(|d| !d.is_empty())
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodySource {
    /// No text part at all.
    #[default]
    None,
    /// A text/plain part.
    Plain,
    /// Only HTML; the text was rendered from it.
    Html,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Forwarded {
    /// Who forwarded it: the message's own From.
    pub forwarder: Mailbox,
    /// The "From:" line of the forwarded message, as claimed in the body or
    /// the attached message/rfc822. Untrusted: anyone can type it.
    pub original_from: Option<Mailbox>,
    pub original_subject: Option<String>,
    /// The forwarded message's date as written.
    pub original_date: Option<String>,
    /// What the forwarder wrote above the forwarded message.
    pub note: String,
    /// The forwarded message's own text.
    pub original_text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub name: Option<String>,
    /// MIME type, lower case, e.g. `application/pdf`.
    pub content_type: String,
    pub size: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub name: String,
    pub value: String,
}

/// Signals that say who really sent the mail and whether a human wrote it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustSignals {
    /// Verdicts parsed from every Authentication-Results header.
    pub authentication: Vec<AuthVerdict>,
    /// Auto-Submitted value, lower case (`auto-replied`, `auto-generated`, `no`).
    pub auto_submitted: Option<String>,
    /// Precedence value, lower case (`bulk`, `list`, `junk`).
    pub precedence: Option<String>,
    pub list_id: Option<String>,
    pub list_unsubscribe: bool,
    /// multipart/report (delivery status notification, read receipt...).
    pub is_report: bool,
    /// The report-type parameter, e.g. `delivery-status`.
    pub report_type: Option<String>,
    /// An automatic reply (RFC 3834 `auto-replied`, X-Autoreply,
    /// X-Autorespond, X-Auto-Response-Suppress: OOF, "Automatic reply:"...).
    pub is_auto_reply: bool,
    /// Automatic mail that is not a reply: `Auto-Submitted: auto-generated`
    /// notifications (carriers' notices among them).
    #[serde(default)]
    pub is_auto_generated: bool,
    /// A bounce: a delivery-status report, or mail from MAILER-DAEMON /
    /// postmaster with a failure subject.
    pub is_bounce: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthVerdict {
    /// `spf`, `dkim`, `dmarc` (lower case), or another method as written.
    pub method: String,
    /// `pass`, `fail`, `softfail`, `neutral`, `none`, `temperror`, `permerror`...
    pub result: String,
}

impl TrustSignals {
    /// SPEC §2 "verified": Authentication-Results, when present, must show
    /// no `fail` for spf, dkim or dmarc.
    pub fn auth_failure(&self) -> Option<&AuthVerdict> {
        self.authentication.iter().find(|v| matches!(v.method.as_str(), "spf" | "dkim" | "dmarc") && v.result == "fail")
    }

    /// Mail no human wrote to us: auto-replies, bounces, bulk and list mail.
    pub fn is_automated(&self) -> bool {
        self.is_auto_reply
            || self.is_auto_generated
            || self.is_bounce
            || self.list_id.is_some()
            || matches!(self.precedence.as_deref(), Some("bulk" | "list" | "junk"))
    }
}

impl Email {
    /// The sender's address, lower case; empty when the mail has no From.
    pub fn from_address(&self) -> String {
        self.from.as_ref().map(Mailbox::address_lc).unwrap_or_default()
    }

    pub fn from_domain(&self) -> Option<String> {
        self.from.as_ref().and_then(Mailbox::domain)
    }

    /// First value of a header, matched case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)).map(|h| h.value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_dkim_verdict_is_an_auth_failure_but_softfail_is_not() {
        let mut t = TrustSignals::default();
        t.authentication.push(AuthVerdict { method: "spf".into(), result: "softfail".into() });
        assert!(t.auth_failure().is_none());
        t.authentication.push(AuthVerdict { method: "dkim".into(), result: "fail".into() });
        assert_eq!(t.auth_failure().unwrap().method, "dkim");
    }

    #[test]
    fn mailbox_domain_is_lower_case() {
        let m = Mailbox { name: None, address: "Ops@Mail.Delhivery.COM".into() };
        assert_eq!(m.domain().as_deref(), Some("mail.delhivery.com"));
        assert_eq!(m.address_lc(), "ops@mail.delhivery.com");
    }
}
