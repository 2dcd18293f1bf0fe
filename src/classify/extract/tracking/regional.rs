//! Regional carriers: India (Blue Dart, Delhivery, DTDC, Ecom Express),
//! South-East Asia (Ninja Van, J&T Express) and Aramex.
//!
//! Input: a normalised candidate (upper-case ASCII letters and digits).
//! Output: the readings its shape and check digit allow, pushed to `out`.
//! Pure-digit formats without a check digit (Delhivery, Ecom, Aramex) are
//! only attributed when the mail names the carrier.

use super::check;
use super::{Carrier, Reading, all_digits, letters_then_digits};

pub(super) fn readings(n: &str, out: &mut Vec<Reading>) {
    if all_digits(n) {
        india_digits(n, out);
        if (10..=11).contains(&n.len()) {
            out.push(Reading::by_name(Carrier::Aramex));
        }
    } else {
        dtdc(n, out);
        ninja_van(n, out);
        j_and_t(n, out);
    }
}

fn india_digits(n: &str, out: &mut Vec<Reading>) {
    match n.len() {
        // Blue Dart AWB: ten digits and their remainder modulo 7.
        11 if check::mod7(n) => out.push(Reading::weak(Carrier::BlueDart, true)),
        13 | 14 => out.push(Reading::by_name(Carrier::Delhivery)),
        _ => {}
    }
    if (10..=12).contains(&n.len()) {
        out.push(Reading::by_name(Carrier::EcomExpress));
    }
}

/// DTDC consignments: one letter + eight digits (`D12345678`), or one
/// letter + eleven digits in the newer 12-character form.
fn dtdc(n: &str, out: &mut Vec<Reading>) {
    if let Some((letters, digits)) = letters_then_digits(n)
        && letters.len() == 1
        && (digits == 8 || digits == 11)
    {
        out.push(Reading::weak(Carrier::Dtdc, false));
    }
}

/// NV + the two-letter market + an alphanumeric id:
/// `NVID8564801557`, `NVSGNJVAN000123456`.
fn ninja_van(n: &str, out: &mut Vec<Reading>) {
    const MARKETS: [&str; 7] = ["SG", "MY", "ID", "PH", "TH", "VN", "MM"];
    let Some(rest) = n.strip_prefix("NV") else {
        return;
    };
    let (Some(market), Some(id)) = (rest.get(..2), rest.get(2..)) else {
        return;
    };
    let digits = id.bytes().filter(u8::is_ascii_digit).count();
    if MARKETS.contains(&market) && (8..=20).contains(&id.len()) && digits >= 6 {
        out.push(Reading::strong(Carrier::NinjaVan, false));
    }
}

/// J&T Express waybills: JP (Indonesia), JD, JO + 10 to 12 digits.
fn j_and_t(n: &str, out: &mut Vec<Reading>) {
    if let Some((letters, digits)) = letters_then_digits(n)
        && matches!(letters, "JP" | "JD" | "JO")
        && (10..=12).contains(&digits)
    {
        out.push(Reading::strong(Carrier::JAndT, false));
    }
}
