//! How the rules and the model make one classification. Pure, and the
//! whole of the model's influence on a decision.
//!
//! The written rules, in order:
//! 1. Rules decisive (in `both` mode), or no model: the model is not asked
//!    and the rules' reading stands.
//! 2. The model could not answer (timeout, 429, 5xx, nonsense, refusal)
//!    after its retries: the rules' category stands; when the rules were
//!    not decisive the email is held for a person.
//! 3. The model answered:
//!    - it flags an attempt to instruct the agent: the policy sees an
//!      injection (the model can only add this flag, never clear the rules');
//!    - it agrees with the rules: their category stands, no hold;
//!    - it disagrees but is unsure (confidence below the configured
//!      minimum): the rules' category stands, held when the rules were not
//!      decisive either;
//!    - it disagrees and is sure: the model's category is shown (it routes
//!      the escalation), and the email is held for a person.
//!
//! So an automatic action needs the rules' own category, unchanged, and the
//! policy's consent; a model can prevent automation but never cause it.
//! Facts the model names are kept only when they are found in the email's
//! own text, and even then only as suggestions for the person reviewing:
//! the policy acts on the facts the rules extracted.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::answer::{ModelAddress, ModelAnswer, ModelLine};
use super::client::CallError;
use crate::classify::Classification;
use crate::classify::extract::Facts;
use crate::domain::Category;

/// What happened when the model tier looked at one email.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Asked {
    /// No model is configured, or the classifier mode is `rules`.
    NoModel,
    /// The rules were decisive; nothing to ask.
    RulesDecisive,
    Answered {
        answer: ModelAnswer,
    },
    Failed {
        error: CallError,
    },
}

/// The combined reading the policy sees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Combined {
    pub category: Category,
    pub confidence: f32,
    /// Set when the model flagged an attempt to instruct the agent.
    pub model_injection: bool,
    /// Why the email must go to a person whatever the policy would say.
    pub hold: Option<String>,
    /// Which of the written rules above applied.
    pub rule: CombineRule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CombineRule {
    RulesOnly,
    ModelFailed,
    Agree,
    ModelUnsure,
    Disagree,
}

pub const MODEL_INJECTION: &str = "the model reads it as an attempt to instruct the agent";

pub fn combine(rules: &Classification, asked: &Asked, min_confidence: f32) -> Combined {
    let base = Combined {
        category: rules.category,
        confidence: rules.confidence,
        model_injection: false,
        hold: None,
        rule: CombineRule::RulesOnly,
    };
    let not_decisive = !rules.decisive;
    match asked {
        Asked::NoModel | Asked::RulesDecisive => base,
        Asked::Failed { error } => Combined {
            hold: not_decisive
                .then(|| format!("the rules are not decisive and the model could not be asked ({error})")),
            rule: CombineRule::ModelFailed,
            ..base
        },
        Asked::Answered { answer } => {
            let model_injection = answer.instructs_agent;
            if answer.category == rules.category {
                return Combined {
                    confidence: rules.confidence.max(answer.confidence),
                    model_injection,
                    rule: CombineRule::Agree,
                    ..base
                };
            }
            if answer.confidence < min_confidence {
                return Combined {
                    model_injection,
                    hold: not_decisive.then(|| {
                        format!(
                            "the rules are not decisive ({}) and the model is unsure ({} at {:.2})",
                            rules.category, answer.category, answer.confidence
                        )
                    }),
                    rule: CombineRule::ModelUnsure,
                    ..base
                };
            }
            Combined {
                category: answer.category,
                confidence: answer.confidence,
                model_injection,
                hold: Some(format!(
                    "the rules read {} and the model reads {} ({:.2})",
                    rules.category, answer.category, answer.confidence
                )),
                rule: CombineRule::Disagree,
            }
        }
    }
}

/// The model's facts that the email's own text bears out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SuggestedFacts {
    pub order_refs: Vec<String>,
    pub new_date: Option<NaiveDate>,
    pub new_address: Option<ModelAddress>,
    pub lines: Vec<ModelLine>,
    /// What the model named that the text does not contain, dropped.
    pub dropped: Vec<String>,
}

