//! The IMAP source against a real Dovecot (one private server per test).

use std::time::{Duration, Instant};

use mailroom::domain::DecisionKind;
use mailroom::mailbox::imap::{ImapAuth, ImapConfig, ImapSource, TlsMode};
use mailroom::mailbox::{Disposition, MailSource, Outcome, SourceError, Woken};
use tokio_util::sync::CancellationToken;

use crate::support::dovecot::{Dovecot, Options};

const AUTO: Outcome = Outcome::Decided(DecisionKind::Auto);

fn message(n: usize) -> Vec<u8> {
    format!(
        "From: customer{n}@example.com\r\nTo: ops@shop.example\r\nSubject: Order #{n} where is it\r\n\
         Message-ID: <m{n}@example.com>\r\n\r\nHello, where is order {n}?\r\n"
    )
    .into_bytes()
}

fn moves() -> Disposition {
    Disposition::Move {
        auto: "Handled".into(),
        escalated: "Escalated".into(),
        ignored: "Ignored".into(),
        failed: "Failed".into(),
    }
}

async fn connected(cfg: ImapConfig) -> ImapSource {
    let mut source = ImapSource::new(cfg);
    source.connect().await.expect("connect");
    source
}

fn keys(uids: &[u32]) -> Vec<String> {
    uids.iter().map(u32::to_string).collect()
}

#[tokio::test]
async fn plain_login_lists_uids_ascending_and_fetches_the_exact_bytes() {
    let server = Dovecot::new();
    for n in 1..=3 {
        server.append("ops", "INBOX", &message(n)).await;
    }
    let mut source = connected(server.imap_config("ops", TlsMode::None)).await;

    let listing = source.list().await.unwrap();
    assert_ne!(listing.epoch, 0);
    assert_eq!(listing.keys, keys(&[1, 2, 3]));

    let mut fetched = source.fetch(&listing.keys).await.unwrap();
    fetched.sort_by_key(|f| f.key.parse::<u32>().unwrap());
    assert_eq!(fetched.len(), 3);
    for (n, f) in (1..).zip(&fetched) {
        assert_eq!(f.key, n.to_string());
        assert_eq!(f.raw, message(n), "message {n} must come back byte for byte");
    }
    source.close().await;
}

#[tokio::test]
async fn fetch_in_batches_returns_every_message_asked_for_and_skips_vanished_uids() {
    let server = Dovecot::new();
    for n in 1..=5 {
        server.append("ops", "INBOX", &message(n)).await;
    }
    let mut cfg = server.imap_config("ops", TlsMode::None);
    cfg.fetch_batch = 2;
    let mut source = connected(cfg).await;
    let asked = keys(&[5, 1, 2, 3, 4, 99]);

    let fetched = source.fetch(&asked).await.unwrap();

    let mut got: Vec<u32> = fetched.iter().map(|f| f.key.parse().unwrap()).collect();
    got.sort_unstable();
    assert_eq!(got, vec![1, 2, 3, 4, 5]);
    assert!(source.is_connected(), "a missing UID is not an error");
}

#[tokio::test]
async fn implicit_tls_with_the_test_ca_connects_and_lists() {
    let server = Dovecot::new();
    server.append("ops", "INBOX", &message(1)).await;
    let mut source = connected(server.imap_config("ops", TlsMode::Implicit)).await;

    assert_eq!(source.list().await.unwrap().keys, keys(&[1]));
    assert!(login_lines(&server).iter().any(|l| l.contains(", TLS")), "{}", server.log());
}

#[tokio::test]
async fn implicit_tls_without_the_test_ca_is_refused_and_not_retried() {
    let server = Dovecot::new();
    let mut cfg = server.imap_config("ops", TlsMode::Implicit);
    cfg.ca_file = None;
    let mut source = ImapSource::new(cfg);

    let err = source.connect().await.unwrap_err();

    assert!(matches!(err, SourceError::Refused { op: "tls handshake", .. }), "{err:?}");
    assert!(!err.is_transient());
}

#[tokio::test]
async fn starttls_upgrades_the_plain_port_before_login() {
    let server = Dovecot::new();
    server.append("ops", "INBOX", &message(1)).await;
    let mut source = connected(server.imap_config("ops", TlsMode::StartTls)).await;

    assert_eq!(source.list().await.unwrap().keys, keys(&[1]));
    let logins = login_lines(&server);
    assert!(logins.iter().any(|l| l.contains(", TLS")), "STARTTLS login must be over TLS: {logins:?}");
}

