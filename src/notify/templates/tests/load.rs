//! The loader reports every problem in every file at once, with names.

use std::fs;

use super::*;

/// A small valid tree: `_default/en` and one brand in en and de, each part
/// a one-liner that uses the context.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (brand, lang) in [("_default", "en"), ("acme", "en"), ("acme", "de")] {
        let d = dir.path().join(brand).join(lang);
        fs::create_dir_all(&d).expect("mkdir");
        for kind in Kind::ALL {
            let k = kind.as_str();
            fs::write(d.join(format!("{k}.subject")), "Order {{ order.id }}").expect("write");
            fs::write(d.join(format!("{k}.txt")), "Hi {{ customer.first_name }}, {{ order.status|status }}")
                .expect("write");
            fs::write(d.join(format!("{k}.html")), "<p>Hi {{ customer.first_name }}</p>").expect("write");
        }
    }
    fs::write(dir.path().join("README.md"), "not a template").expect("write");
    dir
}

fn acme() -> Vec<BrandInfo> {
    vec![BrandInfo { slug: "acme".into(), default_language: "de".into() }]
}

fn errors(dir: &Path, brands: &[BrandInfo]) -> TemplateErrors {
    match Templates::load(dir, brands) {
        Ok(_) => panic!("loaded a broken tree"),
        Err(e) => e,
    }
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).expect("write");
}

#[test]
fn the_shipped_templates_load() {
    let t = repo();
    let brands: Vec<&str> = t.brands().collect();
    for b in brands_info_slugs() {
        assert!(brands.contains(&b.as_str()), "{b} in {brands:?}");
    }
    assert!(brands.contains(&"_default"));
}

fn brands_info_slugs() -> Vec<String> {
    super::brands().into_iter().map(|b| b.slug).collect()
}

#[test]
fn a_valid_tree_loads() {
    let dir = tree();
    let t = Templates::load(dir.path(), &acme()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.languages("acme").collect::<Vec<_>>(), ["de", "en"]);
}

#[test]
fn an_unknown_variable_is_reported_with_file_line_and_name() {
    let dir = tree();
    // In a branch no sample enters: only the static check can see it.
    write(
        dir.path(),
        "acme/en/delay_notice.txt",
        "Hi {{ customer.first_name }},\n{% if order.status == 'never' %}\n{{ order.trackng_url }}\n{% endif %}\n",
    );
    let e = errors(dir.path(), &acme());
    assert_eq!(e.0.len(), 1, "{e}");
    let p = &e.0[0];
    assert_eq!(p.file, dir.path().join("acme/en/delay_notice.txt"));
    assert_eq!(p.line, 3);
    assert!(p.reason.contains("order.trackng_url"), "{e}");
}

#[test]
fn a_wrong_attribute_of_a_loop_item_fails_the_sample_render() {
    let dir = tree();
    write(dir.path(), "acme/de/partial_shipment.txt", "{% for l in order.lines %}\n{{ l.nmae }}\n{% endfor %}\n");
    let e = errors(dir.path(), &acme());
    let p = e.0.iter().find(|p| p.file.ends_with("acme/de/partial_shipment.txt")).unwrap_or_else(|| panic!("{e}"));
    assert_eq!(p.line, 2, "{e}");
    assert!(p.reason.contains("l.nmae"), "{e}");
}

#[test]
fn an_unguarded_optional_part_fails_with_the_minimal_sample() {
    let dir = tree();
    write(dir.path(), "acme/en/delay_notice.txt", "New date: {{ new_date|date }}\n");
    let e = errors(dir.path(), &acme());
    assert_eq!(e.0.len(), 1, "{e}");
    assert!(e.0[0].reason.contains("date: no value given"), "{e}");
    assert_eq!(e.0[0].line, 1);
}

