//! The plain-text conventions templates write in, and the two things made
//! from them: a tidy text part and its HTML.
//!
//! A message is paragraphs separated by blank lines. A paragraph whose lines
//! all start with `- ` is a list. Inside a paragraph a line break is kept
//! (addresses, sign-offs); a long line is one sentence flow that the text
//! part wraps at [`WIDTH`] and the HTML part leaves to the reader's window.
//! `http(s)://` links and e-mail addresses become links in HTML. Pure.

use std::fmt::Write;

/// Plain-text line length (RFC 3676 suggests 72 with room to quote).
pub(super) const WIDTH: usize = 72;

/// The text part: trailing spaces dropped, runs of blank lines made one,
/// long lines wrapped, one final newline.
pub(super) fn tidy_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + raw.len() / 16);
    for paragraph in paragraphs(raw) {
        if !out.is_empty() {
            out.push('\n');
        }
        for line in paragraph {
            for piece in wrap(line, WIDTH) {
                out.push_str(&piece);
                out.push('\n');
            }
        }
    }
    out
}

/// A subject: one line, single spaces.
pub(super) fn one_line(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The HTML of a text in the conventions above; everything in it is
/// escaped, whether or not the template marked it safe.
pub(super) fn text_to_html(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() * 5 / 4);
    for paragraph in paragraphs(raw) {
        // A paragraph may lead into its list ("To get it, you can:").
        for run in paragraph.chunk_by(|a, b| a.starts_with("- ") == b.starts_with("- ")) {
            if run[0].starts_with("- ") {
                out.push_str("<ul>\n");
                for line in run {
                    let _ = writeln!(out, "<li>{}</li>", linkify(line.trim_start_matches("- ").trim()));
                }
                out.push_str("</ul>\n");
            } else {
                let lines: Vec<String> = run.iter().map(|l| linkify(l.trim())).collect();
                let _ = writeln!(out, "<p>{}</p>", lines.join("<br>\n"));
            }
        }
    }
    out
}

pub(super) fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            _ => out.push(c),
        }
    }
    out
}

/// Non-empty lines grouped by blank lines, trailing spaces removed.
fn paragraphs(raw: &str) -> Vec<Vec<&str>> {
    let mut all = Vec::new();
    let mut current = Vec::new();
    for line in raw.lines().map(str::trim_end) {
        if line.is_empty() {
            if !current.is_empty() {
                all.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        all.push(current);
    }
    all
}

/// One line broken at spaces into pieces of at most `width` characters
/// (a longer word, such as a link, stands alone). Continuations keep the
/// line's indent, and list items hang under their text. Dates stay whole
/// where they can: no break after a number ("24 November") or before a
/// year ("November 2026").
fn wrap(line: &str, width: usize) -> Vec<String> {
    if line.chars().count() <= width {
        return vec![line.to_string()];
    }
    let indent_len = line.len() - line.trim_start().len();
    let mut hang = line[..indent_len].to_string();
    if line[indent_len..].starts_with("- ") {
        hang.push_str("  ");
    }
    let mut units: Vec<String> = Vec::new();
    for word in line[indent_len..].split(' ').filter(|w| !w.is_empty()) {
        match units.last_mut() {
            Some(last) if glued(last, word) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => units.push(word.to_string()),
        }
    }
    let mut pieces = Vec::new();
    let mut current = line[..indent_len].to_string();
    let mut current_len = indent_len;
    let mut has_word = false;
    for unit in units {
        let len = unit.chars().count();
        if has_word && current_len + 1 + len > width {
            pieces.push(std::mem::replace(&mut current, hang.clone()));
            current_len = hang.chars().count();
            has_word = false;
        }
        if has_word {
            current.push(' ');
            current_len += 1;
        }
        current.push_str(&unit);
        current_len += len;
        has_word = true;
    }
    pieces.push(current);
    pieces
}

fn glued(before: &str, word: &str) -> bool {
    let last = before.rsplit(' ').next().unwrap_or(before);
    let number = |w: &str| w.trim_end_matches(['.', ',']).chars().all(|c| c.is_ascii_digit()) && !w.is_empty();
    let year = word.trim_end_matches(['.', ',', ';', ':', ')', '।']);
    (number(last) && last.len() <= 3) || (year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()))
}

/// Escape a line and turn its links and e-mail addresses into anchors.
fn linkify(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for (i, word) in line.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // Punctuation after a link ends the sentence, not the link.
        let core = word.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '।']);
        let tail = &word[core.len()..];
        let href = if core.starts_with("https://") || core.starts_with("http://") {
            Some(core.to_string())
        } else if is_email(core) {
            Some(format!("mailto:{core}"))
        } else {
            None
        };
        match href {
            Some(href) => {
                let _ =
                    write!(out, "<a href=\"{}\">{}</a>{}", escape_html(&href), escape_html(core), escape_html(tail));
            }
            None => out.push_str(&escape_html(word)),
        }
    }
    out
}

fn is_email(word: &str) -> bool {
    let Some((local, domain)) = word.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && word.chars().all(|c| c.is_ascii_alphanumeric() || "@.-_+".contains(c))
}
