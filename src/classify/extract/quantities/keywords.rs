//! The words that say what a quantity is: ordered, shipped, backordered, in
//! English, German, Spanish, French, Indonesian, Dutch and Hindi.
//!
//! Input: a clause or a table header cell. Output: the role words in it with
//! their byte spans ([`role_words`]), the role a header cell names
//! ([`header_role`]), and whether a text talks about a shipment at all
//! ([`mentions_shipment`]). Failure: no words, `None`, `false`.

use super::Role;
use regex::Regex;
use std::sync::LazyLock;

/// Compile a pattern written in this module tree. Every pattern is a string
/// literal that the unit tests compile, so the `expect` can only fire on a
/// programming error that `cargo test` catches first.
pub(super) fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("literal regex compiles")
}

/// Whether `word` is one of the space-separated words of `list`. Word
/// lists are kept as one string so they read as prose, not as columns.
pub(super) fn listed(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w == word)
}

/// One alternation; at the same start the earlier group wins, so "not yet
/// shipped" is a backorder before "shipped" can be a shipment.
static ROLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)(?P<b>\bnot\s+(?:yet\s+)?(?:been\s+)?(?:shipped|dispatched|sent|delivered)\b",
        r"|n['’]t\s+(?:yet\s+)?(?:been\s+)?(?:shipped|dispatched|sent|delivered)\b",
        r"|\bwill\s+(?:ship|be\s+sent|dispatch)\b|\bship(?:s|ped)?\s+(?:later|separately)\b",
        r"|\bwerden\s+(?:nach)?geliefert\b|\bse\s+enviar[áa]n\b|\bseront\s+(?:exp[ée]di[ée]e?s|livr[ée]e?s)\b",
        r"|\bakan\s+dikirim\b|\bworden\s+(?:na)?(?:geleverd|verzonden)\b",
        r"|\b(?:to\s+be|will\s+be)\s+(?:shipped|dispatched|sent|delivered)\b|\bback[\s-]?order(?:ed|s)?\b|\bb/o\b",
        r"|\bremain(?:ing|der|s)?\b|\bthe\s+rest\b|\bbalance\b|\bpending\b|\boutstanding\b|\b(?:to|will)\s+follow\b",
        r"|\bfollow\b|\bstill\s+(?:due|open|owed)\b|\bshort\b",
        r"|\bnoch\s+nicht\s+(?:geliefert|versandt|verschickt)\b|\b(?:im\s+)?rückstand\b|\brückständig\b",
        r"|\bnachliefer\w*|\bnachgeliefert\b|\bfolge?n?\b|\bfolgt\b|\bausstehend\b|\boffen\b|\brest(?:menge)?\b",
        r"|\b(?:aún\s+|todavía\s+)?no\s+enviad[oa]s?\b|\bpendientes?\b|\bquedan?\b|\brestantes?\b|\bresto\b",
        r"|\ben\s+espera\b|\bpor\s+enviar\b",
        r"|\bpas\s+encore\s+(?:expédié|envoyé|livré)e?s?\b|\breliquats?\b|\ben\s+attente\b|\brestant(?:e?s)?\b",
        r"|\breste\b|\bsuivr(?:ont|a)\b|\bà\s+suivre\b",
        r"|\bbelum\s+(?:di)?kirim\w*|\btertunda\b|\bmenyusul\b|\bsisa(?:nya)?\b|\bkurang\b|\binden\b",
        r"|\bnog\s+niet\s+(?:verzonden|geleverd|verstuurd)\b|\bnalevering\b|\bnageleverd\b|\bopenstaand\b",
        r"|\bvolg(?:en|t)\b|\bresterende\b",
        r"|बाकी|शेष|बचे|\bbaa?ki\b|\bbache\b|बाद\s+में)",
        r"|(?P<o>\bordered\b|\border(?:ed)?\s+qty\b|\bqty\s+ordered\b|\bbestellt\b|\bbestellmenge\b",
        r"|\bpedid[oa]s\b|\bcantidad\s+pedida\b|\bcommandée?s?\b|\bdipesan\b|\bbesteld\b|ऑर्डर\s+कि(?:ए|या))",
        r"|(?P<s>\bship(?:ped|ping|s)?\b|\bdispatch(?:ed|ing)?\b|\bsent\b|\bsend(?:ing)?\b|\bdelivered\b|\bfulfilled\b",
        r"|\bgeliefert\b|\bliefern\b|\bversandt\b|\bversendet\b|\bverschickt\b|\bausgeliefert\b",
        r"|\benvi(?:ad[oa]s?|aron|amos|ó)\b|\bdespach(?:ad[oa]s?|aron|amos|ó)\b|\bmandad[oa]s\b",
        r"|\bexp[ée]di(?:é|ée|és|ées|e|ons)\b|\benvoy[ée]e?s?\b|\blivr[ée]e?s?\b",
        r"|\b(?:di)?kirim(?:kan)?\b|\bmengirim(?:kan)?\b|\bterkirim\b|\bverzonden\b|\bverstuurd\b|\bgeleverd\b|\bverscheept\b",
        r"|भेज[ेाी]?|\bbhej(?:e|a|i)?\b|\bdispatch\s+(?:kiye|kar\s+diye)\b)",
    ))
});

