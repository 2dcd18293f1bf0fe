//! One message's way through: parse → extract → link → classify (rules,
//! then the model where they are not decisive) → decide → draft.
//!
//! The same function serves `process`, `eval`, `bench` and the live agent,
//! so what the evaluation measures is what runs.

use std::path::Path;

use serde::Serialize;

use crate::classify::extract::Facts;
use crate::classify::rules::{RuleSet, RulesError};
use crate::classify::{Classification, Classifier, Context, extract_facts};
use crate::decide::{Decision, PolicyInput, decide};
use crate::domain::{Category, DecisionKind, Email};
use crate::link::{Link, link};
use crate::llm::{Asked, Combined, Draft, DraftInput, ModelReport, ModelTier, combine, draft::template_draft};
use crate::parse::{ParseError, parse};
use crate::senders::TrustedSenders;
use crate::store::{Store, StoreError};

/// The rules bundled with mailroom, compiled in so the binary works from
/// any directory; `--rules DIR` replaces them.
const BUNDLED_RULES: [(&str, &str); 5] = [
    ("rules/carriers.toml", include_str!("../rules/carriers.toml")),
    ("rules/customers.toml", include_str!("../rules/customers.toml")),
    ("rules/noise.toml", include_str!("../rules/noise.toml")),
    ("rules/safety.toml", include_str!("../rules/safety.toml")),
    ("rules/suppliers.toml", include_str!("../rules/suppliers.toml")),
];

/// Everything triage needs that does not change per message.
#[derive(Debug)]
pub struct Engine {
    pub classifier: Classifier,
    pub senders: TrustedSenders,
    /// The language-model tier; `None` runs on rules alone.
    pub model: Option<ModelTier>,
    /// Draft a reply for every escalation (evaluations turn this off).
    pub drafts: bool,
}

impl Engine {
    /// The bundled rules, or those in `rules_dir` when given.
    pub fn new(rules_dir: Option<&Path>, senders: TrustedSenders) -> Result<Engine, RulesError> {
        let rules = match rules_dir {
            Some(dir) => RuleSet::load_dir(dir)?,
            None => bundled_rules()?,
        };
        Ok(Engine { classifier: Classifier::new(rules), senders, model: None, drafts: true })
    }

    pub fn with_model(mut self, model: ModelTier) -> Engine {
        self.model = Some(model);
        self
    }
}

pub fn bundled_rules() -> Result<RuleSet, RulesError> {
    let sources: Vec<(&Path, &str)> = BUNDLED_RULES.iter().map(|(f, s)| (Path::new(*f), *s)).collect();
    RuleSet::from_sources(&sources)
}

/// What triage concluded about one message.
#[derive(Debug, Clone, Serialize)]
pub struct Triaged {
    pub email: Email,
    /// The rules' reading, with its evidence.
    pub classification: Classification,
    /// What the model tier did (not asked, answered, failed).
    pub model: ModelReport,
    /// The rules' and the model's readings made one; what the policy saw.
    pub combined: Combined,
    pub facts: Facts,
    pub link: Link,
    pub decision: Decision,
    /// A reply for a person to edit, for escalations.
    pub draft: Option<Draft>,
}

impl Triaged {
    /// The category the decision was made on.
    pub fn category(&self) -> Category {
        self.combined.category
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TriageError {
    #[error("cannot parse the message: {0}")]
    Parse(#[from] ParseError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub async fn triage(raw: &[u8], engine: &Engine, store: &Store) -> Result<Triaged, TriageError> {
    let email = parse(raw)?;
    let facts = extract_facts(&email);
    let link = link(&email, &facts, store).await?;
    let classification = engine.classifier.classify(&email, &engine.senders, context(&email, &facts, &link));
    let (model, combined) = match &engine.model {
        Some(tier) => {
            let report = tier.consult(&email, &classification, &facts, store).await;
            let combined = combine(&classification, &report.asked, tier.settings().min_confidence);
            (report, combined)
        }
        None => (ModelReport::not_asked(Asked::NoModel), combine(&classification, &Asked::NoModel, 1.0)),
    };
    let injection = classification
        .injection_evidence()
        .next()
        .map(|e| e.matched.as_str())
        .or(combined.model_injection.then_some(crate::llm::combine::MODEL_INJECTION));
    let decision = decide(&PolicyInput {
        category: combined.category,
        injection,
        rival: classification.escalating_rival(),
        hold: combined.hold.as_deref(),
        email: &email,
        facts: &facts,
        link: &link,
        senders: &engine.senders,
    });
    let draft = match (decision.kind, engine.drafts) {
        (DecisionKind::Escalate, true) => {
            let brand = link.order().map(|o| o.brand.clone()).unwrap_or_else(|| "Our shop".into());
            let input =
                DraftInput { email: &email, order: link.order(), reason: &decision.reason, brand: &brand, voice: "" };
            Some(match &engine.model {
                Some(tier) => tier.draft(&DraftInput { voice: &tier.settings().voice, ..input }, store).await,
                None => template_draft(&input, None),
            })
        }
        _ => None,
    };
    Ok(Triaged { email, classification, model, combined, facts, link, decision, draft })
}

/// What facts and link tell the rules about the mail.
fn context<'a>(email: &Email, facts: &'a Facts, link: &Link) -> Context<'a> {
    let sender_is_customer =
        link.order().is_some_and(|o| o.customer.email.trim().eq_ignore_ascii_case(&email.from_address()));
    Context { facts, linked: link.order().is_some(), sender_is_customer }
}
