//! mailroom: triage for an e-commerce operations mailbox.

pub mod classify;
pub mod domain;
pub mod parse;
