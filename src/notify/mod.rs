//! Notifications: what the customer is told, rendered per brand and
//! language, queued in the outbox and sent by channels.

pub mod email;
pub mod templates;
