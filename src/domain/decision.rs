//! The three decisions of SPEC §2.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// The agent handles it fully, with no human.
    Auto,
    /// A human must look; the agent prepares a draft.
    Escalate,
    /// No action.
    Ignore,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 3] = [DecisionKind::Auto, DecisionKind::Escalate, DecisionKind::Ignore];

    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::Auto => "auto",
            DecisionKind::Escalate => "escalate",
            DecisionKind::Ignore => "ignore",
        }
    }
}

impl fmt::Display for DecisionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DecisionKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DecisionKind::ALL
            .into_iter()
            .find(|d| d.as_str() == s)
            .ok_or_else(|| format!("unknown decision {s:?} (expected auto, escalate or ignore)"))
    }
}
