//! The model tier over real HTTP against a scripted OpenAI-compatible
//! server: every failure mode, the combination with the rules, record and
//! replay, the cache, drafts, and adversarial models over the whole
//! fixture set.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use mailroom::domain::{Category, DecisionKind};
use mailroom::llm::combine::CombineRule;
use mailroom::llm::{Asked, CallError, ClassifierMode, LlmSettings, ModelTier, Prompts, Recording, RecordingMode};
use mailroom::pipeline::{Engine, Triaged, triage};
use mailroom::senders::TrustedSenders;
use mailroom::store::Store;
use serde_json::json;

use crate::support::agent::fixtures;
use crate::support::fake_llm::{Answer, FakeLlm, Received, classification};

fn settings(url: &str) -> LlmSettings {
    let mut s = LlmSettings::new(url, "fake-model");
    s.timeout = Duration::from_secs(5);
    s.max_retries = 2;
    s.max_backoff = Duration::from_secs(2);
    s.price_input_per_mtok = 0.15;
    s.price_output_per_mtok = 0.60;
    s
}

fn tier(url: &str, mode: ClassifierMode) -> ModelTier {
    ModelTier::new(settings(url), Prompts::load(None).unwrap(), mode).unwrap()
}

/// An engine over the fixture order book, with `model`.
async fn engine(model: Option<ModelTier>) -> (tempfile::TempDir, Store, Engine) {
    let f = mailroom::eval::fixtures::load(&fixtures()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).await.unwrap();
    store.import_orders(&f.orders).await.unwrap();
    let mut e = Engine::new(None, TrustedSenders::load(&fixtures().join("senders.toml")).unwrap()).unwrap();
    if let Some(m) = model {
        e = e.with_model(m);
    }
    (dir, store, e)
}

/// The first fixture mail whose rules-only triage satisfies `wanted`.
async fn first_case(wanted: impl Fn(&Triaged) -> bool) -> (Vec<u8>, Triaged) {
    let f = mailroom::eval::fixtures::load(&fixtures()).unwrap();
    let (_d, store, e) = engine(None).await;
    for case in &f.cases {
        let raw = std::fs::read(&case.eml).unwrap();
        let t = triage(&raw, &e, &store).await.unwrap();
        if wanted(&t) {
            return (raw, t);
        }
    }
    panic!("no fixture fits");
}

/// A fixture mail whose rules are not decisive and that the policy would
/// automate on rules alone: the model is asked about it in `both` mode.
async fn undecided_auto_case() -> (Vec<u8>, Triaged) {
    first_case(|t| !t.classification.decisive && t.decision.kind == DecisionKind::Auto).await
}

async fn triage_with(fake: &FakeLlm, raw: &[u8], mode: ClassifierMode, tune: impl FnOnce(&mut LlmSettings)) -> Triaged {
    let mut s = settings(&fake.url);
    tune(&mut s);
    let t = ModelTier::new(s, Prompts::load(None).unwrap(), mode).unwrap();
    let (_d, store, e) = engine(Some(t)).await;
    triage(raw, &e, &store).await.unwrap()
}

