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
