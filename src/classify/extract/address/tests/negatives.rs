//! What is not a new address: signatures, two addresses without a cue,
//! phone and order numbers, prices, dates, flat numbers, and partial
//! addresses that must not be filled in.

use super::*;

#[test]
fn a_signature_like_address_without_a_cue_or_address_talk_is_ignored() {
    let text =
        "Hi,\nwhere is my parcel? It was due on Monday.\n\nPriya Sharma\n14 MG Road, Bengaluru 560001\n+91 98123 45678";
    assert_eq!(find_new_address(text), None);
}

#[test]
fn two_addresses_without_a_cue_give_none() {
    let text =
        "I need to change my address. It could be 14 MG Road, Bengaluru 560001 or 22 Residency Road, Bengaluru 560025.";
    assert_eq!(find_new_address(text), None);
    let blocks = "About my address:\n\n14 MG Road\nBengaluru 560001\n\nOffice:\n22 Residency Road\nBengaluru 560025";
    assert_eq!(find_new_address(blocks), None);
}

#[test]
fn an_old_address_alone_is_not_a_new_one() {
    let text = "My old address was 14 MG Road, Bengaluru 560001. I will send the new address tomorrow.";
    assert_eq!(find_new_address(text), None);
}

#[test]
fn phone_order_tracking_numbers_prices_and_dates_are_not_addresses() {
    for text in [
        "Where is my order SO-10231? I paid Rs 12190 already. My number is 98123 45678.",
        "Order 10231 was placed on 12 November 2026 for €1200. Is the address right?",
        "Tracking DL1234567890IN says the address is wrong, call me on +49 89 1234567.",
        "Please call about my address, +91 98123 45678, between 10:30 and 12:00 on 26.11.2026.",
    ] {
        assert_eq!(find_new_address(text), None, "in {text:?}");
    }
}

#[test]
fn a_phone_number_after_the_address_is_not_its_postcode() {
    let a = found("Please deliver to 88 Civil Lines, Jaipur, Rajasthan 302006. my phone is 9812345678");
    assert_eq!(a.postcode.as_deref(), Some("302006"));
    let no_pin = found("New address: 88 Civil Lines, Jaipur, mobile 98123 45678");
    assert_eq!(no_pin.postcode, None);
}

#[test]
fn a_room_or_flat_number_is_not_a_postcode() {
    let a = found("Please deliver to Room 5012, 17 George St, Sydney");
    assert_eq!(a.postcode, None);
    assert_eq!(a.line1, "17 George St");
    assert_eq!(a.line2.as_deref(), Some("Room 5012"));
    assert_eq!(find_new_address("Please send it to room 5012 at my office"), None);
}

#[test]
fn a_partial_address_keeps_the_missing_parts_empty() {
    let a = found("Please deliver to 22 Residency Road");
    assert_eq!(a.line1, "22 Residency Road");
    assert_eq!((a.city, a.postcode, a.country), (None, None, None));
    let b = found("New address: 22 Residency Road, Bengaluru");
    assert_eq!(b.city.as_deref(), Some("Bengaluru"));
    assert_eq!(b.missing(), vec!["postcode", "country"]);
}

#[test]
fn the_country_is_never_inferred_from_the_postcode_or_the_city() {
    let a = found("Neue Adresse: Hauptstraße 5, 80331 München");
    assert_eq!(a.country, None);
    assert!(!a.is_complete());
    assert_eq!(a.missing(), vec!["country"]);
}

#[test]
fn a_cue_that_names_no_address_gives_none() {
    for text in [
        "Please deliver to my neighbour if I am not home.",
        "Can you send it to me faster?",
        "Bitte liefern Sie an die Nachbarn.",
    ] {
        assert_eq!(find_new_address(text), None, "in {text:?}");
    }
}

#[test]
fn an_address_the_customer_asks_not_to_use_is_not_new() {
    assert_eq!(find_new_address("Please do not ship to 14 MG Road, Bengaluru 560001."), None);
}

