//! Validating raw rules and compiling them into one regex set per field;
//! evaluating the compiled set against one email.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use super::load::{Located, RawRule, RuleProblem, RulesError};
use super::{Evidence, Field, Flag, RuleInput, SenderList, Signal, Target};
use crate::domain::{Category, Party};

/// Patterns of one field: a set to test them all in one pass, and each
/// regex alone to report what a fired rule matched.
#[derive(Debug)]
struct FieldPatterns {
    set: RegexSet,
    each: Vec<Regex>,
}

impl FieldPatterns {
    fn matches(&self, text: &str) -> Vec<bool> {
        let mut hit = vec![false; self.each.len()];
        if !self.each.is_empty() {
            for i in self.set.matches(text).iter() {
                hit[i] = true;
            }
        }
        hit
    }
}

/// One validated rule: indices into the field pattern lists.
#[derive(Debug)]
struct Rule {
    id: String,
    target: Target,
    weight: f32,
    subject: Vec<usize>,
    body: Vec<usize>,
    text: Vec<usize>,
    hidden: Vec<usize>,
    sender: Vec<usize>,
    header: Vec<usize>,
    unless: Vec<usize>,
    signals: Vec<Signal>,
    sender_list: Option<SenderList>,
}

/// The compiled rules. Build once at start; evaluation borrows it.
#[derive(Debug)]
pub struct RuleSet {
    rules: Vec<Rule>,
    subject: FieldPatterns,
    body: FieldPatterns,
    text: FieldPatterns,
    hidden: FieldPatterns,
    sender: FieldPatterns,
    header: FieldPatterns,
    unless: FieldPatterns,
}

/// Collects the patterns of one field across all rules.
#[derive(Default)]
struct Collector {
    patterns: Vec<String>,
    compiled: Vec<Regex>,
}

impl Collector {
    /// Compile each pattern; record problems with file and line.
    fn add(&mut self, file: &Path, located: &[Located], problems: &mut Vec<RuleProblem>) -> Vec<usize> {
        let mut idx = Vec::new();
        for l in located {
            match builder(&l.pattern).build() {
                Ok(re) => {
                    idx.push(self.patterns.len());
                    self.patterns.push(l.pattern.clone());
                    self.compiled.push(re);
                }
                Err(e) => problems.push(RuleProblem {
                    file: file.to_path_buf(),
                    line: l.line,
                    reason: format!("regex does not compile: {}", one_line(&e.to_string())),
                }),
            }
        }
        idx
    }

    fn finish(self) -> Result<FieldPatterns, String> {
        let set = RegexSetBuilder::new(self.patterns.iter().map(|p| widen_spaces(p)))
            .case_insensitive(true)
            .dot_matches_new_line(true)
            .size_limit(64 << 20)
            .build()
            .map_err(|e| one_line(&e.to_string()))?;
        Ok(FieldPatterns { set, each: self.compiled })
    }
}

fn builder(pattern: &str) -> RegexBuilder {
    let mut b = RegexBuilder::new(&widen_spaces(pattern));
    b.case_insensitive(true).dot_matches_new_line(true).size_limit(16 << 20);
    b
}

