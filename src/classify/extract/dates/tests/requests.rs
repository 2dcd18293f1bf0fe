//! What customers ask for: requests in any inflection, the date a request
//! is built around against the one the tracking shows, and days of absence.

use super::*;

use DateRole::{New, Old};

#[test]
fn a_delivery_verb_in_any_inflection_but_the_past_makes_the_date_new() {
    let asked = [
        "Les agradecería que lo entregaran el viernes 27 de noviembre.",
        "¿Podrían entregármelo el 27 de noviembre?",
        "Könnten Sie die Anlieferung bitte auf Freitag, 27.11. legen?",
        "Serait-il possible que vous me livriez le 27 novembre ?",
        "Zou de bezorging op vrijdag 27 november kunnen?",
        "Kak, paketnya dianterin tanggal 27 November ya",
        "Are you delivering on Friday 27 November?",
    ];
    for text in asked {
        assert_eq!(roles(text, THU), vec![New], "{text}");
        assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 27)), "{text}");
    }
    // Past forms report a delivery: they make nothing new.
    for text in ["Me lo entregaron el 16 de noviembre.", "Le colis a été livré le 16 novembre."] {
        assert_ne!(roles(text, THU), vec![New], "{text}");
    }
}

#[test]
fn a_bare_stem_yields_to_the_phrase_that_holds_it() {
    assert_eq!(roles("El pedido fue entregado el 16 de noviembre.", THU), vec![Old]);
    assert_eq!(roles("Zustellversuch am 18.11.", THU), vec![Old]);
}

#[test]
fn the_day_an_absence_ends_is_no_delivery_date() {
    let away = [
        "I'm travelling for work until Wednesday 25 November, so please deliver on the 27th.",
        "Estaré de viaje hasta el 25 de noviembre; por favor entréguenlo el 27.",
        "Ich bin bis zum 25.11. verreist. Bitte liefern Sie am 27.11.",
        "Je suis absente jusqu'au 25 novembre, merci de livrer le 27 novembre.",
        "Ik ben tot 25 november op vakantie, graag bezorgen op 27 november.",
        "Saya dinas di luar kota sampai 25 November, tolong kirim tanggal 27 November.",
        "मैं 25 नवंबर तक शहर से बाहर हूँ, कृपया 27 नवंबर को भिजवा दीजिए।",
    ];
    for text in away {
        assert_eq!(roles(text, THU), vec![Old, New], "{text}");
        assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 27)), "{text}");
    }
    // "I won't be back until Friday" alone names no day to deliver on.
    assert_eq!(new_date("I won't be back until Friday.", THU), None);
}

#[test]
fn until_without_an_absence_or_with_a_request_from_then_keeps_its_role() {
    // A carrier's "delayed until" is the new date.
    assert_eq!(roles("Your delivery has been delayed until 27 Nov.", THU), vec![New]);
    // Asked for after the absence: the day it ends is no refusal.
    assert_ne!(roles("I'm away until the 26th, deliver any day after that.", THU), vec![Old]);
    // An absence in another phrase leaves a deadline a deadline.
    let text = "Bitte bis zum 24.11. liefern, ab dem 25. bin ich weg.";
    assert_eq!(roles(text, THU).first(), Some(&New));
}

#[test]
fn a_hindi_causative_request_after_the_date_makes_it_new() {
    for text in ["कृपया डिलीवरी 27 नवंबर (शुक्रवार) को करवा दीजिए।", "27 नवंबर को भिजवाइए", "27 November ko karwa dijiye"]
    {
        assert_eq!(roles(text, THU), vec![New], "{text}");
    }
}

#[test]
fn a_negation_that_closes_a_question_asks_rather_than_refuses() {
    let asked = [
        "Bisa dikirim tanggal 27 aja nggak, hari Jumat?",
        "Could you deliver it on Friday 27 November or not?",
        "¿Me lo pueden entregar el 27, no?",
        // The question runs on past a wrapped line.
        "Bisa diantar tanggal 27 aja gak,\nhari Jumat? Besok saya kerja.",
    ];
    for text in asked {
        assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 27)), "{text}");
    }
    // A refusal stays one.
    assert_eq!(roles("Please don't deliver on Friday 27 November.", THU), vec![Old]);
    assert_eq!(roles("Jangan dikirim tanggal 27 ya, saya tidak di rumah.", THU), vec![Old]);
}

#[test]
fn a_requested_date_wins_over_the_plan_a_status_sentence_reports() {
    let mails = [
        "The app shows it arriving tomorrow, but can you deliver on Tuesday 24 November instead?",
        "Laut Sendungsverfolgung wird das Paket morgen zugestellt. Könnten Sie es stattdessen am Dienstag, 24.11. liefern?",
        "Según el seguimiento llegará mañana, pero ¿podrían entregarlo el martes 24 en su lugar?",
        "Selon le suivi, le colis arrivera demain. Pourriez-vous plutôt le livrer mardi 24 novembre ?",
        "Menurut status paketnya akan diantar besok, tapi bisa dikirim hari Selasa aja?",
        "ट्रैकिंग में कल डिलीवरी दिखा रहा है, लेकिन कृपया इसके बजाय 24 नवंबर को भेजें।",
    ];
    for text in mails {
        assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 24)), "{text}");
    }
}

#[test]
fn two_requested_dates_stay_ambiguous() {
    assert_eq!(new_date("Can you deliver on the 24th? Otherwise the 25th works too.", THU), None);
    assert_eq!(new_date("Bitte am 24.11. oder am 25.11. liefern.", THU), None);
}

#[test]
fn a_delivery_noun_that_refers_to_a_set_delivery_asks_for_nothing() {
    for text in [
        "La entrega del 20 de noviembre no pudo realizarse.",
        "Suite à votre livraison du 20 novembre, voici la facture.",
    ] {
        assert_ne!(roles(text, THU), vec![New], "{text}");
    }
}

#[test]
fn both_days_of_a_range_of_absence_are_old() {
    let texts = [
        "Hi, I'll be away from 20 to 23 Nov. Please deliver on 24 Nov.",
        "Ich bin vom 20. bis 23.11. verreist. Bitte am 24.11. liefern.",
        "Estaré de viaje del 20 al 23 de noviembre. Por favor, entréguenlo el 24 de noviembre.",
    ];
    for text in texts {
        assert_eq!(roles(text, THU), vec![Old, Old, New], "{text}");
        assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 24)), "{text}");
    }
    // A carrier's range without any absence stays as it was.
    assert_ne!(roles("Delivery window: 24 to 26 Nov.", THU).first(), Some(&Old));
}
