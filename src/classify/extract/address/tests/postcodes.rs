//! Postcode shapes per country, as `postcode_looks_valid` checks them.

use super::*;

#[test]
fn each_country_accepts_its_own_postcode_shape() {
    for (code, country) in [
        ("560001", "IN"),
        ("560 001", "IN"),
        ("12190", "ID"),
        ("28013", "ES"),
        ("08008", "ES"),
        ("80331", "DE"),
        ("01067", "DE"),
        ("75004", "FR"),
        ("94103", "US"),
        ("94103-1234", "US"),
        ("1070", "AT"),
        ("2000", "AU"),
        ("0800", "AU"),
        ("NW1 6XE", "GB"),
        ("SW1A 1AA", "GB"),
        ("m3 2ey", "GB"),
        ("EC1A1BB", "GB"),
        ("1016 GV", "NL"),
        ("3511AZ", "NL"),
    ] {
        assert!(postcode_looks_valid(code, country), "{code} in {country}");
    }
}

#[test]
fn a_postcode_of_another_shape_is_refused() {
    for (code, country) in [
        ("56001", "IN"),
        ("056001", "IN"),
        ("1219", "ID"),
        ("60000", "ES"),
        ("8033", "DE"),
        ("7500", "FR"),
        ("9410", "US"),
        ("10700", "AT"),
        ("200", "AU"),
        ("NW1", "GB"),
        ("1016 SA", "NL"),
        ("0123 AB", "NL"),
        ("", "IN"),
    ] {
        assert!(!postcode_looks_valid(code, country), "{code} in {country}");
    }
}

#[test]
fn uk_is_accepted_for_gb_and_country_case_does_not_matter() {
    assert!(postcode_looks_valid("NW1 6XE", "UK"));
    assert!(postcode_looks_valid("80331", "de"));
}

#[test]
fn an_unknown_country_has_no_valid_postcode() {
    assert!(!postcode_looks_valid("1000", "BE"));
    assert!(!postcode_looks_valid("80331", "Germany"));
}
