//! A new postal address given in an email, with its postcode and country.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostalAddress {
    /// Street and number.
    pub line1: String,
    pub line2: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub postcode: Option<String>,
    /// ISO 3166-1 alpha-2, only when the text names the country.
    pub country: Option<String>,
}

impl PostalAddress {
    /// SPEC §2: street, city, postcode and country are all present.
    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }

    /// The parts SPEC §2 requires that this address lacks, in words.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut m = Vec::new();
        if self.line1.trim().is_empty() {
            m.push("street");
        }
        if self.city.as_deref().is_none_or(|c| c.trim().is_empty()) {
            m.push("city");
        }
        if self.postcode.as_deref().is_none_or(|c| c.trim().is_empty()) {
            m.push("postcode");
        }
        if self.country.as_deref().is_none_or(|c| c.trim().is_empty()) {
            m.push("country");
        }
        m
    }
}

pub fn find_new_address(_text: &str) -> Option<PostalAddress> {
    None
}
