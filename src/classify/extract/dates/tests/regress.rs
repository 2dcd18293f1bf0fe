//! One regression test per class of failure seen on the labelled
//! fixtures, each on the sentences that failed. The general behaviour is
//! tested, in other words, in the files of each topic.

use super::*;

fn new_at(text: &str, rfc3339: &str) -> Option<NaiveDate> {
    let s = DateTime::parse_from_rfc3339(rfc3339).expect("a valid date");
    pick_new_date(&find_dates(text, s), s)
}

#[test]
fn regression_a_table_header_names_the_revised_date() {
    let text = "AWB No. | Origin | Destination | Original EDD | Revised Delivery Date\n\
                73483915750 | BOM | DEL | 13-Nov-2026 | 14-Nov-2026";
    assert_eq!(new_at(text, "2026-11-10T21:02:15+05:30"), Some(ymd(2026, 11, 14)));
}

#[test]
fn regression_a_weekday_before_a_short_dotted_date_hid_it() {
    let text = "Könnten Sie die Zustellung bitte für Donnerstag, 26.11. veranlassen?";
    assert_eq!(new_at(text, "2026-11-20T16:40:27+01:00"), Some(ymd(2026, 11, 26)));
}

#[test]
fn regression_the_end_of_an_absence_and_an_inflected_request() {
    let text = "esta semana estoy fuera por trabajo y no vuelvo a Valencia hasta el miércoles 25 por la noche.\n\n\
                ¿Sería posible que lo entregasen el jueves 26?";
    assert_eq!(new_at(text, "2026-11-16T08:50:21+01:00"), Some(ymd(2026, 11, 26)));
}

#[test]
fn regression_the_plan_the_tracking_shows_against_the_request() {
    let text = "My parcel is showing as arriving tomorrow but I've been called in to work. \
                Could it be delivered this Friday (the 20th) instead?";
    assert_eq!(new_at(text, "2026-11-18T12:02:40+10:00"), Some(ymd(2026, 11, 20)));
}

#[test]
fn regression_a_question_tag_is_no_refusal() {
    let text = "bisa diantar lusa aja nggak,\nhari Jumat? Besok aku ke Denpasar seharian jadi nggak ada yang terima.";
    assert_eq!(new_at(text, "2026-11-11T12:30:09+08:00"), Some(ymd(2026, 11, 13)));
}

#[test]
fn regression_what_a_supplier_shipped_today_is_no_new_date() {
    let text = "zu Ihrer Bestellung haben wir heute folgende Positionen versandt:\n\n\
                Das Trekkingzelt liefern wir am 03.12.2026 nach.";
    assert_eq!(new_at(text, "2026-11-16T09:47:58+01:00"), Some(ymd(2026, 12, 3)));
}

#[test]
fn regression_a_passing_tomorrow_is_no_requested_date() {
    let text = "Straße und Hausnummer schicke ich Ihnen morgen, ich habe sie gerade nicht zur Hand.";
    assert_eq!(new_at(text, "2026-11-19T20:10:35+01:00"), None);
}

#[test]
fn regression_a_weekday_settles_the_year_of_a_past_request() {
    let found = find_dates("tolong diantar hari Rabu 18/11 saja ya", sent("Fri, 20 Nov 2026 09:10:52 +0700"));
    assert_eq!(found.iter().map(|f| f.date).collect::<Vec<_>>(), vec![ymd(2026, 11, 18)]);
}
