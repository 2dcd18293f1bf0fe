//! Real servers for the integration tests.

pub mod agent;
pub mod browser;
pub mod dovecot;
pub mod fake_llm;
pub mod postgres;
pub mod smtp;
