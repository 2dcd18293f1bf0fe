//! Tests of date finding and picking: one file per language family, one
//! for numeric forms, one for the picking rules. Every test fixes `sent`
//! in a real time zone, late or early enough in the day that UTC is on
//! another date, so the local day is what counts.

mod english;
mod germanic;
mod hindi;
mod indonesian;
mod layout;
mod numeric;
mod pick;
mod regress;
mod requests;
mod romance;

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, Weekday};

use super::lexicon::LANGS;
use super::{DateRole, FoundDate, find_dates, pick_new_date};

/// A `Date:` header as the mailbox holds it.
fn sent(header: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc2822(header).expect("a valid Date header")
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// The dates found in `text`, in text order.
fn dates(text: &str, header: &str) -> Vec<NaiveDate> {
    find_dates(text, sent(header)).into_iter().map(|f| f.date).collect()
}

fn found(text: &str, header: &str) -> Vec<FoundDate> {
    find_dates(text, sent(header))
}

/// The roles of the dates found, in text order.
fn roles(text: &str, header: &str) -> Vec<DateRole> {
    find_dates(text, sent(header)).into_iter().map(|f| f.role).collect()
}

/// The new date `text` gives.
fn new_date(text: &str, header: &str) -> Option<NaiveDate> {
    let s = sent(header);
    pick_new_date(&find_dates(text, s), s)
}

/// Thursday 19 Nov 2026 in New York, already Friday 20 Nov in UTC.
const THU: &str = "Thu, 19 Nov 2026 22:30:00 -0500";

#[test]
fn every_pattern_compiles() {
    assert!(super::numeric::patterns_compile());
    assert!(super::written::patterns_compile());
    assert!(super::relative::patterns_compile());
    assert!(super::cues::patterns_compile());
    assert!(super::intent::patterns_compile());
}

#[test]
fn relative_dates_count_from_the_local_day_of_the_date_header_not_utc() {
    // 22:30 in New York on the 19th is already the 20th in UTC.
    assert_eq!(dates("Delivery tomorrow.", THU), vec![ymd(2026, 11, 20)]);
    // 00:20 in Berlin on 1 Dec is still 30 Nov in UTC.
    assert_eq!(dates("Zustellung morgen.", "Tue, 01 Dec 2026 00:20:00 +0100"), vec![ymd(2026, 12, 2)]);
}

#[test]
fn start_is_the_byte_offset_and_text_the_slice_as_written() {
    let text = "कृपया २६ नवम्बर को भेज दीजिए";
    let f = found(text, THU);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].text, "२६ नवम्बर");
    assert_eq!(text.get(f[0].start..f[0].start + f[0].text.len()), Some("२६ नवम्बर"));
    assert_eq!(f[0].date, ymd(2026, 11, 26));
}

#[test]
fn found_dates_come_in_text_order_without_overlaps() {
    let text = "Thursday 26 Nov, or Friday 27/11, or next Monday";
    let f = found(text, THU);
    let texts: Vec<&str> = f.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["Thursday 26 Nov", "27/11", "next Monday"]);
}

#[test]
fn a_weekday_right_before_a_date_is_part_of_that_date_not_another_one() {
    assert_eq!(dates("Please deliver on Tuesday, 24/11.", THU), vec![ymd(2026, 11, 24)]);
    assert_eq!(dates("am Dienstag (24.11.)", THU), vec![ymd(2026, 11, 24)]);
}

#[test]
fn every_weekday_name_resolves_to_the_first_such_day_strictly_after_the_sent_day() {
    // A whole week of sent days, each weekday name of each language, checked against chrono.
    for offset in 0..7 {
        let day = ymd(2026, 11, 16).checked_add_days(Days::new(offset)).expect("a day");
        let header = format!("{} 12:00:00 +0000", day.format("%a, %d %b %Y"));
        for lang in LANGS.iter() {
            for (n, entry) in (0u8..).zip(lang.weekdays) {
                let want = Weekday::try_from(n).expect("seven days");
                for name in entry.split_whitespace() {
                    let got = dates(&format!("hari {name}"), &header);
                    assert_eq!(got.len(), 1, "{name} sent {day}");
                    let ahead = (got[0] - day).num_days();
                    assert_eq!(got[0].weekday(), want, "{name} sent {day}");
                    assert!((1..=7).contains(&ahead), "{name} sent {day}: {ahead} days");
                }
            }
        }
    }
}

#[test]
fn text_without_any_date_gives_nothing() {
    for text in ["", "Hello, where is my order #10231?", "Tracking 1Z999AA10123456784", "१२३"] {
        assert!(dates(text, THU).is_empty(), "{text}");
        assert_eq!(new_date(text, THU), None, "{text}");
    }
}

