//! Hostile and broken input: never a panic, an error only when the bytes
//! are no mail at all.

use std::cell::RefCell;
use std::time::Instant;

use super::{ParseError, SAMPLES, parse};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

/// Byte strings that steer a parser into its rarer paths.
const NASTY: &[&[u8]] = &[
    b"\r\n\r\n",
    b"\n--",
    b"=?utf-8?b?",
    b"=?x-unknown?q?=E9?=",
    b"Content-Type: multipart/mixed; boundary=\"b\"\n",
    b"Content-Transfer-Encoding: base64\n",
    b"\x00",
    b"\xff\xfe",
    b"<div style=\"display:none\">",
    b"<table><tr><td>",
    b"> ",
    b"-- \n",
    b"Content-Type: message/rfc822\n\n",
    b"=\n",
    b"=XY",
    b"\xe0\xa4",
];

fn mutate(rng: &mut Rng, raw: &[u8]) -> Vec<u8> {
    let mut m = raw.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(m.len() + 1);
        match rng.below(6) {
            0 => m.truncate(at),
            1 => {
                if let Some(b) = m.get_mut(at) {
                    *b = rng.next() as u8;
                }
            }
            2 => {
                let nasty = NASTY[rng.below(NASTY.len())];
                m.splice(at..at, nasty.iter().copied());
            }
            3 => {
                let end = (at + rng.below(200)).min(m.len());
                m.drain(at..end);
            }
            4 => {
                let end = (at + rng.below(300)).min(m.len());
                let copy = m.get(at..end).unwrap_or_default().to_vec();
                let to = rng.below(m.len() + 1);
                m.splice(to..to, copy);
            }
            _ => m.insert(at.min(m.len()), rng.next() as u8),
        }
    }
    m
}

thread_local! {
    /// Source files of panics caught on this thread.
    static PANICKED_IN: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Records where each panic happens. mail-parser's own debug assertions
/// and an offset underflow (debug builds only) fire on some mutations;
/// `parse` catches them and degrades, and they are recorded quietly.
fn record_panic_locations() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let file = info.location().map(|l| l.file().to_string()).unwrap_or_default();
        let in_mail_parser = file.contains("mail-parser");
        PANICKED_IN.with(|p| p.borrow_mut().push(file));
        if !in_mail_parser {
            default(info);
        }
    }));
}

#[test]
fn thousands_of_mutated_and_truncated_samples_never_panic() {
    record_panic_locations();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut parsed = 0;
    for (name, raw) in SAMPLES {
        for step in 0..150 {
            let input = if step < 20 {
                raw.get(..raw.len() * step / 20).unwrap_or_default().to_vec()
            } else {
                mutate(&mut rng, raw)
            };
            match parse(&input) {
                Ok(e) => {
                    parsed += 1;
                    // The degraded path is for mail-parser's panics only;
                    // one in this crate's code is a bug.
                    if e.warnings.iter().any(|w| w.contains("parser failure")) {
                        let files = PANICKED_IN.with(|p| p.borrow_mut().split_off(0));
                        assert!(files.iter().all(|f| f.contains("mail-parser")), "{name} mutation {step}: {files:?}");
                    }
                }
                Err(ParseError::Internal(why)) => {
                    panic!("{name} mutation {step} hit a panic: {why}")
                }
                Err(_) => {}
            }
        }
    }
    assert!(parsed > SAMPLES.len() * 100, "most mutations still parse: {parsed}");
}

#[test]
fn empty_and_whitespace_input_is_an_empty_error() {
    assert_eq!(parse(b""), Err(ParseError::Empty));
    assert_eq!(parse(b" \r\n\t\n"), Err(ParseError::Empty));
}

#[test]
fn garbage_and_text_without_headers_are_not_an_email() {
    for raw in [&b"\x00\x01\x02garbage\xff\xfe"[..], b"just some text\nmore text\n", b"hello world: foo\n\nbody"] {
        assert!(matches!(parse(raw), Err(ParseError::NotAnEmail(_))), "{raw:?}");
    }
}

#[test]
fn a_header_section_with_no_body_parses_with_empty_text() {
    let e =
        parse(b"From: a@b.example\r\nSubject: only headers\r\nDate: Tue, 10 Nov 2026 10:00:00 +0000").expect("parses");
    assert_eq!(e.subject, "only headers");
    assert_eq!(e.newest_text, "");
}

