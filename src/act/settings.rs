//! What resolution is configured with: autonomy per category, brands, the
//! mail-loop guard.

use std::collections::HashMap;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::domain::Category;

/// How far mailroom may go for a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Always escalate.
    Off,
    /// Decide and record what would have been done; change nothing.
    Shadow,
    /// Prepare the action and wait for one human click.
    Approve,
    /// Act.
    Auto,
}

impl FromStr for Mode {
    type Err = String;
    fn from_str(s: &str) -> Result<Mode, String> {
        match s {
            "off" => Ok(Mode::Off),
            "shadow" => Ok(Mode::Shadow),
            "approve" => Ok(Mode::Approve),
            "auto" => Ok(Mode::Auto),
            other => Err(format!("unknown autonomy {other:?}: expected off, shadow, approve or auto")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Autonomy {
    pub default: Mode,
    pub per_category: HashMap<Category, Mode>,
}

impl Default for Autonomy {
    fn default() -> Self {
        Autonomy { default: Mode::Auto, per_category: HashMap::new() }
    }
}

impl Autonomy {
    pub fn mode(&self, c: Category) -> Mode {
        self.per_category.get(&c).copied().unwrap_or(self.default)
    }
}

/// One brand's sending identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Brand {
    pub name: String,
    /// Directory under templates/.
    pub slug: String,
    /// `Name <address>`.
    pub from: String,
    pub reply_to: Option<String>,
    pub support_email: String,
    pub website: String,
    pub default_language: String,
}

impl Brand {
    /// A brand nobody configured: derived from its name.
    pub fn derived(name: &str) -> Brand {
        let slug = slug_of(name);
        let domain = format!("{}.example", slug.replace('-', ""));
        Brand {
            name: name.to_string(),
            slug,
            from: format!("{name} <orders@{domain}>"),
            reply_to: None,
            support_email: format!("support@{domain}"),
            website: format!("https://{domain}"),
            default_language: "en".into(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Brands(pub Vec<Brand>);

impl Brands {
    pub fn get(&self, name: &str) -> Brand {
        self.0.iter().find(|b| b.name.eq_ignore_ascii_case(name)).cloned().unwrap_or_else(|| Brand::derived(name))
    }
}

/// A brand's directory name, spelled exactly as the template loader does.
pub use crate::notify::templates::slug_of;

/// RFC 3834 and good manners: who mailroom never writes to automatically,
/// and how much it writes to one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guard {
    /// At most this many automatic mails per recipient per window; the
    /// rest are held for a person.
    pub per_recipient: i64,
    pub window_hours: i64,
}

impl Default for Guard {
    fn default() -> Self {
        Guard { per_recipient: 3, window_hours: 24 }
    }
}

/// Addresses that never read replies.
pub fn is_no_reply(address: &str) -> bool {
    let local = address.split('@').next().unwrap_or("").to_lowercase().replace(['-', '_', '.'], "");
    ["noreply", "donotreply", "mailerdaemon", "postmaster", "bounce", "bounces", "notifications", "notification"]
        .iter()
        .any(|n| local == *n || local.starts_with("noreply") || local.starts_with("donotreply"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn autonomy_falls_back_to_the_default() {
        let mut a = Autonomy { default: Mode::Shadow, ..Default::default() };
        a.per_category.insert(Category::CarrierDelay, Mode::Auto);
        assert_eq!(a.mode(Category::CarrierDelay), Mode::Auto);
        assert_eq!(a.mode(Category::CustomerWismo), Mode::Shadow);
        assert!("sometimes".parse::<Mode>().is_err());
    }

    #[test]
    fn no_reply_addresses_are_recognised() {
        for a in
            ["noreply@x.com", "no-reply@x.com", "do_not_reply@x.com", "MAILER-DAEMON@x.com", "noreply.alerts@x.com"]
        {
            assert!(is_no_reply(a), "{a}");
        }
        for a in ["priya@x.com", "nora@x.com", "reply@x.com"] {
            assert!(!is_no_reply(a), "{a}");
        }
    }

    #[test]
    fn an_unconfigured_brand_is_derived_from_its_name() {
        let b = Brands::default().get("Harbour & Pine");
        assert_eq!(b.slug, "harbour-and-pine");
        assert!(b.from.starts_with("Harbour & Pine <orders@"));
    }
}
