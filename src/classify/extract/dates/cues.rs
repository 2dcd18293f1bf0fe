//! Roles: whether each date is new, old or neither, from its label in a
//! table or form, else from the words around it in its clause.
//!
//! A label (see `layout`) speaks first: its last qualifier ("awal" in
//! "Estimasi awal", "Revised" in "Revised Delivery Date"), else its last
//! cue. Bare stems ("entregasen", "Zustellung") count only where no fuller
//! phrase holds them.
//!
//! A cue before the date binds to the first date after it: the nearest cue
//! since the previous date wins ("originally due 18 Nov, now expected
//! 24 Nov"). An old modifier right before a new cue makes it old
//! ("originally expected on"), and a negation makes a new cue a refusal
//! ("please do NOT deliver on"), which counts as old. Without a cue
//! before it, a date joined to the previous one shares its role ("24 or
//! 25 Nov"), or turns new after an old one ("from 18 Nov to 24 Nov");
//! failing that, a cue after it decides (verb-final German and Dutch,
//! Hindi postpositions); a German or Dutch participle after it last of
//! all, new only when its clause plans or asks ("wird am 3.12. versandt"
//! but "heute versandt"). A refusal after a new date overrides it ("on
//! Monday, but I won't be home"); a negation closing a question does not.
//!
//! Input: text and the date spans, in text order. Output: one role per
//! span. Failure: none; without cues a date is `Unknown`.

use std::sync::LazyLock;

use regex::Regex;

use super::DateRole;
use super::clause::Clauses;
use super::lexicon::{Cue, LANGS, Place, alternation, compile, joined};
use super::words::{ahead, back, chars_between, next_word, windows};
use super::{intent, layout};

/// How far before a date its cue may stand, in characters.
const REACH_BEFORE: usize = 100;
/// How far after a date a cue may stand, in characters.
const REACH_AFTER: usize = 60;
/// How close an old modifier must be to colour the new cue after it.
const MODIFIER_REACH: usize = 25;
/// How far before a cue a negation may stand.
const NEGATION_REACH: usize = 40;
/// How close a tight cue must be.
const TIGHT_REACH: usize = 6;

/// Cues grouped by kind, one regex per kind.
static GROUPS: LazyLock<Vec<(Regex, Cue)>> = LazyLock::new(|| {
    let mut kinds: Vec<(Cue, Vec<&'static str>)> = Vec::new();
    for cue in LANGS.iter().flat_map(|l| l.cues) {
        match kinds.iter_mut().find(|(k, _)| same_kind(k, cue)) {
            Some((_, patterns)) => patterns.push(cue.pattern),
            None => kinds.push((*cue, vec![cue.pattern])),
        }
    }
    kinds
        .into_iter()
        .filter_map(|(kind, patterns)| {
            let alt = alternation(patterns, false);
            Some((compile(&format!(r"(?i)\b(?:{alt})\b"))?, kind))
        })
        .collect()
});

/// A label that is only a done deed: "Shipped", "Versandt".
static DONE: LazyLock<Option<Regex>> = LazyLock::new(|| compile(&format!(r"(?i)^(?:{})$", joined(|l| l.label_done))));

/// Label words, old then new: "awal", "original"; "terbaru", "revised".
static QUALIFIERS: LazyLock<Vec<(Regex, DateRole)>> = LazyLock::new(|| {
    [(joined(|l| l.label_old), DateRole::Old), (joined(|l| l.label_new), DateRole::New)]
        .into_iter()
        .filter_map(|(alt, role)| Some((compile(&format!(r"(?i)\b(?:{alt})(?:\b|$)"))?, role)))
        .collect()
});

/// "wird", "bitte", "zal": a participle after the date is a plan or a request.
static PARTICIPLE_FUTURE: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(&format!(r"(?i)\b(?:{})\b", joined(|l| l.participle_future))));

static NEGATION: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(&format!(r"(?i)\b(?:{})(?:\b|$)", joined(|l| l.negations))));

/// Words that list dates: "24 or 25", "24, 25", "24 oder 25", "24 या 25".
static LIST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(
        r"(?i)^[\s,]*(?:(?:or|and|o|y|u|oder|und|ou|et|of|en|atau|dan|या|और|ya|aur|&|/)[\s,]*)?(?:(?:on|am|el|le|op|the|de|pada|tanggal|tgl)\s+)?$",
    )
});

/// Words that move from one date to the next: "from 18 Nov to 24 Nov".
static TRANSITION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(
        r"(?i)^[\s,]*(?:to|→|->|auf|naar|a|al|au|ke|menjadi|jadi|but|aber|sondern|sino|pero|mais|maar|tapi|tetapi|lekin|बल्कि|पर|until|till|bis|tot|hingga|sampai|-|–)[\s,]+(?:(?:on|am|den|el|le|op|the|de|pada|tanggal|tgl)\s+)?$",
    )
});

