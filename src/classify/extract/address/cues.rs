//! The words that introduce a new address, and the text they introduce.
//!
//! Input: the newest text of an email. Output: candidate [`Block`]s: the
//! lines after a cue such as "new address", "please ship to", "need to go
//! to", "umleiten an", "sondern nach", "alamat baru", "नया पता", a sentence
//! ending "... address ye hai:" (or before "... is my new address"), cut
//! where the sentence or the address ends, or where an old address starts
//! ("instead of", "alte Adresse"), unless that sentence ends in a colon
//! that introduces the new block. A "Ship to:" form label below other text
//! (a forwarded confirmation, a carrier's notice) is not a cue. Failure: no
//! blocks.

use super::text::{Next, OLD, cut, sentence_end, sentence_start};
use super::words::compile;
use regex::Regex;
use std::sync::LazyLock;

/// The lines a cue introduces; `start` is the cue's byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Block {
    pub start: usize,
    /// 2 for an explicit new or corrected address, 1 for "ship to", "moved to".
    pub strength: u8,
    pub lines: Vec<String>,
}

/// Cues that say the address is new or corrected.
static STRONG: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)\b(?:",
        // English
        r"new\s+(?:delivery\s+|shipping\s+|postal\s+|mailing\s+|home\s+|office\s+)?address(?:\s+(?:is|will\s+be|would\s+be))?",
        r"|(?:correct|right|proper|updated|full|complete|actual|exact)\s+(?:delivery\s+|shipping\s+|postal\s+)?address\s+(?:is|should\s+be|will\s+be)",
        r"|address\s+should\s+(?:be|read)",
        r"|(?:change|update|correct|amend|modify|switch)(?:d|s)?\s+(?:(?:my|the|our|your|this)\s+)?(?:(?:delivery|shipping|postal)\s+)?address",
        r"(?:\s+(?:for|on|of)\s+(?:my\s+|the\s+)?order\s*\S*)?(?:\s+from\s+[^\n]{1,120}?)?\s+(?:to|with|as)\b",
        r"|address\s+(?:has\s+)?changed\s+(?:from\s+[^\n]{1,120}?\s+)?to\b",
        r"|(?:change|update|correct|amend|modify)(?:d|s)?[ \t]+(?:[^\s.?!]+[ \t]+){0,6}?address(?:[ \t]+[^\s.?!]+){0,6}?[ \t]+(?:to|as)\b",
        r"|(?:change|update)(?:d|s)?[ \t]+(?:my|the)[ \t]+(?:(?:delivery|shipping)[ \t]+)?address[ \t]*:",
        r"|(?:change|update|correct)(?:\s+it)?\s+to\b|the\s+new\s+one(?:\s+is)?\s*:",
        r"|(?:new|neu|neue|nueva|nuevo|nouvelle|nouveau|baru|nieuw|nieuwe|naya)\s*[:：]",
        // Hindi, Devanagari and romanised
        r"|(?:naya|nayaa|nya)\s+(?:address|pata|adress)(?:\s+(?:hai|h|he))?",
        r"|नया\s+(?:पता|एड्रेस)(?:\s+है)?|नए\s+पते\s+पर|पता\s+बदल\S*(?:\s+(?:दें|दीजिए|दो))?",
        r"|address\s+(?:change|badal|update)[ \t]*(?:kar[ \t]*(?:do|dijiye|dein|de|den)|karna[ \t]+hai|karein|karo)?",
        // Indonesian
        r"|alamat\s+(?:baru|yang\s+benar|yang\s+betul)(?:nya)?(?:\s+(?:saya|kami))?(?:\s+(?:adalah|yaitu|ialah|di))?",
        r"|(?:ganti|ubah|perbarui|update)\s+alamat(?:[ \t]+[^\s.?!]+){0,5}?[ \t]+(?:menjadi|jadi|ke)\b",
        // Spanish
        r"|(?:nueva\s+direcci[oó]n|direcci[oó]n\s+nueva)(?:\s+de\s+(?:entrega|env[ií]o))?(?:\s+es)?",
        r"|direcci[oó]n\s+(?:correcta|buena|actualizada|exacta)\s+es",
        r"|cambi\w*[ \t]+(?:[^\s.?!]+[ \t]+){0,5}?direcci[oó]n(?:[ \t]+[^\s.?!]+){0,6}?[ \t]+(?:a|por)\b",
        // German
        r"|neue\s+(?:Liefer|Versand|Post|Wohn)?(?:adresse|anschrift)(?:\s+(?:lautet|ist))?",
        r"|(?:richtige|korrekte)\s+(?:Liefer)?(?:adresse|anschrift)\s+(?:lautet|ist)",
        r"|(?:Liefer|Versand)?adresse\s+(?:ändern|geändert|aktualisieren)\s+(?:auf|in|zu|nach)\b",
        r"|(?:ändern|aktualisieren|korrigieren)[ \t]+Sie[ \t]+(?:[^\s.?!]+[ \t]+){0,5}?\S*(?:adresse|anschrift)",
        r"(?:[ \t]+[^\s.?!]+){0,5}?[ \t]+(?:auf|in|zu|nach)\b",
        r"|(?:Liefer|Versand)?(?:adresse|anschrift)(?:[ \t]+[^\s.?!:]+){0,6}?[ \t]+(?:bitte[ \t]+)?auf\b",
        // French
        r"|nouvelle\s+adresse(?:\s+de\s+livraison)?(?:\s+(?:est|sera))?",
        r"|(?:l'|l’|la\s+)?adresse\s+(?:correcte|exacte|bonne)\s+est|bonne\s+adresse\s+est",
        r"|(?:chang|modifi|corrig)\w*[ \t]+(?:[^\s.?!]+[ \t]+){0,5}?[^\s.?!]*adresse(?:[ \t]+[^\s.?!]+){0,6}?[ \t]+(?:pour|en|à|par)\b",
        // Dutch
        r"|nieuwe?\s+(?:bezorg|lever|post|woon)?adres(?:\s+is)?",
        r"|(?:juiste|correcte|goede)\s+adres\s+is",
        r"|\S*adres(?:[ \t]+[^\s.?!]+){0,6}?[ \t]+(?:wijzigen|veranderen|aanpassen)[ \t]+(?:naar|in)\b",
        r"|(?:wijzig|verander|pas)\w*[ \t]+(?:[^\s.?!]+[ \t]+){0,5}?\S*adres(?:[ \t]+[^\s.?!]+){0,6}?[ \t]+(?:naar|in)\b",
        r")",
    ))
});

