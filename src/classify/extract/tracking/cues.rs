//! The words around a candidate that say what it is: "tracking number",
//! "AWB", "no. resi", "Sendungsnummer" (explicit), "parcel", "colis",
//! "kiriman", carrier names (shipping), or "call", "order", "PO" (blockers:
//! the number after them is a phone, order or purchase-order number).
//!
//! Input: the whole text once, then candidate spans (byte ranges that lie
//! on character boundaries). Output: a [`CueLevel`] per span and the set of
//! carriers the mail names. Never fails.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Carrier, compile};

/// What the words near a candidate make of it, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum CueLevel {
    /// A phone, order, PO, postcode... word stands directly before it.
    Blocked,
    None,
    /// Shipping words or a carrier name in the same paragraph.
    Shipping,
    /// "Tracking number:", "AWB", "no. resi"... directly before it.
    Explicit,
}

/// Phrases that name the next token a tracking number, in every language
/// of the project.
static EXPLICIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)\b(?:",
        r"tracking(?:\s*(?:number|no|nr|id|code|num|ref))?|track\s*(?:&|and|n|\+)\s*trace(?:\s*code)?",
        r"|trace\s*(?:number|no)|awb(?:\s*(?:no|number|num))?|air\s*way\s*bill(?:\s*(?:no|number))?",
        r"|airwaybill|way\s*bill(?:\s*(?:no|number))?|consignment(?:\s*(?:number|no|note|id))?",
        r"|(?:shipment|parcel|package|docket)\s*(?:number|no|id|ref|reference)",
        r"|(?:no\.?\s*|nomor\s*|nomer\s*|nmr\s*)?resi|nomor\s+(?:pelacakan|kiriman)",
        r"|sendungs(?:nummer|-?nr|verfolgung(?:snummer)?)|tracking-?nummer|paketnummer|sendungscode",
        r"|num[ée]ro\s+(?:de\s+)?(?:suivi|colis|d[’']envoi|d[’']exp[ée]dition|de\s+tracking)",
        r"|n[°º]\s*(?:de\s+)?suivi|code\s+de\s+suivi|lettre\s+de\s+transport",
        r"|n[úu]mero\s+de\s+(?:seguimiento|rastreo|gu[íi]a|env[íi]o|tracking|localizador)",
        r"|n\.?[º°]\s*de\s+(?:seguimiento|env[íi]o|gu[íi]a)|c[óo]digo\s+de\s+(?:seguimiento|rastreo)",
        r"|gu[íi]a|zendingnummer|trackingnummer|track\s*en\s*trace|barcode|pakketnummer|verzendnummer",
        r"|ट्रैकिंग(?:\s*(?:नंबर|नम्बर|संख्या|आईडी|कोड))?|ट्रेकिंग|एडब्ल्यूबी|वेबिल",
        r")\b",
    ))
});

/// Words that make a nearby number likely to be a shipment's.
static SHIPPING: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)\b(?:",
        r"shipments?|shipped|shipping|parcels?|packages?|courier|carrier|deliver(?:y|ies|ed)|dispatch(?:ed)?",
        r"|track(?:ing)?|colis|envoi|livraison|transporteur|exp[ée]di[ée]e?s?|exp[ée]dition|suivi",
        r"|env[íi]os?|paquetes?|mensajer[íi]a|transportista|entrega|enviado|seguimiento|rastreo",
        r"|sendung(?:en)?|pakete?|lieferung|zustellung|versand|versendet|zusteller|verfolgen",
        r"|zendingen|zending|pakketten|pakket|bezorging|verzonden|vervoerder",
        r"|kiriman|pengiriman|kurir|ekspedisi|dikirim|barang|pelacakan|lacak",
        r"|पार्सल|शिपमेंट|कूरियर|कुरियर|डिलीवरी|पैकेज|ट्रैक",
        r")\b",
    ))
});

