//! A real SMTP server for the tests: aiosmtpd (Debian's python3-aiosmtpd,
//! installed by scripts/test) relaying into Dovecot's LMTP.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};

pub struct SmtpRelay {
    child: Option<Child>,
    port: u16,
    lmtp_port: u16,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

impl SmtpRelay {
    pub fn start(lmtp_port: u16) -> SmtpRelay {
        let mut r = SmtpRelay { child: None, port: free_port(), lmtp_port };
        r.up();
        r
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Start again on the same port (after `down`).
    pub fn up(&mut self) {
        let python = Path::new("/usr/bin/python3");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/support/smtp_relay.py");
        let ok = Command::new(python).args(["-c", "import aiosmtpd"]).status().is_ok_and(|s| s.success());
        assert!(
            ok,
            "the SMTP test server needs Debian's python3-aiosmtpd (apt-get install python3-aiosmtpd); scripts/test installs it"
        );
        let mut child = Command::new(python)
            .arg(&script)
            .args([self.port.to_string(), self.lmtp_port.to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs");
        let mut line = String::new();
        let out = child.stdout.take().expect("piped stdout");
        BufReader::new(out).read_line(&mut line).expect("the relay says it is ready");
        assert_eq!(line.trim(), "ready", "the SMTP relay did not start");
        self.child = Some(child);
    }

    /// Stop it: connections are refused until `up`.
    pub fn down(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for SmtpRelay {
    fn drop(&mut self) {
        self.down();
    }
}
