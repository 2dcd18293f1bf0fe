//! Indonesian.

use super::*;

/// Monday 30 Nov 2026, 06:00 in Jakarta: still Sunday 29 Nov in UTC.
const JAKARTA: &str = "Mon, 30 Nov 2026 06:00:00 +0700";

#[test]
fn indonesian_written_dates_are_found_with_local_month_names() {
    let cases = [
        ("26 Desember 2026", ymd(2026, 12, 26)),
        ("Kamis, 3 Des 2026", ymd(2026, 12, 3)),
        ("3 Desember", ymd(2026, 12, 3)),
        ("17 Agustus", ymd(2027, 8, 17)),
        ("17 Agt 2027", ymd(2027, 8, 17)),
        ("5 Mei", ymd(2027, 5, 5)),
        ("3 Okt 2027", ymd(2027, 10, 3)),
        ("14 Pebruari 2027", ymd(2027, 2, 14)),
        ("1 Nopember 2027", ymd(2027, 11, 1)),
        ("1 Maret", ymd(2027, 3, 1)),
    ];
    for (text, want) in cases {
        assert_eq!(dates(text, JAKARTA), vec![want], "{text}");
    }
}

#[test]
fn indonesian_des_is_a_month_only_when_it_stands_as_one() {
    assert_eq!(dates("tanggal 3 Des.", JAKARTA), vec![ymd(2026, 12, 3)]);
    assert!(dates("5 des articles", JAKARTA).is_empty());
}

#[test]
fn indonesian_relative_words_resolve_from_the_local_sent_day() {
    assert_eq!(dates("Tolong kirim besok.", JAKARTA), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("besok pagi", JAKARTA), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("lusa", JAKARTA), vec![ymd(2026, 12, 2)]);
    assert_eq!(dates("hari ini", JAKARTA), vec![ymd(2026, 11, 30)]);
    assert!(dates("besok lusa saja", JAKARTA).is_empty());
    assert_eq!(dates("dalam 3 hari", JAKARTA), vec![ymd(2026, 12, 3)]);
    assert_eq!(dates("dalam tiga hari", JAKARTA), vec![ymd(2026, 12, 3)]);
    assert_eq!(dates("3 hari lagi", JAKARTA), vec![ymd(2026, 12, 3)]);
    assert!(dates("dalam waktu 3 hari", JAKARTA).is_empty());
}

#[test]
fn indonesian_weekdays_need_hari_or_depan_and_minggu_alone_is_a_week() {
    assert_eq!(dates("Selasa depan", JAKARTA), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("hari Selasa", JAKARTA), vec![ymd(2026, 12, 1)]);
    assert_eq!(dates("pada hari Jumat", JAKARTA), vec![ymd(2026, 12, 4)]);
    assert_eq!(dates("hari Minggu", JAKARTA), vec![ymd(2026, 12, 6)]);
    // On a Monday, "Senin depan" is a week later.
    assert_eq!(dates("Senin depan", JAKARTA), vec![ymd(2026, 12, 7)]);
    for text in ["minggu depan", "Minggu ini", "Selasa minggu depan", "Selasa lalu", "Senin"] {
        assert!(dates(text, JAKARTA).is_empty(), "{text}");
    }
}

#[test]
fn indonesian_day_of_month_after_tanggal_is_a_date() {
    assert_eq!(dates("tolong kirim tanggal 4", JAKARTA), vec![ymd(2026, 12, 4)]);
    assert_eq!(dates("tgl. 4", JAKARTA), vec![ymd(2026, 12, 4)]);
}

#[test]
fn indonesian_prices_are_not_dates() {
    for text in ["Rp 1.200.000", "Rp 12.12.", "harga 26.11"] {
        assert!(dates(text, JAKARTA).is_empty(), "{text}");
    }
}

#[test]
fn indonesian_phrases_give_roles() {
    let new = [
        "Tanggal baru pengiriman: 4 Desember 2026",
        "Estimasi tiba: Jumat, 4 Des 2026",
        "Paket akan dikirim tanggal 4 Desember.",
        "Tolong kirim tanggal 4 Desember.",
        "Mohon diantar pada hari Jumat 4 Desember.",
        "Saya di rumah tanggal 4 Desember.",
    ];
    for text in new {
        assert_eq!(roles(text, JAKARTA), vec![DateRole::New], "{text}");
        assert_eq!(new_date(text, JAKARTA), Some(ymd(2026, 12, 4)), "{text}");
    }
    let old = ["Sebelumnya dijadwalkan 1 Desember.", "Semula tanggal 1 Desember.", "Tanggal pesanan: 20/11/2026"];
    for text in old {
        assert_eq!(roles(text, JAKARTA), vec![DateRole::Old], "{text}");
    }
}

#[test]
fn indonesian_old_and_new_in_one_sentence_give_the_new_one() {
    let text = "Pengiriman semula 1 Desember, sekarang 4 Desember.";
    assert_eq!(roles(text, JAKARTA), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(text, JAKARTA), Some(ymd(2026, 12, 4)));
    let text = "Jangan tanggal 2 Desember, kirim tanggal 4 Desember saja.";
    assert_eq!(roles(text, JAKARTA), vec![DateRole::Old, DateRole::New]);
    assert_eq!(new_date(text, JAKARTA), Some(ymd(2026, 12, 4)));
}

#[test]
fn indonesian_two_requested_dates_are_ambiguous() {
    assert_eq!(new_date("Tolong kirim tanggal 3 atau 4 Desember.", JAKARTA), None);
    assert_eq!(new_date("Bisa dikirim besok atau lusa?", JAKARTA), None);
}

#[test]
fn a_whole_indonesian_customer_mail_gives_the_requested_day() {
    let mail = "Halo kak, paket pesanan #10231 belum sampai. Tolong dikirim hari Selasa tanggal \
        1 Desember ya, karena hari Senin saya tidak di rumah. Terima kasih";
    assert_eq!(dates(mail, JAKARTA), vec![ymd(2026, 12, 1), ymd(2026, 12, 7)]);
    assert_eq!(roles(mail, JAKARTA), vec![DateRole::New, DateRole::Old]);
    assert_eq!(new_date(mail, JAKARTA), Some(ymd(2026, 12, 1)));
}

#[test]
fn an_indonesian_estimate_range_is_ambiguous() {
    let mail = "Pesanan Anda akan tiba dalam 2-3 hari kerja. Estimasi: 3 Des - 4 Des.";
    assert_eq!(dates(mail, JAKARTA), vec![ymd(2026, 12, 3), ymd(2026, 12, 4)]);
    assert_eq!(new_date(mail, JAKARTA), None);
}
