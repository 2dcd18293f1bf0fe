//! A private Dovecot 2.3 per test: its own temp dir, config, ports, CA and
//! users. Started with `dovecot -F -c CONF` (the master stays our child,
//! so it is reaped and never outlives the test), stopped (and killed on
//! Drop) by signalling the master and its children. Missing binaries fail
//! the test loudly: IMAP tests never skip.
//!
//! Why not `doveadm stop`: Dovecot 2.3.19 then leaves logged-in `imap`
//! processes running (a "stopped" server keeps serving its clients) and
//! the master takes ~2.7 s to exit. SIGTERM to the children makes each
//! session say `* BYE Server shutting down.` and close, as a real restart
//! does.
//!
//! Self-contained so a bench can include it:
//! `#[path = "../tests/it/support/dovecot.rs"] mod dovecot;`
//!
//! - plain IMAP (STARTTLS offered) on `imap_port()`, implicit TLS on
//!   `imaps_port()`, certificate for `localhost`/`127.0.0.1` signed by a
//!   throwaway CA (`ca_pem()`);
//! - users [`USERS`], all with [`PASSWORD`]; mail in `~/Maildir` owned by
//!   uid/gid 65534 (Dovecot refuses uid 0);
//! - XOAUTH2/OAUTHBEARER through the oauth2 passdb validating HS256 JWTs
//!   locally ([`Dovecot::jwt`]), no network;
//! - [`Options`] to hide IDLE or MOVE from CAPABILITY.
#![allow(dead_code)]

use std::fs;
use std::io::Write as _;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::fs::{PermissionsExt, chown};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use futures::TryStreamExt as _;
use mailroom::mailbox::Disposition;
use mailroom::mailbox::imap::{ImapAuth, ImapConfig, TlsMode};
use sha2::{Digest, Sha256};

pub const USERS: &[&str] = &["ops", "other"];
pub const PASSWORD: &str = "correct-horse-7";
/// Owner of the mail files (nobody/nogroup).
const MAIL_UID: u32 = 65534;
/// Dovecot 2.3.19's post-login CAPABILITY, to remove IDLE or MOVE from.
const CAPABILITIES: &str = "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY \
    THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT \
    CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES \
    WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE \
    SAVEDATE LITERAL+ NOTIFY";
const DEADLINE: Duration = Duration::from_secs(15);

/// What the server offers.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub idle: bool,
    pub moves: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { idle: true, moves: true }
    }
}

pub struct Dovecot {
    dir: tempfile::TempDir,
    conf: PathBuf,
    imap_port: u16,
    imaps_port: u16,
    /// LMTP, for the SMTP relay that delivers notices into mailboxes.
    lmtp_port: u16,
    options: Options,
    oauth_key: Vec<u8>,
    /// The master process (foreground, our child) while running.
    master: Option<Child>,
}

impl Dovecot {
    /// A running Dovecot with IDLE and MOVE.
    pub fn new() -> Dovecot {
        Dovecot::with(Options::default())
    }

    pub fn with(options: Options) -> Dovecot {
        let dovecot_bin = require("dovecot", "dovecot-imapd");
        require("openssl", "openssl");
        assert!(is_root(), "the Dovecot harness must run as root (Dovecot drops to uid {MAIL_UID} for mail)");
        let dir = tempfile::Builder::new().prefix("mailroom-dovecot-").tempdir().expect("temp dir");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod temp dir");
        let oauth_key = Sha256::digest(format!("{:?}{:?}", dir.path(), SystemTime::now())).to_vec();
        let mut dovecot = Dovecot {
            conf: dir.path().join("dovecot.conf"),
            dir,
            imap_port: 0,
            imaps_port: 0,
            lmtp_port: 0,
            options,
            oauth_key,
            master: None,
        };
        dovecot.prepare_files();
        // Free ports can be taken between probing and Dovecot's bind:
        // probe again then.
        for attempt in 1..=5 {
            (dovecot.imap_port, dovecot.imaps_port, dovecot.lmtp_port) = (free_port(), free_port(), free_port());
            dovecot.write_config();
            match dovecot.launch(&dovecot_bin) {
                Ok(()) => return dovecot,
                Err(e) if attempt < 5 && e.contains("Address already in use") => continue,
                Err(e) => panic!("Dovecot did not start: {e}\n--- log ---\n{}", dovecot.log()),
            }
        }
        unreachable!("the last attempt panics or returns")
    }

    pub fn imap_port(&self) -> u16 {
        self.imap_port
    }

    pub fn lmtp_port(&self) -> u16 {
        self.lmtp_port
    }