/// Mail is hard-wrapped, so a phrase in a rule may be split over two lines
/// in the mail: a literal space in a pattern (outside `[...]`, not escaped)
/// matches any run of whitespace, line breaks included.
pub(super) fn widen_spaces(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let (mut escaped, mut class, mut last_space) = (false, 0usize, false);
    for c in pattern.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '[' {
            class += 1;
        } else if c == ']' && class > 0 {
            class -= 1;
        } else if c == ' ' && class == 0 {
            if !last_space {
                out.push_str(r"\s+");
            }
            last_space = true;
            continue;
        }
        last_space = false;
        out.push(c);
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_target(raw: &RawRule) -> Result<Target, String> {
    let w = &raw.wire;
    match (&w.category, &w.party, &w.flag) {
        (Some(c), None, None) => c.parse::<Category>().map(Target::Category).map_err(|e| e.to_string()),
        (None, Some(p), None) => match p.as_str() {
            "carrier" => Ok(Target::Party(Party::Carrier)),
            "supplier" => Ok(Target::Party(Party::Supplier)),
            "customer" => Ok(Target::Party(Party::Customer)),
            other => Err(format!("unknown party {other:?} (expected carrier, supplier or customer)")),
        },
        (None, None, Some(f)) => match f.as_str() {
            "injection" => Ok(Target::Flag(Flag::Injection)),
            other => Err(format!("unknown flag {other:?} (expected injection)")),
        },
        _ => Err("a rule needs exactly one of category, party or flag".into()),
    }
}

/// Validate everything that is not a regex; push problems.
fn check_rule(
    raw: &RawRule,
    seen: &mut HashSet<String>,
    problems: &mut Vec<RuleProblem>,
) -> Option<(Target, Vec<Signal>, Option<SenderList>)> {
    let mut reasons = Vec::new();
    let mut bad = |reason: String| reasons.push(reason);
    let target = parse_target(raw).map_err(&mut bad).ok();
    if !raw.wire.weight.is_finite() || raw.wire.weight == 0.0 {
        bad("weight must be a non-zero number".into());
    }
    if raw.wire.id.trim().is_empty() {
        bad("id must not be empty".into());
    } else if !seen.insert(raw.wire.id.clone()) {
        bad("duplicate rule id".into());
    }
    let mut signals = Vec::new();
    for s in &raw.wire.signal {
        match Signal::parse(s) {
            Some(sig) => signals.push(sig),
            None => bad(format!("unknown signal {s:?} (expected one of {})", Signal::ALL.map(|(_, n)| n).join(", "))),
        }
    }
    let sender_list = match raw.wire.sender_list.as_deref() {
        None => None,
        Some("carrier") => Some(SenderList::Carrier),
        Some("supplier") => Some(SenderList::Supplier),
        Some(other) => {
            bad(format!("unknown sender_list {other:?} (expected carrier or supplier)"));
            None
        }
    };
    let l = &raw.located;
    let has_matcher = [&l.subject, &l.body, &l.text, &l.hidden, &l.sender, &l.header].iter().any(|v| !v.is_empty())
        || !signals.is_empty()
        || sender_list.is_some();
    if !has_matcher {
        bad("a rule needs at least one matcher (subject, body, text, hidden, sender, header, signal, sender_list)"
            .into());
    }
    let ok = reasons.is_empty();
    for reason in reasons {
        let reason = format!("rule {:?}: {reason}", raw.wire.id);
        problems.push(RuleProblem { file: raw.file.clone(), line: raw.line, reason });
    }
    ok.then_some((target?, signals, sender_list))
}

pub(super) fn compile(raw: Vec<RawRule>, mut problems: Vec<RuleProblem>) -> Result<RuleSet, RulesError> {
    let mut fields: [Collector; 7] = Default::default();
    let mut seen = HashSet::new();
    let mut rules = Vec::new();
    for r in &raw {
        let checked = check_rule(r, &mut seen, &mut problems);
        let l = &r.located;
        let [subject, body, text, hidden, sender, header, unless] = &mut fields;
        let before = problems.len();
        let idx = [
            subject.add(&r.file, &l.subject, &mut problems),
            body.add(&r.file, &l.body, &mut problems),
            text.add(&r.file, &l.text, &mut problems),
            hidden.add(&r.file, &l.hidden, &mut problems),
            sender.add(&r.file, &l.sender, &mut problems),
            header.add(&r.file, &l.header, &mut problems),
            unless.add(&r.file, &l.unless, &mut problems),
        ];
        if let (Some((target, signals, sender_list)), true) = (checked, problems.len() == before) {
            let [subject, body, text, hidden, sender, header, unless] = idx;
            let (id, weight) = (r.wire.id.clone(), r.wire.weight);
            rules.push(Rule {
                id,
                target,
                weight,
                subject,
                body,
                text,
                hidden,
                sender,
                header,
                unless,
                signals,
                sender_list,
            });
        }
    }
    if raw.is_empty() && problems.is_empty() {
        problems.push(RuleProblem { file: PathBuf::from("rules"), line: 0, reason: "no rules defined".into() });
    }
    if !problems.is_empty() {
        problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        return Err(RulesError(problems));
    }
    let set_error = |e: String| RulesError(vec![RuleProblem { file: PathBuf::from("rules"), line: 0, reason: e }]);
    let [subject, body, text, hidden, sender, header, unless] = fields.map(Collector::finish);
    Ok(RuleSet {
        rules,
        subject: subject.map_err(set_error)?,
        body: body.map_err(set_error)?,
        text: text.map_err(set_error)?,
        hidden: hidden.map_err(set_error)?,
        sender: sender.map_err(set_error)?,
        header: header.map_err(set_error)?,
        unless: unless.map_err(set_error)?,
    })
}

/// Per-field match results for one email.
struct Hits<'a> {
    input: &'a RuleInput<'a>,
    joined: String,
    subject: Vec<bool>,
    body: Vec<bool>,
    text: Vec<bool>,
    hidden: Vec<bool>,
    sender: Vec<bool>,
    header: Vec<bool>,
    unless: Vec<bool>,
}

