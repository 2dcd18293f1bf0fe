//! Sentences as carriers, suppliers and customers write them.

use super::Carrier::{self, *};
use super::{carrier_name, find_tracking_numbers, normalise};

fn found(text: &str) -> Vec<(String, Option<Carrier>, bool)> {
    find_tracking_numbers(text).into_iter().map(|t| (t.number, t.carrier, t.check_digit_verified)).collect()
}

fn one(n: &str, c: Option<Carrier>, verified: bool) -> Vec<(String, Option<Carrier>, bool)> {
    vec![(n.to_string(), c, verified)]
}

fn numbers(text: &str) -> Vec<String> {
    find_tracking_numbers(text).into_iter().map(|t| t.number).collect()
}

// --- strong formats: no cue needed -------------------------------------

#[test]
fn a_ups_number_is_found_anywhere_with_its_check_digit() {
    let text = "Hi, it says 1Z999AA10123456784 on the label.";
    assert_eq!(found(text), one("1Z999AA10123456784", Some(Ups), true));
}

#[test]
fn a_ups_number_with_a_wrong_check_digit_is_not_a_ups_number() {
    assert!(found("Label 1Z999AA10123456785 attached").is_empty());
}

#[test]
fn a_ups_number_with_a_wrong_check_digit_is_kept_unattributed_after_an_explicit_cue() {
    let text = "Tracking number: 1Z999AA10123456785";
    assert_eq!(found(text), one("1Z999AA10123456785", None, false));
}

#[test]
fn a_spaced_ups_number_is_joined() {
    let text = "Your parcel 1Z 999 AA1 01 2345 6784 is on its way.";
    assert_eq!(numbers(text), ["1Z999AA10123456784"]);
}

#[test]
fn a_carrier_html_notice_turned_into_text_gives_the_number() {
    let text = "UPS Update\nTracking Number | 1ZT8SUDL1232445429 | Status | Exception\n\
                Reason | The address is incomplete";
    assert_eq!(found(text), one("1ZT8SUDL1232445429", Some(Ups), true));
}

#[test]
fn a_royal_mail_s10_number_is_verified() {
    let text = "Your item RA641796157GB will be delivered tomorrow.";
    assert_eq!(found(text), one("RA641796157GB", Some(RoyalMail), true));
    assert_eq!(numbers("Tracked 24: TT123456785GB"), ["TT123456785GB"]);
}

#[test]
fn an_s10_number_with_a_wrong_check_digit_is_not_taken() {
    assert!(found("Reference RA641796158GB here").is_empty());
}

#[test]
fn a_spaced_s10_number_is_joined() {
    assert_eq!(numbers("Ref: RA 1234 5678 5 GB"), ["RA123456785GB"]);
}

#[test]
fn s10_numbers_point_to_the_post_of_their_country() {
    assert_eq!(found("EE727808081AU")[0].1, Some(AustraliaPost));
    assert_eq!(found("LZ876543216US")[0].1, Some(Usps));
    // India Post is not one of ours: verified, no carrier.
    assert_eq!(found("EE112233447IN"), one("EE112233447IN", None, true));
}

#[test]
fn a_22_digit_usps_number_stands_alone_and_a_wrong_one_does_not() {
    let text = "USPS: 9400 1112 0108 0805 4830 16 arrives Friday";
    assert_eq!(found(text), one("9400111201080805483016", Some(Usps), true));
    assert!(found("see 9400111201080805483017").is_empty());
}

#[test]
fn a_fedex_smartpost_number_goes_to_fedex_when_the_mail_says_fedex() {
    let text = "FedEx SmartPost tracking 9261292700768711948021";
    assert_eq!(found(text), one("9261292700768711948021", Some(Fedex), true));
}

#[test]
fn a_fedex_ground_96_barcode_is_verified() {
    assert_eq!(found("9611020987654312345672")[0].1, Some(Fedex));
}

#[test]
fn j_and_t_and_ninja_van_numbers_need_no_cue() {
    assert_eq!(found("JP8747431133"), one("JP8747431133", Some(JAndT), false));
    assert_eq!(found("NVID8564801557"), one("NVID8564801557", Some(NinjaVan), false));
    assert_eq!(numbers("id NVSGNJVAN000123456."), ["NVSGNJVAN000123456"]);
}

#[test]
fn dhl_piece_and_ecommerce_ids_need_no_cue() {
    assert_eq!(found("JJD0099999999")[0].1, Some(Dhl));
    assert_eq!(found("GM2951173225174494")[0].1, Some(Dhl));
}

// --- weak formats: cue and check digit ---------------------------------

#[test]
fn a_dhl_express_waybill_needs_a_cue() {
    assert!(found("Ref 1709168462 in our system").is_empty());
    let text = "Your shipment 1709168462 is delayed.";
    assert_eq!(found(text), one("1709168462", Some(Dhl), true));
}