#[test]
fn a_mail_without_date_or_from_gets_none_and_warnings() {
    let e = parse(b"Subject: hi\n\nbody").expect("parses");
    assert_eq!(e.date, None);
    assert_eq!(e.from, None);
    assert!(e.warnings.iter().any(|w| w.contains("no Date")));
    assert!(e.warnings.iter().any(|w| w.contains("From")));
}

#[test]
fn an_unreadable_date_is_none_with_a_warning() {
    let e = parse(b"From: a@b.example\nDate: sometime last week\n\nbody").expect("parses");
    assert_eq!(e.date, None);
    assert!(e.warnings.iter().any(|w| w.contains("unreadable Date")));
}

#[test]
fn a_truncated_multipart_keeps_what_arrived() {
    let raw = b"From: a@b.example\nContent-Type: multipart/alternative; boundary=\"x\"\n\n--x\nContent-Type: text/plain\n\nPlease deliver on Friday.\n--x\nContent-Type: text/html\n\n<p>Please deliv";
    let e = parse(raw).expect("parses");
    assert!(e.newest_text.contains("Please deliver on Friday."), "{:?}", e.newest_text);
}

#[test]
fn broken_base64_keeps_a_best_effort_text() {
    let raw = b"From: a@b.example\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nSGVsbG8gd29y!!!bGQ=\x00###\n";
    let e = parse(raw).expect("parses");
    assert!(!e.newest_text.contains('\0'));
}

#[test]
fn nul_bytes_are_removed_with_a_warning() {
    let e = parse(b"From: a@b.example\nSubject: a\x00b\n\nwhere\x00 is it").expect("parses");
    assert_eq!(e.subject, "ab");
    assert_eq!(e.newest_text, "where is it");
    assert!(e.warnings.iter().any(|w| w.contains("NUL")));
}

#[test]
fn absurdly_nested_multiparts_parse_quickly() {
    let mut raw = b"From: a@b.example\n".to_vec();
    for i in 0..20_000 {
        raw.extend_from_slice(format!("Content-Type: multipart/mixed; boundary=\"b{i}\"\n\n--b{i}\n").as_bytes());
    }
    raw.extend_from_slice(b"Content-Type: text/plain\n\ndeep text\n");
    let t = Instant::now();
    let e = parse(&raw).expect("parses");
    assert!(e.newest_text.contains("deep text"), "{:?}", e.newest_text);
    assert!(t.elapsed().as_secs() < 10, "{:?}", t.elapsed());
}

#[test]
fn absurdly_nested_attached_messages_parse() {
    let mut raw = Vec::new();
    for _ in 0..2_000 {
        raw.extend_from_slice(b"From: a@b.example\nContent-Type: message/rfc822\n\n");
    }
    raw.extend_from_slice(b"From: z@b.example\n\ninner");
    assert!(parse(&raw).is_ok());
}

/// Standard base64 with 76-character lines, as mail writes it.
fn base64_lines(data: &[u8]) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(data.len() * 4 / 3 + data.len() / 57 * 2 + 4);
    for (i, chunk) in data.chunks(3).enumerate() {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            let c = if k <= chunk.len() { ALPHABET[(n >> (18 - 6 * k) & 63) as usize] } else { b'=' };
            out.push(c);
        }
        if (i + 1) % 19 == 0 {
            out.extend_from_slice(b"\r\n");
        }
    }
    out
}

#[test]
fn a_30_mb_attachment_parses_quickly_and_is_measured() {
    const SIZE: usize = 30 * 1024 * 1024;
    let mut rng = Rng(42);
    let data: Vec<u8> = (0..SIZE).map(|_| rng.next() as u8).collect();
    let mut raw = b"From: Supplier <docs@acmetextiles.in>\r\nDate: Tue, 10 Nov 2026 10:00:00 +0530\r\nSubject: Catalogue\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nCatalogue attached.\r\n--m\r\nContent-Type: application/zip; name=\"catalogue.zip\"\r\nContent-Disposition: attachment; filename=\"catalogue.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n".to_vec();
    raw.extend(base64_lines(&data));
    raw.extend_from_slice(b"\r\n--m--\r\n");
    let t = Instant::now();
    let e = parse(&raw).expect("parses");
    let elapsed = t.elapsed();
    assert_eq!(e.newest_text, "Catalogue attached.");
    assert_eq!(e.attachments.len(), 1);
    assert_eq!(e.attachments[0].size, SIZE);
    assert_eq!(e.attachments[0].content_type, "application/zip");
    // Generous for an unoptimised build on a shared machine.
    assert!(elapsed.as_secs() < 30, "took {elapsed:?}");
    eprintln!("30 MB attachment parsed in {elapsed:?}");
}
