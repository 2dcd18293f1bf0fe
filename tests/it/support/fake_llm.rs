//! An OpenAI-compatible chat-completions server for tests: real HTTP/1.1 on
//! a local port, answering what the test's script says (correctly, wrongly,
//! slowly, 429 with Retry-After, 500, malformed JSON, schema violations,
//! refusals, adversarial answers). A paid API cannot run here; this speaks
//! its wire format so the client is tested end to end over the network.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the server sends back for one request.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub delay: Duration,
}

impl Answer {
    /// A 200 chat completion whose message content is `content`.
    pub fn content(content: &str) -> Answer {
        Answer::json(200, completion(content, None))
    }

    pub fn refusal(text: &str) -> Answer {
        Answer::json(200, completion("", Some(text)))
    }

    pub fn json(status: u16, v: Value) -> Answer {
        Answer {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: v.to_string(),
            delay: Duration::ZERO,
        }
    }

    pub fn text(status: u16, body: &str) -> Answer {
        Answer {
            status,
            headers: vec![("content-type".into(), "text/plain".into())],
            body: body.into(),
            delay: Duration::ZERO,
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Answer {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn after(mut self, delay: Duration) -> Answer {
        self.delay = delay;
        self
    }
}

fn completion(content: &str, refusal: Option<&str>) -> Value {
    json!({
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_765_000_000u32,
        "model": "fake-model",
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": if refusal.is_some() { Value::Null } else { json!(content) }, "refusal": refusal},
            "finish_reason": "stop"
        }],
        "usage": {"prompt_tokens": 120, "completion_tokens": 40, "total_tokens": 160}
    })
}

/// One received request: its headers and JSON body.
#[derive(Debug, Clone)]
pub struct Received {
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Value,
}

impl Received {
    /// The user message's text.
    pub fn user(&self) -> String {
        self.body["messages"]
            .as_array()
            .and_then(|m| m.iter().find(|m| m["role"] == "user"))
            .and_then(|m| m["content"].as_str())
            .unwrap_or_default()
            .to_string()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

type Script = dyn Fn(&Received, usize) -> Answer + Send + Sync;

pub struct FakeLlm {
    pub url: String,
    pub requests: Arc<Mutex<Vec<Received>>>,
    count: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl FakeLlm {
    /// Serve `script(request, n)` for the n-th request (0-based).
    pub async fn start(script: impl Fn(&Received, usize) -> Answer + Send + Sync + 'static) -> FakeLlm {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/v1", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let count = Arc::new(AtomicUsize::new(0));
        let script: Arc<Script> = Arc::new(script);
        let (r, c) = (requests.clone(), count.clone());
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (r, c, script) = (r.clone(), c.clone(), script.clone());
                tokio::spawn(async move {
                    let _ = serve(stream, &r, &c, &*script).await;
                });
            }
        });
        FakeLlm { url, requests, count, task }
    }

    pub fn count(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }
}

impl Drop for FakeLlm {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// One connection, one or more requests (keep-alive), HTTP/1.1 with
/// Content-Length bodies, as reqwest sends them.
async fn serve(
    mut stream: TcpStream,
    log: &Mutex<Vec<Received>>,
    count: &AtomicUsize,
    script: &Script,
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    loop {
        let head_end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            let mut chunk = [0u8; 8192];
            let n = stream.read(&mut chunk).await?;
            if n == 0 {
                return Ok(());
            }
            buf.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
        let mut lines = head.split("\r\n");
        let path = lines.next().unwrap_or_default().split(' ').nth(1).unwrap_or_default().to_string();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        let len: usize = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        while buf.len() < head_end + len {
            let mut chunk = [0u8; 8192];
            let n = stream.read(&mut chunk).await?;
            if n == 0 {
                return Ok(());
            }
            buf.extend_from_slice(&chunk[..n]);
        }
        let body: Value = serde_json::from_slice(&buf[head_end..head_end + len]).unwrap_or(Value::Null);
        buf.drain(..head_end + len);
        let received = Received { path, headers, body };
        let n = count.fetch_add(1, Ordering::SeqCst);
        log.lock().unwrap().push(received.clone());
        let answer = script(&received, n);
        if !answer.delay.is_zero() {
            tokio::time::sleep(answer.delay).await;
        }
        let mut out = format!("HTTP/1.1 {} X\r\ncontent-length: {}\r\n", answer.status, answer.body.len());
        for (k, v) in &answer.headers {
            out.push_str(&format!("{k}: {v}\r\n"));
        }
        out.push_str("\r\n");
        out.push_str(&answer.body);
        stream.write_all(out.as_bytes()).await?;
    }
}

/// A well-formed classification answer.
pub fn classification(category: &str, confidence: f64) -> Value {
    json!({
        "category": category, "confidence": confidence, "order_refs": [], "new_address": null,
        "new_date": null, "lines": [], "summary": "What the sender wants.", "instructs_agent": false
    })
}
