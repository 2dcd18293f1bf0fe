//! Spanish and French.

use super::*;

/// Wednesday 16 Dec 2026, 00:30 in Madrid: still the 15th in UTC.
const MADRID: &str = "Wed, 16 Dec 2026 00:30:00 +0100";
/// Saturday 28 Nov 2026, 00:30 in Paris: still the 27th in UTC.
const PARIS: &str = "Sat, 28 Nov 2026 00:30:00 +0100";

#[test]
fn spanish_written_dates_are_found_with_or_without_weekday_and_year() {
    for text in ["26 de noviembre de 2026", "jueves 26 de nov.", "26 nov", "el 26 de Noviembre", "26/nov/2026"] {
        assert_eq!(dates(text, THU), vec![ymd(2026, 11, 26)], "{text}");
    }
    assert_eq!(dates("el 5 de enero", MADRID), vec![ymd(2027, 1, 5)]);
    assert_eq!(dates("el 1 de setiembre", MADRID), vec![ymd(2027, 9, 1)]);
}

#[test]
fn spanish_manana_is_tomorrow_but_not_in_the_morning() {
    assert_eq!(dates("Entréguenlo mañana, por favor.", MADRID), vec![ymd(2026, 12, 17)]);
    assert!(dates("Llegó esta mañana.", MADRID).is_empty());
    assert!(dates("Estaré en casa por la mañana.", MADRID).is_empty());
    // "mañana por la mañana": tomorrow, once.
    assert_eq!(dates("mañana por la mañana", MADRID), vec![ymd(2026, 12, 17)]);
    assert_eq!(dates("pasado mañana", MADRID), vec![ymd(2026, 12, 18)]);
    assert_eq!(dates("hoy", MADRID), vec![ymd(2026, 12, 16)]);
}

#[test]
fn spanish_weekdays_and_day_counts_resolve_from_the_sent_day() {
    assert_eq!(dates("el próximo martes", MADRID), vec![ymd(2026, 12, 22)]);
    assert_eq!(dates("el martes", MADRID), vec![ymd(2026, 12, 22)]);
    assert_eq!(dates("el viernes que viene", MADRID), vec![ymd(2026, 12, 18)]);
    assert_eq!(dates("en 3 días", MADRID), vec![ymd(2026, 12, 19)]);
    assert_eq!(dates("dentro de tres días", MADRID), vec![ymd(2026, 12, 19)]);
    assert!(dates("el martes de la próxima semana", MADRID).is_empty());
    assert!(dates("el martes pasado", MADRID).is_empty());
    assert!(dates("de lunes a viernes", MADRID).is_empty());
}

#[test]
fn spanish_phrases_give_roles() {
    let new = [
        "La nueva fecha de entrega es el 22 de diciembre.",
        "Entrega prevista para el 22/12.",
        "¿Pueden entregar el 22 de diciembre?",
        "Su pedido llegará el martes 22 de diciembre.",
        "Estaré en casa el 22 de diciembre.",
    ];
    for text in new {
        assert_eq!(roles(text, MADRID), vec![DateRole::New], "{text}");
        assert_eq!(new_date(text, MADRID), Some(ymd(2026, 12, 22)), "{text}");
    }
    let old =
        ["Originalmente el 14 de diciembre.", "Pedido realizado el 10 de diciembre.", "Fecha de pedido: 10/12/2026"];
    for text in old {
        assert_eq!(roles(text, MADRID), vec![DateRole::Old], "{text}");
    }
}

#[test]
fn spanish_old_and_new_in_one_sentence_give_the_new_one() {
    let text = "La entrega estaba prevista para el 18 de diciembre, ahora el 22 de diciembre.";
    assert_eq!(roles(text, MADRID), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(text, MADRID), Some(ymd(2026, 12, 22)));
    let text = "Entreguen el 22 de diciembre en lugar del 18 de diciembre.";
    assert_eq!(new_date(text, MADRID), Some(ymd(2026, 12, 22)));
    let text = "No entreguen el 18 de diciembre, mejor el 22.";
    assert_eq!(roles(text, MADRID)[0], DateRole::Old);
}

#[test]
fn french_written_dates_are_found_with_or_without_weekday_and_year() {
    for text in ["jeudi 26 novembre 2026", "le 26 nov.", "26 novembre", "Jeudi 26 Novembre"] {
        assert_eq!(dates(text, THU), vec![ymd(2026, 11, 26)], "{text}");
    }
    assert_eq!(dates("le 1er décembre", PARIS), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("le 3 févr. 2027", PARIS), vec![ymd(2027, 2, 3)]);
    assert_eq!(dates("15 août", PARIS), vec![ymd(2027, 8, 15)]);
}

