//! Drafted replies for escalated mail: a person edits and sends them.
//!
//! With a model, the drafting prompt (prompts/draft.toml) gets the email,
//! the linked order, the reason for escalation and the brand's voice, in
//! the customer's language. Without one, or when the model fails or its
//! draft promises something, a template holding reply is used. A draft
//! never says that anything was changed, refunded or arranged: the policy
//! refused to act, so nothing was.

use std::sync::LazyLock;

use regex::RegexSet;
use serde::{Deserialize, Serialize};

use crate::domain::{Email, Order};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub text: String,
    /// BCP 47 tag the draft is written in.
    pub language: String,
    /// `template`, or the draft prompt's version.
    pub source: String,
    /// Why the template was used although a model is configured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a draft is about.
#[derive(Debug, Clone, Copy)]
pub struct DraftInput<'a> {
    pub email: &'a Email,
    pub order: Option<&'a Order>,
    /// The escalation reason, in the policy's words.
    pub reason: &'a str,
    pub brand: &'a str,
    pub voice: &'a str,
}

impl DraftInput<'_> {
    /// The customer's language from the order, else English.
    pub fn language(&self) -> String {
        self.order.map(|o| o.customer.language.clone()).filter(|l| !l.trim().is_empty()).unwrap_or_else(|| "en".into())
    }

    pub fn customer_name(&self) -> String {
        self.order.map(|o| o.customer.name.clone()).unwrap_or_default()
    }
}

/// Phrases that claim something was done or will be done for certain.
/// Kept broad on purpose: a false alarm only means the template is used.
static PROMISES: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)\b(have|has|had|was|were|been|is now)\s+(been\s+)?(changed|updated|corrected|amended|cancell?ed|refunded|issued|rescheduled|arranged|replaced|approved|processed|credited)\b",
        r"(?i)\bwe('ve| have| will|'ll)\s+(changed|updated|cancell?ed|refunded|refund|issue|issued|send you a replacement|replace|reschedule|rescheduled|credit)\b",
        r"(?i)\b(your )?refund (is|has been) (on its way|issued|processed|approved)\b",
        r"(?i)\b(guarantee|guaranteed|promise)\b",
        // German, Spanish, French, Indonesian: "has been changed/refunded/cancelled".
        r"(?i)\b(wurde|wurden|haben wir)\b.{0,40}\b(geändert|storniert|erstattet|zurückerstattet|verschoben)\b",
        r"(?i)\b(hemos|ha sido|han sido)\s+(cambiad|cancelad|reembolsad|modificad)",
        r"(?i)\b(a été|avons)\s+(modifié|annulé|remboursé)",
        r"(?i)\b(sudah|telah)\s+(kami\s+)?(ubah|diubah|batalkan|dibatalkan|kembalikan|dikembalikan)",
    ])
    .expect("promise patterns compile")
});

/// The first promise-like phrase in `text`, if any.
pub fn promises(text: &str) -> bool {
    PROMISES.is_match(text)
}

/// A holding reply per language: the text with `{name}` (", Name" or
/// nothing), `{about}` (the order phrase or nothing) and `{brand}`, and the
/// order phrase with `{order}`. English is the fallback.
const HOLDING: [(&str, &str, &str); 7] = [
    (
        "en",
        "Hello{name},\n\nthank you for your message{about}. We are looking into it and will get back to you personally as soon as we can.\n\nKind regards,\n{brand} customer care",
        " about order {order}",
    ),
    (
        "de",
        "Guten Tag{name},\n\nvielen Dank für Ihre Nachricht{about}. Wir sehen uns Ihr Anliegen an und melden uns so bald wie möglich persönlich bei Ihnen.\n\nFreundliche Grüße\n{brand} Kundenservice",
        " zu Ihrer Bestellung {order}",
    ),
    (
        "es",
        "Hola{name},\n\ngracias por tu mensaje{about}. Estamos revisando tu caso y te responderemos personalmente lo antes posible.\n\nUn saludo,\nAtención al cliente de {brand}",
        " sobre el pedido {order}",
    ),
    (
        "fr",
        "Bonjour{name},\n\nmerci pour votre message{about}. Nous examinons votre demande et vous répondrons personnellement dès que possible.\n\nCordialement,\nLe service client {brand}",
        " concernant la commande {order}",
    ),
    (
        "id",
        "Halo{name},\n\nterima kasih atas pesan Anda{about}. Kami sedang memeriksa permintaan Anda dan akan segera membalas secara pribadi.\n\nSalam,\nLayanan pelanggan {brand}",
        " tentang pesanan {order}",
    ),
    (
        "nl",
        "Hallo{name},\n\nbedankt voor je bericht{about}. We bekijken je vraag en nemen zo snel mogelijk persoonlijk contact met je op.\n\nMet vriendelijke groet,\nKlantenservice {brand}",
        " over bestelling {order}",
    ),
    (
        "hi",
        "नमस्ते{name},\n\nआपके संदेश{about} के लिए धन्यवाद। हम आपके अनुरोध को देख रहे हैं और जल्द ही आपको व्यक्तिगत रूप से उत्तर देंगे।\n\nसादर,\n{brand} ग्राहक सेवा",
        " (ऑर्डर {order})",
    ),
];

