//! Decide: the policy of SPEC §2 as one pure function.
//!
//! Input: the category (from rules, later combined with a model), whether the
//! mail tries to instruct the agent, the email, its facts, its order link and
//! the trusted senders. Output: a [`Decision`] with its reason in words and
//! the facts it used. No IO and no model: the model may only suggest the
//! category; every condition below is checked here, in code.

mod action;
mod checks;

use serde::{Deserialize, Serialize};

use crate::classify::extract::Facts;
use crate::domain::{Category, DecisionKind, Email};
use crate::link::Link;
use crate::senders::TrustedSenders;
pub use action::{Action, LineUpdate};

/// Everything the policy looks at.
#[derive(Debug, Clone, Copy)]
pub struct PolicyInput<'a> {
    pub category: Category,
    /// What the mail said to the agent, when it tried to instruct it.
    pub injection: Option<&'a str>,
    /// A category that always needs a person and that the mail also reads
    /// as (SPEC §1: the stronger action wins).
    pub rival: Option<Category>,
    /// Why the classification itself needs a person: the rules and the
    /// model disagree, or the rules are not decisive and the model could
    /// not help (see `llm::combine`).
    pub hold: Option<&'a str>,
    pub email: &'a Email,
    pub facts: &'a Facts,
    pub link: &'a Link,
    pub senders: &'a TrustedSenders,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub kind: DecisionKind,
    /// One line for people: "escalate: sender is not the order's customer".
    pub reason: String,
    /// Every condition that stopped automation (empty unless escalated by
    /// a condition).
    pub blockers: Vec<String>,
    /// The facts the decision used, as (name, value).
    pub facts: Vec<(String, String)>,
    /// What to do, for `auto` only.
    pub action: Option<Action>,
}

/// Categories that always need a person (SPEC §2).
pub fn always_escalates(c: Category) -> bool {
    use Category::*;
    matches!(
        c,
        CarrierDamagedOrLost
            | CarrierReturnedToSender
            | CarrierCustomsHold
            | SupplierOutOfStock
            | CustomerCancelOrReturn
            | CustomerComplaint
    )
}

pub fn decide(input: &PolicyInput<'_>) -> Decision {
    let mut facts = checks::base_facts(input);
    if input.category == Category::Other && input.hold.is_none() {
        return Decision {
            kind: DecisionKind::Ignore,
            reason: "ignore: not an order matter (other)".into(),
            blockers: Vec::new(),
            facts,
            action: None,
        };
    }
    if input.category == Category::Other || always_escalates(input.category) {
        let why = match input.hold {
            Some(hold) if input.category == Category::Other => hold.to_string(),
            Some(hold) => format!("{} always needs a person; {hold}", input.category),
            None => format!("{} always needs a person", input.category),
        };
        return Decision {
            kind: DecisionKind::Escalate,
            reason: format!("escalate: {why}"),
            blockers: Vec::new(),
            facts,
            action: None,
        };
    }
    let mut blockers = checks::common_blockers(input, &mut facts);
    let action = checks::action_for(input, &mut blockers, &mut facts);
    match action {
        Some(action) if blockers.is_empty() => Decision {
            kind: DecisionKind::Auto,
            reason: format!("auto: {}", action.describe(input.link.order_id().unwrap_or("?"))),
            blockers,
            facts,
            action: Some(action),
        },
        _ => {
            if blockers.is_empty() {
                // action_for found nothing to do but named no reason: never
                // let that pass as automatic.
                blockers.push("no automatic action applies".into());
            }
            Decision {
                kind: DecisionKind::Escalate,
                reason: format!("escalate: {}", blockers.join("; ")),
                blockers,
                facts,
                action: None,
            }
        }
    }
}

#[cfg(test)]
mod tests;