#[test]
fn every_problem_in_every_file_is_reported_at_once() {
    let dir = tree();
    write(dir.path(), "acme/en/wismo_reply.html", "<p>{% if %}</p>");
    write(dir.path(), "acme/de/delay_notice.subject", "{{ order.trackng_url }}");
    fs::remove_file(dir.path().join("acme/de/address_changed.subject")).expect("rm");
    write(dir.path(), "acme/de/delay_notise.txt", "typo in the kind");
    write(dir.path(), "acme/de/notes.md", "not a part");
    let e = errors(dir.path(), &acme());
    let shown = e.to_string();
    for file in [
        "acme/en/wismo_reply.html",
        "acme/de/delay_notice.subject",
        "acme/de/address_changed.subject",
        "acme/de/delay_notise.txt",
        "acme/de/notes.md",
    ] {
        assert!(e.0.iter().any(|p| p.file == dir.path().join(file)), "{file} not in:\n{shown}");
        assert!(shown.contains(file), "{shown}");
    }
    assert_eq!(e.0.len(), 5, "one problem each, no echoes:\n{shown}");
    let syntax = e.0.iter().find(|p| p.file.ends_with("wismo_reply.html")).expect("syntax problem");
    assert!(syntax.reason.contains("syntax error"), "{shown}");
    assert_eq!(syntax.line, 1);
    assert!(shown.contains("unknown kind `delay_notise`"), "{shown}");
    assert!(shown.contains("missing"), "{shown}");
}

#[test]
fn a_syntax_error_in_a_shared_partial_is_reported_once_not_per_user() {
    let dir = tree();
    fs::create_dir_all(dir.path().join("_shared/en")).expect("mkdir");
    write(dir.path(), "_shared/en/bits.txt", "{% macro hi() %}Hi{% endmacro\n");
    for kind in Kind::ALL {
        write(
            dir.path(),
            &format!("acme/en/{}.txt", kind.as_str()),
            "{% import \"_shared/en/bits.txt\" as b %}{{ b.hi() }}",
        );
    }
    let e = errors(dir.path(), &acme());
    assert_eq!(e.0.len(), 1, "{e}");
    assert_eq!(e.0[0].file, dir.path().join("_shared/en/bits.txt"));
}

#[test]
fn including_another_language_s_partial_is_an_error() {
    let dir = tree();
    fs::create_dir_all(dir.path().join("_shared/de")).expect("mkdir");
    write(dir.path(), "_shared/de/bits.txt", "Hallo");
    write(dir.path(), "acme/en/wismo_reply.txt", "{% include \"_shared/de/bits.txt\" %}");
    let e = errors(dir.path(), &acme());
    assert_eq!(e.0.len(), 1, "{e}");
    assert_eq!(e.0[0].file, dir.path().join("acme/en/wismo_reply.txt"));
    assert!(e.0[0].reason.contains("template not found"), "{e}");
}

#[test]
fn configured_brands_need_english_and_their_default_language() {
    let dir = tree();
    let brands = vec![
        BrandInfo { slug: "acme".into(), default_language: "fr".into() },
        BrandInfo { slug: "nowhere".into(), default_language: "en".into() },
    ];
    let e = errors(dir.path(), &brands);
    let shown = e.to_string();
    assert!(shown.contains("default language `fr`"), "{shown}");
    assert!(shown.contains("no templates for brand `nowhere`"), "{shown}");
    // A regional default is satisfied by its base language.
    let de_at = vec![BrandInfo { slug: "acme".into(), default_language: "de-AT".into() }];
    Templates::load(dir.path(), &de_at).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_neutral_brand_is_required_and_directories_are_validated() {
    let dir = tree();
    fs::remove_dir_all(dir.path().join("_default")).expect("rm");
    fs::create_dir_all(dir.path().join("acme/English")).expect("mkdir");
    fs::create_dir_all(dir.path().join("empty-brand")).expect("mkdir");
    let e = errors(dir.path(), &acme());
    let shown = e.to_string();
    assert!(shown.contains("_default"), "{shown}");
    assert!(shown.contains("not a language directory"), "{shown}");
    assert!(e.0.iter().any(|p| p.file == dir.path().join("empty-brand")), "{shown}");
}

#[test]
fn a_missing_directory_is_one_problem() {
    let e = errors(Path::new("/nonexistent/templates"), &[]);
    assert_eq!(e.0.len(), 1);
    assert!(e.to_string().contains("/nonexistent/templates"));
}

#[test]
fn the_full_sample_sets_every_field() {
    // The static check learns the context's fields from this sample: a
    // field left none here would be unknown to it.
    let json = serde_json::to_value(check::full_sample()).expect("json");
    fn walk(v: &serde_json::Value, path: &str) {
        match v {
            serde_json::Value::Null => panic!("{path} is none in the full sample"),
            serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| walk(v, &format!("{path}.{k}"))),
            serde_json::Value::Array(a) => {
                assert!(!a.is_empty(), "{path} is empty in the full sample");
                a.iter().for_each(|v| walk(v, path));
            }
            _ => {}
        }
    }
    walk(&json, "context");
}