/// Cues that ask to send somewhere: weaker, since they also name old places.
static WEAK: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)\b(?:",
        r"(?:ship|deliver|send|redirect|forward|re-?route|dispatch|post|mail)\s+",
        r"(?:(?:it|this|them|these|(?:the|this|my|our|that|these)\s+(?:order|parcel|package|items?|shipment|goods|delivery|box|boxes|purchase))\s+)?",
        r"(?:(?:order\s+)?(?:#\s*)?[A-Za-z]{0,4}-?\d{4,}\s+)?",
        r"(?:instead\s+)?to\b(?:\s+(?:this|the\s+following|my\s+new|the\s+new)\s+address)?",
        r"|(?:now\s+)?(?:live|living|reside|residing|staying|located)\s+at\b",
        r"|(?:(?:need|want|like|have|get)[ \t]+(?:it|this|them|(?:my|the)[ \t]+(?:order|parcel|package|items?|shipment)(?:[ \t]+#?\S*\d\S*)?)[ \t]+",
        r"(?:to[ \t]+be[ \t]+)?|(?:should|must|can|could)[ \t]+be[ \t]+|to[ \t]+be[ \t]+)(?:delivered|shipped|sent|redirected|forwarded)[ \t]+to\b",
        // "the lamps need to go to our new home"
        r"|(?:need|needs|has|have|should|must|can|could)\s+(?:to\s+)?go\s+to\b",
        r"|(?:have\s+|'ve\s+)?moved\s+(?:house\s+)?(?:from\s+[^\n]{1,120}?\s+)?to\b",
        r"|(?:is|iss|ye|yeh)\s+(?:address|pate)\s+(?:par|pe)\s+(?:bhej|deliver)\w*(?:\s+(?:do|dein|dijiye|karein|karo))?",
        r"|(?:di)?(?:kirim|alihkan|antar)(?:kan)?(?:\s+(?:paket|pesanan|barang)(?:nya)?)?\s+ke(?:\s+alamat(?:\s+(?:ini|berikut))?)?\b",
        r"|(?:enviar|env[ií]en|env[ií]a|mandar|manden|entregar|entr[eé]guen|remitir|redirigir|redirijan)(?:lo|la|los|las)?\s+(?:(?:el|mi)\s+(?:pedido|paquete)\s+)?a\b",
        r"|(?:bitte\s+)?(?:liefern|senden|schicken|zustellen|umleiten|weiterleiten|umadressieren)(?:\s+Sie)?(?:\s+(?:es|das\s+Paket|die\s+Bestellung|die\s+Ware|die\s+Sendung))?(?:\s+bitte)?\s+(?:an|nach)\b",
        r"(?:\s+(?:folgende|die\s+neue|meine\s+neue)\s+(?:Adresse|Anschrift))?|an\s+folgende\s+(?:Adresse|Anschrift)",
        r"|(?:livrer|envoyer|exp[ée]dier|livrez|envoyez|exp[ée]diez|r[ée]exp[ée]dier|rediriger)(?:-le|-la|-les)?(?:\s+(?:le\s+colis|la\s+commande|mon\s+colis|ma\s+commande))?\s+(?:à|a|chez|vers)\b",
        r"|(?:bezorgen|leveren|verzenden|sturen|versturen|stuur|verstuur|bezorg|lever|verzend|omleiden)(?:\s+(?:het|de\s+bestelling|het\s+pakket|mijn\s+pakket))?\s+(?:op|naar|aan)\b",
        // "not to Hamburg, but to my sister in ...": what follows "but" is new.
        r"|(?:sondern|but|sino|mais|maar|tapi|tetapi|melainkan)\s+(?:zu|nach|an|to|a|à|chez|naar|ke)\b",
        r")",
    ))
});

