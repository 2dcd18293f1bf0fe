//! The pages: the queue, approvals, one item, one order, the dashboard.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::AppState;
use super::auth::Authed;
use crate::domain::Category;
use crate::store::{QueueFilter, QueueItem, StoreError};

/// A store failure as a page: logged, 503.
pub fn unavailable(e: StoreError) -> Response {
    tracing::error!(error = %e, "the database failed while serving a page");
    (StatusCode::SERVICE_UNAVAILABLE, "the database is not answering; try again").into_response()
}

/// How long ago an item arrived ("35m", "5h", "3d") and whether that is
/// past the queue's target.
fn age(received_at: &str, target: std::time::Duration) -> (String, bool) {
    let Ok(t) = chrono::DateTime::parse_from_rfc3339(received_at) else { return (String::new(), false) };
    let d = chrono::Utc::now() - t.to_utc();
    let text = match d.num_minutes() {
        m if m < 60 => format!("{}m", m.max(0)),
        m if m < 48 * 60 => format!("{}h", m / 60),
        m => format!("{}d", m / (24 * 60)),
    };
    (text, d.to_std().unwrap_or_default() > target)
}

#[derive(Debug, Serialize)]
struct Row {
    #[serde(flatten)]
    item: QueueItem,
    age: String,
    late: bool,
}

