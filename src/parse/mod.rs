//! Parse: raw RFC 5322 bytes to one owned, normalised [`Email`].

use crate::domain::Email;

pub mod html;

#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("not an email: {0}")]
    NotAnEmail(String),
}

pub fn parse(_raw: &[u8]) -> Result<Email, ParseError> {
    Err(ParseError::NotAnEmail("parser not written yet".into()))
}