impl RuleSet {
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Every rule that fires on this input, in rules-file order.
    pub fn evaluate(&self, input: &RuleInput<'_>) -> Vec<Evidence> {
        let joined = format!("{}\n{}", input.subject, input.body);
        let hits = Hits {
            subject: self.subject.matches(input.subject),
            body: self.body.matches(input.body),
            text: self.text.matches(&joined),
            hidden: self.hidden.matches(input.hidden),
            sender: self.sender.matches(input.sender),
            header: self.header.matches(input.headers),
            unless: self.unless.matches(&joined),
            joined,
            input,
        };
        self.rules.iter().filter_map(|r| self.fire(r, &hits)).collect()
    }

    fn fire(&self, rule: &Rule, h: &Hits<'_>) -> Option<Evidence> {
        let any = |idx: &[usize], hit: &[bool]| idx.iter().any(|&i| hit[i]);
        let all_ok = |idx: &[usize], hit: &[bool]| idx.is_empty() || any(idx, hit);
        let ok = all_ok(&rule.subject, &h.subject)
            && all_ok(&rule.body, &h.body)
            && all_ok(&rule.text, &h.text)
            && all_ok(&rule.hidden, &h.hidden)
            && all_ok(&rule.sender, &h.sender)
            && all_ok(&rule.header, &h.header)
            && rule.signals.iter().all(|s| h.input.signals.contains(s))
            && rule.sender_list.is_none_or(|l| h.input.sender_list == Some(l))
            && !any(&rule.unless, &h.unless);
        if !ok {
            return None;
        }
        let (field, matched) = self.what_matched(rule, h);
        Some(Evidence { rule: rule.id.clone(), target: rule.target, weight: rule.weight, field, matched })
    }

    /// The first field the rule names, with the text its pattern matched.
    fn what_matched(&self, rule: &Rule, h: &Hits<'_>) -> (Field, String) {
        let i = h.input;
        let fields: [FieldView<'_>; 6] = [
            (Field::Subject, &rule.subject, &self.subject, &h.subject, i.subject),
            (Field::Body, &rule.body, &self.body, &h.body, i.body),
            (Field::Text, &rule.text, &self.text, &h.text, &h.joined),
            (Field::Hidden, &rule.hidden, &self.hidden, &h.hidden, i.hidden),
            (Field::Sender, &rule.sender, &self.sender, &h.sender, i.sender),
            (Field::Header, &rule.header, &self.header, &h.header, i.headers),
        ];
        for (field, idx, pats, hit, text) in fields {
            if let Some(&p) = idx.iter().find(|&&p| hit[p])
                && let Some(m) = pats.each[p].find(text)
            {
                return (field, snippet(m.as_str()));
            }
        }
        if rule.sender_list.is_some() {
            return (Field::SenderList, i.sender.to_string());
        }
        (Field::Signal, format!("{:?}", rule.signals))
    }
}

/// A field as `what_matched` walks it: which rule patterns, all patterns,
/// which matched, and the text.
type FieldView<'a> = (Field, &'a [usize], &'a FieldPatterns, &'a [bool], &'a str);

/// Matched text, capped so evidence stays readable in reports.
fn snippet(s: &str) -> String {
    const MAX: usize = 80;
    let one = one_line(s);
    if one.chars().count() <= MAX {
        return one;
    }
    let cut: String = one.chars().take(MAX).collect();
    format!("{cut}…")
}
