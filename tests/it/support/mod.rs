//! Real servers for the integration tests.

pub mod dovecot;