    /// Add a mail user (a customer's mailbox, say), with the test password.
    /// Dovecot reads the passwd file at every lookup: no restart needed.
    pub fn add_user(&self, user: &str) {
        let home = self.home(user);
        fs::create_dir_all(&home).expect("home");
        chown(&home, Some(MAIL_UID), Some(MAIL_UID)).expect("chown home");
        let line = format!("{user}:{{PLAIN}}{PASSWORD}:{MAIL_UID}:{MAIL_UID}::{}::\n", home.display());
        let path = self.dir.path().join("passwd");
        let mut all = fs::read_to_string(&path).expect("passwd");
        all.push_str(&line);
        write(&path, &all);
    }

    pub fn imaps_port(&self) -> u16 {
        self.imaps_port
    }

    /// The CA that signed the server certificate (for `ca_file`).
    pub fn ca_pem(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Dovecot's log so far (logins, logouts with `deleted=`/`expunged=`
    /// counters, errors).
    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.path().join("dovecot.log")).unwrap_or_default()
    }

    /// A source configuration for `user` on this server: `TlsMode::None`
    /// and `StartTls` use the plain port, `Implicit` the TLS one; quick
    /// timeouts and polling, no disposition.
    pub fn imap_config(&self, user: &str, tls: TlsMode) -> ImapConfig {
        let port = if tls == TlsMode::Implicit { self.imaps_port } else { self.imap_port };
        ImapConfig {
            host: "localhost".into(),
            port,
            tls,
            ca_file: Some(self.ca_pem()),
            username: user.into(),
            auth: ImapAuth::Password(PASSWORD.to_string().into()),
            folder: "INBOX".into(),
            idle: true,
            idle_renew: Duration::from_secs(25 * 60),
            poll_interval: Duration::from_millis(300),
            timeout: Duration::from_secs(10),
            fetch_batch: 10,
            disposition: Disposition::None,
        }
    }

    /// Stops the server (clients are disconnected) and waits for it to go.
    pub fn stop(&mut self) {
        if let Some(master) = self.master.take() {
            shut_down(master);
        }
    }

    /// Starts the stopped server again on the same ports and data.
    pub fn start(&mut self) {
        if self.master.is_some() {
            return;
        }
        let bin = require("dovecot", "dovecot-imapd");
        let deadline = Instant::now() + DEADLINE;
        // The old listening sockets may linger a moment.
        while let Err(e) = self.launch(&bin) {
            assert!(Instant::now() < deadline, "Dovecot did not restart: {e}\n--- log ---\n{}", self.log());
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Gives `folder` a new UIDVALIDITY, keeping its messages: stop, delete
    /// the maildir's `dovecot-uidlist` and the indexes that remember the old
    /// value (the folder's `dovecot.index*`, the root's `dovecot.list.index*`;
    /// with only the uidlist gone Dovecot keeps UIDVALIDITY and renumbers),
    /// start.
    pub fn reset_uidvalidity(&mut self, user: &str, folder: &str) {
        self.stop();
        let maildir = self.maildir(user, folder);
        let root = self.maildir(user, "INBOX");
        let doomed = |dir: &Path, name: &str| {
            (dir == maildir && (name == "dovecot-uidlist" || name.starts_with("dovecot.index")))
                || (dir == root && name.starts_with("dovecot.list.index"))
        };
        for dir in [&maildir, &root] {
            let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            for entry in entries.flatten() {
                if doomed(dir, &entry.file_name().to_string_lossy()) {
                    fs::remove_file(entry.path()).expect("remove uid list or index");
                }
            }
        }
        self.start();
    }

    /// The directory of `folder` (Maildir++: INBOX is the root).
    pub fn maildir(&self, user: &str, folder: &str) -> PathBuf {
        let root = self.home(user).join("Maildir");
        if folder.eq_ignore_ascii_case("INBOX") { root } else { root.join(format!(".{folder}")) }
    }

    /// Delivers many messages fast: straight into `user`'s INBOX Maildir
    /// (tmp/ then new/), as a local delivery agent would, owned by the
    /// mail user Dovecot runs as.
    pub fn deliver_files(&self, user: &str, mails: &[Vec<u8>]) {
        let root = self.maildir(user, "INBOX");
        for sub in ["tmp", "new", "cur"] {
            fs::create_dir_all(root.join(sub)).expect("create the Maildir");
            chown(root.join(sub), Some(MAIL_UID), Some(MAIL_UID)).expect("chown the Maildir");
        }
        chown(&root, Some(MAIL_UID), Some(MAIL_UID)).expect("chown the Maildir");
        for (i, raw) in mails.iter().enumerate() {
            let name = format!("{}.M{i}P1.delivered", 1_700_000_000 + i);
            let tmp = root.join("tmp").join(&name);
            fs::write(&tmp, raw).expect("write a message");
            chown(&tmp, Some(MAIL_UID), Some(MAIL_UID)).expect("chown a message");
            fs::rename(&tmp, root.join("new").join(&name)).expect("deliver a message");
        }
    }

    /// An HS256 JWT this server accepts for XOAUTH2 as `user`.
    pub fn jwt(&self, user: &str, lifetime: Duration) -> String {
        sign_jwt(&self.oauth_key, user, lifetime)
    }

    /// A well-formed JWT signed with a key the server does not know.
    pub fn forged_jwt(&self, user: &str) -> String {
        sign_jwt(b"not the server's key", user, Duration::from_secs(600))
    }

    /// APPENDs `raw` to `folder` over a separate connection, creating the
    /// folder when missing.
    pub async fn append(&self, user: &str, folder: &str, raw: &[u8]) {
        let mut s = self.session(user).await;
        if !folder.eq_ignore_ascii_case("INBOX") {
            let _exists_already = s.create(folder).await;
        }
        within("append", s.append(folder, None, None, raw)).await.expect("append");
        let _ = s.logout().await;
    }

    /// Deletes and expunges message `uid` of `folder` from another
    /// connection (a human moving it away, say).
    pub async fn expunge(&self, user: &str, folder: &str, uid: u32) {
        let mut s = self.session(user).await;
        within("select", s.select(folder)).await.expect("select");
        let store =
            async { s.uid_store(uid.to_string(), "+FLAGS.SILENT (\\Deleted)").await?.try_collect::<Vec<_>>().await };
        within("store", store).await.expect("store \\Deleted");
        within("expunge", async { s.uid_expunge(uid.to_string()).await?.try_collect::<Vec<_>>().await })
            .await
            .expect("expunge");
        let _ = s.logout().await;
    }

    /// UIDs in `folder`, ascending; empty when the folder does not exist.
    pub async fn folder_uids(&self, user: &str, folder: &str) -> Vec<u32> {
        let mut s = self.session(user).await;
        if within("examine", s.examine(folder)).await.is_err() {
            return Vec::new();
        }
        let mut uids: Vec<u32> = within("search", s.uid_search("ALL")).await.expect("search").into_iter().collect();
        uids.sort_unstable();
        let _ = s.logout().await;
        uids
    }

    pub async fn count(&self, user: &str, folder: &str) -> usize {
        self.folder_uids(user, folder).await.len()
    }

    /// Folder names of `user`.
    pub async fn folders(&self, user: &str) -> Vec<String> {
        let mut s = self.session(user).await;
        let names = within("list", async { s.list(Some(""), Some("*")).await?.try_collect::<Vec<_>>().await })
            .await
            .expect("list");
        names.iter().map(|n| n.name().to_string()).collect()
    }

    /// Flags of message `uid` in `folder` (`\Seen`, keywords…).
    pub async fn flags(&self, user: &str, folder: &str, uid: u32) -> Vec<String> {
        let mut s = self.session(user).await;
        within("examine", s.examine(folder)).await.expect("examine");
        let fetches =
            within("fetch", async { s.uid_fetch(uid.to_string(), "FLAGS").await?.try_collect::<Vec<_>>().await })
                .await
                .expect("fetch flags");
        let fetch =
            fetches.iter().find(|f| f.uid == Some(uid)).unwrap_or_else(|| panic!("no message {uid} in {folder}"));
        fetch.flags().map(|f| flag_name(&f)).collect()
    }

    async fn session(&self, user: &str) -> async_imap::Session<tokio::net::TcpStream> {
        let tcp = within("connect", async { Ok(tokio::net::TcpStream::connect(("127.0.0.1", self.imap_port)).await?) })
            .await
            .expect("connect to Dovecot");
        let mut client = async_imap::Client::new(tcp);
        within("greeting", async { Ok(client.read_response().await?) }).await.expect("greeting");
        within("login", async { client.login(user, PASSWORD).await.map_err(|(e, _)| e) }).await.expect("login")
    }

    fn home(&self, user: &str) -> PathBuf {
        self.dir.path().join("home").join(user)
    }

    /// CA, server certificate, users, OAuth2 key: made once per server.
    fn prepare_files(&self) {
        let dir = self.dir.path();
        make_certificates(dir);
        let mut passwd = String::new();
        for user in USERS {
            let home = self.home(user);
            fs::create_dir_all(&home).expect("home");
            chown(&home, Some(MAIL_UID), Some(MAIL_UID)).expect("chown home");
            fs::set_permissions(&home, fs::Permissions::from_mode(0o700)).expect("chmod home");
            passwd.push_str(&format!("{user}:{{PLAIN}}{PASSWORD}:{MAIL_UID}:{MAIL_UID}::{}::\n", home.display()));
        }
        write(&dir.join("passwd"), &passwd);
        // Key lookup: <prefix>/<azp>/<alg>/<kid>, azp and kid "default".
        let keys = dir.join("keys/default/HS256");
        fs::create_dir_all(&keys).expect("key dir");
        write(&keys.join("default"), &STANDARD.encode(&self.oauth_key));
        let oauth = format!(
            "introspection_mode = local\nlocal_validation_key_dict = fs:posix:prefix={}/keys/\nusername_attribute = sub\n",
            dir.display()
        );
        write(&dir.join("oauth2.conf.ext"), &oauth);
    }

    fn write_config(&self) {
        let d = self.dir.path().display();
        let mut caps: Vec<&str> = CAPABILITIES.split_whitespace().collect();
        caps.retain(|c| (self.options.idle || *c != "IDLE") && (self.options.moves || *c != "MOVE"));
        let capability = if self.options.idle && self.options.moves {
            String::new()
        } else {
            format!("imap_capability = {}\n", caps.join(" "))
        };
        let conf = format!(
            r#"protocols = imap lmtp
listen = 127.0.0.1
postmaster_address = postmaster@mailroom.test
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
ssl = yes
ssl_cert = <{d}/server.pem
ssl_key = <{d}/server.key
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer
auth_verbose = yes
# Failed logins are answered at once, not after the default 2 s.
auth_failure_delay = 0
mail_location = maildir:~/Maildir
{capability}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%n {d}/passwd
  mechanisms = plain login
}}
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {d}/oauth2.conf.ext
}}
userdb {{
  driver = passwd-file
  args = username_format=%n {d}/passwd
}}
service lmtp {{
  inet_listener lmtp {{
    address = 127.0.0.1
    port = {lmtp}
  }}
}}
service imap-login {{
  inet_listener imap {{
    port = {imap}
  }}
  inet_listener imaps {{
    port = {imaps}
    ssl = yes
  }}
}}
"#,
            imap = self.imap_port,
            imaps = self.imaps_port,
            lmtp = self.lmtp_port,
        );
        write(&self.conf, &conf);
    }

    /// Runs `dovecot -F -c CONF` and waits until both ports accept.
    fn launch(&mut self, bin: &Path) -> Result<(), String> {
        let errors = self.dir.path().join("start.err");
        let stderr = fs::File::create(&errors).map_err(|e| e.to_string())?;
        let master = Command::new(bin)
            .arg("-F")
            .arg("-c")
            .arg(&self.conf)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("{}: {e}", bin.display()))?;
        let master = self.master.insert(master);
        let deadline = Instant::now() + DEADLINE;
        for port in [self.imap_port, self.imaps_port, self.lmtp_port] {
            let addr = SocketAddr::from(([127, 0, 0, 1], port));
            while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
                if let Ok(Some(status)) = master.try_wait() {
                    self.master = None;
                    let said = fs::read_to_string(&errors).unwrap_or_default();
                    return Err(format!("dovecot exited ({status}): {said}{}", self.log()));
                }
                if Instant::now() > deadline {
                    return Err(format!("port {port} never accepted a connection"));
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        Ok(())
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        if let Some(master) = self.master.take() {
            shut_down(master);
        }
    }
}