/// A line that ends in a colon and says, as a sentence, that it gives an
/// address: "Ghar ka address ye hai:", "Here is my home address:".
static INTRO: LazyLock<Regex> = LazyLock::new(|| {
    const NOUN: &str = r"(?:address|adresse|anschrift|alamat\w*|direcci[oó]n|adres|pata)";
    const IS: &str = r"(?:is|hai|he|ist|lautet|es|est|adalah|yaitu|ialah|ini|here|below|unten|aquí|voici|hier)";
    compile(&format!(r"(?im)^(?:[^\n:]*\b{IS}\b[^\n:]*\b{NOUN}|[^\n:]*\b{NOUN}\b[^\n:]*\b{IS})\b[^\n:]*:[ \t]*$"))
});

/// A form label rather than a request: "Ship to:" at the start of a line
/// (or after another label, "Alamat pengiriman / Ship to:") below other
/// text, as a forwarded order confirmation or a carrier's notice prints the
/// address it already has. A message that opens with it is the sender's own.
fn form_label(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.get(line_start..).unwrap_or("").trim();
    let after = text.get(end..).unwrap_or("").trim_start_matches([' ', '\t']);
    let below_text = !before.get(..line_start).unwrap_or("").trim().is_empty();
    below_text && (line.is_empty() || line.ends_with(['/', '|'])) && after.starts_with([':', '：'])
}

/// Cues written after the address: "... is my new address".
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)\s*(?:is|will\s+be)\s+(?:my|our|the)\s+(?:new|correct|updated)\s+(?:delivery\s+|shipping\s+)?address",
        r"|\s*ist\s+(?:meine|unsere|die)\s+neue\s+(?:Liefer)?(?:adresse|anschrift)",
        r"|\s*es\s+(?:mi|nuestra|la)\s+nueva\s+direcci[oó]n|\s*est\s+(?:ma|notre|la)\s+nouvelle\s+adresse",
        r"|\s*is\s+(?:mijn|ons|het)\s+nieuwe?\s+adres|\s*adalah\s+alamat\s+baru",
    ))
});

/// Words right before a cue that negate it: "do not ship to".
/// A carrier's "unable to deliver to" names the address that failed.
const NEGATIONS: &str = concat!(
    "not don't dont never nicht nie no jangan niet pas mat nahi मत नहीं unable cannot can't couldn't ",
    "failed attempted tried attempt attempting unsuccessful konnten pudimos impossible gagal",
);

/// Every block a cue introduces, in text order.
pub(super) fn cued_blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for (re, strength) in [(&*STRONG, 2u8), (&*WEAK, 1u8), (&*INTRO, 1u8)] {
        for m in re.find_iter(text) {
            let intro = std::ptr::eq(re, &*INTRO);
            if negated(text.get(..m.start()).unwrap_or(""))
                || (strength == 1 && form_label(text, m.start(), m.end()))
                || (intro && OLD.is_match(m.as_str()))
            {
                continue;
            }
            let lines = lines_after(text, m.end());
            if !lines.is_empty() {
                out.push(Block { start: m.start(), strength, lines });
            }
        }
    }
    for m in AFTER.find_iter(text) {
        let before = text.get(..m.start()).unwrap_or("");
        let line = before.get(sentence_start(before)..).unwrap_or("").trim();
        if !line.is_empty() {
            out.push(Block { start: m.start(), strength: 2, lines: vec![line.to_string()] });
        }
    }
    out.sort_by_key(|b| b.start);
    out
}

fn negated(before: &str) -> bool {
    let words: Vec<String> = before.split_whitespace().rev().take(2).map(|w| w.to_lowercase()).collect();
    words.iter().any(|w| NEGATIONS.split_whitespace().any(|n| n == w))
}

