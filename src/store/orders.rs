//! Orders: import the order book, look orders up by the keys mail links by.

use std::collections::BTreeSet;

use sqlx::Row;

use super::{Store, StoreError};
use crate::domain::Order;

/// Normalise a reference for comparison: upper-case letters and digits only,
/// so `SO-10231`, `so 10231` and `PO/KK/55212` compare as `SO10231`,
/// `POKK55212`.
pub fn key_of(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

pub(super) fn digits_of(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// What to look orders up by; every value already normalised with [`key_of`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LookupKeys {
    /// Compared with order ids, tracking numbers and supplier POs.
    pub keys: BTreeSet<String>,
    /// Bare order numbers (`#10231`, "order 10231"): compared with the
    /// digits of order ids only.
    pub order_digits: BTreeSet<String>,
    /// Digits of purchase-order numbers ("purchase order 55120"): compared
    /// with the digits of supplier POs only, since suppliers drop or change
    /// the shop's prefix.
    pub po_digits: BTreeSet<String>,
}

impl LookupKeys {
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty() && self.order_digits.is_empty() && self.po_digits.is_empty()
    }
}

/// An order found by a lookup, with which of its keys matched.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyedOrder {
    pub order: Order,
    pub by_id: bool,
    pub by_digits: bool,
    pub by_tracking: bool,
    pub by_po: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub inserted: usize,
    pub updated: usize,
}

impl Store {
    /// Insert or update every order, in one transaction. mailroom's own
    /// state (holds, requested dates) is kept; what the shop changed since
    /// the last import is recorded as order events by `import`, so a shadow
    /// run can be compared with what people did. Several instances starting
    /// at once may import the same book: each order is read locked and
    /// written with an upsert, so they neither collide nor record a change
    /// twice.
    pub async fn import_orders(&self, orders: &[Order]) -> Result<ImportSummary, StoreError> {
        let mut tx = self.begin().await?;
        let mut summary = ImportSummary::default();
        let now = chrono::Utc::now().to_rfc3339();
        for o in orders {
            let body = serde_json::to_string(o).map_err(|source| StoreError::Corrupt { id: o.id.clone(), source })?;
            let before = Store::load_order(&mut tx, &o.id).await?;
            if let Some(before) = &before {
                for e in import_events(&before.order, o) {
                    Store::add_event(&mut tx, &e).await?;
                }
            }
            // An order's hold and requested date are mailroom's: an update
            // leaves them as they are.
            sqlx::query(
                "INSERT INTO orders (id, id_key, id_digits, brand, customer_email, status, tracking_key, po_key, po_digits, body, imported_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
                 ON CONFLICT (id) DO UPDATE SET id_key = excluded.id_key, id_digits = excluded.id_digits, \
                 brand = excluded.brand, customer_email = excluded.customer_email, status = excluded.status, \
                 tracking_key = excluded.tracking_key, po_key = excluded.po_key, po_digits = excluded.po_digits, \
                 body = excluded.body, imported_at = excluded.imported_at",
            )
            .bind(&o.id)
            .bind(key_of(&o.id))
            .bind(digits_of(&o.id))
            .bind(&o.brand)
            .bind(o.customer.email.trim().to_lowercase())
            .bind(o.status.as_str())
            .bind(o.tracking_number.as_deref().map(key_of).filter(|k| !k.is_empty()))
            .bind(o.supplier_po.as_deref().map(key_of).filter(|k| !k.is_empty()))
            .bind(o.supplier_po.as_deref().map(digits_of).filter(|k| !k.is_empty()))
            .bind(body)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
            if before.is_some() { summary.updated += 1 } else { summary.inserted += 1 }
        }
        tx.commit().await?;
        Ok(summary)
    }

    pub async fn order(&self, id: &str) -> Result<Option<Order>, StoreError> {
        let row = sqlx::query("SELECT id, body FROM orders WHERE id = $1").bind(id).fetch_optional(&self.pool).await?;
        row.map(|r| decode(&r)).transpose()
    }

