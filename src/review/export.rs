//! Corrections become fixtures: `mailroom fixtures export --corrected DIR`
//! writes every reclassified queue item in the SPEC §4 layout, so engineers
//! grow the evaluation set from real traffic.
//!
//! Personal data is replaced by consistent fakes before anything is
//! written: the linked orders' customers (name and its parts, email, phone,
//! street lines) wherever they appear, and the sender (From, Reply-To) of
//! mail a customer or another private person wrote; organisations'
//! addresses (carriers, suppliers, the shop's own mailbox) stay, since
//! rules read them. The same person gets the same fake in every case and
//! in `orders.json`. The messages are written again from
//! their decoded text and HTML (headers kept: dates, ids, authentication
//! results; routing headers and attachments dropped), so an encoded body
//! hides nothing from the replacement.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use mail_parser::{Address, MessageParser};
use regex::Regex;

use crate::domain::Order;
use crate::senders::TrustedSenders;
use crate::store::{QueueFilter, Store};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exported {
    pub cases: usize,
    pub orders: usize,
}

const FIRST: [&str; 10] = ["Alex", "Sam", "Robin", "Kim", "Jamie", "Noor", "Ari", "Dana", "Sasha", "Toni"];
const LAST: [&str; 10] =
    ["Fischer", "Okafor", "Silva", "Nakamura", "Dubois", "Haddad", "Kowalski", "Novak", "Moreau", "Varga"];

/// Real value → fake, the same across every case of one export.
#[derive(Default)]
struct Fakes {
    people: HashMap<String, usize>,
    emails: HashMap<String, String>,
    phones: HashMap<String, String>,
    streets: HashMap<String, String>,
    /// Every (real, fake) pair, longest real first when applied.
    pairs: BTreeMap<String, String>,
}

impl Fakes {
    /// A fake for a person's name. `parts`: also replace the first and
    /// last name on their own ("Hi Hannah"), for names known to be a
    /// person's (an order's customer), not for any display name.
    fn person(&mut self, name: &str, parts: bool) -> String {
        let key = name.trim().to_lowercase();
        let next = self.people.len();
        let n = *self.people.entry(key).or_insert(next);
        let (first, last) = (FIRST[n % 10], LAST[(n / 10 + n * 3) % 10]);
        let fake = format!("{first} {last}");
        let words: Vec<&str> = name.split_whitespace().collect();
        if parts && words.len() > 1 {
            self.pairs.insert(words[0].to_string(), first.to_string());
            self.pairs.insert(words[words.len() - 1].to_string(), last.to_string());
        }
        self.pairs.insert(name.trim().to_string(), fake.clone());
        fake
    }

    fn knows_email(&self, address: &str) -> bool {
        self.emails.contains_key(&address.trim().to_lowercase())
    }

    fn email(&mut self, address: &str) -> String {
        let key = address.trim().to_lowercase();
        let next = self.emails.len() + 1;
        let fake = self
            .emails
            .entry(key.clone())
            .or_insert_with(|| match key.rsplit_once('@') {
                Some((_, domain)) => format!("person{next}@{domain}"),
                None => format!("person{next}@example.com"),
            })
            .clone();
        self.pairs.insert(address.trim().to_string(), fake.clone());
        self.pairs.insert(key, fake.clone());
        fake
    }

    fn phone(&mut self, phone: &str) -> String {
        let next = self.phones.len();
        let fake =
            self.phones.entry(phone.to_string()).or_insert_with(|| format!("+1 555 01{:02}", next % 100)).clone();
        self.pairs.insert(phone.to_string(), fake.clone());
        fake
    }

    fn street(&mut self, line: &str) -> String {
        let next = self.streets.len();
        let fake =
            self.streets.entry(line.to_string()).or_insert_with(|| format!("{} Example Street", 7 * next + 1)).clone();
        self.pairs.insert(line.to_string(), fake.clone());
        fake
    }