/// The address a cue at `from` introduces: the rest of its line up to the
/// end of the sentence (or the next sentences, while no address has shown),
/// then the following lines while they go on. An old address named in the
/// cue's sentence ends the block, unless that sentence ends in a colon:
/// "to my new villa instead of the Kuta address:" introduces the new one.
fn lines_after(text: &str, from: usize) -> Vec<String> {
    let rest = text.get(from..).unwrap_or("");
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let first = rest.get(..line_end).unwrap_or("");
    let lead = first.len()
        - first
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | '：' | '-' | '–' | '—' | '=' | '>' | '"' | '“' | ',')
            })
            .len();
    let mut lines: Vec<String> = Vec::new();
    let mut at = lead;
    let mut next_line = (line_end + 1).min(rest.len());
    for _ in 0..3 {
        let (seg, next) = cut(rest.get(at..line_end).unwrap_or(""));
        push_line(&mut lines, seg);
        match next {
            Next::At(r) if !has_digit(&lines) => at += r,
            Next::At(_) => return lines,
            Next::End => match block_after_old(rest, at + seg.len()) {
                Some(p) => {
                    next_line = p;
                    break;
                }
                None => return lines,
            },
            Next::Line => break,
        }
    }
    following_lines(rest, next_line, &mut lines);
    lines
}

/// The lines from `start` on while they go on as an address.
fn following_lines(rest: &str, start: usize, lines: &mut Vec<String>) {
    let mut pos = start;
    let mut skipped_blank = false;
    while pos < rest.len() {
        let end = rest.get(pos..).and_then(|r| r.find('\n')).map_or(rest.len(), |i| pos + i);
        let raw = rest.get(pos..end).unwrap_or("");
        pos = end + 1;
        let l = raw.trim();
        if l.is_empty() {
            // "New address:" then a blank line, then the address.
            if !has_digit(lines) && !skipped_blank {
                skipped_blank = true;
                continue;
            }
            break;
        }
        if prose_line(l) || lines.len() >= 10 {
            break;
        }
        let (seg, next) = cut(l);
        push_line(lines, seg);
        if next == Next::End {
            let old_at = end - raw.len() + (raw.len() - raw.trim_start().len()) + seg.len();
            match block_after_old(rest, old_at) {
                Some(p) => {
                    pos = p;
                    skipped_blank = false;
                    continue;
                }
                None => break,
            }
        }
        if next != Next::Line && has_digit(lines) {
            break;
        }
    }
}

/// Too long for an address line: more than 14 words, unless commas cut it
/// into short pieces ("Jl. Ir. H. Juanda No. 88, Kel. Dago, Kec. Coblong, ...").
fn prose_line(l: &str) -> bool {
    let pieces: Vec<usize> = l.split(',').map(|p| p.split_whitespace().count()).collect();
    let words: usize = pieces.iter().sum();
    words > 14 && (pieces.len() < 4 || pieces.iter().any(|n| *n > 6))
}

/// Where the new address starts when the old-address words at `old` sit in
/// a sentence that goes on to a colon: right after the colon, or the next
/// line when nothing follows it on its own. `None` when the sentence ends
/// first, or when the colon introduces the old address itself ("the old
/// one, which is:").
fn block_after_old(rest: &str, old: usize) -> Option<usize> {
    let mut pos = old;
    for _ in 0..3 {
        let end = rest.get(pos..).and_then(|r| r.find('\n')).map_or(rest.len(), |i| pos + i);
        let line = rest.get(pos..end)?;
        let colon = line.char_indices().find(|(i, c)| {
            let next = line.get(i + c.len_utf8()..).and_then(|r| r.chars().next());
            matches!(c, ':' | '：') && !next.is_some_and(|n| n.is_ascii_digit())
        });
        let stop = sentence_end(line);
        match colon {
            Some((i, c)) if stop.is_none_or(|e| i < e) => {
                let after = pos + i + c.len_utf8();
                if OLD_INTRO.is_match(rest.get(old..after)?) {
                    return None;
                }
                let same_line = !rest.get(after..end)?.trim().is_empty();
                return if same_line { Some(after) } else { (end < rest.len()).then_some(end + 1) };
            }
            _ if line.trim().is_empty() || stop.is_some() => return None,
            _ => {}
        }
        pos = end + 1;
        if pos >= rest.len() {
            return None;
        }
    }
    None
}

/// "..., which is:": the colon gives the old address just named.
static OLD_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:which|that|das|die|welche|qui|que|yang|dat)\s+(?:is|was|ist|war|est|était|es|era|adalah)\s*[:：]\s*$",
    )
});

fn has_digit(lines: &[String]) -> bool {
    lines.iter().any(|l| l.chars().any(|c| c.is_ascii_digit()))
}

fn push_line(lines: &mut Vec<String>, seg: &str) {
    // A stop word can leave the sentence's own full stop in front: ". Anna Salai".
    let seg = seg.trim().trim_start_matches(['.', ',', ';', ':', '!', '?']).trim_end_matches([',', ';', ':']).trim();
    if !seg.is_empty() {
        lines.push(seg.to_string());
    }
}
