//! German and Dutch: month and weekday names, relative words, and the
//! phrases that make a date new or old, including the verb at the end of
//! the clause ("am 26.11. zugestellt", "op 26 november bezorgd").
//!
//! Input: none (tables). Output: [`GERMAN`], [`DUTCH`]. Failure: none.

use super::lexicon::{Cue, DayWord, Lang};

/// "Guten Morgen", "heute Morgen", "goede morgen": the morning, not
/// tomorrow. "morgen" is tomorrow in both languages.
const MORNING: &[&str] = &[
    "guten", "guter", "gutem", "am", "jeden", "heute", "gestern", "den", "einen", "schönen", "diesen", "vom", "goede",
    "goeie", "fijne", "'s", "’s", "deze", "elke",
];

pub(super) const GERMAN: Lang = Lang {
    months: [
        "januar jänner jan",
        "februar feber feb",
        "märz maerz mär mrz",
        "april apr",
        "mai",
        "juni jun",
        "juli jul",
        "august aug",
        "september sept sep",
        "oktober okt",
        "november nov",
        "dezember dez",
    ],
    weekdays: ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag sonnabend", "sonntag"],
    weekday_abbrevs: ["mo", "di", "mi", "do", "fr", "sa", "so"],
    numbers: &["ein einem einen eins", "zwei", "drei", "vier", "fünf fuenf", "sechs", "sieben", "acht", "neun", "zehn"],
    day_words: &[
        DayWord::new("(?:ü|ue)bermorgen", 2),
        DayWord::new("morgen", 1).not_after(MORNING),
        DayWord::new("heute", 0),
    ],
    in_days: &[r"in\s+{n}\s+tag(?:en)?"],
    weekday_before: &[r"n(?:ä|ae)chste[nrs]?", "kommende[nr]?", "diese[nr]?", "am", "bis", r"bis\s+zum"],
    weekday_after: &[],
    bare_weekdays: false,
    not_bare_after: &[],
    weekday_needs_before: &[],
    not_weekday: &[
        r"(?:in\s+)?(?:der\s+)?(?:n(?:ä|ae)chste[nr]?|kommende[nr]?|letzte[nr]?|vergangene[nr]?)\s+woche",
        r"in\s+einer\s+woche",
    ],
    day_only: &[r"(?:am|bis\s+zum|zum|bis|ab\s+dem|vom)\s+(?P<d>[0-9]{1,2})\."],
    day_only_weak: &[],
    cues: GERMAN_CUES,
    label_old: &[
        "urspr(?:ü|ue)nglich(?:e[rnms]?)?",
        "alt(?:e[rnms]?)?",
        "bisherige[rnms]?",
        "vorherige[rnms]?",
        "anf(?:ä|ae)nglich(?:e[rnms]?)?",
        "fr(?:ü|ue)here[rnms]?",
    ],
    label_new: &[
        "neue[rnms]?",
        "neu",
        "aktualisiert(?:e[rnms]?)?",
        "ge(?:ä|ae)ndert(?:e[rnms]?)?",
        "verschoben(?:e[rnms]?)?",
        "jetzt",
        "nun",
        "n(?:ä|ae)chste[rnms]?",
    ],
    participle_future: &[
        "wird",
        "werden",
        r"w(?:ü|ue)rden?",
        "soll",
        "sollen",
        "sollten?",
        "kann",
        r"k(?:ö|oe)nnen",
        r"k(?:ö|oe)nnten",
        r"m(?:ö|oe)chten?",
        "bitte",
        "voraussichtlich",
    ],
    negations: &["nicht", "kein", "keine", "keinen", "nie", "niemals"],
    future: &[],
    past: &[],
};

