//! The model tier for commands: from `[llm]` in mailroom.toml, overridden
//! by flags, with record/replay for evaluations.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Args;

use crate::config::{Config, LlmConfig};
use crate::llm::{ClassifierMode, LlmSettings, ModelTier, Prompts, Recording, RecordingMode};

#[derive(Debug, Args, Clone, Default)]
pub struct ModelArgs {
    /// Which classifier decides: `rules` only, the model for every email
    /// (`llm`), or the model where the rules are not decisive (`both`).
    /// Default: `both` when a model is configured, else `rules`.
    #[arg(long, value_enum)]
    pub classifier: Option<ClassifierMode>,
    /// An OpenAI-compatible endpoint up to /v1 (instead of `[llm] base_url`),
    /// e.g. http://127.0.0.1:8080/v1.
    #[arg(long)]
    pub llm_url: Option<String>,
    /// The model name (instead of `[llm] model`).
    #[arg(long)]
    pub llm_model: Option<String>,
    /// Store every model exchange in FILE (JSON lines). Exchanges already
    /// in FILE are answered from it, so a second run pays only for new ones.
    #[arg(long, conflicts_with = "replay")]
    pub record: Option<PathBuf>,
    /// Answer every model call from FILE, made by --record; no network.
    #[arg(long)]
    pub replay: Option<PathBuf>,
    /// mailroom.toml holding the `[llm]` settings (default: ./mailroom.toml
    /// when it exists).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// The tier the flags and configuration ask for, or `None` for rules only.
pub fn tier(args: &ModelArgs) -> Result<Option<ModelTier>> {
    if args.classifier == Some(ClassifierMode::Rules) {
        return Ok(None);
    }
    let configured = configured(args.config.as_deref())?;
    let mut settings = configured.as_ref().map(|c| c.settings.clone());
    if let Some(url) = &args.llm_url {
        let model = args.llm_model.clone().or(settings.as_ref().map(|s| s.model.clone())).unwrap_or_default();
        settings = Some(LlmSettings {
            base_url: url.trim_end_matches('/').to_string(),
            ..settings.unwrap_or_else(|| LlmSettings::new(url, &model))
        });
    }
    let recording = match (&args.record, &args.replay) {
        (Some(p), _) => Some(open_recording(p, RecordingMode::Record)?),
        (_, Some(p)) => Some(open_recording(p, RecordingMode::Replay)?),
        _ => None,
    };
    if settings.is_none() && recording.as_ref().is_some_and(|r| r.mode == RecordingMode::Replay) {
        // Replay needs no endpoint; the model name keys the recording.
        settings = Some(LlmSettings::new("http://replay.invalid/v1", ""));
    }
    let Some(mut settings) = settings else {
        if args.classifier.is_some() || recording.is_some() {
            bail!(
                "--classifier llm|both, --record and --replay need a model: give --llm-url (and --llm-model) or set [llm] base_url in mailroom.toml"
            );
        }
        return Ok(None);
    };
    if let Some(m) = &args.llm_model {
        settings.model = m.clone();
    }
    if settings.model.is_empty() {
        match recording.as_ref().and_then(Recording::model) {
            Some(m) => settings.model = m,
            None => bail!("no model name: give --llm-model or set [llm] model"),
        }
    }
    let mode = args.classifier.or(configured.as_ref().map(|c| c.mode)).unwrap_or_default();
    let prompts = match configured {
        Some(c) => c.prompts,
        None => Prompts::load(None)?,
    };
    let mut tier = ModelTier::new(settings, prompts, mode).map_err(anyhow::Error::msg)?;
    if let Some(r) = recording {
        tier = tier.with_recording(r);
    }
    Ok(Some(tier))
}

/// `[llm]` from the configuration file, when one is there and sets a model.
fn configured(path: Option<&Path>) -> Result<Option<LlmConfig>> {
    if path.is_none() && !Path::new("mailroom.toml").exists() && std::env::var_os("MAILROOM__LLM__BASE_URL").is_none() {
        return Ok(None);
    }
    Ok(Config::load_offline(path)?.llm)
}

fn open_recording(path: &Path, mode: RecordingMode) -> Result<Recording> {
    Recording::open(path, mode).with_context(|| format!("model recording {}", path.display()))
}

/// The tier a configuration describes for the live agent.
pub fn configured_tier(cfg: &Config) -> Result<Option<ModelTier>> {
    cfg.llm
        .as_ref()
        .map(|c| ModelTier::new(c.settings.clone(), c.prompts.clone(), c.mode).map_err(anyhow::Error::msg))
        .transpose()
}
