//! German and Dutch.

use super::*;

/// Tuesday 1 Dec 2026, 00:20 in Berlin: still 30 Nov in UTC.
const BERLIN: &str = "Tue, 01 Dec 2026 00:20:00 +0100";
/// Monday 23 Nov 2026, 00:05 in Amsterdam: still Sunday 22 Nov in UTC.
const AMSTERDAM: &str = "Mon, 23 Nov 2026 00:05:00 +0100";

#[test]
fn german_written_and_numeric_dates_are_found() {
    for text in
        ["3. Dezember 2026", "Do., 3. Dez.", "Donnerstag, 3. Dezember", "03.12.2026", "03.12.", "am 3.12. liefern"]
    {
        assert_eq!(dates(text, BERLIN), vec![ymd(2026, 12, 3)], "{text}");
    }
    assert_eq!(dates("5. Jänner", BERLIN), vec![ymd(2027, 1, 5)]);
    assert_eq!(dates("1. März", BERLIN), vec![ymd(2027, 3, 1)]);
}

#[test]
fn german_morgen_is_tomorrow_but_not_good_morning() {
    assert_eq!(dates("Wir liefern morgen.", BERLIN), vec![ymd(2026, 12, 2)]);
    assert_eq!(dates("Morgen früh kommt der Fahrer.", BERLIN), vec![ymd(2026, 12, 2)]);
    for text in ["Guten Morgen Herr Weber,", "morgens zwischen 8 und 10", "am Morgen", "jeden Morgen"] {
        assert!(dates(text, BERLIN).is_empty(), "{text}");
    }
    assert_eq!(dates("heute Morgen", BERLIN), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("übermorgen", BERLIN), vec![ymd(2026, 12, 3)]);
}

#[test]
fn german_weekdays_and_day_counts_resolve_from_the_sent_day() {
    assert_eq!(dates("nächsten Dienstag", BERLIN), vec![ymd(2026, 12, 8)]);
    assert_eq!(dates("am Freitag", BERLIN), vec![ymd(2026, 12, 4)]);
    assert_eq!(dates("in 3 Tagen", BERLIN), vec![ymd(2026, 12, 4)]);
    assert_eq!(dates("in drei Tagen", BERLIN), vec![ymd(2026, 12, 4)]);
    assert!(dates("am Dienstag nächster Woche", BERLIN).is_empty());
    assert!(dates("innerhalb von 3 Tagen", BERLIN).is_empty());
}

#[test]
fn german_phrases_give_roles() {
    let new = [
        "Neuer Liefertermin: 04.12.2026",
        "Die Zustellung erfolgt voraussichtlich am Fr., 4. Dez.",
        "Zustellung am 4.12.",
        "Die Ware wird am 04.12. zugestellt.",
        "Ich bin am 4. Dezember zu Hause.",
        "Können Sie am 4.12. liefern?",
        "Restmenge folgt am 04.12.",
    ];
    for text in new {
        assert_eq!(roles(text, BERLIN), vec![DateRole::New], "{text}");
        assert_eq!(new_date(text, BERLIN), Some(ymd(2026, 12, 4)), "{text}");
    }
    let old = ["Bestelldatum: 20.11.2026", "ursprünglich für den 30.11. geplant", "Die Ware wurde am 27.11. versandt."];
    for text in old {
        assert_eq!(roles(text, BERLIN), vec![DateRole::Old], "{text}");
    }
}

#[test]
fn german_old_new_and_refused_dates() {
    let text = "Ursprünglich am 30.11., neuer Liefertermin ist der 04.12.";
    assert_eq!(roles(text, BERLIN), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(text, BERLIN), Some(ymd(2026, 12, 4)));
    let text = "Bitte liefern Sie am 4.12. statt am 2.12.";
    assert_eq!(new_date(text, BERLIN), Some(ymd(2026, 12, 4)));
    let text = "Verschoben vom 2.12. auf den 4.12.";
    assert_eq!(new_date(text, BERLIN), Some(ymd(2026, 12, 4)));
    let text = "Bitte nicht am 2.12. liefern.";
    assert_eq!(roles(text, BERLIN), vec![DateRole::Old]);
}

#[test]
fn dutch_written_dates_are_found() {
    for text in ["26 november 2026", "donderdag 26 nov", "do 26 nov.", "26 nov"] {
        assert_eq!(dates(text, AMSTERDAM), vec![ymd(2026, 11, 26)], "{text}");
    }
    assert_eq!(dates("3 mrt", AMSTERDAM), vec![ymd(2027, 3, 3)]);
    assert_eq!(dates("12 mei", AMSTERDAM), vec![ymd(2027, 5, 12)]);
}

#[test]
fn dutch_morgen_is_tomorrow_but_not_good_morning() {
    assert_eq!(dates("We bezorgen morgen.", AMSTERDAM), vec![ymd(2026, 11, 24)]);
    assert_eq!(dates("morgenochtend", AMSTERDAM), vec![ymd(2026, 11, 24)]);
    assert_eq!(dates("overmorgen", AMSTERDAM), vec![ymd(2026, 11, 25)]);
    assert_eq!(dates("vandaag", AMSTERDAM), vec![ymd(2026, 11, 23)]);
    for text in ["Goedemorgen,", "Goede morgen,", "'s morgens", "vanmorgen"] {
        assert!(dates(text, AMSTERDAM).is_empty(), "{text}");
    }
}