const GERMAN_CUES: &[Cue] = &[
    Cue::new(r"neue[rnms]?\s+(?:liefer|zustell|versand|abhol|bereitstellungs)?(?:termin|datum|tag)(?:\s+ist)?(?:\s+(?:der|am))?"),
    Cue::new(r"(?:neuer|voraussichtlicher|geplanter|aktueller|aktualisierter)\s+(?:liefer|zustell|versand)?(?:termin|datum|tag)(?:\s+ist)?(?:\s+(?:der|am))?"),
    Cue::new(r"voraussichtlich(?:e[rns]?)?(?:\s+(?:liefer|zustell)(?:ung|termin|datum))?(?:\s+(?:am|bis|ab|zum|erst\s+am))?"),
    Cue::new(r"(?:zustellung|lieferung|auslieferung|versand|anlieferung|abholung)(?:\s+(?:erfolgt|ist|wird))?(?:\s+(?:nun|jetzt|voraussichtlich))?\s+(?:am|bis|zum)"),
    Cue::new(r"(?:wird|werden)(?:\s+(?:voraussichtlich|nun|jetzt|erst))?\s+(?:am|bis|zum)"),
    Cue::new(r"(?:verschoben|verlegt|ge(?:ä|ae)ndert|umgebucht|terminiert)\s+(?:auf|zum|f(?:ü|ue)r)(?:\s+(?:den|am))?"),
    Cue::new(r"(?:liefern|zustellen|bringen|schicken|senden|versenden|ausliefern)(?:\s+sie)?(?:\s+(?:bitte|uns|mir|es|die\s+ware|das\s+paket))*(?:\s+(?:am|bis|zum))?"),
    Cue::new(r"(?:stellen|liefern|bringen|schicken)\s+sie(?:\s+\w+){0,3}?\s+(?:am|bis|zum)"),
    Cue::new(r"(?:bitte|k(?:ö|oe)nnten\s+sie|k(?:ö|oe)nnen\s+sie)(?:\s+(?:die\s+lieferung|das\s+paket|es|uns|mir))?\s+(?:am|bis|zum)"),
    Cue::new(r"(?:ich\s+bin|wir\s+sind|bin\s+ich|sind\s+wir)(?:\s+(?:zu\s*hause|daheim|erreichbar|anwesend))?\s+am"),
    Cue::new(r"(?:versandbereit|lieferbereit|abholbereit|versandfertig|fertig|bereit)(?:\s+(?:zum\s+versand|zur\s+abholung|zur\s+auslieferung))?(?:\s+(?:am|ab|bis|zum))?"),
    Cue::new(r"rest(?:menge|lieferung|posten|liche\s+ware|lichen\s+artikel|lichen\s+positionen)(?:\s+(?:wird|werden|folgt|folgen|kommt|kommen))?(?:\s+voraussichtlich)?(?:\s+(?:am|bis|zum|ab))?"),
    Cue::new(r"(?:n(?:ä|ae)chster|neuer|erneuter|zweiter)\s+zustellversuch(?:\s+(?:erfolgt|ist))?(?:\s+am)?"),
    Cue::new(r"sp(?:ä|ae)testens(?:\s+(?:am|bis|zum))?"),
    Cue::new(r"(?:jetzt|nun|neu)(?:\s+(?:am|auf\s+den|zum|f(?:ü|ue)r\s+den))?").tight(),
    Cue::old(r"urspr(?:ü|ue)nglich(?:e[rnms]?)?|anf(?:ä|ae)nglich|bisherige[rnms]?|vorherige[rnms]?").modifier(),
    Cue::old(r"alte[rnms]?\s+(?:liefer|zustell)?(?:termin|datum)"),
    Cue::old(r"(?:war|waren|h(?:ä|ae)tte|sollte|sollten)(?:\s+(?:eigentlich|urspr(?:ü|ue)nglich))?\s+(?:am|f(?:ü|ue)r|bis)"),
    Cue::old(r"(?:statt|anstatt|anstelle)(?:\s+(?:des|dem|am|vom|der))?"),
    Cue::old(r"(?:bestell|rechnungs|auftrags|kauf)datum"),
    Cue::old(r"(?:bestellt|gekauft|bezahlt|aufgegeben|geliefert|zugestellt|versandt|verschickt|versendet)\s+am"),
    Cue::old(r"(?:bestellung|rechnung|auftrag|lieferschein)\s+vom|(?:wurde|wurden)(?:\s+bereits)?\s+am"),
    Cue::old(r"zustell(?:ungs)?versuch(?:\s+(?:am|vom))?"),
    Cue::old(r"(?:verschoben|verlegt|ge(?:ä|ae)ndert)\s+vom"),
    Cue::old(r"vom|nicht(?:\s+(?:am|vor\s+dem|vor))?|kein(?:e|en)?\s+(?:lieferung\s+)?am").tight(),
    Cue::new(r"(?:geliefert|zugestellt|versandt|verschickt|versendet|ausgeliefert|bereitgestellt)\s+werden|liefern|zustellen|vorbeikommen|zu\s*hause|daheim|anwesend|erneut|nochmals").after(),
    Cue::new(r"geliefert|zugestellt|versandt|verschickt|versendet|ausgeliefert|bereitgestellt").participle(),
    Cue::new(r"(?:liefer|zustell|versand|abhol|bereitstellungs)(?:termin|datum|tag)"),
    // Delivery in any inflection: "Zustellung bitte für", "liefern wir am".
    Cue::new(r"(?:an|aus|nach)?(?:liefer|zustell)(?:n|t|e|st|en|ung)").generic(),
    Cue::new(r"passt(?:\s+(?:mir|uns))?(?:\s+(?:gut|besser))?|w(?:ä|ae)re\s+(?:gut|super|besser|ideal|perfekt|m(?:ö|oe)glich)|statt|anstatt").after(),
    Cue::old(r"(?:bin\s+ich|sind\s+wir)\s+nicht|nicht\s+(?:da|zu\s*hause|erreichbar|anwesend)").after(),
    Cue::old(r"passt(?:\s+(?:mir|uns))?\s+nicht|(?:geht|klappt)\s+nicht|ist\s+nicht\s+m(?:ö|oe)glich").after(),
];