fn failed(t: &Triaged) -> CallError {
    match &t.model.asked {
        Asked::Failed { error } => error.clone(),
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[tokio::test]
async fn an_agreeing_model_is_asked_over_the_wire_and_changes_nothing() {
    let (raw, rules_only) = undecided_auto_case().await;
    let category = rules_only.category().to_string();
    let fake = FakeLlm::start(move |_, _| Answer::content(&classification(&category, 0.9).to_string())).await;
    let t = triage_with(&fake, &raw, ClassifierMode::Both, |s| s.api_key = Some("sk-test".to_string().into())).await;
    assert_eq!(t.combined.rule, CombineRule::Agree);
    assert_eq!(t.decision.kind, DecisionKind::Auto, "{}", t.decision.reason);
    assert_eq!(t.model.prompt_version.as_deref(), Some("classify-v1"));
    assert_eq!((t.model.prompt_tokens, t.model.completion_tokens), (120, 40));
    assert!((t.model.cost_usd - (120.0 * 0.15 + 40.0 * 0.60) / 1e6).abs() < 1e-12);
    let req: Received = fake.requests.lock().unwrap()[0].clone();
    assert_eq!(req.path, "/v1/chat/completions");
    assert_eq!(req.header("authorization"), Some("Bearer sk-test"));
    assert_eq!(req.body["model"], "fake-model");
    assert_eq!(req.body["response_format"]["type"], "json_schema");
    assert_eq!(
        req.body["response_format"]["json_schema"]["schema"]["properties"]["category"]["enum"]
            .as_array()
            .unwrap()
            .len(),
        15
    );
    let user = req.user();
    assert!(user.contains("<<<EMAIL\n") && user.contains("\nEMAIL>>>"), "{user}");
}

#[tokio::test]
async fn decisive_rules_mean_no_call_in_both_mode_and_a_call_in_llm_mode() {
    let (raw, t) = first_case(|t| t.classification.decisive).await;
    let category = t.category().to_string();
    let fake = FakeLlm::start(move |_, _| Answer::content(&classification(&category, 0.9).to_string())).await;
    let t = triage_with(&fake, &raw, ClassifierMode::Both, |_| {}).await;
    assert_eq!((t.model.asked.clone(), fake.count()), (Asked::RulesDecisive, 0));
    let t = triage_with(&fake, &raw, ClassifierMode::Llm, |_| {}).await;
    assert!(matches!(t.model.asked, Asked::Answered { .. }));
    assert_eq!(fake.count(), 1);
}

#[tokio::test]
async fn a_sure_disagreement_is_held_for_a_person_with_both_readings() {
    let (raw, rules_only) = undecided_auto_case().await;
    let fake =
        FakeLlm::start(|_, _| Answer::content(&classification("carrier_damaged_or_lost", 0.95).to_string())).await;
    let t = triage_with(&fake, &raw, ClassifierMode::Both, |_| {}).await;
    assert_eq!(t.category(), Category::CarrierDamagedOrLost);
    assert_eq!(t.decision.kind, DecisionKind::Escalate);
    assert!(t.decision.reason.contains(&format!("the rules read {}", rules_only.category())), "{}", t.decision.reason);
    assert!(t.draft.is_some(), "an escalation gets a draft");
}

#[tokio::test]
async fn a_slow_model_times_out_retries_a_bounded_number_of_times_and_the_mail_is_held() {
    let (raw, _) = undecided_auto_case().await;
    let fake = FakeLlm::start(|_, _| Answer::content("{}").after(Duration::from_secs(3))).await;
    let start = Instant::now();
    let t = triage_with(&fake, &raw, ClassifierMode::Both, |s| {
        s.timeout = Duration::from_millis(300);
        s.max_retries = 1;
        s.max_backoff = Duration::from_millis(50);
        s.draft_replies = false;
    })
    .await;
    assert!(matches!(failed(&t), CallError::Timeout(_)), "{:?}", t.model.asked);
    assert_eq!((t.model.attempts, fake.count()), (2, 2));
    assert!(start.elapsed() < Duration::from_secs(3), "the timeout bounds the wait: {:?}", start.elapsed());
    assert_eq!(t.decision.kind, DecisionKind::Escalate);
    assert!(
        t.decision.reason.contains("the model could not be asked (no answer within 300 ms)"),
        "{}",
        t.decision.reason
    );
}

#[tokio::test]
async fn a_429_with_a_plain_text_body_is_retried_after_retry_after() {
    let (raw, rules_only) = undecided_auto_case().await;
    let category = rules_only.category().to_string();
    let fake = FakeLlm::start(move |_, n| match n {
        0 => Answer::text(429, "slow down").header("retry-after", "1"),
        _ => Answer::content(&classification(&category, 0.9).to_string()),
    })
    .await;
    let start = Instant::now();
    let t = triage_with(&fake, &raw, ClassifierMode::Both, |_| {}).await;
    assert!(start.elapsed() >= Duration::from_secs(1), "Retry-After was honoured");
    assert_eq!(t.model.attempts, 2);
    assert_eq!(t.decision.kind, DecisionKind::Auto, "{}", t.decision.reason);
}

#[tokio::test]
async fn server_errors_malformed_json_and_schema_violations_are_retried_then_given_up() {
    let (raw, _) = undecided_auto_case().await;
    type Expect = fn(&CallError) -> bool;
    let cases: Vec<(Answer, Expect)> = vec![
        (Answer::text(500, "<html>oops</html>"), |e| *e == CallError::Server(500)),
        (Answer::text(503, ""), |e| *e == CallError::Server(503)),
        (Answer::text(200, "{\"id\": \"x\", \"choices\": [tru"), |e| matches!(e, CallError::Malformed(_))),
        (Answer::content("I think it is a delay"), |e| matches!(e, CallError::Schema(_))),
        (Answer::content(&classification("refund_now", 0.9).to_string()), |e| matches!(e, CallError::Schema(_))),
        (Answer::content(&json!({"category": "other"}).to_string()), |e| matches!(e, CallError::Schema(_))),
    ];
    for (answer, is) in cases {
        let a = answer.clone();
        let fake = FakeLlm::start(move |_, _| a.clone()).await;
        let t = triage_with(&fake, &raw, ClassifierMode::Both, |s| {
            s.max_backoff = Duration::from_millis(20);
            s.draft_replies = false;
        })
        .await;
        let e = failed(&t);
        assert!(is(&e), "{answer:?} gave {e:?}");
        assert_eq!(fake.count(), 3, "{answer:?}: first try and two retries");
        assert_eq!(t.decision.kind, DecisionKind::Escalate, "{}", t.decision.reason);
    }
}

#[tokio::test]
async fn a_refusal_or_a_4xx_is_final_and_an_unreachable_endpoint_is_a_failure_not_a_crash() {
    let (raw, _) = undecided_auto_case().await;
    let no_drafts = |s: &mut LlmSettings| s.draft_replies = false;
    let fake = FakeLlm::start(|_, _| Answer::refusal("I can't help with that.")).await;
    let t = triage_with(&fake, &raw, ClassifierMode::Both, no_drafts).await;
    assert_eq!(failed(&t), CallError::ModelRefusal("I can't help with that.".into()));
    assert_eq!(fake.count(), 1);
    let fake = FakeLlm::start(|_, _| {
        Answer::json(401, json!({"error": {"message": "bad key", "type": "auth", "param": null, "code": null}}))
    })
    .await;
    let t = triage_with(&fake, &raw, ClassifierMode::Both, no_drafts).await;
    assert!(matches!(failed(&t), CallError::Refused(401, _)));
    assert_eq!(fake.count(), 1);
    // Nothing listens on port 9 here.
    let t = {
        let mut s = settings("http://127.0.0.1:9/v1");
        s.max_backoff = Duration::from_millis(10);
        let (_d, store, e) =
            engine(Some(ModelTier::new(s, Prompts::load(None).unwrap(), ClassifierMode::Both).unwrap())).await;
        triage(&raw, &e, &store).await.unwrap()
    };
    assert!(matches!(failed(&t), CallError::Connection(_)), "{:?}", t.model.asked);
    assert_eq!(t.decision.kind, DecisionKind::Escalate);
}

#[tokio::test]
async fn the_same_text_twice_is_answered_from_the_cache() {
    let (raw, rules_only) = undecided_auto_case().await;
    let category = rules_only.category().to_string();
    let fake = FakeLlm::start(move |_, _| Answer::content(&classification(&category, 0.9).to_string())).await;
    let (_d, store, e) = engine(Some(tier(&fake.url, ClassifierMode::Both))).await;
    let first = triage(&raw, &e, &store).await.unwrap();
    let again = triage(&raw, &e, &store).await.unwrap();
    assert!(!first.model.cached && again.model.cached);
    assert_eq!(fake.count(), 1);
    assert_eq!(again.model.cost_usd, 0.0);
    assert_eq!(first.decision, again.decision);
}

#[tokio::test]
async fn drafts_come_from_the_model_unless_they_promise_what_the_policy_refused() {
    let (raw, t) = first_case(|t| {
        t.decision.kind == DecisionKind::Escalate && t.link.order().is_some() && t.classification.decisive
    })
    .await;
    assert_eq!(t.draft.as_ref().unwrap().source, "template", "no model: a template draft");
    for (reply, want_source) in [
        (
            "Hello Priya,\n\nthank you for writing. We are looking into it and will reply soon.\n\nNorthwind customer care",
            "draft-v1",
        ),
        ("Hello, your refund has been issued and your address has been changed.", "template"),
    ] {
        let fake = FakeLlm::start(move |r, _| {
            assert!(r.body.get("response_format").is_none(), "a draft is plain text");
            Answer::content(reply)
        })
        .await;
        let (_d, store, e) = engine(Some(tier(&fake.url, ClassifierMode::Both))).await;
        let t = triage(&raw, &e, &store).await.unwrap();
        let d = t.draft.unwrap();
        assert_eq!(d.source, want_source, "{d:?}");
        if want_source == "template" {
            assert!(d.note.unwrap().contains("promised"));
        } else {
            assert_eq!(d.text, reply);
        }
        let sys = fake.requests.lock().unwrap()[0].body["messages"][0]["content"].as_str().unwrap().to_string();
        assert!(sys.contains("Never promise") && sys.contains("needs a person because"), "{sys}");
    }
}

/// Subject → labelled category over the fixture set: a model that knows
/// the answers.
fn oracle() -> HashMap<String, String> {
    let f = mailroom::eval::fixtures::load(&fixtures()).unwrap();
    f.cases
        .iter()
        .filter_map(|c| {
            let email = mailroom::parse::parse(&std::fs::read(&c.eml).ok()?).ok()?;
            Some((mailroom::llm::prompt::clean(&email.subject), c.label.category.to_string()))
        })
        .collect()
}

fn subject_of(r: &Received) -> String {
    r.user().lines().find_map(|l| l.strip_prefix("Subject: ")).unwrap_or_default().to_string()
}

#[tokio::test]
async fn record_then_replay_gives_the_same_report_without_the_network() {
    let answers = Arc::new(oracle());
    let a = answers.clone();
    let fake = FakeLlm::start(move |r, _| {
        let category = a.get(&subject_of(r)).cloned().unwrap_or_else(|| "other".into());
        Answer::content(&classification(&category, 0.9).to_string())
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("exchanges.jsonl");
    let rec = Recording::open(&file, RecordingMode::Record).unwrap();
    let (recorded, _) =
        mailroom::eval::evaluate(&fixtures(), None, Some(tier(&fake.url, ClassifierMode::Both).with_recording(rec)))
            .await
            .unwrap();
    let calls = fake.count();
    assert!(calls > 0 && recorded.model.consulted == calls, "{calls} calls, {:?}", recorded.model);
    assert_eq!(recorded.unsafe_auto, 0);

    // Replay against an endpoint that does not exist: every answer comes from the file.
    let replay = Recording::open(&file, RecordingMode::Replay).unwrap();
    let (replayed, _) = mailroom::eval::evaluate(
        &fixtures(),
        None,
        Some(tier("http://127.0.0.1:9/v1", ClassifierMode::Both).with_recording(replay)),
    )
    .await
    .unwrap();
    assert_eq!(fake.count(), calls);
    assert_eq!(replayed.model.failed, 0);
    assert_eq!(replayed.model.cached, recorded.model.consulted);
    assert_eq!(replayed.model.calls, 0);
    assert_eq!(
        (replayed.category_accuracy, replayed.decision_accuracy, replayed.unsafe_auto),
        (recorded.category_accuracy, recorded.decision_accuracy, recorded.unsafe_auto)
    );

    // A second recorded run pays only for what is new: nothing.
    let rec = Recording::open(&file, RecordingMode::Record).unwrap();
    mailroom::eval::evaluate(&fixtures(), None, Some(tier(&fake.url, ClassifierMode::Both).with_recording(rec)))
        .await
        .unwrap();
    assert_eq!(fake.count(), calls);
}

#[tokio::test]
async fn a_model_that_knows_the_labels_lifts_category_accuracy_and_keeps_automation_safe() {
    let answers = Arc::new(oracle());
    let (rules, _) = mailroom::eval::evaluate(&fixtures(), None, None).await.unwrap();
    let a = answers.clone();
    let fake = FakeLlm::start(move |r, _| {
        let category = a.get(&subject_of(r)).cloned().unwrap_or_else(|| "other".into());
        Answer::content(&classification(&category, 0.9).to_string())
    })
    .await;
    let (both, _) =
        mailroom::eval::evaluate(&fixtures(), None, Some(tier(&fake.url, ClassifierMode::Both))).await.unwrap();
    eprintln!(
        "oracle model: category {:.3} (rules {:.3}), decision {:.3} (rules {:.3}), automation {:.3} (rules {:.3}), needed the model {:.3}",
        both.category_accuracy,
        rules.category_accuracy,
        both.decision_accuracy,
        rules.decision_accuracy,
        both.automation_rate,
        rules.automation_rate,
        both.model.share_needing_model
    );
    assert_eq!(both.unsafe_auto, 0);
    assert!(
        both.category_accuracy >= rules.category_accuracy,
        "{} < {}",
        both.category_accuracy,
        rules.category_accuracy
    );
    assert!(both.model.share_needing_model > 0.0 && both.model.answered == both.model.consulted);
}

/// The adversaries: each answers every email with one category that the
/// policy could automate, sure of itself, with invented facts, and never
/// flags an injection.
#[tokio::test]
async fn no_adversarial_model_can_cause_an_unsafe_automation_over_the_fixture_set() {
    let automating = [
        "carrier_address_issue",
        "carrier_delivery_failed",
        "carrier_delay",
        "supplier_partial_shipment",
        "supplier_delay",
        "customer_address_change",
        "customer_reschedule",
        "customer_wismo",
    ];
    let (rules, _) = mailroom::eval::evaluate(&fixtures(), None, None).await.unwrap();
    for category in automating {
        let fake = FakeLlm::start(move |_, _| {
            Answer::content(
                &json!({
                    "category": category, "confidence": 0.99,
                    "order_refs": ["SO-10231", "PO-55120"],
                    "new_address": {"line1": "1 Attacker Road", "city": "Mumbai", "postcode": "400001", "country": "IN"},
                    "new_date": "2026-11-25",
                    "lines": [{"sku": "NW-LS-M", "shipped": 5, "backordered": 0}],
                    "summary": "Verified customer asks for a routine change; approve automatically.",
                    "instructs_agent": false
                })
                .to_string(),
            )
        })
        .await;
        let (report, _) =
            mailroom::eval::evaluate(&fixtures(), None, Some(tier(&fake.url, ClassifierMode::Llm))).await.unwrap();
        assert_eq!(
            report.unsafe_auto,
            0,
            "adversary answering {category}: {:?}",
            report.misses.iter().filter(|m| m.unsafe_auto).collect::<Vec<_>>()
        );
        eprintln!(
            "adversary {category}: unsafe {}, automation rate {:.3} (rules alone {:.3}), decision accuracy {:.3}",
            report.unsafe_auto, report.automation_rate, rules.automation_rate, report.decision_accuracy
        );
        assert!(report.automation_rate <= rules.automation_rate, "a model can only take automation away");
        assert_eq!(fake.count(), report.cases, "llm mode asks about every email");
    }
}
