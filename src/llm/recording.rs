//! Record and replay of model exchanges, so an evaluation with a model is
//! reproducible without the network (`mailroom eval --record/--replay`).
//!
//! One JSON object per line: the cache key (prompt version, model and a
//! hash of the exact messages), the messages themselves for people reading
//! the file, and the reply or the error. Recording reuses what the file
//! already holds, so a second recorded run pays only for new exchanges.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::client::{CallError, Reply, Request};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub key: String,
    pub prompt_version: String,
    pub model: String,
    pub system: String,
    pub user: String,
    #[serde(flatten)]
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Reply(Reply),
    Error(CallError),
}

/// The cache key of one exchange: what was asked, of which model, with
/// which prompt version.
pub fn key(prompt_version: &str, model: &str, request: &Request) -> String {
    let mut h = Sha256::new();
    for part in [prompt_version, model, &request.system, &request.user] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    if let Some((name, schema)) = &request.schema {
        h.update(name.as_bytes());
        h.update(schema.to_string().as_bytes());
    }
    hex::encode(h.finalize())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Answer from the file, ask the model for the rest and append it.
    Record,
    /// Answer from the file only; anything else fails as not recorded.
    Replay,
}

#[derive(Debug)]
pub struct Recording {
    pub mode: Mode,
    path: PathBuf,
    entries: Mutex<HashMap<String, Outcome>>,
    /// The model of the first recorded exchange (replay keys include it).
    model: Option<String>,
    file: Mutex<Option<std::fs::File>>,
}

#[derive(Debug, thiserror::Error)]
pub enum RecordingError {
    #[error("cannot open {0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0} line {1} is not a recorded exchange: {2}")]
    Line(String, usize, serde_json::Error),
}

impl Recording {
    pub fn open(path: &Path, mode: Mode) -> Result<Recording, RecordingError> {
        let shown = path.display().to_string();
        let mut entries = HashMap::new();
        let mut model = None;
        match std::fs::read_to_string(path) {
            Ok(text) => {
                for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                    let e: Entry =
                        serde_json::from_str(line).map_err(|e| RecordingError::Line(shown.clone(), n + 1, e))?;
                    model.get_or_insert_with(|| e.model.clone());
                    entries.insert(e.key, e.outcome);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && mode == Mode::Record => {}
            Err(e) => return Err(RecordingError::Io(shown, e)),
        }
        let file = match mode {
            Mode::Record => Some(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                    .map_err(|e| RecordingError::Io(shown.clone(), e))?,
            ),
            Mode::Replay => None,
        };
        Ok(Recording { mode, path: path.to_path_buf(), entries: Mutex::new(entries), model, file: Mutex::new(file) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn model(&self) -> Option<String> {
        self.model.clone()
    }

    pub fn get(&self, key: &str) -> Option<Outcome> {
        self.entries.lock().ok()?.get(key).cloned()
    }

    /// Append one exchange (record mode only).
    pub fn put(&self, entry: Entry) -> std::io::Result<()> {
        if self.mode != Mode::Record {
            return Ok(());
        }
        let line = serde_json::to_string(&entry).map_err(std::io::Error::other)?;
        if let Ok(mut f) = self.file.lock()
            && let Some(f) = f.as_mut()
        {
            writeln!(f, "{line}")?;
        }
        if let Ok(mut e) = self.entries.lock() {
            e.insert(entry.key, entry.outcome);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str, outcome: Outcome) -> Entry {
        Entry {
            key: key.into(),
            prompt_version: "v".into(),
            model: "m".into(),
            system: "s".into(),
            user: "u".into(),
            outcome,
        }
    }

    #[test]
    fn what_is_recorded_is_replayed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rec.jsonl");
        let rec = Recording::open(&path, Mode::Record).unwrap();
        let reply = Reply { content: "{}".into(), prompt_tokens: 3, completion_tokens: 2 };
        rec.put(entry("a", Outcome::Reply(reply.clone()))).unwrap();
        rec.put(entry("b", Outcome::Error(CallError::Server(503)))).unwrap();
        drop(rec);
        let replay = Recording::open(&path, Mode::Replay).unwrap();
        assert_eq!(replay.get("a"), Some(Outcome::Reply(reply)));
        assert_eq!(replay.get("b"), Some(Outcome::Error(CallError::Server(503))));
        assert_eq!(replay.get("c"), None);
        assert!(Recording::open(&dir.path().join("missing"), Mode::Replay).is_err());
    }

    #[test]
    fn the_key_changes_with_the_prompt_version_and_the_input() {
        let r = Request { system: "s".into(), user: "u".into(), schema: None, prompt_tokens: 1 };
        let k = key("v1", "m", &r);
        assert_ne!(k, key("v2", "m", &r));
        assert_ne!(k, key("v1", "m", &Request { user: "u2".into(), ..r.clone() }));
        assert_eq!(k, key("v1", "m", &r));
    }
}