#[tokio::test]
async fn plain_imap_to_a_host_that_is_not_loopback_is_refused_before_connecting() {
    let server = Dovecot::new();
    let mut cfg = server.imap_config("ops", TlsMode::None);
    cfg.host = "192.0.2.1".into(); // TEST-NET-1: nothing may be sent there

    let err = ImapSource::new(cfg).connect().await.unwrap_err();

    assert!(matches!(err, SourceError::Refused { op: "connect", .. }), "{err:?}");
    assert!(!err.is_transient());
}

#[tokio::test]
async fn a_wrong_password_is_an_auth_error_that_is_not_retried() {
    let server = Dovecot::new();
    let mut cfg = server.imap_config("ops", TlsMode::None);
    cfg.auth = ImapAuth::Password("not-the-password".to_string().into());
    let mut source = ImapSource::new(cfg);

    let err = source.connect().await.unwrap_err();

    assert!(matches!(err, SourceError::Auth { .. }), "{err:?}");
    assert!(!err.is_transient());
    assert!(!err.to_string().contains("not-the-password"), "{err}");
}

#[tokio::test]
async fn fetching_never_marks_a_message_seen() {
    let server = Dovecot::new();
    server.append("ops", "INBOX", &message(1)).await;
    let mut source = connected(server.imap_config("ops", TlsMode::None)).await;

    let fetched = source.fetch(&keys(&[1])).await.unwrap();
    source.close().await;

    assert_eq!(fetched.len(), 1);
    let flags = server.flags("ops", "INBOX", 1).await;
    assert!(!flags.iter().any(|f| f == "\\Seen"), "flags after fetch: {flags:?}");
}

#[tokio::test]
async fn idle_reports_new_mail_within_two_seconds_of_an_append() {
    let server = Dovecot::new();
    let mut source = connected(server.imap_config("ops", TlsMode::None)).await;
    assert!(source.list().await.unwrap().keys.is_empty());
    let shutdown = CancellationToken::new();

    let (woken, appended_at) = tokio::join!(source.wait(Duration::from_secs(60), &shutdown), async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        server.append("ops", "INBOX", &message(1)).await;
        Instant::now()
    });

    assert_eq!(woken.unwrap(), Woken::NewMail);
    let delay = appended_at.elapsed();
    assert!(delay < Duration::from_secs(2), "NewMail came {delay:?} after the append");
    assert_eq!(source.list().await.unwrap().keys, keys(&[1]), "the session stays usable after IDLE");
}

#[tokio::test]
async fn idle_is_renewed_when_the_renew_interval_runs_out() {
    let server = Dovecot::new();
    let mut cfg = server.imap_config("ops", TlsMode::None);
    cfg.idle_renew = Duration::from_millis(400);
    let mut source = connected(cfg).await;
    let started = Instant::now();

    let woken = source.wait(Duration::from_secs(60), &CancellationToken::new()).await.unwrap();

    assert_eq!(woken, Woken::Timeout);
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
    assert!(source.list().await.is_ok());
}

#[tokio::test]
async fn without_idle_the_source_polls_at_the_poll_interval() {
    let server = Dovecot::with(Options { idle: false, ..Options::default() });
    let mut source = connected(server.imap_config("ops", TlsMode::None)).await;
    source.list().await.unwrap();
    server.append("ops", "INBOX", &message(1)).await;
    let started = Instant::now();

    let woken = source.wait(Duration::from_secs(60), &CancellationToken::new()).await.unwrap();

    let waited = started.elapsed();
    assert_eq!(woken, Woken::Timeout, "no IDLE: a poll tick, not a server notice");
    assert!(waited >= Duration::from_millis(250) && waited < Duration::from_secs(2), "{waited:?}");
    assert_eq!(source.list().await.unwrap().keys, keys(&[1]), "the poll finds the new mail");
    assert!(!server.log().contains("IDLE"), "IDLE must not be used when not offered");
}

#[tokio::test]
async fn shutdown_during_idle_returns_promptly_and_leaves_the_session_usable() {
    let server = Dovecot::new();
    let mut source = connected(server.imap_config("ops", TlsMode::None)).await;
    let shutdown = CancellationToken::new();
    let cancel = shutdown.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        cancel.cancel();
    });
    let started = Instant::now();

    let woken = source.wait(Duration::from_secs(60), &shutdown).await.unwrap();

    assert_eq!(woken, Woken::Shutdown);
    assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
    assert!(source.list().await.is_ok(), "DONE was sent: the session answers commands");
}

