//! Scoring predictions against labels: the figures `mailroom eval` prints.
//!
//! Pure: a list of [`CaseResult`]s in, a [`Report`] out.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::fixtures::Label;
use crate::domain::{Category, DecisionKind};
use crate::store::key_of;

/// What the agent concluded about one case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Predicted {
    pub category: Category,
    pub confidence: f32,
    pub decision: DecisionKind,
    pub order: Option<String>,
    pub tracking_number: Option<String>,
    pub new_postcode: Option<String>,
    pub new_date: Option<NaiveDate>,
    pub reason: String,
    /// Ids of the rules that fired.
    pub rules: Vec<String>,
    pub model: super::model::ModelUse,
}

#[derive(Debug, Clone)]
pub struct CaseResult {
    pub name: String,
    pub label: Label,
    /// The prediction, or why the message could not be triaged. A message
    /// that fails is escalated by the live agent, so it counts as
    /// `escalate` with no category.
    pub predicted: Result<Predicted, String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct CategoryScore {
    pub support: usize,
    pub predicted: usize,
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct FactScore {
    pub given: usize,
    pub correct: usize,
    pub accuracy: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub case: String,
    pub expected: String,
    pub got: String,
    /// What was wrong: category, decision, order, a fact, or all of them.
    pub wrong: Vec<String>,
    pub reason: String,
    pub unsafe_auto: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub cases: usize,
    pub category_accuracy: f64,
    pub macro_f1: f64,
    pub decision_accuracy: f64,
    /// Decided `auto` where the label says otherwise, or `auto` on another
    /// order than the labelled one. Must stay 0.
    pub unsafe_auto: usize,
    /// Labelled `auto` and decided `auto`, over labelled `auto`.
    pub automation_rate: f64,
    pub order_accuracy: f64,
    /// Over every fact given in any label.
    pub fact_accuracy: f64,
    pub facts: BTreeMap<String, FactScore>,
    pub per_category: BTreeMap<String, CategoryScore>,
    /// confusion[expected][got] = count; "error" for messages that failed.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    /// decisions[expected][got] = count.
    pub decisions: BTreeMap<String, BTreeMap<String, usize>>,
    pub failed: usize,
    /// The model tier's calls, tokens and cost, and how often it was needed.
    pub model: super::model::ModelFigures,
    pub misses: Vec<Miss>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn norm_postcode(s: &str) -> String {
    key_of(s)
}

pub fn score(results: &[CaseResult]) -> Report {
    let mut per: BTreeMap<Category, CategoryScore> = BTreeMap::new();
    let mut confusion: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut decisions: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut facts: BTreeMap<String, FactScore> = BTreeMap::new();
    let (mut cat_ok, mut dec_ok, mut order_ok, mut unsafe_auto, mut failed) = (0, 0, 0, 0, 0);
    let (mut label_auto, mut both_auto) = (0, 0);
    let mut misses = Vec::new();
    for r in results {
        let l = &r.label;
        per.entry(l.category).or_default().support += 1;
        let (got_cat, got_dec, got_order) = match &r.predicted {
            Ok(p) => (Some(p.category), p.decision, p.order.as_deref()),
            Err(_) => (None, DecisionKind::Escalate, None),
        };
        failed += usize::from(r.predicted.is_err());
        if let Some(c) = got_cat {
            per.entry(c).or_default().predicted += 1;
        }
        let got_name = got_cat.map_or("error".to_string(), |c| c.to_string());
        *confusion.entry(l.category.to_string()).or_default().entry(got_name.clone()).or_default() += 1;
        *decisions.entry(l.decision.to_string()).or_default().entry(got_dec.to_string()).or_default() += 1;
        let mut wrong = Vec::new();
        if got_cat == Some(l.category) {
            cat_ok += 1;
            per.entry(l.category).or_default().correct += 1;
        } else {
            wrong.push("category".to_string());
        }
        if got_dec == l.decision {
            dec_ok += 1
        } else {
            wrong.push("decision".into())
        }
        if got_order == l.order.as_deref() {
            order_ok += 1
        } else {
            wrong.push("order".into())
        }
        let is_unsafe =
            got_dec == DecisionKind::Auto && (l.decision != DecisionKind::Auto || got_order != l.order.as_deref());
        unsafe_auto += usize::from(is_unsafe);
        if l.decision == DecisionKind::Auto {
            label_auto += 1;
            both_auto += usize::from(got_dec == DecisionKind::Auto);
        }
        score_facts(r, &mut facts, &mut wrong);
        if !wrong.is_empty() {
            misses.push(miss(r, wrong, is_unsafe, &got_name, got_dec, got_order));
        }
    }
    let per_category = finish_categories(per);
    let f1s: Vec<f64> = per_category.values().map(|s| s.f1).collect();
    let (given, correct) = facts.values().fold((0, 0), |(g, c), f| (g + f.given, c + f.correct));
    let n = results.len();
    Report {
        cases: n,
        category_accuracy: ratio(cat_ok, n),
        macro_f1: if f1s.is_empty() { 0.0 } else { f1s.iter().sum::<f64>() / f1s.len() as f64 },
        decision_accuracy: ratio(dec_ok, n),
        unsafe_auto,
        automation_rate: ratio(both_auto, label_auto),
        order_accuracy: ratio(order_ok, n),
        fact_accuracy: ratio(correct, given),
        facts,
        per_category,
        confusion,
        decisions,
        failed,
        model: super::model::figures(results.iter().filter_map(|r| r.predicted.as_ref().ok()).map(|p| &p.model), n),
        misses,
    }
}

fn score_facts(r: &CaseResult, facts: &mut BTreeMap<String, FactScore>, wrong: &mut Vec<String>) {
    let p = r.predicted.as_ref().ok();
    let l = &r.label;
    let checks: [(&str, Option<String>, Option<String>); 3] = [
        (
            "tracking_number",
            l.tracking_number.as_deref().map(key_of),
            p.and_then(|p| p.tracking_number.as_deref()).map(key_of),
        ),
        (
            "new_postcode",
            l.new_postcode.as_deref().map(norm_postcode),
            p.and_then(|p| p.new_postcode.as_deref()).map(norm_postcode),
        ),
        ("new_date", l.new_date.map(|d| d.to_string()), p.and_then(|p| p.new_date).map(|d| d.to_string())),
    ];
    for (name, want, got) in checks {
        let Some(want) = want else { continue };
        let f = facts.entry(name.to_string()).or_default();
        f.given += 1;
        if got.as_ref() == Some(&want) {
            f.correct += 1;
        } else {
            wrong.push(format!("{name} (want {want}, got {})", got.unwrap_or_else(|| "nothing".into())));
        }
    }
    for f in facts.values_mut() {
        f.accuracy = ratio(f.correct, f.given);
    }
}

fn miss(
    r: &CaseResult,
    wrong: Vec<String>,
    is_unsafe: bool,
    got_cat: &str,
    got_dec: DecisionKind,
    got_order: Option<&str>,
) -> Miss {
    let l = &r.label;
    let show_order = |o: Option<&str>| o.map_or("no order".to_string(), str::to_string);
    Miss {
        case: r.name.clone(),
        expected: format!("{} / {} / {}", l.category, l.decision, show_order(l.order.as_deref())),
        got: format!("{got_cat} / {got_dec} / {}", show_order(got_order)),
        wrong,
        reason: match &r.predicted {
            Ok(p) => {
                format!("{} [rules: {}]", p.reason, if p.rules.is_empty() { "none".into() } else { p.rules.join(", ") })
            }
            Err(e) => e.clone(),
        },
        unsafe_auto: is_unsafe,
    }
}

fn finish_categories(per: BTreeMap<Category, CategoryScore>) -> BTreeMap<String, CategoryScore> {
    per.into_iter()
        .map(|(c, mut s)| {
            s.precision = ratio(s.correct, s.predicted);
            s.recall = ratio(s.correct, s.support);
            s.f1 = if s.precision + s.recall == 0.0 {
                0.0
            } else {
                2.0 * s.precision * s.recall / (s.precision + s.recall)
            };
            (c.to_string(), s)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(c: Category, d: DecisionKind, order: Option<&str>) -> Label {
        Label {
            category: c,
            decision: d,
            order: order.map(str::to_string),
            tracking_number: None,
            new_postcode: None,
            new_date: None,
        }
    }

    fn predicted(c: Category, d: DecisionKind, order: Option<&str>) -> Predicted {
        Predicted {
            category: c,
            confidence: 1.0,
            decision: d,
            order: order.map(str::to_string),
            tracking_number: None,
            new_postcode: None,
            new_date: None,
            reason: String::new(),
            rules: Vec::new(),
            model: Default::default(),
        }
    }

    fn result(name: &str, l: Label, p: Result<Predicted, String>) -> CaseResult {
        CaseResult { name: name.into(), label: l, predicted: p }
    }

    use Category::*;
    use DecisionKind::*;

    #[test]
    fn figures_follow_their_definitions() {
        let results = vec![
            result("a", label(CustomerWismo, Auto, Some("SO-1")), Ok(predicted(CustomerWismo, Auto, Some("SO-1")))),
            result("b", label(CustomerWismo, Escalate, None), Ok(predicted(CustomerWismo, Auto, Some("SO-2")))),
            result("c", label(CarrierDelay, Auto, Some("SO-3")), Ok(predicted(CarrierDelay, Auto, Some("SO-4")))),
            result("d", label(Other, Ignore, None), Ok(predicted(CustomerComplaint, Escalate, None))),
            result("e", label(CarrierDelay, Auto, Some("SO-5")), Err("cannot parse".into())),
        ];
        let r = score(&results);
        assert_eq!(r.cases, 5);
        assert_eq!(r.category_accuracy, 3.0 / 5.0);
        assert_eq!(r.decision_accuracy, 2.0 / 5.0);
        // b: auto where escalate was right; c: auto on the wrong order.
        assert_eq!(r.unsafe_auto, 2);
        assert_eq!(r.automation_rate, 2.0 / 3.0);
        assert_eq!(r.order_accuracy, 2.0 / 5.0);
        assert_eq!(r.failed, 1);
        assert_eq!(r.confusion["carrier_delay"]["error"], 1);
        let wismo = &r.per_category["customer_wismo"];
        assert_eq!((wismo.support, wismo.predicted, wismo.correct), (2, 2, 2));
        assert_eq!(r.per_category["other"].recall, 0.0);
        assert_eq!(r.misses.len(), 4);
        assert!(r.misses.iter().filter(|m| m.unsafe_auto).count() == 2);
    }

    #[test]
    fn facts_are_scored_only_where_the_label_gives_them_and_compare_normalised() {
        let mut l = label(CarrierDelay, Auto, Some("SO-1"));
        l.tracking_number = Some("1Z 999 AA1".into());
        l.new_postcode = Some("NW1 6XE".into());
        let mut p = predicted(CarrierDelay, Auto, Some("SO-1"));
        p.tracking_number = Some("1z999aa1".into());
        p.new_postcode = Some("nw16xe".into());
        p.new_date = Some("2026-11-26".parse().unwrap());
        let r = score(&[result("a", l, Ok(p))]);
        assert_eq!(r.fact_accuracy, 1.0);
        assert!(!r.facts.contains_key("new_date"));
        assert!(r.misses.is_empty());
    }
}
