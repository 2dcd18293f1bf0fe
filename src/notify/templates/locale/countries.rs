//! Country names by ISO 3166-1 alpha-2 code: the countries the brands ship
//! to and their neighbours. An unknown code is shown as the code.

use super::Lang;

/// Code, then the name in en, hi, id, es, de, fr, nl.
const COUNTRIES: &[(&str, [&str; 7])] = &[
    (
        "AE",
        [
            "United Arab Emirates",
            "संयुक्त अरब अमीरात",
            "Uni Emirat Arab",
            "Emiratos Árabes Unidos",
            "Vereinigte Arabische Emirate",
            "Émirats arabes unis",
            "Verenigde Arabische Emiraten",
        ],
    ),
    ("AT", ["Austria", "ऑस्ट्रिया", "Austria", "Austria", "Österreich", "Autriche", "Oostenrijk"]),
    ("AU", ["Australia", "ऑस्ट्रेलिया", "Australia", "Australia", "Australien", "Australie", "Australië"]),
    ("BE", ["Belgium", "बेल्जियम", "Belgia", "Bélgica", "Belgien", "Belgique", "België"]),
    ("CA", ["Canada", "कनाडा", "Kanada", "Canadá", "Kanada", "Canada", "Canada"]),
    ("CH", ["Switzerland", "स्विट्ज़रलैंड", "Swiss", "Suiza", "Schweiz", "Suisse", "Zwitserland"]),
    ("CN", ["China", "चीन", "Tiongkok", "China", "China", "Chine", "China"]),
    ("DE", ["Germany", "जर्मनी", "Jerman", "Alemania", "Deutschland", "Allemagne", "Duitsland"]),
    ("DK", ["Denmark", "डेनमार्क", "Denmark", "Dinamarca", "Dänemark", "Danemark", "Denemarken"]),
    ("ES", ["Spain", "स्पेन", "Spanyol", "España", "Spanien", "Espagne", "Spanje"]),
    ("FR", ["France", "फ़्रांस", "Prancis", "Francia", "Frankreich", "France", "Frankrijk"]),
    (
        "GB",
        [
            "United Kingdom",
            "यूनाइटेड किंगडम",
            "Inggris Raya",
            "Reino Unido",
            "Vereinigtes Königreich",
            "Royaume-Uni",
            "Verenigd Koninkrijk",
        ],
    ),
    ("ID", ["Indonesia", "इंडोनेशिया", "Indonesia", "Indonesia", "Indonesien", "Indonésie", "Indonesië"]),
    ("IE", ["Ireland", "आयरलैंड", "Irlandia", "Irlanda", "Irland", "Irlande", "Ierland"]),
    ("IN", ["India", "भारत", "India", "India", "Indien", "Inde", "India"]),
    ("IT", ["Italy", "इटली", "Italia", "Italia", "Italien", "Italie", "Italië"]),
    ("JP", ["Japan", "जापान", "Jepang", "Japón", "Japan", "Japon", "Japan"]),
    ("LK", ["Sri Lanka", "श्रीलंका", "Sri Lanka", "Sri Lanka", "Sri Lanka", "Sri Lanka", "Sri Lanka"]),
    ("LU", ["Luxembourg", "लक्ज़मबर्ग", "Luksemburg", "Luxemburgo", "Luxemburg", "Luxembourg", "Luxemburg"]),
    ("MX", ["Mexico", "मेक्सिको", "Meksiko", "México", "Mexiko", "Mexique", "Mexico"]),
    ("MY", ["Malaysia", "मलेशिया", "Malaysia", "Malasia", "Malaysia", "Malaisie", "Maleisië"]),
    ("NL", ["Netherlands", "नीदरलैंड्स", "Belanda", "Países Bajos", "Niederlande", "Pays-Bas", "Nederland"]),
    ("NP", ["Nepal", "नेपाल", "Nepal", "Nepal", "Nepal", "Népal", "Nepal"]),
    (
        "NZ",
        ["New Zealand", "न्यूज़ीलैंड", "Selandia Baru", "Nueva Zelanda", "Neuseeland", "Nouvelle-Zélande", "Nieuw-Zeeland"],
    ),
    ("PH", ["Philippines", "फ़िलीपींस", "Filipina", "Filipinas", "Philippinen", "Philippines", "Filipijnen"]),
    ("PL", ["Poland", "पोलैंड", "Polandia", "Polonia", "Polen", "Pologne", "Polen"]),
    ("PT", ["Portugal", "पुर्तगाल", "Portugal", "Portugal", "Portugal", "Portugal", "Portugal"]),
    ("SE", ["Sweden", "स्वीडन", "Swedia", "Suecia", "Schweden", "Suède", "Zweden"]),
    ("SG", ["Singapore", "सिंगापुर", "Singapura", "Singapur", "Singapur", "Singapour", "Singapore"]),
    ("TH", ["Thailand", "थाईलैंड", "Thailand", "Tailandia", "Thailand", "Thaïlande", "Thailand"]),
    (
        "US",
        [
            "United States",
            "संयुक्त राज्य अमेरिका",
            "Amerika Serikat",
            "Estados Unidos",
            "Vereinigte Staaten",
            "États-Unis",
            "Verenigde Staten",
        ],
    ),
    ("VN", ["Vietnam", "वियतनाम", "Vietnam", "Vietnam", "Vietnam", "Viêt Nam", "Vietnam"]),
];

/// The country's name in the language, or the code when it is not listed.
pub(in crate::notify::templates) fn country_name(code: &str, tag: &str) -> String {
    let code = code.trim().to_ascii_uppercase();
    let column = match Lang::of(tag) {
        Lang::En => 0,
        Lang::Hi => 1,
        Lang::Id => 2,
        Lang::Es => 3,
        Lang::De => 4,
        Lang::Fr => 5,
        Lang::Nl => 6,
    };
    match COUNTRIES.iter().find(|(c, _)| *c == code) {
        Some((_, names)) => names[column].to_string(),
        None => code,
    }
}
