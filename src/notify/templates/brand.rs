//! Brands and languages: slugs, and the order in which languages are tried.
//!
//! Input: a brand's display name or a customer's BCP 47 tag. Output: the
//! directory names the loader and the renderer agree on. Pure.

/// A brand the loader must find templates for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrandInfo {
    /// The directory under `templates/`, e.g. `harbour-and-pine`.
    pub slug: String,
    /// The language used when the customer's has no templates, e.g. `en`.
    pub default_language: String,
}

/// The directory name of a brand: "Harbour & Pine" → `harbour-and-pine`.
///
/// Lower case; `&` reads as "and"; every run of other characters that are
/// not letters or digits becomes one `-`.
pub fn slug_of(brand_name: &str) -> String {
    let spelled = brand_name.replace('&', " and ");
    let mut slug = String::with_capacity(spelled.len());
    for c in spelled.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// A language tag as directory names spell it: `en_AU` → `en-au`.
pub(super) fn normalize_language(tag: &str) -> String {
    tag.trim().replace('_', "-").to_ascii_lowercase()
}

/// The primary subtag: `de-at` → `de`.
pub(super) fn base_language(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// Whether a directory name looks like a language: `en`, `hi`, `de-at`.
pub(super) fn is_language_dir(name: &str) -> bool {
    let mut parts = name.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// The languages to try, best first: the customer's, its base, the brand's
/// default, its base, then English; without repeats.
pub(super) fn language_chain(customer: &str, brand_default: Option<&str>) -> Vec<String> {
    let customer = normalize_language(customer);
    let default = brand_default.map(normalize_language);
    let mut chain: Vec<String> = Vec::with_capacity(5);
    let mut push = |tag: &str| {
        if !tag.is_empty() && !chain.iter().any(|t| t == tag) {
            chain.push(tag.to_string());
        }
    };
    push(&customer);
    push(base_language(&customer));
    if let Some(default) = &default {
        push(default);
        push(base_language(default));
    }
    push("en");
    chain
}
