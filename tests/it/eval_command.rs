//! `mailroom eval` end to end on the bundled fixtures.

use std::path::Path;

#[tokio::test]
async fn the_bundled_fixtures_evaluate_with_no_unsafe_automation() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let (report, results) = mailroom::eval::evaluate(&dir, None, None).await.unwrap();
    assert_eq!(report.cases, results.len());
    let unsafe_cases: Vec<_> =
        report.misses.iter().filter(|m| m.unsafe_auto).map(|m| format!("{}: {}", m.case, m.reason)).collect();
    assert_eq!(report.unsafe_auto, 0, "unsafe automations:\n{}", unsafe_cases.join("\n"));
    assert_eq!(report.failed, 0, "every fixture must triage");
}

#[tokio::test]
async fn a_directory_that_breaks_the_layout_is_refused_with_the_file_at_fault() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("orders.json"), "[]").unwrap();
    let err = mailroom::eval::evaluate(d.path(), None, None).await.unwrap_err().to_string();
    assert!(err.contains("senders.toml"), "{err}");
}

/// The command line end to end with a model: record against a scripted
/// OpenAI-compatible server, then replay with no server at all. The
/// fake server needs a runtime thread while this one waits for the child.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eval_records_model_exchanges_and_replays_them_offline() {
    use crate::support::fake_llm::{Answer, FakeLlm, classification};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let fake = FakeLlm::start(|_, _| Answer::content(&classification("other", 0.3).to_string())).await;
    let tmp = tempfile::tempdir().unwrap();
    let rec = tmp.path().join("x.jsonl");
    let run = |args: Vec<String>| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_mailroom"))
            .args(["eval", dir.to_str().unwrap(), "--misses", "0"])
            .args(args)
            .current_dir(tmp.path())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(out.status.success(), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
        text
    };
    let recorded = run(vec![
        "--classifier".into(),
        "both".into(),
        "--llm-url".into(),
        fake.url.clone(),
        "--llm-model".into(),
        "fake-model".into(),
        "--record".into(),
        rec.display().to_string(),
    ]);
    assert!(recorded.contains("needed the model") && recorded.contains("consulted"), "{recorded}");
    let calls = fake.count();
    assert!(calls > 0);
    drop(fake);
    let replayed = run(vec!["--replay".into(), rec.display().to_string()]);
    assert!(replayed.contains(&format!("{calls} consulted")), "{replayed}");
    assert!(
        replayed.contains("0 failed, ") && replayed.contains(&format!("{calls} from cache or recording")),
        "{replayed}"
    );
    // A model tier without a model is a clear error, not a silent rules-only run.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mailroom"))
        .args(["eval", dir.to_str().unwrap(), "--classifier", "llm"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("need a model"), "{}", String::from_utf8_lossy(&out.stderr));
}