/// A holding reply: thanks, the team is on it, nothing promised.
pub fn template_draft(input: &DraftInput<'_>, note: Option<String>) -> Draft {
    let language = input.language();
    let primary = language.split(['-', '_']).next().unwrap_or("en").to_lowercase();
    let (found, text, about) = HOLDING.iter().find(|(l, ..)| *l == primary).copied().unwrap_or(HOLDING[0]);
    let name = input.customer_name();
    let name = if name.trim().is_empty() { String::new() } else { format!(" {}", name.trim()) };
    let about = input.order.map(|o| about.replace("{order}", &o.id)).unwrap_or_default();
    // Substituted values come last so a name containing "{brand}" stays as written.
    let text = text.replace("{brand}", input.brand).replace("{about}", &about).replace("{name}", &name);
    let language = if found == "en" && primary != "en" { "en".into() } else { language };
    Draft { text, language, source: "template".into(), note }
}

/// The variables of prompts/draft.toml.
pub fn prompt_vars(input: &DraftInput<'_>, body: &str) -> minijinja::Value {
    minijinja::context! {
        brand => input.brand,
        voice => input.voice,
        language => input.language(),
        reason => input.reason,
        customer => input.customer_name(),
        order => input.order.map(|o| o.id.clone()).unwrap_or_else(|| "not identified".into()),
        status => input.order.map(|o| o.status.to_string()).unwrap_or_else(|| "unknown".into()),
        subject => super::prompt::clean(&input.email.subject),
        body => body,
        open => super::prompt::OPEN,
        close => super::prompt::CLOSE,
    }
}

/// Accept a model's draft only when it is plain, non-empty and promises
/// nothing.
pub fn check_model_draft(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("the model's draft was empty".into());
    }
    if text.chars().count() > 4_000 {
        return Err("the model's draft was longer than any reply should be".into());
    }
    if promises(text) {
        return Err("the model's draft promised something the policy did not do".into());
    }
    Ok(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn promises_are_caught_in_several_languages() {
        for text in [
            "Your address has been updated.",
            "We have refunded your order.",
            "We'll refund you today.",
            "I guarantee it arrives Friday.",
            "Ihre Adresse wurde geändert.",
            "Hemos cancelado tu pedido.",
            "Votre commande a été annulée.",
            "Pesanan Anda sudah kami batalkan.",
        ] {
            assert!(promises(text), "{text}");
        }
        for text in [
            "We are looking into it and will reply soon.",
            "Could you confirm the new address?",
            "Wir sehen uns Ihr Anliegen an.",
        ] {
            assert!(!promises(text), "{text}");
        }
    }

    const ORDER: &str = r#"{"id": "SO-10231", "brand": "Northwind Apparel",
        "customer": {"name": "Priya Sharma", "email": "priya@example.com", "phone": null, "language": "en"},
        "shipping_address": {"line1": "14 MG Road", "line2": null, "city": "Bengaluru", "region": null, "postcode": "560001", "country": "IN"},
        "status": "processing", "placed_at": "2026-11-10T09:12:00Z", "expected_delivery": null, "carrier": null,
        "tracking_number": null, "supplier_po": null, "lines": []}"#;

    #[test]
    fn template_drafts_promise_nothing_in_any_language() {
        let email = crate::parse::parse(b"From: a@b.c\r\nSubject: hi\r\n\r\nwhere is my order\r\n").unwrap();
        for lang in ["en", "en-AU", "de-AT", "es", "fr", "id", "nl", "hi", "pt"] {
            let mut order: Order = serde_json::from_str(ORDER).unwrap();
            order.customer.language = lang.into();
            let d = template_draft(
                &DraftInput { email: &email, order: Some(&order), reason: "r", brand: "Northwind", voice: "" },
                None,
            );
            assert!(!promises(&d.text), "{lang}: {}", d.text);
            assert!(d.text.contains(&order.id), "{lang}: {}", d.text);
        }
    }

    #[test]
    fn a_model_draft_that_promises_is_refused() {
        assert!(check_model_draft("Hello, your address has been changed.").is_err());
        assert!(check_model_draft("  ").is_err());
        assert_eq!(check_model_draft(" Hello, we are checking. ").unwrap(), "Hello, we are checking.");
    }
}