/// A role word and where it is in the clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RoleWord {
    pub start: usize,
    pub end: usize,
    pub role: Role,
}

pub(super) fn role_words(clause: &str) -> Vec<RoleWord> {
    ROLE_WORDS
        .captures_iter(clause)
        .filter_map(|c| {
            let (m, role) = if let Some(m) = c.name("b") {
                (m, Role::Backordered)
            } else if let Some(m) = c.name("o") {
                (m, Role::Ordered)
            } else {
                (c.name("s")?, Role::Shipped)
            };
            Some(RoleWord { start: m.start(), end: m.end(), role })
        })
        .collect()
}

/// Words only a shipment report uses; "sent" and "delivered" are not among
/// them ("2 of 3 emails sent").
static SHIPMENT: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?i)\bship(?:ped|ping|ment)?\b|\bdispatch|back[\s-]?order|\bpartial|\bteil(?:lieferung|weise)|geliefert|versandt",
        r"|verschickt|rückstand|nachliefer|\benvi(?:ad|aron|amos)|despach|pendiente|expédi|expedi|reliquat|dikirim",
        r"|terkirim|mengirim|tertunda|menyusul|verzonden|nalevering|भेजे|भेजा|\bbhej|\bto\s+follow\b",
    ))
});

pub(super) fn mentions_shipment(text: &str) -> bool {
    SHIPMENT.is_match(text)
}

/// What a table column holds, judged from its header cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    Item,
    Description,
    Quantity(Role),
    /// "Qty", "Menge", "Jumlah": ordered when the table also has a shipped
    /// or backordered column, else read with the status column.
    Qty,
    Status,
    Other,
}

const HEADERS: &[(Column, &[&str])] = &[
    (
        Column::Quantity(Role::Backordered),
        &[
            "backorder",
            "back order",
            "back-order",
            "b/o",
            "rückstand",
            "offen",
            "ausstehend",
            "pending",
            "pendiente",
            "reliquat",
            "restant",
            "reste",
            "tertunda",
            "sisa",
            "nalevering",
            "open",
            "remaining",
            "balance",
            "outstanding",
            "बाकी",
            "to follow",
        ],
    ),
    (
        Column::Quantity(Role::Shipped),
        &[
            "shipped",
            "dispatched",
            "sent",
            "delivered",
            "geliefert",
            "versandt",
            "versendet",
            "liefermenge",
            "enviad",
            "despachad",
            "expédi",
            "expedi",
            "livré",
            "envoy",
            "dikirim",
            "terkirim",
            "verzonden",
            "geleverd",
            "verstuurd",
            "भेज",
        ],
    ),
    (
        Column::Quantity(Role::Ordered),
        &[
            "ordered",
            "order qty",
            "bestellt",
            "bestellmenge",
            "pedid",
            "command",
            "dipesan",
            "pesan",
            "besteld",
            "ऑर्डर",
        ],
    ),
    (
        Column::Qty,
        &["qty", "quantity", "menge", "anzahl", "cantidad", "cant.", "quantité", "qté", "jumlah", "aantal", "मात्रा"],
    ),
    (Column::Status, &["status", "estado", "statut", "keterangan", "स्थिति"]),
    (
        Column::Item,
        &[
            "sku",
            "item",
            "article",
            "artikel",
            "art.-nr",
            "art-nr",
            "art. nr",
            "art nr",
            "referencia",
            "ref",
            "référence",
            "produk",
            "product",
            "produit",
            "producto",
            "kode",
            "code",
            "part",
            "style",
        ],
    ),
    (
        Column::Description,
        &[
            "description",
            "beschreibung",
            "bezeichnung",
            "descripción",
            "descripcion",
            "désignation",
            "designation",
            "deskripsi",
            "nama",
            "omschrijving",
            "name",
            "naam",
            "विवरण",
        ],
    ),
];

/// The column a header cell names; the first matching kind wins, so "Qty
/// shipped" is a shipped column, not a plain quantity.
pub(super) fn header_column(cell: &str) -> Column {
    let c = cell.trim().to_lowercase();
    if c.is_empty() || c.chars().any(|ch| ch.is_ascii_digit()) {
        return Column::Other;
    }
    HEADERS.iter().find(|(_, words)| words.iter().any(|w| c.contains(w))).map_or(Column::Other, |(col, _)| *col)
}

/// The role a status cell states ("Shipped", "Backordered", "Pendiente").
pub(super) fn status_role(cell: &str) -> Option<Role> {
    role_words(cell).first().map(|w| w.role)
}
