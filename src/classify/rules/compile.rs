//! Validating raw rules, compiling their patterns once, and evaluating the
//! compiled rules against one email.
//!
//! Why not one `RegexSet` per field: the patterns need Unicode word
//! boundaries (mail is in seven languages) and bounded gaps (`.{0,30}`),
//! which keep a set in the slow PikeVM; measured on the fixtures, a set ran
//! at 101 emails/s, a set without `\b` as a prefilter at 60, and the same
//! patterns compiled one by one, with literals lower-cased and matched
//! case-sensitively against text lower-cased once, at 1,244, because each
//! single regex gets its own literal prefilter. Each pattern is still
//! compiled exactly once, at start.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use regex::{Regex, RegexBuilder};

use super::load::{Located, RawRule, RuleProblem, RulesError};
use super::{Evidence, Flag, MatchField, RuleInput, SenderList, Signal, Target};
use crate::domain::{Category, Party};

const N: usize = MatchField::COUNT;

/// One validated rule: per matcher, indices into that field's patterns.
#[derive(Debug)]
struct Rule {
    id: String,
    target: Target,
    weight: f32,
    patterns: [Vec<usize>; N],
    unless: Vec<usize>,
    signals: Vec<Signal>,
    sender_list: Option<SenderList>,
}

/// The compiled rules. Build once at start; evaluation borrows it.
#[derive(Debug)]
pub struct RuleSet {
    rules: Vec<Rule>,
    fields: [Vec<Regex>; N],
    unless: Vec<Regex>,
}

fn builder(pattern: &str) -> RegexBuilder {
    let mut b = RegexBuilder::new(&lowercase_literals(&widen_spaces(pattern)));
    b.dot_matches_new_line(true).size_limit(16 << 20);
    b
}

