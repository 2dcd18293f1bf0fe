//! Indonesian: month and weekday names (old spellings too: Pebruari,
//! Nopember), relative words, and the phrases that make a date new or old.
//!
//! Input: none (tables). Output: [`INDONESIAN`]. Failure: none.

use super::lexicon::{Cue, DayWord, Lang};

pub(super) const INDONESIAN: Lang = Lang {
    months: [
        "januari jan",
        "februari pebruari feb peb",
        "maret mar",
        "april apr",
        "mei",
        "juni jun",
        "juli jul",
        "agustus agu agt ags agst",
        "september sep sept",
        "oktober okt",
        "november nopember nov nop",
        "desember des",
    ],
    weekdays: ["senin", "selasa", "rabu", "kamis", "jumat jum'at jum’at", "sabtu", "minggu"],
    weekday_abbrevs: ["sen", "sel", "rab", "kam", "jum", "sab", "min"],
    numbers: &["satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"],
    day_words: &[
        DayWord::new("lusa", 2).not_after(&["besok"]),
        // "besok lusa" is "some day soon", not a date.
        DayWord::new("besok|esok", 1).not_before(&["lusa"]),
        DayWord::new(r"hari\s+ini", 0),
    ],
    in_days: &[r"dalam\s+{n}\s+hari", r"{n}\s+hari\s+lagi"],
    weekday_before: &["hari", r"pada\s+hari", "pada"],
    weekday_after: &["depan", "ini", "nanti", "besok"],
    bare_weekdays: false,
    not_bare_after: &[],
    bare_after: &[],
    // "minggu depan" is next week, only "hari Minggu" is Sunday.
    weekday_needs_before: &["minggu"],
    not_weekday: &[r"(?:minggu|pekan)\s+(?:depan|lalu|ini)", "lalu", "kemarin"],
    day_only: &[r"(?:tanggal|tgl\.?)\s*(?P<d>[0-9]{1,2})"],
    day_only_weak: &[],
    cues: CUES,
    label_old: &["awal", "awalnya", "semula", "sebelumnya", "lama"],
    label_new: &["baru", "terbaru", "terkini", "revisi", "diperbarui", "sekarang", "berikutnya"],
    label_done: &["terkirim", "diterima", r"(?:sudah|telah)\s+(?:dikirim|diterima|tiba|sampai)"],
    participle_future: &[],
    instead: &[r"sebagai\s+gantinya", "saja", "aja"],
    request: &["tolong", "mohon", "bisa", "bisakah", "minta", "boleh"],
    status: &["menurut", "tertulis", "statusnya", "katanya", "dijadwalkan", "tercantum"],
    negations: &["tidak", "jangan", "bukan", "tak", "gak", "nggak", "enggak", "belum"],
    until: &[r"sampai(?:\s+dengan)?", "hingga", "s/d"],
    away: &[
        "pergi",
        r"(?:di\s+|ke)?luar\s+kota",
        r"(?:tidak|nggak|gak|enggak)\s+(?:ada\s+)?di\s+rumah",
        "dinas",
        "mudik",
        "liburan",
        "kembali",
        "balik",
        "tutup",
        "kosong",
        r"(?:tidak|nggak|gak)\s+ada\s+(?:orang|yang)",
    ],
    from_then: &["setelah", "sesudah", "mulai"],
    future: &[],
    past: &[],
};

