//! A headless Chromium driven over the W3C WebDriver protocol (Debian's
//! `chromium` and `chromium-driver`, installed by scripts/test): a few
//! plain HTTP calls to a real chromedriver, no browser download, no
//! JavaScript test framework.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

/// The key W3C WebDriver names element references by.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Browser {
    driver: Child,
    http: reqwest::Client,
    base: String,
    _profile: tempfile::TempDir,
}

fn require(bin: &str, package: &str) {
    let found =
        Command::new("sh").args(["-c", &format!("command -v {bin}")]).output().is_ok_and(|o| o.status.success());
    assert!(found, "`{bin}` not found: the browser tests need Debian's {package} (scripts/test installs it)");
}

impl Browser {
    pub async fn start() -> Browser {
        require("chromium", "chromium");
        require("chromedriver", "chromium-driver");
        mailroom::tls::install_crypto_provider();
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let http = reqwest::Client::builder().timeout(Duration::from_secs(60)).build().unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while http.get(format!("{base}/status")).send().await.is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not answer within 20 s");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().unwrap();
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                         "--window-size=1360,1000", format!("--user-data-dir={}", profile.path().display())]
            }
        }}});
        let r: Value = http.post(format!("{base}/session")).json(&caps).send().await.unwrap().json().await.unwrap();
        let id = r["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no WebDriver session: {r}")).to_string();
        Browser { driver, http, base: format!("{base}/session/{id}"), _profile: profile }
    }

    async fn try_call(&self, method: reqwest::Method, path: &str, body: &Value) -> Result<Value, Value> {
        let req = self.http.request(method, format!("{}{path}", self.base));
        let req = if body.is_null() { req } else { req.json(body) };
        let r: Value = req.send().await.unwrap().json().await.unwrap();
        if r["value"]["error"].is_null() { Ok(r["value"].clone()) } else { Err(r) }
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        self.try_call(method, path, &body).await.unwrap_or_else(|r| panic!("WebDriver {path}: {r}"))
    }

    /// Wait (up to 15 s) until the page's URL ends with `suffix`: a form
    /// post and its redirect have landed.
    pub async fn wait_for_url(&self, suffix: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let url = self.url().await;
            if url.ends_with(suffix) {
                return;
            }
            assert!(Instant::now() < deadline, "the browser stayed at {url}, expected …{suffix}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn goto(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", json!({ "url": url })).await;
    }

    pub async fn url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", Value::Null).await.as_str().unwrap_or("").to_string()
    }

    /// The element a CSS selector finds (its WebDriver id).
    pub async fn find(&self, css: &str) -> String {
        let v = self.call(reqwest::Method::POST, "/element", json!({ "using": "css selector", "value": css })).await;
        v[ELEMENT].as_str().unwrap_or_else(|| panic!("no element {css}: {v}")).to_string()
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let e = self.find(css).await;
        self.call(reqwest::Method::POST, &format!("/element/{e}/clear"), json!({})).await;
        self.call(reqwest::Method::POST, &format!("/element/{e}/value"), json!({ "text": text })).await;
    }

    pub async fn click(&self, css: &str) {
        let e = self.find(css).await;
        self.call(reqwest::Method::POST, &format!("/element/{e}/click"), json!({})).await;
    }

    /// The visible text of the page (read again when the page was
    /// replaced under us by a navigation).
    pub async fn text(&self) -> String {
        for _ in 0..50 {
            let found = self
                .try_call(reqwest::Method::POST, "/element", &json!({ "using": "css selector", "value": "body" }))
                .await;
            if let Ok(v) = found
                && let Some(e) = v[ELEMENT].as_str()
                && let Ok(t) = self.try_call(reqwest::Method::GET, &format!("/element/{e}/text"), &Value::Null).await
            {
                return t.as_str().unwrap_or("").to_string();
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("cannot read the page's text");
    }

    pub async fn screenshot(&self, path: &Path) {
        let b64 = self.call(reqwest::Method::GET, "/screenshot", Value::Null).await;
        let png = base64::engine::general_purpose::STANDARD.decode(b64.as_str().unwrap()).unwrap();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, png).unwrap();
    }
}

impl Browser {
    /// End the session (closing Chromium) and the driver.
    pub async fn quit(self) {
        let _ = self.http.delete(&self.base).send().await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