#[test]
fn a_postcode_of_the_wrong_shape_for_the_named_country_is_not_taken() {
    let a = found("New address: Hauptstraße 5, 8033 München, Deutschland");
    assert_eq!(a.postcode, None);
    assert_eq!(a.country.as_deref(), Some("DE"));
}

#[test]
fn odd_input_does_not_panic() {
    for text in ["", " ", "\n\n", "new address:", "नया पता", "ship to ,,, -- ||", "é\u{301}: 5 - 6", "#", "€"]
    {
        let _ = find_new_address(text);
    }
}

#[rustfmt::skip]
const FRAGMENTS: &[&str] = &[
    "new address:", "ship to", " ", "\n", "\n\n", ",", ".", "5", "560001", "560 001", "NW1 6XE", "1016 GV",
    "Road", "Straße", "Jl.", "No.", "।", "。", "पता", "é", "\u{301}", " - ", "|", "\t", ":", "Flat 3B", "India",
    "IN", "CA", "94103-1234", "+91", "#", "(", ")", "3º", "2. OG", "c/o", "€", "/", "St.", "not", "instead of",
    "old address",
];

/// Glue fragments that stress the parser (multi-byte marks, cut points,
/// postcode shapes) into many texts; none may panic.
#[test]
fn generated_texts_never_panic() {
    let frags = FRAGMENTS;
    let mut seed: u64 = 12345;
    for _ in 0..1500 {
        let mut text = String::new();
        for _ in 0..(seed % 12) + 1 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(frags[(seed >> 33) as usize % frags.len()]);
        }
        let _ = find_new_address(&text);
    }
}

#[test]
fn a_carrier_that_could_not_deliver_names_the_old_address() {
    for text in [
        "We were unable to deliver to 14 MG Road, Bengaluru 560001, India: address incomplete.",
        "Our driver attempted to deliver to 12 rue de Rivoli, 75004 Paris today.",
        "We tried to deliver to Hauptstraße 5, 80331 München but nobody was home.",
    ] {
        assert_eq!(find_new_address(text), None, "in {text:?}");
    }
}

#[test]
fn two_different_addresses_after_equal_cues_are_ambiguous() {
    let text = "Please ship to 22 Residency Road, Bengaluru 560025, or ship to 45 Anna Salai, Chennai 600002.";
    assert_eq!(find_new_address(text), None);
    let one_cue = "Please ship to 22 Residency Road, Bengaluru 560025 or 45 Anna Salai, Chennai 600002.";
    assert_eq!(find_new_address(one_cue), None);
}

#[test]
fn an_address_a_carrier_has_on_file_is_not_new() {
    for text in [
        "The address on the parcel is 14 MG Road, Bengaluru 560001. Please confirm it is correct.",
        "Please confirm the delivery address: 14 MG Road, Bengaluru 560001, India.",
    ] {
        assert_eq!(find_new_address(text), None, "in {text:?}");
    }
}

#[test]
fn a_ship_to_label_in_a_confirmation_or_carrier_notice_is_the_existing_address() {
    let forwarded = "Hi, I need to change the address on this order, details soon.\n\nYour order KK-3310 is confirmed.\n\nAlamat pengiriman / Ship to:\n  Rina Wijaya\n  Jl. Gajah Mada No. 12\n  Semarang 50134\n  Indonesia";
    assert_eq!(find_new_address(forwarded), None);
    let carrier = "Delivery exception for 1Z999AA10123456784.\nShip To: WIEN, AT 1070\nPlease confirm the address.";
    assert_eq!(find_new_address(carrier), None);
}

#[test]
fn a_colon_that_gives_the_old_place_just_named_does_not_introduce_a_new_one() {
    let text = "Please send it to my new flat instead of the old one, which is:\n4 Church Street\nPune 411001\nIndia";
    assert_eq!(find_new_address(text), None);
}
