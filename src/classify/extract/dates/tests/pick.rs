//! Which date `pick_new_date` gives, from roles alone.

use super::*;

fn at(date: NaiveDate, role: DateRole) -> FoundDate {
    FoundDate { date, text: date.to_string(), start: 0, role, relative: false }
}

fn pick(found: &[FoundDate]) -> Option<NaiveDate> {
    pick_new_date(found, sent(THU))
}

#[test]
fn one_new_date_on_or_after_the_sent_day_is_picked() {
    assert_eq!(pick(&[at(ymd(2026, 11, 24), DateRole::New)]), Some(ymd(2026, 11, 24)));
    // The sent day itself may be new ("delivery today"); the policy judges it.
    assert_eq!(pick(&[at(ymd(2026, 11, 19), DateRole::New)]), Some(ymd(2026, 11, 19)));
}

#[test]
fn the_same_new_date_twice_is_still_one_date() {
    let found = [at(ymd(2026, 11, 24), DateRole::New), at(ymd(2026, 11, 24), DateRole::New)];
    assert_eq!(pick(&found), Some(ymd(2026, 11, 24)));
}

#[test]
fn two_distinct_new_dates_are_ambiguous() {
    let found = [at(ymd(2026, 11, 24), DateRole::New), at(ymd(2026, 11, 25), DateRole::New)];
    assert_eq!(pick(&found), None);
}

#[test]
fn old_and_unknown_dates_do_not_compete_with_a_new_one() {
    let found = [
        at(ymd(2026, 11, 18), DateRole::Old),
        at(ymd(2026, 11, 30), DateRole::Unknown),
        at(ymd(2026, 11, 24), DateRole::New),
    ];
    assert_eq!(pick(&found), Some(ymd(2026, 11, 24)));
}

#[test]
fn a_new_date_before_the_sent_day_is_never_picked() {
    assert_eq!(pick(&[at(ymd(2026, 11, 18), DateRole::New)]), None);
    // Nor does it let an unknown date stand in for it.
    let found = [at(ymd(2026, 11, 18), DateRole::New), at(ymd(2026, 11, 26), DateRole::Unknown)];
    assert_eq!(pick(&found), None);
    // A later new date still wins over a past one.
    let found = [at(ymd(2026, 11, 18), DateRole::New), at(ymd(2026, 11, 26), DateRole::New)];
    assert_eq!(pick(&found), Some(ymd(2026, 11, 26)));
}

#[test]
fn without_a_new_date_the_only_later_date_that_is_not_old_is_picked() {
    let found = [at(ymd(2026, 11, 10), DateRole::Unknown), at(ymd(2026, 11, 26), DateRole::Unknown)];
    assert_eq!(pick(&found), Some(ymd(2026, 11, 26)));
}

#[test]
fn without_a_new_date_an_old_or_a_second_later_date_gives_nothing() {
    assert_eq!(pick(&[at(ymd(2026, 11, 26), DateRole::Old)]), None);
    let found = [at(ymd(2026, 11, 26), DateRole::Unknown), at(ymd(2026, 11, 27), DateRole::Unknown)];
    assert_eq!(pick(&found), None);
    // A date also named as old elsewhere is old.
    let found = [at(ymd(2026, 11, 26), DateRole::Unknown), at(ymd(2026, 11, 26), DateRole::Old)];
    assert_eq!(pick(&found), None);
}

#[test]
fn without_a_new_date_the_sent_day_itself_is_not_picked() {
    assert_eq!(pick(&[at(ymd(2026, 11, 19), DateRole::Unknown)]), None);
    assert_eq!(pick(&[]), None);
}

#[test]
fn without_a_new_date_a_relative_day_said_without_a_cue_is_not_picked() {
    let tomorrow = FoundDate { relative: true, ..at(ymd(2026, 11, 20), DateRole::Unknown) };
    assert_eq!(pick(std::slice::from_ref(&tomorrow)), None);
    // A new one still counts, relative or not.
    assert_eq!(pick(&[FoundDate { role: DateRole::New, ..tomorrow }]), Some(ymd(2026, 11, 20)));
}

#[test]
fn a_day_the_sender_mentions_in_passing_is_no_new_date() {
    for text in [
        "Straße und Hausnummer schicke ich Ihnen morgen.",
        "I'll call you tomorrow about the address.",
        "Le digo el número de la calle mañana.",
    ] {
        assert_eq!(new_date(text, THU), None, "{text}");
    }
    // A date written out keeps the fallback: "Delivery 26 Nov".
    assert_eq!(new_date("Delivery 26 Nov", THU), Some(ymd(2026, 11, 26)));
}