/// Compile each pattern; record problems with file and line.
fn add(compiled: &mut Vec<Regex>, file: &Path, located: &[Located], problems: &mut Vec<RuleProblem>) -> Vec<usize> {
    let mut idx = Vec::new();
    for l in located {
        match builder(&l.pattern).build() {
            Ok(re) => {
                idx.push(compiled.len());
                compiled.push(re);
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

/// Patterns are case-insensitive: literal letters are lower-cased here and
/// the text is lower-cased once before matching. Escapes (`\S`, `\p{Lu}`,
/// `\x27`) and inline flags (`(?m)`) keep their case.
pub(super) fn lowercase_literals(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                let Some(e) = chars.next() else { break };
                out.push(e);
                // \p{..} \x{..} \u{..}: copy the braces; \x27: two hex digits.
                if matches!(e, 'p' | 'P' | 'x' | 'u' | 'U') {
                    if chars.peek() == Some(&'{') {
                        for b in chars.by_ref() {
                            out.push(b);
                            if b == '}' {
                                break;
                            }
                        }
                    } else if e == 'x' {
                        out.extend(chars.by_ref().take(2));
                    } else if matches!(e, 'p' | 'P') {
                        out.extend(chars.next());
                    }
                }
            }
            '(' if chars.peek() == Some(&'?') => {
                // Inline flags or a group name: copy up to ':' / ')' / '>'.
                out.push(c);
                for b in chars.by_ref() {
                    out.push(b);
                    if matches!(b, ':' | ')' | '>') {
                        break;
                    }
                }
            }
            _ => out.extend(c.to_lowercase()),
        }
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

type Checked = (Target, Vec<Signal>, Option<SenderList>);

/// Validate everything that is not a regex; push problems.
fn check_rule(raw: &RawRule, seen: &mut HashSet<String>, problems: &mut Vec<RuleProblem>) -> Option<Checked> {
    let mut reasons = Vec::new();
    let target = parse_target(raw).map_err(|e| reasons.push(e)).ok();
    if !raw.wire.weight.is_finite() || raw.wire.weight == 0.0 {
        reasons.push("weight must be a non-zero number".into());
    }
    if raw.wire.id.trim().is_empty() {
        reasons.push("id must not be empty".into());
    } else if !seen.insert(raw.wire.id.clone()) {
        reasons.push("duplicate rule id".into());
    }
    let mut signals = Vec::new();
    for s in &raw.wire.signal {
        match Signal::parse(s) {
            Some(sig) => signals.push(sig),
            None => reasons
                .push(format!("unknown signal {s:?} (expected one of {})", Signal::ALL.map(|(_, n)| n).join(", "))),
        }
    }
    let sender_list = match raw.wire.sender_list.as_deref() {
        None => None,
        Some("carrier") => Some(SenderList::Carrier),
        Some("supplier") => Some(SenderList::Supplier),
        Some(other) => {
            reasons.push(format!("unknown sender_list {other:?} (expected carrier or supplier)"));
            None
        }
    };
    if raw.located.iter().all(Vec::is_empty) && signals.is_empty() && sender_list.is_none() {
        let names: Vec<&str> = MatchField::ALL.iter().map(|f| f.name()).collect();
        reasons.push(format!("a rule needs at least one matcher ({}, signal, sender_list)", names.join(", ")));
    }
    let ok = reasons.is_empty();
    for reason in reasons {
        let reason = format!("rule {:?}: {reason}", raw.wire.id);
        problems.push(RuleProblem { file: raw.file.clone(), line: raw.line, reason });
    }
    ok.then_some((target?, signals, sender_list))
}

pub(super) fn compile(raw: Vec<RawRule>, mut problems: Vec<RuleProblem>) -> Result<RuleSet, RulesError> {
    let mut fields: [Vec<Regex>; N] = Default::default();
    let mut unless_all = Vec::new();
    let mut seen = HashSet::new();
    let mut rules = Vec::new();
    for r in &raw {
        let checked = check_rule(r, &mut seen, &mut problems);
        let before = problems.len();
        let mut patterns: [Vec<usize>; N] = Default::default();
        for (i, located) in r.located.iter().enumerate() {
            patterns[i] = add(&mut fields[i], &r.file, located, &mut problems);
        }
        let unless = add(&mut unless_all, &r.file, &r.unless, &mut problems);
        if let (Some((target, signals, sender_list)), true) = (checked, problems.len() == before) {
            let (id, weight) = (r.wire.id.clone(), r.wire.weight);
            rules.push(Rule { id, target, weight, patterns, unless, signals, sender_list });
        }
    }
    if raw.is_empty() && problems.is_empty() {
        problems.push(RuleProblem { file: PathBuf::from("rules"), line: 0, reason: "no rules defined".into() });
    }
    if !problems.is_empty() {
        problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        return Err(RulesError(problems));
    }
    Ok(RuleSet { rules, fields, unless: unless_all })
}

/// One email's texts, lower-cased once, and which patterns matched.
struct Hits {
    texts: [String; N],
    hit: [Vec<bool>; N],
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
        let anywhere = format!("{joined}\n{}\n{}", input.rest, input.hidden);
        let raw: [&str; N] = [input.subject, input.body, &joined, input.hidden, &anywhere, input.sender, input.headers];
        let texts = raw.map(str::to_lowercase);
        let hit = std::array::from_fn(|i| self.fields[i].iter().map(|re| re.is_match(&texts[i])).collect());
        let unless = self.unless.iter().map(|re| re.is_match(&texts[2])).collect();
        let hits = Hits { texts, hit, unless };
        self.rules.iter().filter_map(|r| self.fire(r, input, &hits)).collect()
    }

    fn fire(&self, rule: &Rule, input: &RuleInput<'_>, h: &Hits) -> Option<Evidence> {
        let any = |idx: &[usize], hit: &[bool]| idx.iter().any(|&i| hit[i]);
        let ok = (0..N).all(|f| rule.patterns[f].is_empty() || any(&rule.patterns[f], &h.hit[f]))
            && rule.signals.iter().all(|s| input.signals.contains(s))
            && rule.sender_list.is_none_or(|l| input.sender_list == Some(l))
            && !any(&rule.unless, &h.unless);
        if !ok {
            return None;
        }
        let (field, matched) = self.what_matched(rule, input, h);
        Some(Evidence { rule: rule.id.clone(), target: rule.target, weight: rule.weight, field, matched })
    }

    /// The first matcher the rule names, with the (lower-cased) text its
    /// pattern matched.
    fn what_matched(&self, rule: &Rule, input: &RuleInput<'_>, h: &Hits) -> (super::Field, String) {
        for (f, field) in MatchField::ALL.iter().enumerate() {
            if let Some(&p) = rule.patterns[f].iter().find(|&&p| h.hit[f][p])
                && let Some(m) = self.fields[f][p].find(&h.texts[f])
            {
                return (field.evidence_field(), snippet(m.as_str()));
            }
        }
        if rule.sender_list.is_some() {
            return (super::Field::SenderList, input.sender.to_string());
        }
        (super::Field::Signal, format!("{:?}", rule.signals))
    }
}

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
