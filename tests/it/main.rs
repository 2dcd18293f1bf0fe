//! One integration-test binary (zero-to-production style): each module is
//! a stage or a command, tested through the library's public API.

mod agent_imap;
mod agent_maildir;
mod eval_command;
mod fixture_labels;
mod imap_source;
mod llm;
mod outbox_webhook;
mod resolution_e2e;
mod review_browser;
mod scale_out;
mod support;
