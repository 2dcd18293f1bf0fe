//! The rules engine: rules/*.toml compiled once into regex sets.
//!
//! A rule adds weighted evidence for a category, for a party (who writes the
//! mail: carrier, supplier, customer) or raises a flag (the mail tries to
//! instruct the agent). It fires when every matcher it names matches (AND);
//! within one matcher any pattern may match (OR); an `unless` pattern that
//! matches the subject or text stops it. Patterns are case-insensitive.
//!
//! Input: [`RuleInput`], borrowed from the email. Output: the [`Evidence`] of
//! every rule that fired, in rules-file order. Pure: no IO after loading.

mod compile;
mod load;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::domain::{Category, Party};
pub use compile::RuleSet;
pub use load::{RuleProblem, RulesError};

/// What a rule adds weight to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Target {
    Category(Category),
    /// Who writes the mail; adds to every category of that party that has
    /// evidence of its own.
    Party(Party),
    Flag(Flag),
}

/// Facts about a mail that are not a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// The mail tries to instruct the agent (SPEC §2): never automate it.
    Injection,
}

/// Which part of the mail a rule matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Subject,
    Body,
    Text,
    Hidden,
    Sender,
    Header,
    Signal,
    SenderList,
}

/// One fired rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub rule: String,
    pub target: Target,
    pub weight: f32,
    /// The first field named by the rule that matched, and what it matched.
    pub field: Field,
    pub matched: String,
}

/// Mail-level signals a rule can require (`signal = ["auto_reply"]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    AutoReply,
    Bounce,
    List,
    Bulk,
    Report,
    HiddenText,
    Forwarded,
    Attachment,
    Reply,
}

impl Signal {
    pub const ALL: [(Signal, &'static str); 9] = [
        (Signal::AutoReply, "auto_reply"),
        (Signal::Bounce, "bounce"),
        (Signal::List, "list"),
        (Signal::Bulk, "bulk"),
        (Signal::Report, "report"),
        (Signal::HiddenText, "hidden_text"),
        (Signal::Forwarded, "forwarded"),
        (Signal::Attachment, "attachment"),
        (Signal::Reply, "reply"),
    ];

    fn parse(s: &str) -> Option<Signal> {
        Signal::ALL.iter().find(|(_, n)| *n == s).map(|(sig, _)| *sig)
    }
}

/// Which trusted list the sender's domain is on, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SenderList {
    Carrier,
    Supplier,
}

/// The parts of one email the rules look at.
#[derive(Debug, Clone, Default)]
pub struct RuleInput<'a> {
    pub subject: &'a str,
    /// The newest text.
    pub body: &'a str,
    /// CSS-hidden HTML text.
    pub hidden: &'a str,
    /// The From address, lower case.
    pub sender: &'a str,
    /// Every header as a `Name: value` line.
    pub headers: &'a str,
    pub signals: &'a [Signal],
    pub sender_list: Option<SenderList>,
}

impl RuleSet {
    /// Load and compile every `*.toml` file in `dir`; all problems at once.
    pub fn load_dir(dir: &Path) -> Result<RuleSet, RulesError> {
        let files = load::rule_files(dir)?;
        let mut sources = Vec::new();
        let mut problems = Vec::new();
        for file in files {
            match std::fs::read_to_string(&file) {
                Ok(src) => sources.push((file, src)),
                Err(e) => problems.push(RuleProblem { file, line: 0, reason: format!("cannot read: {e}") }),
            }
        }
        let borrowed: Vec<(&Path, &str)> = sources.iter().map(|(f, s)| (f.as_path(), s.as_str())).collect();
        match RuleSet::from_sources(&borrowed) {
            Ok(set) if problems.is_empty() => Ok(set),
            Ok(_) => Err(RulesError(problems)),
            Err(RulesError(more)) => {
                problems.extend(more);
                problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
                Err(RulesError(problems))
            }
        }
    }

    /// Compile rules from (file name, TOML text) pairs; all problems at once.
    pub fn from_sources(sources: &[(&Path, &str)]) -> Result<RuleSet, RulesError> {
        let mut problems = Vec::new();
        let mut raw = Vec::new();
        for (file, src) in sources {
            raw.extend(load::parse_file(file, src, &mut problems));
        }
        compile::compile(raw, problems)
    }
}

#[cfg(test)]
mod tests;
