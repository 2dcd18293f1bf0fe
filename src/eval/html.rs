//! The evaluation report as one self-contained HTML page: headline figures,
//! the confusion matrix as a heat map, per-category scores and every miss.

use std::fmt::Write;

use super::metrics::Report;
use super::text::ABBREV;
use crate::domain::Category;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d2430}\
table{border-collapse:collapse;margin:1rem 0}td,th{padding:.3rem .5rem;border:1px solid #d8dde6;text-align:right}\
th{background:#f3f5f8}td.l,th.l{text-align:left}.fig{display:inline-block;margin:0 1.5rem 1rem 0}\
.fig b{display:block;font-size:1.6rem}.bad{color:#b3261e}.miss{border-left:3px solid #d8dde6;padding:.2rem .8rem;margin:.6rem 0}\
.miss.unsafe{border-color:#b3261e}.miss code{white-space:pre-wrap}";

pub fn render_html(r: &Report, title: &str) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html><html lang=en><meta charset=utf-8><title>{}</title><style>{STYLE}</style><h1>{}</h1>",
        esc(title),
        esc(title)
    );
    let pct = |x: f64| format!("{:.1}%", x * 100.0);
    let figs = [
        ("cases", r.cases.to_string(), false),
        ("category accuracy", pct(r.category_accuracy), false),
        ("macro-F1", format!("{:.3}", r.macro_f1), false),
        ("decision accuracy", pct(r.decision_accuracy), false),
        ("unsafe automations", r.unsafe_auto.to_string(), r.unsafe_auto > 0),
        ("automation rate", pct(r.automation_rate), false),
        ("order-link accuracy", pct(r.order_accuracy), false),
        ("fact accuracy", pct(r.fact_accuracy), false),
    ];
    for (name, value, bad) in figs {
        let _ = write!(o, "<div class=\"fig{}\"><b>{value}</b>{name}</div>", if bad { " bad" } else { "" });
    }
    heat_map(&mut o, r);
    per_category(&mut o, r);
    misses(&mut o, r);
    o.push_str("</html>\n");
    o
}

fn heat_map(o: &mut String, r: &Report) {
    o.push_str("<h2>Confusion matrix</h2><p>Rows: the label. Columns: what mailroom said. Darker is more; green is right, red is wrong.</p><table><tr><th></th>");
    for (c, a) in Category::ALL.iter().zip(ABBREV) {
        let _ = write!(o, "<th title=\"{c}\">{a}</th>");
    }
    o.push_str("<th>error</th></tr>");
    for (c, a) in Category::ALL.iter().zip(ABBREV) {
        let Some(row) = r.confusion.get(c.as_str()) else {
            continue;
        };
        let total: usize = row.values().sum();
        let _ = write!(o, "<tr><th class=l title=\"{c}\">{a} {c}</th>");
        let cols = Category::ALL.iter().map(|g| (g.as_str(), g == c)).chain([("error", false)]);
        for (got, diagonal) in cols {
            let n = row.get(got).copied().unwrap_or(0);
            let share = if total == 0 { 0.0 } else { n as f64 / total as f64 };
            let (h, text) = if diagonal { (140, "") } else { (4, "") };
            let alpha = if n == 0 { 0.0 } else { 0.12 + 0.78 * share };
            let _ = write!(
                o,
                "<td style=\"background:hsla({h},65%,45%,{alpha:.2})\" title=\"{c} → {got}: {n}\">{}{text}</td>",
                if n == 0 { String::new() } else { n.to_string() }
            );
        }
        o.push_str("</tr>");
    }
    o.push_str("</table>");
}

fn per_category(o: &mut String, r: &Report) {
    o.push_str("<h2>Per category</h2><table><tr><th class=l>category</th><th>support</th><th>predicted</th><th>precision</th><th>recall</th><th>F1</th></tr>");
    for c in Category::ALL {
        if let Some(s) = r.per_category.get(c.as_str()) {
            let _ = write!(
                o,
                "<tr><td class=l>{c}</td><td>{}</td><td>{}</td><td>{:.3}</td><td>{:.3}</td><td>{:.3}</td></tr>",
                s.support, s.predicted, s.precision, s.recall, s.f1
            );
        }
    }
    o.push_str("</table>");
}

fn misses(o: &mut String, r: &Report) {
    let _ = write!(o, "<h2>Misses ({})</h2>", r.misses.len());
    let mut shown: Vec<_> = r.misses.iter().collect();
    shown.sort_by_key(|m| !m.unsafe_auto);
    for m in shown {
        let _ = write!(
            o,
            "<div class=\"miss{}\"><b>{}</b>{}<br>expected <code>{}</code><br>got <code>{}</code><br>wrong: {}<br><code>{}</code></div>",
            if m.unsafe_auto { " unsafe" } else { "" },
            esc(&m.case),
            if m.unsafe_auto { " <span class=bad>UNSAFE AUTO</span>" } else { "" },
            esc(&m.expected),
            esc(&m.got),
            esc(&m.wrong.join(", ")),
            esc(&m.reason)
        );
    }
}