#[test]
fn dutch_weekdays_and_day_counts_resolve_from_the_sent_day() {
    assert_eq!(dates("volgende dinsdag", AMSTERDAM), vec![ymd(2026, 11, 24)]);
    assert_eq!(dates("aanstaande vrijdag", AMSTERDAM), vec![ymd(2026, 11, 27)]);
    assert_eq!(dates("vrijdag a.s.", AMSTERDAM), vec![ymd(2026, 11, 27)]);
    assert_eq!(dates("op maandag", AMSTERDAM), vec![ymd(2026, 11, 30)]);
    assert_eq!(dates("over 3 dagen", AMSTERDAM), vec![ymd(2026, 11, 26)]);
    assert_eq!(dates("over drie dagen", AMSTERDAM), vec![ymd(2026, 11, 26)]);
    assert!(dates("dinsdag van volgende week", AMSTERDAM).is_empty());
    assert!(dates("binnen 3 dagen", AMSTERDAM).is_empty());
}

#[test]
fn dutch_phrases_give_roles() {
    let new = [
        "De nieuwe leverdatum is donderdag 26 november.",
        "Uw pakket wordt verwacht op 26 november.",
        "Kunt u het op 26 november bezorgen?",
        "Uw bestelling wordt op 26 nov bezorgd.",
        "Graag op 26-11-2026 leveren.",
    ];
    for text in new {
        assert_eq!(roles(text, AMSTERDAM), vec![DateRole::New], "{text}");
        assert_eq!(new_date(text, AMSTERDAM), Some(ymd(2026, 11, 26)), "{text}");
    }
    let old = ["Oorspronkelijk gepland op 24 november.", "Besteld op 10 november.", "Factuurdatum 10-11-2026"];
    for text in old {
        assert_eq!(roles(text, AMSTERDAM), vec![DateRole::Old], "{text}");
    }
}

#[test]
fn dutch_old_and_new_in_one_sentence_give_the_new_one() {
    let text = "Graag op 26 november in plaats van 24 november.";
    assert_eq!(roles(text, AMSTERDAM), vec![DateRole::New, DateRole::Old]);
    assert_eq!(new_date(text, AMSTERDAM), Some(ymd(2026, 11, 26)));
    let text = "Niet op 24 november, maar op 26 november.";
    assert_eq!(roles(text, AMSTERDAM), vec![DateRole::Old, DateRole::New]);
}

#[test]
fn a_whole_german_carrier_mail_gives_the_new_date() {
    let mail = "Sehr geehrte Damen und Herren,\nleider verzögert sich die Lieferung Ihrer \
        Bestellung 10231. Der neue Liefertermin ist Freitag, der 04.12.2026.\nMit freundlichen \
        Grüßen\nDHL Paket GmbH, Sträßchensweg 10, 53113 Bonn";
    assert_eq!(dates(mail, BERLIN), vec![ymd(2026, 12, 4)]);
    assert_eq!(new_date(mail, BERLIN), Some(ymd(2026, 12, 4)));
}

#[test]
fn a_german_request_with_a_split_verb_and_an_absent_day() {
    let mail = "Bitte stellen Sie das Paket am Montag, 7.12., zu. Am Freitag bin ich nicht da.";
    assert_eq!(roles(mail, BERLIN), vec![DateRole::New, DateRole::Old]);
    assert_eq!(new_date(mail, BERLIN), Some(ymd(2026, 12, 7)));
}

#[test]
fn a_whole_dutch_carrier_mail_gives_the_new_date() {
    let mail = "Beste klant, uw pakket wordt vandaag niet bezorgd. De nieuwe bezorgdatum is \
        dinsdag 24 november tussen 14:00 en 18:00.";
    assert_eq!(new_date(mail, AMSTERDAM), Some(ymd(2026, 11, 24)));
    let mail = "De levering van 20 november is mislukt. We proberen het morgen opnieuw.";
    assert_eq!(roles(mail, AMSTERDAM), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(mail, AMSTERDAM), Some(ymd(2026, 11, 24)));
}

#[test]
fn a_participle_after_a_date_reports_a_fact_unless_its_clause_plans_or_asks() {
    let mail = "Heute verschickt: 2 Kartons.\nDer dritte Karton wird am 4.12. verschickt.";
    assert_eq!(roles(mail, BERLIN), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(mail, BERLIN), Some(ymd(2026, 12, 4)));
    let mail = "Die Kartons haben wir heute an Sie ausgeliefert, die Stühle folgen am 4.12.";
    assert_eq!(roles(mail, BERLIN)[0], DateRole::Old);
    assert_eq!(roles("Bitte am 4.12. zugestellt, nicht früher.", BERLIN), vec![DateRole::New]);
    let mail = "Vandaag verzonden: 3 dozen. De overige dozen worden op 4 december verzonden.";
    assert_eq!(roles(mail, AMSTERDAM), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(mail, AMSTERDAM), Some(ymd(2026, 12, 4)));
}

#[test]
fn a_delivery_date_label_names_the_date_and_its_qualifier_makes_it_old() {
    assert_eq!(roles("Liefertermin: Freitag, 4.12.2026", BERLIN), vec![DateRole::New]);
    assert_eq!(roles("Ursprünglicher Zustelltermin war der 30.11.", BERLIN), vec![DateRole::Old]);
    assert_eq!(roles("Leverdatum 4-12-2026", AMSTERDAM), vec![DateRole::New]);
    assert_eq!(roles("Oorspronkelijke leverdatum 20-11-2026", AMSTERDAM), vec![DateRole::Old]);
}

#[test]
fn german_fuer_before_a_weekday_makes_it_a_date() {
    // Tuesday 1 Dec: the next Thursday is 3 Dec.
    let text = "Könnten Sie die Zustellung für Donnerstag veranlassen?";
    assert_eq!(dates(text, BERLIN), vec![ymd(2026, 12, 3)]);
    assert_eq!(new_date(text, BERLIN), Some(ymd(2026, 12, 3)));
}
