//! Countries and regions as customers write them in an address.
//!
//! Input: one address part. Output: the ISO 3166-1 alpha-2 code the part
//! names ([`whole`], [`trailing`]), or whether it names a state or province
//! ([`is_region`], [`split_region`]). Failure: `None` / `false`; a country is
//! never inferred from a postcode or a city.

use super::words::tokens;

/// Names in English and the local languages, compared in lower case.
const NAMES: &[(&str, &str)] = &[
    ("india", "IN"),
    ("bharat", "IN"),
    ("भारत", "IN"),
    ("hindustan", "IN"),
    ("indien", "IN"),
    ("inde", "IN"),
    ("indonesia", "ID"),
    ("indonesien", "ID"),
    ("indonésie", "ID"),
    ("indonesië", "ID"),
    ("spain", "ES"),
    ("españa", "ES"),
    ("espana", "ES"),
    ("espagne", "ES"),
    ("spanien", "ES"),
    ("spanje", "ES"),
    ("spanyol", "ES"),
    ("germany", "DE"),
    ("deutschland", "DE"),
    ("allemagne", "DE"),
    ("alemania", "DE"),
    ("duitsland", "DE"),
    ("jerman", "DE"),
    ("austria", "AT"),
    ("österreich", "AT"),
    ("oesterreich", "AT"),
    ("osterreich", "AT"),
    ("autriche", "AT"),
    ("oostenrijk", "AT"),
    ("france", "FR"),
    ("frankreich", "FR"),
    ("francia", "FR"),
    ("frankrijk", "FR"),
    ("prancis", "FR"),
    ("perancis", "FR"),
    ("australia", "AU"),
    ("australien", "AU"),
    ("australie", "AU"),
    ("australië", "AU"),
    ("united kingdom", "GB"),
    ("the united kingdom", "GB"),
    ("great britain", "GB"),
    ("britain", "GB"),
    ("england", "GB"),
    ("scotland", "GB"),
    ("wales", "GB"),
    ("northern ireland", "GB"),
    ("reino unido", "GB"),
    ("royaume-uni", "GB"),
    ("royaume uni", "GB"),
    ("vereinigtes königreich", "GB"),
    ("großbritannien", "GB"),
    ("grossbritannien", "GB"),
    ("verenigd koninkrijk", "GB"),
    ("inggris", "GB"),
    ("britania raya", "GB"),
    ("united states", "US"),
    ("the united states", "US"),
    ("united states of america", "US"),
    ("america", "US"),
    ("estados unidos", "US"),
    ("états-unis", "US"),
    ("etats-unis", "US"),
    ("vereinigte staaten", "US"),
    ("verenigde staten", "US"),
    ("amerika serikat", "US"),
    ("netherlands", "NL"),
    ("the netherlands", "NL"),
    ("nederland", "NL"),
    ("holland", "NL"),
    ("niederlande", "NL"),
    ("países bajos", "NL"),
    ("paises bajos", "NL"),
    ("pays-bas", "NL"),
    ("belanda", "NL"),
];

/// Codes, compared in upper case only, dots removed ("U.S.A." → "USA"):
/// lower-case "in", "us", "at", "es" are ordinary words.
const CODES: &[(&str, &str)] = &[
    ("IN", "IN"),
    ("IND", "IN"),
    ("ID", "ID"),
    ("ES", "ES"),
    ("ESP", "ES"),
    ("DE", "DE"),
    ("DEU", "DE"),
    ("AT", "AT"),
    ("AUT", "AT"),
    ("FR", "FR"),
    ("FRA", "FR"),
    ("AU", "AU"),
    ("AUS", "AU"),
    ("UK", "GB"),
    ("GB", "GB"),
    ("GBR", "GB"),
    ("US", "US"),
    ("USA", "US"),
    ("NL", "NL"),
    ("NLD", "NL"),
];

