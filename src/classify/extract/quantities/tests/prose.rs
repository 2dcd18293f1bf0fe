//! Quantities written as sentences, in each language suppliers write to us.

use super::*;

#[test]
fn english_of_phrase_with_a_sku_in_brackets_and_the_rest_on_backorder() {
    let text = "we shipped 3 of the 5 linen shirts (NW-LS-M); the remaining 2 are on backorder";
    assert_eq!(find_line_quantities(text), vec![five_three_two("NW-LS-M")]);
}

#[test]
fn dispatched_and_to_follow_give_the_ordered_quantity_by_sum() {
    assert_eq!(
        find_line_quantities("NW-KU-L: 4 dispatched, 2 to follow"),
        vec![line("NW-KU-L", Some(6), Some(4), Some(2))]
    );
}

#[test]
fn indian_english_pcs_sent_and_balance_pending() {
    let text = "Dear team, only 1 pc of KK-GR-01 sent, balance 2 pcs pending. Regards";
    assert_eq!(find_line_quantities(text), vec![line("KK-GR-01", Some(3), Some(1), Some(2))]);
}

#[test]
fn german_von_geliefert_and_im_rueckstand() {
    let text = "Von Artikel AH-ST-PR wurden 2 von 4 geliefert, 2 Stück im Rückstand.";
    assert_eq!(find_line_quantities(text), vec![line("AH-ST-PR", Some(4), Some(2), Some(2))]);
}

#[test]
fn spanish_se_enviaron_and_quedan_pendientes() {
    let text = "Se enviaron 3 unidades de CV-MAC-L; 2 quedan pendientes.";
    assert_eq!(find_line_quantities(text), vec![five_three_two("CV-MAC-L")]);
}

#[test]
fn french_sur_expedies_and_en_reliquat() {
    assert_eq!(find_line_quantities("ML-VS-GR : 3 sur 5 expédiés, 2 en reliquat."), vec![five_three_two("ML-VS-GR")]);
}

#[test]
fn indonesian_dari_dikirim_and_sisanya_menyusul() {
    let text = "Untuk KK-MUG-02, 3 dari 5 pcs sudah dikirim, sisanya 2 menyusul minggu depan.";
    assert_eq!(find_line_quantities(text), vec![five_three_two("KK-MUG-02")]);
}

#[test]
fn dutch_van_de_verzonden_and_in_nalevering() {
    assert_eq!(
        find_line_quantities("HP-CB-3: 3 van de 5 verzonden, 2 in nalevering."),
        vec![five_three_two("HP-CB-3")]
    );
}

#[test]
fn hindi_mein_se_bheje_and_baaki() {
    assert_eq!(find_line_quantities("NW-CH-32: 5 में से 3 भेजे गए, 2 बाकी"), vec![five_three_two("NW-CH-32")]);
    assert_eq!(find_line_quantities("NW-CH-32: 5 mein se 3 bheje, 2 baaki"), vec![five_three_two("NW-CH-32")]);
}

#[test]
fn several_lines_come_back_in_text_order_one_per_item() {
    let text = "Partial shipment for PO-55120:\n- NW-LS-M: shipped 3, backordered 2\n- NW-CH-32: shipped 2 of 2\n- NW-SC-01: 0 shipped, 1 on backorder\n\nThe rest follows on 3 December.";
    assert_eq!(
        find_line_quantities(text),
        vec![
            five_three_two("NW-LS-M"),
            line("NW-CH-32", Some(2), Some(2), Some(0)),
            line("NW-SC-01", Some(1), Some(0), Some(1)),
        ]
    );
}

#[test]
fn a_heading_gives_its_role_to_the_list_below_it() {
    let text = "Shipped today:\n- NW-LS-M x3\n- NW-CH-32 x2\n\nOn backorder:\n- NW-LS-M x2";
    assert_eq!(
        find_line_quantities(text),
        vec![line("NW-LS-M", Some(5), Some(3), Some(2)), line("NW-CH-32", None, Some(2), None)]
    );
}

#[test]
fn a_role_word_before_a_colon_covers_each_sku_after_it() {
    let text = "Shipped: NW-LS-M 3 pcs, NW-CH-32 2 pcs. Backordered: NW-LS-M 2 pcs, ETA 5 December.";
    assert_eq!(find_line_quantities(text), vec![five_three_two("NW-LS-M"), line("NW-CH-32", None, Some(2), None)]);
}

#[test]
fn a_key_value_list_under_a_sku_is_read_for_that_sku() {
    let text = "Item: AH-RS-45\nOrdered: 4\nShipped: 1\nBackorder: 3\n";
    assert_eq!(find_line_quantities(text), vec![line("AH-RS-45", Some(4), Some(1), Some(3))]);
}

#[test]
fn one_sku_in_a_sentence_names_every_clause_of_it() {
    let text = "Ordered 5 / shipped 3 / backorder 2 (NW-LS-M).";
    assert_eq!(find_line_quantities(text), vec![five_three_two("NW-LS-M")]);
}

