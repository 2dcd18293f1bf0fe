//! Tests of the template loader, renderer, filters and the shipped
//! templates.

mod content;
mod load;
mod locale;
mod render;

use std::path::{Path, PathBuf};

use super::*;

fn repo_templates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("templates")
}

/// The six brands and their default languages (fixtures/orders.json).
fn brands() -> Vec<BrandInfo> {
    [
        ("Northwind Apparel", "en"),
        ("Kopi Kita Living", "id"),
        ("Casa Verde", "es"),
        ("Alpenhaus Outdoor", "de"),
        ("Maison Lune", "fr"),
        ("Harbour & Pine", "en"),
    ]
    .into_iter()
    .map(|(name, lang)| BrandInfo { slug: slug_of(name), default_language: lang.into() })
    .collect()
}

fn repo() -> Templates {
    Templates::load(&repo_templates(), &brands()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
#[ignore = "prints every rendering for a human to read: BRAND=casa-verde LANG_TAG=es HTML=1"]
fn print_all() {
    let t = Templates::load(&repo_templates(), &[]).unwrap_or_else(|e| panic!("{e}"));
    let brand = std::env::var("BRAND").unwrap_or_else(|_| "_default".into());
    let lang = std::env::var("LANG_TAG").unwrap_or_else(|_| "en".into());
    for (label, ctx) in [("full", check::full_sample()), ("minimal", check::minimal_sample())] {
        for kind in Kind::ALL {
            let r = t.render(&brand, &lang, kind, &ctx).unwrap_or_else(|e| panic!("{e}"));
            println!("===== {brand}/{} {} ({label})\nSubject: {}\n\n{}", r.language, kind.as_str(), r.subject, r.text);
            if std::env::var("HTML").is_ok() {
                println!("{}", r.html);
            }
        }
    }
}
