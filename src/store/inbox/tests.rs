use std::time::Duration;

use super::*;
use crate::store::test_stores;

fn loc(epoch: u32, key: &str) -> Location {
    Location { source: "imap://ops@mx/INBOX".into(), epoch, key: key.into() }
}

const MAIL: &[u8] = b"From: a@example.com\r\nMessage-ID:\r\n <abc@example.com>\r\nSubject: hi\r\n\r\nbody\r\n";

fn recorded() -> Recorded {
    Recorded { category: "other".into(), decision: "ignore".into(), ..Default::default() }
}

#[test]
fn the_message_id_is_read_from_a_folded_header_and_may_be_missing() {
    assert_eq!(message_id_of(MAIL), "abc@example.com");
    assert_eq!(message_id_of(b"From: a@b\n\nMessage-ID: <not@header>\n"), "");
}

#[tokio::test]
async fn the_same_message_seen_twice_is_stored_once_with_both_locations() {
    for s in test_stores().await {
        let first = s.receive(&loc(7, "1"), MAIL).await.unwrap();
        assert!(first.new);
        // After a UIDVALIDITY change the server numbers it anew.
        let again = s.receive(&loc(8, "41"), MAIL).await.unwrap();
        assert_eq!(again, Stored { message: first.message, new: false });
        assert_eq!(s.claim_pending("test", 10, Duration::from_secs(60)).await.unwrap().len(), 1);
        assert_eq!(s.stored_keys("imap://ops@mx/INBOX", 8).await.unwrap().get("41"), Some(&false));
        // Seeing the same location again changes nothing.
        assert!(!s.receive(&loc(8, "41"), MAIL).await.unwrap().new);
    }
}

#[tokio::test]
async fn a_reused_message_id_with_other_content_is_another_message() {
    for s in test_stores().await {
        let a = s.receive(&loc(1, "1"), MAIL).await.unwrap();
        let other = [MAIL, b"P.S. different"].concat();
        let b = s.receive(&loc(1, "2"), &other).await.unwrap();
        assert!(b.new && a.message != b.message);
    }
}

#[tokio::test]
async fn a_message_is_recorded_processed_only_once() {
    for s in test_stores().await {
        let id = s.receive(&loc(1, "1"), MAIL).await.unwrap().message;
        assert!(s.record_processed(id, &recorded()).await.unwrap());
        assert!(!s.record_processed(id, &recorded()).await.unwrap(), "a second record must be refused");
        assert!(!s.record_failed(id, "late").await.unwrap());
        assert!(s.claim_pending("test", 10, Duration::from_secs(60)).await.unwrap().is_empty());
        let row = s.message(id).await.unwrap().unwrap();
        assert_eq!((row.state, row.attempts), (MessageState::Processed, 1));
    }
}

#[tokio::test]
async fn a_failed_message_is_kept_for_replay_and_requeued_on_request() {
    for s in test_stores().await {
        let id = s.receive(&loc(1, "9"), MAIL).await.unwrap().message;
        assert!(s.record_failed(id, "cannot parse").await.unwrap());
        let row = s.message(id).await.unwrap().unwrap();
        assert_eq!((row.state, row.error.as_deref()), (MessageState::Failed, Some("cannot parse")));
        assert_eq!(s.raw_message(id).await.unwrap().as_deref(), Some(MAIL));
        assert!(s.requeue(id).await.unwrap());
        assert_eq!(s.claim_pending("test", 10, Duration::from_secs(60)).await.unwrap()[0].id, id);
        assert!(!s.requeue(9999).await.unwrap());
    }
}

