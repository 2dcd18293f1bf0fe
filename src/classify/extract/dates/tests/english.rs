//! English, as carriers, suppliers and customers write it.

use super::*;

#[test]
fn written_dates_in_every_usual_english_shape_are_found() {
    let shapes = [
        "26 November 2026",
        "26 Nov 2026",
        "Nov 26",
        "November 26th",
        "Thursday 26 Nov",
        "26th of November",
        "Thursday, November 26, 2026",
        "Thu 26 Nov.",
        "26-Nov-2026",
        "Nov. 26, 2026",
        "26 Nov '26",
        "the 26th of November",
        "NOV 26",
    ];
    for text in shapes {
        assert_eq!(dates(text, THU), vec![ymd(2026, 11, 26)], "{text}");
    }
}

#[test]
fn a_written_date_keeps_its_weekday_and_year_in_the_text() {
    let f = found("ETA: Thursday 26 Nov 2026, thanks", THU);
    assert_eq!((f[0].text.as_str(), f[0].start), ("Thursday 26 Nov 2026", 5));
}

#[test]
fn a_date_without_a_year_is_its_next_occurrence_so_january_is_next_year() {
    assert_eq!(dates("Can you deliver on 5 January?", THU), vec![ymd(2027, 1, 5)]);
    assert_eq!(dates("Back in stock Jan 4th", THU), vec![ymd(2027, 1, 4)]);
    // The sent day itself is still this year.
    assert_eq!(dates("19 November", THU), vec![ymd(2026, 11, 19)]);
}

#[test]
fn across_new_year_a_december_date_stays_in_the_old_year() {
    let header = "Mon, 28 Dec 2026 10:00:00 -0800";
    assert_eq!(dates("ready on 31 Dec", header), vec![ymd(2026, 12, 31)]);
    assert_eq!(dates("ready on 2 Jan", header), vec![ymd(2027, 1, 2)]);
    assert_eq!(dates("delivery next Monday", header), vec![ymd(2027, 1, 4)]);
    assert_eq!(dates("in 5 days", header), vec![ymd(2027, 1, 2)]);
}

#[test]
fn a_leap_day_is_found_only_in_a_leap_year() {
    assert_eq!(dates("29 February 2028", THU), vec![ymd(2028, 2, 29)]);
    assert!(dates("29 February 2027", THU).is_empty());
    assert!(dates("31 April", THU).is_empty());
    assert_eq!(dates("Feb 29", THU), vec![ymd(2028, 2, 29)]);
}

#[test]
fn tomorrow_today_and_the_day_after_tomorrow_count_from_the_sent_day() {
    assert_eq!(dates("Can you come tomorrow morning?", THU), vec![ymd(2026, 11, 20)]);
    assert_eq!(dates("the day after tomorrow", THU), vec![ymd(2026, 11, 21)]);
    assert_eq!(dates("out for delivery today", THU), vec![ymd(2026, 11, 19)]);
}

#[test]
fn in_n_days_counts_calendar_days_in_digits_or_words() {
    for text in ["in 3 days", "in three days", "3 days from now", "In 3 Days"] {
        assert_eq!(dates(text, THU), vec![ymd(2026, 11, 22)], "{text}");
    }
}

#[test]
fn within_a_few_days_or_business_days_is_a_deadline_not_a_date() {
    for text in ["within 2 days", "in 3 business days", "in 2-3 days", "3 days ago"] {
        assert!(dates(text, THU).is_empty(), "{text}");
    }
}

#[test]
fn a_weekday_with_next_this_or_on_is_the_first_such_day_after_the_sent_day() {
    assert_eq!(dates("next Tuesday", THU), vec![ymd(2026, 11, 24)]);
    assert_eq!(dates("on Tuesday", THU), vec![ymd(2026, 11, 24)]);
    assert_eq!(dates("this Friday", THU), vec![ymd(2026, 11, 20)]);
    assert_eq!(dates("by Monday", THU), vec![ymd(2026, 11, 23)]);
    // On a Thursday, "next Thursday" is a week later.
    assert_eq!(dates("next Thursday", THU), vec![ymd(2026, 11, 26)]);
}

#[test]
fn weekdays_that_name_no_single_date_are_skipped() {
    for text in ["on Tuesday next week", "last Tuesday", "Open Monday to Friday", "on Tuesdays", "Tuesday"] {
        assert!(dates(text, THU).is_empty(), "{text}");
    }
}

#[test]
fn a_day_of_the_month_alone_is_its_next_occurrence() {
    assert_eq!(dates("please deliver on the 24th", THU), vec![ymd(2026, 11, 24)]);
    assert_eq!(dates("by the 3rd", THU), vec![ymd(2026, 12, 3)]);
    assert!(dates("the 3 boxes", THU).is_empty());
}

#[test]
fn may_and_mar_as_words_are_not_months() {
    assert!(dates("we may 2 more boxes", THU).is_empty());
    assert!(dates("it may 5", THU).is_empty());
    assert_eq!(dates("May 5", THU), vec![ymd(2027, 5, 5)]);
    assert_eq!(dates("5 may", THU), vec![ymd(2027, 5, 5)]);
}