#[tokio::test]
async fn moving_into_a_missing_folder_creates_it() {
    let server = Dovecot::new();
    server.append("ops", "INBOX", &message(1)).await;
    server.append("ops", "INBOX", &message(2)).await;
    let mut cfg = server.imap_config("ops", TlsMode::None);
    cfg.disposition = moves();
    let mut source = connected(cfg).await;
    assert!(!server.folders("ops").await.contains(&"Handled".to_string()));

    source.dispose("1", AUTO).await.unwrap();
    source.dispose("2", Outcome::Failed).await.unwrap();
    source.close().await;

    assert!(server.folders("ops").await.contains(&"Handled".to_string()));
    assert_eq!(server.count("ops", "INBOX").await, 0);
    assert_eq!(server.count("ops", "Handled").await, 1);
    assert_eq!(server.count("ops", "Failed").await, 1);
    assert!(logout_counters(&server).iter().all(|l| l.contains("deleted=0")), "MOVE sets no \\Deleted");
}

#[tokio::test]
async fn many_messages_are_moved_with_one_uid_set_and_vanished_uids_are_skipped() {
    for moves_cap in [true, false] {
        let server = Dovecot::with(Options { moves: moves_cap, ..Options::default() });
        for n in 1..=6 {
            server.append("ops", "INBOX", &message(n)).await;
        }
        let mut cfg = server.imap_config("ops", TlsMode::None);
        cfg.disposition = moves();
        let mut source = connected(cfg).await;
        source.list().await.unwrap();
        let set: Vec<String> = ["1", "2", "3", "5", "99"].iter().map(|k| k.to_string()).collect();
        source.dispose_many(&set, AUTO).await.unwrap();
        source.dispose_many(&set, AUTO).await.expect("filing again is a no-op");
        source.close().await;
        assert_eq!(server.count("ops", "Handled").await, 4, "MOVE offered: {moves_cap}");
        assert_eq!(server.count("ops", "INBOX").await, 2, "4 and 6 stay");
    }
}

#[tokio::test]
async fn without_move_the_message_is_copied_then_expunged_by_uid() {
    let server = Dovecot::with(Options { moves: false, ..Options::default() });
    server.append("ops", "INBOX", &message(1)).await;
    server.append("ops", "INBOX", &message(2)).await;
    let mut cfg = server.imap_config("ops", TlsMode::None);
    cfg.disposition = moves();
    let mut source = connected(cfg).await;

    source.dispose("1", AUTO).await.unwrap();
    source.close().await;

    assert_eq!(server.folder_uids("ops", "INBOX").await, vec![2], "only UID 1 is expunged");
    assert_eq!(server.count("ops", "Handled").await, 1);
    // Dovecot counts STORE \Deleted per session: the COPY path ran.
    let counters = wait_for_logout(&server, "deleted=1").await;
    assert!(counters.contains("expunged=1"), "{counters}");
}

#[tokio::test]
async fn the_flag_disposition_adds_the_keyword_and_leaves_the_message() {
    let server = Dovecot::new();
    server.append("ops", "INBOX", &message(1)).await;
    let mut cfg = server.imap_config("ops", TlsMode::None);
    cfg.disposition = Disposition::Flag { keyword: "mailroom-done".into() };
    let mut source = connected(cfg).await;

    source.dispose("1", AUTO).await.unwrap();
    source.dispose("1", AUTO).await.unwrap();

    let flags = server.flags("ops", "INBOX", 1).await;
    assert!(flags.contains(&"mailroom-done".to_string()), "{flags:?}");
    assert!(!flags.iter().any(|f| f == "\\Seen"), "{flags:?}");
    assert_eq!(server.count("ops", "INBOX").await, 1);
}

#[tokio::test]
async fn disposing_of_a_vanished_uid_is_not_an_error() {
    for (disposition, options) in [
        (moves(), Options::default()),
        (moves(), Options { moves: false, ..Options::default() }),
        (Disposition::Flag { keyword: "done".into() }, Options::default()),
    ] {
        let server = Dovecot::with(options);
        server.append("ops", "INBOX", &message(1)).await;
        let mut cfg = server.imap_config("ops", TlsMode::None);
        cfg.disposition = disposition.clone();
        let mut source = connected(cfg).await;

        source.dispose("1", AUTO).await.unwrap();
        source.dispose("1", AUTO).await.expect("moving again is a no-op");
        source.dispose("99", AUTO).await.expect("a UID never seen is a no-op");

        assert!(source.is_connected(), "{disposition:?}");
        assert!(source.list().await.is_ok());
    }
}