/// The country a whole part names: "India", "España", "U.S.A.", "NL".
pub(super) fn whole(part: &str) -> Option<&'static str> {
    let t = part.trim().trim_matches(|c: char| matches!(c, '(' | ')' | ':' | '-' | '!' | '*')).trim();
    let code: String = t.chars().filter(|c| *c != '.').collect();
    if let Some((_, iso)) = CODES.iter().find(|(c, _)| *c == code) {
        return Some(iso);
    }
    let name = t.trim_end_matches('.').split_whitespace().collect::<Vec<_>>();
    let name = name.join(" ").to_lowercase();
    NAMES.iter().find(|(n, _)| *n == name).map(|(_, iso)| *iso)
}

/// A country written at the end of a longer part: "Bengaluru 560001 India"
/// → ("Bengaluru 560001", "IN").
pub(super) fn trailing(part: &str) -> Option<(&str, &'static str)> {
    let toks = tokens(part);
    for k in (1..=4usize).rev() {
        let Some(first) = toks.len().checked_sub(k).and_then(|i| toks.get(i)) else {
            continue;
        };
        let rest = part.get(..first.start).unwrap_or("").trim_end();
        if rest.is_empty() {
            continue;
        }
        if let Some(iso) = part.get(first.start..).and_then(whole) {
            return Some((rest.trim_end_matches([',', '-']).trim_end(), iso));
        }
    }
    None
}

/// US and Australian state codes, upper case as written after a city.
const REGION_CODES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
    "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "NSW", "VIC", "QLD", "SA", "TAS",
    "ACT", "NT",
];

/// Indian states and Indonesian provinces, compared in lower case. City
/// states whose name is also the city (Delhi) are left out on purpose.
const REGION_NAMES: &[&str] = &[
    "andhra pradesh",
    "arunachal pradesh",
    "assam",
    "bihar",
    "chhattisgarh",
    "goa",
    "gujarat",
    "haryana",
    "himachal pradesh",
    "jharkhand",
    "karnataka",
    "kerala",
    "madhya pradesh",
    "maharashtra",
    "manipur",
    "meghalaya",
    "mizoram",
    "nagaland",
    "odisha",
    "punjab",
    "rajasthan",
    "sikkim",
    "tamil nadu",
    "telangana",
    "tripura",
    "uttar pradesh",
    "uttarakhand",
    "west bengal",
    "jammu and kashmir",
    "ladakh",
    "कर्नाटक",
    "महाराष्ट्र",
    "राजस्थान",
    "उत्तर प्रदेश",
    "तमिलनाडु",
    "dki jakarta",
    "jawa barat",
    "jawa tengah",
    "jawa timur",
    "west java",
    "central java",
    "east java",
    "banten",
    "bali",
    "di yogyakarta",
    "diy",
    "sumatera utara",
    "sumatera barat",
    "sumatera selatan",
    "riau",
    "kepulauan riau",
    "lampung",
    "aceh",
    "kalimantan barat",
    "kalimantan timur",
    "kalimantan selatan",
    "kalimantan tengah",
    "sulawesi selatan",
    "sulawesi utara",
    "sulawesi tengah",
    "ntb",
    "ntt",
    "nusa tenggara barat",
    "nusa tenggara timur",
    "papua",
    "maluku",
    "bengkulu",
    "jambi",
    "bangka belitung",
    "gorontalo",
];

/// Whether a whole part is a region: "Karnataka", "NSW", "DKI Jakarta".
pub(super) fn is_region(part: &str) -> bool {
    let t = part.trim().trim_end_matches(['.', ',']).trim();
    if REGION_CODES.contains(&t) {
        return true;
    }
    let low = t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    REGION_NAMES.contains(&low.as_str())
}

/// Split a trailing region off the words before a postcode:
/// "Sydney NSW" → ("Sydney", Some("NSW")); "CA" → ("", Some("CA")).
pub(super) fn split_region(words: &str) -> (&str, Option<&str>) {
    let toks = tokens(words);
    for k in (1..=3usize).rev() {
        let Some(first) = toks.len().checked_sub(k).and_then(|i| toks.get(i)) else {
            continue;
        };
        let tail = words.get(first.start..).unwrap_or("").trim();
        if is_region(tail) {
            let head = words.get(..first.start).unwrap_or("").trim();
            return (head.trim_end_matches([',', '-']).trim_end(), Some(tail));
        }
    }
    (words.trim(), None)
}
