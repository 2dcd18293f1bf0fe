//! Waiting for mail: IDLE when the server offers it, otherwise a
//! cancellable sleep.
//!
//! IDLE returns `NewMail` on EXISTS/RECENT, `Timeout` at
//! `min(max, idle_renew)` and `Shutdown` when the token is cancelled; in
//! every case DONE is sent and answered before returning, so the session
//! stays usable. Mail announced during an earlier command returns
//! `NewMail` at once. Failure: the stream ending, `* BYE` or a DONE that is
//! not answered in time lose the session.

use std::time::Duration;

use async_imap::imap_proto::{MailboxDatum, Response, Status};
use async_imap::types::UnsolicitedResponse;
use futures::StreamExt;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::super::{SourceError, Woken};
use super::error::Ctx;
use super::session::Live;

/// How to wait, from the configuration.
#[derive(Debug, Clone, Copy)]
pub(super) struct WaitPlan {
    pub use_idle: bool,
    pub idle_renew: Duration,
    pub poll_interval: Duration,
}

pub(super) async fn wait(
    mut live: Live,
    ctx: &Ctx,
    plan: WaitPlan,
    max: Duration,
    shutdown: &CancellationToken,
) -> Result<(Woken, Live), SourceError> {
    live.drain();
    if shutdown.is_cancelled() {
        return Ok((Woken::Shutdown, live));
    }
    if live.state.new_mail {
        return Ok((Woken::NewMail, live));
    }
    if !(plan.use_idle && live.state.caps.idle) {
        let woken = tokio::select! {
            _ = shutdown.cancelled() => Woken::Shutdown,
            _ = tokio::time::sleep(max.min(plan.poll_interval)) => Woken::Timeout,
        };
        return Ok((woken, live));
    }
    idle(live, ctx, max.min(plan.idle_renew), shutdown).await
}

/// What one response read during IDLE means.
enum Heard {
    NewMail,
    Gone(String),
    Nothing,
}

fn hear(response: &Response<'_>) -> Heard {
    match response {
        Response::MailboxData(MailboxDatum::Exists(_) | MailboxDatum::Recent(_)) => Heard::NewMail,
        Response::Data { status: Status::Bye, outcome } => {
            Heard::Gone(format!("server said BYE: {}", outcome.information.as_deref().unwrap_or("")))
        }
        // A tagged reply ends IDLE from the server's side: DONE would fail.
        Response::Done { status, .. } => Heard::Gone(format!("server ended IDLE with {status:?}")),
        // "* OK Still here", EXPUNGE, flag FETCHes: keep waiting.
        _ => Heard::Nothing,
    }
}

async fn idle(
    live: Live,
    ctx: &Ctx,
    limit: Duration,
    shutdown: &CancellationToken,
) -> Result<(Woken, Live), SourceError> {
    let Live { imap, state } = live;
    // IDLE setup routes responses that precede its "+" here.
    let early = imap.unsolicited_responses.clone();
    let mut handle = imap.idle();
    ctx.io("idle", handle.init()).await?;
    let announced = std::iter::from_fn(|| early.try_recv().ok())
        .any(|r| matches!(r, UnsolicitedResponse::Exists(_) | UnsolicitedResponse::Recent(_)));
    let deadline = Instant::now() + limit;
    let woken = if announced {
        Woken::NewMail
    } else {
        loop {
            let next = tokio::select! {
                biased;
                _ = shutdown.cancelled() => break Woken::Shutdown,
                _ = tokio::time::sleep_until(deadline) => break Woken::Timeout,
                // Cancel-safe: a partly read response stays buffered in
                // the stream.
                next = handle.next() => next,
            };
            let response = match next {
                None => return Err(ctx.lost("idle", "connection closed by the server")),
                Some(Err(e)) => return Err(ctx.lost("idle", e)),
                Some(Ok(response)) => response,
            };
            match hear(response.parsed()) {
                Heard::NewMail => break Woken::NewMail,
                Heard::Gone(reason) => return Err(ctx.lost("idle", reason)),
                Heard::Nothing => {}
            }
        }
    };
    let imap = ctx.io("idle done", handle.done()).await?;
    // More EXISTS may arrive before DONE is answered; they land in the
    // channel and the next drain sees them.
    let mut live = Live { imap, state };
    live.drain();
    if woken == Woken::NewMail {
        live.state.new_mail = false;
    }
    Ok((woken, live))
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use async_imap::imap_proto::{Outcome, RequestId};

    use super::*;

    fn outcome(text: &'static str) -> Outcome<'static> {
        Outcome { code: None, information: Some(Cow::Borrowed(text)) }
    }

    #[test]
    fn exists_and_recent_are_new_mail() {
        assert!(matches!(hear(&Response::MailboxData(MailboxDatum::Exists(4))), Heard::NewMail));
        assert!(matches!(hear(&Response::MailboxData(MailboxDatum::Recent(1))), Heard::NewMail));
    }

    #[test]
    fn keepalives_and_expunges_keep_the_wait_going() {
        let still_here = Response::Data { status: Status::Ok, outcome: outcome("Still here") };
        assert!(matches!(hear(&still_here), Heard::Nothing));
        assert!(matches!(hear(&Response::Expunge(2)), Heard::Nothing));
    }

    #[test]
    fn bye_or_a_tagged_reply_ends_the_session() {
        let bye = Response::Data { status: Status::Bye, outcome: outcome("Server shutting down.") };
        assert!(matches!(hear(&bye), Heard::Gone(r) if r.contains("shutting down")));
        let done = Response::Done { tag: RequestId("A1".into()), status: Status::Bad, outcome: outcome("x") };
        assert!(matches!(hear(&done), Heard::Gone(_)));
    }
}
