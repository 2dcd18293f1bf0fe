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
