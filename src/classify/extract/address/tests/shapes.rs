//! How addresses are written in the countries we serve: one line with
//! commas, one part per line, labelled forms, postcode before or after the
//! city.

use super::*;

#[test]
fn an_indian_address_on_one_line_keeps_the_flat_as_line_two() {
    let a = found("Please change the address to 14 MG Road, Flat 3B, Bengaluru 560001, India");
    assert_eq!(a.line1, "14 MG Road");
    assert_eq!(a.line2.as_deref(), Some("Flat 3B"));
    assert_eq!(a.city.as_deref(), Some("Bengaluru"));
    assert_eq!(a.postcode.as_deref(), Some("560001"));
    assert_eq!(a.country.as_deref(), Some("IN"));
    assert!(a.is_complete());
}

#[test]
fn indian_pin_codes_are_read_however_they_are_spaced_or_labelled() {
    for text in [
        "New address: 22 Residency Road, Bengaluru 560 025, India",
        "New address: 22 Residency Road, Bengaluru - 560025, India",
        "New address: 22 Residency Road, Bengaluru-560025, India",
        "New address: 22 Residency Road, Bengaluru, PIN: 560025, India",
        "New address: 22 Residency Road, Bengaluru, Pincode 560025, India",
    ] {
        assert_address(text, "22 Residency Road", Some("Bengaluru"), Some("560025"), Some("IN"));
    }
}

#[test]
fn an_indian_state_between_city_and_pin_is_the_region() {
    let a = found("Please send it to 14 MG Road, Bengaluru, Karnataka 560001");
    assert_eq!(a.city.as_deref(), Some("Bengaluru"));
    assert_eq!(a.region.as_deref(), Some("Karnataka"));
    assert_eq!(a.postcode.as_deref(), Some("560001"));
    assert_eq!(a.country, None);
}

#[test]
fn a_locality_after_the_street_stays_in_line_one() {
    let a = found("Please ship it to 7 Linking Road, Bandra West, Apt 502, Mumbai 400050, Maharashtra, India");
    assert_eq!(a.line1, "7 Linking Road, Bandra West");
    assert_eq!(a.line2.as_deref(), Some("Apt 502"));
    assert_eq!(a.city.as_deref(), Some("Mumbai"));
    assert_eq!(a.region.as_deref(), Some("Maharashtra"));
}

#[test]
fn a_house_number_written_before_a_comma_belongs_to_its_street() {
    assert_address(
        "New address: 22, Residency Road, Bengaluru 560025, India",
        "22, Residency Road",
        Some("Bengaluru"),
        Some("560025"),
        Some("IN"),
    );
}

#[test]
fn an_indonesian_jalan_address_gives_city_and_postcode() {
    assert_address(
        "Alamat baru saya: Jl. Sudirman No. 45, Jakarta Selatan 12190, Indonesia",
        "Jl. Sudirman No. 45",
        Some("Jakarta Selatan"),
        Some("12190"),
        Some("ID"),
    );
}

#[test]
fn an_indonesian_rt_rw_and_district_stay_with_the_street() {
    let a = found("alamat baru: Jl. Dago No. 112, RT 03/RW 05, Coblong, Bandung 40135, Jawa Barat");
    assert_eq!(a.line1, "Jl. Dago No. 112, RT 03/RW 05, Coblong");
    assert_eq!(a.city.as_deref(), Some("Bandung"));
    assert_eq!(a.region.as_deref(), Some("Jawa Barat"));
}

#[test]
fn a_spanish_address_keeps_the_floor_and_door_as_line_two() {
    let a = found("La nueva dirección es Calle Mayor 12, 3º B, 28013 Madrid, España");
    assert_eq!(a.line1, "Calle Mayor 12");
    assert_eq!(a.line2.as_deref(), Some("3º B"));
    assert_eq!(a.city.as_deref(), Some("Madrid"));
    assert_eq!(a.postcode.as_deref(), Some("28013"));
    assert_eq!(a.country.as_deref(), Some("ES"));
}

#[test]
fn a_spanish_street_abbreviated_c_slash_is_a_street() {
    let a = found("Enviar a C/ Colón 34, 2ª, 46004 Valencia");
    assert_eq!(a.line1, "C/ Colón 34");
    assert_eq!(a.line2.as_deref(), Some("2ª"));
    assert_eq!(a.city.as_deref(), Some("Valencia"));
}

#[test]
fn german_and_austrian_addresses_put_the_postcode_before_the_city() {
    assert_address(
        "Neue Adresse: Hauptstraße 5, 80331 München, Deutschland",
        "Hauptstraße 5",
        Some("München"),
        Some("80331"),
        Some("DE"),
    );
    assert_address(
        "Bitte liefern an Mariahilfer Straße 88/12, 1070 Wien, Österreich",
        "Mariahilfer Straße 88/12",
        Some("Wien"),
        Some("1070"),
        Some("AT"),
    );
}

