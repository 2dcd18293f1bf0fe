//! Texts that state no shipped or backordered quantity give nothing.

use super::*;

#[test]
fn a_customer_saying_what_they_ordered_gives_nothing() {
    for text in [
        "I ordered 2 shirts and they have not arrived.",
        "Hi, I ordered 3 mugs on 12 November, where are they?",
        "Ich habe 2 Regenjacken bestellt.",
    ] {
        assert_eq!(find_line_quantities(text), vec![], "in {text:?}");
    }
}

#[test]
fn counts_of_emails_parcels_and_pages_are_not_quantities() {
    for text in [
        "This is email 2 of 3 about your account.",
        "Reminder: 2 of 3 emails sent.",
        "Parcel 1 of 2 has been shipped with DHL.",
        "Page 2 of 3",
    ] {
        assert_eq!(find_line_quantities(text), vec![], "in {text:?}");
    }
}

#[test]
fn a_shipment_notice_without_numbers_per_line_gives_nothing() {
    let text = "Your PO-55120 shipped today with tracking 1Z999AA10123456784, expected in 3 days.";
    assert_eq!(find_line_quantities(text), vec![]);
}

#[test]
fn prices_dates_and_phone_numbers_are_not_quantities() {
    let text = "Shipped on 26/11/2026 at 10:30, invoice total €1,200.50, 15% discount, call +49 89 1234567.";
    assert_eq!(find_line_quantities(text), vec![]);
}

#[test]
fn a_table_without_shipment_columns_is_not_a_shipment() {
    let text = "SKU | Qty | Price\nNW-LS-M | 2 | 1499\nNW-CH-32 | 1 | 1999";
    assert_eq!(find_line_quantities(text), vec![]);
}

#[test]
fn skus_and_po_numbers_are_not_read_as_quantities() {
    assert_eq!(find_line_quantities("PO-55120: KK-MUG-02 and AH-RS-45 are on backorder."), vec![]);
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        "\n",
        "|",
        "| |\n| |",
        "shipped",
        "3 of",
        "of 5",
        "5 में से",
        "\t\t",
        "é\u{301} 3 shipped",
        "99999999999 shipped",
    ] {
        let _ = find_line_quantities(text);
    }
}

#[test]
fn a_customer_complaint_about_missing_items_gives_nothing() {
    for text in [
        "I ordered 3 items but only 2 were delivered, 1 is missing",
        "My order hasn't shipped yet, it's been 5 days",
        "Where is my order #10231? I ordered 2 on 12/11 and paid 1499.",
    ] {
        assert_eq!(find_line_quantities(text), vec![], "in {text:?}");
    }
}

#[rustfmt::skip]
const FRAGMENTS: &[&str] = &[
    "shipped", "3 of 5", "backorder", "NW-LS-M", "5 में से 3", "/", "2/3", " ", "\n", "\n\n", "|", "\t", ",", ".",
    ";", ":", "5", "x", "(", ")", "€", "।", "é", "\u{301}", "Shipped:", "Qty | Shipped | Open", "not yet shipped",
    "von", "dari", "  ", "-", " - ", "99999", "1,200",
];

/// Glue fragments that stress the reader (role words, fractions, Hindi
/// totals, table bars, multi-byte marks) into many texts; none may panic.
#[test]
fn generated_texts_never_panic() {
    let frags = FRAGMENTS;
    let mut seed: u64 = 777;
    for _ in 0..1500 {
        let mut text = String::new();
        for _ in 0..(seed % 12) + 1 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(frags[(seed >> 33) as usize % frags.len()]);
        }
        let _ = find_line_quantities(&text);
    }
}

#[test]
fn a_sentence_of_column_words_is_not_a_flattened_header() {
    let text = "Ordered shipped backordered, sorry for the mess.\nHP-RUG-M shipped 3, 2 backordered";
    assert_eq!(find_line_quantities(text), vec![five_three_two("HP-RUG-M")]);
}