#[test]
fn carrier_phrases_make_a_date_new() {
    let texts = [
        "New delivery date: 26 Nov",
        "Revised ETA 26 Nov",
        "ETA: 26/11",
        "Estimated delivery: Thursday 26 November",
        "Your parcel will be delivered on 26 Nov",
        "Your delivery has been rescheduled to 26 Nov",
        "The shipment is now expected on 26 Nov.",
        "We expect it to arrive by 26 Nov",
        "Next delivery attempt: 26 Nov",
    ];
    for text in texts {
        assert_eq!(roles(text, THU), vec![DateRole::New], "{text}");
        assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 26)), "{text}");
    }
}

#[test]
fn supplier_phrases_make_a_date_new() {
    let texts = [
        "Goods will be ready to ship on 26 Nov.",
        "We will ship on 26/11.",
        "Dispatch by 26 November.",
        "Remaining items by 26 Nov.",
        "Balance qty will ship on 26 Nov.",
        "Backordered items ETA 26 Nov.",
    ];
    for text in texts {
        assert_eq!(roles(text, THU), vec![DateRole::New], "{text}");
    }
}

#[test]
fn customer_requests_make_a_date_new() {
    let texts = [
        "Can you deliver on 26 Nov instead?",
        "Please deliver it on Thursday 26 Nov.",
        "I will be home on 26 Nov.",
        "I'd prefer delivery on 26 Nov.",
        "26 Nov would be great.",
        "Could you send it on 26/11?",
    ];
    for text in texts {
        assert_eq!(roles(text, THU), vec![DateRole::New], "{text}");
    }
}

#[test]
fn order_invoice_and_original_dates_are_old() {
    let texts = [
        "Ordered on 10 Nov.",
        "Order date: 10/11/2026",
        "Invoice date 10 Nov 2026",
        "It was due on 18 Nov.",
        "Previously scheduled for 18 Nov.",
        "Originally expected on 18 Nov.",
        "I placed the order on 10 Nov.",
        "We attempted delivery on 18 Nov.",
    ];
    for text in texts {
        assert_eq!(roles(text, THU), vec![DateRole::Old], "{text}");
    }
}

#[test]
fn an_old_and_a_new_date_in_one_sentence_give_the_new_one() {
    let text = "Your parcel was originally due 18 Nov, it is now expected 24 Nov.";
    assert_eq!(roles(text, THU), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 24)));
    let text = "Delivery moved from 20 Nov to 24 Nov.";
    assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 24)));
    let text = "Please deliver on 27 Nov instead of 24 Nov.";
    assert_eq!(roles(text, THU), vec![DateRole::New, DateRole::Old]);
    assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 27)));
}

#[test]
fn a_refused_date_is_never_the_new_one() {
    let text = "Please do NOT deliver on 24 Nov.";
    assert_eq!(roles(text, THU), vec![DateRole::Old]);
    assert_eq!(new_date(text, THU), None);
    let text = "I'm not home on Tuesday, please deliver on Wednesday.";
    assert_eq!(roles(text, THU), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 25)));
    let text = "Not before 24 Nov please.";
    assert_eq!(new_date(text, THU), None);
}

#[test]
fn no_later_than_is_a_new_date_despite_its_no() {
    assert_eq!(roles("Please deliver no later than 30 Nov.", THU), vec![DateRole::New]);
}

#[test]
fn two_requested_dates_are_ambiguous() {
    for text in [
        "Can you deliver on the 24th or 25th?",
        "Please deliver on 24 or 25 Nov.",
        "Deliver on Nov 24 or 25 please.",
        "Could you deliver tomorrow or on Monday?",
    ] {
        assert_eq!(new_date(text, THU), None, "{text}");
        assert!(found(text, THU).len() >= 2, "{text}");
    }
}

#[test]
fn a_single_later_date_without_cue_is_taken_and_two_are_not() {
    assert_eq!(new_date("Any chance for 26 Nov?", THU), Some(ymd(2026, 11, 26)));
    assert_eq!(new_date("Any chance for 26 Nov or 27 Nov?", THU), None);
}

#[test]
fn a_recent_day_written_without_year_is_read_as_past_when_not_new() {
    // "delivered on 18 Nov", sent on the 19th, means this year's 18th.
    let text = "It showed delivered on 18 Nov but nothing came.";
    assert_eq!(dates(text, THU), vec![ymd(2026, 11, 18)]);
    assert_eq!(new_date(text, THU), None);
    assert_eq!(dates("my order from 2 Oct", THU), vec![ymd(2026, 10, 2)]);
    // Long ago, it is the next occurrence again, as the labelling guide says.
    assert_eq!(dates("my order from 2 Aug", THU), vec![ymd(2027, 8, 2)]);
    // A requested date always follows the guide, even a day in the past.
    assert_eq!(dates("please deliver on 18 Nov", THU), vec![ymd(2027, 11, 18)]);
}