    fn order(&mut self, o: &Order) -> Order {
        let mut o = o.clone();
        o.customer.name = self.person(&o.customer.name, true);
        o.customer.email = self.email(&o.customer.email);
        o.customer.phone = o.customer.phone.as_deref().map(|p| self.phone(p));
        o.shipping_address.line1 = self.street(&o.shipping_address.line1);
        o.shipping_address.line2 = o.shipping_address.line2.as_deref().map(|l| self.street(l));
        o
    }

    /// Every known real value replaced, longest first (a full name before
    /// its parts; names only as whole words), then any other phone number
    /// written with a leading `+`.
    fn apply(&self, text: &str) -> String {
        let mut pairs: Vec<(&String, &String)> = self.pairs.iter().filter(|(r, _)| r.chars().count() >= 3).collect();
        pairs.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
        let mut out = text.to_string();
        for (real, fake) in pairs {
            let word = Regex::new(&format!(r"(?i)\b{}\b", regex::escape(real)));
            out = match word {
                Ok(re) if real.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '.') => {
                    re.replace_all(&out, fake.as_str()).into_owned()
                }
                _ => out.replace(real.as_str(), fake),
            };
        }
        let phones = Regex::new(r"\+\d[\d \-().]{7,}\d").expect("a valid pattern");
        phones.replace_all(&out, "+1 555 0199").into_owned()
    }
}

fn trusted(senders: &TrustedSenders, address: &str) -> bool {
    let domain = address.rsplit_once('@').map(|(_, d)| d.to_lowercase()).unwrap_or_default();
    senders.carrier.iter().chain(&senders.supplier).any(|p| {
        p.domains.iter().any(|d| domain == d.to_lowercase() || domain.ends_with(&format!(".{}", d.to_lowercase())))
    })
}

fn addresses(a: Option<&Address>) -> Vec<(Option<String>, String)> {
    a.map(|a| a.iter().filter_map(|m| Some((m.name().map(str::to_string), m.address()?.to_string()))).collect())
        .unwrap_or_default()
}

/// The message written again, anonymised: kept headers, then the decoded
/// text and HTML as UTF-8. `private_sender`: the mail was written by a
/// customer or another private person, so its sender is personal data.
fn rewrite(raw: &[u8], fakes: &mut Fakes, senders: &TrustedSenders, private_sender: bool) -> Option<String> {
    let msg = MessageParser::default().parse(raw)?;
    let mut head = String::new();
    for (name, list) in [("From", msg.from()), ("To", msg.to()), ("Cc", msg.cc()), ("Reply-To", msg.reply_to())] {
        let people = addresses(list);
        if people.is_empty() {
            continue;
        }
        let sender = matches!(name, "From" | "Reply-To");
        let shown: Vec<String> = people
            .into_iter()
            .map(|(display, address)| {
                let personal = fakes.knows_email(&address) || (sender && private_sender && !trusted(senders, &address));
                if !personal {
                    return match display {
                        Some(d) => format!("{d} <{address}>"),
                        None => address,
                    };
                }
                let fake = fakes.email(&address);
                match display {
                    Some(d) => format!("{} <{fake}>", fakes.person(&d, false)),
                    None => fake,
                }
            })
            .collect();
        let _ = writeln!(head, "{name}: {}\r", shown.join(", "));
    }
    let keep = [
        "date",
        "message-id",
        "in-reply-to",
        "references",
        "authentication-results",
        "auto-submitted",
        "precedence",
        "list-id",
        "x-auto-response-suppress",
    ];
    for h in msg.headers() {
        let name = h.name();
        if keep.contains(&name.to_ascii_lowercase().as_str()) {
            let value = String::from_utf8_lossy(&raw[h.offset_start() as usize..h.offset_end() as usize]);
            let _ = write!(head, "{name}:{}", fakes.apply(value.trim_end_matches(['\r', '\n'])));
            head.push_str("\r\n");
        }
    }
    let subject = fakes.apply(msg.subject().unwrap_or(""));
    let _ = write!(head, "Subject: {subject}\r\nMIME-Version: 1.0\r\n");
    let text = msg.body_text(0).map(|t| fakes.apply(&t));
    // mail-parser offers any text as HTML too: keep HTML only where the mail had some.
    let had_html = String::from_utf8_lossy(raw).to_ascii_lowercase().contains("text/html");
    let html = msg.body_html(0).filter(|_| had_html).map(|h| fakes.apply(&h));
    let part = |kind: &str, body: &str| {
        format!("Content-Type: text/{kind}; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n")
    };
    let body = match (text, html) {
        (Some(t), Some(h)) => {
            let b = "mailroom-export-boundary";
            format!(
                "Content-Type: multipart/alternative; boundary=\"{b}\"\r\n\r\n--{b}\r\n{}--{b}\r\n{}--{b}--\r\n",
                part("plain", &t),
                part("html", &h)
            )
        }
        (Some(t), None) => part("plain", &t),
        (None, Some(h)) => part("html", &h),
        (None, None) => part("plain", ""),
    };
    Some(format!("{head}{body}"))
}