/// Keep each fact only when `text` (subject and newest text) contains it:
/// references and SKUs as written, the date among those the date extractor
/// found, the address by its postcode and street line, quantities as
/// numbers of the text.
pub fn verify_facts(answer: &ModelAnswer, facts: &Facts, text: &str) -> SuggestedFacts {
    let squashed = squash(text);
    let numbers: Vec<u32> = text.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect();
    let mut out = SuggestedFacts::default();
    for r in &answer.order_refs {
        if !squash(r).is_empty() && squashed.contains(&squash(r)) {
            out.order_refs.push(r.clone());
        } else {
            out.dropped.push(format!("order reference {r:?}"));
        }
    }
    if let Some(d) = &answer.new_date {
        match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(date) if facts.dates.iter().any(|f| f.date == date) => out.new_date = Some(date),
            _ => out.dropped.push(format!("new date {d}")),
        }
    }
    if let Some(a) = &answer.new_address {
        let found = |part: &str| !squash(part).is_empty() && squashed.contains(&squash(part));
        if found(&a.postcode) && found(&a.line1) {
            out.new_address = Some(a.clone());
        } else {
            out.dropped.push(format!("new address {:?}, {:?}", a.line1, a.postcode));
        }
    }
    for l in &answer.lines {
        let quantity_ok = |q: Option<u32>| q.is_none_or(|q| numbers.contains(&q));
        if squashed.contains(&squash(&l.sku))
            && !squash(&l.sku).is_empty()
            && quantity_ok(l.shipped)
            && quantity_ok(l.backordered)
        {
            out.lines.push(l.clone());
        } else {
            out.dropped.push(format!("line {:?}", l.sku));
        }
    }
    out
}