#[test]
fn good_morning_and_times_are_not_dates() {
    for text in ["Good morning!", "Delivery between 10:30 and 12:00", "at 9.30 am"] {
        assert!(dates(text, THU).is_empty(), "{text}");
    }
}

#[test]
fn a_whole_carrier_delay_mail_gives_its_new_estimated_date() {
    let mail = "Delay notice for shipment 1Z999AA10123456784\nDear customer,\n\n\
        Due to severe weather in the Memphis hub your shipment is delayed.\n\
        Original delivery date: Wednesday, 18 November 2026\n\
        New estimated delivery date: Tuesday, 24 November 2026\n\n\
        We apologise for the inconvenience.\nUPS Customer Service\nMon-Fri 8:00-20:00";
    assert_eq!(roles(mail, THU), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(mail, THU), Some(ymd(2026, 11, 24)));
}

#[test]
fn a_us_carrier_notice_reads_month_first_and_labels_delivered_as_old() {
    let mail = "Scheduled Delivery: Tuesday, 11/24/2026\nDelivered: Wednesday 11/18/2026 at 2:14 P.M.";
    assert_eq!(dates(mail, THU), vec![ymd(2026, 11, 24), ymd(2026, 11, 18)]);
    assert_eq!(roles(mail, THU), vec![DateRole::New, DateRole::Old]);
}

#[test]
fn a_whole_supplier_mail_gives_the_date_for_the_rest_not_the_quantities() {
    let mail = "Re: PO-55120 partial shipment\nHi team,\nwe shipped 40/60 units of NW-LS-M today \
        (19.11.). The remaining 20 pcs will follow by 30.11.2026.\nBest regards\nAcme Textiles\n\
        Tel +91 80 2345 6789";
    assert_eq!(new_date(mail, THU), Some(ymd(2026, 11, 30)));
    let mail = "Revised ex-works date: 2026-12-02 (was 2026-11-25).";
    assert_eq!(roles(mail, THU), vec![DateRole::New, DateRole::Old]);
}

#[test]
fn a_whole_customer_mail_gives_the_requested_day_not_the_order_or_refused_day() {
    let mail = "Hi, I ordered on 10 Nov (order #10231). I won't be home on Monday 23 Nov. \
        Could you please deliver on Wednesday the 25th instead? Thanks, Priya";
    assert_eq!(roles(mail, THU), vec![DateRole::Old, DateRole::Old, DateRole::New]);
    assert_eq!(new_date(mail, THU), Some(ymd(2026, 11, 25)));
}

#[test]
fn a_weekday_with_an_ordinal_is_that_day_of_the_month() {
    assert_eq!(dates("Monday 23rd", THU), vec![ymd(2026, 11, 23)]);
    let text = "We can deliver on Monday 23rd or Tuesday 24th, which suits you?";
    assert_eq!(dates(text, THU), vec![ymd(2026, 11, 23), ymd(2026, 11, 24)]);
    assert_eq!(new_date(text, THU), None);
    assert!(dates("Friday 2 pallets", THU).is_empty());
}

#[test]
fn a_new_date_refused_later_in_its_clause_is_old() {
    let text = "It says it will arrive on Monday but I won't be home, can you deliver Tuesday 24th?";
    assert_eq!(roles(text, THU), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 24)));
}

#[test]
fn a_failed_attempt_is_old_and_the_retry_new() {
    let text = "Delivery on 18 Nov failed. We will try again tomorrow.";
    assert_eq!(roles(text, THU), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 20)));
}

#[test]
fn a_confirmed_slot_is_new_and_the_order_placed_date_old() {
    let text = "Delivery slot confirmed: 24/11/2026 08:00-12:00. Order placed 10/11/2026.";
    assert_eq!(roles(text, THU), vec![DateRole::New, DateRole::Old]);
    let text = "Hi! Could you deliver the day after tomorrow instead of tomorrow?";
    assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 21)));
}

#[test]
fn asking_whether_it_can_be_delivered_is_a_request_not_a_past_delivery() {
    assert_eq!(roles("Can this be delivered on 26 Nov?", THU), vec![DateRole::New]);
    assert_eq!(roles("It was delivered on 18 Nov.", THU), vec![DateRole::Old]);
    assert!(dates("Thanks for Monday's delivery", THU).is_empty());
}

#[test]
fn a_weekday_right_after_a_word_that_asks_for_it_is_a_date() {
    assert_eq!(dates("Could you deliver Friday instead?", THU), vec![ymd(2026, 11, 20)]);
    assert_eq!(roles("Can you do Monday?", THU), vec![DateRole::New]);
    // Alone, or as opening hours, a weekday still names no date.
    for text in ["Tuesday", "We deliver Monday to Friday, 8am-6pm.", "Open Mon - Friday"] {
        assert!(dates(text, THU).is_empty(), "{text}");
    }
}

#[test]
fn a_delivery_that_was_due_is_old_even_with_its_verb() {
    let text = "We were due to deliver your parcel today. It is now scheduled for Tuesday 24 November.";
    assert_eq!(roles(text, THU), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(text, THU), Some(ymd(2026, 11, 24)));
}
