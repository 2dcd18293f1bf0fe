//! Whole customer emails as they arrive: greetings, order numbers, names,
//! phones and closings around the address, and the wording of each language.

use super::*;

#[test]
fn a_request_to_have_the_order_delivered_to_a_block_after_a_blank_line() {
    let text = "Hi team,\n\nI just moved and need my order SO-10231 delivered to my new place:\n\nFlat 12, Prestige Lakeside\n45 Varthur Road, Whitefield\nBengaluru, Karnataka 560066\nIndia\n\nPhone: +91 98123 45678\n\nThanks!";
    let a = found(text);
    assert_eq!(a.line1, "45 Varthur Road, Whitefield");
    assert_eq!(a.line2.as_deref(), Some("Flat 12"));
    assert_eq!(a.city.as_deref(), Some("Bengaluru"));
    assert_eq!(a.region.as_deref(), Some("Karnataka"));
    assert_eq!(a.postcode.as_deref(), Some("560066"));
    assert_eq!(a.country.as_deref(), Some("IN"));
}

#[test]
fn a_title_before_a_name_is_not_a_street() {
    let text = "Please deliver it to the following address:\n\nDr. Anita Rao\nApartment 302, Sea Breeze\nCarter Road, Bandra West\nMumbai 400050";
    let a = found(text);
    assert_eq!(a.line1, "Carter Road, Bandra West");
    assert_eq!(a.line2.as_deref(), Some("Apartment 302"));
    assert_eq!(a.city.as_deref(), Some("Mumbai"));
}

#[test]
fn a_change_request_that_names_the_order_first() {
    for (text, postcode) in [
        (
            "Hello, could you please update the shipping address on order #10254 to: 75 Maple Ave, Apt 4, Austin TX 78701, United States",
            "78701",
        ),
        (
            "Could you change the delivery address on my order 10231 to 22 Residency Road, Bengaluru 560025, India please",
            "560025",
        ),
        (
            "Sehr geehrte Damen und Herren, bitte ändern Sie die Lieferadresse für Bestellung 10262 auf: Königsallee 60, 40212 Düsseldorf. Mit freundlichen Grüßen",
            "40212",
        ),
        ("Bitte die Adresse für Bestellung 10262 auf Hauptstraße 5, 80331 München ändern.", "80331"),
        (
            "Hola, quiero cambiar la dirección de entrega del pedido 10240 a Calle Mayor 12, 3º B, 28013 Madrid.",
            "28013",
        ),
        ("Pouvez-vous modifier l'adresse de livraison de ma commande en 12 rue de Rivoli, 75004 Paris ?", "75004"),
        ("Kunt u het bezorgadres van bestelling 10281 wijzigen naar Oudegracht 158, 3511 AZ Utrecht?", "3511 AZ"),
        (
            "Selamat siang, mohon ganti alamat pengiriman pesanan saya menjadi: Jl. Malioboro No. 8, Yogyakarta 55271. Terima kasih",
            "55271",
        ),
        ("Mera address change kar do: 12, 3rd Cross, Indiranagar, Bengaluru 560038", "560038"),
        ("नमस्ते, कृपया मेरा पता बदल दें: 88 Civil Lines, Jaipur 302006, Rajasthan", "302006"),
    ] {
        assert_eq!(found(text).postcode.as_deref(), Some(postcode), "in {text:?}");
    }
}

#[test]
fn a_cue_whose_sentence_ends_before_the_address_reads_on() {
    let text = "Kunnen jullie het pakket naar mijn nieuwe adres sturen? Oudegracht 158, 3511 AZ Utrecht.";
    assert_address(text, "Oudegracht 158", Some("Utrecht"), Some("3511 AZ"), None);
    let french = "Bonjour, suite à mon déménagement, merci de livrer ma commande à l'adresse suivante :\n27 cours Mirabeau\n13100 Aix-en-Provence\nFrance";
    assert_address(french, "27 cours Mirabeau", Some("Aix-en-Provence"), Some("13100"), Some("FR"));
}

#[test]
fn a_lead_in_before_a_colon_is_not_part_of_the_street() {
    let text = "Could you redirect the parcel to my work address: 14 Deansgate, Manchester M3 2EY? Thanks";
    assert_address(text, "14 Deansgate", Some("Manchester"), Some("M3 2EY"), None);
}

#[test]
fn a_name_before_the_street_on_the_same_line_is_dropped() {
    let text = "Ship to: John Smith, 1600 Pennsylvania Ave NW, Washington, DC 20500";
    let a = found(text);
    assert_eq!(a.line1, "1600 Pennsylvania Ave NW");
    assert_eq!(a.city.as_deref(), Some("Washington"));
    assert_eq!(a.region.as_deref(), Some("DC"));
}

#[test]
fn a_spanish_floor_with_an_abbreviated_side_stays_whole() {
    let text =
        "Buenos días, me he mudado. Por favor envíen el pedido a: Calle de Alcalá 45, 5º izq., 28014 Madrid. Gracias.";
    let a = found(text);
    assert_eq!(a.line2.as_deref(), Some("5º izq."));
    assert_eq!(a.city.as_deref(), Some("Madrid"));
}

#[test]
fn a_correction_with_not_keeps_the_first_street() {
    let text =
        "My address is wrong on the order. It should be 250 Flinders Lane not 205 Flinders Lane. Melbourne VIC 3000";
    assert_address(text, "250 Flinders Lane", Some("Melbourne"), Some("3000"), None);
}

#[test]
fn the_address_on_file_or_a_partial_address_without_a_cue_gives_none() {
    assert_eq!(find_new_address("Please ship to the address on file."), None);
    let partial = "The courier says the address is incomplete. Can you check? My address is 14 MG Road, Bengaluru.";
    assert_eq!(find_new_address(partial), None);
}

#[test]
fn the_block_after_instead_of_the_old_place_colon_is_the_new_one() {
    let text = "Hi,\n\nPlease deliver this order to our beach house instead of the Canggu address:\n\nJl. Pantai Mengiat No. 9\nNusa Dua, Bali 80363\nIndonesia\n\nThanks, Maya";
    assert_address(text, "Jl. Pantai Mengiat No. 9", Some("Nusa Dua"), Some("80363"), Some("ID"));
    let wrapped = "The desk and chairs need to go to the new studio rather than King Street,\nwhich we leave on Friday:\n\nUnit 3, 40 Stokes Croft\nBristol BS1 3QD\nUnited Kingdom";
    assert_address(wrapped, "40 Stokes Croft", Some("Bristol"), Some("BS1 3QD"), Some("GB"));
    let same_line =
        "Bitte liefern an meine Eltern statt an die alte Adresse: Lindenweg 4, 79098 Freiburg, Deutschland.";
    assert_address(same_line, "Lindenweg 4", Some("Freiburg"), Some("79098"), Some("DE"));
}

#[test]
fn a_forwarded_confirmation_below_the_request_keeps_its_old_ship_to_out() {
    let text = "Hello,\n\nMy confirmation is below. Please send this order to my parents instead:\n\n27 Rue Sainte-Catherine\n33000 Bordeaux\nFrance\n\nMerci, Léa\n\nYour order 4471 is confirmed.\n\nShip to:\n  Léa Martin\n  8 Rue de la Paix\n  75002 Paris\n  France";
    assert_address(text, "27 Rue Sainte-Catherine", Some("Bordeaux"), Some("33000"), Some("FR"));
}