fn rows(items: Vec<QueueItem>, target: std::time::Duration) -> Vec<Row> {
    items
        .into_iter()
        .map(|item| {
            let (age, late) = age(&item.received_at, target);
            Row { item, age, late }
        })
        .collect()
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct QueueQuery {
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    brand: Option<String>,
    /// `late`: only items older than the target.
    #[serde(default)]
    age: Option<String>,
    #[serde(default)]
    assignee: Option<String>,
}

fn given(s: &Option<String>) -> Option<String> {
    s.as_ref().map(|v| v.trim().to_string()).filter(|v| !v.is_empty() && v != "all")
}

pub async fn queue(State(state): State<AppState>, who: Authed, Query(q): Query<QueueQuery>) -> Response {
    list(&state, &who, q, false).await
}

pub async fn approvals(State(state): State<AppState>, who: Authed) -> Response {
    list(&state, &who, QueueQuery { state: Some("open".into()), ..Default::default() }, true).await
}

async fn list(state: &AppState, who: &Authed, q: QueueQuery, awaiting: bool) -> Response {
    let target = state.cfg.queue_target;
    let late_before = (chrono::Utc::now() - chrono::Duration::from_std(target).unwrap_or_default()).to_rfc3339();
    let filter = QueueFilter {
        state: if q.state.is_none() { Some("open".into()) } else { given(&q.state) },
        category: given(&q.category),
        brand: given(&q.brand),
        assignee: given(&q.assignee),
        awaiting,
        received_before: (q.age.as_deref() == Some("late")).then_some(late_before),
        limit: 500,
    };
    let (items, counts) = match (state.store.queue(&filter).await, state.store.queue_counts().await) {
        (Ok(i), Ok(c)) => (i, c),
        (Err(e), _) | (_, Err(e)) => return unavailable(e),
    };
    let brands: Vec<String> = state.resolver.brands.0.iter().map(|b| b.name.clone()).collect();
    state.page(
        "queue.html",
        json!({
            "user": who.user, "csrf": who.csrf, "awaiting": awaiting, "rows": rows(items, target), "counts": counts,
            "filter": q, "categories": categories(), "brands": brands,
            "target_hours": target.as_secs_f64() / 3600.0,
        }),
    )
}

pub async fn item(State(state): State<AppState>, who: Authed, Path(id): Path<i64>) -> Response {
    let item = match state.store.queue_item(id).await {
        Ok(Some(i)) => i,
        Ok(None) => return (StatusCode::NOT_FOUND, "no such item").into_response(),
        Err(e) => return unavailable(e),
    };
    let mut triage: serde_json::Value = match state.store.triage_of(id).await {
        Ok(t) => t.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default(),
        Err(e) => return unavailable(e),
    };
    // A record without a triage (parked, or older) still renders.
    if !triage["email"]["from"].is_object() {
        triage = json!({ "email": { "from": {}, "newest_text": "(the triage of this message was not recorded)" },
                         "classification": { "evidence": [] }, "model": {} });
    }
    let (events, notices) = match &item.order_id {
        Some(o) => match (state.store.order_events(o).await, state.store.outbox_of_order(o).await) {
            (Ok(e), Ok(n)) => (e, n),
            (Err(e), _) | (_, Err(e)) => return unavailable(e),
        },
        None => (Vec::new(), Vec::new()),
    };
    let audit = match state.store.audit_trail(Some(id), None).await {
        Ok(a) => a,
        Err(e) => return unavailable(e),
    };
    let awaiting = match state.store.actions("awaiting").await {
        Ok(a) => a.into_iter().find(|a| a.message == id).and_then(|a| {
            let action: crate::decide::Action = serde_json::from_str(&a.action).ok()?;
            Some(action.describe(&a.order_id))
        }),
        Err(e) => return unavailable(e),
    };
    // What a person could apply after checking (triage again: the rules are
    // deterministic and a model's answer comes from the cache).
    let suggested = match state.store.raw_message(id).await {
        Ok(Some(raw)) => crate::pipeline::triage(&raw, &state.engine, &state.store)
            .await
            .ok()
            .filter(|_| awaiting.is_none())
            .and_then(|t| crate::review::suggestion(&t).map(|a| a.describe(t.link.order_id().unwrap_or("-")))),
        Ok(None) => None,
        Err(e) => return unavailable(e),
    };
    let (age, late) = age(&item.received_at, state.cfg.queue_target);
    let open = matches!(item.state.as_str(), "open" | "in_progress");
    state.page(
        "item.html",
        json!({
            "user": who.user, "csrf": who.csrf, "item": item, "triage": triage, "events": events, "notices": notices,
            "audit": audit, "awaiting": awaiting, "suggested": suggested, "age": age, "late": late, "open": open,
            "categories": categories(),
        }),
    )
}

pub async fn order(State(state): State<AppState>, who: Authed, Path(id): Path<String>) -> Response {
    let order = match state.store.order(&id).await {
        Ok(Some(o)) => o,
        Ok(None) => return (StatusCode::NOT_FOUND, "no such order").into_response(),
        Err(e) => return unavailable(e),
    };
    let (events, notices, audit) = match (
        state.store.order_events(&id).await,
        state.store.outbox_of_order(&id).await,
        state.store.audit_trail(None, Some(&id)).await,
    ) {
        (Ok(e), Ok(n), Ok(a)) => (e, n, a),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return unavailable(e),
    };
    state.page(
        "order.html",
        json!({ "user": who.user, "csrf": who.csrf, "order": order, "events": events, "notices": notices, "audit": audit }),
    )
}

/// One day's bar: messages per decision, stacked.
#[derive(Debug, Serialize)]
struct DayBar {
    day: String,
    x: u32,
    /// (decision, y, height, count, colour)
    segments: Vec<(String, f64, f64, i64, &'static str)>,
    total: i64,
}

pub async fn dashboard(State(state): State<AppState>, who: Authed) -> Response {
    let since = (chrono::Utc::now() - chrono::Duration::days(13)).format("%Y-%m-%d").to_string();
    let (daily, all, counts, oldest) = match (
        state.store.volume(&since).await,
        state.store.volume("").await,
        state.store.queue_counts().await,
        state.store.oldest_open_item().await,
    ) {
        (Ok(d), Ok(a), Ok(c), Ok(o)) => (d, a, c, o),
        (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) | (.., Err(e)) => return unavailable(e),
    };
    // Messages per day and decision, as stacked SVG bars (no script).
    let days: Vec<String> =
        (0..14).map(|n| (chrono::Utc::now() - chrono::Duration::days(13 - n)).format("%Y-%m-%d").to_string()).collect();
    let per = |day: &str, decision: &str| -> i64 {
        daily.iter().filter(|v| v.day == day && v.decision == decision).map(|v| v.n).sum()
    };
    let totals: Vec<i64> = days.iter().map(|d| daily.iter().filter(|v| &v.day == d).map(|v| v.n).sum()).collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1);
    let height = 160.0;
    let bars: Vec<DayBar> = days
        .iter()
        .enumerate()
        .map(|(i, day)| {
            let mut y = height;
            let mut segments = Vec::new();
            for (decision, colour) in [
                ("auto", "#12b76a"),
                ("escalate", "#f79009"),
                ("ignore", "#98a2b3"),
                ("failed", "#f04438"),
                ("received", "#2f5bea"),
            ] {
                let n = per(day, decision);
                if n > 0 {
                    let h = n as f64 / max as f64 * height;
                    y -= h;
                    segments.push((decision.to_string(), y, h, n, colour));
                }
            }
            DayBar { day: day[5..].to_string(), x: 40 + i as u32 * 44, segments, total: totals[i] }
        })
        .collect();
    // Totals per category and decision, and the automation rate.
    let mut categories: Vec<(String, i64, i64, i64)> = Vec::new();
    for v in &all {
        let i = match categories.iter().position(|c| c.0 == v.category) {
            Some(i) => i,
            None => {
                categories.push((v.category.clone(), 0, 0, 0));
                categories.len() - 1
            }
        };
        match v.decision.as_str() {
            "auto" => categories[i].1 += v.n,
            "escalate" => categories[i].2 += v.n,
            "ignore" => categories[i].3 += v.n,
            _ => {}
        }
    }
    categories.sort_by_key(|c| -(c.1 + c.2 + c.3));
    let decided: i64 = categories.iter().map(|c| c.1 + c.2 + c.3).sum();
    let auto: i64 = categories.iter().map(|c| c.1).sum();
    let automation = if decided > 0 { 100.0 * auto as f64 / decided as f64 } else { 0.0 };
    let widest = categories.iter().map(|c| c.1 + c.2 + c.3).max().unwrap_or(1).max(1);
    let waiting: i64 = counts.iter().filter(|(s, _)| s == "open" || s == "in_progress").map(|(_, n)| n).sum();
    let oldest = oldest.map(|t| age(&t, state.cfg.queue_target));
    state.page(
        "dashboard.html",
        json!({
            "user": who.user, "csrf": who.csrf, "bars": bars, "max": max, "categories": categories, "widest": widest,
            "decided": decided, "auto": auto, "automation": format!("{automation:.1}"), "counts": counts,
            "waiting": waiting, "oldest": oldest,
        }),
    )
}

fn categories() -> Vec<&'static str> {
    Category::ALL.iter().map(|c| c.as_str()).collect()
}