#[test]
fn odd_input_never_panics() {
    let odd = [
        "\u{0}",
        "31/02",
        "99.99.9999",
        "0/0/0000",
        "२९ फ़रवरी",
        "Nov 0",
        "le 32",
        "é/é",
        "🙂 26 Nov 🙂",
        "।।।कल।।।",
        "26.",
        ".26",
        "/26/",
        "-",
        "26 de",
        "am 31.",
    ];
    for text in odd {
        let _ = new_date(text, THU);
    }
}

#[test]
fn random_mixed_text_never_panics_and_every_span_is_its_text() {
    // A fixed pseudo-random walk over pieces of dates, digits, separators
    // and multi-byte characters.
    let pieces = [
        "26",
        "11",
        "2026",
        "/",
        ".",
        "-",
        " ",
        "Nov",
        "नवंबर",
        "२६",
        "कल",
        "morgen",
        "mañana",
        "next",
        "Tuesday",
        "on",
        "the",
        "24th",
        "or",
        "not",
        "deliver",
        "é",
        "🙂",
        "।",
        ",",
        "\n",
        ":",
        "tanggal",
        "le",
        "1er",
        "am",
        "ko",
        "de",
        "x",
        "'",
        "Mei",
        " | ",
        "|",
        "\t",
        "> ",
        "Original",
        "awal",
        "until",
        "?",
        "nggak",
        "instead",
        "versandt",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..24 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        for f in found(&text, THU) {
            assert_eq!(text.get(f.start..f.start + f.text.len()), Some(f.text.as_str()), "{text}");
        }
        let _ = new_date(&text, THU);
    }
}

#[test]
fn every_usual_new_date_phrase_in_every_language_makes_the_date_new() {
    let texts = [
        "new delivery date 26 Nov",
        "now expected 26 Nov",
        "expected on 26 Nov",
        "expected by 26 Nov",
        "estimated delivery 26 Nov",
        "will be delivered on 26 Nov",
        "rescheduled to 26 Nov",
        "rescheduled for 26 Nov",
        "revised ETA 26 Nov",
        "ETA 26 Nov",
        "deliver it on 26 Nov",
        "can you deliver on 26 Nov",
        "please deliver 26 Nov",
        "I will be home on 26 Nov",
        "ready to ship on 26 Nov",
        "will ship on 26 Nov",
        "dispatch by 26 Nov",
        "remaining items by 26 Nov",
        "balance qty by 26 Nov",
        "next attempt 26 Nov",
        "nueva fecha 26 de noviembre",
        "prevista para el 26 de noviembre",
        "entregar el 26 de noviembre",
        "neuer Liefertermin 26.11.",
        "voraussichtlich am 26.11.",
        "Zustellung am 26.11.",
        "nouvelle date 26 novembre",
        "prévue le 26 novembre",
        "livrer le 26 novembre",
        "nieuwe leverdatum 26 november",
        "verwacht op 26 november",
        "bezorgen op 26 november",
        "tanggal baru 26 November",
        "estimasi tiba 26 November",
        "dikirim tanggal 26 November",
        "tolong kirim 26 November",
        "नई तारीख 26 नवंबर",
        "डिलीवरी 26 नवंबर को होगी",
        "nayi date 26 November",
    ];
    for text in texts {
        assert_eq!(roles(text, THU), vec![DateRole::New], "{text}");
        assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 26)), "{text}");
    }
}

#[test]
fn every_usual_old_date_phrase_in_every_language_makes_the_date_old() {
    let texts = [
        "originally 26 Nov",
        "was due 26 Nov",
        "previously scheduled for 26 Nov",
        "instead of 26 Nov",
        "rather than 26 Nov",
        "ordered on 16 Nov",
        "placed on 16 Nov",
        "order date 16 Nov",
        "invoice date 16 Nov",
        "ursprünglich 26.11.",
        "statt 26.11.",
        "anstatt am 26.11.",
        "au lieu du 26 novembre",
        "initialement le 26 novembre",
        "en lugar del 26 de noviembre",
        "originalmente el 26 de noviembre",
        "in plaats van 26 november",
        "oorspronkelijk 26 november",
        "sebelumnya 26 November",
        "semula 26 November",
        "pehle 26 November tha",
    ];
    for text in texts {
        assert_eq!(roles(text, THU), vec![DateRole::Old], "{text}");
        assert_eq!(new_date(text, THU), None, "{text}");
    }
}
