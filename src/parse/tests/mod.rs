//! Parse-stage tests on real-world-shaped samples (tests/data/parse/*.eml,
//! written by tests/data/parse/generate.py) and on hostile input.

use super::*;

mod inline;
mod robustness;
mod samples;

/// Every committed sample, by file name.
pub(super) const SAMPLES: &[(&str, &[u8])] = &[
    (
        "apple-forward",
        include_bytes!("../../../tests/data/parse/apple-forward.eml"),
    ),
    (
        "carrier-html-table",
        include_bytes!("../../../tests/data/parse/carrier-html-table.eml"),
    ),
    (
        "dsn-bounce",
        include_bytes!("../../../tests/data/parse/dsn-bounce.eml"),
    ),
    (
        "french-qp-latin1",
        include_bytes!("../../../tests/data/parse/french-qp-latin1.eml"),
    ),
    (
        "gmail-forward",
        include_bytes!("../../../tests/data/parse/gmail-forward.eml"),
    ),
    (
        "gmail-reply-quoted",
        include_bytes!("../../../tests/data/parse/gmail-reply-quoted.eml"),
    ),
    (
        "hindi-base64-utf8",
        include_bytes!("../../../tests/data/parse/hindi-base64-utf8.eml"),
    ),
    (
        "injection-hidden",
        include_bytes!("../../../tests/data/parse/injection-hidden.eml"),
    ),
    (
        "newsletter-preheader",
        include_bytes!("../../../tests/data/parse/newsletter-preheader.eml"),
    ),
    (
        "out-of-office",
        include_bytes!("../../../tests/data/parse/out-of-office.eml"),
    ),
    (
        "outlook-forward-dutch",
        include_bytes!("../../../tests/data/parse/outlook-forward-dutch.eml"),
    ),
    (
        "outlook-reply-german",
        include_bytes!("../../../tests/data/parse/outlook-reply-german.eml"),
    ),
    (
        "pdf-attachment",
        include_bytes!("../../../tests/data/parse/pdf-attachment.eml"),
    ),
    (
        "rfc2047-subjects",
        include_bytes!("../../../tests/data/parse/rfc2047-subjects.eml"),
    ),
    (
        "rfc822-forward",
        include_bytes!("../../../tests/data/parse/rfc822-forward.eml"),
    ),
    (
        "spanish-cp1252",
        include_bytes!("../../../tests/data/parse/spanish-cp1252.eml"),
    ),
    (
        "unknown-charset",
        include_bytes!("../../../tests/data/parse/unknown-charset.eml"),
    ),
];

/// The parsed sample; panics (in tests only) when it is missing or fails.
pub(super) fn sample(name: &str) -> Email {
    let raw = SAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, raw)| *raw)
        .expect("sample exists");
    parse(raw).expect("sample parses")
}

/// `cargo test --lib dump_samples -- --ignored --nocapture` prints every
/// sample as parsed, to read when a test fails.
#[test]
#[ignore]
fn dump_samples() {
    for (name, _) in SAMPLES {
        let mut e = sample(name);
        e.headers.clear();
        println!(
            "===== {name}\n{}",
            serde_json::to_string_pretty(&e).expect("json")
        );
    }
}