/// Words after which a number is a phone, order, purchase-order, postcode,
/// account or invoice number rather than a tracking number.
static BLOCKER: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)\b(?:",
        r"phone|tel|telephone|mobile|mob|cell|call|ring|whats\s*app|wa|fax|contact(?:\s*(?:no|number))?",
        r"|hp|telp|telepon|hubungi|ponsel|handphone|tel[ée]fono|m[óo]vil|celular|llame|llamar",
        r"|telefon|handy|mobil|anrufen|rufnummer|t[ée]l[ée]phone|portable|appelez|telefoon|mobiel|bel",
        r"|फ़ोन|फोन|मोबाइल|कॉल|otp|pin|pin\s*code|pincode|post\s*code|postcode|zip|plz|kode\s*pos",
        r"|invoice|factura|rechnung|facture|factuur|faktur|account|acct|iban|gstin|gst",
        r"|customer\s*(?:no|number|id)|kunden-?(?:nummer|nr)|client\s*(?:no|number|id)|n[°º]\s*client",
        r"|n[úu]mero\s+de\s+cliente|klantnummer|pelanggan|nik|ktp|aadhaar|pan",
        r"|orders?|pedidos?|bestellung|bestellnummer|bestell-?nr|commande|bestelling|bestelnummer",
        r"|pesanan|ऑर्डर|आर्डर|p\.?\s?o\.?|purchase\s+order|orden\s+de\s+compra|bon\s+de\s+commande",
        r")(?:\b|[.:#])",
    ))
});

static CARRIER: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)\b(?:(?-i:(?P<ups>UPS))|(?P<fedex>fed\s?ex)|(?P<usps>usps|u\.s\.\s*postal)|(?P<dhl>dhl)",
        r"|(?P<auspost>australia\s*post|aus\s*post)|(?P<startrack>star\s*track)|(?P<aramex>aramex)",
        r"|(?P<royalmail>royal\s*mail)|(?P<delhivery>delhivery)|(?P<bluedart>blue\s*dart)",
        r"|(?P<dtdc>dtdc)|(?P<ecom>ecom\s*express)|(?P<ninja>ninja\s*(?:van|xpress|express))",
        r"|(?P<jt>j\s*&\s*t(?:\s*express)?|jnt)",
        r")(?:\b|$)",
    ))
});

const CARRIER_GROUPS: [(&str, Carrier); 14] = [
    ("ups", Carrier::Ups),
    ("fedex", Carrier::Fedex),
    ("usps", Carrier::Usps),
    ("dhl", Carrier::Dhl),
    ("auspost", Carrier::AustraliaPost),
    ("startrack", Carrier::StarTrack),
    ("aramex", Carrier::Aramex),
    ("royalmail", Carrier::RoyalMail),
    ("delhivery", Carrier::Delhivery),
    ("bluedart", Carrier::BlueDart),
    ("dtdc", Carrier::Dtdc),
    ("ecom", Carrier::EcomExpress),
    ("ninja", Carrier::NinjaVan),
    ("jt", Carrier::JAndT),
];

/// How far (in characters) a cue may stand from the number it describes.
const EXPLICIT_GAP: usize = 40;
const BLOCKER_GAP: usize = 30;
const SHIPPING_BEFORE: usize = 160;
const SHIPPING_AFTER: usize = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Explicit,
    Shipping,
    Blocker,
}

/// Every cue of one text, in text order.
pub(super) struct Cues {
    spans: Vec<(Range<usize>, Kind)>,
    named: Vec<Carrier>,
}