#[test]
fn a_german_floor_written_with_a_full_stop_does_not_end_the_sentence() {
    let a = found("Ich bin umgezogen. Neue Adresse: Schillerstraße 21, 2. OG, 10625 Berlin");
    assert_eq!(a.line2.as_deref(), Some("2. OG"));
    assert_eq!(a.city.as_deref(), Some("Berlin"));
    assert_eq!(a.postcode.as_deref(), Some("10625"));
}

#[test]
fn a_street_and_postcode_without_a_comma_are_still_split() {
    assert_address("Please ship to Hauptstraße 5 80331 München", "Hauptstraße 5", Some("München"), Some("80331"), None);
    assert_address(
        "Please ship to 14 MG Road Bengaluru 560001 India",
        "14 MG Road",
        Some("Bengaluru"),
        Some("560001"),
        Some("IN"),
    );
}

#[test]
fn a_french_address_with_a_building_gives_line_two() {
    let a = found("L'adresse correcte est : 8 place Bellecour, Bât. A, 69002 Lyon, France.");
    assert_eq!(a.line1, "8 place Bellecour");
    assert_eq!(a.line2.as_deref(), Some("Bât. A"));
    assert_eq!(a.city.as_deref(), Some("Lyon"));
    assert_eq!(a.country.as_deref(), Some("FR"));
}

#[test]
fn a_hyphenated_or_multi_word_city_is_kept_whole() {
    assert_address(
        "My new address is 27 cours Mirabeau, 13100 Aix-en-Provence",
        "27 cours Mirabeau",
        Some("Aix-en-Provence"),
        Some("13100"),
        None,
    );
    assert_address(
        "Neue Adresse: Zeil 10, 60313 Frankfurt am Main",
        "Zeil 10",
        Some("Frankfurt am Main"),
        Some("60313"),
        None,
    );
}

#[test]
fn a_dutch_postcode_has_four_digits_and_two_letters_with_or_without_space() {
    assert_address(
        "Nieuw adres: Prinsengracht 263, 1016 GV Amsterdam, Nederland",
        "Prinsengracht 263",
        Some("Amsterdam"),
        Some("1016 GV"),
        Some("NL"),
    );
    assert_address(
        "Bezorgen op Oudegracht 158, 3511AZ Utrecht graag.",
        "Oudegracht 158",
        Some("Utrecht"),
        Some("3511 AZ"),
        None,
    );
}

#[test]
fn an_australian_state_code_is_split_off_the_city() {
    let a = found("Please ship it to 17 George St, Sydney NSW 2000, Australia");
    assert_eq!(a.line1, "17 George St");
    assert_eq!(a.city.as_deref(), Some("Sydney"));
    assert_eq!(a.region.as_deref(), Some("NSW"));
    assert_eq!(a.postcode.as_deref(), Some("2000"));
    assert_eq!(a.country.as_deref(), Some("AU"));
}

#[test]
fn a_british_postcode_is_normalised_to_upper_case_with_one_space() {
    assert_address(
        "New address is 221B Baker Street, London NW1 6XE, UK",
        "221B Baker Street",
        Some("London"),
        Some("NW1 6XE"),
        Some("GB"),
    );
    assert_address(
        "Kindly send to Flat 2, 14 Deansgate, Manchester, m3 2ey, England",
        "14 Deansgate",
        Some("Manchester"),
        Some("M3 2EY"),
        Some("GB"),
    );
}

#[test]
fn a_us_address_keeps_the_apartment_on_line_one_when_written_there() {
    let a = found("Could you send it to 1200 Market St Apt 9C, San Francisco, CA 94103, USA?");
    assert_eq!(a.line1, "1200 Market St Apt 9C");
    assert_eq!(a.line2, None);
    assert_eq!(a.city.as_deref(), Some("San Francisco"));
    assert_eq!(a.region.as_deref(), Some("CA"));
    assert_eq!(a.postcode.as_deref(), Some("94103"));
    assert_eq!(a.country.as_deref(), Some("US"));
}

#[test]
fn a_us_zip_plus_four_is_one_postcode() {
    let a = found("Please change my address to 1200 Market St, San Francisco, CA 94103-1234, USA");
    assert_eq!(a.postcode.as_deref(), Some("94103-1234"));
}

#[test]
fn a_multi_line_block_drops_the_name_and_reads_one_part_per_line() {
    let text = "New address:\nPriya Sharma\n22 Residency Road\nFlat 5A\nBengaluru 560 025\nKarnataka\nIndia\n\nThanks,";
    let a = found(text);
    assert_eq!(a.line1, "22 Residency Road");
    assert_eq!(a.line2.as_deref(), Some("Flat 5A"));
    assert_eq!(a.city.as_deref(), Some("Bengaluru"));
    assert_eq!(a.region.as_deref(), Some("Karnataka"));
    assert_eq!(a.postcode.as_deref(), Some("560025"));
    assert_eq!(a.country.as_deref(), Some("IN"));
}

