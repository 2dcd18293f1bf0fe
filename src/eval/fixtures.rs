//! Loading a fixture directory in the SPEC §4 layout.
//!
//! `DIR/orders.json`, `DIR/senders.toml`, `DIR/cases/NAME.eml` beside
//! `DIR/cases/NAME.toml`. A directory that breaks the layout is refused with
//! the file at fault; keys a label file adds beyond SPEC §4 are ignored, so
//! other people's data sets load.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::domain::{Category, DecisionKind, Order};
use crate::senders::TrustedSenders;

#[derive(Debug, thiserror::Error)]
pub enum LayoutError {
    #[error("{path}: missing ({what})")]
    Missing { path: PathBuf, what: &'static str },
    #[error("{path}: cannot read: {source}")]
    Unreadable { path: PathBuf, source: std::io::Error },
    #[error("{path}: {reason}")]
    Invalid { path: PathBuf, reason: String },
}

/// What a correct agent concludes about one case (SPEC §4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub category: Category,
    pub decision: DecisionKind,
    pub order: Option<String>,
    pub tracking_number: Option<String>,
    pub new_postcode: Option<String>,
    pub new_date: Option<NaiveDate>,
}

#[derive(Debug, Deserialize)]
struct WireLabel {
    category: String,
    decision: String,
    order: Option<String>,
    tracking_number: Option<String>,
    new_postcode: Option<String>,
    /// SPEC §4 writes it quoted (`"2026-11-26"`); a bare TOML date works too.
    new_date: Option<toml::Value>,
}

#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub eml: PathBuf,
    pub label: Label,
}

#[derive(Debug)]
pub struct FixtureDir {
    pub root: PathBuf,
    pub orders: Vec<Order>,
    pub senders: TrustedSenders,
    pub cases: Vec<Case>,
}

fn read(path: &Path) -> Result<String, LayoutError> {
    std::fs::read_to_string(path).map_err(|source| LayoutError::Unreadable { path: path.to_path_buf(), source })
}

fn invalid(path: &Path, reason: impl ToString) -> LayoutError {
    LayoutError::Invalid { path: path.to_path_buf(), reason: reason.to_string() }
}

pub fn load(root: &Path) -> Result<FixtureDir, LayoutError> {
    let orders_path = root.join("orders.json");
    if !orders_path.is_file() {
        return Err(LayoutError::Missing { path: orders_path, what: "the order book of SPEC §3" });
    }
    let orders: Vec<Order> = serde_json::from_str(&read(&orders_path)?).map_err(|e| invalid(&orders_path, e))?;
    let senders_path = root.join("senders.toml");
    if !senders_path.is_file() {
        return Err(LayoutError::Missing {
            path: senders_path, what: "the trusted carriers and suppliers of SPEC §4"
        });
    }
    let senders = TrustedSenders::parse(&read(&senders_path)?).map_err(|e| invalid(&senders_path, e))?;
    let cases_dir = root.join("cases");
    if !cases_dir.is_dir() {
        return Err(LayoutError::Missing { path: cases_dir, what: "the cases directory" });
    }
    let cases = load_cases(&cases_dir)?;
    Ok(FixtureDir { root: root.to_path_buf(), orders, senders, cases })
}

/// Pair every NAME.eml with NAME.toml; either without the other is refused.
fn load_cases(dir: &Path) -> Result<Vec<Case>, LayoutError> {
    let entries =
        std::fs::read_dir(dir).map_err(|source| LayoutError::Unreadable { path: dir.to_path_buf(), source })?;
    let mut pairs: BTreeMap<String, (Option<PathBuf>, Option<PathBuf>)> = BTreeMap::new();
    for entry in entries {
        let path = entry.map_err(|source| LayoutError::Unreadable { path: dir.to_path_buf(), source })?.path();
        let (Some(stem), Some(ext)) = (path.file_stem(), path.extension()) else {
            continue;
        };
        let slot = pairs.entry(stem.to_string_lossy().into_owned()).or_default();
        match ext.to_str() {
            Some("eml") => slot.0 = Some(path),
            Some("toml") => slot.1 = Some(path),
            _ => {}
        }
    }
    let mut cases = Vec::with_capacity(pairs.len());
    for (name, pair) in pairs {
        match pair {
            (Some(eml), Some(toml)) => cases.push(Case { name, eml, label: load_label(&toml)? }),
            (Some(eml), None) => {
                return Err(LayoutError::Missing {
                    path: eml.with_extension("toml"),
                    what: "the label beside this .eml",
                });
            }
            (None, Some(toml)) => {
                return Err(LayoutError::Missing {
                    path: toml.with_extension("eml"),
                    what: "the email beside this label",
                });
            }
            (None, None) => {}
        }
    }
    if cases.is_empty() {
        return Err(LayoutError::Missing { path: dir.to_path_buf(), what: "no NAME.eml + NAME.toml cases" });
    }
    Ok(cases)
}

