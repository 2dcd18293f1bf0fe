//! Dates in tables and forms: the role comes from the column header, the
//! row's label cell or the label before a colon, in every language.

use super::*;

use DateRole::{New, Old, Unknown};

#[test]
fn a_column_header_gives_each_date_of_a_table_row_its_role() {
    let text = "Dear customer,\n\nShipment | From | To | Scheduled delivery | Revised ETA\n\
                4478120093 | MAA | BLR | 20-Nov-2026 | 23-Nov-2026\n\nSorry for the delay.";
    assert_eq!(roles(text, THU), vec![Old, New]);
    assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 23)));
}

#[test]
fn column_headers_are_read_in_every_language() {
    let tables = [
        "Sendung | Ursprünglicher Termin | Neuer Termin\n00340434161 | 20.11.2026 | 24.11.2026",
        "Envío | Fecha original | Fecha nueva\nES-771 | 20/11/2026 | 24/11/2026",
        "Colis | Date initiale | Nouvelle date\n6A1234 | 20/11/2026 | 24/11/2026",
        "Zending | Oorspronkelijke datum | Nieuwe datum\n3SABC1 | 20-11-2026 | 24-11-2026",
        "Resi | Jadwal semula | Jadwal terbaru\nJX123 | 20 November 2026 | 24 November 2026",
        "AWB | पुरानी तारीख | नई तारीख\n7731 | 20 नवंबर 2026 | 24 नवंबर 2026",
    ];
    for text in tables {
        assert_eq!(roles(text, THU), vec![Old, New], "{text}");
        assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 24)), "{text}");
    }
}

#[test]
fn a_header_over_several_rows_labels_every_row_below_it() {
    let text = "Item | Shipped | Backorder ready date\nTent | 16 Nov | 3 Dec\nStove | 16 Nov | 3 Dec";
    assert_eq!(new_date(text, THU), Some(ymd(2026, 12, 3)));
    // A first row holding numbers is no header: it is a row of values.
    let text = "Ref | 88120\nOld date | 20 Nov 2026\nNew date | 24 Nov 2026";
    assert_eq!(roles(text, THU), vec![Old, New]);
}

#[test]
fn a_row_label_cell_gives_its_date_a_role_and_the_nearest_qualifier_wins() {
    // "Estimasi" alone is new; the "awal" right after it makes it old.
    let text = "No. Resi | SPX0011223344\nEstimasi awal | 20 November 2026\nEstimasi tiba terbaru | 23 November 2026";
    assert_eq!(roles(text, THU), vec![Old, New]);
    assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 23)));
    let text = "Voraussichtliche Zustellung (alt) | Fr., 20.11.\nVoraussichtliche Zustellung (neu) | Di., 24.11.";
    assert_eq!(roles(text, THU), vec![Old, New]);
}

#[test]
fn a_label_set_off_by_a_colon_tab_or_spaces_names_the_date_after_it() {
    let text = "Original Delivery:   Friday, November 20, 2026\nNew Scheduled Delivery:   Tuesday, November 24, 2026";
    assert_eq!(roles(text, THU), vec![Old, New]);
    assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 24)));
    let text = "Fecha anterior\t20/11/2026\nFecha actualizada\t24/11/2026";
    assert_eq!(roles(text, THU), vec![Old, New]);
    let text = "Was:\n20 Nov 2026\nNow:\n24 Nov 2026";
    assert_eq!(roles(text, THU), vec![Old, New]);
}

#[test]
fn a_label_without_any_cue_leaves_the_date_to_the_words_around_it() {
    let text = "Shipment | Origin | Destination\n4478120093 | MAA | 24 Nov 2026";
    assert_eq!(roles(text, THU), vec![Unknown]);
    // A label that refuses the date makes it old.
    assert_eq!(roles("Please do not deliver on:  26 Nov", THU), vec![Old]);
}

#[test]
fn in_a_row_with_an_explicitly_new_date_a_generically_expected_one_is_the_old_plan() {
    let text = "AWB | EDD | Revised EDD\n55120098 | 20/11/2026 | 24/11/2026";
    assert_eq!(roles(text, THU), vec![Old, New]);
    // Alone, a generic label keeps its own role.
    assert_eq!(roles("AWB | EDD\n55120098 | 24/11/2026", THU), vec![New]);
}

#[test]
fn a_row_label_that_is_a_done_deed_makes_its_date_old_under_any_header() {
    let text =
        "Item | Qty | Status | Ready date\nTent | 1 | Backordered | 03/12/2026\nStove | 2 | Shipped | 19/11/2026";
    assert_eq!(roles(text, THU), vec![New, Old]);
    assert_eq!(new_date(text, THU), Some(ymd(2026, 12, 3)));
    let text = "Artikel | Status | Termin\nZelt | Versandt | 19.11.2026\nKocher | Rückstand | 03.12.2026";
    assert_eq!(roles(text, THU)[0], Old);
}

#[test]
fn a_qualifier_after_its_noun_in_running_text_makes_the_date_old() {
    let text = "Tanggal estimasi awal 20 November, sekarang diperkirakan tiba 24 November.";
    assert_eq!(roles(text, THU), vec![Old, New]);
    let text = "La date initiale du 20 novembre est remplacée : livraison prévue le 24 novembre.";
    assert_eq!(roles(text, THU), vec![Old, New]);
}
