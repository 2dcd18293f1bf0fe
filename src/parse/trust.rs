//! Trust signals: who vouches for the sender, and whether a machine wrote it.
//!
//! Input: the decoded top-level headers, the subject, the From mailbox and
//! the top-level Content-Type. Output: [`TrustSignals`]:
//! Authentication-Results verdicts, auto-reply and bounce evidence, list
//! and bulk headers. Unreadable values are skipped, never guessed.

use std::sync::LazyLock;

use regex::Regex;

use crate::domain::{AuthVerdict, Header, Mailbox, TrustSignals};

/// What the top-level Content-Type says about reports.
#[derive(Debug, Default, Clone)]
pub struct ReportType {
    pub is_report: bool,
    pub report_type: Option<String>,
}

pub fn signals(headers: &[Header], subject: &str, from: Option<&Mailbox>, report: ReportType) -> TrustSignals {
    let first = |name: &str| headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)).map(|h| h.value.trim());
    let mut t = TrustSignals {
        authentication: headers
            .iter()
            .filter(|h| h.name.eq_ignore_ascii_case("Authentication-Results"))
            .flat_map(|h| authentication_results(&h.value))
            .collect(),
        auto_submitted: first("Auto-Submitted").map(token).filter(|v| !v.is_empty()),
        precedence: first("Precedence").map(token).filter(|v| !v.is_empty()),
        list_id: first("List-Id").map(list_id).filter(|v| !v.is_empty()),
        list_unsubscribe: first("List-Unsubscribe").is_some(),
        is_report: report.is_report,
        report_type: report.report_type,
        ..TrustSignals::default()
    };
    t.is_auto_reply = auto_reply_headers(headers, &t) || is_auto_reply_subject(subject);
    t.is_auto_generated = !t.is_auto_reply && auto_generated_headers(headers, &t);
    t.is_bounce = t.report_type.as_deref() == Some("delivery-status")
        || (is_failure_subject(subject) && (is_daemon(from) || first("Return-Path") == Some("<>")));
    t
}

/// The value's first token, lower case: `auto-replied; owner=x` → `auto-replied`.
fn token(value: &str) -> String {
    value.split([';', ' ', '\t', '(']).next().unwrap_or("").trim().to_lowercase()
}

/// `Shop News <news.shop.example>` → `news.shop.example`.
fn list_id(value: &str) -> String {
    match (value.rfind('<'), value.rfind('>')) {
        (Some(a), Some(b)) if a < b => value.get(a + 1..b).unwrap_or("").trim().to_string(),
        _ => value.trim().to_string(),
    }
}

/// Method names that report a verdict; other `key=value` pairs in a
/// result (`reason=`, `action=`) are properties.
const METHODS: &[&str] = &[
    "spf",
    "dkim",
    "dmarc",
    "arc",
    "iprev",
    "auth",
    "sender-id",
    "dkim-adsp",
    "dkim-atps",
    "bimi",
    "compauth",
    "rrvs",
    "smime",
    "vbr",
    "domainkeys",
    "x-dkim",
];

/// Verdicts of one Authentication-Results value (RFC 8601): comments in
/// parentheses are dropped, then each `;`-separated result gives its
/// `method=result`. The authserv-id before the first `;` is skipped.
pub fn authentication_results(value: &str) -> Vec<AuthVerdict> {
    static PAIR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\s)([A-Za-z][A-Za-z0-9_-]*)\s*=\s*([A-Za-z][A-Za-z0-9_-]*)").expect("static regex")
    });
    let cleaned = strip_comments(value);
    let mut verdicts = Vec::new();
    for (i, result) in cleaned.split(';').enumerate() {
        for (j, cap) in PAIR.captures_iter(result).enumerate() {
            let method = cap.get(1).map_or("", |m| m.as_str()).to_lowercase();
            let verdict = cap.get(2).map_or("", |m| m.as_str()).to_lowercase();
            // Only the first pair of a result is its verdict, unless a
            // sloppy writer ran several results together without `;`.
            let known = METHODS.contains(&method.as_str()) || method.starts_with("x-");
            if (j == 0 && i > 0) || known {
                let result = if verdict == "hardfail" { "fail".to_string() } else { verdict };
                verdicts.push(AuthVerdict { method, result });
            }
        }
    }
    verdicts
}

/// Removes `( … )` comments (nested, with quoted strings) from a value.
fn strip_comments(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let (mut depth, mut in_quotes, mut escaped) = (0usize, false, false);
    for c in value.chars() {
        if escaped {
            escaped = false;
            if depth == 0 {
                out.push(c);
            }
            continue;
        }
        match c {
            '\\' => escaped = true,
            '"' => in_quotes = !in_quotes,
            '(' if !in_quotes => depth += 1,
            ')' if !in_quotes && depth > 0 => {
                depth -= 1;
                out.push(' ');
                continue;
            }
            _ => {}
        }
        if depth == 0 && c != '(' {
            out.push(c);
        }
    }
    out
}

