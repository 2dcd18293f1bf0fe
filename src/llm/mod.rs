//! The language-model tier: classification and extraction in one call where
//! the rules are not decisive, and drafted replies for escalations.
//!
//! Input: a parsed email with the rules' classification and facts. Output:
//! a [`ModelReport`] (what was asked, the answer or the failure, tokens and
//! cost) and, through [`combine`], the reading the policy sees. The model's
//! answer is untrusted input like the email: it can hold an email for a
//! person or route an escalation, never cause an automatic action.
//!
//! Any OpenAI-compatible endpoint works (OpenAI, Azure OpenAI, vLLM,
//! Ollama, llama.cpp's server). Without one mailroom runs on rules alone.

pub mod answer;
mod budget;
pub mod client;
pub mod combine;
pub mod draft;
pub mod prompt;
pub mod recording;
pub mod settings;

use serde::{Deserialize, Serialize};

use crate::classify::Classification;
use crate::classify::extract::Facts;
use crate::domain::Email;
use crate::store::{CachedReply, Store};
pub use answer::ModelAnswer;
pub use client::{CallError, LlmClient, Reply, Request};
pub use combine::{Asked, Combined, SuggestedFacts, combine};
pub use draft::{Draft, DraftInput};
pub use prompt::{Prompt, Prompts};
pub use recording::{Mode as RecordingMode, Recording};
pub use settings::{ClassifierMode, LlmSettings};

/// What the model tier did for one email; stored with its triage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelReport {
    #[serde(flatten)]
    pub asked: Asked,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// The model's facts that the email's text bears out (for people only).
    #[serde(default)]
    pub suggested: SuggestedFacts,
    pub attempts: u32,
    pub prompt_tokens: u32,
    pub completion_tokens: u32,
    pub cost_usd: f64,
    /// Answered from the cache or a recording: nothing was paid.
    pub cached: bool,
    /// Input hygiene: quoted history dropped, newest text cut, to fit the budget.
    #[serde(default)]
    pub dropped_quoted: bool,
    #[serde(default)]
    pub truncated: bool,
}

impl ModelReport {
    pub fn not_asked(asked: Asked) -> ModelReport {
        ModelReport {
            asked,
            prompt_version: None,
            model: None,
            suggested: SuggestedFacts::default(),
            attempts: 0,
            prompt_tokens: 0,
            completion_tokens: 0,
            cost_usd: 0.0,
            cached: false,
            dropped_quoted: false,
            truncated: false,
        }
    }

    /// The model was consulted (answered or failed), not skipped.
    pub fn consulted(&self) -> bool {
        matches!(self.asked, Asked::Answered { .. } | Asked::Failed { .. })
    }

    /// HTTP calls actually made (cache and recording hits make none).
    pub fn calls(&self) -> u32 {
        if self.cached { 0 } else { self.attempts }
    }

    pub fn answer(&self) -> Option<&ModelAnswer> {
        match &self.asked {
            Asked::Answered { answer } => Some(answer),
            _ => None,
        }
    }
}

/// The model client with its prompts, mode and optional recording.
#[derive(Debug)]
pub struct ModelTier {
    client: LlmClient,
    prompts: Prompts,
    pub mode: ClassifierMode,
    recording: Option<Recording>,
    /// Draft replies for escalations with the model (else templates).
    pub drafts: bool,
}

impl ModelTier {
    pub fn new(settings: LlmSettings, prompts: Prompts, mode: ClassifierMode) -> Result<ModelTier, String> {
        let drafts = settings.draft_replies;
        Ok(ModelTier { client: LlmClient::new(settings)?, prompts, mode, recording: None, drafts })
    }

    pub fn with_recording(mut self, recording: Recording) -> ModelTier {
        self.recording = Some(recording);
        self
    }

    pub fn settings(&self) -> &LlmSettings {
        self.client.settings()
    }

    /// Ask the model about `email` when the mode and the rules call for it.
    pub async fn consult(&self, email: &Email, rules: &Classification, facts: &Facts, store: &Store) -> ModelReport {
        match self.mode {
            ClassifierMode::Rules => return ModelReport::not_asked(Asked::NoModel),
            ClassifierMode::Both if rules.decisive => return ModelReport::not_asked(Asked::RulesDecisive),
            _ => {}
        }
        let settings = self.client.settings();
        let prompt = &self.prompts.classify;
        let input = prompt::EmailInput::of(email, settings.max_input_tokens);
        let vars = minijinja::context! {
            sender => input.sender, date => input.date, subject => input.subject,
            body => input.body, quoted => input.quoted,
            open => prompt::OPEN, close => prompt::CLOSE,
        };
        let mut report = ModelReport {
            prompt_version: Some(prompt.version.clone()),
            model: Some(settings.model.clone()),
            dropped_quoted: input.dropped_quoted,
            truncated: input.truncated_body,
            ..ModelReport::not_asked(Asked::NoModel)
        };
        let (system, user) = match prompt.render(&vars) {
            Ok(r) => r,
            Err(e) => {
                report.asked = Asked::Failed { error: CallError::Refused(0, format!("prompt: {e}")) };
                return report;
            }
        };
        let request = Request {
            prompt_tokens: (prompt::count_tokens(&system) + prompt::count_tokens(&user)) as u32,
            system,
            user,
            schema: Some((answer::SCHEMA_NAME.into(), answer::schema(settings.schema_limits))),
        };
        let outcome = self.ask(&prompt.version, &request, store, answer::parse_answer).await;
        report.attempts = outcome.attempts;
        report.cached = outcome.cached;
        report.prompt_tokens = outcome.prompt_tokens;
        report.completion_tokens = outcome.completion_tokens;
        report.cost_usd =
            if outcome.cached { 0.0 } else { settings.cost(outcome.prompt_tokens, outcome.completion_tokens) };
        report.asked = match outcome.result {
            Ok(answer) => {
                let text = format!("{}\n{}", email.subject, email.newest_text);
                report.suggested = combine::verify_facts(&answer, facts, &text);
                Asked::Answered { answer }
            }
            Err(error) => Asked::Failed { error },
        };
        report
    }

