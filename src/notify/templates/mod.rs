//! Notification templates per brand and language (minijinja).
//!
//! Layout: `templates/BRAND/LANG/KIND.{subject,txt,html}` (see
//! `templates/README.md`). Lookup falls back from the customer's language
//! (`en-AU` → `en`) to the brand's default language, then English; an
//! unknown brand is written as the neutral `_default` brand in English.
//! Every template is checked at load against the variables its kind
//! provides: an unknown variable fails at load, never at send.
//!
//! ```text
//! Templates::load(dir, brands)    load.rs   read, one environment per language
//!   ├─ check::undeclared_names    check.rs  every name against Context's fields
//!   └─ check::sample_renders      check.rs  every message, full + minimal sample
//! Templates::render(brand, lang, kind, ctx)
//!   language_chain → subject, text (tidied, wrapped), html   render.rs
//! ```
//!
//! Filters (`filters.rs`) put facts into the template's language
//! (`locale/`); `text.rs` holds the plain-text conventions and the HTML
//! made from them; [`tracking_url`] builds carrier tracking links.

mod brand;
mod check;
mod filters;
mod load;
mod locale;
mod render;
mod text;
mod tracking;
mod value;
pub(crate) use value::to_value as json_to_value;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use brand::{BrandInfo, slug_of};
pub use load::{TemplateErrors, TemplateProblem, Templates};
pub use render::RenderError;
pub use tracking::tracking_url;

/// The kinds of message mailroom sends, one per automatic action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// carrier_address_issue: the carrier holds the parcel; please confirm
    /// your address.
    AddressConfirm,
    /// carrier_delivery_failed: the delivery failed; how to re-arrange or
    /// collect.
    DeliveryException,
    /// carrier_delay: proactive notice of a new expected date.
    DelayNotice,
    /// supplier_partial_shipment: part ships now, the rest later.
    PartialShipment,
    /// supplier_delay: the order will be later than promised.
    SupplierDelay,
    /// customer_address_change: the address was changed as asked.
    AddressChanged,
    /// customer_reschedule: delivery moved to the requested date.
    RescheduleConfirmed,
    /// customer_wismo: where the order is.
    WismoReply,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::AddressConfirm,
        Kind::DeliveryException,
        Kind::DelayNotice,
        Kind::PartialShipment,
        Kind::SupplierDelay,
        Kind::AddressChanged,
        Kind::RescheduleConfirmed,
        Kind::WismoReply,
    ];

    /// The file stem: `delay_notice`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::AddressConfirm => "address_confirm",
            Kind::DeliveryException => "delivery_exception",
            Kind::DelayNotice => "delay_notice",
            Kind::PartialShipment => "partial_shipment",
            Kind::SupplierDelay => "supplier_delay",
            Kind::AddressChanged => "address_changed",
            Kind::RescheduleConfirmed => "reschedule_confirmed",
            Kind::WismoReply => "wismo_reply",
        }
    }

    /// Replies answer the customer's own mail; the rest are proactive
    /// (RFC 3834: auto-replied vs auto-generated).
    pub fn is_reply(self) -> bool {
        matches!(self, Kind::AddressChanged | Kind::RescheduleConfirmed | Kind::WismoReply)
    }
}

/// Everything a template may use. Optional parts are `none` in the
/// template when absent; which kinds set which parts is documented per
/// field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Context {
    pub brand: BrandView,
    pub customer: CustomerView,
    pub order: OrderView,
    /// delay_notice, supplier_delay: the new expected date;
    /// reschedule_confirmed: the requested date.
    pub new_date: Option<NaiveDate>,
    /// delay_notice, supplier_delay, reschedule_confirmed: the date before.
    pub old_date: Option<NaiveDate>,
    /// address_changed: the new address.
    pub new_address: Option<AddressView>,
    /// address_changed: the address before.
    pub old_address: Option<AddressView>,
    /// partial_shipment: the date the backordered rest is expected.
    pub rest_date: Option<NaiveDate>,
    /// wismo_reply: notices this customer already got about the order,
    /// oldest first.
    pub earlier_notices: Vec<EarlierNotice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrandView {
    pub name: String,
    pub support_email: String,
    pub website: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerView {
    pub name: String,
    pub first_name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderView {
    pub id: String,
    /// SPEC §3 status, e.g. `shipped` (templates translate it with the
    /// `status` filter).
    pub status: String,
    pub carrier: Option<String>,
    pub tracking_number: Option<String>,
    /// The carrier's tracking page for this parcel, when known.
    pub tracking_url: Option<String>,
    pub expected_delivery: Option<NaiveDate>,
    pub shipping_address: AddressView,
    /// For partial_shipment, `shipped` and `backordered` are the supplier's
    /// figures; otherwise shipped is the order's and backordered 0.
    pub lines: Vec<LineView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressView {
    pub line1: String,
    pub line2: Option<String>,
    pub city: String,
    pub region: Option<String>,
    pub postcode: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineView {
    pub sku: String,
    pub name: String,
    pub quantity: u32,
    pub shipped: u32,
    pub backordered: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierNotice {
    pub kind: Kind,
    pub sent_on: NaiveDate,
}

/// A rendered message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The language actually used after fallback, e.g. `en`.
    pub language: String,
}

#[cfg(test)]
mod tests;