/// Runs one helper step with a deadline, so a stuck server fails the test.
async fn within<T>(
    what: &str,
    fut: impl Future<Output = async_imap::error::Result<T>>,
) -> async_imap::error::Result<T> {
    tokio::time::timeout(DEADLINE, fut).await.unwrap_or_else(|_| panic!("Dovecot helper: {what} timed out"))
}

fn flag_name(flag: &async_imap::types::Flag<'_>) -> String {
    use async_imap::types::Flag;
    match flag {
        Flag::Seen => "\\Seen".into(),
        Flag::Answered => "\\Answered".into(),
        Flag::Flagged => "\\Flagged".into(),
        Flag::Deleted => "\\Deleted".into(),
        Flag::Draft => "\\Draft".into(),
        Flag::Recent => "\\Recent".into(),
        Flag::MayCreate => "\\*".into(),
        Flag::Custom(name) => name.to_string(),
    }
}

/// The path of `name`, or a panic telling how to install it.
fn require(name: &str, package: &str) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs = std::env::split_paths(&path).chain(["/usr/sbin".into(), "/usr/bin".into(), "/sbin".into()]);
    for dir in dirs {
        let candidate = dir.join(name);
        if candidate.is_file() {
            return candidate;
        }
    }
    panic!(
        "`{name}` not found: the IMAP tests need a real Dovecot 2.3. Install it with \
         `apt-get install -y dovecot-imapd dovecot-lmtpd openssl` (package {package}); scripts/test does this."
    )
}

