//! Check-digit algorithms of the carriers' numbering schemes.
//!
//! Input: the normalised number (or the part of it the scheme covers).
//! Output: whether the last character is the right check digit. Any
//! unexpected character or length gives `false`, never a panic.

/// Splits a digit string into its body and its final check digit.
fn body_and_check(s: &str) -> Option<(&[u8], u32)> {
    let bytes = s.as_bytes();
    if bytes.len() < 2 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let (body, last) = bytes.split_at(bytes.len() - 1);
    Some((body, u32::from(last.first()? - b'0')))
}

fn digit(b: u8) -> u32 {
    u32::from(b.wrapping_sub(b'0'))
}

/// DHL Express and Blue Dart: the number without its last digit, modulo 7.
/// Computed digit by digit so long numbers cannot overflow.
pub(super) fn mod7(s: &str) -> bool {
    let Some((body, check)) = body_and_check(s) else {
        return false;
    };
    let rest = body.iter().fold(0u32, |r, &b| (r * 10 + digit(b)) % 7);
    rest == check
}

/// GS1 mod 10 (USPS IMpb, FedEx Ground, SSCC): weights 3 and 1 alternate
/// from the rightmost body digit, which weighs 3.
pub(super) fn gs1_mod10(s: &str) -> bool {
    let Some((body, check)) = body_and_check(s) else {
        return false;
    };
    let sum: u32 = body.iter().rev().enumerate().map(|(i, &b)| digit(b) * if i % 2 == 0 { 3 } else { 1 }).sum();
    (10 - sum % 10) % 10 == check
}

/// FedEx Express 12-digit: weights 1, 3, 7 repeating from the rightmost
/// body digit; the sum modulo 11, then modulo 10, is the check digit.
pub(super) fn fedex_mod11(s: &str) -> bool {
    let Some((body, check)) = body_and_check(s) else {
        return false;
    };
    const WEIGHTS: [u32; 3] = [1, 3, 7];
    let sum: u32 = body.iter().rev().zip(WEIGHTS.iter().cycle()).map(|(&b, w)| digit(b) * w).sum();
    sum % 11 % 10 == check
}

/// UPS 1Z: `s` is the 16 characters after "1Z". Letters count as
/// (ASCII - 63) mod 10 (A=2 ... H=9, I=0 ...); odd positions weigh 2.
pub(super) fn ups(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.len() != 16 || !bytes.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let (body, last) = bytes.split_at(15);
    let Some(&check) = last.first().filter(|b| b.is_ascii_digit()) else {
        return false;
    };
    let sum: u32 = body
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let v = if b.is_ascii_digit() { digit(b) } else { u32::from(b.to_ascii_uppercase() - 63) % 10 };
            if i % 2 == 1 { v * 2 } else { v }
        })
        .sum();
    (10 - sum % 10) % 10 == digit(check)
}

/// UPU S10 (Royal Mail, Australia Post, USPS international...): `s` is the
/// nine digits between the letters. Weights 8,6,4,2,3,5,9,7; 11 minus the
/// sum modulo 11, with 10 written as 0 and 11 as 5.
pub(super) fn s10(s: &str) -> bool {
    let Some((body, check)) = body_and_check(s) else {
        return false;
    };
    if body.len() != 8 {
        return false;
    }
    const WEIGHTS: [u32; 8] = [8, 6, 4, 2, 3, 5, 9, 7];
    let sum: u32 = body.iter().zip(WEIGHTS).map(|(&b, w)| digit(b) * w).sum();
    let expected = match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c,
    };
    expected == check
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dhl_published_examples_pass_mod7_and_altered_ones_fail() {
        assert!(mod7("3318810025"));
        assert!(mod7("8487135506"));
        assert!(mod7("73891051146"));
        assert!(!mod7("3318810034"));
    }

    #[test]
    fn fedex_express_examples_pass_mod11() {
        assert!(fedex_mod11("986578788855"));
        assert!(fedex_mod11("799531274483"));
        assert!(!fedex_mod11("996578788855"));
    }

    #[test]
    fn gs1_mod10_accepts_usps_and_fedex_ground_examples() {
        assert!(gs1_mod10("9400111201080805483016"));
        assert!(gs1_mod10("568283610012734"));
        assert!(!gs1_mod10("568283610012732"));
    }

    #[test]
    fn ups_and_s10_examples_check() {
        assert!(ups("999AA10123456784"));
        assert!(!ups("999AA10123456785"));
        assert!(s10("123456785"));
        assert!(!s10("123456784"));
    }

    #[test]
    fn non_digits_and_short_input_never_pass() {
        assert!(!mod7(""));
        assert!(!mod7("7"));
        assert!(!gs1_mod10("12a4"));
        assert!(!s10("१२३४५६७८५"));
        assert!(!ups("ÄÄÄÄÄÄÄÄ"));
    }
}
