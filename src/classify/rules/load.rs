//! Reading rules/*.toml into raw rule definitions, with every error located.
//!
//! Input: a directory of TOML files. Output: [`RawRule`]s with the file and
//! line of each pattern, or every problem found in every file at once
//! ([`RulesError`]), so a rules author fixes them in one pass.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

/// One problem in one rules file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleProblem {
    pub file: PathBuf,
    /// 1-based; 0 when the problem is about the whole file.
    pub line: usize,
    pub reason: String,
}

/// Every problem found while loading rules; never empty.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct RulesError(pub Vec<RuleProblem>);

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} problem(s) in the rules:", self.0.len())?;
        for p in &self.0 {
            writeln!(f, "  {}:{}: {}", p.file.display(), p.line, p.reason)?;
        }
        Ok(())
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    rule: Vec<Spanned<WireRule>>,
}

/// A rule as written in TOML, before validation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WireRule {
    pub id: String,
    pub category: Option<String>,
    pub party: Option<String>,
    pub flag: Option<String>,
    pub weight: f32,
    #[serde(default)]
    pub subject: Vec<Spanned<String>>,
    #[serde(default)]
    pub body: Vec<Spanned<String>>,
    #[serde(default)]
    pub text: Vec<Spanned<String>>,
    #[serde(default)]
    pub hidden: Vec<Spanned<String>>,
    #[serde(default)]
    pub anywhere: Vec<Spanned<String>>,
    #[serde(default)]
    pub sender: Vec<Spanned<String>>,
    #[serde(default)]
    pub header: Vec<Spanned<String>>,
    #[serde(default)]
    pub unless: Vec<Spanned<String>>,
    #[serde(default)]
    pub signal: Vec<String>,
    pub sender_list: Option<String>,
    /// Free text for the rules author; never used.
    #[allow(dead_code)]
    pub note: Option<String>,
}

/// A pattern with where it was written.
#[derive(Debug, Clone)]
pub(super) struct Located {
    pub pattern: String,
    pub line: usize,
}

/// A parsed rule with its location, ready for validation and compilation.
#[derive(Debug)]
pub(super) struct RawRule {
    pub file: PathBuf,
    pub line: usize,
    pub wire: WireRule,
    /// Patterns per matcher, in [`super::MatchField::ALL`] order.
    pub located: [Vec<Located>; super::MatchField::COUNT],
    pub unless: Vec<Located>,
}

/// 1-based line of a byte offset.
fn line_of(src: &str, offset: usize) -> usize {
    src.as_bytes().iter().take(offset).filter(|b| **b == b'\n').count() + 1
}

fn locate(src: &str, patterns: &[Spanned<String>]) -> Vec<Located> {
    patterns.iter().map(|p| Located { pattern: p.get_ref().clone(), line: line_of(src, p.span().start) }).collect()
}

/// Parse one file's text. Problems are appended; good rules are returned.
pub(super) fn parse_file(file: &Path, src: &str, problems: &mut Vec<RuleProblem>) -> Vec<RawRule> {
    let parsed: RulesFile = match toml::from_str(src) {
        Ok(p) => p,
        Err(e) => {
            let line = e.span().map(|s| line_of(src, s.start)).unwrap_or(0);
            let reason = e.message().trim().to_string();
            problems.push(RuleProblem { file: file.to_path_buf(), line, reason });
            return Vec::new();
        }
    };
    parsed
        .rule
        .into_iter()
        .map(|spanned| {
            let line = line_of(src, spanned.span().start);
            let wire = spanned.into_inner();
            let w = &wire;
            let located = [&w.subject, &w.body, &w.text, &w.hidden, &w.anywhere, &w.sender, &w.header]
                .map(|patterns| locate(src, patterns));
            let unless = locate(src, &wire.unless);
            RawRule { file: file.to_path_buf(), line, wire, located, unless }
        })
        .collect()
}

/// Every `*.toml` file directly in `dir`, sorted by name so rule order (and
/// so evidence order) is stable.
pub(super) fn rule_files(dir: &Path) -> Result<Vec<PathBuf>, RulesError> {
    let fail = |reason: String| RulesError(vec![RuleProblem { file: dir.to_path_buf(), line: 0, reason }]);
    let entries = std::fs::read_dir(dir).map_err(|e| fail(format!("cannot read rules directory: {e}")))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(fail("no *.toml rules files found".into()));
    }
    Ok(files)
}
