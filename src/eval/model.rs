//! What the model tier cost and changed over an evaluation.

use serde::Serialize;

use crate::llm::{Asked, CallError, ModelReport, combine::CombineRule};
use crate::pipeline::Triaged;

/// The model's part in one case.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ModelUse {
    /// The rules were not decisive: the model was needed (whether or not
    /// one was configured).
    pub needed: bool,
    pub consulted: bool,
    pub answered: bool,
    pub failed: bool,
    /// Replay found no recorded exchange for this email.
    pub not_recorded: bool,
    pub disagreed: bool,
    pub calls: u32,
    pub cached: bool,
    pub prompt_tokens: u32,
    pub completion_tokens: u32,
    pub cost_usd: f64,
}

impl ModelUse {
    pub fn of(t: &Triaged) -> ModelUse {
        let r: &ModelReport = &t.model;
        ModelUse {
            needed: !t.classification.decisive,
            consulted: r.consulted(),
            answered: matches!(r.asked, Asked::Answered { .. }),
            failed: matches!(r.asked, Asked::Failed { .. }),
            not_recorded: matches!(r.asked, Asked::Failed { error: CallError::NotRecorded }),
            disagreed: t.combined.rule == CombineRule::Disagree,
            calls: r.calls(),
            cached: r.cached,
            prompt_tokens: if r.cached { 0 } else { r.prompt_tokens },
            completion_tokens: if r.cached { 0 } else { r.completion_tokens },
            cost_usd: r.cost_usd,
        }
    }
}

/// The model's part over the whole evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ModelFigures {
    /// Emails whose rules were not decisive, over all emails.
    pub share_needing_model: f64,
    pub consulted: usize,
    pub answered: usize,
    pub failed: usize,
    /// Of the failures: a replay without a recorded exchange.
    pub not_recorded: usize,
    /// Answers that disagreed with the rules (each held for a person).
    pub disagreed: usize,
    /// Answered from the cache or a recording, at no cost.
    pub cached: usize,
    pub calls: u64,
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    pub cost_usd: f64,
    pub calls_per_email: f64,
    pub tokens_per_email: f64,
    pub cost_per_email_usd: f64,
}

pub fn figures<'a>(uses: impl Iterator<Item = &'a ModelUse>, cases: usize) -> ModelFigures {
    let mut f = ModelFigures::default();
    let mut needed = 0;
    for u in uses {
        needed += usize::from(u.needed);
        f.consulted += usize::from(u.consulted);
        f.answered += usize::from(u.answered);
        f.failed += usize::from(u.failed);
        f.not_recorded += usize::from(u.not_recorded);
        f.disagreed += usize::from(u.disagreed);
        f.cached += usize::from(u.cached);
        f.calls += u64::from(u.calls);
        f.prompt_tokens += u64::from(u.prompt_tokens);
        f.completion_tokens += u64::from(u.completion_tokens);
        f.cost_usd += u.cost_usd;
    }
    let n = cases.max(1) as f64;
    f.share_needing_model = needed as f64 / n;
    f.calls_per_email = f.calls as f64 / n;
    f.tokens_per_email = (f.prompt_tokens + f.completion_tokens) as f64 / n;
    f.cost_per_email_usd = f.cost_usd / n;
    f
}