fn auto_reply_headers(headers: &[Header], t: &TrustSignals) -> bool {
    // RFC 3834: `auto-replied` answers a message; `auto-generated` is a
    // notification (carriers' notices carry it) and is not a reply.
    if t.auto_submitted.as_deref().is_some_and(|v| v != "no" && !is_notification(v)) {
        return true;
    }
    if matches!(t.precedence.as_deref(), Some("auto_reply" | "auto-reply")) {
        return true;
    }
    headers.iter().any(|h| {
        let name = h.name.to_ascii_lowercase();
        let value = h.value.trim().to_ascii_lowercase();
        match name.as_str() {
            "x-autoreply" | "x-autorespond" | "x-autoresponder" | "x-autoreply-from" | "x-mail-autoreply"
            | "x-auto-reply" => !matches!(value.as_str(), "no" | "false" | "0"),
            "x-autogenerated" => value.contains("reply"),
            // Exchange puts "All" on any automatic mail; only OOF and
            // AutoReply mark a reply.
            "x-auto-response-suppress" => ["oof", "autoreply"].iter().any(|v| value.contains(v)),
            "x-precedence" => value.contains("auto_reply"),
            "x-post-messageclass" => value.contains("autoresponder"),
            "delivered-to" => value.contains("autoresponder"),
            _ => false,
        }
    })
}

/// `auto-generated` and `auto-notified`: automatic, but not replies.
fn is_notification(auto_submitted: &str) -> bool {
    matches!(auto_submitted, "auto-generated" | "auto-notified")
}

/// Automatic mail that is not a reply: RFC 3834 notifications and
/// Exchange's blanket X-Auto-Response-Suppress: All.
fn auto_generated_headers(headers: &[Header], t: &TrustSignals) -> bool {
    t.auto_submitted.as_deref().is_some_and(is_notification)
        || headers.iter().any(|h| {
            h.name.eq_ignore_ascii_case("x-auto-response-suppress") && h.value.to_ascii_lowercase().contains("all")
        })
}

/// Prefixes Outlook, Exchange and webmail put on automatic replies.
fn is_auto_reply_subject(subject: &str) -> bool {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(automatic reply|auto[- ]?reply|autoreply|auto response|out of (the )?office( reply| autoreply)?|abwesenheitsnotiz|automatische antwort|réponse automatique|respuesta automática|automatisch antwoord|resposta automática|risposta automatica|balasan otomatis|automatiskt svar|autosvar|स्वचालित उत्तर)\s*[:：]")
            .expect("static regex")
    });
    PREFIX.is_match(subject)
}

fn is_failure_subject(subject: &str) -> bool {
    static FAILURE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)undeliver|not (be )?delivered|delivery (status notification|failure|has failed|failed|problem)|mail delivery failed|failure notice|returned mail|returned to sender|delivery incomplete|could not be delivered|unzustellbar|nicht zugestellt|non remis|non distribuable|no se puede entregar|no entregado|onbestelbaar|non recapitabile|não é possível entregar|não entregue|tidak terkirim|gagal terkirim")
            .expect("static regex")
    });
    FAILURE.is_match(subject)
}

/// The usual senders of bounces.
fn is_daemon(from: Option<&Mailbox>) -> bool {
    let Some(from) = from else { return false };
    let local = from.address_lc().split('@').next().unwrap_or("").to_string();
    let name = from.name.as_deref().unwrap_or("").to_lowercase();
    matches!(local.as_str(), "mailer-daemon" | "mailer_daemon" | "mailerdaemon" | "postmaster" | "mail-daemon")
        || local.starts_with("microsoftexchange")
        || name.contains("mail delivery")
        || name.contains("mailer-daemon")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdicts(value: &str) -> Vec<(String, String)> {
        authentication_results(value).into_iter().map(|v| (v.method, v.result)).collect()
    }

    fn pair(m: &str, r: &str) -> (String, String) {
        (m.to_string(), r.to_string())
    }

    #[test]
    fn authentication_results_give_one_verdict_per_method() {
        let v = verdicts(
            "mx.example; spf=pass smtp.mailfrom=shop.example; dkim=fail (bad signature) header.d=shop.example; dmarc=fail (p=reject) header.from=shop.example",
        );
        assert_eq!(v, vec![pair("spf", "pass"), pair("dkim", "fail"), pair("dmarc", "fail")]);
    }

    #[test]
    fn gmail_style_results_with_comments_and_folding_are_read() {
        let v = verdicts(
            "mx.google.com;       dkim=none;       spf=softfail (google.com: domain of transitioning x@y.com does not designate 1.2.3.4 as permitted sender; yes) smtp.mailfrom=x@y.com;       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=y.com",
        );
        assert_eq!(v, vec![pair("dkim", "none"), pair("spf", "softfail"), pair("dmarc", "pass")]);
    }

    #[test]
    fn microsoft_results_keep_properties_out() {
        let v = verdicts(
            "spf=pass (sender IP is 1.2.3.4) smtp.mailfrom=x.com; dkim=pass header.d=x.com;dmarc=bestguesspass action=none header.from=x.com;compauth=pass reason=109",
        );
        assert_eq!(
            v,
            vec![pair("spf", "pass"), pair("dkim", "pass"), pair("dmarc", "bestguesspass"), pair("compauth", "pass")]
        );
    }

    #[test]
    fn a_result_of_none_for_the_whole_message_is_skipped() {
        assert!(verdicts("example.org 1; none").is_empty());
    }
}
