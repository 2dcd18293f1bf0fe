//! The model tier for commands: from `[llm]` in mailroom.toml, overridden
//! by flags, with record/replay for evaluations.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Args;

use crate::config::Config;
use crate::llm::{ClassifierMode, ModelTier, Recording, RecordingMode};

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
/// Flags override `[llm]` in mailroom.toml and `MAILROOM__LLM__*`.
pub fn tier(args: &ModelArgs) -> Result<Option<ModelTier>> {
    if args.classifier == Some(ClassifierMode::Rules) {
        return Ok(None);
    }
    let mut raw = Config::load_offline(args.config.as_deref())?.raw;
    if let Some(url) = &args.llm_url {
        raw.llm.base_url = url.clone();
    }
    if let Some(m) = &args.llm_model {
        raw.llm.model = m.clone();
    }
    let recording = match (&args.record, &args.replay) {
        (Some(p), _) => Some(open_recording(p, RecordingMode::Record)?),
        (_, Some(p)) => Some(open_recording(p, RecordingMode::Replay)?),
        _ => None,
    };
    let replay = recording.as_ref().is_some_and(|r| r.mode == RecordingMode::Replay);
    if raw.llm.base_url.trim().is_empty() && replay {
        // Replay needs no endpoint; the model name keys the recording.
        raw.llm.base_url = "http://replay.invalid/v1".into();
        if args.llm_model.is_none() {
            raw.llm.model = recording.as_ref().and_then(Recording::model).unwrap_or_default();
        }
    }
    let Some(configured) = crate::config::llm_config(&raw)? else {
        if args.classifier.is_some() || recording.is_some() {
            bail!(
                "--classifier llm|both, --record and --replay need a model: give --llm-url (and --llm-model) or set [llm] base_url in mailroom.toml"
            );
        }
        return Ok(None);
    };
    let mode = args.classifier.unwrap_or(configured.mode);
    let mut tier = ModelTier::new(configured.settings, configured.prompts, mode).map_err(anyhow::Error::msg)?;
    if let Some(r) = recording {
        tier = tier.with_recording(r);
    }
    Ok(Some(tier))
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
