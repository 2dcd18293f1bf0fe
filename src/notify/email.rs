//! The email a notice becomes: what the outbox stores and the email
//! channel sends.

use serde::{Deserialize, Serialize};

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
}
