//! Sentences as customers, suppliers and carriers write them.

use super::{find_order_refs, find_po_numbers};

fn keys(text: &str) -> Vec<String> {
    find_order_refs(text).into_iter().map(|r| r.key).collect()
}

fn po_keys(text: &str) -> Vec<String> {
    find_po_numbers(text).into_iter().map(|p| p.key).collect()
}

// --- order references ---------------------------------------------------

#[test]
fn letter_prefixed_references_are_found_in_every_common_spelling() {
    assert_eq!(keys("Re: SO-10231 delayed"), ["SO10231"]);
    assert_eq!(keys("about SO10231 please"), ["SO10231"]);
    assert_eq!(keys("ST-2291, KK-20451 and AH-500123"), ["ST2291", "KK20451", "AH500123"]);
    assert_eq!(keys("hi, so 10231 hasn't arrived"), ["SO10231"]);
    assert_eq!(keys("Ref SO 10231"), ["SO10231"]);
    assert_eq!(keys("pedido cv–33081"), ["CV33081"]);
}

#[test]
fn references_beside_slashes_and_in_paths_are_found() {
    assert_eq!(keys("SO-10231/SO-10232"), ["SO10231", "SO10232"]);
    assert_eq!(keys("https://shop.example.com/orders/SO-10231"), ["SO10231"]);
}

#[test]
fn a_reference_has_a_key_digits_and_a_prefix_flag() {
    let r = &find_order_refs("Order SO-10231")[0];
    assert_eq!((r.text.as_str(), r.key.as_str(), r.digits.as_str()), ("SO-10231", "SO10231", "10231"));
    assert!(r.prefixed);
    let r = &find_order_refs("Order #1043")[0];
    assert_eq!((r.key.as_str(), r.digits.as_str(), r.prefixed), ("1043", "1043", false));
}

#[test]
fn hash_numbers_are_shopify_style_order_names() {
    assert_eq!(keys("Where is #10231?"), ["10231"]);
    assert_eq!(keys("Where is # 10231?"), ["10231"]);
    assert_eq!(keys("Shopify order #NW1043 confirmed"), ["NW1043"]);
    assert!(keys("C#123 and &#8217; and item #2").is_empty());
}

#[test]
fn english_order_words_give_digit_candidates() {
    for s in [
        "order 10231",
        "Order no. 10231",
        "order number: 10231",
        "Order #10231",
        "my order 10231 is late",
        "Order ID: 10231",
        "your order number is 10231",
        "Order Number | 10231 | Status | Shipped",
    ] {
        assert_eq!(keys(s), ["10231"], "{s}");
    }
    assert_eq!(keys("order number: SO-10231"), ["SO10231"]);
}

#[test]
fn order_words_in_every_language_give_candidates() {
    for s in [
        "Mi pedido 10231 no ha llegado",
        "nº de pedido: 10231",
        "Número de pedido 10231",
        "Meine Bestellung 10231 ist noch nicht da",
        "Bestellnummer: 10231",
        "Bestell-Nr. 10231",
        "Ma commande n° 10231 n'est pas arrivée",
        "numéro de commande : 10231",
        "Pesanan saya 10231 belum sampai",
        "nomor pesanan 10231",
        "pesanannya #10231 kapan dikirim?",
        "Mijn bestelling 10231 is niet aangekomen",
        "bestelnummer 10231",
        "मेरा ऑर्डर 10231 कब आएगा?",
        "ऑर्डर नंबर 10231",
        "ऑर्डर संख्या: 10231",
        "mera order 10231 abhi tak nahi aaya",
        "order no 10231 ka status kya hai",
    ] {
        assert_eq!(keys(s), ["10231"], "{s}");
    }
}

#[test]
fn lists_after_one_order_word_give_every_number() {
    assert_eq!(keys("orders 10231 and 10232"), ["10231", "10232"]);
    assert_eq!(keys("pedidos 10231, 10232 y #10233"), ["10231", "10232", "10233"]);
    assert_eq!(keys("Bestellungen 10231 und 10232"), ["10231", "10232"]);
}

#[test]
fn an_amazon_shaped_order_number_is_kept_whole() {
    assert_eq!(keys("Order # 112-1234567-1234567"), ["11212345671234567"]);
}

#[test]
fn references_are_deduplicated_by_key_in_text_order() {
    assert_eq!(keys("SO-10232 ... order SO-10231 ... so10232"), ["SO10232", "SO10231"]);
}

#[test]
fn bare_numbers_are_never_order_references() {
    assert!(keys("Please call 9812345678 before 10231 pm").is_empty());
    assert!(keys("We have 10231 reasons").is_empty());
}

#[test]
fn phones_postcodes_prices_dates_and_quantities_are_left_out() {
    let text = "Call +91 98123 45678. Ship to 7 Linking Road, Mumbai MH 400050, \
                New Delhi 110024, Sydney NSW 2000. Price ₹1,299 / Rp 150.000 / 12,50 €. \
                Date 24.11.2026, 2026-11-24 at 10:30. PIN 110024, Nov 2026.";
    assert!(keys(text).is_empty(), "{:?}", keys(text));
}

