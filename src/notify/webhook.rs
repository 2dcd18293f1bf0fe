//! The webhook channel: every order event, POSTed as JSON and signed, so
//! the shop or OMS stays the source of truth.
//!
//! Headers: `X-Mailroom-Event` (e.g. `order.expected_delivery`),
//! `X-Mailroom-Delivery` (the outbox id: the same for every retry, so a
//! receiver can drop duplicates), `X-Mailroom-Timestamp` (Unix seconds) and
//! `X-Mailroom-Signature: sha256=HEX`, the HMAC-SHA256 of
//! `TIMESTAMP + "." + BODY` with the shared secret. templates/README.md and
//! docs/webhooks.md document the payloads.

use std::time::Duration;

use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;

use super::SendError;

#[derive(Debug, Clone)]
pub struct WebhookConfig {
    pub url: String,
    pub secret: SecretString,
    pub timeout: Duration,
}

pub struct WebhookChannel {
    cfg: WebhookConfig,
    client: reqwest::Client,
}

/// `sha256=HEX` of `timestamp.body`.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(format!("{timestamp}.{body}").as_bytes());
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

impl WebhookChannel {
    pub fn new(cfg: WebhookConfig) -> Result<WebhookChannel, SendError> {
        crate::tls::install_crypto_provider();
        let client = reqwest::Client::builder()
            .timeout(cfg.timeout)
            .build()
            .map_err(|e| SendError { transient: false, message: format!("webhook client: {e}") })?;
        Ok(WebhookChannel { cfg, client })
    }

    pub async fn send(&self, delivery: i64, event: &str, body: &str) -> Result<String, SendError> {
        let ts = chrono::Utc::now().timestamp();
        let sig = signature(self.cfg.secret.expose_secret(), ts, body);
        let res = self
            .client
            .post(&self.cfg.url)
            .header("Content-Type", "application/json")
            .header("X-Mailroom-Event", event)
            .header("X-Mailroom-Delivery", delivery.to_string())
            .header("X-Mailroom-Timestamp", ts.to_string())
            .header("X-Mailroom-Signature", sig)
            .body(body.to_string())
            .send()
            .await
            .map_err(|e| SendError { transient: true, message: format!("webhook {}: {e}", self.cfg.url) })?;
        let status = res.status();
        if status.is_success() {
            return Ok(format!("http {}", status.as_u16()));
        }
        // 429 and 5xx may pass later; another 4xx will not.
        let transient = status.as_u16() == 429 || status.is_server_error();
        Err(SendError { transient, message: format!("webhook {} answered {status}", self.cfg.url) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_hmac_sha256_of_timestamp_dot_body() {
        // From: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        assert_eq!(
            signature("secret", 1_700_000_000, "{\"a\":1}"),
            "sha256=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686"
        );
        assert_ne!(signature("other", 1_700_000_000, "{\"a\":1}"), signature("secret", 1_700_000_000, "{\"a\":1}"));
    }
}
