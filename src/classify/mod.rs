//! Classification: rules evidence turned into one category, plus facts.
//!
//! Input: a parsed [`Email`] and the trusted-sender lists. Output:
//! [`Classification`] (category, confidence, the evidence behind it, the
//! injection flag) and [`extract::Facts`]. Pure; the rules are compiled once.

pub mod extract;
pub mod rules;
mod score;

use serde::{Deserialize, Serialize};

use crate::domain::{Category, Email};
use crate::senders::TrustedSenders;
use extract::Facts;
use rules::{Evidence, RuleInput, RuleSet, Signal};
pub use score::{MIN_SCORE, Scored};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Classification {
    pub category: Category,
    /// 0..1: how clearly the winner beat the runner-up.
    pub confidence: f32,
    /// True when the rules alone settle the category (a model need not be
    /// asked).
    pub decisive: bool,
    /// Final score per category that has any, highest first.
    pub scores: Vec<(Category, f32)>,
    /// Every rule that fired.
    pub evidence: Vec<Evidence>,
    /// The mail tries to instruct the agent (SPEC §2).
    pub injection: bool,
}

impl Classification {
    /// Evidence of an injection attempt, for reasons shown to people.
    pub fn injection_evidence(&self) -> impl Iterator<Item = &Evidence> {
        self.evidence.iter().filter(|e| matches!(e.target, rules::Target::Flag(rules::Flag::Injection)))
    }
}

/// The rules engine plus the trusted lists it consults for `sender_list`.
#[derive(Debug)]
pub struct Classifier {
    rules: RuleSet,
}

impl Classifier {
    pub fn new(rules: RuleSet) -> Classifier {
        Classifier { rules }
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    pub fn classify(&self, email: &Email, senders: &TrustedSenders) -> Classification {
        let headers: String = email.headers.iter().map(|h| format!("{}: {}\n", h.name, h.value)).collect();
        let signals = signals(email);
        let sender = email.from_address();
        let sender_list = email.from_domain().and_then(|d| senders.lookup(&d)).map(|l| l.list);
        let input = RuleInput {
            subject: &email.subject,
            body: &email.newest_text,
            hidden: &email.hidden_text,
            sender: &sender,
            headers: &headers,
            signals: &signals,
            sender_list,
        };
        let evidence = self.rules.evaluate(&input);
        let scored = score::score(&evidence);
        Classification {
            category: scored.category,
            confidence: scored.confidence,
            decisive: scored.decisive,
            scores: scored.scores,
            injection: scored.injection,
            evidence,
        }
    }
}

/// Facts from the subject and newest text, dates resolved against Date.
pub fn extract_facts(email: &Email) -> Facts {
    extract::extract(&email.subject, &email.newest_text, email.date)
}

fn signals(email: &Email) -> Vec<Signal> {
    let t = &email.trust;
    let subject = email.subject.trim_start().to_lowercase();
    [
        (Signal::AutoReply, t.is_auto_reply),
        (Signal::Bounce, t.is_bounce),
        (Signal::List, t.list_id.is_some() || t.list_unsubscribe),
        (Signal::Bulk, matches!(t.precedence.as_deref(), Some("bulk" | "junk" | "list"))),
        (Signal::Report, t.is_report),
        (Signal::HiddenText, !email.hidden_text.trim().is_empty()),
        (Signal::Forwarded, email.forwarded.is_some()),
        (Signal::Attachment, !email.attachments.is_empty()),
        (Signal::Reply, !email.in_reply_to.is_empty() || subject.starts_with("re:") || subject.starts_with("aw:")),
    ]
    .into_iter()
    .filter_map(|(s, on)| on.then_some(s))
    .collect()
}
