//! Tests for `find_new_address` and `postcode_looks_valid`, one file per
//! concern: address shapes per country, cues per language, old and new
//! addresses, negatives, postcode shapes.

use super::*;

mod cues;
mod negatives;
mod postcodes;
mod realistic;
mod shapes;

/// The address found in `text`, or a failure that names the text.
fn found(text: &str) -> PostalAddress {
    match find_new_address(text) {
        Some(a) => a,
        None => panic!("no address found in {text:?}"),
    }
}

/// Street, city, postcode and country as expected.
fn assert_address(text: &str, line1: &str, city: Option<&str>, postcode: Option<&str>, country: Option<&str>) {
    let a = found(text);
    assert_eq!(
        (a.line1.as_str(), a.city.as_deref(), a.postcode.as_deref(), a.country.as_deref()),
        (line1, city, postcode, country),
        "in {text:?}: {a:?}"
    );
}
