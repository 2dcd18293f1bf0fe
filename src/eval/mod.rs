//! `mailroom eval DIR`: the same triage as production over labelled cases.
//!
//! Input: a directory in the SPEC §4 layout. The order book is imported
//! into a fresh temporary store and `senders.toml` replaces the configured
//! trusted senders. Output: a [`Report`] (printed, and as JSON or HTML on
//! request). A case whose message cannot be triaged counts as a miss.

pub mod fixtures;
mod html;
pub mod metrics;
pub mod model;
mod text;

use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

use crate::llm::ModelTier;
use crate::pipeline::{Engine, Triaged, triage};
use crate::store::Store;
pub use fixtures::{FixtureDir, LayoutError};
pub use html::render_html;
pub use metrics::{CaseResult, Predicted, Report};
pub use text::render_text;

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error(transparent)]
    Layout(#[from] LayoutError),
    #[error("cannot create the temporary store: {0}")]
    Temp(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Rules(#[from] crate::classify::rules::RulesError),
}

/// Evaluate `dir` with the bundled rules, or those in `rules_dir`, and the
/// model tier when given. Drafts are not written: they cost model calls and
/// no label checks them.
pub async fn evaluate(
    dir: &Path,
    rules_dir: Option<&Path>,
    model: Option<ModelTier>,
) -> Result<(Report, Vec<CaseResult>), EvalError> {
    let fixtures = fixtures::load(dir)?;
    let tmp = tempfile::tempdir()?;
    let store = Store::open_in(tmp.path()).await?;
    store.import_orders(&fixtures.orders).await?;
    let mut engine = Engine::new(rules_dir, fixtures.senders.clone())?;
    engine.drafts = false;
    if let Some(m) = model {
        engine = engine.with_model(m);
    }
    let bar = ProgressBar::new(fixtures.cases.len() as u64);
    if let Ok(style) = ProgressStyle::with_template("{spinner} {wide_bar} {pos}/{len} cases {eta}") {
        bar.set_style(style);
    }
    let mut results = Vec::with_capacity(fixtures.cases.len());
    for case in &fixtures.cases {
        let predicted = match std::fs::read(&case.eml) {
            Ok(raw) => triage(&raw, &engine, &store).await.map(|t| predicted(&t)).map_err(|e| e.to_string()),
            Err(e) => Err(format!("cannot read {}: {e}", case.eml.display())),
        };
        results.push(CaseResult { name: case.name.clone(), label: case.label.clone(), predicted });
        bar.inc(1);
    }
    bar.finish_and_clear();
    store.close().await;
    Ok((metrics::score(&results), results))
}

/// The facts a label can check, taken from one triage.
pub fn predicted(t: &Triaged) -> Predicted {
    Predicted {
        category: t.category(),
        confidence: t.combined.confidence,
        decision: t.decision.kind,
        order: t.link.order_id().map(str::to_string),
        tracking_number: crate::link::primary_tracking(&t.email, &t.facts, &t.link),
        new_postcode: t.facts.new_address.as_ref().and_then(|a| a.postcode.clone()),
        new_date: t.facts.new_date,
        reason: t.decision.reason.clone(),
        rules: t.classification.evidence.iter().map(|e| e.rule.clone()).collect(),
        model: model::ModelUse::of(t),
    }
}
