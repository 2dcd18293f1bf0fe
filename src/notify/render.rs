//! The template engine as act's renderer, and the bundled templates.

use std::path::{Path, PathBuf};

use super::templates::{BrandInfo, Context, Kind, Rendered, TemplateErrors, Templates, tracking_url};
use crate::act::{Brands, Render};

impl Render for Templates {
    fn render(&self, brand_slug: &str, language: &str, kind: Kind, cx: &Context) -> Result<Rendered, String> {
        Templates::render(self, brand_slug, language, kind, cx).map_err(|e| e.to_string())
    }

    fn tracking_url(&self, carrier: &str, number: &str) -> Option<String> {
        tracking_url(carrier, number)
    }
}

/// The brands whose templates ship with mailroom, with their default
/// languages.
pub const BUNDLED_BRANDS: [(&str, &str); 6] = [
    ("northwind-apparel", "en"),
    ("kopi-kita-living", "id"),
    ("casa-verde", "es"),
    ("alpenhaus-outdoor", "de"),
    ("maison-lune", "fr"),
    ("harbour-and-pine", "en"),
];

/// The bundled templates directory: beside the working directory, else
/// beside the source tree this binary was built from.
pub fn bundled_dir() -> PathBuf {
    let here = PathBuf::from("templates");
    if here.join("_default").is_dir() { here } else { Path::new(env!("CARGO_MANIFEST_DIR")).join("templates") }
}

/// Load `dir` (or the bundled templates) for the bundled and configured
/// brands; every problem in every file at once.
pub fn load(dir: Option<&Path>, brands: &Brands) -> Result<Templates, TemplateErrors> {
    let mut infos: Vec<BrandInfo> =
        BUNDLED_BRANDS.iter().map(|(s, l)| BrandInfo { slug: (*s).into(), default_language: (*l).into() }).collect();
    for b in &brands.0 {
        infos.retain(|i| i.slug != b.slug);
        infos.push(BrandInfo { slug: b.slug.clone(), default_language: b.default_language.clone() });
    }
    Templates::load(dir.map_or_else(bundled_dir, Path::to_path_buf).as_path(), &infos)
}

impl Templates {
    /// The bundled templates for the bundled brands.
    pub fn bundled() -> Result<Templates, TemplateErrors> {
        load(None, &Brands::default())
    }
}