/// Letters and digits only, upper case: "SO 10231", "so-10231" and
/// "SO10231" are the same reference.
fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::rules::{Evidence, Field, Target};

    fn rules(category: Category, decisive: bool) -> Classification {
        Classification {
            category,
            confidence: 0.5,
            decisive,
            scores: vec![(category, 1.0)],
            evidence: Vec::<Evidence>::new(),
            injection: false,
        }
    }

    fn answer(category: Category, confidence: f32) -> Asked {
        Asked::Answered {
            answer: ModelAnswer {
                category,
                confidence,
                order_refs: vec![],
                new_address: None,
                new_date: None,
                lines: vec![],
                summary: "s".into(),
                instructs_agent: false,
            },
        }
    }

    use Category::*;

    #[test]
    fn without_a_model_or_with_decisive_rules_the_rules_stand() {
        for asked in [Asked::NoModel, Asked::RulesDecisive] {
            let c = combine(&rules(CarrierDelay, false), &asked, 0.6);
            assert_eq!((c.category, c.hold, c.rule), (CarrierDelay, None, CombineRule::RulesOnly));
        }
    }

    #[test]
    fn a_failed_model_holds_only_what_the_rules_could_not_settle() {
        let failed = Asked::Failed { error: CallError::Timeout(30_000) };
        let c = combine(&rules(CustomerWismo, false), &failed, 0.6);
        assert_eq!(c.category, CustomerWismo);
        assert!(c.hold.unwrap().contains("could not be asked (no answer within 30000 ms)"));
        assert_eq!(combine(&rules(CustomerWismo, true), &failed, 0.6).hold, None);
    }

    #[test]
    fn agreement_keeps_the_rules_category_without_a_hold() {
        let c = combine(&rules(SupplierDelay, false), &answer(SupplierDelay, 0.9), 0.6);
        assert_eq!((c.category, c.hold, c.rule), (SupplierDelay, None, CombineRule::Agree));
        assert_eq!(c.confidence, 0.9);
    }

    #[test]
    fn a_sure_disagreement_shows_the_model_category_and_always_holds() {
        for decisive in [false, true] {
            let c = combine(&rules(CarrierDelay, decisive), &answer(CarrierDamagedOrLost, 0.95), 0.6);
            assert_eq!((c.category, c.rule), (CarrierDamagedOrLost, CombineRule::Disagree));
            assert!(
                c.hold.unwrap().contains("the rules read carrier_delay and the model reads carrier_damaged_or_lost")
            );
        }
        // Model says "other": a person looks rather than the mail being dropped.
        let c = combine(&rules(CustomerComplaint, false), &answer(Other, 0.99), 0.6);
        assert!(c.hold.is_some());
    }

    #[test]
    fn an_unsure_disagreement_keeps_the_rules_category() {
        let c = combine(&rules(CustomerReschedule, false), &answer(CustomerWismo, 0.3), 0.6);
        assert_eq!((c.category, c.rule), (CustomerReschedule, CombineRule::ModelUnsure));
        assert!(c.hold.is_some(), "neither is sure: a person decides");
        assert_eq!(combine(&rules(CustomerReschedule, true), &answer(CustomerWismo, 0.3), 0.6).hold, None);
    }

    #[test]
    fn the_model_can_raise_the_injection_flag_but_a_routine_label_clears_nothing() {
        let mut a = answer(CustomerWismo, 0.9);
        if let Asked::Answered { answer } = &mut a {
            answer.instructs_agent = true;
        }
        assert!(combine(&rules(CustomerWismo, false), &a, 0.6).model_injection);
        let mut r = rules(CustomerWismo, false);
        r.injection = true;
        r.evidence.push(Evidence {
            rule: "injection".into(),
            target: Target::Flag(crate::classify::rules::Flag::Injection),
            weight: 1.0,
            field: Field::Body,
            matched: "ignore previous instructions".into(),
        });
        // The combination does not touch the rules' evidence: the policy
        // still sees it.
        let c = combine(&r, &answer(CustomerWismo, 0.99), 0.6);
        assert!(!c.model_injection && r.injection_evidence().next().is_some());
    }

    fn facts_with_date(d: &str) -> Facts {
        let mut f = Facts::default();
        let sent = chrono::DateTime::parse_from_rfc2822("Mon, 16 Nov 2026 10:00:00 +0000").unwrap();
        f.dates = crate::classify::extract::dates::find_dates(d, sent);
        f
    }

    #[test]
    fn facts_not_in_the_text_are_dropped() {
        let text = "Order SO-10231: please deliver to 22 Park Street, Pune 411001 on 20/11/2026. SKU NW-LS-M shipped 1, 1 backordered.";
        let facts = facts_with_date(text);
        let a = ModelAnswer {
            category: CustomerAddressChange,
            confidence: 0.9,
            order_refs: vec!["so 10231".into(), "SO-99999".into()],
            new_address: Some(ModelAddress {
                line1: "22 Park Street".into(),
                city: "Pune".into(),
                postcode: "411001".into(),
                country: "IN".into(),
            }),
            new_date: Some("2026-11-20".into()),
            lines: vec![
                ModelLine { sku: "NW-LS-M".into(), shipped: Some(1), backordered: Some(1) },
                ModelLine { sku: "NW-LS-M".into(), shipped: Some(5), backordered: None },
            ],
            summary: "s".into(),
            instructs_agent: false,
        };
        let s = verify_facts(&a, &facts, text);
        assert_eq!(s.order_refs, vec!["so 10231"]);
        assert_eq!(s.new_date, NaiveDate::from_ymd_opt(2026, 11, 20));
        assert!(s.new_address.is_some());
        assert_eq!(s.lines.len(), 1);
        assert_eq!(s.dropped.len(), 2, "{:?}", s.dropped);

        let invented = ModelAnswer {
            new_address: Some(ModelAddress {
                line1: "1 Attacker Road".into(),
                city: "Pune".into(),
                postcode: "411001".into(),
                country: "IN".into(),
            }),
            new_date: Some("2026-12-24".into()),
            ..a
        };
        let s = verify_facts(&invented, &facts, text);
        assert!(s.new_address.is_none() && s.new_date.is_none());
    }
}