fn same_kind(a: &Cue, b: &Cue) -> bool {
    (a.role, a.place, a.tight, a.modifier, a.participle, a.generic)
        == (b.role, b.place, b.tight, b.modifier, b.participle, b.generic)
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    cue: Cue,
}

/// What every date's role is judged against.
struct Context<'a> {
    text: &'a str,
    clauses: Clauses,
    before: Vec<Hit>,
    after: Vec<Hit>,
    all: Vec<Hit>,
}

pub(super) fn assign_roles(text: &str, spans: &[(usize, usize)]) -> Vec<DateRole> {
    let all = hits(text, spans);
    let pick = |place: Place| leftmost_longest(all.iter().filter(|h| h.cue.place == place).copied().collect());
    let ctx = Context {
        text,
        clauses: Clauses::new(text, spans),
        before: pick(Place::Before),
        after: pick(Place::After),
        all,
    };
    let labelled = labelled_roles(text, spans);
    let mut roles: Vec<DateRole> = Vec::with_capacity(spans.len());
    for (i, &span) in spans.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| spans.get(j).copied().zip(roles.get(j).copied()));
        let next_start = spans.get(i + 1).map_or(text.len(), |s| s.0);
        let label = labelled.get(i).copied().flatten();
        roles.push(label.unwrap_or_else(|| role_at(&ctx, span, prev, next_start)));
    }
    share_backwards(text, spans, &mut roles);
    intent::absences(text, spans, &ctx.clauses, &mut roles);
    roles
}

/// The role each date's label gives it, if any (see `layout`). In a row
/// that also holds an explicitly new date ("Revised ETA"), a date that
/// is new only by a generic label ("Scheduled delivery") is the plan it
/// replaces.
fn labelled_roles(text: &str, spans: &[(usize, usize)]) -> Vec<Option<DateRole>> {
    let labels = layout::labels(text, spans);
    let found: Vec<Option<(DateRole, bool)>> =
        labels.iter().map(|l| l.iter().find_map(|&l| label_role(text, l))).collect();
    let same_row = |a: usize, b: usize| text.get(a.min(b)..a.max(b)).is_some_and(|t| !t.contains('\n'));
    let explicit_new = |i: usize| {
        let start = spans.get(i).map_or(0, |s| s.0);
        spans.iter().zip(&found).any(|(s, f)| *f == Some((DateRole::New, true)) && same_row(s.0, start))
    };
    (0..found.len())
        .map(|i| match found.get(i).copied().flatten() {
            Some((DateRole::New, false)) if explicit_new(i) => Some(DateRole::Old),
            other => other.map(|(role, _)| role),
        })
        .collect()
}

/// The role a label gives its date, and whether a qualifier gave it: its
/// last qualifier ("awal" in "Estimasi awal", "Original" in "Original
/// EDD"), else its last cue, refused when the label holds a negation.
fn label_role(text: &str, (from, to): (usize, usize)) -> Option<(DateRole, bool)> {
    let label = text.get(from..to)?;
    if DONE.as_ref().is_some_and(|re| re.is_match(label.trim())) {
        return Some((DateRole::Old, true));
    }
    let last = |found: Vec<(usize, DateRole)>| found.into_iter().max_by_key(|&(end, _)| end).map(|(_, role)| role);
    let qualified = QUALIFIERS.iter().flat_map(|(re, role)| re.find_iter(label).map(|m| (m.end(), *role)));
    if let Some(role) = last(qualified.collect()) {
        return Some((role, true));
    }
    let cued = GROUPS.iter().flat_map(|(re, cue)| re.find_iter(label).map(|m| (m.end(), cue.role)));
    let role = last(cued.collect())?;
    let refused = NEGATION.as_ref().is_some_and(|re| re.is_match(label));
    Some((if refused { DateRole::Old } else { role }, false))
}

/// The role of the date at `start..end`, given the date before it.
fn role_at(
    ctx: &Context,
    (start, end): (usize, usize),
    prev: Option<((usize, usize), DateRole)>,
    next_start: usize,
) -> DateRole {
    let from = prev.map_or(0, |(p, _)| p.1).max(ctx.clauses.start(start));
    let from = from.max(back(ctx.text, start, REACH_BEFORE));
    let after = || after_role(ctx, start, end, next_start);
    let role = match before_role(ctx, from, start) {
        // "llegará el lunes pero no estaré en casa": refused after all.
        Some(DateRole::New) if after() == Some(DateRole::Old) => Some(DateRole::Old),
        Some(role) => Some(role),
        None => prev
            .and_then(|(p, r)| joined_role(ctx, p.1, start, r))
            .or_else(after)
            .or_else(|| participle_role(ctx, end, next_start)),
    };
    role.unwrap_or(DateRole::Unknown)
}

