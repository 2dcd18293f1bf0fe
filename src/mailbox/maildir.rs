//! Maildir source (`maildir:PATH`): the same guarantees as IMAP, for a
//! mailbox on local disk.
//!
//! Deliveries land in `tmp/` and are renamed into `new/`; messages in
//! `new/` and `cur/` are the folder's content. A message's key is its file
//! name without the `:2,FLAGS` info part, which renames keep. Handled mail
//! is moved into a Maildir++ subfolder (`mailroom/auto` → `.mailroom.auto`)
//! or marked seen in `cur/`. There is no epoch: keys never change meaning.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use tokio_util::sync::CancellationToken;

use super::{Disposition, Fetched, Listing, MailSource, Outcome, SourceError, Woken};

pub struct MaildirSource {
    root: PathBuf,
    name: String,
    poll: Duration,
    disposition: Disposition,
    /// Key → current file path, from the last listing.
    paths: HashMap<String, PathBuf>,
    /// What the last listing looked like, to notice new mail cheaply.
    signature: (usize, Option<SystemTime>),
}

fn io(path: &Path, e: std::io::Error) -> SourceError {
    SourceError::Io { path: path.display().to_string(), reason: e.to_string() }
}

/// `1700000000.M1P2.host:2,S` → `1700000000.M1P2.host`.
pub fn key_of(file_name: &str) -> &str {
    file_name.split_once(":2,").map_or(file_name, |(k, _)| k)
}

/// Maildir++ folder directory for `mailroom/auto`: `.mailroom.auto`.
fn folder_dir(root: &Path, folder: &str) -> PathBuf {
    root.join(format!(".{}", folder.replace(['/', '.'], ".")))
}

impl MaildirSource {
    pub fn new(root: PathBuf, poll: Duration, disposition: Disposition) -> MaildirSource {
        let name = format!("maildir:{}", root.display());
        MaildirSource { root, name, poll, disposition, paths: HashMap::new(), signature: (0, None) }
    }

    fn scan(&self) -> Result<Vec<(String, PathBuf, SystemTime)>, SourceError> {
        let mut found = Vec::new();
        for sub in ["new", "cur"] {
            let dir = self.root.join(sub);
            let entries = std::fs::read_dir(&dir).map_err(|e| io(&dir, e))?;
            for entry in entries {
                let entry = entry.map_err(|e| io(&dir, e))?;
                let name = entry.file_name().to_string_lossy().into_owned();
                // Dot files are editors' and tools' temporaries, not mail.
                if name.starts_with('.') || !entry.file_type().is_ok_and(|t| t.is_file()) {
                    continue;
                }
                let mtime = entry.metadata().and_then(|m| m.modified()).unwrap_or(SystemTime::UNIX_EPOCH);
                found.push((key_of(&name).to_string(), entry.path(), mtime));
            }
        }
        found.sort_by(|a, b| (a.2, &a.0).cmp(&(b.2, &b.0)));
        Ok(found)
    }

    fn ensure_dirs(dir: &Path) -> Result<(), SourceError> {
        for sub in ["tmp", "new", "cur"] {
            let d = dir.join(sub);
            std::fs::create_dir_all(&d).map_err(|e| io(&d, e))?;
        }
        Ok(())
    }

    fn path_for(&mut self, key: &str) -> Result<Option<PathBuf>, SourceError> {
        if let Some(p) = self.paths.get(key).filter(|p| p.exists()) {
            return Ok(Some(p.clone()));
        }
        // Renamed since the last listing (a flag changed): look again.
        let found = self.scan()?;
        self.paths = found.into_iter().map(|(k, p, _)| (k, p)).collect();
        Ok(self.paths.get(key).cloned())
    }
}

impl MailSource for MaildirSource {
    fn name(&self) -> &str {
        &self.name
    }

    fn files_away(&self) -> bool {
        matches!(self.disposition, Disposition::Move { .. })
    }

    async fn connect(&mut self) -> Result<(), SourceError> {
        Self::ensure_dirs(&self.root)
    }

    async fn list(&mut self) -> Result<Listing, SourceError> {
        let found = self.scan()?;
        self.signature = (found.len(), found.iter().map(|f| f.2).max());
        let keys = found.iter().map(|f| f.0.clone()).collect();
        self.paths = found.into_iter().map(|(k, p, _)| (k, p)).collect();
        Ok(Listing { epoch: 0, keys })
    }

