//! Numeric dates, and the numbers that only look like them.

use super::*;

#[test]
fn numeric_dates_in_every_usual_shape_are_found_day_first() {
    let shapes = [
        "2026-11-26",
        "2026/11/26",
        "26/11/2026",
        "26.11.2026",
        "26-11-2026",
        "26/11/26",
        "26/11",
        "26.11.",
        "am 26.11 liefern",
        "26.11.2026.",
    ];
    for text in shapes {
        assert_eq!(dates(text, THU), vec![ymd(2026, 11, 26)], "{text}");
    }
}

#[test]
fn a_us_date_is_read_month_first_when_only_that_reading_is_real() {
    assert_eq!(dates("11/26/2026", THU), vec![ymd(2026, 11, 26)]);
    assert_eq!(dates("11/26", THU), vec![ymd(2026, 11, 26)]);
}

#[test]
fn month_first_wins_when_day_first_is_far_from_the_sent_day_and_month_first_is_near() {
    // 12/01/2026: 12 January is 311 days before, 1 December 12 days after.
    assert_eq!(dates("Delivery 12/01/2026", THU), vec![ymd(2026, 12, 1)]);
    // 01/12/2026: 1 December day first is near: stays day first.
    assert_eq!(dates("Delivery 01/12/2026", THU), vec![ymd(2026, 12, 1)]);
    // Both far: day first.
    assert_eq!(dates("Invoice 05/03/2026", THU), vec![ymd(2026, 3, 5)]);
    // Dots are European: never month first.
    assert_eq!(dates("12.01.2026", THU), vec![ymd(2026, 1, 12)]);
}

#[test]
fn impossible_numeric_dates_are_skipped() {
    for text in ["31/02/2027", "29/02/2027", "31.04.", "32/11/2026", "00/11/2026", "26/13/2026"] {
        assert!(dates(text, THU).is_empty(), "{text}");
    }
    assert_eq!(dates("29/02/2028", THU), vec![ymd(2028, 2, 29)]);
}

#[test]
fn version_numbers_are_not_dates() {
    for text in ["version 1.2.26", "v2.11.2026", "app 3.11.", "release 10.11.26", "1.2.13", "firmware 1/12"] {
        assert!(dates(text, THU).is_empty(), "{text}");
    }
}

#[test]
fn prices_and_decimals_are_not_dates() {
    for text in ["EUR 26.11.", "€12.10.", "Total: 26.11", "Rp 1.200.000", "$10/12", "26.11 EUR", "costs 12.10 €"] {
        assert!(dates(text, THU).is_empty(), "{text}");
    }
}

#[test]
fn phone_numbers_and_references_are_not_dates() {
    for text in [
        "+31-6-12-11-2026",
        "Tel. 030 12.11.20.26",
        "INV/2026/11/26",
        "PO 45/11/2026/7",
        "ref 2026-11-26-0042",
        "Order 1234/26/11",
    ] {
        assert!(dates(text, THU).is_empty(), "{text}");
    }
}

#[test]
fn times_are_not_dates() {
    for text in ["10:30", "um 10.11 Uhr", "at 10.30", "om 12.11 uur", "pukul 10.11 WIB", "9.30 am"] {
        assert!(dates(text, THU).is_empty(), "{text}");
    }
}

#[test]
fn fractions_and_quantities_are_not_dates() {
    for text in
        ["3/5 shipped", "3/5 units", "qty 12/12", "1/2", "2/3 of the items", "24/7 support", "10/12 Stück geliefert"]
    {
        assert!(dates(text, THU).is_empty(), "{text}");
    }
    // A short slash date needs a word that announces it.
    assert_eq!(dates("on 3/12", THU), vec![ymd(2026, 12, 3)]);
}

#[test]
fn a_two_digit_year_must_be_near_the_sent_year() {
    assert_eq!(dates("26/11/27", THU), vec![ymd(2027, 11, 26)]);
    assert!(dates("26/11/99", THU).is_empty());
}

#[test]
fn a_numeric_date_without_year_in_december_rolls_into_january() {
    let header = "Mon, 28 Dec 2026 10:00:00 -0800";
    assert_eq!(dates("ETA 04/01", header), vec![ymd(2027, 1, 4)]);
    assert_eq!(dates("Lieferung am 04.01.", header), vec![ymd(2027, 1, 4)]);
}

#[test]
fn a_list_of_short_dotted_dates_is_read_whole() {
    let text = "Can you deliver on 24.11 or 25.11?";
    assert_eq!(dates(text, THU), vec![ymd(2026, 11, 24), ymd(2026, 11, 25)]);
    assert_eq!(new_date(text, THU), None);
    assert!(dates("between 1.5 or 2.5 kg", THU).is_empty());
}

#[test]
fn a_day_listed_before_a_numeric_date_shares_its_month() {
    let text = "Please deliver on 24 or 25/11.";
    assert_eq!(dates(text, THU), vec![ymd(2026, 11, 24), ymd(2026, 11, 25)]);
    assert_eq!(new_date(text, THU), None);
    assert_eq!(dates("Closed 24-26.11.2026", THU), vec![ymd(2026, 11, 24), ymd(2026, 11, 26)]);
    // A US date read month first lends nothing.
    assert_eq!(dates("Order 5 or 11/26/2026", THU), vec![ymd(2026, 11, 26)]);
}

#[test]
fn a_short_dotted_date_after_a_weekday_name_is_a_date() {
    // Weekday names hold currency codes ("Donnerstag", "Mittwoch" hold no
    // "rs" word): only a whole word makes a price.
    assert_eq!(dates("Lieferung bitte Donnerstag, 26.11.", THU), vec![ymd(2026, 11, 26)]);
    assert_eq!(dates("Dinsdag, 24.11. graag", THU), vec![ymd(2026, 11, 24)]);
    assert_eq!(dates("vendredi 27.11.", THU), vec![ymd(2026, 11, 27)]);
    for text in ["Rs 26.11", "Gesamtpreis 26.11.", "INR 12.10"] {
        assert!(dates(text, THU).is_empty(), "{text}");
    }
}

#[test]
fn a_weekday_written_with_a_yearless_date_settles_its_year() {
    // Friday 20 Nov 2026: 18/11 is this past Wednesday, not 18 Nov 2027 (a Thursday).
    let fri = "Fri, 20 Nov 2026 09:10:00 +0700";
    assert_eq!(dates("tolong diantar hari Rabu 18/11", fri), vec![ymd(2026, 11, 18)]);
    assert_eq!(dates("Wednesday, 18 November suits me", fri), vec![ymd(2026, 11, 18)]);
    assert_eq!(dates("am Mittwoch, den 18.11.", fri), vec![ymd(2026, 11, 18)]);
    // A weekday that fits the next occurrence keeps it; one that fits
    // neither changes nothing.
    assert_eq!(dates("Thursday 26/11", fri), vec![ymd(2026, 11, 26)]);
    assert_eq!(dates("Monday 26/11", fri), vec![ymd(2026, 11, 26)]);
}