    /// A reply for a person to edit: the model's when it drafts well, the
    /// template's otherwise.
    pub async fn draft(&self, input: &DraftInput<'_>, store: &Store) -> Draft {
        if !self.drafts {
            return draft::template_draft(input, None);
        }
        let settings = self.client.settings();
        let body = prompt::EmailInput::of(input.email, settings.max_input_tokens).body;
        let prompt = &self.prompts.draft;
        let (system, user) = match prompt.render(&draft::prompt_vars(input, &body)) {
            Ok(r) => r,
            Err(e) => return draft::template_draft(input, Some(format!("draft prompt: {e}"))),
        };
        let request = Request {
            prompt_tokens: (prompt::count_tokens(&system) + prompt::count_tokens(&user)) as u32,
            system,
            user,
            schema: None,
        };
        let outcome = self.ask(&prompt.version, &request, store, draft::check_model_draft).await;
        match outcome.result {
            Ok(text) => Draft { text, language: input.language(), source: prompt.version.clone(), note: None },
            Err(e) => draft::template_draft(input, Some(format!("model draft not used: {e}"))),
        }
    }

    /// One exchange through the recording, the cache and the client.
    async fn ask<T>(
        &self,
        version: &str,
        request: &Request,
        store: &Store,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Asking<T> {
        let model = &self.client.settings().model;
        let key = recording::key(version, model, request);
        let cached = |reply: Reply| -> Option<Asking<T>> {
            let answer = parse(&reply.content).ok()?;
            Some(Asking {
                result: Ok(answer),
                attempts: 1,
                cached: true,
                prompt_tokens: reply.prompt_tokens,
                completion_tokens: reply.completion_tokens,
            })
        };
        if let Some(rec) = &self.recording {
            match rec.get(&key) {
                Some(recording::Outcome::Reply(reply)) => {
                    let done = cached(reply.clone());
                    if let Some(done) = done {
                        return done;
                    }
                    if rec.mode == RecordingMode::Replay {
                        let why = parse(&reply.content).err().unwrap_or_default();
                        return Asking::failed(CallError::Schema(why), true);
                    }
                }
                Some(recording::Outcome::Error(e)) if rec.mode == RecordingMode::Replay => {
                    return Asking::failed(e, true);
                }
                _ if rec.mode == RecordingMode::Replay => return Asking::failed(CallError::NotRecorded, true),
                _ => {}
            }
        } else if let Ok(Some(hit)) = store.cached_reply(&key).await {
            let reply = Reply {
                content: hit.content,
                prompt_tokens: hit.prompt_tokens,
                completion_tokens: hit.completion_tokens,
            };
            if let Some(done) = cached(reply) {
                return done;
            }
        }
        let done = self.client.complete(request, &parse).await;
        let (result, outcome) = match done.result {
            Ok((answer, reply)) => {
                if self.recording.is_none() {
                    let c = CachedReply {
                        content: reply.content.clone(),
                        prompt_tokens: reply.prompt_tokens,
                        completion_tokens: reply.completion_tokens,
                    };
                    if let Err(e) = store.cache_reply(&key, version, model, &c).await {
                        tracing::warn!(error = %e, "cannot cache the model's answer");
                    }
                }
                (Ok(answer), recording::Outcome::Reply(reply))
            }
            Err(e) => (Err(e.clone()), recording::Outcome::Error(e)),
        };
        if let Some(rec) = &self.recording {
            let entry = recording::Entry {
                key,
                prompt_version: version.into(),
                model: model.clone(),
                system: request.system.clone(),
                user: request.user.clone(),
                outcome,
            };
            if let Err(e) = rec.put(entry) {
                tracing::warn!(error = %e, file = %rec.path().display(), "cannot record the exchange");
            }
        }
        Asking {
            result,
            attempts: done.attempts,
            cached: false,
            prompt_tokens: done.prompt_tokens,
            completion_tokens: done.completion_tokens,
        }
    }
}

/// One exchange's outcome, wherever the answer came from.
struct Asking<T> {
    result: Result<T, CallError>,
    attempts: u32,
    cached: bool,
    prompt_tokens: u32,
    completion_tokens: u32,
}

impl<T> Asking<T> {
    fn failed(error: CallError, cached: bool) -> Asking<T> {
        Asking { result: Err(error), attempts: 1, cached, prompt_tokens: 0, completion_tokens: 0 }
    }
}
