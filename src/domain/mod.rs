//! Values every stage shares: categories, decisions, orders, the email.
//! Parsed once at the boundary; nothing inside re-validates them.

mod category;
mod decision;
mod email;
mod order;

pub use category::{Category, Party, UnknownCategory};
pub use decision::DecisionKind;
pub use email::{Attachment, AuthVerdict, BodySource, Email, Forwarded, Header, Mailbox, TrustSignals};
pub use order::{Customer, IllegalTransition, Order, OrderLine, OrderStatus, ShippingAddress};