#[test]
fn order_words_before_quantities_prices_dates_and_years_give_nothing() {
    for s in [
        "I want to order 2 units",
        "order 500 units of SKU NW-CH-320",
        "pedido 150.000 Rp",
        "Bestellung 12,50 €",
        "order 24/11/2026",
        "order 2026-11-24",
        "my order 2025 was fine",
        "order 1299 rupees",
    ] {
        assert!(keys(s).is_empty(), "{s}: {:?}", keys(s));
    }
}

#[test]
fn tracking_numbers_are_not_order_references() {
    assert!(keys("J&T resi JP8747431133, Ninja Van NVID8564801557").is_empty());
    assert_eq!(keys("order SO-10231, UPS 1ZT8SUDL1232445429"), ["SO10231"]);
}

#[test]
fn purchase_orders_are_not_order_references() {
    assert!(keys("PO-55120, PO 55121, OC-55464, BC-55742, PO/KK/20461").is_empty());
    assert!(keys("bon de commande 55742").is_empty());
    assert!(keys("purchase order 55120").is_empty());
    assert!(keys("orden de compra 55464").is_empty());
}

#[test]
fn order_book_references_are_found_in_sentences() {
    let cases = [
        ("Hi, where is my order SO-10237?", "SO10237"),
        ("Paket pesanan KK-20463 belum sampai", "KK20463"),
        ("Mi pedido CV-33081 llegó dañado", "CV33081"),
        ("Bestellung AH-500123: bitte Lieferadresse ändern", "AH500123"),
        ("Ma commande ML-77810 est en retard", "ML77810"),
        ("Order HP-88012 still not here", "HP88012"),
    ];
    for (s, key) in cases {
        assert_eq!(keys(s), [key], "{s}");
    }
}

// --- purchase orders -----------------------------------------------------

#[test]
fn po_abbreviations_keep_the_po_in_the_key() {
    for s in ["PO-55120", "PO 55120", "PO#55120", "P.O. 55120", "P.O. No. 55120", "po no: 55120", "PO number 55120"] {
        assert_eq!(po_keys(s), ["PO55120"], "{s}");
    }
    assert_eq!(po_keys("Ref PO/KK/20461 partial"), ["POKK20461"]);
    assert_eq!(po_keys("your PO: 4500012345"), ["PO4500012345"]);
}

#[test]
fn a_po_number_has_its_text_and_digits() {
    let p = &find_po_numbers("Re: PO/KK/20461 shipped in part")[0];
    assert_eq!((p.text.as_str(), p.digits.as_str()), ("PO/KK/20461", "20461"));
}

#[test]
fn localised_purchase_order_words_give_the_value() {
    let cases = [
        ("purchase order 55120", "55120"),
        ("Orden de compra OC-55464: entrega parcial", "OC55464"),
        ("orden de compra nº 55464", "55464"),
        ("Bon de commande n° BC-55742", "BC55742"),
        ("Inkooporder 55120 is gedeeltelijk verzonden", "55120"),
        ("Pesanan pembelian nomor 55120 terlambat", "55120"),
        ("खरीद आदेश 55120 में देरी", "55120"),
        ("PO: OC-55464", "OC55464"),
    ];
    for (s, key) in cases {
        assert_eq!(po_keys(s), [key], "{s}");
    }
}

#[test]
fn supplier_prefixes_are_purchase_orders_on_their_own() {
    assert_eq!(po_keys("OC-55464 retrasada"), ["OC55464"]);
    assert_eq!(po_keys("Lieferung zu BE-55616"), ["BE55616"]);
    assert_eq!(po_keys("BC-55742 expédiée"), ["BC55742"]);
    assert_eq!(po_keys("Ref. OC 55464 / OC: 55465"), ["OC55464", "OC55465"]);
}

#[test]
fn a_suppliers_ihre_bestellung_is_a_po_and_stays_an_order_candidate() {
    let text = "Ihre Bestell-Nr. 4500012345 wird am 26.11. geliefert";
    assert_eq!(po_keys(text), ["4500012345"]);
    assert_eq!(keys(text), ["4500012345"]);
    assert_eq!(po_keys("Ihre Bestellung BE-55616 verzögert sich"), ["BE55616"]);
}

#[test]
fn po_boxes_and_pre_orders_are_not_purchase_orders() {
    assert!(po_keys("P.O. Box 1234, PO Box 99").is_empty());
    assert!(po_keys("barang PO 7 hari, Kode Pos 12345").is_empty());
}

#[test]
fn odd_input_never_panics() {
    for s in ["", "#", "PO", "P.O.", "ऑर्डर", "order #", "Ihre Bestellung", "€ 1", "SO-"] {
        let _ = (find_order_refs(s), find_po_numbers(s));
    }
}

#[test]
fn devanagari_digits_after_an_order_word_give_ascii_keys() {
    assert_eq!(keys("मेरा ऑर्डर १०२३१ नहीं आया"), ["10231"]);
}

#[test]
fn a_suppliers_reference_block_gives_only_the_po() {
    let text = "Lieferschein 80012345, Auftragsbestätigung AB-2026-1234, \
                Ihre Bestellnummer 4500098765 vom 10.11.2026";
    assert_eq!(po_keys(text), ["4500098765"]);
    assert_eq!(keys(text), ["4500098765"]);
}

#[test]
fn a_repeated_tracking_number_is_never_an_order_reference() {
    let text = "Resi JP8747431133 ... sekali lagi: JP8747431133";
    assert!(keys(text).is_empty());
}