#[test]
fn without_a_sku_the_item_is_named_as_written() {
    let text = "We shipped 3 of the 5 linen shirts; the remaining 2 are on backorder.";
    assert_eq!(find_line_quantities(text), vec![five_three_two("linen shirts")]);
    let german = "Wir haben 2 Regenjacken geliefert, 1 folgt nächste Woche.";
    assert_eq!(find_line_quantities(german), vec![line("Regenjacken", Some(3), Some(2), Some(1))]);
}

#[test]
fn two_skus_in_one_clause_each_take_their_nearest_number() {
    let text = "We dispatched NW-LS-M (3 pcs) and NW-CH-32 (2 pcs) today.";
    assert_eq!(
        find_line_quantities(text),
        vec![line("NW-LS-M", None, Some(3), None), line("NW-CH-32", None, Some(2), None)]
    );
}

#[test]
fn shipped_and_backordered_in_one_clause_bind_to_their_own_numbers() {
    assert_eq!(
        find_line_quantities("KK-BN-1KG: we shipped 3 and 2 are on backorder"),
        vec![five_three_two("KK-BN-1KG")]
    );
    assert_eq!(find_line_quantities("KK-BN-1KG 3 shipped 2 backordered"), vec![five_three_two("KK-BN-1KG")]);
}

#[test]
fn not_yet_shipped_is_a_backorder() {
    let text = "PO-55120: 3 units of ML-TH-SET dispatched, 2 not yet shipped.";
    assert_eq!(find_line_quantities(text), vec![five_three_two("ML-TH-SET")]);
}

#[test]
fn dates_durations_prices_and_references_around_the_quantities_are_skipped() {
    let text = "PO-55120 / order #10231: on 26.11.2026 we shipped 3 of 5 NW-LS-M at €25 each; the remaining 2 follow in 2 weeks (by 12/12), call +91 98123 45678.";
    assert_eq!(find_line_quantities(text), vec![five_three_two("NW-LS-M")]);
}

#[test]
fn unnamed_quantities_belong_to_the_one_named_line() {
    let text = "We shipped 3 of 5 today. NW-LS-M: the remaining 2 follow next week.";
    assert_eq!(find_line_quantities(text), vec![five_three_two("NW-LS-M")]);
}

#[test]
fn unnamed_quantities_alone_come_back_without_an_item() {
    let text = "Partial shipment: we dispatched 3 of 5 today, the remaining 2 follow next week.";
    assert_eq!(find_line_quantities(text), vec![line("", Some(5), Some(3), Some(2))]);
}

#[test]
fn a_list_line_names_its_item_before_the_numbers_under_a_heading() {
    let text = "Heute versandt:\n- Wanderrucksack 45 L: 2 von 3 Stk.\n- Stirnlampe: 1 von 1\n\nIm Rückstand:\n- Wanderrucksack 45 L: 1 Stk., Liefertermin Freitag, 4. Dezember 2026";
    assert_eq!(
        find_line_quantities(text),
        vec![line("Wanderrucksack 45 L", Some(3), Some(2), Some(1)), line("Stirnlampe", Some(1), Some(1), Some(0))]
    );
}

#[test]
fn a_name_before_a_count_or_a_colon_names_the_line_in_english_and_french() {
    let text = "Sent today:\n- Linen throw x 3  (3 of 3)\n\nBackordered:\n- Bamboo tray: 0 of 2 shipped, 2 on backorder until Friday.";
    assert_eq!(
        find_line_quantities(text),
        vec![line("Linen throw", Some(3), Some(3), Some(0)), line("Bamboo tray", Some(2), Some(0), Some(2))]
    );
    let french = "  - Bougie parfumée : 2 expédiées sur 2\n  - Vase en grès : 0 expédié sur 2, reliquat 2";
    assert_eq!(
        find_line_quantities(french),
        vec![line("Bougie parfumée", Some(2), Some(2), Some(0)), line("Vase en grès", Some(2), Some(0), Some(2))]
    );
}

#[test]
fn labels_that_are_no_item_do_not_name_a_line() {
    let text = "Update: NW-LS-M shipped 3, 2 backordered.\nPO-55120: 2 to follow.";
    assert_eq!(find_line_quantities(text), vec![five_three_two("NW-LS-M")]);
}

#[test]
fn each_number_of_a_summary_takes_the_name_after_it() {
    let text = "Sisa barang (2 Batik tray dan 1 Manual grinder) akan kami kirim minggu depan.";
    assert_eq!(
        find_line_quantities(text),
        vec![line("Batik tray", None, None, Some(2)), line("Manual grinder", None, None, Some(1))]
    );
}

#[test]
fn the_item_named_after_the_role_word_of_a_bare_count() {
    let text = "Las 3 unidades pendientes de Maceta grande saldrán el lunes.";
    assert_eq!(find_line_quantities(text), vec![line("Maceta grande", None, None, Some(3))]);
}
