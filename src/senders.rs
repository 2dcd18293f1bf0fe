//! Trusted carrier and supplier domains (SPEC §4 `senders.toml`, or the
//! same tables in mailroom.toml). Only mail from these domains may trigger
//! automatic carrier or supplier actions.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::classify::rules::SenderList;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustedSenders {
    #[serde(default)]
    pub carrier: Vec<TrustedParty>,
    #[serde(default)]
    pub supplier: Vec<TrustedParty>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustedParty {
    pub name: String,
    pub domains: Vec<String>,
}

/// A sender domain found on a trusted list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed<'a> {
    pub list: SenderList,
    pub name: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum SendersError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
}

impl TrustedSenders {
    pub fn load(path: &Path) -> Result<TrustedSenders, SendersError> {
        let shown = path.display().to_string();
        let text =
            std::fs::read_to_string(path).map_err(|source| SendersError::Read { path: shown.clone(), source })?;
        Self::parse(&text).map_err(|message| SendersError::Parse { path: shown, message })
    }

    pub fn parse(text: &str) -> Result<TrustedSenders, String> {
        let mut s: TrustedSenders = toml::from_str(text).map_err(|e| e.to_string())?;
        for p in s.carrier.iter_mut().chain(s.supplier.iter_mut()) {
            for d in &mut p.domains {
                *d = d.trim().trim_start_matches('@').trim_end_matches('.').to_lowercase();
            }
            if p.domains.iter().any(|d| !d.contains('.')) {
                return Err(format!("{}: a trusted domain must contain a dot: {:?}", p.name, p.domains));
            }
        }
        Ok(s)
    }

    /// Which list `domain` is on. A subdomain of a listed domain counts as
    /// the domain; a domain that merely ends with the same letters does not
    /// (`notups.com` is not `ups.com`).
    pub fn lookup(&self, domain: &str) -> Option<Listed<'_>> {
        let domain = domain.trim().trim_end_matches('.').to_lowercase();
        let on = |p: &&TrustedParty| p.domains.iter().any(|d| domain == *d || domain.ends_with(&format!(".{d}")));
        if let Some(p) = self.carrier.iter().find(on) {
            return Some(Listed { list: SenderList::Carrier, name: &p.name });
        }
        self.supplier.iter().find(on).map(|p| Listed { list: SenderList::Supplier, name: &p.name })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[carrier]]
name = "Delhivery"
domains = ["delhivery.com"]

[[supplier]]
name = "Acme Textiles"
domains = ["@AcmeTextiles.in"]
"#;

    #[test]
    fn a_subdomain_of_a_listed_domain_counts_as_the_domain() {
        let s = TrustedSenders::parse(SAMPLE).unwrap();
        assert_eq!(s.lookup("mail.delhivery.com").unwrap().name, "Delhivery");
        assert_eq!(s.lookup("DELHIVERY.COM").unwrap().list, SenderList::Carrier);
        assert_eq!(s.lookup("acmetextiles.in").unwrap().list, SenderList::Supplier);
    }

    #[test]
    fn lookalike_domains_are_not_trusted() {
        let s = TrustedSenders::parse(SAMPLE).unwrap();
        for d in ["notdelhivery.com", "delhivery.com.evil.net", "de1hivery.com", "delhivery-support.com", "in"] {
            assert!(s.lookup(d).is_none(), "{d}");
        }
    }

    #[test]
    fn a_malformed_senders_file_is_refused() {
        assert!(TrustedSenders::parse("[[carrier]]\nname = 'x'\n").is_err());
        assert!(TrustedSenders::parse("[[carrier]]\nname = 'x'\ndomains = ['localhost']\n").is_err());
        assert!(TrustedSenders::parse("[[courier]]\nname = 'x'\ndomains = ['a.b']\n").is_err());
    }
}
