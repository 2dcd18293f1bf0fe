//! Quantities in text tables, as HTML tables are rendered, with headers in
//! each language.

use super::*;

#[test]
fn an_english_table_gives_one_line_per_row() {
    let text = "Please see below.\n\nSKU | Description | Ordered | Shipped | Backordered\n---|---|---|---|---\nNW-LS-M | Linen shirt (M) | 5 | 3 | 2\nNW-CH-32 | Chinos (32) | 2 | 2 | 0\n\nRegards";
    assert_eq!(
        find_line_quantities(text),
        vec![five_three_two("NW-LS-M"), line("NW-CH-32", Some(2), Some(2), Some(0))]
    );
}

#[test]
fn headers_in_each_language_are_understood() {
    for header in [
        "Artikel | Bezeichnung | Menge | Geliefert | Rückstand",
        "Referencia | Descripción | Cantidad | Enviado | Pendiente",
        "Référence | Désignation | Qté commandée | Qté expédiée | Reliquat",
        "Kode | Nama Barang | Jumlah | Dikirim | Tertunda",
        "Artikel | Omschrijving | Aantal | Verzonden | Nalevering",
        "Item | Name | Qty | Shipped | Open",
    ] {
        let text = format!("{header}\nAH-ZL-2P | Trekkingzelt | 5 | 3 | 2\n");
        assert_eq!(find_line_quantities(&text), vec![five_three_two("AH-ZL-2P")], "header {header:?}");
    }
}

#[test]
fn a_missing_column_is_derived_when_the_other_two_agree() {
    let text = "| SKU | Qty ordered | Qty shipped |\n|---|---|---|\n| CV-TIJ-01 | 5 | 3 |\n| CV-COJ-V | 4 | 4 |";
    assert_eq!(
        find_line_quantities(text),
        vec![five_three_two("CV-TIJ-01"), line("CV-COJ-V", Some(4), Some(4), Some(0))]
    );
}

#[test]
fn inconsistent_numbers_are_kept_as_written_and_nothing_is_derived() {
    let text = "SKU | Ordered | Shipped\nHP-RUG-M | 2 | 3";
    assert_eq!(find_line_quantities(text), vec![line("HP-RUG-M", Some(2), Some(3), None)]);
}

#[test]
fn a_tab_separated_table_is_read() {
    let text = "SKU\tOrdered\tShipped\tBackordered\nML-PL-LIN\t5\t3\t2";
    assert_eq!(find_line_quantities(text), vec![five_three_two("ML-PL-LIN")]);
}

#[test]
fn a_table_aligned_with_spaces_is_read() {
    let text = "SKU         Ordered   Shipped   Backordered\nHP-TW-SET   5         3         2\n";
    assert_eq!(find_line_quantities(text), vec![five_three_two("HP-TW-SET")]);
}

#[test]
fn a_status_column_gives_the_role_of_each_quantity() {
    let text = "SKU | Qty | Status\nNW-LS-M | 3 | Shipped\nNW-LS-M | 2 | Backordered\nNW-JK-M | 1 | Shipped";
    assert_eq!(
        find_line_quantities(text),
        vec![line("NW-LS-M", Some(5), Some(3), Some(2)), line("NW-JK-M", None, Some(1), None)]
    );
}

#[test]
fn a_row_without_a_sku_is_named_by_its_description() {
    let text = "Item | Ordered | Shipped | Backorder\nLinen shirt (M) | 5 | 3 pcs | 2 pcs\nTotal | 5 | 3 | 2";
    assert_eq!(find_line_quantities(text), vec![five_three_two("Linen shirt (M)")]);
}

#[test]
fn prose_after_a_table_adds_to_the_same_lines() {
    let text = "SKU | Ordered | Shipped\nKK-TR-BAT | 5 | 3\n\nThe remaining 2 of KK-TR-BAT follow next week.";
    assert_eq!(find_line_quantities(text), vec![five_three_two("KK-TR-BAT")]);
}

#[test]
fn a_sku_inside_the_description_names_the_row() {
    let text = "Description | Ordered | Shipped\nLinen shirt NW-LS-M | 5 | 3";
    assert_eq!(find_line_quantities(text), vec![five_three_two("NW-LS-M")]);
}

#[test]
fn abbreviated_erp_headers_name_ordered_dispatched_and_balance_columns() {
    let text = "DESPATCH NOTE - PART SUPPLY\n\nSr  Item Code   Description       PO Qty  Disp. Qty  Bal. Qty  Remarks\n1   KK-TR-BAT   Batik tray           5        3         2      ETD 05-12-2026\n2   KK-GR-01    Manual grinder       2        2         0      -\n\nBalance to follow.";
    assert_eq!(
        find_line_quantities(text),
        vec![five_three_two("KK-TR-BAT"), line("KK-GR-01", Some(2), Some(2), Some(0))]
    );
}

#[test]
fn short_headers_in_each_language_name_their_roles() {
    for header in [
        "Ref. | Descripción | Pedido | Enviado | Pendiente",
        "Réf. | Article | Commandé | Expédié | Reliquat",
        "Art.-Nr. | Bezeichnung | Bestellt | Geliefert | Rest",
        "Kode | Nama Barang | Qty PO | Qty Kirim | Sisa",
        "Code | Omschrijving | Besteld | Verzonden | Nalevering",
        "Item | Ordered | Shipped today | Backordered",
    ] {
        let text = format!("{header}\nAH-ZL-2P | Trekkingzelt | 5 | 3 | 2\n");
        assert_eq!(find_line_quantities(&text), vec![five_three_two("AH-ZL-2P")], "header {header:?}");
    }
}

#[test]
fn a_table_flattened_to_single_spaces_is_read_by_its_run_of_counts() {
    let text = "Status per line:\nSKU Item Ordered Shipped today Backordered\nHP-RUG-M Jute rug (medium) 5 3 2\nHP-LMP-OAK Oak table lamp 1 1 0\n";
    assert_eq!(
        find_line_quantities(text),
        vec![five_three_two("HP-RUG-M"), line("HP-LMP-OAK", Some(1), Some(1), Some(0))]
    );
    let qty_first = "No Kode Barang Qty PO Qty Kirim Sisa\n1 KK-MUG-02 Stoneware mug set 5 3 2";
    assert_eq!(find_line_quantities(qty_first), vec![five_three_two("KK-MUG-02")]);
}

#[test]
fn csv_lines_with_semicolons_or_bare_commas_are_a_table() {
    let semicolons = "Artikel;Bezeichnung;Bestellt;Geliefert;Rückstand\nML-PL-LIN;\"Plaid en lin\";5;3;2";
    assert_eq!(find_line_quantities(semicolons), vec![five_three_two("ML-PL-LIN")]);
    let commas = "sku,ordered,shipped,backordered\nML-TH-SET,5,3,2\n";
    assert_eq!(find_line_quantities(commas), vec![five_three_two("ML-TH-SET")]);
}
