//! A tokens-per-minute budget shared by every call to one endpoint.
//!
//! Providers refuse (429) past their per-minute token quota; waiting here
//! first is cheaper than being refused. A fixed one-minute window is enough:
//! the provider's own limit is the real guard, this only keeps mailroom
//! under it at festival peaks.

use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

const WINDOW: Duration = Duration::from_secs(60);

#[derive(Debug)]
pub struct TokenBudget {
    per_minute: u32,
    window: Mutex<(Instant, u64)>,
}

impl TokenBudget {
    /// `per_minute` 0 means unlimited.
    pub fn new(per_minute: u32) -> TokenBudget {
        TokenBudget { per_minute, window: Mutex::new((Instant::now(), 0)) }
    }

    /// Wait until `tokens` fit in the current window, then book them. A
    /// request larger than the whole budget waits for a fresh window and
    /// goes alone rather than never.
    pub async fn reserve(&self, tokens: u32) {
        if self.per_minute == 0 {
            return;
        }
        loop {
            let mut w = self.window.lock().await;
            let now = Instant::now();
            if now.duration_since(w.0) >= WINDOW {
                *w = (now, 0);
            }
            if w.1 == 0 || w.1 + tokens as u64 <= self.per_minute as u64 {
                w.1 += tokens as u64;
                return;
            }
            let wake = w.0 + WINDOW;
            drop(w);
            tokio::time::sleep_until(wake).await;
        }
    }

    /// Correct the booking once the provider reports what was used.
    pub async fn settle(&self, booked: u32, used: u32) {
        if self.per_minute == 0 {
            return;
        }
        let mut w = self.window.lock().await;
        w.1 = (w.1 + used as u64).saturating_sub(booked as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_call_past_the_budget_waits_for_the_next_minute() {
        let b = TokenBudget::new(1_000);
        let start = Instant::now();
        b.reserve(600).await;
        b.reserve(300).await;
        assert!(start.elapsed() < Duration::from_secs(1));
        b.reserve(300).await;
        assert!(start.elapsed() >= WINDOW, "the third call had to wait for a new window");
    }

    #[tokio::test(start_paused = true)]
    async fn settling_returns_unused_tokens() {
        let b = TokenBudget::new(1_000);
        let start = Instant::now();
        b.reserve(900).await;
        b.settle(900, 200).await;
        b.reserve(700).await;
        assert!(start.elapsed() < Duration::from_secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn no_budget_never_waits_and_an_oversized_call_still_goes() {
        let b = TokenBudget::new(0);
        b.reserve(u32::MAX).await;
        let b = TokenBudget::new(100);
        let start = Instant::now();
        b.reserve(500).await;
        assert!(start.elapsed() < Duration::from_secs(1));
    }
}
