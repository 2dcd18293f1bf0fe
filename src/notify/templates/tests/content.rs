//! The shipped messages: every brand in every required language renders
//! every kind, says what its kind must say, and sounds like its brand.

use std::collections::BTreeMap;

use super::super::locale::{format_date, kind_phrase, status_phrase};
use super::super::text::WIDTH;
use super::*;

/// en, hi, id and es for everyone, plus each brand's own.
fn required() -> Vec<(String, Vec<&'static str>)> {
    brands()
        .into_iter()
        .map(|b| {
            let mut langs = vec!["en", "hi", "id", "es"];
            match b.slug.as_str() {
                "alpenhaus-outdoor" => langs.push("de"),
                "maison-lune" => langs.push("fr"),
                "harbour-and-pine" => langs.push("nl"),
                _ => {}
            }
            (b.slug, langs)
        })
        .collect()
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
}

fn assert_shape(at: &str, r: &Rendered, ctx: &Context) {
    assert!(!r.subject.is_empty() && r.subject.chars().count() <= 72, "{at}: subject {:?}", r.subject);
    assert!(r.subject.contains(&ctx.order.id), "{at}: subject names the order: {:?}", r.subject);
    assert!(r.text.contains(&ctx.order.id), "{at}: text names the order");
    assert!(r.text.contains(&ctx.brand.name), "{at}: signed by the brand");
    for line in r.text.lines() {
        assert!(line.chars().count() <= WIDTH || !line.trim().contains(' '), "{at}: long line {line:?}");
    }
    for part in [&r.subject, &r.text, &r.html] {
        assert!(!part.contains("{{") && !part.contains("{%"), "{at}: template syntax leaked");
        assert!(
            !words(part).any(|w| w == "none" || w == "None" || w == "undefined"),
            "{at}: a missing value printed:\n{part}"
        );
        assert!(!part.to_lowercase().contains("unsubscribe"), "{at}");
    }
    assert!(r.html.starts_with("<!DOCTYPE html>"), "{at}");
    assert!(r.html.contains(&format!("<html lang=\"{}\">", r.language)), "{at}");
}

/// What each kind must tell the customer, checked on the full sample.
fn assert_says(at: &str, kind: Kind, r: &Rendered, c: &Context) {
    let lang = r.language.as_str();
    let date = |d: Option<chrono::NaiveDate>| format_date(d.expect("full sample"), lang);
    // Wrapping may break a fact across lines; compare with spaces made one.
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = flat(&r.text);
    let has = |needle: &str, what: &str| {
        assert!(text.contains(&flat(needle)), "{at}: {what} ({needle:?}) missing:\n{}", r.text)
    };
    let tracking_url = c.order.tracking_url.as_deref().expect("full sample");
    let carrier = c.order.carrier.as_deref().expect("full sample");
    match kind {
        Kind::AddressConfirm => {
            has(&c.order.shipping_address.line1, "the address on file");
            has(&c.order.shipping_address.postcode, "the postcode on file");
            has(carrier, "the carrier holding the parcel");
        }
        Kind::DeliveryException => {
            has(carrier, "the carrier");
            has(tracking_url, "the tracking link");
        }
        Kind::DelayNotice | Kind::SupplierDelay | Kind::RescheduleConfirmed => {
            has(&date(c.new_date), "the new date");
            has(&date(c.old_date), "the old date");
        }
        Kind::PartialShipment => {
            for line in &c.order.lines {
                has(&line.name, "every line");
            }
            has(&date(c.rest_date), "when the rest follows");
        }
        Kind::AddressChanged => {
            let new = c.new_address.as_ref().expect("full sample");
            has(&new.line1, "the new address");
            has(&new.postcode, "the new postcode");
        }
        Kind::WismoReply => {
            has(&status_phrase(&c.order.status, lang), "the status");
            has(carrier, "the carrier");
            has(tracking_url, "the tracking link");
            has(&date(c.order.expected_delivery), "the expected date");
            for n in &c.earlier_notices {
                has(&format_date(n.sent_on, lang), "when we wrote before");
                has(kind_phrase(n.kind, lang), "what we wrote about");
            }
        }
    }
    if kind == Kind::DelayNotice {
        has(tracking_url, "the tracking link");
    }
}

#[test]
fn every_brand_renders_every_kind_in_every_required_language_with_full_and_minimal_context() {
    let t = repo();
    let (full, minimal) = (check::full_sample(), check::minimal_sample());
    let mut count = 0;
    for (brand, langs) in required() {
        for lang in langs {
            for kind in Kind::ALL {
                let at = format!("{brand}/{lang}/{}", kind.as_str());
                for c in [&full, &minimal] {
                    let r = t.render(&brand, lang, kind, c).unwrap_or_else(|e| panic!("{at}: {e}"));
                    assert_eq!(r.language, lang, "{at}: has its own templates");
                    assert_shape(&at, &r, c);
                    count += 1;
                }
                let r = t.render(&brand, lang, kind, &full).unwrap_or_else(|e| panic!("{at}: {e}"));
                assert_says(&at, kind, &r, &full);
            }
        }
    }
    assert_eq!(count, (6 * 4 + 3) * 8 * 2);
}

#[test]
fn without_earlier_notices_a_wismo_reply_does_not_mention_them() {
    let t = repo();
    let c = check::minimal_sample();
    let full = check::full_sample();
    for (brand, langs) in required() {
        for lang in langs {
            let r = t.render(&brand, lang, Kind::WismoReply, &c).unwrap_or_else(|e| panic!("{e}"));
            let with = t.render(&brand, lang, Kind::WismoReply, &full).unwrap_or_else(|e| panic!("{e}"));
            let phrase = kind_phrase(full.earlier_notices[0].kind, lang);
            assert!(with.text.contains(phrase) && !r.text.contains(phrase), "{brand}/{lang}:\n{}", r.text);
        }
    }
}

#[test]
fn each_brand_has_its_own_voice() {
    // Same facts, same language: no two brands may send the same words.
    let t = repo();
    let c = check::full_sample();
    for lang in ["en", "hi", "id", "es"] {
        for kind in Kind::ALL {
            let mut seen: BTreeMap<String, String> = BTreeMap::new();
            for (brand, _) in required() {
                let r = t.render(&brand, lang, kind, &c).unwrap_or_else(|e| panic!("{e}"));
                if let Some(other) = seen.insert(r.text.clone(), brand.clone()) {
                    panic!("{brand} and {other} send the same {lang} {}", kind.as_str());
                }
            }
        }
    }
}

#[test]
fn brands_greet_in_their_own_way() {
    let t = repo();
    let c = check::full_sample();
    let greets = [
        ("northwind-apparel", "en", "Namaste"),
        ("northwind-apparel", "hi", "नमस्ते"),
        ("kopi-kita-living", "id", "Halo kak"),
        ("alpenhaus-outdoor", "de", "Sie"),
        ("maison-lune", "fr", "vous"),
        ("harbour-and-pine", "en", "G'day"),
    ];
    for (brand, lang, word) in greets {
        for kind in Kind::ALL {
            let r = t.render(brand, lang, kind, &c).unwrap_or_else(|e| panic!("{e}"));
            assert!(r.text.contains(word), "{brand}/{lang}/{}: no {word:?}:\n{}", kind.as_str(), r.text);
        }
    }
}