#[test]
fn french_relative_words_resolve_from_the_local_sent_day() {
    assert_eq!(dates("demain", PARIS), vec![ymd(2026, 11, 29)]);
    assert_eq!(dates("après-demain", PARIS), vec![ymd(2026, 11, 30)]);
    assert_eq!(dates("aujourd'hui", PARIS), vec![ymd(2026, 11, 28)]);
    assert_eq!(dates("mardi prochain", PARIS), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("Pouvez-vous livrer mardi ?", PARIS), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("dans 3 jours", PARIS), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("dans trois jours", PARIS), vec![ymd(2026, 12, 1)]);
    assert!(dates("ouvert du lundi au vendredi", PARIS).is_empty());
    assert!(dates("mardi de la semaine prochaine", PARIS).is_empty());
}

#[test]
fn french_day_alone_counts_only_when_nothing_follows_it() {
    assert_eq!(dates("Pouvez-vous livrer le 3 ?", PARIS), vec![ymd(2026, 12, 3)]);
    assert!(dates("le 3 colis est abîmé", PARIS).is_empty());
}

#[test]
fn french_phrases_give_roles() {
    let new = [
        "Nouvelle date de livraison : 2 décembre",
        "Livraison prévue le 02/12.",
        "Votre colis sera livré le 2 décembre.",
        "Pourriez-vous livrer le mercredi 2 décembre ?",
        "Je serai à la maison le 2 décembre.",
    ];
    for text in new {
        assert_eq!(roles(text, PARIS), vec![DateRole::New], "{text}");
        assert_eq!(new_date(text, PARIS), Some(ymd(2026, 12, 2)), "{text}");
    }
    let old =
        ["Initialement prévue le 27 novembre.", "Commande passée le 20 novembre.", "Date de commande : 20/11/2026"];
    for text in old {
        assert_eq!(roles(text, PARIS), vec![DateRole::Old], "{text}");
    }
}

#[test]
fn french_old_new_and_refused_dates() {
    let text = "Nous vous livrerons le 1er décembre au lieu du 27 novembre.";
    assert_eq!(roles(text, PARIS), vec![DateRole::New, DateRole::Old]);
    assert_eq!(new_date(text, PARIS), Some(ymd(2026, 12, 1)));
    let text = "Ne livrez pas le 30 novembre.";
    assert_eq!(roles(text, PARIS), vec![DateRole::Old]);
    assert_eq!(new_date(text, PARIS), None);
    let text = "Livrez le 1er ou le 2 décembre.";
    assert_eq!(new_date(text, PARIS), None);
}

#[test]
fn a_whole_spanish_customer_mail_gives_the_requested_day_not_the_announced_one() {
    let mail = "Hola, mi pedido 10231 llegará el lunes pero no estaré en casa. ¿Pueden \
        entregarlo el miércoles 23 de diciembre por la mañana? Gracias";
    assert_eq!(roles(mail, MADRID), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(mail, MADRID), Some(ymd(2026, 12, 23)));
    let mail = "Pedido 10231: lo necesito para el viernes 18, no antes.";
    assert_eq!(new_date(mail, MADRID), Some(ymd(2026, 12, 18)));
    let mail = "Fecha estimada de entrega: 22/12/2026. Su pedido fue enviado el 14/12/2026.";
    assert_eq!(roles(mail, MADRID), vec![DateRole::New, DateRole::Old]);
}

#[test]
fn a_whole_french_carrier_mail_gives_the_next_attempt() {
    let mail = "Bonjour, votre colis n'a pas pu être livré le 27/11. Une nouvelle tentative de \
        livraison aura lieu le mardi 1er décembre entre 8h et 13h.";
    assert_eq!(roles(mail, PARIS), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(mail, PARIS), Some(ymd(2026, 12, 1)));
    let mail = "Votre commande du 20 novembre sera expédiée le 02/12 et livrée sous 48h.";
    assert_eq!(new_date(mail, PARIS), Some(ymd(2026, 12, 2)));
}

#[test]
fn working_days_after_the_count_are_no_calendar_date() {
    assert!(dates("en 3 días hábiles", MADRID).is_empty());
    assert!(dates("dans 3 jours ouvrés", PARIS).is_empty());
    assert!(dates("dalam 3 hari kerja", PARIS).is_empty());
}

#[test]
fn a_weekday_and_a_day_that_fall_together_are_a_date_whatever_follows() {
    // Sent Monday 16 Nov 2026: Wednesday 25 and Thursday 26 November.
    let mon = "Mon, 16 Nov 2026 08:50:21 +0100";
    assert_eq!(dates("vuelvo el miércoles 25 por la noche", mon), vec![ymd(2026, 11, 25)]);
    assert_eq!(dates("jeudi 26 dans la matinée", mon), vec![ymd(2026, 11, 26)]);
    // A day that is not that weekday is a count: "viernes 3 cajas".
    assert!(dates("recibimos viernes 3 cajas", mon).is_empty());
}

#[test]
fn spanish_day_alone_after_el_counts_only_when_nothing_or_a_small_word_follows() {
    let mon = "Mon, 16 Nov 2026 08:50:21 +0100";
    assert_eq!(dates("¿Me lo pueden traer el 27?", mon), vec![ymd(2026, 11, 27)]);
    assert_eq!(dates("mejor el 27 por la tarde", mon), vec![ymd(2026, 11, 27)]);
    assert!(dates("pagué el 16 con tarjeta", mon).is_empty());
}