fn load_label(path: &Path) -> Result<Label, LayoutError> {
    let wire: WireLabel = toml::from_str(&read(path)?).map_err(|e| invalid(path, e.message().trim()))?;
    let category = wire.category.parse::<Category>().map_err(|e| invalid(path, e))?;
    let decision = wire.decision.parse::<DecisionKind>().map_err(|e| invalid(path, e))?;
    let new_date = match wire.new_date {
        None => None,
        Some(v) => {
            let text = match &v {
                toml::Value::String(s) => s.trim().to_string(),
                toml::Value::Datetime(d) => d.to_string(),
                other => other.to_string(),
            };
            let date = text.get(..10).and_then(|s| s.parse::<NaiveDate>().ok());
            Some(date.ok_or_else(|| invalid(path, format!("new_date {v} is not an ISO 8601 date")))?)
        }
    };
    let blank_is_none = |s: Option<String>| s.filter(|v| !v.trim().is_empty());
    Ok(Label {
        category,
        decision,
        order: blank_is_none(wire.order),
        tracking_number: blank_is_none(wire.tracking_number),
        new_postcode: blank_is_none(wire.new_postcode),
        new_date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::create_dir_all(dir.join(name).parent().unwrap()).unwrap();
        std::fs::write(dir.join(name), text).unwrap();
    }

    fn valid_dir() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "orders.json", "[]");
        write(d.path(), "senders.toml", "");
        write(d.path(), "cases/a.eml", "From: a@b.example\n\nhi\n");
        let a = "category = \"other\"\ndecision = \"ignore\"\nnew_date = \"2026-11-26\"\nextra = 'ignored'\n";
        write(d.path(), "cases/a.toml", a);
        write(d.path(), "cases/b.eml", "From: a@b.example\n\nhi\n");
        write(d.path(), "cases/b.toml", "category = \"other\"\ndecision = \"ignore\"\nnew_date = 2026-11-27\n");
        d
    }

    #[test]
    fn a_valid_directory_loads_and_extra_label_keys_are_ignored() {
        let d = valid_dir();
        let f = load(d.path()).unwrap();
        assert_eq!(f.cases.len(), 2);
        assert_eq!(f.cases[0].label.new_date, "2026-11-26".parse().ok(), "quoted, as SPEC §4 writes it");
        assert_eq!(f.cases[1].label.new_date, "2026-11-27".parse().ok(), "a bare TOML date");
    }

    #[test]
    fn a_missing_label_names_the_file_at_fault() {
        let d = valid_dir();
        write(d.path(), "cases/c.eml", "From: x@y.example\n\n");
        let e = load(d.path()).unwrap_err().to_string();
        assert!(e.contains("cases/c.toml") && e.contains("missing"), "{e}");
    }

    #[test]
    fn an_unknown_category_names_the_file_at_fault() {
        let d = valid_dir();
        write(d.path(), "cases/a.toml", "category = \"lost_parcel\"\ndecision = \"ignore\"\n");
        let e = load(d.path()).unwrap_err().to_string();
        assert!(e.contains("cases/a.toml") && e.contains("lost_parcel"), "{e}");
    }

    #[test]
    fn a_broken_order_book_or_missing_senders_file_is_refused() {
        let d = valid_dir();
        write(d.path(), "orders.json", "[{\"id\": 1}]");
        assert!(load(d.path()).unwrap_err().to_string().contains("orders.json"));
        let d = valid_dir();
        std::fs::remove_file(d.path().join("senders.toml")).unwrap();
        assert!(load(d.path()).unwrap_err().to_string().contains("senders.toml"));
    }
}