const CUES: &[Cue] = &[
    Cue::new(r"tanggal\s+baru(?:\s+(?:pengiriman|pengantaran|kedatangan))?(?:\s+(?:adalah|yaitu|menjadi))?"),
    Cue::new(
        r"(?:estimasi|perkiraan|perkiraan\s+waktu|jadwal\s+baru)\s+(?:tiba|pengiriman|sampai|kedatangan|pengantaran|kirim)(?:\s+(?:paket|barang|pesanan))?(?:\s+(?:adalah|yaitu))?(?:\s+(?:pada|tanggal|hari))*",
    ),
    Cue::new(
        r"(?:akan\s+|diperkirakan\s+|dijadwalkan\s+)?(?:dikirim|dikirimkan|diantar|diantarkan|tiba|sampai|diterima|siap)(?:\s+(?:kembali|ulang))?(?:\s+(?:pada|tanggal|hari))*",
    ),
    Cue::new(
        r"(?:tolong|mohon|harap|bisa|bisakah|dapatkah|minta)(?:\s+tolong)?\s+(?:di)?(?:kirim|antar)(?:kan)?(?:\s+(?:paket|barang|pesanan)(?:\s+saya)?)?(?:\s+(?:pada|tanggal|hari))*",
    ),
    Cue::new(r"(?:kirim|antar)(?:kan)?(?:\s+(?:pada|tanggal|hari))+"),
    Cue::new(
        r"(?:dijadwalkan\s+ulang|dijadwal\s+ulang|diundur|ditunda|dipindah(?:kan)?|diubah)\s+(?:ke|menjadi|hingga|sampai)(?:\s+(?:tanggal|hari))?",
    ),
    Cue::new(r"(?:saya|kami)\s+(?:ada\s+)?di\s+rumah(?:\s+(?:pada|tanggal|hari))*"),
    Cue::new(r"siap\s+(?:dikirim|kirim|diambil)(?:\s+(?:pada|tanggal|hari))*"),
    Cue::new(
        r"sisa(?:nya)?(?:\s+(?:barang|pesanan|unit|item|produk))?(?:\s+(?:akan\s+)?(?:dikirim|menyusul|tiba))?(?:\s+(?:pada|tanggal|hari))*",
    ),
    Cue::new(
        r"(?:percobaan\s+|upaya\s+)?(?:pengiriman|pengantaran)\s+(?:ulang|berikutnya|selanjutnya)(?:\s+(?:pada|tanggal|hari))*",
    ),
    Cue::new(r"estimasi|perkiraan"),
    Cue::new(r"paling\s+lambat(?:\s+(?:tanggal|pada))?|selambat-lambatnya(?:\s+(?:tanggal|pada))?"),
    Cue::new(r"(?:sekarang|menjadi|jadi)(?:\s+(?:tanggal|pada|menjadi))?").tight(),
    // Sending and bringing in any form but "terkirim" (sent): "dianterin", "ngirim".
    Cue::new(r"(?:di|meng|ng|peng|pen)?(?:kirim|antar|anter)(?:kan|in|an)?").generic(),
    Cue::old(r"sebelumnya|semula|awalnya|tadinya|seharusnya|jadwal\s+(?:lama|awal)").modifier(),
    // "estimasi awal", "tanggal pengiriman semula": the qualifier follows its noun.
    Cue::old(
        r"(?:estimasi|perkiraan|jadwal|tanggal)(?:\s+(?:tiba|pengiriman|kedatangan|pengantaran|estimasi))?\s+(?:awal|semula|lama)",
    ),
    Cue::old(r"(?:bukan|alih-alih|sebagai\s+ganti|daripada)(?:\s+(?:tanggal|pada))?").tight(),
    Cue::old(r"(?:dipesan|pesan|memesan|order|dibayar|membayar|membeli|dibeli)(?:\s+(?:pada|tanggal|sejak))+"),
    Cue::old(r"tanggal\s+(?:pesanan|pemesanan|order|faktur|invoice|pembelian)"),
    Cue::old(r"(?:sudah|telah)\s+(?:dikirim|diterima|tiba|sampai|diantar)(?:\s+(?:pada|tanggal|hari))*"),
    Cue::old(r"(?:percobaan|upaya)\s+pengiriman(?:\s+(?:pertama|sebelumnya))?(?:\s+(?:pada|tanggal))*"),
    Cue::old(r"(?:tidak|jangan)(?:\s+(?:pada|tanggal))?").tight(),
    Cue::new(r"saja|aja").after().tight(),
    Cue::old(r"(?:tidak|gak|nggak)\s+bisa").after(),
    Cue::old(r"(?:saya|kami)\s+(?:tidak|gak|nggak|tak)\s+(?:ada\s+)?(?:di\s+rumah|ada)").after(),
];
