//! The HTTP side of the model tier: one OpenAI-compatible chat-completions
//! endpoint through async-openai, with mailroom's own timeout, retries,
//! concurrency limit and token budget.
//!
//! async-openai's built-in retry layer is replaced: it honours Retry-After
//! only in whole seconds, does not retry a timeout and fails at once on a
//! 429 whose body is not JSON. Here a small tower service turns every
//! non-2xx answer into [`HttpStatus`] (status, Retry-After, body as text),
//! and [`LlmClient::complete`] decides what is retried and how long to wait.

use std::future::Future;
use std::time::Duration;

use async_openai::Client;
use async_openai::config::OpenAIConfig;
use async_openai::error::OpenAIError;
use async_openai::middleware::{HttpRequestFactory, ReqwestService};
use async_openai::types::chat::{
    ChatCompletionRequestMessage, ChatCompletionRequestSystemMessage, ChatCompletionRequestUserMessage,
    CreateChatCompletionRequestArgs,
};
use async_openai::types::chat::{ResponseFormat, ResponseFormatJsonSchema};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use tokio::sync::Semaphore;
use tower::ServiceExt;

use super::budget::TokenBudget;
use super::settings::LlmSettings;

/// Why a call to the model gave no usable answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum CallError {
    #[error("no answer within {0} ms")]
    Timeout(u64),
    #[error("rate limited (HTTP 429)")]
    RateLimited,
    #[error("server error (HTTP {0})")]
    Server(u16),
    /// A 4xx other than 429: the request itself is wrong; not retried.
    #[error("request refused (HTTP {0}): {1}")]
    Refused(u16, String),
    #[error("cannot reach the endpoint: {0}")]
    Connection(String),
    #[error("malformed response: {0}")]
    Malformed(String),
    /// The model declined to answer (the `refusal` field).
    #[error("the model refused: {0}")]
    ModelRefusal(String),
    #[error("answer breaks the schema: {0}")]
    Schema(String),
    /// `eval --replay` and the exchange is not in the recording.
    #[error("not in the recording (no network in replay)")]
    NotRecorded,
}

impl CallError {
    fn retryable(&self) -> bool {
        !matches!(self, CallError::Refused(..) | CallError::ModelRefusal(_) | CallError::NotRecorded)
    }
}

/// A usable answer and what it cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// The assistant message's content, as sent.
    pub content: String,
    pub prompt_tokens: u32,
    pub completion_tokens: u32,
}

/// The outcome of [`LlmClient::complete`]: the parsed answer or the last
/// error, with the attempts made and the tokens spent either way.
#[derive(Debug, Clone)]
pub struct Completion<T> {
    pub result: Result<(T, Reply), CallError>,
    pub attempts: u32,
    pub prompt_tokens: u32,
    pub completion_tokens: u32,
}

/// What one request asks for.
#[derive(Debug, Clone, Serialize)]
pub struct Request {
    pub system: String,
    pub user: String,
    /// A JSON schema the answer must follow (`response_format`), with its name.
    pub schema: Option<(String, serde_json::Value)>,
    /// Prompt tokens as counted locally, for the budget.
    pub prompt_tokens: u32,
}

/// A non-2xx HTTP answer, kept whole so the retry logic can read it.
#[derive(Debug)]
struct HttpStatus {
    status: u16,
    retry_after: Option<Duration>,
    body: String,
}

impl std::fmt::Display for HttpStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HTTP {}: {}", self.status, self.body)
    }
}

impl std::error::Error for HttpStatus {}

#[derive(Debug)]
pub struct LlmClient {
    api: Client<OpenAIConfig>,
    settings: LlmSettings,
    permits: Semaphore,
    budget: TokenBudget,
}

impl LlmClient {
    pub fn new(settings: LlmSettings) -> Result<LlmClient, String> {
        crate::tls::install_crypto_provider();
        let http = reqwest::Client::builder()
            .timeout(settings.timeout)
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        let transport = ReqwestService::new(http.clone());
        let service = tower::service_fn(move |factory: HttpRequestFactory| {
            let transport = transport.clone();
            async move {
                let response = transport.oneshot(factory).await?;
                if response.status().is_success() {
                    return Ok(response);
                }
                let status = response.status().as_u16();
                let retry_after = response
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(parse_retry_after);
                let body = response.text().await.unwrap_or_default();
                Err(OpenAIError::Boxed(Box::new(HttpStatus { status, retry_after, body })))
            }
        });
        // An empty key must not fall back to OPENAI_API_KEY from the
        // environment: the configuration says where the key comes from.
        let key = settings.api_key.as_ref().map(|k| k.expose_secret().to_string()).unwrap_or_default();
        let config = OpenAIConfig::new().with_api_base(settings.base_url.clone()).with_api_key(key);
        let api = Client::build(http, config).with_http_service(service);
        Ok(LlmClient {
            api,
            permits: Semaphore::new(settings.max_concurrency.max(1)),
            budget: TokenBudget::new(settings.tokens_per_minute),
            settings,
        })
    }

