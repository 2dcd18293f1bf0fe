//! Sharing the work between instances: who polls which mailbox.
//!
//! Every instance renews a heartbeat (`instance:ID`) and, for each mailbox
//! it is configured with, tries to hold that mailbox's lease
//! (`mailbox:SOURCE`). Exactly one instance polls a mailbox at a time; a
//! holder that dies stops renewing and another instance takes the mailbox
//! once the lease expires. An instance takes no more than its fair share
//! (mailboxes divided by live instances, rounded up) and gives one back
//! when it holds more, so several mailboxes spread over the instances.
//! Processing is shared separately, message by message
//! ([`crate::store::Store::claim_pending`]).

use std::time::{Duration, Instant};

use crate::store::{Store, StoreError};

/// This process's name among the instances: `MAILROOM_INSTANCE`, else the
/// host name. A restarted instance keeps its name, so it takes its own
/// unexpired leases and claims back at once instead of waiting them out.
/// Two instances on one host need their own `MAILROOM_INSTANCE`.
pub fn default_instance() -> String {
    if let Ok(id) = std::env::var("MAILROOM_INSTANCE")
        && !id.trim().is_empty()
    {
        return id.trim().to_string();
    }
    std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "mailroom".into())
}

/// How instances share work.
#[derive(Debug, Clone)]
pub struct Sharing {
    /// This instance's name (see [`default_instance`]).
    pub instance: String,
    /// How long a mailbox lease and a heartbeat last unrenewed: the longest
    /// a dead poller's mailbox waits for another instance.
    pub lease_ttl: Duration,
    /// How long a claimed message stays claimed unprocessed: the longest a
    /// dead instance's claimed messages wait for another.
    pub claim_ttl: Duration,
    /// How many mailboxes the instances share (each has the same list).
    pub mailboxes: usize,
}

impl Default for Sharing {
    fn default() -> Self {
        Sharing {
            instance: default_instance(),
            lease_ttl: Duration::from_secs(30),
            claim_ttl: Duration::from_secs(300),
            mailboxes: 1,
        }
    }
}

impl Sharing {
    /// How often leases are renewed (and a standby instance looks again).
    pub fn renew_every(&self) -> Duration {
        self.lease_ttl / 3
    }
}

/// One mailbox's lease as one agent holds it.
pub struct MailboxLease {
    store: Store,
    sharing: Sharing,
    name: String,
    held: bool,
    renewed: Option<Instant>,
}

impl MailboxLease {
    pub fn new(store: Store, sharing: Sharing, source: &str) -> MailboxLease {
        MailboxLease { store, sharing, name: format!("mailbox:{source}"), held: false, renewed: None }
    }

    pub fn is_held(&self) -> bool {
        self.held
    }

    /// Renew the heartbeat, then take or renew this mailbox's lease when
    /// this instance's fair share allows it (giving it back when this
    /// instance holds more than its share). True while held.
    pub async fn hold(&mut self) -> Result<bool, StoreError> {
        self.renewed = Some(Instant::now());
        let s = &self.sharing;
        self.store.acquire_lease(&format!("instance:{}", s.instance), &s.instance, s.lease_ttl).await?;
        let live = self.store.live_leases("instance:").await?.len().max(1);
        let share = s.mailboxes.max(1).div_ceil(live);
        let mine: Vec<String> = self
            .store
            .live_leases("mailbox:")
            .await?
            .into_iter()
            .filter(|l| l.holder == s.instance)
            .map(|l| l.name)
            .collect();
        let have = mine.contains(&self.name);
        // Over the share: the last of this instance's mailboxes is given up.
        if have && mine.len() > share && mine.last() == Some(&self.name) {
            tracing::info!(lease = %self.name, share, instances = live, "handing this mailbox to another instance");
            self.release().await?;
            return Ok(false);
        }
        if !have && mine.len() >= share {
            self.held = false;
            return Ok(false);
        }
        let got = self.store.acquire_lease(&self.name, &s.instance, s.lease_ttl).await?;
        if got != self.held {
            if got {
                tracing::info!(lease = %self.name, instance = %s.instance, "polling this mailbox");
            } else {
                tracing::warn!(lease = %self.name, "another instance polls this mailbox now");
            }
        }
        self.held = got;
        Ok(got)
    }

    /// Renew (the heartbeat, and the lease when held) once a third of the
    /// lease has passed since the last time; false when the lease is not
    /// held, or was lost (renewed too late, and another instance took it).
    pub async fn keep(&mut self) -> Result<bool, StoreError> {
        if self.renewed.is_some_and(|t| t.elapsed() < self.sharing.renew_every()) {
            return Ok(self.held);
        }
        self.hold().await
    }

    /// Give the mailbox up at once (shutdown): another instance need not
    /// wait for the lease to expire.
    pub async fn release(&mut self) -> Result<(), StoreError> {
        self.held = false;
        self.renewed = None;
        self.store.release_lease(&self.name, &self.sharing.instance).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_stores;

    fn sharing(instance: &str, ttl_ms: u64) -> Sharing {
        Sharing {
            instance: instance.into(),
            lease_ttl: Duration::from_millis(ttl_ms),
            claim_ttl: Duration::from_secs(60),
            mailboxes: 2,
        }
    }

    #[tokio::test]
    async fn mailboxes_spread_over_instances_and_a_dead_pollers_mailbox_is_taken_over() {
        for store in test_stores().await {
            let ttl = 1500;
            let lease = |i: &str, m: &str| MailboxLease::new((*store).clone(), sharing(i, ttl), m);
            let (mut a1, mut a2) = (lease("a", "one"), lease("a", "two"));
            // Alone, instance a polls both mailboxes.
            assert!(a1.hold().await.unwrap() && a2.hold().await.unwrap(), "{:?}", store.backend());
            // b joins: a holds more than its share and gives the last one up.
            let (mut b1, mut b2) = (lease("b", "one"), lease("b", "two"));
            assert!(!b1.hold().await.unwrap() && !b2.hold().await.unwrap(), "both still held by a");
            assert!(a1.hold().await.unwrap());
            assert!(!a2.hold().await.unwrap(), "over its share, a hands mailbox two over");
            assert!(!a2.hold().await.unwrap(), "and does not take it back");
            assert!(b2.hold().await.unwrap());
            assert!(!b1.hold().await.unwrap(), "one is a's");

            // a dies (stops renewing): once its leases expire, b takes one too.
            tokio::time::sleep(Duration::from_millis(ttl + 100)).await;
            assert!(b2.hold().await.unwrap());
            assert!(b1.hold().await.unwrap(), "the dead instance's mailbox is taken over");
            let holders: Vec<_> = store.live_leases("mailbox:").await.unwrap().into_iter().map(|l| l.holder).collect();
            assert_eq!(holders, ["b", "b"]);

            // A clean shutdown hands over at once.
            b1.release().await.unwrap();
            let mut c1 = lease("c", "one");
            assert!(c1.hold().await.unwrap());
        }
    }
}
