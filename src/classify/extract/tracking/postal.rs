//! Postal operators: UPU S10 (Royal Mail, Australia Post, USPS and every
//! other post), USPS IMpb, Australia Post domestic and StarTrack.
//!
//! Input: a normalised candidate (upper-case ASCII letters and digits).
//! Output: the readings its shape and check digit allow, pushed to `out`.

use super::check;
use super::{Carrier, Reading, all_digits, letters_then_digits};

pub(super) fn readings(n: &str, out: &mut Vec<Reading>) {
    s10(n, out);
    if all_digits(n) {
        usps_digits(n, out);
    } else {
        australia(n, out);
    }
}

/// Two service letters, eight serial digits, a check digit, the ISO code
/// of the posting country: `RA123456785GB`, `EE727808081AU`.
fn s10(n: &str, out: &mut Vec<Reading>) {
    let b = n.as_bytes();
    if b.len() != 13 {
        return;
    }
    let (Some(service), Some(serial), Some(country)) = (n.get(..2), n.get(2..11), n.get(11..)) else {
        return;
    };
    let letters = |s: &str| s.bytes().all(|c| c.is_ascii_uppercase());
    if !letters(service) || !letters(country) || !check::s10(serial) {
        return;
    }
    let carrier = match country {
        "GB" => Some(Carrier::RoyalMail),
        "AU" => Some(Carrier::AustraliaPost),
        "US" => Some(Carrier::Usps),
        // Another post's number: real and verified, but no carrier of ours.
        _ => None,
    };
    out.push(Reading { carrier, verified: true, needs_cue: false, needs_name: false });
}

/// IMpb: 22 digits starting 92-95 are distinctive enough to stand alone;
/// the older 20-digit forms need a cue.
fn usps_digits(n: &str, out: &mut Vec<Reading>) {
    let usps = Carrier::Usps;
    match n.len() {
        22 if matches!(n.get(..2), Some("92" | "93" | "94" | "95")) && check::gs1_mod10(n) => {
            out.push(Reading::strong(usps, true));
        }
        20 if check::gs1_mod10(n) => out.push(Reading::weak(usps, true)),
        _ => {}
    }
}

/// Australia Post domestic articles (`33ABC1234567`, up to 23 characters
/// with the service digits, `AP` + digits) and StarTrack consignments (four
/// letters + eight digits, `ABCZ01234567`; `CON` + ten digits). None of
/// them has a public check digit, so all need a cue.
fn australia(n: &str, out: &mut Vec<Reading>) {
    if is_auspost_article(n) {
        out.push(Reading::weak(Carrier::AustraliaPost, false));
        return;
    }
    let Some((letters, digits)) = letters_then_digits(n) else {
        return;
    };
    match (letters, letters.len(), digits) {
        ("AP", _, 10..=13) => out.push(Reading::weak(Carrier::AustraliaPost, false)),
        ("CON", _, 10) | (_, 4, 8) => out.push(Reading::weak(Carrier::StarTrack, false)),
        _ => {}
    }
}

/// Two digits (the product, often 33/34/36), three letters (the merchant
/// location), then 7 to 18 digits.
fn is_auspost_article(n: &str) -> bool {
    let b = n.as_bytes();
    (12..=23).contains(&b.len())
        && b.iter().take(2).all(u8::is_ascii_digit)
        && b.iter().skip(2).take(3).all(u8::is_ascii_uppercase)
        && b.iter().skip(5).all(u8::is_ascii_digit)
}