#[test]
fn a_dhl_waybill_with_a_wrong_check_digit_is_not_dhl() {
    let text = "Your shipment 1709168463 is delayed.";
    assert!(found(text).iter().all(|t| t.1 != Some(Dhl)));
}

#[test]
fn a_blue_dart_awb_is_verified_by_mod7() {
    let text = "Blue Dart AWB No. 87207378834 - delivery attempted";
    assert_eq!(found(text), one("87207378834", Some(BlueDart), true));
    let wrong = "Blue Dart AWB No. 87207378835";
    assert_eq!(found(wrong), one("87207378835", None, false));
}

#[test]
fn fedex_express_and_ground_numbers_need_a_cue_and_a_check_digit() {
    assert!(found("Invoice 986578788855").is_empty());
    let text = "FedEx tracking: 9865 7878 8855";
    assert_eq!(found(text), one("986578788855", Some(Fedex), true));
    let ground = "Your package 568283610012734 is out for delivery";
    assert_eq!(found(ground), one("568283610012734", Some(Fedex), true));
    assert!(found("Your package 568283610012732").iter().all(|t| t.1.is_none()));
}

#[test]
fn plain_digit_carriers_are_named_by_the_mail() {
    let aramex = "Aramex: shipment 85348161653 is held at the facility";
    assert_eq!(found(aramex), one("85348161653", Some(Aramex), false));
    let delhivery = "Delhivery waybill 2151056338189 - RTO initiated";
    assert_eq!(found(delhivery), one("2151056338189", Some(Delhivery), false));
    let ecom = "Ecom Express AWB 7844222323 out for delivery";
    assert_eq!(found(ecom), one("7844222323", Some(EcomExpress), false));
}

#[test]
fn a_plain_digit_waybill_without_a_carrier_name_is_kept_unattributed() {
    let text = "Waybill: 2151056338189";
    assert_eq!(found(text), one("2151056338189", None, false));
}

#[test]
fn dtdc_startrack_and_australia_post_domestic_forms_need_a_cue() {
    assert!(found("V19664073").is_empty());
    assert_eq!(found("DTDC consignment V19664073"), one("V19664073", Some(Dtdc), false));
    let st = "StarTrack consignment ABCZ01234567 is delayed";
    assert_eq!(found(st), one("ABCZ01234567", Some(StarTrack), false));
    let ap = "Your parcel 33ABC1234567 is awaiting collection";
    assert_eq!(found(ap), one("33ABC1234567", Some(AustraliaPost), false));
}

#[test]
fn an_unknown_code_printed_in_groups_is_kept_whole_after_an_explicit_cue() {
    let text = "Track & Trace: 3S ABCD 1234 567 (2 pakketten)";
    assert_eq!(found(text), one("3SABCD1234567", None, false));
    assert!(found("Parcel 3S ABCD 1234 567").is_empty());
}

#[test]
fn item_and_delivery_note_numbers_are_not_tracking_numbers() {
    assert!(found("Item no. 40012345, delivery number 80012345").is_empty());
}

#[test]
fn an_unknown_code_is_taken_only_after_an_explicit_cue() {
    let text = "Tracking number: ABC123456789";
    assert_eq!(found(text), one("ABC123456789", None, false));
    assert!(found("Article ABC123456789 is in stock").is_empty());
}

// --- what is not a tracking number -------------------------------------

#[test]
fn phone_numbers_are_not_taken_even_near_shipping_words() {
    // 9812345605 passes the DHL mod-7 check.
    assert!(found("Courier will call you from +91 98123 45605 today").is_empty());
    assert!(found("For your delivery call 9812345605").is_empty());
    assert!(found("Kurir: hubungi WA 9812345605 untuk pengiriman").is_empty());
    assert!(found("Paket: Tel. +49 (0) 1709168462").is_empty());
}

#[test]
fn order_and_po_numbers_next_to_shipping_words_are_not_taken() {
    assert!(found("Shipment for order 1709168462 is ready").is_empty());
    assert!(found("Delivery of PO 4500012345 delayed").is_empty());
}

#[test]
fn prices_dates_and_postcodes_are_not_tracking_numbers() {
    let text = "Parcel value ₹1,299 (Rp 150.000 / 12,50 €), shipped 2026-11-24 \
                to New Delhi 110024, delivery 24.11.2026 at 10:30.";
    assert!(found(text).is_empty());
}

#[test]
fn a_cue_in_another_paragraph_does_not_count() {
    let text = "Your parcel is on its way.\n\nReference: 1709168462";
    assert!(found(text).is_empty());
}

// --- every language's cue words ----------------------------------------