fn is_root() -> bool {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(2) == Some("0"))
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local addr").port()
}

/// SIGTERM to the master (it stops respawning), then to its children
/// (sessions say BYE and close; the master reaps them); SIGKILL for what
/// is left after a moment. The master itself lingers for seconds after
/// its children are gone, so it is killed rather than waited for.
fn shut_down(mut master: Child) {
    let pid = master.id();
    signal("TERM", &[pid]);
    let mut seen: Vec<u32> = Vec::new();
    let deadline = Instant::now() + Duration::from_millis(500);
    while matches!(master.try_wait(), Ok(None)) && Instant::now() < deadline {
        let children = children_of(pid);
        signal("TERM", &children);
        seen.extend(children);
        if !seen.is_empty() && seen.iter().all(|&p| !alive(p)) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = master.kill();
    let _ = master.wait();
    signal("KILL", &seen.into_iter().filter(|&p| alive(p)).collect::<Vec<_>>());
}

fn signal(name: &str, pids: &[u32]) {
    if pids.is_empty() {
        return;
    }
    let _ = Command::new("kill")
        .arg(format!("-{name}"))
        .args(pids.iter().map(u32::to_string))
        .stderr(Stdio::null())
        .status();
}

/// Processes whose parent is `parent` (from /proc).
fn children_of(parent: u32) -> Vec<u32> {
    let Ok(entries) = fs::read_dir("/proc") else { return Vec::new() };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            // Fields after the parenthesised command: state, ppid, ...
            let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
            after.split_whitespace().nth(1).and_then(|p| p.parse::<u32>().ok()) == Some(parent)
        })
        .collect()
}

