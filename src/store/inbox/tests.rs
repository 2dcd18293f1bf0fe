use super::*;

fn loc(epoch: u32, key: &str) -> Location {
    Location { source: "imap://ops@mx/INBOX".into(), epoch, key: key.into() }
}

const MAIL: &[u8] = b"From: a@example.com\r\nMessage-ID:\r\n <abc@example.com>\r\nSubject: hi\r\n\r\nbody\r\n";

async fn store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    (Store::open_in(dir.path()).await.unwrap(), dir)
}

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
    let (s, _d) = store().await;
    let first = s.receive(&loc(7, "1"), MAIL).await.unwrap();
    assert!(first.new);
    // After a UIDVALIDITY change the server numbers it anew.
    let again = s.receive(&loc(8, "41"), MAIL).await.unwrap();
    assert_eq!(again, Stored { message: first.message, new: false });
    assert_eq!(s.pending(10).await.unwrap().len(), 1);
    assert!(s.known_keys("imap://ops@mx/INBOX", 8).await.unwrap().contains("41"));
    // Seeing the same location again changes nothing.
    assert!(!s.receive(&loc(8, "41"), MAIL).await.unwrap().new);
}

#[tokio::test]
async fn a_reused_message_id_with_other_content_is_another_message() {
    let (s, _d) = store().await;
    let a = s.receive(&loc(1, "1"), MAIL).await.unwrap();
    let other = [MAIL, b"P.S. different"].concat();
    let b = s.receive(&loc(1, "2"), &other).await.unwrap();
    assert!(b.new && a.message != b.message);
}

#[tokio::test]
async fn a_message_is_recorded_processed_only_once() {
    let (s, _d) = store().await;
    let id = s.receive(&loc(1, "1"), MAIL).await.unwrap().message;
    assert!(s.record_processed(id, &recorded()).await.unwrap());
    assert!(!s.record_processed(id, &recorded()).await.unwrap(), "a second record must be refused");
    assert!(!s.record_failed(id, "late").await.unwrap());
    assert!(s.pending(10).await.unwrap().is_empty());
    let row = s.message(id).await.unwrap().unwrap();
    assert_eq!((row.state, row.attempts), (MessageState::Processed, 1));
}

#[tokio::test]
async fn a_failed_message_is_kept_for_replay_and_requeued_on_request() {
    let (s, _d) = store().await;
    let id = s.receive(&loc(1, "9"), MAIL).await.unwrap().message;
    assert!(s.record_failed(id, "cannot parse").await.unwrap());
    let row = s.message(id).await.unwrap().unwrap();
    assert_eq!((row.state, row.error.as_deref()), (MessageState::Failed, Some("cannot parse")));
    assert_eq!(s.raw_message(id).await.unwrap().as_deref(), Some(MAIL));
    assert!(s.requeue(id).await.unwrap());
    assert_eq!(s.pending(10).await.unwrap()[0].id, id);
    assert!(!s.requeue(9999).await.unwrap());
}

#[tokio::test]
async fn handled_messages_wait_for_disposition_until_marked() {
    let (s, _d) = store().await;
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
}
