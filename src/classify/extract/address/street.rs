//! Street words and house numbers in our countries' languages.
//!
//! Input: one word, or one part that holds a street. Output: whether the
//! word names a kind of street ("Road", "Jl.", "rue", "-straße", "-gracht"),
//! whether it is a house number ("221B", "88/12", "B-41"), and the street
//! itself without the words that lead up to it ("my office at 14 MG Road" →
//! "14 MG Road"). Failure: `false`, or the part unchanged.

use super::words::{bare, capitalised, tokens};

/// Whole words, lower case, without a trailing dot.
const STREET_WORDS: &[&str] = &[
    // English, with Indian and Australian usage
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "av",
    "lane",
    "ln",
    "drive",
    "dr",
    "boulevard",
    "blvd",
    "way",
    "place",
    "pl",
    "court",
    "ct",
    "crescent",
    "cres",
    "close",
    "terrace",
    "tce",
    "parade",
    "pde",
    "highway",
    "hwy",
    "square",
    "sq",
    "row",
    "mews",
    "grove",
    "gardens",
    "gdns",
    "walk",
    "circle",
    "cir",
    "parkway",
    "pkwy",
    "esplanade",
    "quay",
    "wharf",
    "marg",
    "salai",
    "nagar",
    "sector",
    "colony",
    "layout",
    "chowk",
    "gali",
    "enclave",
    "vihar",
    "bagh",
    "lines",
    "cross",
    "main",
    "phase",
    "mohalla",
    "puram",
    "peth",
    "ganj",
    "bazaar",
    "bazar",
    "रोड",
    "मार्ग",
    "नगर",
    "गली",
    "सेक्टर",
    // Indonesian
    "jl",
    "jln",
    "jalan",
    "gang",
    "gg",
    "komplek",
    "perumahan",
    "perum",
    // Spanish
    "calle",
    "c/",
    "cl",
    "avenida",
    "avda",
    "paseo",
    "pº",
    "plaza",
    "pza",
    "carrer",
    "camino",
    "carretera",
    "ctra",
    "ronda",
    "travesía",
    "travesia",
    "glorieta",
    "rambla",
    "vía",
    "via",
    // French
    "rue",
    "boulevard",
    "bd",
    "bvd",
    "quai",
    "cours",
    "chemin",
    "allée",
    "allee",
    "impasse",
    "route",
    "passage",
    "faubourg",
    "fg",
    "promenade",
    "voie",
    // German and Dutch as separate words
    "straße",
    "strasse",
    "str",
    "gasse",
    "platz",
    "allee",
    "weg",
    "ring",
    "damm",
    "ufer",
    "laan",
    "straat",
    "plein",
    "kade",
    "singel",
    "dijk",
    "gracht",
];

/// Endings of German and Dutch compounds: "Hauptstraße", "Prinsengracht".
const STREET_ENDINGS: &[&str] = &[
    "gate", "straße", "strasse", "str.", "str", "gasse", "platz", "allee", "weg", "damm", "ufer", "steig", "markt",
    "laan", "gracht", "plein", "kade", "singel", "dijk", "straat", "steeg", "dreef", "ring",
];

pub(super) fn street_word(word: &str) -> bool {
    let w = bare(word).to_lowercase();
    let plain = w.trim_end_matches('.');
    if STREET_WORDS.contains(&plain) {
        return true;
    }
    // "C/Colón", "Jl.Sudirman": the street word glued to the name.
    if w.starts_with("c/") || w.starts_with("jl.") {
        return true;
    }
    capitalised(bare(word))
        && STREET_ENDINGS.iter().any(|e| w.ends_with(e) && w.chars().count() > e.chars().count() + 2)
}

/// Street words written before the name: "Jl. Sudirman", "Calle Mayor",
/// "rue de Rivoli", "place Bellecour".
const PREFIX_WORDS: &str = concat!(
    "jl jln jalan gang gg komplek perumahan perum calle c/ cl avenida avda av paseo pº plaza pza carrer ",
    "camino carretera ctra ronda travesía travesia glorieta rambla vía via rue boulevard bd bvd quai cours ",
    "chemin allée allee impasse route passage faubourg fg promenade voie place avenue",
);

/// A street named without a house number: "MG Road", "Hauptstraße",
/// "Calle Mayor"; not "my new place" nor "Dr. Anita Rao" (a title).
pub(super) fn named_street(part: &str) -> bool {
    let toks = tokens(part);
    toks.iter().enumerate().any(|(i, w)| {
        let word = bare(w.text);
        let low = word.to_lowercase();
        let plain = low.trim_end_matches('.');
        if !street_word(w.text) {
            return false;
        }
        let compound = !STREET_WORDS.contains(&plain) && !low.starts_with("c/") && !low.starts_with("jl.");
        let name_before = i
            .checked_sub(1)
            .and_then(|j| toks.get(j))
            .is_some_and(|p| capitalised(bare(p.text)) && !NOT_A_NAME.contains(&bare(p.text)));
        let name_after = PREFIX_WORDS.split_whitespace().any(|p| p == plain) && toks.get(i + 1).is_some();
        compound || name_before || name_after
    })
}

/// "14", "221B", "88/12", "B-41", "5-9-12", "1st": short and mostly digits.
pub(super) fn house_number(word: &str) -> bool {
    let w = bare(word).trim_end_matches('.');
    let len = w.chars().count();
    let digits = w.chars().filter(char::is_ascii_digit).count();
    digits > 0
        && len <= 9
        && digits * 2 >= len.saturating_sub(1)
        && w.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-'))
}

/// Capitalised words that start a sentence rather than a street name.
const NOT_A_NAME: &[&str] = &[
    "I",
    "My",
    "Our",
    "The",
    "Please",
    "It",
    "Its",
    "It's",
    "Ich",
    "Meine",
    "Mein",
    "Unsere",
    "Die",
    "Der",
    "Mi",
    "Mis",
    "Ma",
    "Mon",
    "Notre",
    "Mijn",
    "Ons",
    "Het",
    "Saya",
    "Kami",
    "Now",
    "Jetzt",
    "Ahora",
    "Maintenant",
    "Nu",
    "Sekarang",
];

/// The street without the prose that leads up to it: from the first house
/// number, or from the first street word and the capitalised name before it.
pub(super) fn street_core(part: &str) -> &str {
    let toks = tokens(part);
    let Some(i) = toks.iter().position(|w| house_number(w.text) || street_word(w.text)) else {
        return part.trim();
    };
    let mut j = i;
    // "H.No. 1187", "Plot No. 5", "# 12": the number's own label stays.
    while j > 0 && toks.get(j - 1).is_some_and(|w| listed_prefix(w.text)) {
        j -= 1;
    }
    let starts_with_word = toks.get(i).is_some_and(|w| !house_number(w.text));
    while starts_with_word && j > 0 {
        let Some(prev) = toks.get(j - 1) else { break };
        let w = bare(prev.text);
        if !capitalised(w) || NOT_A_NAME.contains(&w) || prev.text.ends_with([':', ',']) {
            break;
        }
        j -= 1;
    }
    toks.get(j).and_then(|w| part.get(w.start..)).unwrap_or(part).trim()
}

/// Words that label the house number written after them.
fn listed_prefix(word: &str) -> bool {
    let w = word.trim_end_matches([':', '.']).to_lowercase();
    ["h.no", "h no", "hno", "no", "nº", "#", "house", "plot", "door", "nr"].contains(&w.as_str())
}