/// A file name for a case: its category, the message id, and a slug of
/// the (anonymised) subject.
fn case_name(category: &str, id: i64, subject: &str) -> String {
    let slug: String = subject
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .take(6)
        .collect::<Vec<_>>()
        .join("-");
    format!("corrected-{}-{id}-{slug}", category.replace('_', "-"))
}

/// Write every reclassified item to `dir` (cases/, orders.json, senders.toml).
pub async fn export_corrected(store: &Store, senders: &TrustedSenders, dir: &Path) -> Result<Exported, ExportError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| ExportError::Io { path, source }
    };
    let cases = dir.join("cases");
    std::fs::create_dir_all(&cases).map_err(io(&cases))?;
    let mut fakes = Fakes::default();
    let mut orders: BTreeMap<String, Order> = BTreeMap::new();
    let mut written = Exported::default();
    let items = store.queue(&QueueFilter { state: None, ..Default::default() }).await?;
    for item in items.into_iter().filter(|i| i.corrected_category.is_some()) {
        // The order first, so its customer's fakes apply to the mail.
        if let Some(id) = &item.order_id
            && !orders.contains_key(id)
            && let Some(o) = store.order(id).await?
        {
            orders.insert(id.clone(), fakes.order(&o));
        }
        let Some(raw) = store.raw_message(item.message).await? else { continue };
        let category = item.corrected_category.clone().unwrap_or_default();
        let private = !category.starts_with("carrier_") && !category.starts_with("supplier_");
        let Some(eml) = rewrite(&raw, &mut fakes, senders, private) else { continue };
        let name = case_name(&category, item.message, &fakes.apply(item.subject.as_deref().unwrap_or("")));
        let mut label = format!("category = {category:?}\ndecision = {:?}\n", item_decision(&item.state));
        if let Some(o) = &item.order_id {
            let _ = writeln!(label, "order = {o:?}");
        }
        let _ = writeln!(
            label,
            "note = {:?}",
            format!(
                "exported from the review queue: mailroom said {}, a person corrected it; check the decision before committing",
                item.category.as_deref().unwrap_or("-")
            )
        );
        let eml_path = cases.join(format!("{name}.eml"));
        std::fs::write(&eml_path, eml).map_err(io(&eml_path))?;
        let toml_path = cases.join(format!("{name}.toml"));
        std::fs::write(&toml_path, label).map_err(io(&toml_path))?;
        written.cases += 1;
    }
    let book: Vec<&Order> = orders.values().collect();
    let orders_path = dir.join("orders.json");
    let json = serde_json::to_string_pretty(&book).unwrap_or_else(|_| "[]".into());
    std::fs::write(&orders_path, json).map_err(io(&orders_path))?;
    let senders_path = dir.join("senders.toml");
    std::fs::write(&senders_path, toml::to_string_pretty(senders).unwrap_or_default()).map_err(io(&senders_path))?;
    written.orders = book.len();
    Ok(written)
}

/// A corrected item was handled by a person: `escalate` is what it
/// needed, unless a person closed it as needing nothing.
fn item_decision(state: &str) -> &'static str {
    if state == "dismissed" { "ignore" } else { "escalate" }
}
