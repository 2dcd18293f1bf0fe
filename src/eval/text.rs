//! The evaluation report as text for a terminal or a CI log.

use std::fmt::Write;

use super::metrics::Report;
use crate::domain::Category;

/// Short column names for the confusion matrix, in SPEC order.
pub(super) const ABBREV: [&str; 15] =
    ["CAI", "CDF", "CDL", "CDM", "CRS", "CCH", "SPS", "SDL", "SOS", "UAC", "URS", "UWI", "UCR", "UCO", "OTH"];

pub fn render_text(r: &Report, title: &str, max_misses: usize) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{title}: {} cases\n", r.cases);
    let pct = |x: f64| format!("{:.1}%", x * 100.0);
    let _ = writeln!(o, "  category accuracy    {}   macro-F1 {:.3}", pct(r.category_accuracy), r.macro_f1);
    let _ = writeln!(o, "  decision accuracy    {}", pct(r.decision_accuracy));
    let _ = writeln!(
        o,
        "  unsafe automations   {}   (auto where the label says otherwise, or on another order; must be 0)",
        r.unsafe_auto
    );
    let _ = writeln!(
        o,
        "  automation rate      {}   (labelled auto and decided auto, over labelled auto)",
        pct(r.automation_rate)
    );
    let _ = writeln!(o, "  order-link accuracy  {}", pct(r.order_accuracy));
    let facts: Vec<String> = r.facts.iter().map(|(k, f)| format!("{k} {}/{}", f.correct, f.given)).collect();
    let _ = writeln!(
        o,
        "  fact accuracy        {}   ({})",
        pct(r.fact_accuracy),
        if facts.is_empty() { "none given".into() } else { facts.join(", ") }
    );
    let _ = writeln!(o, "  failed to triage     {}", r.failed);
    let m = &r.model;
    let _ = writeln!(o, "  needed the model     {}   (rules not decisive)", pct(m.share_needing_model));
    if m.consulted > 0 {
        let _ = writeln!(
            o,
            "  model                {} consulted: {} answered ({} disagreed with the rules, held), {} failed, {} from cache or recording",
            m.consulted, m.answered, m.disagreed, m.failed, m.cached
        );
        let _ = writeln!(
            o,
            "  model cost           {} calls, {} + {} tokens, ${:.4}; per email {:.2} calls, {:.0} tokens, ${:.6}",
            m.calls,
            m.prompt_tokens,
            m.completion_tokens,
            m.cost_usd,
            m.calls_per_email,
            m.tokens_per_email,
            m.cost_per_email_usd
        );
    }
    let _ = writeln!(o);

    let _ = writeln!(
        o,
        "  {:<28} {:>7} {:>6} {:>9} {:>7} {:>6}",
        "category", "support", "pred", "precision", "recall", "F1"
    );
    for c in Category::ALL {
        if let Some(s) = r.per_category.get(c.as_str()) {
            let _ = writeln!(
                o,
                "  {:<28} {:>7} {:>6} {:>9.3} {:>7.3} {:>6.3}",
                c.as_str(),
                s.support,
                s.predicted,
                s.precision,
                s.recall,
                s.f1
            );
        }
    }
    confusion(&mut o, r);
    decisions(&mut o, r);
    misses(&mut o, r, max_misses);
    o
}

fn confusion(o: &mut String, r: &Report) {
    let _ = writeln!(o, "\n  confusion (rows: expected, columns: got; ERR = could not triage)");
    let _ = write!(o, "  {:<4}", "");
    for a in ABBREV {
        let _ = write!(o, "{a:>5}");
    }
    let _ = writeln!(o, "{:>5}", "ERR");
    for (c, a) in Category::ALL.iter().zip(ABBREV) {
        let Some(row) = r.confusion.get(c.as_str()) else {
            continue;
        };
        let _ = write!(o, "  {a:<4}");
        for got in Category::ALL {
            let n = row.get(got.as_str()).copied().unwrap_or(0);
            let _ = write!(o, "{:>5}", if n == 0 { ".".to_string() } else { n.to_string() });
        }
        let _ = writeln!(o, "{:>5}", row.get("error").copied().unwrap_or(0));
    }
    let legend: Vec<String> = Category::ALL.iter().zip(ABBREV).map(|(c, a)| format!("{a}={c}")).collect();
    let _ = writeln!(o, "  {}", legend.join("  "));
}

fn decisions(o: &mut String, r: &Report) {
    let _ = writeln!(o, "\n  decisions (rows: expected, columns: got)");
    let _ = writeln!(o, "  {:<9}{:>9}{:>9}{:>9}", "", "auto", "escalate", "ignore");
    for want in ["auto", "escalate", "ignore"] {
        let Some(row) = r.decisions.get(want) else {
            continue;
        };
        let n = |k: &str| row.get(k).copied().unwrap_or(0);
        let _ = writeln!(o, "  {:<9}{:>9}{:>9}{:>9}", want, n("auto"), n("escalate"), n("ignore"));
    }
}

fn misses(o: &mut String, r: &Report, max: usize) {
    if r.misses.is_empty() {
        let _ = writeln!(o, "\n  no misses");
        return;
    }
    // Unsafe automations first: they are the ones that must be fixed.
    let mut shown: Vec<_> = r.misses.iter().collect();
    shown.sort_by_key(|m| !m.unsafe_auto);
    let _ = writeln!(o, "\n  misses: {} (showing {})", r.misses.len(), shown.len().min(max));
    for m in shown.into_iter().take(max) {
        let flag = if m.unsafe_auto { "  UNSAFE AUTO" } else { "" };
        let _ = writeln!(o, "  - {}{flag}", m.case);
        let _ = writeln!(o, "      expected {}\n      got      {}", m.expected, m.got);
        let _ = writeln!(o, "      wrong    {}\n      why      {}", m.wrong.join(", "), m.reason);
    }
}
