//! Whole supplier emails as they arrive, with product names that carry
//! numbers, dates for the rest, and the wording of each language.

use super::*;

#[test]
fn an_email_with_shipped_and_backordered_lists_under_headings() {
    let text = "Dear Northwind team,\n\nPO-55120 has been partially shipped today via Delhivery (AWB 1234567890).\n\nShipped:\n- NW-LS-M Linen shirt (M): 3 pcs\n- NW-CH-32 Chinos (32): 2 pcs\n\nBackordered:\n- NW-LS-M Linen shirt (M): 2 pcs – expected 28 Nov\n\nRegards,\nAcme Textiles";
    assert_eq!(find_line_quantities(text), vec![five_three_two("NW-LS-M"), line("NW-CH-32", None, Some(2), None)]);
}

#[test]
fn numbers_inside_product_names_are_not_quantities() {
    let tent = "Trekkingzelt 2 Personen (AH-ZL-2P): 1 geliefert, 1 im Rückstand";
    assert_eq!(find_line_quantities(tent), vec![line("AH-ZL-2P", Some(2), Some(1), Some(1))]);
    let bowls = "HP-CB-3 Ceramic bowls (set of 3): 2 shipped, 1 backordered";
    assert_eq!(find_line_quantities(bowls), vec![line("HP-CB-3", Some(3), Some(2), Some(1))]);
    let pack = "We can only ship 2 out of 4 Wanderrucksack 45 L (AH-RS-45) this week.";
    assert_eq!(find_line_quantities(pack), vec![line("AH-RS-45", Some(4), Some(2), Some(2))]);
}

#[test]
fn what_will_ship_later_is_on_backorder() {
    let text = "Regarding PO-55133: we shipped 2 of AH-RS-45 today. The other 2 will ship on 3 December.";
    assert_eq!(find_line_quantities(text), vec![line("AH-RS-45", Some(4), Some(2), Some(2))]);
}

#[test]
fn spanish_active_voice_and_pendientes_in_separate_sentences() {
    let text = "Hola, del pedido PO-55160 hemos enviado 1 Tijeras de podar (CV-TIJ-01). Las 2 Macetas de terracota grande (CV-MAC-L) están pendientes, llegarán la próxima semana.";
    assert_eq!(
        find_line_quantities(text),
        vec![line("CV-TIJ-01", None, Some(1), None), line("CV-MAC-L", None, None, Some(2))]
    );
}

#[test]
fn indonesian_mengirim_dari_and_sisa_akan_dikirim() {
    let text = "Kami sudah mengirim 4 dari 6 Batik tray (KK-TR-BAT). Sisa 2 akan dikirim tanggal 5 Desember.";
    assert_eq!(find_line_quantities(text), vec![line("KK-TR-BAT", Some(6), Some(4), Some(2))]);
    let short = "KK-BN-1KG dikirim 5 pcs, kurang 3 pcs akan dikirim minggu depan";
    assert_eq!(find_line_quantities(short), vec![line("KK-BN-1KG", Some(8), Some(5), Some(3))]);
}

#[test]
fn dutch_de_overige_volgen() {
    let text = "Beste, van HP-BL-QN zijn er 2 verzonden; de overige 3 volgen volgende week.";
    assert_eq!(find_line_quantities(text), vec![line("HP-BL-QN", Some(5), Some(2), Some(3))]);
}

#[test]
fn a_hindi_sentence_with_bheje_and_baaki() {
    let text = "नमस्ते, NW-KU-L के 4 पीस भेज दिए गए हैं, बाकी 2 अगले हफ्ते भेजेंगे।";
    assert_eq!(find_line_quantities(text), vec![line("NW-KU-L", Some(6), Some(4), Some(2))]);
}

#[test]
fn a_fraction_beside_a_role_word_is_part_of_a_total() {
    let text = "Pour la commande PO-55170 : ML-TH-SET expédié 2/3, reliquat 1 sous 10 jours.";
    assert_eq!(find_line_quantities(text), vec![line("ML-TH-SET", Some(3), Some(2), Some(1))]);
}

#[test]
fn a_date_written_like_a_fraction_is_not_one() {
    let text = "ML-TH-SET: 2 shipped on 2/3, 1 to follow.";
    assert_eq!(find_line_quantities(text), vec![line("ML-TH-SET", Some(3), Some(2), Some(1))]);
}

#[test]
fn a_total_phrased_with_out_of_and_ordered_first() {
    let text = "Out of the 6 units ordered, 4 have shipped and 2 are backordered (AH-SB-M).";
    assert_eq!(find_line_quantities(text), vec![line("AH-SB-M", Some(6), Some(4), Some(2))]);
}

#[test]
fn an_unnamed_item_with_a_name_after_the_number() {
    let text = "We have dispatched 10 of the 12 mugs today; 2 remain on backorder until 5 Dec.";
    assert_eq!(find_line_quantities(text), vec![line("mugs", Some(12), Some(10), Some(2))]);
}

#[test]
fn a_summary_below_a_table_names_the_rows_by_their_words_and_adds_no_line() {
    let text = "SKU         Item               Ordered  Shipped  Backordered\nKK-TR-BAT   Batik tray            5        3          2\nKK-GR-01    Manual grinder        1        0          1\n\nThe balance (2 trays and 1 grinder) will be sent on Friday.";
    assert_eq!(
        find_line_quantities(text),
        vec![five_three_two("KK-TR-BAT"), line("KK-GR-01", Some(1), Some(0), Some(1))]
    );
    let spanish = "Ref.   Descripción     Pedido  Enviado  Pendiente\nCV-MAC-L  Maceta grande   5   3   2\nCV-COJ-V  Cojín verde     1   1   0\n\nLas 2 unidades pendientes de Maceta grande saldrán el lunes.";
    assert_eq!(
        find_line_quantities(spanish),
        vec![five_three_two("CV-MAC-L"), line("CV-COJ-V", Some(1), Some(1), Some(0))]
    );
}

#[test]
fn a_unit_word_after_the_count_is_never_the_item() {
    for text in [
        "Code  Omschrijving  Besteld  Geleverd  Nalevering\nHP-BL-QN  Merino deken  5  3  2\n\nDe nalevering van 2 stuks volgt op vrijdag.",
        "Kode  Nama  Qty PO  Qty Kirim  Sisa\nHP-BL-QN  Selimut  5  3  2\n\nSisa 2 buah menyusul minggu depan.",
    ] {
        assert_eq!(find_line_quantities(text), vec![five_three_two("HP-BL-QN")], "in {text:?}");
    }
}

#[test]
fn an_unnamed_total_below_named_lines_goes_when_it_adds_up_and_stays_when_not() {
    let table = "SKU | Ordered | Shipped | Backordered\nKK-TR-BAT | 5 | 3 | 2\nKK-GR-01 | 2 | 1 | 1\n";
    let adds_up = format!("{table}\nThe remaining 3 units follow next week.");
    assert_eq!(
        find_line_quantities(&adds_up),
        vec![five_three_two("KK-TR-BAT"), line("KK-GR-01", Some(2), Some(1), Some(1))]
    );
    let does_not = format!("{table}\nThe remaining 4 units follow next week.");
    assert_eq!(find_line_quantities(&does_not).last(), Some(&line("", None, None, Some(4))));
}
