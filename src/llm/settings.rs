//! What the model tier needs from configuration, validated.

use std::time::Duration;

use secrecy::SecretString;

/// Which classifier decides the category (`mailroom eval --classifier`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClassifierMode {
    /// Rules only; the model is never asked.
    Rules,
    /// The model is asked about every email (the rules still guard
    /// automation: see [`super::combine`]).
    Llm,
    /// The model is asked only where the rules are not decisive.
    #[default]
    Both,
}

/// One OpenAI-compatible endpoint and how mailroom may use it.
#[derive(Debug, Clone)]
pub struct LlmSettings {
    /// Up to and including `/v1`, e.g. `https://api.openai.com/v1` or
    /// `http://127.0.0.1:8080/v1`.
    pub base_url: String,
    pub model: String,
    /// From the environment (`MAILROOM__LLM__API_KEY`) or `api_key_file`;
    /// local servers need none.
    pub api_key: Option<SecretString>,
    /// Per HTTP attempt, connection to last byte.
    pub timeout: Duration,
    /// Requests in flight at once.
    pub max_concurrency: usize,
    /// Prompt + completion tokens per rolling minute; 0 means no budget.
    pub tokens_per_minute: u32,
    /// Attempts after the first, for 429, 5xx, timeouts, connection errors
    /// and answers that break the schema.
    pub max_retries: u32,
    /// Longest wait between attempts, whatever Retry-After asks for.
    pub max_backoff: Duration,
    /// Prompt tokens for the email itself; quoted history is dropped first.
    pub max_input_tokens: usize,
    pub max_output_tokens: u32,
    /// US dollars per million tokens, for the cost estimate.
    pub price_input_per_mtok: f64,
    pub price_output_per_mtok: f64,
    /// Below this the model's category counts as unsure.
    pub min_confidence: f32,
    /// Ask the model to draft replies for escalations (a template otherwise).
    pub draft_replies: bool,
    /// Length and size bounds in the answer schema (see `[llm] schema_limits`).
    pub schema_limits: bool,
    /// How drafted replies sound (the draft prompt's `voice`).
    pub voice: String,
}

impl LlmSettings {
    /// Defaults for `base_url` and `model`; tests and `eval --llm-url` start here.
    pub fn new(base_url: impl Into<String>, model: impl Into<String>) -> LlmSettings {
        LlmSettings {
            base_url: base_url.into().trim_end_matches('/').to_string(),
            model: model.into(),
            api_key: None,
            timeout: Duration::from_secs(30),
            max_concurrency: 4,
            tokens_per_minute: 0,
            max_retries: 2,
            max_backoff: Duration::from_secs(20),
            max_input_tokens: 2_000,
            max_output_tokens: 400,
            price_input_per_mtok: 0.0,
            price_output_per_mtok: 0.0,
            min_confidence: 0.6,
            draft_replies: true,
            schema_limits: false,
            voice: "warm, plain and brief; no jargon, no exclamation marks".into(),
        }
    }

    /// Estimated cost of one exchange in US dollars.
    pub fn cost(&self, prompt_tokens: u32, completion_tokens: u32) -> f64 {
        (prompt_tokens as f64 * self.price_input_per_mtok + completion_tokens as f64 * self.price_output_per_mtok)
            / 1_000_000.0
    }
}