#[tokio::test]
async fn handled_messages_wait_for_disposition_until_marked() {
    for s in test_stores().await {
        let id = s.receive(&loc(3, "5"), MAIL).await.unwrap().message;
        assert!(s.to_dispose("imap://ops@mx/INBOX", 3).await.unwrap().is_empty(), "not before processing");
        s.record_processed(id, &recorded()).await.unwrap();
        let todo = s.to_dispose("imap://ops@mx/INBOX", 3).await.unwrap();
        assert_eq!(
            todo,
            vec![ToDispose { key: "5".into(), state: MessageState::Processed, decision: Some("ignore".into()) }]
        );
        s.mark_disposed(&loc(3, "5")).await.unwrap();
        assert!(s.to_dispose("imap://ops@mx/INBOX", 3).await.unwrap().is_empty());
        assert_eq!(s.stored_keys("imap://ops@mx/INBOX", 3).await.unwrap().get("5"), Some(&true));
        // Still on the server after all: filed again.
        s.mark_undisposed("imap://ops@mx/INBOX", 3, &["5".to_string()]).await.unwrap();
        assert_eq!(s.to_dispose("imap://ops@mx/INBOX", 3).await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn workers_claim_disjoint_messages_and_take_over_expired_claims() {
    for s in test_stores().await {
        for n in 0..6 {
            let mail = [MAIL, format!("{n}").as_bytes()].concat();
            s.receive(&loc(1, &n.to_string()), &mail).await.unwrap();
        }
        let long = Duration::from_secs(60);
        let a = s.claim_pending("a", 4, long).await.unwrap();
        let b = s.claim_pending("b", 4, long).await.unwrap();
        assert_eq!((a.len(), b.len()), (4, 2), "{:?}", s.backend());
        assert!(a.iter().all(|p| b.iter().all(|q| p.id != q.id)), "no message is claimed twice");
        assert!(a.windows(2).all(|w| w[0].id < w[1].id), "oldest first");
        assert!(s.claim_pending("c", 4, long).await.unwrap().is_empty(), "everything is claimed");
        let held: Vec<(String, i64)> = s.claims().await.unwrap().into_iter().map(|c| (c.owner, c.messages)).collect();
        assert_eq!(held, [("a".to_string(), 4), ("b".to_string(), 2)]);
        // A worker sees its own claims again (it retries after a store error).
        assert_eq!(s.claim_pending("a", 10, long).await.unwrap().len(), 4);

        // Recording a result ends the claim; a crashed worker's claim expires.
        assert!(s.record_processed(a[0].id, &recorded()).await.unwrap());
        let dying = s.claim_pending("dying", 10, Duration::ZERO).await.unwrap();
        assert!(dying.is_empty(), "unexpired claims are not taken");
        let short = s.claim_pending("b", 10, Duration::from_millis(30)).await.unwrap();
        assert_eq!(short.len(), 2);
        tokio::time::sleep(Duration::from_millis(60)).await;
        let taken = s.claim_pending("c", 10, long).await.unwrap();
        assert_eq!(taken.iter().map(|p| p.id).collect::<Vec<_>>(), b.iter().map(|p| p.id).collect::<Vec<_>>());
        // A clean shutdown gives unprocessed claims back at once.
        assert_eq!(s.release_claims("a").await.unwrap(), 3);
        assert_eq!(s.claim_pending("d", 10, long).await.unwrap().len(), 3);
    }
}

#[tokio::test]
async fn concurrent_claimers_never_share_a_message() {
    for s in test_stores().await {
        for n in 0..40 {
            let mail = [MAIL, format!("{n}").as_bytes()].concat();
            s.receive(&loc(1, &n.to_string()), &mail).await.unwrap();
        }
        let claimers = (0..4).map(|w| {
            let s = (*s).clone();
            tokio::spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let got = s.claim_pending(&format!("w{w}"), 3, Duration::from_secs(60)).await.unwrap();
                    if got.is_empty() {
                        return mine;
                    }
                    for p in got {
                        assert!(s.record_processed(p.id, &recorded()).await.unwrap(), "claimed twice: {}", p.id);
                        mine.push(p.id);
                    }
                }
            })
        });
        let mut all: Vec<i64> = Vec::new();
        for c in claimers.collect::<Vec<_>>() {
            all.extend(c.await.unwrap());
        }
        all.sort();
        let before = all.len();
        all.dedup();
        assert_eq!((before, all.len()), (40, 40), "{:?}", s.backend());
    }
}
