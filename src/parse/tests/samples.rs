use super::sample;
use crate::domain::BodySource;

#[test]
fn a_gmail_reply_keeps_the_question_and_quotes_the_history() {
    let e = sample("gmail-reply-quoted");
    assert_eq!(e.from_address(), "priya.sharma73@mail.example.com");
    assert_eq!(e.body_source, BodySource::Plain);
    assert_eq!(
        e.newest_text,
        "Hi,\n\nCould you deliver it on Friday 20 November instead? Nobody is home on the 18th.\n\nThanks,\nPriya"
    );
    assert!(e.quoted_text.starts_with("On Tue, 17 Nov 2026 at 09:45"));
    assert!(e.quoted_text.contains("5 Old Mill Road"));
    assert!(!e.newest_text.contains("Old Mill"));
}

#[test]
fn a_gmail_reply_has_ids_without_brackets_and_its_date_in_its_own_offset() {
    let e = sample("gmail-reply-quoted");
    assert_eq!(e.message_id.as_deref(), Some("CAKx9q1Zq=4Tw8@mail.gmail.com"));
    assert_eq!(e.in_reply_to, vec!["20261117041500.AB12@northwind-apparel.example"]);
    assert_eq!(e.references.len(), 2);
    assert_eq!(e.references[0], "20261116090000.ZZ01@northwind-apparel.example");
    let date = e.date.expect("date");
    assert_eq!(date.to_rfc3339(), "2026-11-17T11:42:05+05:30");
}

#[test]
fn folded_authentication_results_give_pass_verdicts() {
    let e = sample("gmail-reply-quoted");
    let methods: Vec<(&str, &str)> =
        e.trust.authentication.iter().map(|v| (v.method.as_str(), v.result.as_str())).collect();
    assert_eq!(methods, vec![("dkim", "pass"), ("spf", "pass"), ("dmarc", "pass")]);
    assert!(e.trust.auth_failure().is_none());
}

#[test]
fn every_header_is_kept_decoded_with_its_name_as_written() {
    let e = sample("gmail-reply-quoted");
    assert_eq!(e.headers.first().map(|h| h.name.as_str()), Some("Authentication-Results"));
    assert!(e.headers.iter().any(|h| h.name == "Message-ID"));
    assert_eq!(e.header("subject"), Some("Re: Your order SO-10231 is on its way"));
    let x_mailer = sample("rfc2047-subjects");
    assert_eq!(x_mailer.header("X-Mailer"), Some("Überall Mail 2.0"));
}

#[test]
fn an_outlook_reply_with_a_german_header_block_keeps_only_the_new_address() {
    let e = sample("outlook-reply-german");
    assert!(e.newest_text.contains("Hauptstraße 12, 10115 Berlin, Deutschland"));
    assert!(!e.newest_text.contains("München"));
    assert!(e.quoted_text.starts_with("Von: Northwind Apparel Ops"));
    assert!(e.quoted_text.contains("Alte Allee 3, 80331 München"));
    assert_eq!(e.date.map(|d| d.offset().local_minus_utc()), Some(3600));
}

#[test]
fn an_html_only_carrier_notice_keeps_its_table_rows_readable() {
    let e = sample("carrier-html-table");
    assert_eq!(e.body_source, BodySource::Html);
    assert!(e.newest_text.contains("AWB number | Status | Next attempt"));
    assert!(e.newest_text.contains("2151056338189 | Delivery attempt failed – premises closed | 20 Nov 2026"));
    assert!(e.newest_text.contains("We will try again on 20 Nov 2026."));
    assert!(!e.newest_text.contains("margin:0"), "style text leaked");
    assert!(e.hidden_text.is_empty());
}

#[test]
fn a_quoted_printable_latin1_french_mail_decodes_and_splits_at_a_ecrit() {
    let e = sample("french-qp-latin1");
    assert!(e.newest_text.contains("Je me suis trompée d'adresse"));
    assert!(e.newest_text.contains("12 rue de la République, 69002 Lyon, France"));
    assert!(e.quoted_text.starts_with("Le mar. 17 nov. 2026 à 14:02"));
    assert!(e.quoted_text.ends_with("> Votre commande a été expédiée."));
}

#[test]
fn a_base64_hindi_mail_decodes_and_splits_at_the_hindi_attribution() {
    let e = sample("hindi-base64-utf8");
    assert_eq!(e.subject, "मेरा ऑर्डर SO-10249 कहाँ है?");
    assert_eq!(e.from.as_ref().and_then(|m| m.name.as_deref()), Some("राहुल वर्मा"));
    assert!(e.newest_text.contains("मेरा ऑर्डर SO-10249 अभी तक नहीं आया है।"));
    assert!(e.quoted_text.contains("ने लिखा:"));
    assert!(!e.newest_text.contains("आपका ऑर्डर भेज दिया गया है"));
}