pub(super) const DUTCH: Lang = Lang {
    months: [
        "januari jan",
        "februari feb",
        "maart mrt mar",
        "april apr",
        "mei",
        "juni jun",
        "juli jul",
        "augustus aug",
        "september sept sep",
        "oktober okt",
        "november nov",
        "december dec",
    ],
    weekdays: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    weekday_abbrevs: ["ma", "di", "wo", "do", "vr", "za", "zo"],
    numbers: &["een één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"],
    day_words: &[
        // "morgen" itself is in GERMAN, with the guards for both languages.
        DayWord::new("overmorgen", 2),
        DayWord::new("morgen(?:ochtend|middag|avond)", 1),
        DayWord::new("vandaag|vanavond", 0),
    ],
    in_days: &[r"over\s+{n}\s+dag(?:en)?"],
    weekday_before: &["volgende", "aanstaande", "komende", "deze", "op", "tot"],
    weekday_after: &[r"a\.s", "aanstaande"],
    bare_weekdays: false,
    not_bare_after: &[],
    weekday_needs_before: &[],
    not_weekday: &[r"(?:van\s+)?(?:de\s+)?(?:volgende|vorige|komende)\s+week", "vorige", "geleden"],
    day_only: &[r"(?:op\s+)?de\s+(?P<d>[0-9]{1,2})(?:e|ste|de)"],
    day_only_weak: &[],
    cues: DUTCH_CUES,
    label_old: &["oorspronkelijke?", "oude?", "vorige", "eerdere?", "aanvankelijke?", "initi[eë]le"],
    label_new: &["nieuwe?", "gewijzigde?", "bijgewerkte?", "herziene?", "aangepaste?", "nu", "volgende"],
    participle_future: &["wordt", "worden", "zal", "zullen", "kan", "kunnen", "kunt", "zou", "zouden", "graag", "moet"],
    negations: &["niet", "geen", "nooit"],
    future: &[],
    past: &[],
};