    pub fn settings(&self) -> &LlmSettings {
        &self.settings
    }

    /// Ask, parse the answer with `parse`, and retry within the configured
    /// bound on anything retryable (an answer `parse` rejects included).
    pub async fn complete<T>(&self, request: &Request, parse: impl Fn(&str) -> Result<T, String>) -> Completion<T> {
        self.complete_with(request, parse, |r| self.send(r)).await
    }

    /// The retry loop, with the transport given so replay and tests can
    /// stand in for HTTP.
    pub async fn complete_with<'a, T, F, Fut>(
        &self,
        request: &'a Request,
        parse: impl Fn(&str) -> Result<T, String>,
        send: F,
    ) -> Completion<T>
    where
        F: Fn(&'a Request) -> Fut,
        Fut: Future<Output = Result<Reply, (CallError, Option<Duration>)>>,
    {
        let mut done = Completion {
            result: Err(CallError::Connection("not tried".into())),
            attempts: 0,
            prompt_tokens: 0,
            completion_tokens: 0,
        };
        loop {
            done.attempts += 1;
            let (error, retry_after) = match send(request).await {
                Ok(reply) => {
                    done.prompt_tokens += reply.prompt_tokens;
                    done.completion_tokens += reply.completion_tokens;
                    match parse(&reply.content) {
                        Ok(answer) => {
                            done.result = Ok((answer, reply));
                            return done;
                        }
                        // The start of what came back, so a person can see why.
                        Err(why) => (CallError::Schema(format!("{why} in {:?}", truncate(&reply.content, 160))), None),
                    }
                }
                Err(failed) => failed,
            };
            let retry = error.retryable() && done.attempts <= self.settings.max_retries;
            tracing::debug!(attempt = done.attempts, %error, retry, "model call failed");
            done.result = Err(error);
            if !retry {
                return done;
            }
            tokio::time::sleep(self.backoff(done.attempts, retry_after)).await;
        }
    }

    /// One HTTP exchange under the concurrency limit and token budget.
    async fn send(&self, request: &Request) -> Result<Reply, (CallError, Option<Duration>)> {
        let _permit =
            self.permits.acquire().await.map_err(|_| (CallError::Connection("client closed".into()), None))?;
        let booked = request.prompt_tokens + self.settings.max_output_tokens;
        self.budget.reserve(booked).await;
        let result = self.http_exchange(request).await;
        let used = result.as_ref().map(|r| r.prompt_tokens + r.completion_tokens).unwrap_or(request.prompt_tokens);
        self.budget.settle(booked, used).await;
        result
    }

    async fn http_exchange(&self, request: &Request) -> Result<Reply, (CallError, Option<Duration>)> {
        let messages: Vec<ChatCompletionRequestMessage> = vec![
            ChatCompletionRequestSystemMessage::from(request.system.as_str()).into(),
            ChatCompletionRequestUserMessage::from(request.user.as_str()).into(),
        ];
        let mut args = CreateChatCompletionRequestArgs::default();
        args.model(self.settings.model.clone())
            .messages(messages)
            .temperature(0.0)
            .max_completion_tokens(self.settings.max_output_tokens);
        if let Some((name, schema)) = &request.schema {
            args.response_format(ResponseFormat::JsonSchema {
                json_schema: ResponseFormatJsonSchema {
                    description: None,
                    name: name.clone(),
                    schema: schema.clone(),
                    strict: Some(true),
                },
            });
        }
        let body = args.build().map_err(|e| (CallError::Refused(0, e.to_string()), None))?;
        // reqwest's own timeout covers the exchange; this one also bounds a
        // server that trickles bytes.
        let answer = tokio::time::timeout(self.settings.timeout, self.api.chat().create(body))
            .await
            .map_err(|_| (CallError::Timeout(self.settings.timeout.as_millis() as u64), None))?;
        let response = answer.map_err(|e| match self.classify(e) {
            (CallError::Timeout(_), _) => (CallError::Timeout(self.settings.timeout.as_millis() as u64), None),
            other => other,
        })?;
        let usage = response.usage.as_ref();
        let (prompt_tokens, completion_tokens) =
            usage.map(|u| (u.prompt_tokens, u.completion_tokens)).unwrap_or((request.prompt_tokens, 0));
        let Some(choice) = response.choices.into_iter().next() else {
            return Err((CallError::Malformed("no choices in the response".into()), None));
        };
        if let Some(refusal) = choice.message.refusal.filter(|r| !r.trim().is_empty()) {
            return Err((CallError::ModelRefusal(truncate(&refusal, 200)), None));
        }
        let content = choice.message.content.unwrap_or_default();
        Ok(Reply { content, prompt_tokens, completion_tokens })
    }

    fn classify(&self, e: OpenAIError) -> (CallError, Option<Duration>) {
        match e {
            OpenAIError::Boxed(inner) => match inner.downcast::<HttpStatus>() {
                Ok(h) => match h.status {
                    429 => (CallError::RateLimited, h.retry_after),
                    s if s >= 500 => (CallError::Server(s), h.retry_after),
                    s => (CallError::Refused(s, truncate(&h.body, 300)), None),
                },
                Err(other) => transport_error(&other.to_string(), other.downcast_ref::<reqwest::Error>()),
            },
            OpenAIError::Reqwest(r) => transport_error(&r.to_string(), Some(&r)),
            OpenAIError::JSONDeserialize(err, body) => {
                (CallError::Malformed(format!("{err} in {}", truncate(&body, 200))), None)
            }
            other => (CallError::Malformed(truncate(&other.to_string(), 300)), None),
        }
    }

    /// Exponential from 0.5 s with jitter, or what Retry-After asks for,
    /// never more than `max_backoff`.
    fn backoff(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        let wait = retry_after.unwrap_or_else(|| {
            let base = Duration::from_millis(500) * 2u32.saturating_pow(attempt.saturating_sub(1).min(10));
            base.mul_f64(0.75 + fastrand::f64() * 0.5)
        });
        wait.min(self.settings.max_backoff)
    }
}

