//! A new delivery address given in an email, parsed into its parts.
//!
//! Input: the newest text of an email, signature removed. Output: the one
//! new address it gives ([`find_new_address`]), complete or not: a part the
//! text does not state stays `None`, and the country is set only when the
//! text names it. Failure: `None` when no cue introduces an address and the
//! text does not hold exactly one address while talking about an address,
//! or when equally explicit cues give two different postcodes.
//!
//! Flow: `cues` finds the lines after "new address", "please ship to",
//! "neue Adresse", "alamat baru"...; `parts` splits them and names each part
//! (street, flat, postcode + city, country...); `assemble` builds the
//! [`PostalAddress`]. Without a cue, `bare` looks for the one address block
//! that no old-address words or "Ship to:" form label introduce.

mod assemble;
mod bare;
mod country;
mod cues;
mod parts;
mod place;
mod postcode;
mod split;
mod street;
mod text;
mod words;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use postcode::postcode_looks_valid;

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

/// How a cued candidate ranks: a postcode or house number, the cue's
/// strength, richness, the cue's offset, the group's index in its block.
type Rank = (bool, u8, usize, usize, usize);

/// The new delivery address `text` gives. With several cued candidates one
/// with a postcode or a house number beats words alone ("address change
/// karna hai. Anna Salai wala office..."), then the one after the most
/// explicit cue wins, then the fuller, then the later; two different
/// postcodes after equally explicit cues are ambiguous and give `None`.
pub fn find_new_address(text: &str) -> Option<PostalAddress> {
    let mut cued: Vec<(Rank, PostalAddress)> = Vec::new();
    for block in cues::cued_blocks(text) {
        let lines: Vec<&str> = block.lines.iter().map(String::as_str).collect();
        let parts = parts::parts_of(&lines);
        for (i, group) in assemble::groups(&parts).into_iter().enumerate() {
            if let Some(addr) = assemble::build(group) {
                let solid = addr.postcode.is_some() || addr.line1.chars().any(|c| c.is_ascii_digit());
                cued.push(((solid, block.strength, assemble::richness(&addr), block.start, i), addr));
            }
        }
    }
    let Some(top) = cued.iter().map(|(rank, _)| (rank.0, rank.1)).max() else {
        return if text::about_address(text) { bare::only_address(text) } else { None };
    };
    cued.retain(|(rank, _)| (rank.0, rank.1) == top);
    let mut postcodes: Vec<&str> = cued.iter().filter_map(|(_, a)| a.postcode.as_deref()).collect();
    postcodes.sort_unstable();
    postcodes.dedup();
    if postcodes.len() > 1 {
        return None;
    }
    cued.into_iter().max_by_key(|(rank, _)| *rank).map(|(_, a)| a)
}