#[tokio::test]
async fn messages_another_client_expunges_after_listing_are_missing_from_fetch_and_disposing_of_them_is_a_no_op() {
    for (disposition, options) in [
        (moves(), Options::default()),
        (moves(), Options { moves: false, ..Options::default() }),
        (Disposition::Flag { keyword: "done".into() }, Options::default()),
    ] {
        let server = Dovecot::with(options);
        for n in 1..=3 {
            server.append("ops", "INBOX", &message(n)).await;
        }
        let mut cfg = server.imap_config("ops", TlsMode::None);
        cfg.disposition = disposition.clone();
        let mut source = connected(cfg).await;
        let listing = source.list().await.unwrap();

        // Gone while this session still counts them: Dovecot answers
        // `BODY[] NIL` to the fetch, NO [EXPUNGEISSUED] to a MOVE.
        server.expunge("ops", "INBOX", 1).await;
        let fetched = source.fetch(&listing.keys).await.unwrap();
        server.expunge("ops", "INBOX", 2).await;
        source.dispose("2", AUTO).await.expect("disposing of a message someone removed is done");
        source.dispose("3", AUTO).await.unwrap();

        let keys: Vec<&str> = fetched.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, vec!["2", "3"], "{disposition:?}");
        assert!(source.list().await.is_ok(), "{disposition:?}: the session is still usable");
    }
}

#[tokio::test]
async fn uidvalidity_changes_after_a_reset_and_the_messages_stay() {
    let mut server = Dovecot::new();
    server.append("ops", "INBOX", &message(1)).await;
    server.append("ops", "INBOX", &message(2)).await;
    let mut source = connected(server.imap_config("ops", TlsMode::None)).await;
    let before = source.list().await.unwrap();

    server.reset_uidvalidity("ops", "INBOX");
    let err = source.list().await.unwrap_err();
    assert!(err.is_transient(), "{err:?}");
    source.connect().await.unwrap();
    let after = source.list().await.unwrap();

    assert_ne!(after.epoch, before.epoch);
    assert_eq!(after.keys.len(), 2);
}

#[tokio::test]
async fn a_stopped_server_is_a_transient_error_and_after_a_restart_connect_works_again() {
    let mut server = Dovecot::new();
    server.append("ops", "INBOX", &message(1)).await;
    let mut source = connected(server.imap_config("ops", TlsMode::None)).await;
    let before = source.list().await.unwrap();

    server.stop();
    let lost = source.list().await.unwrap_err();
    let refused = source.connect().await.unwrap_err();
    let not_connected = source.fetch(&keys(&[1])).await.unwrap_err();
    server.start();
    source.connect().await.expect("connect after the restart");

    assert!(matches!(lost, SourceError::Lost { op: "select", .. }), "{lost:?}");
    assert!(matches!(refused, SourceError::Connect { .. }), "{refused:?}");
    assert!(matches!(not_connected, SourceError::Lost { .. }), "{not_connected:?}");
    assert!([&lost, &refused, &not_connected].iter().all(|e| e.is_transient()));
    assert_eq!(source.list().await.unwrap(), before, "same data, same UIDVALIDITY");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_in_the_middle_of_a_fetch_is_a_lost_connection_never_a_short_answer() {
    let mut server = Dovecot::new();
    let big = big_message(10 * 1024 * 1024);
    for _ in 0..4 {
        server.append("ops", "INBOX", &big).await;
    }
    let mut cfg = server.imap_config("ops", TlsMode::Implicit);
    cfg.fetch_batch = 1;
    let mut source = connected(cfg).await;
    let all = source.list().await.unwrap().keys;

    let (interrupted, ()) = tokio::join!(source.fetch(&all), async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        server.stop();
    });
    let err = interrupted.expect_err("a fetch cut short must fail, not return fewer messages");
    server.start();
    source.connect().await.unwrap();
    let fetched = source.fetch(&all).await.unwrap();

    assert!(matches!(err, SourceError::Lost { op: "fetch", .. }), "{err:?}");
    assert!(err.is_transient());
    assert_eq!(fetched.len(), 4);
    assert!(fetched.iter().all(|f| f.raw == big));
}

#[tokio::test]
async fn a_30_mb_message_fetches_whole() {
    let server = Dovecot::new();
    let big = big_message(30 * 1024 * 1024);
    server.append("ops", "INBOX", &big).await;
    let mut source = connected(server.imap_config("ops", TlsMode::Implicit)).await;
    let started = Instant::now();

    let fetched = source.fetch(&keys(&[1])).await.unwrap();

    assert_eq!(fetched.len(), 1);
    assert_eq!(fetched[0].raw.len(), big.len());
    assert!(fetched[0].raw == big, "30 MB must come back byte for byte");
    eprintln!("30 MB fetched over TLS in {:?}", started.elapsed());
}