#[test]
fn cue_words_in_every_language_accept_a_dhl_waybill() {
    let sentences = [
        "Your tracking number is 1709168462.",
        "आपका ट्रैकिंग नंबर 1709168462 है।",
        "aapka AWB no 1709168462 hai, kal tak delivery ho jayegi",
        "Nomor resi Anda: 1709168462",
        "No. resi 1709168462 sudah dikirim",
        "Su número de seguimiento es 1709168462.",
        "Su envío 1709168462 llegará mañana.",
        "Ihre Sendungsnummer lautet 1709168462.",
        "Sendungsverfolgung: 1709168462",
        "Votre numéro de suivi : 1709168462",
        "Votre colis 1709168462 est en route.",
        "Track & Trace: 1709168462",
        "Uw zendingnummer is 1709168462.",
        "Suivi de votre envoi : 1709168462",
        "Seguimiento del paquete: 1709168462",
        "Lacak paket 1709168462 di sini",
        "आपका पार्सल 1709168462 रास्ते में है",
    ];
    for s in sentences {
        assert_eq!(found(s), one("1709168462", Some(Dhl), true), "{s}");
    }
}

#[test]
fn explicit_cues_in_every_language_keep_an_unknown_code() {
    let sentences = [
        "Tracking no.: XY12345678Z",
        "No. Resi: XY12345678Z",
        "Número de guía: XY12345678Z",
        "Sendungsnummer: XY12345678Z",
        "N° de suivi : XY12345678Z",
        "Zendingnummer: XY12345678Z",
        "ट्रैकिंग आईडी: XY12345678Z",
    ];
    for s in sentences {
        assert_eq!(found(s), one("XY12345678Z", None, false), "{s}");
    }
}

// --- the order book's numbers in sentences -----------------------------

#[test]
fn numbers_from_the_order_book_are_found_in_sentences() {
    let cases = [
        ("Your UPS parcel 1ZE8V9J71213914783 was delayed.", Some(Ups)),
        ("Ihre DHL Sendung 8467651916 kommt später.", Some(Dhl)),
        ("Votre colis UPS 1ZCUUXT00193994672 est retardé.", Some(Ups)),
        ("Paket Anda dengan resi JP8747431133 tertunda.", Some(JAndT)),
        ("Ninja Van: kiriman NVID0161933282 gagal diantar.", Some(NinjaVan)),
        ("Blue Dart AWB 26484348310 RTO", Some(BlueDart)),
        ("Delhivery shipment 1010473089322 delivered", Some(Delhivery)),
        ("Royal Mail: RA900645955GB", Some(RoyalMail)),
        ("USPS tracking 9400149608767150087800", Some(Usps)),
        ("Australia Post EE727808081AU held", Some(AustraliaPost)),
        ("DTDC docket no V19664073", Some(Dtdc)),
        ("Aramex shipment 40218158646", Some(Aramex)),
        ("Ecom Express AWB 7510874427", Some(EcomExpress)),
    ];
    for (s, carrier) in cases {
        let got = find_tracking_numbers(s);
        assert_eq!(got.len(), 1, "{s}");
        assert_eq!(got[0].carrier, carrier, "{s}");
    }
}

#[test]
fn numbers_are_deduplicated_in_text_order() {
    let text = "JP8747431133 and 1Z999AA10123456784, again JP 8747431133";
    assert_eq!(numbers(text), ["JP8747431133", "1Z999AA10123456784"]);
}

#[test]
fn separate_numbers_after_one_cue_are_not_glued_together() {
    let text = "AWB 87207378834 2 parcels, AWB 26484348310";
    assert_eq!(numbers(text), ["87207378834", "26484348310"]);
}

#[test]
fn normalise_upper_cases_and_drops_spaces_and_dashes() {
    assert_eq!(normalise("1z 999-aa1 01\u{a0}2345"), "1Z999AA1012345");
    assert_eq!(carrier_name(JAndT), "J&T Express");
    assert_eq!(carrier_name(AustraliaPost), "Australia Post");
}

#[test]
fn odd_input_never_panics() {
    for s in ["", "+", "1Z", "ट्रैकिंग", "Tracking number:", "RA 1234", "+91", "€€€ 1Z9"] {
        let _ = find_tracking_numbers(s);
    }
}

#[test]
fn plain_digits_near_a_shipping_word_need_the_carrier_name_or_an_explicit_cue() {
    assert!(found("Unix time 1763980800 in the shipment log").is_empty());
    assert!(found("You can reach the delivery boy on 9812345678").is_empty());
}

#[test]
fn national_phone_numbers_printed_in_groups_are_not_joined() {
    assert!(found("Paket dikirim, kurir 0812-3456-7890").is_empty());
    assert!(found("Customer number 1709168462, your DHL parcel").is_empty());
}