const DUTCH_CUES: &[Cue] = &[
    Cue::new(r"nieuwe\s+(?:lever|bezorg|verzend|leverings)?(?:datum|dag|moment)(?:\s+is)?(?:\s+op)?"),
    Cue::new(r"verwacht(?:e)?(?:\s+(?:lever|bezorg|verzend)(?:datum|dag|ing))?(?:\s+is)?(?:\s+(?:op|rond|voor))?"),
    Cue::new(
        r"(?:wordt|worden|zal|zullen)(?:\s+(?:nu|naar\s+verwachting|verwacht|waarschijnlijk))?(?:\s+worden)?(?:\s+(?:bezorgd|geleverd|verzonden|afgeleverd|klaargezet))?\s+(?:op|voor|rond)",
    ),
    Cue::new(r"(?:verplaatst|uitgesteld|verschoven|gewijzigd|omgezet)\s+(?:naar|tot|op)"),
    Cue::new(
        r"(?:bezorg|lever|verzend|stuur)(?:en|t)?(?:\s+(?:het|de\s+bestelling|het\s+pakket|alles|ze))?(?:\s+(?:graag|alstublieft|aub|svp))?\s+(?:op|voor|rond)",
    ),
    Cue::new(
        r"(?:kunt\s+u|kan\s+je|kun\s+je|kunnen\s+jullie)(?:\s+(?:het|de\s+bestelling|het\s+pakket))?(?:\s+(?:bezorgen|leveren|sturen|brengen))?(?:\s+op)?",
    ),
    Cue::new(r"(?:ik\s+ben|we\s+zijn|wij\s+zijn|ben\s+ik|zijn\s+we)(?:\s+(?:thuis|aanwezig|beschikbaar))?\s+op"),
    Cue::new(r"(?:klaar|gereed)(?:\s+voor\s+(?:verzending|levering|transport|afhalen))?(?:\s+(?:op|per))?"),
    Cue::new(
        r"(?:restant(?:levering)?|rest\s+van\s+de\s+bestelling|resterende\s+(?:artikelen|aantallen|producten|stuks|hoeveelheid))(?:\s+(?:wordt|worden|volgt|volgen|komt|komen))?(?:\s+(?:verzonden|geleverd))?(?:\s+(?:op|voor|rond))?",
    ),
    Cue::new(r"(?:volgende|nieuwe|tweede)\s+(?:bezorg|aflever)poging(?:\s+(?:is|vindt\s+plaats))?(?:\s+op)?"),
    Cue::new(r"uiterlijk(?:\s+op)?|graag\s+op"),
    Cue::new(r"nu(?:\s+op)?").tight(),
    Cue::old(r"oorspronkelijke?|aanvankelijke?|voorheen|vorige|oude").modifier(),
    Cue::old(
        r"(?:was|waren|stond|stonden)(?:\s+(?:oorspronkelijk|eerst))?\s+(?:gepland|verwacht|voorzien|ingepland)(?:\s+(?:op|voor))?",
    ),
    Cue::old(r"in\s+plaats\s+van(?:\s+op)?"),
    Cue::old(
        r"(?:besteld|gekocht|betaald|geplaatst)\s+op|(?:bestel|factuur|order)datum|(?:bestelling|factuur|order)\s+van",
    ),
    Cue::old(
        r"(?:is|werd|zijn|werden)(?:\s+(?:al|reeds))?\s+(?:bezorgd|geleverd|verzonden|afgeleverd)(?:\s+op)?|werd(?:en)?\s+op",
    ),
    Cue::old(r"(?:bezorg|aflever)poging(?:\s+(?:op|van))?"),
    Cue::old(r"niet(?:\s+(?:op|voor))?").tight(),
    Cue::new(r"bezorgen|leveren|afleveren|brengen|thuis|aanwezig|opnieuw").after(),
    Cue::new(r"bezorgd|geleverd|verzonden|afgeleverd").participle(),
    Cue::new(r"(?:lever|bezorg|verzend|leverings)(?:datum|dag|moment)"),
    Cue::new(r"(?:bezorg|lever)(?:en|t|ing)?").generic(),
    Cue::new(r"past(?:\s+(?:mij|ons|me))?\s+(?:beter|goed|prima)|in\s+plaats\s+van").after(),
    Cue::old(r"past(?:\s+(?:mij|ons|me))?\s+niet|(?:gaat|lukt)\s+niet|is\s+niet\s+mogelijk").after(),
];
