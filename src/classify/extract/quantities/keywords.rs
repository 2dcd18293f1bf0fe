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
        r"|\bakan\s+(?:kami\s+|segera\s+)?(?:di)?kirim(?:kan)?\b|\bworden\s+(?:na)?(?:geleverd|verzonden)\b",
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
        r"|terkirim|mengirim|tertunda|menyusul|\bsisa\b|\bakan\s+(?:kami\s+)?(?:di)?kirim|pengiriman\s+sebagian",
        r"|verzonden|nalevering|भेजे|भेजा|\bbhej|\bto\s+follow\b",
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
            "réf",
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

/// Abbreviated header words, matched as whole words of the cell: ERP
/// layouts write "Disp. Qty", "Bal. Qty", "Qty Kirim", "Rest".
const SHIPPED_WORDS: &str = "disp desp dispd despd shp shpd shipd kirim env geliefert lief verz sent supplied";
const BACKORDERED_WORDS: &str = "bal bo rest restmenge rückst rueckst pend pdg short sisa kurang reliq nalev owed";
/// Words that make an ordered column only beside a quantity word ("PO Qty",
/// "Qty PO"): alone, "PO" or "Order" head a column of numbers, not counts.
const ORDERED_WORDS: &str = "po ord order pesan pesanan bestell pedido";
const QTY_WORDS: &str = "qty qté quantity quantité menge anzahl cantidad cant jumlah aantal";

/// The column a header cell names; the first matching kind wins, so "Qty
/// shipped" is a shipped column, not a plain quantity.
pub(super) fn header_column(cell: &str) -> Column {
    let c = cell.trim().to_lowercase();
    if c.is_empty() || c.chars().any(|ch| ch.is_ascii_digit()) {
        return Column::Other;
    }
    let words: Vec<&str> = c.split(|ch: char| !ch.is_alphanumeric() && ch != '\'').filter(|w| !w.is_empty()).collect();
    let has = |list: &str| words.iter().any(|w| listed(list, w));
    HEADERS
        .iter()
        .find(|(col, names)| {
            names.iter().any(|w| c.contains(w))
                || match col {
                    Column::Quantity(Role::Backordered) => has(BACKORDERED_WORDS),
                    Column::Quantity(Role::Shipped) => has(SHIPPED_WORDS),
                    Column::Quantity(Role::Ordered) => has(ORDERED_WORDS) && has(QTY_WORDS),
                    _ => false,
                }
        })
        .map_or(Column::Other, |(col, _)| *col)
}

/// The role a status cell states ("Shipped", "Backordered", "Pendiente").
pub(super) fn status_role(cell: &str) -> Option<Role> {
    role_words(cell).first().map(|w| w.role)
}

/// Words a header written with single spaces may hold besides column names.
const HEADER_FILLERS: &str = "today heute hoy aujourd'hui vandaag hari ini no nr sr s.no # remarks bemerkung keterangan opmerking observaciones barang";

/// The columns of a header whose cells are separated by single spaces, as
/// flattened HTML gives them ("SKU Item Ordered Shipped today Backordered",
/// "Qty PO Qty Kirim Sisa"): a quantity word joins the role word it
/// qualifies, before or after it as the header's first pair shows. `None`
/// when a word is no header word: the line is prose.
pub(super) fn loose_header(line: &str) -> Option<Vec<Column>> {
    #[derive(Clone, Copy, PartialEq)]
    enum W {
        Qty,
        Po,
        Col(Column),
    }
    let words: Vec<String> = line.split_whitespace().map(|w| w.trim_matches(['.', ':', '|']).to_lowercase()).collect();
    if !(2..=14).contains(&words.len()) || line.trim_end().ends_with(['.', ':', '!', '?']) {
        return None;
    }
    let mut kinds = Vec::with_capacity(words.len());
    for w in &words {
        let kind = if listed(QTY_WORDS, w) {
            W::Qty
        } else if listed(ORDERED_WORDS, w) {
            W::Po
        } else {
            match header_column(w) {
                Column::Other if listed(HEADER_FILLERS, w) || w.is_empty() => W::Col(Column::Other),
                Column::Other => return None,
                col => W::Col(col),
            }
        };
        kinds.push(kind);
    }
    let named = |k: Option<&W>| matches!(k, Some(W::Po | W::Col(Column::Quantity(_))));
    // "Qty Kirim" or "Disp. Qty": the side the quantity word stands on where
    // only one side has one.
    let qty_at = |i: Option<usize>| i.and_then(|i| kinds.get(i)) == Some(&W::Qty);
    let (mut before, mut after) = (0, 0);
    for (i, k) in kinds.iter().enumerate() {
        if named(Some(k)) {
            match (qty_at(i.checked_sub(1)), qty_at(Some(i + 1))) {
                (true, false) => before += 1,
                (false, true) => after += 1,
                _ => {}
            }
        }
    }
    let prefix = before > after;
    let resolve = |k: W, with_qty: bool| match k {
        W::Po if with_qty => Column::Quantity(Role::Ordered),
        W::Po => Column::Other,
        W::Qty => Column::Qty,
        W::Col(c) => c,
    };
    let mut cols = Vec::new();
    let mut i = 0usize;
    while let Some(&k) = kinds.get(i) {
        let (col, used) = match k {
            W::Qty if prefix && named(kinds.get(i + 1)) => (resolve(kinds.get(i + 1).copied().unwrap_or(k), true), 2),
            _ if !prefix && named(Some(&k)) && kinds.get(i + 1) == Some(&W::Qty) => (resolve(k, true), 2),
            _ => (resolve(k, false), 1),
        };
        cols.push(col);
        i += used;
    }
    Some(cols)
}
