//! Express integrators: UPS, FedEx, DHL.
//!
//! Input: a normalised candidate (upper-case ASCII letters and digits).
//! Output: the readings its shape and check digit allow, pushed to `out`.

use super::check;
use super::{Carrier, Reading, all_digits, letters_then_digits};

pub(super) fn readings(n: &str, out: &mut Vec<Reading>) {
    ups(n, out);
    if all_digits(n) {
        fedex_digits(n, out);
        dhl_digits(n, out);
    } else {
        dhl_prefixed(n, out);
    }
}

/// 1Z + 6-character shipper account + 2-digit service + 7-digit package
/// + check digit; the check covers everything after "1Z".
fn ups(n: &str, out: &mut Vec<Reading>) {
    if n.len() == 18
        && let Some(rest) = n.strip_prefix("1Z")
        && check::ups(rest)
    {
        out.push(Reading::strong(Carrier::Ups, true));
    }
}

fn fedex_digits(n: &str, out: &mut Vec<Reading>) {
    let fedex = Carrier::Fedex;
    match n.len() {
        12 if check::fedex_mod11(n) => out.push(Reading::weak(fedex, true)),
        15 if check::gs1_mod10(n) => out.push(Reading::weak(fedex, true)),
        // SmartPost prints 20 digits; its check covers them behind "92".
        20 if check::gs1_mod10(&format!("92{n}")) => out.push(Reading::weak(fedex, true)),
        // SmartPost in full IMpb form: same scheme as USPS, so it is only
        // chosen over USPS when the mail names FedEx.
        22 if n.starts_with("92") && check::gs1_mod10(n) => {
            out.push(Reading::strong(fedex, true));
        }
        // Ground "96" barcode: the check covers the last 15 digits.
        22 if n.starts_with("96") && n.get(7..).is_some_and(check::gs1_mod10) => {
            out.push(Reading::strong(fedex, true));
        }
        _ => {}
    }
}

fn dhl_digits(n: &str, out: &mut Vec<Reading>) {
    let dhl = Carrier::Dhl;
    match n.len() {
        // Express waybill: 10 digits (rarely 11), the last one mod 7.
        10 | 11 if check::mod7(n) => out.push(Reading::weak(dhl, true)),
        // Paket: 12 digits without a published check digit.
        12 => out.push(Reading::by_name(dhl)),
        // Paket NVE/SSCC: "00" application identifier + 18 digits (GS1).
        20 if n.starts_with("00") && n.get(2..).is_some_and(check::gs1_mod10) => {
            out.push(Reading::weak(dhl, true));
        }
        _ => {}
    }
}

/// Piece ids (JJD..., JVGL...) and eCommerce (GM...): distinctive prefixes
/// without a check digit.
fn dhl_prefixed(n: &str, out: &mut Vec<Reading>) {
    let Some((letters, digits)) = letters_then_digits(n) else {
        return;
    };
    let fits = match letters {
        "JJD" => (9..=20).contains(&digits),
        "JVGL" => (9..=12).contains(&digits),
        "GM" => (16..=22).contains(&digits),
        _ => false,
    };
    if fits {
        out.push(Reading::strong(Carrier::Dhl, false));
    }
}