impl Cues {
    pub(super) fn new(text: &str) -> Self {
        let mut spans: Vec<(Range<usize>, Kind)> = Vec::new();
        spans.extend(EXPLICIT.find_iter(text).map(|m| (m.range(), Kind::Explicit)));
        spans.extend(SHIPPING.find_iter(text).map(|m| (m.range(), Kind::Shipping)));
        spans.extend(BLOCKER.find_iter(text).map(|m| (m.range(), Kind::Blocker)));
        let mut named = Vec::new();
        for caps in CARRIER.captures_iter(text) {
            spans.push((caps.get(0).map_or(0..0, |m| m.range()), Kind::Shipping));
            for (group, carrier) in CARRIER_GROUPS {
                if caps.name(group).is_some() && !named.contains(&carrier) {
                    named.push(carrier);
                }
            }
        }
        spans.sort_by_key(|(r, _)| (r.start, r.end));
        Cues { spans, named }
    }

    /// The carriers the text names anywhere, in first-mention order.
    pub(super) fn named(&self) -> &[Carrier] {
        &self.named
    }

    /// What the cues make of the candidate at `span` of `text`.
    pub(super) fn level(&self, text: &str, span: &Range<usize>) -> CueLevel {
        // The nearest explicit or blocking cue before the number decides
        // whether it is directly named: "order tracking number: 123" is
        // explicit, "tracking number for order 123" is not.
        let direct = self
            .before(text, span, EXPLICIT_GAP.max(BLOCKER_GAP))
            .filter(|(_, k)| *k != Kind::Shipping)
            .filter(|(g, _)| !g.bytes().any(|b| b.is_ascii_digit()))
            .last();
        match direct {
            Some((g, Kind::Blocker)) if g.chars().count() <= BLOCKER_GAP => CueLevel::Blocked,
            Some((g, Kind::Explicit)) if g.chars().count() <= EXPLICIT_GAP => CueLevel::Explicit,
            _ if self.shipping_near(text, span) => CueLevel::Shipping,
            _ => CueLevel::None,
        }
    }

    /// Cues ending before `span` in the same paragraph, at most `limit`
    /// characters away, with the gap text; nearest last.
    fn before<'t>(
        &'t self,
        text: &'t str,
        span: &Range<usize>,
        limit: usize,
    ) -> impl Iterator<Item = (&'t str, Kind)> + 't {
        let start = span.start;
        // A character is at most 4 bytes and a cue phrase under 64: only
        // cues starting in that byte window can end close enough.
        let from = start.saturating_sub(limit * 4 + 64);
        self.starting_in(from..start)
            .iter()
            .filter(move |(r, _)| r.end <= start && start - r.end <= limit * 4)
            .filter_map(move |(r, k)| Some((text.get(r.end..start)?, *k)))
            .filter(move |(g, _)| g.chars().count() <= limit && !crosses_paragraph(g))
    }

    fn shipping_near(&self, text: &str, span: &Range<usize>) -> bool {
        let before = self.before(text, span, SHIPPING_BEFORE).any(|(_, k)| k != Kind::Blocker);
        let after = self
            .starting_in(span.end..span.end + SHIPPING_AFTER * 4 + 1)
            .iter()
            .filter(|(_, k)| *k != Kind::Blocker)
            .filter_map(|(r, _)| text.get(span.end..r.start))
            .any(|g| g.chars().count() <= SHIPPING_AFTER && !crosses_paragraph(g));
        before || after
    }

    /// The cues whose start lies in `window` (spans are sorted by start).
    fn starting_in(&self, window: Range<usize>) -> &[(Range<usize>, Kind)] {
        let lo = self.spans.partition_point(|(r, _)| r.start < window.start);
        let hi = self.spans.partition_point(|(r, _)| r.start < window.end);
        self.spans.get(lo..hi.max(lo)).unwrap_or(&[])
    }
}

/// True when the gap holds a blank line: the cue belongs to another paragraph.
fn crosses_paragraph(gap: &str) -> bool {
    // Lines strictly inside the gap: the first and last are partial.
    let mut inner = gap.split('\n').skip(1).peekable();
    while let Some(line) = inner.next() {
        if inner.peek().is_some() && line.trim().is_empty() {
            return true;
        }
    }
    false
}
