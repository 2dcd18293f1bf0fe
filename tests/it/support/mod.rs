//! Real servers for the integration tests.

pub mod agent;
pub mod dovecot;
pub mod smtp;
