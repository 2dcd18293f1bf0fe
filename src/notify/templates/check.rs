//! The load-time checks that make a template fail at load, never at send.
//!
//! 1. Every variable a template names must exist in [`Context`]: checked
//!    statically on every file, in every branch (`order.trackng_url` is
//!    caught even inside an `{% if %}` the samples never enter).
//! 2. Every message of every brand and language must render, in strict
//!    undefined mode, with a fully populated sample and with a minimal one
//!    whose optional parts are none: loop variables and filters are checked
//!    by running them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use minijinja::{Environment, ErrorKind};

use super::load::{PARTS, SourceFile, TemplateProblem, Templates, message_name};
use super::value::{context_json, to_value};
use super::*;

/// Names a template may use besides the context and the globals.
const BUILTIN_NAMES: [&str; 6] = ["loop", "super", "self", "caller", "varargs", "kwargs"];

/// Where a minijinja error happened: the innermost template in an
/// include/extends chain, its line and what went wrong.
pub(super) fn located(root: &Path, err: &minijinja::Error, env: &Environment<'_>) -> TemplateProblem {
    let mut inner = err;
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(err);
    while let Some(s) = source {
        if let Some(e) = s.downcast_ref::<minijinja::Error>() {
            inner = e;
        }
        source = s.source();
    }
    let file = inner.name().map_or_else(|| root.to_path_buf(), |n| root.join(n));
    let mut reason = match inner.detail() {
        Some(detail) => format!("{}: {detail}", inner.kind()),
        None => inner.kind().to_string(),
    };
    // Name the expression an undefined value came from.
    let snippet = inner.name().and_then(|n| env.get_template(n).ok()).and_then(|t| {
        let range = inner.range()?;
        t.source().get(range).map(str::to_string)
    });
    if let Some(snippet) = snippet.filter(|s| !s.is_empty() && s.len() < 80) {
        reason.push_str(&format!(" (in `{snippet}`)"));
    }
    TemplateProblem { file, line: inner.line().unwrap_or(0), reason }
}

/// Check 1: every file's undeclared names against the context's fields.
/// Returns the files with unknown names.
pub(super) fn undeclared_names(
    t: &Templates,
    files: &[SourceFile],
    problems: &mut Vec<TemplateProblem>,
) -> BTreeSet<PathBuf> {
    let mut flagged = BTreeSet::new();
    let schema = match context_json(&full_sample()) {
        Ok(schema) => schema,
        Err(e) => {
            problems.push(TemplateProblem { file: t.root.clone(), line: 0, reason: format!("sample context: {e}") });
            return flagged;
        }
    };
    let mut seen = BTreeSet::new();
    for file in files {
        // A language-independent file is in every environment; check it once.
        if !seen.insert(&file.name) {
            continue;
        }
        let env = file.language.as_ref().and_then(|l| t.envs.get(l)).or_else(|| t.envs.values().next());
        let Some(env) = env else { continue };
        let Ok(template) = env.get_template(&file.name) else { continue };
        let globals: BTreeSet<&str> = env.globals().map(|(name, _)| name).collect();
        let mut names: Vec<String> = template.undeclared_variables(true).into_iter().collect();
        names.sort();
        for name in names {
            let root = name.split('.').next().unwrap_or(&name);
            if globals.contains(root) || BUILTIN_NAMES.contains(&root) || known_path(&schema, &name) {
                continue;
            }
            flagged.insert(t.root.join(&file.name));
            problems.push(TemplateProblem {
                file: t.root.join(&file.name),
                line: line_of(&file.text, &name),
                reason: format!("unknown variable `{name}`: the notification context has no such field"),
            });
        }
    }
    flagged
}

/// Whether a dotted path names a field of the (fully populated) context.
/// Past a value that is not a map (a string, a list), attributes are
/// methods or loop items and are left to the sample renders.
fn known_path(schema: &serde_json::Value, path: &str) -> bool {
    let mut node = schema;
    for segment in path.split('.') {
        match node {
            serde_json::Value::Object(map) => match map.get(segment) {
                Some(next) => node = next,
                None => return false,
            },
            _ => return true,
        }
    }
    true
}

/// The first line mentioning `name` (or its last segment), 0 if none.
fn line_of(text: &str, name: &str) -> usize {
    let last = name.rsplit('.').next().unwrap_or(name);
    let at = text.find(name).or_else(|| text.find(last));
    at.map_or(0, |i| text[..i].matches('\n').count() + 1)
}