    async fn fetch(&mut self, keys: &[String]) -> Result<Vec<Fetched>, SourceError> {
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            let Some(path) = self.path_for(key)? else { continue };
            match tokio::fs::read(&path).await {
                Ok(raw) => out.push(Fetched { key: key.clone(), raw }),
                // Moved away meanwhile: it is simply not there any more.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io(&path, e)),
            }
        }
        Ok(out)
    }

    async fn wait(&mut self, max: Duration, shutdown: &CancellationToken) -> Result<Woken, SourceError> {
        let deadline = tokio::time::Instant::now() + max;
        loop {
            let tick = tokio::time::Instant::now() + self.poll;
            tokio::select! {
                _ = shutdown.cancelled() => return Ok(Woken::Shutdown),
                _ = tokio::time::sleep_until(tick.min(deadline)) => {}
            }
            let found = self.scan()?;
            if (found.len(), found.iter().map(|f| f.2).max()) != self.signature {
                return Ok(Woken::NewMail);
            }
            if tokio::time::Instant::now() >= deadline {
                return Ok(Woken::Timeout);
            }
        }
    }

    async fn dispose(&mut self, key: &str, outcome: Outcome) -> Result<(), SourceError> {
        let Some(path) = self.path_for(key)? else { return Ok(()) };
        let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        let target = match &self.disposition {
            Disposition::None => return Ok(()),
            // Maildir has no keywords: the seen flag in cur/ marks it.
            Disposition::Flag { .. } => self.root.join("cur").join(format!("{}:2,S", key_of(&file))),
            d @ Disposition::Move { .. } => {
                let dir = folder_dir(&self.root, d.folder(outcome).unwrap_or("mailroom"));
                Self::ensure_dirs(&dir)?;
                dir.join("cur").join(format!("{}:2,S", key_of(&file)))
            }
        };
        if target == path {
            return Ok(());
        }
        match std::fs::rename(&path, &target) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io(&path, e)),
        }
    }

    async fn close(&mut self) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DecisionKind;

    fn deliver(root: &Path, name: &str, body: &str) {
        std::fs::write(root.join("tmp").join(name), body).unwrap();
        std::fs::rename(root.join("tmp").join(name), root.join("new").join(name)).unwrap();
    }

    fn moving() -> Disposition {
        Disposition::Move {
            auto: "mailroom/auto".into(),
            escalated: "mailroom/escalated".into(),
            ignored: "mailroom/ignored".into(),
            failed: "mailroom/failed".into(),
        }
    }

    #[test]
    fn the_key_drops_the_info_part() {
        assert_eq!(key_of("1700.M1.host:2,RS"), "1700.M1.host");
        assert_eq!(key_of("1700.M1.host"), "1700.M1.host");
    }

    #[tokio::test]
    async fn delivered_mail_is_listed_fetched_and_moved_by_outcome() {
        let d = tempfile::tempdir().unwrap();
        let mut m = MaildirSource::new(d.path().to_path_buf(), Duration::from_millis(20), moving());
        m.connect().await.unwrap();
        deliver(d.path(), "1.a.host", "Subject: one\n\nx");
        deliver(d.path(), "2.b.host", "Subject: two\n\ny");
        let l = m.list().await.unwrap();
        assert_eq!(l.keys, ["1.a.host", "2.b.host"]);
        let f = m.fetch(&l.keys).await.unwrap();
        assert_eq!(f.len(), 2);
        m.dispose("1.a.host", Outcome::Decided(DecisionKind::Escalate)).await.unwrap();
        assert!(d.path().join(".mailroom.escalated/cur/1.a.host:2,S").exists());
        // Again: already gone, not an error.
        m.dispose("1.a.host", Outcome::Decided(DecisionKind::Escalate)).await.unwrap();
        assert_eq!(m.list().await.unwrap().keys, ["2.b.host"]);
    }

    #[tokio::test]
    async fn new_mail_wakes_the_wait_and_shutdown_ends_it() {
        let d = tempfile::tempdir().unwrap();
        let mut m = MaildirSource::new(d.path().to_path_buf(), Duration::from_millis(20), Disposition::None);
        m.connect().await.unwrap();
        m.list().await.unwrap();
        let stop = CancellationToken::new();
        assert_eq!(m.wait(Duration::from_millis(60), &stop).await.unwrap(), Woken::Timeout);
        deliver(d.path(), "3.c.host", "x");
        assert_eq!(m.wait(Duration::from_secs(5), &stop).await.unwrap(), Woken::NewMail);
        stop.cancel();
        assert_eq!(m.wait(Duration::from_secs(5), &stop).await.unwrap(), Woken::Shutdown);
    }

    #[tokio::test]
    async fn flagging_keeps_the_key_and_a_missing_root_is_an_io_error() {
        let d = tempfile::tempdir().unwrap();
        let mut m = MaildirSource::new(
            d.path().to_path_buf(),
            Duration::from_millis(20),
            Disposition::Flag { keyword: "x".into() },
        );
        m.connect().await.unwrap();
        deliver(d.path(), "4.d.host", "x");
        m.list().await.unwrap();
        m.dispose("4.d.host", Outcome::Failed).await.unwrap();
        assert_eq!(m.list().await.unwrap().keys, ["4.d.host"]);
        assert!(d.path().join("cur/4.d.host:2,S").exists());
        let mut gone = MaildirSource::new(d.path().join("nope/deeper"), Duration::from_millis(20), Disposition::None);
        assert!(gone.list().await.unwrap_err().is_transient());
    }
}