/// Every cue match near a date. Only the text within reach of a date is
/// searched: the cue regexes are large and Unicode word boundaries slow.
fn hits(text: &str, spans: &[(usize, usize)]) -> Vec<Hit> {
    let mut out = Vec::new();
    let reach = (REACH_BEFORE + NEGATION_REACH, REACH_AFTER + MODIFIER_REACH);
    for (from, to) in windows(text, spans.iter().copied(), reach) {
        let Some(window) = text.get(from..to) else {
            continue;
        };
        for (re, cue) in GROUPS.iter() {
            let found = re.find_iter(window);
            out.extend(found.map(|m| Hit { start: from + m.start(), end: from + m.end(), cue: *cue }));
        }
    }
    // A bare stem gives way to any phrase that holds it ("entregado el"),
    // and names a delivery it refers to ("la entrega del 20") rather than
    // one it asks for.
    let phrases: Vec<(usize, usize)> = out.iter().filter(|h| !h.cue.generic).map(|h| (h.start, h.end)).collect();
    out.retain(|h| {
        let refers = REFERS.contains(&next_word(text, h.end).as_str());
        !h.cue.generic || !(refers || phrases.iter().any(|&(s, e)| s < h.end && h.start < e))
    });
    out
}

/// Words after a delivery noun that point at a delivery already set:
/// "entrega del", "livraison du", "Lieferung vom", "delivery of".
const REFERS: &[&str] = &["del", "du", "vom", "van", "of", "dari"];

/// Overlapping cues: the one that starts first wins, then the longest.
fn leftmost_longest(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Hit> = Vec::new();
    for h in hits {
        if kept.last().is_none_or(|k| h.start >= k.end) {
            kept.push(h);
        }
    }
    kept
}

/// The nearest cue between `from` and the date at `start`.
fn before_role(ctx: &Context, from: usize, start: usize) -> Option<DateRole> {
    let hit = ctx
        .before
        .iter()
        .rev()
        .filter(|h| h.start >= from && h.start < start)
        .find(|h| !h.cue.tight || close(ctx.text, h.end, start))?;
    if hit.cue.role != DateRole::New {
        return Some(hit.cue.role);
    }
    let modified = ctx.before.iter().any(|m| {
        m.cue.modifier
            && m.start >= from
            && m.end <= hit.start
            && chars_between(ctx.text, m.end, hit.start) <= MODIFIER_REACH
    });
    let lead = back(ctx.text, hit.start, NEGATION_REACH).max(from);
    let lead = last_comma(ctx.text, lead, hit.start).unwrap_or(lead);
    let refused = negated(ctx, lead, hit.start) || negated(ctx, hit.end, start);
    Some(if modified || refused { DateRole::Old } else { DateRole::New })
}

/// The role a date takes from the date right before it.
fn joined_role(ctx: &Context, prev_end: usize, start: usize, prev: DateRole) -> Option<DateRole> {
    let between = ctx.text.get(prev_end..start)?;
    let matches = |re: &LazyLock<Option<Regex>>| re.as_ref().is_some_and(|re| re.is_match(between));
    if prev == DateRole::Old && matches(&TRANSITION) {
        return Some(DateRole::New);
    }
    let joined = matches(&LIST) || matches(&TRANSITION);
    (joined && prev != DateRole::Unknown).then_some(prev)
}

/// A cue after the date, up to the next date, comma or clause end. An old
/// cue there outweighs a new one: "को डिलीवर होना था" was due.
fn after_role(ctx: &Context, start: usize, end: usize, next_start: usize) -> Option<DateRole> {
    let limit = ahead(ctx.text, end, REACH_AFTER).min(next_start).min(ctx.clauses.end(end));
    let limit = ctx.text.get(end..limit).and_then(|t| t.find(',')).map_or(limit, |i| end + i);
    let near: Vec<&Hit> = ctx
        .after
        .iter()
        .filter(|h| !h.cue.participle && h.start >= start && h.end > end && h.start < limit)
        .filter(|h| !h.cue.tight || close(ctx.text, end, h.start))
        .collect();
    if near.iter().any(|h| h.cue.role == DateRole::Old) {
        return Some(DateRole::Old);
    }
    let hit = near.iter().find(|h| h.cue.role == DateRole::New)?;
    let tail = ahead(ctx.text, hit.end, MODIFIER_REACH).min(ctx.clauses.end(end));
    Some(if negated(ctx, end, tail) { DateRole::Old } else { DateRole::New })
}