#[tokio::test]
async fn xoauth2_with_a_token_the_server_signed_logs_in() {
    let server = Dovecot::new();
    server.append("ops", "INBOX", &message(1)).await;
    let mut cfg = server.imap_config("ops", TlsMode::Implicit);
    let token = server.jwt("ops", Duration::from_secs(300));
    cfg.auth = ImapAuth::XOAuth2 { token: Some(token.into()), command: None };
    let mut source = connected(cfg).await;

    assert_eq!(source.list().await.unwrap().keys, keys(&[1]));
    assert!(login_lines(&server).iter().any(|l| l.contains("method=XOAUTH2")), "{}", server.log());
}

#[tokio::test]
async fn xoauth2_takes_the_token_a_command_prints() {
    let server = Dovecot::new();
    let token_file = server.dir().join("token");
    std::fs::write(&token_file, format!("{}\n", server.jwt("ops", Duration::from_secs(300)))).unwrap();
    let mut cfg = server.imap_config("ops", TlsMode::StartTls);
    cfg.auth = ImapAuth::XOAuth2 { token: None, command: Some(format!("cat {}", token_file.display())) };
    let mut source = connected(cfg).await;

    assert!(source.list().await.is_ok());
}

#[tokio::test]
async fn xoauth2_with_a_token_signed_by_another_key_is_an_auth_error() {
    let server = Dovecot::new();
    let token = server.forged_jwt("ops");

    let err = xoauth2_login_error(&server, &token).await;

    assert!(server.log().contains("Incorrect JWT signature"), "{}", server.log());
    assert!(!err.to_string().contains(&token), "{err}");
}

#[tokio::test]
async fn xoauth2_with_another_users_token_is_an_auth_error() {
    let server = Dovecot::new();
    let token = server.jwt("other", Duration::from_secs(300));

    xoauth2_login_error(&server, &token).await;

    assert!(server.log().contains("did not match"), "{}", server.log());
}

/// Connects as `ops` with `token`, expecting an `Auth` error.
async fn xoauth2_login_error(server: &Dovecot, token: &str) -> SourceError {
    let mut cfg = server.imap_config("ops", TlsMode::Implicit);
    cfg.auth = ImapAuth::XOAuth2 { token: Some(token.to_string().into()), command: None };
    let err = ImapSource::new(cfg).connect().await.unwrap_err();
    assert!(matches!(err, SourceError::Auth { .. }), "{err:?}");
    assert!(!err.is_transient());
    err
}

#[tokio::test]
async fn a_failing_token_command_is_an_auth_error_naming_its_exit_status() {
    let server = Dovecot::new();
    let mut cfg = server.imap_config("ops", TlsMode::Implicit);
    cfg.auth = ImapAuth::XOAuth2 { token: None, command: Some("echo expired >&2; exit 4".into()) };
    let mut source = ImapSource::new(cfg);

    let err = source.connect().await.unwrap_err();

    assert!(matches!(err, SourceError::Auth { .. }), "{err:?}");
    assert!(err.to_string().contains("exit status: 4"), "{err}");
}

/// Dovecot's `Login:` lines (method, TLS or not).
fn login_lines(server: &Dovecot) -> Vec<String> {
    server.log().lines().filter(|l| l.contains("Login: user=<ops>")).map(str::to_string).collect()
}

/// The per-session counters Dovecot logs at logout.
fn logout_counters(server: &Dovecot) -> Vec<String> {
    server.log().lines().filter(|l| l.contains("Disconnected") && l.contains("deleted=")).map(str::to_string).collect()
}

/// Waits for a logout line containing `needle` (logged as the session ends).
async fn wait_for_logout(server: &Dovecot, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(line) = logout_counters(server).into_iter().find(|l| l.contains(needle)) {
            return line;
        }
        assert!(Instant::now() < deadline, "no logout line with {needle}:\n{}", server.log());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A message of about `size` bytes: a base64-looking attachment in 76-column
/// lines.
fn big_message(size: usize) -> Vec<u8> {
    let mut raw = b"From: supplier@example.com\r\nTo: ops@shop.example\r\nSubject: catalogue\r\n\
        MIME-Version: 1.0\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        .to_vec();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0usize;
    while raw.len() < size {
        for _ in 0..76 {
            raw.push(alphabet[(i * 7 + i / 64) % 64]);
            i += 1;
        }
        raw.extend_from_slice(b"\r\n");
    }
    raw
}
