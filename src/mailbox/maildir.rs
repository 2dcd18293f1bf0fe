//! Maildir source (stub, written next).
