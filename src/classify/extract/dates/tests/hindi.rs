//! Hindi, in Devanagari and romanised.

use super::*;

/// Saturday 28 Nov 2026, 01:30 in India: still Friday 27 Nov in UTC.
const INDIA: &str = "Sat, 28 Nov 2026 01:30:00 +0530";

#[test]
fn hindi_written_dates_are_found_in_every_spelling_and_digit_set() {
    let cases = [
        ("26 नवंबर 2027", ymd(2027, 11, 26)),
        ("२ दिसम्बर", ymd(2026, 12, 2)),
        ("2 दिसंबर", ymd(2026, 12, 2)),
        ("२ दिसंबर २०२६", ymd(2026, 12, 2)),
        ("30 नवम्बर", ymd(2026, 11, 30)),
        ("5 जनवरी", ymd(2027, 1, 5)),
        ("14 फरवरी", ymd(2027, 2, 14)),
        ("14 फ़रवरी", ymd(2027, 2, 14)),
        ("14 \u{95E}रवरी", ymd(2027, 2, 14)),
        ("2 अक्तूबर 2027", ymd(2027, 10, 2)),
        ("15 सितम्बर", ymd(2027, 9, 15)),
        ("2 December ko", ymd(2026, 12, 2)),
    ];
    for (text, want) in cases {
        assert_eq!(dates(text, INDIA), vec![want], "{text}");
    }
}

#[test]
fn hindi_kal_is_tomorrow_only_when_the_clause_asks_or_looks_ahead() {
    for text in ["कल डिलीवर करें", "कल भेज दीजिए", "पार्सल कल पहुंचेगा", "kal deliver kar do", "kal bhej do please"]
    {
        assert_eq!(dates(text, INDIA), vec![ymd(2026, 11, 29)], "{text}");
    }
    for text in ["पार्सल कल आया था", "कल डिलीवर हुआ था", "kal aaya tha", "कल", "kal shaam ko"]
    {
        assert!(dates(text, INDIA).is_empty(), "{text}");
    }
}

#[test]
fn hindi_parso_is_the_day_after_tomorrow_with_the_same_care() {
    assert_eq!(dates("परसों भेज दीजिए", INDIA), vec![ymd(2026, 11, 30)]);
    assert_eq!(dates("parso deliver karo", INDIA), vec![ymd(2026, 11, 30)]);
    assert!(dates("परसों आया था", INDIA).is_empty());
    assert_eq!(dates("आज", INDIA), vec![ymd(2026, 11, 28)]);
}

#[test]
fn hindi_weekdays_and_day_counts_resolve_from_the_sent_day() {
    assert_eq!(dates("अगले मंगलवार", INDIA), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("मंगलवार को भेजें", INDIA), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("agle mangalvaar", INDIA), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("shanivar ko", INDIA), vec![ymd(2026, 12, 5)]);
    assert_eq!(dates("3 दिन में", INDIA), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("तीन दिन में", INDIA), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("३ दिनों में", INDIA), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("3 din mein", INDIA), vec![ymd(2026, 12, 1)]);
    assert!(dates("मंगलवार को अगले हफ्ते", INDIA).is_empty());
}

#[test]
fn hindi_day_of_month_with_tarikh_is_a_date() {
    assert_eq!(dates("2 तारीख को भेजें", INDIA), vec![ymd(2026, 12, 2)]);
    assert_eq!(dates("2 tarikh ko", INDIA), vec![ymd(2026, 12, 2)]);
}

#[test]
fn hindi_verbs_after_the_date_give_it_its_role() {
    let new = [
        "कृपया 2 दिसंबर को डिलीवर करें",
        "नई तारीख 2 दिसंबर है",
        "आपका पार्सल 2 दिसंबर को पहुंचेगा",
        "2 December ko deliver kar do",
        "2 Dec tak bhej denge",
        "nayi date 2 December hai",
    ];
    for text in new {
        assert_eq!(roles(text, INDIA), vec![DateRole::New], "{text}");
        assert_eq!(new_date(text, INDIA), Some(ymd(2026, 12, 2)), "{text}");
    }
    let old = ["पहले 30 नवंबर थी", "मैंने 20 नवंबर को ऑर्डर किया था", "30 Nov ko aana tha"];
    for text in old {
        assert_eq!(roles(text, INDIA), vec![DateRole::Old], "{text}");
    }
}

#[test]
fn hindi_refused_and_replaced_dates() {
    let text = "30 नवंबर को मत भेजना";
    assert_eq!(roles(text, INDIA), vec![DateRole::Old]);
    assert_eq!(new_date(text, INDIA), None);
    let text = "डिलीवरी 30 नवंबर को होनी थी, अब 2 दिसंबर को होगी।";
    assert_eq!(roles(text, INDIA), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(text, INDIA), Some(ymd(2026, 12, 2)));
    let text = "30 नवंबर के बजाय 2 दिसंबर को भेजें";
    assert_eq!(new_date(text, INDIA), Some(ymd(2026, 12, 2)));
}

#[test]
fn hindi_two_requested_dates_are_ambiguous() {
    assert_eq!(new_date("1 या 2 दिसंबर को भेज दीजिए", INDIA), None);
}

#[test]
fn a_whole_hindi_customer_mail_gives_the_requested_day() {
    let mail = "नमस्ते, मेरा ऑर्डर 10231 है। कृपया इसे 2 दिसंबर को डिलीवर करें, 1 को मैं घर पर नहीं \
        रहूंगा। धन्यवाद";
    assert_eq!(new_date(mail, INDIA), Some(ymd(2026, 12, 2)));
    let mail = "Namaste, mera order 10231 hai. Please 2 December ko deliver kar do, 1 ko main ghar \
        pe nahi hoon.";
    assert_eq!(new_date(mail, INDIA), Some(ymd(2026, 12, 2)));
}

#[test]
fn a_hindi_mail_with_a_sent_and_an_expected_date() {
    let mail = "आपका ऑर्डर 26 नवंबर को भेजा गया था और 2 दिसंबर तक पहुंच जाएगा।";
    assert_eq!(roles(mail, INDIA), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(mail, INDIA), Some(ymd(2026, 12, 2)));
}

#[test]
fn a_hindi_verb_many_words_after_the_date_still_gives_its_role() {
    let text = "कृपया 2 दिसंबर को मेरे घर पर डिलीवर कर दीजिए";
    assert_eq!(roles(text, INDIA), vec![DateRole::New]);
}

#[test]
fn hindi_kal_after_a_danda_is_judged_by_its_own_sentence() {
    assert_eq!(dates("नमस्ते। कल डिलीवर करें।", INDIA), vec![ymd(2026, 11, 29)]);
    assert!(dates("कल डिलीवर करें? नहीं, पार्सल कल आया था।", INDIA).len() == 1);
}

#[test]
fn a_hindi_negation_in_the_previous_sentence_does_not_refuse_the_next_date() {
    let text = "मैं घर पर नहीं हूँ। नई तारीख 2 दिसंबर है।";
    assert_eq!(roles(text, INDIA), vec![DateRole::New]);
}