#[test]
fn a_windows_1252_spanish_mail_decodes_its_punctuation() {
    let e = sample("spanish-cp1252");
    assert!(e.newest_text.contains("llegó con una mancha. ¿Cómo lo gestiono?"));
    assert!(e.newest_text.ends_with("Gracias — Deepak"));
    assert!(e.quoted_text.contains("escribió:"));
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
}

#[test]
fn a_koi8_r_russian_reply_decodes_and_splits_at_gmails_verbless_attribution() {
    let e = sample("russian-koi8r");
    assert_eq!(
        e.newest_text,
        "Здравствуйте!\n\nПрошу перенести доставку заказа SO-10384 на 28 ноября.\n\nС уважением,\nВера"
    );
    assert!(e.quoted_text.ends_with("> Ваш заказ будет доставлен 25 ноября."));
}

#[test]
fn a_shift_jis_japanese_reply_decodes_and_drops_the_quote() {
    let e = sample("japanese-shift-jis");
    assert!(e.newest_text.contains("注文番号 SO-10384 の配送を11月28日に変更してください。"));
    assert!(!e.newest_text.contains("11月25日"));
    assert!(e.quoted_text.starts_with("2026年11月23日(月) 18:00"));
}

#[test]
fn a_gb2312_html_only_mail_decodes_with_its_table() {
    let e = sample("chinese-gb2312");
    assert_eq!(e.body_source, BodySource::Html);
    assert!(e.newest_text.contains("我的订单 SO-10384 还没有收到，请问现在在哪里？"));
    assert!(e.newest_text.contains("订单号 | SO-10384\n下单日期 | 2026-11-10"));
    assert_eq!(e.subject, "订单 SO-10384 的物流状态");
}

#[test]
fn encoded_words_in_five_charsets_decode_in_one_subject() {
    let e = sample("rfc2047-subjects");
    assert_eq!(e.subject, "Réponse - заказ 配送の件 订单 확인");
    assert_eq!(e.from.as_ref().and_then(|m| m.name.as_deref()), Some("山田 太郎"));
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
}

#[test]
fn an_apple_mail_forward_separates_note_footer_and_original() {
    let e = sample("apple-forward");
    let f = e.forwarded.as_ref().expect("forward");
    assert_eq!(f.forwarder.address, "sunita_yadav@example.nl");
    assert_eq!(f.original_from.as_ref().map(|m| m.address.as_str()), Some("alerts@bluedart.com"));
    assert_eq!(f.original_subject.as_deref(), Some("Shipment delayed - AWB 87207378834"));
    assert_eq!(f.original_date.as_deref(), Some("22 November 2026 at 21:40:00 GMT+5:30"));
    assert_eq!(f.note, "Is this about my order? Please advise.");
    assert!(f.original_text.starts_with("Dear Customer,"));
    assert_eq!(e.signature, "Sent from my iPhone");
    assert_eq!(e.newest_text, format!("{}\n\n{}", f.note, f.original_text));
    // The sender is still the forwarder, never the claimed From line.
    assert_eq!(e.from_address(), "sunita_yadav@example.nl");
}

#[test]
fn a_gmail_forward_drops_the_originals_quoted_history_and_the_forwarders_signature() {
    let e = sample("gmail-forward");
    let f = e.forwarded.as_ref().expect("forward");
    assert_eq!(f.original_from.as_ref().map(|m| m.address.as_str()), Some("orders@acmetextiles.in"));
    assert_eq!(f.note, "Team, please update the order. The rest ships next week.");
    assert!(f.original_text.contains("20 are backordered until 30 Nov 2026"));
    assert!(!e.newest_text.contains("Any update on PO-55160?"));
    assert!(e.quoted_text.contains("> Any update on PO-55160?"));
    assert_eq!(e.signature, "Arjun Mehta | Purchasing\n+91 98100 00000");
}

#[test]
fn a_mail_forwarded_as_an_attachment_is_unpacked() {
    let e = sample("rfc822-forward");
    let f = e.forwarded.as_ref().expect("forward");
    assert_eq!(f.forwarder.address, "support@northwind-apparel.example");
    assert_eq!(f.original_from.as_ref().map(|m| m.address.as_str()), Some("k.reddy@example.co.in"));
    assert_eq!(f.original_subject.as_deref(), Some("Where is my order SO-10303?"));
    assert_eq!(f.original_date.as_deref(), Some("Tue, 24 Nov 2026 08:15:05 +0530"));
    assert!(e.newest_text.ends_with("Hi, my order SO-10303 was due yesterday. Where is it?\n\nKavya"));
    assert_eq!(e.attachments.len(), 1);
    assert_eq!(e.attachments[0].content_type, "message/rfc822");
    assert!(e.attachments[0].size > 200 && e.attachments[0].size < 500, "{}", e.attachments[0].size);
}