/// Running, not a zombie.
fn alive(pid: u32) -> bool {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let state = stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().next());
    matches!(state, Some(s) if s != "Z")
}

fn write(path: &Path, text: &str) {
    let mut file = fs::File::create(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    file.write_all(text.as_bytes()).expect("write");
    fs::set_permissions(path, fs::Permissions::from_mode(0o644)).expect("chmod");
}

/// A CA and a `localhost`/`127.0.0.1` server certificate it signs (EC
/// P-256: fast). rustls wants `CA:FALSE` on the leaf.
fn make_certificates(dir: &Path) {
    let run = |args: &[&str]| {
        let out = Command::new("openssl").args(args).current_dir(dir).output().expect("run openssl");
        assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    run(&[
        &["req", "-x509"][..],
        &ec,
        &["-keyout", "ca.key", "-out", "ca.pem", "-days", "3", "-subj", "/CN=mailroom test CA"],
        &["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign"],
    ]
    .concat());
    run(&[&["req"][..], &ec, &["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"]].concat());
    write(
        &dir.join("server.ext"),
        "basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n\
         keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n",
    );
    run(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "3",
        "-extfile",
        "server.ext",
    ]);
}

fn sign_jwt(key: &[u8], user: &str, lifetime: Duration) -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("clock after 1970").as_secs();
    let header = URL_SAFE_NO_PAD.encode(r#"{"typ":"JWT","alg":"HS256"}"#);
    let claims = format!(r#"{{"sub":"{user}","iat":{now},"exp":{}}}"#, now + lifetime.as_secs());
    let signed = format!("{header}.{}", URL_SAFE_NO_PAD.encode(claims));
    let signature = URL_SAFE_NO_PAD.encode(hmac_sha256(key, signed.as_bytes()));
    format!("{signed}.{signature}")
}

/// HMAC-SHA256 (RFC 2104) over sha2, to sign test tokens.
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    if key.len() > block.len() {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.iter().map(|b| b ^ byte).collect::<Vec<u8>>();
    let inner = Sha256::new().chain_update(pad(0x36)).chain_update(message).finalize();
    Sha256::new().chain_update(pad(0x5c)).chain_update(inner).finalize().into()
}

#[test]
#[should_panic(expected = "apt-get install -y dovecot-imapd")]
fn a_missing_server_binary_fails_loudly_with_the_install_command() {
    require("dovecot-that-is-not-installed", "dovecot-imapd");
}

#[test]
fn hmac_sha256_matches_rfc_4231_case_2() {
    let mac = hmac_sha256(b"Jefe", b"what do ya want for nothing?");
    let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}
