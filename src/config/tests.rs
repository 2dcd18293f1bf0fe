use std::io::Write;

use super::*;

/// Config tests change the process environment, so they run one at a time.
static ENV: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn file(text: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(text.as_bytes()).unwrap();
    f
}

fn with_env<T>(vars: &[(&str, &str)], f: impl FnOnce() -> T) -> T {
    let _guard = ENV.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: tests touching the environment hold ENV, so no other thread
    // of this test binary reads or writes it meanwhile.
    unsafe {
        for (k, v) in vars {
            std::env::set_var(k, v);
        }
    }
    let out = f();
    unsafe {
        for (k, _) in vars {
            std::env::remove_var(k);
        }
    }
    out
}

const IMAP: &str = r#"
[mailbox]
source = "imap"
host = "imap.example.com"
username = "ops@example.com"

[mailbox.disposition]
mode = "flag"
"#;

#[test]
fn without_a_file_the_defaults_are_valid_and_read_no_mail() {
    let c = with_env(&[], || Config::load(None)).unwrap();
    assert_eq!(c.database_url, "sqlite:mailroom.db");
    assert!(c.sources.is_empty());
}

#[test]
fn environment_variables_override_the_file_and_supply_the_secret() {
    let f = file(IMAP);
    let c = with_env(
        &[
            ("MAILROOM__MAILBOX__PASSWORD", "s3cret"),
            ("MAILROOM__MAILBOX__FOLDER", "Ops"),
            ("MAILROOM__DATABASE__URL", "sqlite:/tmp/x.db"),
        ],
        || Config::load(Some(f.path())),
    )
    .unwrap();
    let Some(SourceConfig::Imap(imap)) = c.sources.first() else { panic!("{c:?}") };
    assert_eq!((imap.port, imap.tls, imap.folder.as_str()), (993, TlsMode::Implicit, "Ops"));
    assert_eq!(c.database_url, "sqlite:/tmp/x.db");
    assert_eq!(imap.disposition, Disposition::Flag { keyword: "$MailroomDone".into() });
    let shown = c.masked();
    assert!(shown.contains("********") && !shown.contains("s3cret"), "{shown}");
}

#[test]
fn a_secret_in_the_file_is_refused_and_every_problem_is_listed() {
    let f = file(
        "[mailbox]\nsource = \"imap\"\nhost = \"imap.example.com\"\ntls = \"none\"\npassword = \"oops\"\nidle_renew_secs = 1800\n",
    );
    let e = with_env(&[], || Config::load(Some(f.path()))).unwrap_err().to_string();
    for part in
        ["mailbox.password` is a secret", "only allowed on loopback", "mailbox.username is required", "29-minute"]
    {
        assert!(e.contains(part), "{e} lacks {part}");
    }
}

#[test]
fn a_password_file_and_plain_imap_on_loopback_are_accepted() {
    let pw = file("from-a-file\n");
    let f = file(&format!(
        "[mailbox]\nsource = \"imap\"\nhost = \"127.0.0.1\"\nport = 1143\ntls = \"none\"\nusername = \"ops\"\npassword_file = {:?}\n",
        pw.path()
    ));
    let c = with_env(&[], || Config::load(Some(f.path()))).unwrap();
    let Some(SourceConfig::Imap(imap)) = c.sources.first().cloned() else { panic!() };
    let ImapAuth::Password(p) = imap.auth else { panic!() };
    assert_eq!(secrecy::ExposeSecret::expose_secret(&p), "from-a-file");
}

#[test]
fn an_unknown_key_or_a_missing_file_is_refused() {
    let f = file("[mailbox]\nsorce = \"imap\"\n");
    assert!(with_env(&[], || Config::load(Some(f.path()))).unwrap_err().to_string().contains("sorce"));
    let e = with_env(&[], || Config::load(Some(Path::new("/nonexistent/mailroom.toml")))).unwrap_err().to_string();
    assert!(e.contains("no such configuration file"), "{e}");
}