fn transport_error(text: &str, e: Option<&reqwest::Error>) -> (CallError, Option<Duration>) {
    if e.is_some_and(|e| e.is_timeout()) {
        return (CallError::Timeout(0), None);
    }
    if e.is_some_and(|e| e.is_decode() || e.is_body()) {
        return (CallError::Malformed(truncate(text, 300)), None);
    }
    (CallError::Connection(truncate(text, 300)), None)
}

/// Retry-After in seconds (fractions allowed) or as an HTTP date.
pub fn parse_retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Ok(secs) = v.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(86_400.0)));
    }
    let at = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let secs = (at.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_milliseconds().max(0);
    Some(Duration::from_millis(secs as u64))
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_is_read_in_seconds_fractions_and_dates() {
        assert_eq!(parse_retry_after("2"), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after("0.25"), Some(Duration::from_millis(250)));
        assert_eq!(parse_retry_after("soon"), None);
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT"), Some(Duration::ZERO));
    }

    #[tokio::test(start_paused = true)]
    async fn retries_are_bounded_and_final_errors_are_not_retried() {
        let mut s = LlmSettings::new("http://127.0.0.1:9/v1", "m");
        s.max_retries = 2;
        let client = LlmClient::new(s).unwrap();
        let req = Request { system: String::new(), user: String::new(), schema: None, prompt_tokens: 1 };
        let calls = std::sync::atomic::AtomicU32::new(0);
        let done = client
            .complete_with(
                &req,
                |c| Ok::<_, String>(c.to_string()),
                |_| {
                    calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    async { Err((CallError::Server(503), None)) }
                },
            )
            .await;
        assert_eq!(done.attempts, 3);
        assert_eq!(done.result.unwrap_err(), CallError::Server(503));
        let done = client
            .complete_with(
                &req,
                |c| Ok::<_, String>(c.to_string()),
                |_| async { Err((CallError::Refused(400, "bad".into()), None)) },
            )
            .await;
        assert_eq!(done.attempts, 1, "a 4xx is the request's fault: asking again changes nothing");
    }

    #[tokio::test(start_paused = true)]
    async fn an_answer_that_breaks_the_schema_is_asked_again_and_tokens_add_up() {
        let client = LlmClient::new(LlmSettings::new("http://127.0.0.1:9/v1", "m")).unwrap();
        let req = Request { system: String::new(), user: String::new(), schema: None, prompt_tokens: 1 };
        let n = std::sync::atomic::AtomicU32::new(0);
        let done = client
            .complete_with(
                &req,
                |c| if c == "good" { Ok(()) } else { Err("bad".to_string()) },
                |_| {
                    let first = n.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0;
                    async move {
                        let content = if first { "nonsense" } else { "good" }.to_string();
                        Ok(Reply { content, prompt_tokens: 10, completion_tokens: 5 })
                    }
                },
            )
            .await;
        assert!(done.result.is_ok());
        assert_eq!((done.attempts, done.prompt_tokens, done.completion_tokens), (2, 20, 10));
    }

    #[test]
    fn backoff_honours_retry_after_up_to_the_cap() {
        let mut s = LlmSettings::new("http://x/v1", "m");
        s.max_backoff = Duration::from_secs(5);
        crate::tls::install_crypto_provider();
        let c = LlmClient::new(s).unwrap();
        assert_eq!(c.backoff(1, Some(Duration::from_secs(3))), Duration::from_secs(3));
        assert_eq!(c.backoff(1, Some(Duration::from_secs(60))), Duration::from_secs(5));
        let b = c.backoff(2, None);
        assert!(b >= Duration::from_millis(750) && b <= Duration::from_millis(1250), "{b:?}");
    }
}
