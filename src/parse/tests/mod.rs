//! Parse-stage tests on real-world-shaped samples (tests/data/parse/*.eml,
//! written by tests/data/parse/generate.py) and on hostile input.

use super::*;

mod inline;
mod robustness;
mod samples;

/// `(name, bytes)` of each named sample file, embedded at compile time.
macro_rules! samples {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../../tests/data/parse/", $name, ".eml")))),*]
    };
}

/// Every committed sample, by file name.
pub(super) const SAMPLES: &[(&str, &[u8])] = samples![
    "apple-forward",
    "carrier-html-table",
    "chinese-gb2312",
    "dsn-bounce",
    "french-qp-latin1",
    "gmail-forward",
    "gmail-reply-quoted",
    "hindi-base64-utf8",
    "injection-hidden",
    "japanese-shift-jis",
    "newsletter-preheader",
    "out-of-office",
    "outlook-forward-dutch",
    "outlook-reply-german",
    "pdf-attachment",
    "rfc2047-subjects",
    "rfc822-forward",
    "russian-koi8r",
    "spanish-cp1252",
    "unknown-charset",
];

/// The parsed sample; panics (in tests only) when it is missing or fails.
pub(super) fn sample(name: &str) -> Email {
    let raw = SAMPLES.iter().find(|(n, _)| *n == name).map(|(_, raw)| *raw).expect("sample exists");
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
        println!("===== {name}\n{}", serde_json::to_string_pretty(&e).expect("json"));
    }
}
