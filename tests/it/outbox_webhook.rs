//! The outbox worker against a real HTTP receiver on loopback: retries
//! after 500, signature checks out, dead-letter after the maximum, the kill
//! switch holds everything and releases it.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use mailroom::notify::outbox::{OutboxConfig, OutboxWorker, PAUSED};
use mailroom::notify::webhook::{WebhookChannel, WebhookConfig, signature};
use mailroom::store::{NewOutbox, Store};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_util::sync::CancellationToken;

/// A minimal HTTP/1.1 server: answers each request with the next status
/// from `script` (the last one repeats) and keeps what it received.
/// One request as received: its headers (lower-case names) and body.
type Request = (Vec<(String, String)>, String);

struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<Request>>>,
}

async fn receiver(script: Vec<u16>) -> Receiver {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hooks/mailroom", listener.local_addr().unwrap());
    let got = Arc::new(Mutex::new(Vec::new()));
    let seen = got.clone();
    tokio::spawn(async move {
        let mut n = 0usize;
        loop {
            let Ok((mut sock, _)) = listener.accept().await else { return };
            let status = script[n.min(script.len() - 1)];
            n += 1;
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            // Read headers, then the body by Content-Length.
            let (head, body) = loop {
                let k = sock.read(&mut chunk).await.unwrap_or(0);
                if k == 0 {
                    break (String::new(), String::new());
                }
                buf.extend_from_slice(&chunk[..k]);
                let text = String::from_utf8_lossy(&buf).into_owned();
                if let Some(end) = text.find("\r\n\r\n") {
                    let head = text[..end].to_string();
                    let len: usize = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse().unwrap_or(0))
                        })
                        .unwrap_or(0);
                    while buf.len() < end + 4 + len {
                        let k = sock.read(&mut chunk).await.unwrap_or(0);
                        if k == 0 {
                            break;
                        }
                        buf.extend_from_slice(&chunk[..k]);
                    }
                    let all = String::from_utf8_lossy(&buf).into_owned();
                    break (head, all[end + 4..].to_string());
                }
            };
            let headers = head
                .lines()
                .skip(1)
                .filter_map(|l| l.split_once(':'))
                .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
                .collect();
            seen.lock().unwrap().push((headers, body));
            let reply = format!("HTTP/1.1 {status} X\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
            let _ = sock.write_all(reply.as_bytes()).await;
        }
    });
    Receiver { url, got }
}

async fn store_with_event() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).await.unwrap();
    let mut tx = store.begin().await.unwrap();
    let row = NewOutbox {
        dedupe_key: "webhook:SO-1:1:expected_delivery:0".into(),
        channel: "webhook".into(),
        order_id: Some("SO-1".into()),
        message: None,
        kind: "order.expected_delivery".into(),
        recipient: "webhook".into(),
        payload: r#"{"type":"order.expected_delivery","order_id":"SO-1","new_value":"2026-11-24"}"#.into(),
        held_reason: None,
    };
    assert!(Store::enqueue(&mut tx, &row).await.unwrap());
    assert!(!Store::enqueue(&mut tx, &row).await.unwrap(), "the same key is queued once");
    tx.commit().await.unwrap();
    (dir, store)
}

fn worker(store: &Store, url: &str, max_attempts: i64) -> OutboxWorker {
    let hook = WebhookChannel::new(WebhookConfig {
        url: url.into(),
        secret: "s3cret".to_string().into(),
        timeout: Duration::from_secs(5),
    })
    .unwrap();
    let cfg = OutboxConfig {
        max_attempts,
        backoff_base: Duration::from_millis(1),
        backoff_max: Duration::from_millis(5),
        ..Default::default()
    };
    OutboxWorker::new(store.clone(), None, Some(hook), cfg)
}

async fn pass_until_quiet(w: &OutboxWorker) {
    for _ in 0..20 {
        w.pass(&CancellationToken::new()).await.unwrap();
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_webhook_answering_500_then_200_is_delivered_once_signed() {
    let r = receiver(vec![500, 200]).await;
    let (_d, store) = store_with_event().await;
    pass_until_quiet(&worker(&store, &r.url, 5)).await;
    let got = r.got.lock().unwrap().clone();
    assert_eq!(got.len(), 2, "one failed attempt, one delivery, nothing after");
    let (headers, body) = &got[1];
    let h = |k: &str| headers.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap();
    let ts: i64 = h("x-mailroom-timestamp").parse().unwrap();
    assert_eq!(h("x-mailroom-signature"), signature("s3cret", ts, body));
    assert_eq!(h("x-mailroom-event"), "order.expected_delivery");
    assert_eq!(
        h("x-mailroom-delivery"),
        got[0].0.iter().find(|(n, _)| n == "x-mailroom-delivery").unwrap().1,
        "retries keep the delivery id"
    );
    let rows = store.outbox(None, 10).await.unwrap();
    assert_eq!((rows[0].state.as_str(), rows[0].attempts), ("sent", 2));
}

#[tokio::test]
async fn a_receiver_that_keeps_failing_dead_letters_the_row_and_retry_resends_it() {
    let r = receiver(vec![503, 503, 503, 200]).await;
    let (_d, store) = store_with_event().await;
    let w = worker(&store, &r.url, 3);
    pass_until_quiet(&w).await;
    let row = &store.outbox(None, 10).await.unwrap()[0];
    assert_eq!((row.state.as_str(), row.attempts), ("dead", 3));
    assert!(row.last_error.as_deref().unwrap().contains("503"));
    assert!(store.outbox_retry(row.id).await.unwrap());
    pass_until_quiet(&w).await;
    assert_eq!(store.outbox(None, 10).await.unwrap()[0].state, "sent");
}

#[tokio::test]
async fn a_4xx_is_final_at_once() {
    let r = receiver(vec![410]).await;
    let (_d, store) = store_with_event().await;
    pass_until_quiet(&worker(&store, &r.url, 5)).await;
    assert_eq!(r.got.lock().unwrap().len(), 1);
    assert_eq!(store.outbox(None, 10).await.unwrap()[0].state, "dead");
}

#[tokio::test]
async fn the_kill_switch_holds_everything_and_releases_it_on_resume() {
    let r = receiver(vec![200]).await;
    let (_d, store) = store_with_event().await;
    let w = worker(&store, &r.url, 5);
    store.set_setting(PAUSED, "true").await.unwrap();
    let stop = CancellationToken::new();
    let run = {
        let stop = stop.clone();
        let w = worker(&store, &r.url, 5);
        tokio::spawn(async move { w.run(&stop).await })
    };
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(r.got.lock().unwrap().is_empty(), "nothing leaves while paused");
    assert_eq!(store.outbox(None, 10).await.unwrap()[0].state, "pending", "held, not lost");
    store.set_setting(PAUSED, "false").await.unwrap();
    tokio::time::sleep(Duration::from_millis(2500)).await;
    stop.cancel();
    run.await.unwrap();
    assert_eq!(r.got.lock().unwrap().len(), 1);
    assert!(w.paused().await.is_ok_and(|p| !p));
}
