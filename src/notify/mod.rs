//! Notifications: what the customer is told, rendered per brand and
//! language, queued in the outbox and sent by channels.

pub mod email;
pub mod outbox;
pub mod render;
pub mod templates;
pub mod webhook;

/// Why a send failed, and whether trying again may help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SendError {
    pub transient: bool,
    pub message: String,
}