#[test]
fn a_maildir_source_is_a_path() {
    let c = with_env(&[("MAILROOM__MAILBOX__SOURCE", "maildir:/var/mail/ops")], || Config::load(None)).unwrap();
    assert!(
        matches!(c.sources.first(), Some(SourceConfig::Maildir { path, .. }) if path == Path::new("/var/mail/ops"))
    );
}

#[test]
fn autonomy_brands_and_channels_are_read_and_checked() {
    let f = file(
        r#"
[autonomy]
default = "shadow"
carrier_delay = "auto"
customer_wismo = "approve"

[[brands]]
name = "Northwind Apparel"
from = "Northwind Apparel <care@northwind.example>"
default_language = "en"

[email]
transport = "smtp"
host = "smtp.example.com"

[webhook]
url = "https://oms.example.com/hooks/mailroom"

[outbox]
recipient_cap = 5
"#,
    );
    let c =
        with_env(&[("MAILROOM__WEBHOOK__SECRET", "hook-secret"), ("MAILROOM__EMAIL__PASSWORD", "smtp-secret")], || {
            Config::load(Some(f.path()))
        })
        .unwrap();
    let r = &c.resolution;
    use crate::act::Mode;
    use crate::domain::Category;
    assert_eq!(r.autonomy.mode(Category::CarrierDelay), Mode::Auto);
    assert_eq!(r.autonomy.mode(Category::CustomerWismo), Mode::Approve);
    assert_eq!(r.autonomy.mode(Category::SupplierDelay), Mode::Shadow);
    assert_eq!(r.brands.get("Northwind Apparel").slug, "northwind-apparel");
    assert_eq!(r.guard.per_recipient, 5);
    assert!(matches!(&r.email, EmailTransport::Smtp(s) if s.port == 587));
    assert!(r.webhook.is_some());
    let shown = c.masked();
    assert!(!shown.contains("hook-secret") && !shown.contains("smtp-secret"), "{shown}");

    let bad = file(
        "[autonomy]\ncarrier_delay = \"sometimes\"\nnot_a_label = \"auto\"\n\n[webhook]\nurl = \"https://x.example\"\n\n[[brands]]\nname = \"X\"\nfrom = \"nobody\"\n",
    );
    let e = with_env(&[], || Config::load(Some(bad.path()))).unwrap_err().to_string();
    for part in ["sometimes", "not_a_label", "webhook.url needs", "is not a mailbox"] {
        assert!(e.contains(part), "{e} lacks {part}");
    }
}

#[test]
fn the_example_configuration_in_the_repository_is_valid() {
    // Secrets and machine paths come from the environment, as in production.
    let secret = file("s3cret\n");
    let s = secret.path().to_str().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("mailroom.example.toml");
    let senders = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/senders.toml");
    let orders = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/orders.json");
    let c = with_env(
        &[
            ("MAILROOM__MAILBOX__PASSWORD_FILE", s),
            ("MAILROOM__EMAIL__PASSWORD_FILE", s),
            ("MAILROOM__WEBHOOK__SECRET_FILE", s),
            ("MAILROOM__TRIAGE__SENDERS_FILE", senders.to_str().unwrap()),
            ("MAILROOM__TRIAGE__ORDERS_FILE", orders.to_str().unwrap()),
        ],
        || Config::load(Some(&example)),
    )
    .unwrap();
    assert!(matches!(c.sources.first(), Some(SourceConfig::Imap(_))));
    assert_eq!(c.resolution.brands.0.len(), 2);
    assert!(!c.masked().contains("s3cret"));
}

#[test]
fn offline_commands_need_no_mailbox_or_channel_secret_but_the_rest_is_still_checked() {
    let f = file(&format!("{IMAP}\n[webhook]\nurl = \"https://oms.example.com/h\"\n"));
    let full = with_env(&[], || Config::load(Some(f.path()))).unwrap_err().to_string();
    assert!(full.contains("MAILROOM__MAILBOX__PASSWORD"), "{full}");
    let offline = with_env(&[], || Config::load_offline(Some(f.path()))).unwrap();
    assert!(offline.sources.is_empty() && offline.resolution.webhook.is_none());
    let bad = file("[database]\nurl = \"mysql://x\"\n[mailbox]\nsource = \"imap\"\n");
    let e = with_env(&[], || Config::load_offline(Some(bad.path()))).unwrap_err().to_string();
    assert!(e.contains("database.url"), "{e}");
}

