//! One crypto provider for every TLS client (IMAP, SMTP, HTTP): ring.

/// Install ring as the process's rustls provider, once. reqwest built with
/// `rustls-no-provider` panics at client creation without it.
pub fn install_crypto_provider() {
    // Err means one is installed already, which is all we need.
    let _ = tokio_rustls::rustls::crypto::ring::default_provider().install_default();
}
