//! mailroom: triage for an e-commerce operations mailbox.

pub mod act;
pub mod agent;
pub mod classify;
pub mod cli;
pub mod config;
pub mod decide;
pub mod domain;
pub mod eval;
pub mod link;
pub mod llm;
pub mod mailbox;
pub mod notify;
pub mod parse;
pub mod pipeline;
pub mod review;
pub mod senders;
pub mod store;
pub mod telemetry;
pub mod tls;
pub mod web;