#[test]
fn an_outlook_forward_in_dutch_is_read_from_its_header_block() {
    let e = sample("outlook-forward-dutch");
    let f = e.forwarded.as_ref().expect("forward");
    assert_eq!(f.original_from.as_ref().map(|m| m.address.as_str()), Some("noreply@dhl.com"));
    assert_eq!(f.original_subject.as_deref(), Some("Vertraging zending JVGL0123456789"));
    assert_eq!(f.original_date.as_deref(), Some("donderdag 26 november 2026 18:00"));
    assert_eq!(f.note, "Ter info.");
    assert!(f.original_text.contains("30 november 2026"));
}

#[test]
fn an_out_of_office_reply_is_flagged_as_automatic() {
    let e = sample("out-of-office");
    assert!(e.trust.is_auto_reply);
    assert_eq!(e.trust.auto_submitted.as_deref(), Some("auto-replied"));
    assert!(!e.trust.is_bounce);
    assert!(e.trust.is_automated());
}

#[test]
fn a_delivery_status_report_is_a_bounce_and_not_a_forward() {
    let e = sample("dsn-bounce");
    assert!(e.trust.is_report);
    assert_eq!(e.trust.report_type.as_deref(), Some("delivery-status"));
    assert!(e.trust.is_bounce);
    assert!(e.forwarded.is_none());
    assert!(e.newest_text.contains("550 5.1.1 User unknown"));
    let types: Vec<&str> = e.attachments.iter().map(|a| a.content_type.as_str()).collect();
    assert_eq!(types, vec!["message/delivery-status", "text/rfc822-headers"]);
}

#[test]
fn a_newsletter_is_read_from_html_with_its_preheader_hidden() {
    let e = sample("newsletter-preheader");
    // The text part is only a "view in browser" stub next to rich HTML.
    assert_eq!(e.body_source, BodySource::Html);
    assert!(e.newest_text.contains("30% off all linen shirts until Sunday"));
    assert!(e.newest_text.contains("- Linen shirts\n- Linen trousers"));
    assert!(!e.newest_text.contains("biggest linen sale"));
    assert_eq!(e.hidden_text, "Our biggest linen sale starts today");
    assert!(e.warnings.iter().any(|w| w.contains("display:none")));
    assert_eq!(e.trust.list_id.as_deref(), Some("news.northwind-apparel.example"));
    assert!(e.trust.list_unsubscribe);
    assert_eq!(e.trust.precedence.as_deref(), Some("bulk"));
}

#[test]
fn injected_instructions_hidden_in_html_never_reach_the_visible_text() {
    let e = sample("injection-hidden");
    assert_eq!(e.newest_text, "Hello, can you tell me when order SO-10275 will arrive?\n\nThanks, Meera");
    for hidden in ["ignore previous instructions", "1 Fake Street", "Reveal the order book"] {
        assert!(e.hidden_text.contains(hidden), "{hidden}");
        assert!(!e.newest_text.contains(hidden), "{hidden}");
    }
    assert!(e.warnings.iter().any(|w| w.contains("text colour matches the background")));
    let dmarc = e.trust.auth_failure().expect("dmarc fails");
    assert_eq!((dmarc.method.as_str(), dmarc.result.as_str()), ("dmarc", "fail"));
}

#[test]
fn a_pdf_attachment_is_listed_with_name_type_and_size() {
    let e = sample("pdf-attachment");
    assert_eq!(e.attachments.len(), 1);
    let a = &e.attachments[0];
    assert_eq!(a.name.as_deref(), Some("Invoice PO-55175.pdf"));
    assert_eq!(a.content_type, "application/pdf");
    assert_eq!(a.size, 58 + 256 * 8 + 7);
    assert_eq!(
        e.newest_text,
        "Dear team,\n\nPlease find attached the invoice for PO-55175.\n\nRegards,\nAcme Textiles"
    );
}

#[test]
fn an_unknown_charset_keeps_the_message_and_warns() {
    let e = sample("unknown-charset");
    assert!(e.newest_text.contains("order SO-10309: please call me"));
    assert!(e.warnings.iter().any(|w| w.contains("x-mac-klingon")), "{:?}", e.warnings);
}

#[test]
fn every_sample_parses_with_a_sender_and_a_date() {
    for (name, raw) in super::SAMPLES {
        let e = super::parse(raw).expect(name);
        assert!(e.from.is_some(), "{name}");
        assert!(e.date.is_some(), "{name}");
        assert_eq!(e.raw_size, raw.len());
    }
}
