//! Filters' words, slugs, tracking links and the text conventions.

use chrono::{Datelike, NaiveDate, Weekday};

use super::super::brand::language_chain;
use super::super::locale::{self, Address, country_name, format_date, kind_phrase, status_phrase};
use super::super::text::{WIDTH, text_to_html, tidy_text};
use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn dates_are_written_in_full_in_each_language() {
    let date = day(2026, 11, 24);
    assert_eq!(date.weekday(), Weekday::Tue);
    let expected = [
        ("en", "Tuesday, 24 November 2026"),
        ("hi", "मंगलवार, 24 नवंबर 2026"),
        ("id", "Selasa, 24 November 2026"),
        ("es", "martes, 24 de noviembre de 2026"),
        ("de", "Dienstag, 24. November 2026"),
        ("fr", "mardi 24 novembre 2026"),
        ("nl", "dinsdag 24 november 2026"),
    ];
    for (lang, want) in expected {
        assert_eq!(format_date(date, lang), want, "{lang}");
    }
}

#[test]
fn every_weekday_of_a_year_matches_chrono_in_every_language() {
    // Monday 5 January 2026 starts a week; each language's name for that
    // weekday must open (or, in en-US, lead) every date on that weekday.
    let names: [(&str, [&str; 7]); 7] = [
        ("en", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
        ("hi", ["सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार"]),
        ("id", ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]),
        ("es", ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]),
        ("de", ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]),
        ("fr", ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]),
        ("nl", ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]),
    ];
    assert_eq!(day(2026, 1, 5).weekday(), Weekday::Mon);
    for offset in 0..366 {
        let date = day(2026, 1, 1) + chrono::Days::new(offset);
        for (lang, week) in &names {
            let want = week[date.weekday().num_days_from_monday() as usize];
            let got = format_date(date, lang);
            assert!(got.starts_with(want), "{date} in {lang}: {got}");
            assert!(got.contains(&date.year().to_string()), "{got}");
        }
    }
}

#[test]
fn dates_follow_regional_habits() {
    assert_eq!(format_date(day(2026, 12, 1), "fr"), "mardi 1er décembre 2026");
    assert_eq!(format_date(day(2027, 1, 5), "de-at"), "Dienstag, 5. Jänner 2027");
    assert_eq!(format_date(day(2027, 1, 5), "de"), "Dienstag, 5. Januar 2027");
    assert_eq!(format_date(day(2026, 11, 24), "en-us"), "Tuesday, November 24, 2026");
    assert_eq!(format_date(day(2026, 11, 24), "en-au"), "Tuesday, 24 November 2026");
    assert_eq!(format_date(day(2026, 11, 24), "pt"), "Tuesday, 24 November 2026", "no table: English");
}

#[test]
fn every_status_and_kind_has_words_in_every_language() {
    for lang in ["en", "hi", "id", "es", "de", "fr", "nl"] {
        let statuses: Vec<String> = locale::STATUSES.iter().map(|s| status_phrase(s, lang)).collect();
        for (status, phrase) in locale::STATUSES.iter().zip(&statuses) {
            assert!(!phrase.is_empty() && !phrase.contains('_'), "{lang} {status}: {phrase}");
        }
        let mut unique = statuses.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), statuses.len(), "{lang}: two statuses read the same");
        let mut kinds: Vec<&str> = Kind::ALL.iter().map(|k| kind_phrase(*k, lang)).collect();
        kinds.sort();
        kinds.dedup();
        assert_eq!(kinds.len(), 8, "{lang}: two kinds read the same");
    }
    assert_eq!(status_phrase("shipped", "de"), "versandt");
    assert_eq!(status_phrase("on_hold", "en"), "on hold", "an unknown status is shown, not an error");
    assert_eq!(kind_phrase(Kind::DelayNotice, "en"), "a delay in delivery");
    assert_eq!(kind_phrase(Kind::WismoReply, "hi"), "ऑर्डर की स्थिति");
}

#[test]
fn kind_order_is_declaration_order() {
    for (i, kind) in Kind::ALL.iter().enumerate() {
        assert_eq!(*kind as usize, i);
    }
}

#[test]
fn countries_are_named_in_the_reader_s_language() {
    assert_eq!(country_name("IN", "hi"), "भारत");
    assert_eq!(country_name("de", "fr"), "Allemagne");
    assert_eq!(country_name("AT", "de-at"), "Österreich");
    assert_eq!(country_name("NL", "nl"), "Nederland");
    assert_eq!(country_name("GB", "id"), "Inggris Raya");
    assert_eq!(country_name("ZZ", "en"), "ZZ");
}

fn addr<'a>(
    line2: Option<&'a str>,
    city: &'a str,
    region: Option<&'a str>,
    postcode: &'a str,
    country: &'a str,
) -> Address<'a> {
    Address { line1: "1 Main Street", line2, city, region, postcode, country }
}

#[test]
fn addresses_follow_the_destination_s_post() {
    let f = |a: Address<'_>, lang: &str| locale::format_address(&a, lang);
    assert_eq!(
        f(addr(Some("Flat 2"), "London", None, "NW1 6XE", "GB"), "en"),
        "1 Main Street\nFlat 2\nLondon\nNW1 6XE\nUnited Kingdom"
    );
    assert_eq!(
        f(addr(None, "San Francisco", Some("CA"), "94103", "US"), "en"),
        "1 Main Street\nSan Francisco, CA 94103\nUnited States"
    );
    assert_eq!(
        f(addr(None, "Melbourne", Some("VIC"), "3000", "AU"), "en"),
        "1 Main Street\nMelbourne VIC 3000\nAustralia"
    );
    assert_eq!(f(addr(None, "Mumbai", Some("MH"), "400050", "IN"), "hi"), "1 Main Street\nMumbai, MH 400050\nभारत");
    assert_eq!(f(addr(None, "München", Some("BY"), "80331", "DE"), "de"), "1 Main Street\n80331 München\nDeutschland");
    assert_eq!(
        f(addr(Some(" "), "Amsterdam", Some("NH"), "1016 GV", "NL"), "nl"),
        "1 Main Street\n1016 GV Amsterdam\nNederland"
    );
}

