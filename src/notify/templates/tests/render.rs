//! Language fallback, the neutral brand, escaping.

use super::*;

fn ctx() -> Context {
    check::full_sample()
}

fn lang_used(t: &Templates, brand: &str, lang: &str) -> String {
    t.render(brand, lang, Kind::WismoReply, &ctx()).unwrap_or_else(|e| panic!("{brand} {lang}: {e}")).language
}

#[test]
fn the_customer_s_language_falls_back_to_its_base_then_the_brand_s_default_then_english() {
    let t = repo();
    let cases = [
        ("harbour-and-pine", "en-AU", "en"),
        ("harbour-and-pine", "en-GB", "en"),
        ("harbour-and-pine", "nl-BE", "nl"),
        ("alpenhaus-outdoor", "de-AT", "de"),
        ("alpenhaus-outdoor", "hi", "hi"),
        ("maison-lune", "fr-CA", "fr"),
        ("maison-lune", "ja", "fr"),
        ("casa-verde", "pt-BR", "es"),
        ("kopi-kita-living", "th", "id"),
        ("northwind-apparel", "hi-IN", "hi"),
        ("northwind-apparel", "de", "en"),
        ("alpenhaus-outdoor", "NL", "de"),
    ];
    for (brand, asked, used) in cases {
        assert_eq!(lang_used(&t, brand, asked), used, "{brand} {asked}");
    }
}

#[test]
fn english_is_the_last_resort_when_the_default_language_has_no_templates() {
    let t = repo();
    // A default the brand does not have: the loader reports it when the
    // brand is configured so, but the renderer still ends in English.
    let loaded = Templates::load(&repo_templates(), &[]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lang_used(&loaded, "alpenhaus-outdoor", "ja"), "en", "no configured default: English");
    assert_eq!(lang_used(&t, "alpenhaus-outdoor", "ja"), "de", "configured default");
}

#[test]
fn an_unknown_brand_is_written_as_the_neutral_brand_in_english() {
    let t = repo();
    let mut c = ctx();
    c.brand.name = "Widget Works".into();
    for lang in ["es", "hi", "en-US"] {
        let r = t.render("widget-works", lang, Kind::DelayNotice, &c).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.language, "en");
        assert!(r.text.contains("The Widget Works team"), "{}", r.text);
        assert!(!r.text.contains("Namaste"), "not another brand's voice");
    }
    let r = t.render("_default", "en", Kind::DelayNotice, &c).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.language, "en");
}

#[test]
fn html_is_escaped_and_text_is_not() {
    let t = repo();
    let mut c = ctx();
    c.customer.first_name = "<script>alert(1)</script>".into();
    c.customer.name = "<script>alert(1)</script>".into();
    c.brand.name = "Harbour & Pine".into();
    c.order.lines[0].name = "Mug <large> & \"saucer\"".into();
    for brand in t.brands().map(str::to_string).collect::<Vec<_>>() {
        for lang in t.languages(&brand).map(str::to_string).collect::<Vec<_>>() {
            for kind in Kind::ALL {
                let r = t.render(&brand, &lang, kind, &c).unwrap_or_else(|e| panic!("{e}"));
                let at = format!("{brand}/{lang}/{}", kind.as_str());
                assert!(!r.html.contains("<script>"), "{at}: {}", r.html);
                assert!(r.html.contains("&lt;script&gt;"), "{at}: the greeting names the customer: {}", r.html);
                assert!(r.html.contains("Harbour &amp; Pine"), "{at}");
                assert!(!r.html.contains("Harbour & Pine"), "{at}");
                assert!(r.text.contains("<script>alert(1)</script>"), "{at}: {}", r.text);
                assert!(r.text.contains("Harbour & Pine"), "{at}");
                if kind == Kind::PartialShipment {
                    assert!(r.html.contains("Mug &lt;large&gt; &amp; &quot;saucer&quot;"), "{at}: {}", r.html);
                    assert!(r.text.contains("Mug <large> & \"saucer\""), "{at}");
                }
            }
        }
    }
}

#[test]
fn a_subject_is_one_line() {
    let t = repo();
    let mut c = ctx();
    c.order.id = "SO-1\r\nBcc: x@evil.example".into();
    let r = t.render("casa-verde", "es", Kind::DelayNotice, &c).unwrap_or_else(|e| panic!("{e}"));
    assert!(!r.subject.contains(['\r', '\n']), "{:?}", r.subject);
}

#[test]
fn templates_can_be_shared_between_tasks() {
    fn shared<T: Send + Sync + 'static>() {}
    shared::<Templates>();
    shared::<RenderError>();
}
