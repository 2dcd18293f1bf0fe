//! `mailroom process FILE.eml...`: what triage concludes, per file.

use std::fmt::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::{ProcessArgs, engine_and_store, triage_file};
use crate::classify::rules::Target;
use crate::link::Link;
use crate::llm::Asked;
use crate::pipeline::Triaged;

pub async fn run(args: ProcessArgs) -> Result<ExitCode> {
    let (mut engine, store, _tmp) =
        engine_and_store(args.fixtures.as_deref(), args.senders.as_deref(), &args.db.db, args.rules.as_deref()).await?;
    if let Some(tier) = super::model::tier(&args.model)? {
        engine = engine.with_model(tier);
    }
    let mut failures = 0;
    for path in &args.files {
        match triage_file(path, &engine, &store).await {
            Ok(t) if args.json => {
                println!("{}", serde_json::to_string(&serde_json::json!({"file": path, "triage": t}))?)
            }
            Ok(t) => print!("{}", render(&path.display().to_string(), &t)),
            Err(e) => {
                failures += 1;
                if args.json {
                    println!("{}", serde_json::json!({"file": path, "error": format!("{e:#}")}));
                } else {
                    println!("{}\n  error      {e:#}\n", path.display());
                }
            }
        }
    }
    store.close().await;
    Ok(if failures == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn render(name: &str, t: &Triaged) -> String {
    let mut o = String::new();
    let c = &t.classification;
    let _ = writeln!(o, "{name}");
    let from = t.email.from.as_ref().map_or("(no From)".into(), |m| m.address.clone());
    let _ = writeln!(o, "  from       {from}\n  subject    {}", t.email.subject);
    let _ = writeln!(
        o,
        "  category   {} (confidence {:.2}{})",
        c.category,
        c.confidence,
        if c.decisive { ", decisive" } else { "" }
    );
    for e in &c.evidence {
        let target = match e.target {
            Target::Category(c) => c.to_string(),
            Target::Party(p) => format!("party {p:?}").to_lowercase(),
            Target::Flag(f) => format!("flag {f:?}").to_lowercase(),
        };
        let _ = writeln!(o, "  evidence   {:+.1} {target} by {} ({:?}: \"{}\")", e.weight, e.rule, e.field, e.matched);
    }
    let order = match &t.link {
        Link::One { order, by } => format!("{} (by {}; status {})", order.id, by.describe(), order.status),
        Link::Ambiguous { why, .. } => format!("none: {why}"),
        Link::None => "none".into(),
    };
    let _ = writeln!(o, "  order      {order}");
    match &t.model.asked {
        Asked::NoModel => {}
        Asked::RulesDecisive => {
            let _ = writeln!(o, "  model      not asked: the rules are decisive");
        }
        Asked::Answered { answer } => {
            let _ = writeln!(
                o,
                "  model      {} ({:.2}; {:?}){}: {}",
                answer.category,
                answer.confidence,
                t.combined.rule,
                if t.model.cached { ", cached" } else { "" },
                answer.summary
            );
            for dropped in &t.model.suggested.dropped {
                let _ = writeln!(o, "    dropped          {dropped} (not in the email's text)");
            }
        }
        Asked::Failed { error } => {
            let _ = writeln!(o, "  model      failed after {} attempt(s): {error}", t.model.attempts);
        }
    }
    let _ = writeln!(o, "  decision   {}", t.decision.reason);
    for (k, v) in &t.decision.facts {
        let _ = writeln!(o, "    {k:<16} {v}");
    }
    if let Some(d) = &t.draft {
        let _ = writeln!(o, "  draft      ({}, {})", d.source, d.language);
        for line in d.text.lines() {
            let _ = writeln!(o, "    | {line}");
        }
    }
    o.push('\n');
    o
}
