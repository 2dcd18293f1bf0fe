//! A guard and a fallback for hostile HTML.
//!
//! html5ever checks element scopes against its stack of open elements, so
//! tens of thousands of nested tags cost quadratic time. [`nesting_depth`]
//! measures the nesting with one linear scan; beyond the limit the caller
//! uses [`strip_tags`], a linear tag stripper with block-level line breaks
//! but without layout or hidden-text detection. Neither can fail.

use std::sync::LazyLock;

use regex::Regex;

static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>").expect("static regex"));

/// Tags that never hold content, and tags html5ever closes implicitly when
/// the next one starts (so they do not deepen its stack).
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "td", "th", "tr", "option", "dt", "dd",
];

/// The deepest element nesting the markup asks for, as written.
pub fn nesting_depth(html: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for cap in TAG.captures_iter(html) {
        let name = cap.get(2).map_or("", |m| m.as_str()).to_ascii_lowercase();
        if NOT_NESTING.contains(&name.as_str()) || cap.get(3).is_some_and(|m| !m.is_empty()) {
            continue;
        }
        if cap.get(1).is_some_and(|m| !m.is_empty()) {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// Text of the markup with tags removed: script, style and head content and
/// comments dropped, block tags as line breaks, common entities decoded.
pub fn strip_tags(html: &str) -> String {
    static DROP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?is)<!--.*?-->|<(script|style|head|title)\b.*?</(script|style|head|title)\s*>")
            .expect("static regex")
    });
    static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)</?(p|div|br|tr|li|h[1-6]|table|blockquote|ul|ol|hr)\b[^>]*>").expect("static regex")
    });
    let text = DROP.replace_all(html, " ");
    let text = BLOCK.replace_all(&text, "\n");
    let text = TAG.replace_all(&text, "");
    let decoded = decode_entities(&text);
    let collapsed: Vec<String> = decoded.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    super::tidy(&collapsed.join("\n"))
}

fn decode_entities(text: &str) -> String {
    static ENTITY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").expect("static regex"));
    ENTITY
        .replace_all(text, |cap: &regex::Captures<'_>| {
            let e = cap.get(1).map_or("", |m| m.as_str());
            let code = if let Some(hex) = e.strip_prefix("#x").or_else(|| e.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = e.strip_prefix('#') {
                dec.parse::<u32>().ok()
            } else {
                match e {
                    "amp" => Some(0x26),
                    "lt" => Some(0x3C),
                    "gt" => Some(0x3E),
                    "quot" => Some(0x22),
                    "apos" => Some(0x27),
                    "nbsp" => Some(0x20),
                    _ => None,
                }
            };
            match code.and_then(char::from_u32) {
                Some(c) => c.to_string(),
                None => cap.get(0).map_or(String::new(), |m| m.as_str().to_string()),
            }
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth_counts_containers_not_implicitly_closed_tags() {
        assert_eq!(nesting_depth("<div><div><p>a<p>b<br></div></div>"), 2);
        assert_eq!(nesting_depth(&"<span>".repeat(10)), 10);
    }

    #[test]
    fn stripping_keeps_lines_and_decodes_entities() {
        let html = "<style>x{}</style><div>Caf&eacute; &amp; &#233;<br>two</div><!-- c -->";
        assert_eq!(strip_tags(html), "Caf&eacute; & é\ntwo");
    }
}