#[test]
fn the_model_tier_is_off_without_a_base_url_and_read_with_its_key_from_the_environment() {
    let c = with_env(&[], || Config::load(None)).unwrap();
    assert!(c.llm.is_none(), "rules only by default");
    let f = file(
        "[llm]\nbase_url = \"http://127.0.0.1:8080/v1/\"\nmodel = \"qwen\"\nclassifier = \"llm\"\ntimeout_secs = 7\n",
    );
    let c = with_env(&[("MAILROOM__LLM__API_KEY", "sk-live")], || Config::load(Some(f.path()))).unwrap();
    let llm = c.llm.as_ref().unwrap();
    assert_eq!(llm.settings.base_url, "http://127.0.0.1:8080/v1");
    assert_eq!((llm.settings.model.as_str(), llm.mode), ("qwen", ClassifierMode::Llm));
    assert_eq!(llm.settings.timeout, Duration::from_secs(7));
    assert!(llm.prompts.classify.version.starts_with("classify-"));
    let shown = c.masked();
    assert!(!shown.contains("sk-live"), "{shown}");
}

#[test]
fn a_bad_model_section_is_refused_with_every_problem() {
    let f = file(
        "[llm]\nbase_url = \"ftp://x\"\nmodel = \"\"\nclassifier = \"magic\"\nmin_confidence = 2.0\napi_key = \"sk-in-file\"\n",
    );
    let e = with_env(&[], || Config::load(Some(f.path()))).unwrap_err().to_string();
    for part in [
        "llm.api_key` is a secret",
        "llm.base_url",
        "llm.model is required",
        "llm.classifier \"magic\"",
        "llm.min_confidence",
    ] {
        assert!(e.contains(part), "{e} lacks {part}");
    }
}

#[test]
fn more_mailboxes_and_the_instance_are_read_and_their_secrets_stay_out_of_the_file() {
    let secret = file("brand-b-password\n");
    let toml = format!(
        "{IMAP}\n[instance]\nid = \"node-a\"\nlease_secs = 10\n\n[[mailboxes]]\nsource = \"imap\"\nhost = \"127.0.0.1\"\n\
         tls = \"none\"\nusername = \"brand-b\"\npassword_file = {:?}\n\n[[mailboxes]]\nsource = \"maildir:/var/mail/c\"\n",
        secret.path()
    );
    let f = file(&toml);
    let c = with_env(&[("MAILROOM__MAILBOX__PASSWORD", "a")], || Config::load(Some(f.path()))).unwrap();
    assert_eq!(c.sources.len(), 3);
    assert!(matches!(&c.sources[1], SourceConfig::Imap(i) if i.username == "brand-b"));
    assert!(matches!(&c.sources[2], SourceConfig::Maildir { path, .. } if path == Path::new("/var/mail/c")));
    assert_eq!((c.sharing.instance.as_str(), c.sharing.mailboxes), ("node-a", 3));
    assert_eq!(c.sharing.lease_ttl, Duration::from_secs(10));

    let inline = file(&format!(
        "{IMAP}\n[[mailboxes]]\nsource = \"imap\"\nhost = \"127.0.0.1\"\ntls = \"none\"\nusername = \"b\"\npassword = \"x\"\n"
    ));
    let e = with_env(&[("MAILROOM__MAILBOX__PASSWORD", "a")], || Config::load(Some(inline.path()))).unwrap_err();
    assert!(e.to_string().contains("mailboxes[0]: a password or token is a secret"), "{e}");
    let missing = file(&format!("{IMAP}\n[[mailboxes]]\nsource = \"imap\"\nusername = \"b\"\n"));
    let e = with_env(&[("MAILROOM__MAILBOX__PASSWORD", "a")], || Config::load(Some(missing.path()))).unwrap_err();
    assert!(e.to_string().contains("mailboxes[0].host is required"), "{e}");
}