#[test]
fn a_us_block_with_city_state_and_zip_on_one_line() {
    let text = "New delivery address:\n\n75 Maple Avenue\nAustin, TX 78701\nUnited States\n\nBest regards";
    let a = found(text);
    assert_eq!(a.line1, "75 Maple Avenue");
    assert_eq!(a.city.as_deref(), Some("Austin"));
    assert_eq!(a.region.as_deref(), Some("TX"));
    assert_eq!(a.country.as_deref(), Some("US"));
}

#[test]
fn a_labelled_form_is_read_field_by_field() {
    let text = "New address:\nName: Budi Santoso\nStreet: Jl. Pemuda No. 150\nCity: Surabaya\nPostcode: 60271\nCountry: Indonesia\nPhone: 0812 3456 7890";
    assert_address(text, "Jl. Pemuda No. 150", Some("Surabaya"), Some("60271"), Some("ID"));
    let german = "Neue Lieferadresse:\nStraße: Königsallee 60\nPLZ/Ort: 40212 Düsseldorf\nLand: Deutschland";
    assert_address(german, "Königsallee 60", Some("Düsseldorf"), Some("40212"), Some("DE"));
}

#[test]
fn a_devanagari_address_is_read_like_any_other() {
    let a = found("नया पता: 22, रेजीडेंसी रोड, बेंगलुरु 560025, भारत");
    assert_eq!(a.city.as_deref(), Some("बेंगलुरु"));
    assert_eq!(a.postcode.as_deref(), Some("560025"));
    assert_eq!(a.country.as_deref(), Some("IN"));
    assert!(a.line1.ends_with("रोड"));
}

#[test]
fn a_lower_case_city_is_still_the_city() {
    assert_address(
        "new address: 14 mg road, bengaluru 560001, india",
        "14 mg road",
        Some("bengaluru"),
        Some("560001"),
        Some("IN"),
    );
}

#[test]
fn a_saint_abbreviation_does_not_cut_the_city() {
    assert_address(
        "Neue Adresse: Rathausplatz 1, 3100 St. Pölten, Österreich",
        "Rathausplatz 1",
        Some("St. Pölten"),
        Some("3100"),
        Some("AT"),
    );
}

#[test]
fn an_australian_unit_written_with_its_street_stays_on_line_one() {
    let a = found("Please deliver to Unit 4/17 George St, Sydney NSW 2000, Australia");
    assert_eq!(a.line1, "Unit 4/17 George St");
    assert_eq!(a.line2, None);
    assert_eq!(a.postcode.as_deref(), Some("2000"));
}

#[test]
fn a_floor_written_before_the_postcode_without_a_comma_is_split_off() {
    let a = found("Nueva dirección: Calle Mayor 12, 3º B 28013 Madrid");
    assert_eq!(a.line2.as_deref(), Some("3º B"));
    assert_eq!(a.city.as_deref(), Some("Madrid"));
    assert_eq!(a.postcode.as_deref(), Some("28013"));
}

#[test]
fn a_pin_code_after_the_country_or_its_label_still_finds_the_city() {
    for text in [
        "New address: 22 Residency Road, Bengaluru, Karnataka, India - 560025",
        "New address: 22 Residency Road, Bengaluru, PIN - 560025",
    ] {
        let a = found(text);
        assert_eq!(a.city.as_deref(), Some("Bengaluru"), "in {text:?}");
        assert_eq!(a.postcode.as_deref(), Some("560025"), "in {text:?}");
    }
}

#[test]
fn a_flat_or_house_number_before_the_building_name_starts_the_street_line() {
    for (text, line1) in [
        ("New address: Flat 7B, Prestige Towers, Bengaluru 560001, India", "Flat 7B, Prestige Towers"),
        (
            "New address:\nB-1102, Rustomjee Azziano, Thane West\nThane 400601\nIndia",
            "B-1102, Rustomjee Azziano, Thane West",
        ),
        ("New address: H.No. 1187, Sector 46, Gurugram 122003, Haryana, India", "H.No. 1187, Sector 46"),
    ] {
        let a = found(text);
        assert_eq!(a.line1, line1, "in {text:?}");
        assert!(a.is_complete(), "in {text:?}: {a:?}");
        assert_eq!(a.line2, None, "in {text:?}");
    }
}

#[test]
fn a_long_indonesian_address_on_one_line_is_read_whole() {
    let text = "alamat baru:\n\nJl. Jend. Gatot Subroto Kav. 21, Kel. Karet Semanggi, Kec. Setiabudi, Kota Jakarta Selatan, DKI Jakarta 12930, Indonesia\n\nmakasih";
    let a = found(text);
    assert_eq!(a.line1, "Jl. Jend. Gatot Subroto Kav. 21, Kel. Karet Semanggi, Kec. Setiabudi");
    assert_eq!(a.postcode.as_deref(), Some("12930"));
    assert!(a.is_complete(), "{a:?}");
}