/// Check 2: render every message part with both samples. Failures already
/// explained are not reported again: a part that is missing or did not
/// parse, and undefined values in a file with unknown names.
pub(super) fn sample_renders(
    t: &Templates,
    broken: &BTreeSet<String>,
    flagged: &BTreeSet<PathBuf>,
    problems: &mut Vec<TemplateProblem>,
) {
    let samples = [full_sample(), minimal_sample()];
    let mut values = Vec::new();
    for sample in &samples {
        match context_json(sample) {
            Ok(json) => values.push(to_value(&json)),
            Err(e) => {
                problems.push(TemplateProblem { file: t.root.clone(), line: 0, reason: format!("sample context: {e}") })
            }
        }
    }
    for (brand, entry) in &t.brands {
        for lang in &entry.languages {
            let Some(env) = t.envs.get(lang) else { continue };
            for kind in Kind::ALL {
                for part in PARTS {
                    let name = message_name(brand, lang, kind, part);
                    let Ok(template) = env.get_template(&name) else { continue };
                    for value in &values {
                        let Err(e) = template.render(value) else { continue };
                        let p = located(&t.root, &e, env);
                        let kind = innermost_kind(&e);
                        let explained = (kind == ErrorKind::TemplateNotFound
                            && broken.iter().any(|b| p.reason.contains(b.as_str())))
                            || (kind == ErrorKind::UndefinedError && flagged.contains(&p.file));
                        if !explained {
                            problems.push(p);
                        }
                    }
                }
            }
        }
    }
}

fn innermost_kind(err: &minijinja::Error) -> ErrorKind {
    let mut kind = err.kind();
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(err);
    while let Some(s) = source {
        if let Some(e) = s.downcast_ref::<minijinja::Error>() {
            kind = e.kind();
        }
        source = s.source();
    }
    kind
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    // Literal calendar dates, valid by inspection.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn address(line2: Option<&str>, region: Option<&str>) -> AddressView {
    AddressView {
        line1: "14 MG Road".into(),
        line2: line2.map(Into::into),
        city: "Bengaluru".into(),
        region: region.map(Into::into),
        postcode: "560001".into(),
        country: "IN".into(),
    }
}

fn line(sku: &str, name: &str, quantity: u32, shipped: u32, backordered: u32) -> LineView {
    LineView { sku: sku.into(), name: name.into(), quantity, shipped, backordered }
}

/// Every field set, every list non-empty: the check's idea of the context.
pub(super) fn full_sample() -> Context {
    Context {
        brand: BrandView {
            name: "Sample & Co".into(),
            support_email: "help@sample.example".into(),
            website: "https://sample.example".into(),
        },
        customer: CustomerView { name: "Asha Rao".into(), first_name: "Asha".into(), email: "asha@example.com".into() },
        order: OrderView {
            id: "SO-10001".into(),
            status: "shipped".into(),
            carrier: Some("DHL".into()),
            tracking_number: Some("JD0146000062".into()),
            tracking_url: Some("https://www.dhl.com/global-en/home/tracking.html?tracking-id=JD0146000062".into()),
            expected_delivery: Some(date(2026, 11, 24)),
            shipping_address: address(Some("Flat 3B"), Some("KA")),
            lines: vec![
                line("S-1", "Linen shirt (M)", 2, 2, 0),
                line("S-2", "Chinos (32)", 2, 1, 1),
                line("S-3", "Silk scarf", 1, 0, 1),
            ],
        },
        new_date: Some(date(2026, 11, 27)),
        old_date: Some(date(2026, 11, 24)),
        new_address: Some(AddressView { line1: "7 Residency Road".into(), ..address(Some("Floor 2"), Some("KA")) }),
        old_address: Some(address(Some("Flat 3B"), Some("KA"))),
        rest_date: Some(date(2026, 12, 1)),
        earlier_notices: vec![
            EarlierNotice { kind: Kind::DelayNotice, sent_on: date(2026, 11, 20) },
            EarlierNotice { kind: Kind::PartialShipment, sent_on: date(2026, 11, 21) },
        ],
    }
}

/// Only what every order has: the templates must cope with the rest absent.
pub(super) fn minimal_sample() -> Context {
    let full = full_sample();
    Context {
        order: OrderView {
            status: "placed".into(),
            carrier: None,
            tracking_number: None,
            tracking_url: None,
            expected_delivery: None,
            shipping_address: address(None, None),
            lines: vec![line("S-1", "Linen shirt (M)", 1, 0, 0)],
            ..full.order
        },
        new_date: None,
        old_date: None,
        new_address: None,
        old_address: None,
        rest_date: None,
        earlier_notices: Vec::new(),
        ..full
    }
}
