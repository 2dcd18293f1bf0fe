//! A throwaway PostgreSQL cluster of a test's own, for what cannot be done
//! to the shared server: stopping and restarting it mid-run. Needs the
//! server binaries (Debian's `postgresql`; scripts/test installs them where
//! no server runs) and, when the test runs as root, the `postgres` user.

use std::path::PathBuf;
use std::process::Command;

pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    pub port: u16,
}

fn server_bin() -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| d.filter_map(|e| Some(e.ok()?.path().join("bin"))).filter(|p| p.join("initdb").exists()).collect())
        .unwrap_or_default();
    found.sort();
    found.pop().expect("PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)")
}

fn is_root() -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(2) == Some("0"))
}

/// (uid, gid) of the `postgres` user, who owns the cluster when we are root.
fn postgres_user() -> (u32, u32) {
    let id = |flag: &str| {
        let out = Command::new("id").args([flag, "postgres"]).output().expect("id");
        assert!(out.status.success(), "the postgres user is needed (apt-get install postgresql)");
        String::from_utf8_lossy(&out.stdout).trim().parse::<u32>().unwrap()
    };
    (id("-u"), id("-g"))
}

impl Cluster {
    pub fn start() -> Cluster {
        let dir = tempfile::Builder::new().prefix("mailroom-pg-").tempdir().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        if is_root() {
            let (uid, gid) = postgres_user();
            std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid)).unwrap();
        }
        let c = Cluster { dir, bin: server_bin(), port };
        c.run("initdb", &["-D", &c.data(), "-U", "postgres", "--auth=trust"]);
        c.pg_ctl("start");
        c
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    /// Runs a server program as the cluster's owner.
    fn run(&self, program: &str, args: &[&str]) {
        let exe = self.bin.join(program).display().to_string();
        let status = if is_root() {
            let line = std::iter::once(exe.as_str())
                .chain(args.iter().copied())
                .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
                .collect::<Vec<_>>()
                .join(" ");
            Command::new("su").args(["postgres", "-s", "/bin/sh", "-c", &line]).output().unwrap()
        } else {
            Command::new(&exe).args(args).output().unwrap()
        };
        assert!(status.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&status.stderr));
    }

    fn pg_ctl(&self, what: &str) {
        let opts = format!("-p {} -c listen_addresses=127.0.0.1 -k {}", self.port, self.dir.path().display());
        let log = self.dir.path().join("log").display().to_string();
        self.run("pg_ctl", &["-D", &self.data(), "-l", &log, "-w", "-m", "fast", "-o", &opts, what]);
    }

    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    pub fn stop(&self) {
        self.pg_ctl("stop");
    }

    pub fn start_again(&self) {
        self.pg_ctl("start");
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.pg_ctl("stop")));
    }
}