#[test]
fn brand_names_become_directory_slugs() {
    let names = [
        ("Harbour & Pine", "harbour-and-pine"),
        ("Northwind Apparel", "northwind-apparel"),
        ("Kopi Kita Living", "kopi-kita-living"),
        ("Casa Verde", "casa-verde"),
        ("Alpenhaus Outdoor", "alpenhaus-outdoor"),
        ("Maison Lune", "maison-lune"),
        ("  Odd -- Name!  ", "odd-name"),
        ("Café Noir", "café-noir"),
    ];
    for (name, slug) in names {
        assert_eq!(slug_of(name), slug);
    }
}

#[test]
fn languages_fall_back_from_region_to_brand_default_to_english() {
    assert_eq!(language_chain("en-AU", Some("en")), ["en-au", "en"]);
    assert_eq!(language_chain("de_AT", Some("de")), ["de-at", "de", "en"]);
    assert_eq!(language_chain("pt-BR", Some("es")), ["pt-br", "pt", "es", "en"]);
    assert_eq!(language_chain("", None), ["en"]);
}

#[test]
fn every_listed_carrier_has_a_tracking_page() {
    let carriers = [
        ("UPS", "https://www.ups.com/"),
        ("FedEx", "https://www.fedex.com/"),
        ("USPS", "https://tools.usps.com/"),
        ("DHL", "https://www.dhl.com/"),
        ("Australia Post", "https://auspost.com.au/"),
        ("StarTrack", "https://startrack.com.au/"),
        ("Aramex", "https://www.aramex.com/"),
        ("Royal Mail", "https://www.royalmail.com/"),
        ("Delhivery", "https://www.delhivery.com/"),
        ("Blue Dart", "https://www.bluedart.com/"),
        ("DTDC", "https://www.dtdc.in/"),
        ("Ecom Express", "https://www.ecomexpress.in/"),
        ("Ninja Van", "https://www.ninjaxpress.co/"),
        ("J&T Express", "https://jet.co.id/"),
    ];
    for (carrier, site) in carriers {
        let url = tracking_url(carrier, "AB123").unwrap_or_else(|| panic!("{carrier}"));
        assert!(url.starts_with(site) && url.contains("AB123"), "{carrier}: {url}");
        assert_eq!(tracking_url(&carrier.to_uppercase(), "AB123").as_deref(), Some(url.as_str()), "case-insensitive");
        assert_eq!(tracking_url(&carrier.to_lowercase(), "AB123").as_deref(), Some(url.as_str()), "case-insensitive");
    }
}

#[test]
fn tracking_numbers_are_url_encoded() {
    assert_eq!(
        tracking_url("ups", "1Z 999/AA&b=1").as_deref(),
        Some("https://www.ups.com/track?tracknum=1Z%20999%2FAA%26b%3D1")
    );
    assert_eq!(
        tracking_url("Royal Mail", "RA641796157GB#x").as_deref(),
        Some("https://www.royalmail.com/track-your-item#/tracking-results/RA641796157GB%23x")
    );
    assert_eq!(tracking_url("j&t", "JP0053918418").as_deref(), Some("https://jet.co.id/track?awb=JP0053918418"));
    assert_eq!(tracking_url("Pigeon Post", "1"), None);
    assert_eq!(tracking_url("UPS", "  "), None);
}

#[test]
fn text_lines_wrap_at_72_and_keep_dates_whole() {
    let long = "word ".repeat(40) + "https://example.com/".repeat(5).as_str();
    let text = tidy_text(&format!("Hello,\n\n\n\n{long}\n- {}\nKind regards,\nMe   ", "item ".repeat(30)));
    for line in text.lines() {
        assert!(line.chars().count() <= WIDTH || !line.contains(' '), "{line:?}");
    }
    assert!(text.starts_with("Hello,\n\nword"), "blank runs collapse: {text}");
    assert!(text.contains("\n  item"), "list items hang: {text}");
    assert!(text.ends_with("Kind regards,\nMe\n"));
    let date = tidy_text(&format!("{} expected on Tuesday, 24 November 2026.", "x".repeat(50)));
    assert!(date.contains("24 November 2026."), "{date}");
}

#[test]
fn text_becomes_escaped_html_with_lists_and_links() {
    let html = text_to_html(
        "Hi <b>Ann</b> & co,\n\nYou can:\n- see https://t.example/a?b=1&c=2.\n- write to help@shop.example\nBye",
    );
    assert!(html.contains("<p>Hi &lt;b&gt;Ann&lt;/b&gt; &amp; co,</p>"), "{html}");
    assert!(html.contains("<p>You can:</p>\n<ul>\n<li>see <a href=\"https://t.example/a?b=1&amp;c=2\">"), "{html}");
    assert!(html.contains("</a>.</li>"), "trailing full stop outside the link: {html}");
    assert!(html.contains("<a href=\"mailto:help@shop.example\">help@shop.example</a>"), "{html}");
    assert!(html.contains("</ul>\n<p>Bye</p>"), "{html}");
}