/// A participle after the date, with no other cue for it: a plan or a
/// request when its clause says so ("wird am 3.12. versandt", "bitte am
/// 3.12. geliefert"), else a fact ("heute versandt", "haben wir heute
/// versandt"); refused with a negation ("wordt vandaag niet bezorgd").
fn participle_role(ctx: &Context, end: usize, next_start: usize) -> Option<DateRole> {
    let limit = ahead(ctx.text, end, REACH_AFTER).min(next_start).min(ctx.clauses.end(end));
    let hit = ctx.after.iter().find(|h| h.cue.participle && h.start >= end && h.start < limit)?;
    let clause = ctx.text.get(ctx.clauses.start(end)..ctx.clauses.end(end)).unwrap_or_default();
    let planned = PARTICIPLE_FUTURE.as_ref().is_some_and(|re| re.is_match(clause));
    Some(if planned && !negated(ctx, end, hit.start) { DateRole::New } else { DateRole::Old })
}

/// "24 or 25 Nov would be great": the first date of a list takes the role
/// the last one found after it.
fn share_backwards(text: &str, spans: &[(usize, usize)], roles: &mut [DateRole]) {
    for i in (1..spans.len()).rev() {
        let (Some(prev), Some(next)) = (spans.get(i - 1), spans.get(i)) else {
            continue;
        };
        let listed = text.get(prev.1..next.0).is_some_and(|t| LIST.as_ref().is_some_and(|re| re.is_match(t)));
        let role = roles.get(i).copied().filter(|_| listed);
        if let (Some(role), Some(r)) = (role, roles.get_mut(i - 1))
            && *r == DateRole::Unknown
        {
            *r = role;
        }
    }
}

/// A negation between `from` and `to` that is not part of a new cue ("no
/// later than", Hindi "tak"), a number sign ("order no. 12") nor a
/// question tag.
fn negated(ctx: &Context, from: usize, to: usize) -> bool {
    let Some(re) = NEGATION.as_ref() else {
        return false;
    };
    let Some(window) = ctx.text.get(from..to.max(from)) else {
        return false;
    };
    re.find_iter(window).any(|m| {
        let (s, e) = (from + m.start(), from + m.end());
        let in_cue = ctx.all.iter().any(|h| h.cue.role == DateRole::New && h.start < e && s < h.end);
        let number_sign = ctx
            .text
            .get(e..)
            .is_some_and(|t| t.trim_start().starts_with(|c: char| c.is_ascii_digit() || ".#:".contains(c)));
        !in_cue && !number_sign && !question_tag(ctx, e)
    })
}

/// A negation that closes a question asks rather than refuses: "bisa
/// diantar lusa aja nggak, hari Jumat?", "on Friday, or not?", "¿el 27,
/// no?". The sentence may run on past a wrapped line.
fn question_tag(ctx: &Context, end: usize) -> bool {
    let rest = ctx.text.get(end..ahead(ctx.text, end, REACH_AFTER)).unwrap_or_default().trim_start();
    let sentence = rest.split("\n\n").next().unwrap_or_default();
    let asks = sentence.chars().find(|c| ".!?".contains(*c)) == Some('?');
    rest.starts_with('?') || (rest.starts_with(',') && asks)
}

/// Only spaces and light punctuation between a tight cue and its date.
fn close(text: &str, from: usize, to: usize) -> bool {
    from >= to
        || (chars_between(text, from, to) <= TIGHT_REACH
            && text.get(from..to).is_some_and(|t| t.chars().all(|c| c.is_whitespace() || ",:-(".contains(c))))
}

/// Just after the last comma in `from..to`: a negation before it belongs
/// to another clause ("No, please deliver on 26 Nov").
fn last_comma(text: &str, from: usize, to: usize) -> Option<usize> {
    text.get(from..to)?.rfind(',').map(|i| from + i + 1)
}

#[cfg(test)]
pub(super) fn patterns_compile() -> bool {
    let kinds = LANGS.iter().flat_map(|l| l.cues).fold(Vec::<Cue>::new(), |mut kinds, c| {
        if !kinds.iter().any(|k| same_kind(k, c)) {
            kinds.push(*c);
        }
        kinds
    });
    [&NEGATION, &LIST, &TRANSITION, &PARTICIPLE_FUTURE, &DONE].iter().all(|re| re.is_some())
        && GROUPS.len() == kinds.len()
        && QUALIFIERS.len() == 2
}