    pub async fn order_count(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query("SELECT COUNT(*) AS n FROM orders").fetch_one(&self.pool).await?.try_get("n")?)
    }

    /// Orders whose customer email is `email` (case-insensitive).
    pub async fn orders_of_customer(&self, email: &str) -> Result<Vec<Order>, StoreError> {
        let rows = sqlx::query("SELECT id, body FROM orders WHERE customer_email = $1 ORDER BY id")
            .bind(email.trim().to_lowercase())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(decode).collect()
    }

    /// Orders matching any of the keys, each with what matched.
    pub async fn find_orders(&self, keys: &LookupKeys) -> Result<Vec<KeyedOrder>, StoreError> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let k: Vec<&String> = keys.keys.iter().collect();
        let d: Vec<&String> = keys.order_digits.iter().collect();
        let p: Vec<&String> = keys.po_digits.iter().collect();
        let list = |from: usize, n: usize| (from..from + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let (kl, dl, pl) = (list(1, k.len()), list(1 + k.len(), d.len()), list(1 + k.len() + d.len(), p.len()));
        let mut clauses = Vec::new();
        if !k.is_empty() {
            clauses.push(format!("id_key IN ({kl}) OR tracking_key IN ({kl}) OR po_key IN ({kl})"));
        }
        if !d.is_empty() {
            clauses.push(format!("id_digits IN ({dl})"));
        }
        if !p.is_empty() {
            clauses.push(format!("po_digits IN ({pl})"));
        }
        // Only placeholders are spliced in; every value is bound.
        let sql = format!("SELECT id, body FROM orders WHERE {} ORDER BY id", clauses.join(" OR "));
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for v in k.iter().chain(d.iter()).chain(p.iter()) {
            q = q.bind(v.as_str());
        }
        let rows = q.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                let order = decode(r)?;
                let has = |v: Option<&str>| v.map(key_of).is_some_and(|x| keys.keys.contains(&x));
                Ok(KeyedOrder {
                    by_id: has(Some(&order.id)),
                    by_digits: keys.order_digits.contains(&digits_of(&order.id)),
                    by_tracking: has(order.tracking_number.as_deref()),
                    by_po: has(order.supplier_po.as_deref())
                        || order.supplier_po.as_deref().is_some_and(|po| keys.po_digits.contains(&digits_of(po))),
                    order,
                })
            })
            .collect()
    }
}

/// What the shop changed on an order between two imports.
fn import_events(old: &Order, new: &Order) -> Vec<super::OrderEvent> {
    let event = |kind: &str, o: Option<String>, n: Option<String>| super::OrderEvent {
        order_id: new.id.clone(),
        kind: kind.to_string(),
        old_value: o,
        new_value: n,
        reason: "changed in the shop's order book (import)".into(),
        message: None,
        actor: "import".into(),
        automatic: false,
    };
    let json = |a: &crate::domain::ShippingAddress| serde_json::to_string(a).ok();
    let mut out = Vec::new();
    if old.status != new.status {
        out.push(event("status", Some(old.status.to_string()), Some(new.status.to_string())));
    }
    if old.expected_delivery != new.expected_delivery {
        let d = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
        out.push(event("expected_delivery", d(old.expected_delivery), d(new.expected_delivery)));
    }
    if old.shipping_address != new.shipping_address {
        out.push(event("shipping_address", json(&old.shipping_address), json(&new.shipping_address)));
    }
    out
}

fn decode(row: &sqlx::any::AnyRow) -> Result<Order, StoreError> {
    let id: String = row.try_get("id")?;
    let body: String = row.try_get("body")?;
    serde_json::from_str(&body).map_err(|source| StoreError::Corrupt { id, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> Vec<Order> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/orders.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn keys_ignore_case_and_punctuation() {
        assert_eq!(key_of("so-10231"), "SO10231");
        assert_eq!(key_of("PO/KK/55212"), "POKK55212");
        assert_eq!(key_of("1Z 999 AA1"), "1Z999AA1");
    }

    #[tokio::test]
    async fn an_imported_book_is_found_by_id_tracking_po_digits_and_customer() {
        for store in crate::store::test_stores().await {
            let orders = book();
            let first = store.import_orders(&orders).await.unwrap();
            assert_eq!(first, ImportSummary { inserted: orders.len(), updated: 0 });
            let again = store.import_orders(&orders).await.unwrap();
            assert_eq!(again, ImportSummary { inserted: 0, updated: orders.len() });
            assert_eq!(store.order_count().await.unwrap(), orders.len() as i64);

            let tracked = orders.iter().find(|o| o.tracking_number.is_some() && o.supplier_po.is_some()).unwrap();
            let mut keys = LookupKeys::default();
            keys.keys.insert(key_of(tracked.tracking_number.as_deref().unwrap()));
            let found = store.find_orders(&keys).await.unwrap();
            assert_eq!(found.len(), 1);
            assert!(found[0].by_tracking && !found[0].by_id);
            assert_eq!(found[0].order, *tracked);

            let mut keys = LookupKeys::default();
            keys.keys.insert(key_of(tracked.supplier_po.as_deref().unwrap()));
            keys.order_digits.insert(digits_of(&orders[0].id));
            let found = store.find_orders(&keys).await.unwrap();
            let ids: Vec<_> = found.iter().map(|k| k.order.id.as_str()).collect();
            assert!(ids.contains(&tracked.id.as_str()) && ids.contains(&orders[0].id.as_str()), "{ids:?}");

            let email = orders[0].customer.email.to_uppercase();
            let theirs = store.orders_of_customer(&email).await.unwrap();
            assert!(theirs.iter().all(|o| o.customer.email == orders[0].customer.email));
            assert!(!theirs.is_empty());
            assert_eq!(store.order(&orders[3].id).await.unwrap().as_ref(), Some(&orders[3]));
            assert!(store.order("NOPE").await.unwrap().is_none());
        }
    }

    #[tokio::test]
    async fn a_store_opens_in_memory() {
        let store = Store::open("sqlite::memory:").await.unwrap();
        assert_eq!(store.order_count().await.unwrap(), 0);
    }
}
