//! A harness: the real server on 127.0.0.1 (a port the system picks), in this process, on its
//! own runtime, with a real HTTP client.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nutgraf_server::{Options, Server};
use serde_json::Value;
use tokio::sync::oneshot;

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The bundled example article.
pub fn example() -> String {
    std::fs::read_to_string(repo().join("examples/000_4fe1697fc82e48a7.txt")).unwrap()
}

/// The first `n` CNN/DailyMail validation records (`../shared`).
pub fn validation(n: usize) -> Vec<Value> {
    use std::io::BufRead;
    let path = repo().join("../shared/data/cnndm/validation.jsonl.gz");
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    reader
        .lines()
        .take(n)
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect()
}

/// A server running in the background; stopped (gracefully) when dropped.
pub struct TestServer {
    pub addr: SocketAddr,
    pub base: String,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl TestServer {
    /// Starts a server with these options (`addr` is replaced by 127.0.0.1:0).
    pub fn start(options: Options) -> TestServer {
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let options = Options {
                    addr: SocketAddr::from(([127, 0, 0, 1], 0)),
                    ..options
                };
                let server = Server::bind(options).await.unwrap();
                addr_tx.send(server.local_addr().unwrap()).unwrap();
                server
                    .run(async {
                        let _ = stop_rx.await;
                    })
                    .await
                    .unwrap();
            });
        });
        let addr = addr_rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the server starts");
        TestServer {
            addr,
            base: format!("http://{addr}"),
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }

    /// With the default options, 2 workers.
    pub fn default_server() -> TestServer {
        TestServer::start(Options {
            workers: 2,
            ..Options::default()
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Starts the graceful shutdown and returns at once.
    pub fn begin_shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Waits for the server to have stopped.
    pub fn join(&mut self) {
        self.begin_shutdown();
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }

    /// A gauge or counter of `/metrics` (the first sample line starting with `name`).
    pub fn metric(&self, name: &str) -> f64 {
        let text = blocking_get(&self.url("/metrics"));
        text.lines()
            .find(|l| l.starts_with(name) && !l.starts_with('#'))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{name} in\n{text}"))
    }

    /// Waits until `/metrics` shows `name` at `value`.
    pub fn wait_for_metric(&self, name: &str, value: f64) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.metric(name) != value {
            assert!(Instant::now() < deadline, "{name} never reached {value}");
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.begin_shutdown();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// A client.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

/// A status, headers and the JSON body.
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Answer {
    /// The error body's `code` and `field`.
    pub fn error(&self) -> (&str, Option<&str>) {
        let e = &self.body["error"];
        assert!(e.is_object(), "not an error: {}", self.text);
        assert!(e["message"].is_string(), "{}", self.text);
        (e["code"].as_str().unwrap(), e["field"].as_str())
    }
}

/// POSTs `body` (raw bytes) with `content_type`.
pub async fn post_raw(url: &str, content_type: Option<&str>, body: Vec<u8>) -> Answer {
    let mut request = client().post(url).body(body);
    if let Some(ct) = content_type {
        request = request.header("content-type", ct);
    }
    let response = request.send().await.unwrap();
    answer(response).await
}

/// POSTs JSON.
pub async fn post(url: &str, body: &Value) -> Answer {
    post_raw(url, Some("application/json"), body.to_string().into_bytes()).await
}

/// GETs.
pub async fn get(url: &str) -> Answer {
    answer(client().get(url).send().await.unwrap()).await
}

async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    Answer {
        status,
        headers,
        body,
        text,
    }
}

/// A GET over a plain socket, for use outside the async runtime.
pub fn blocking_get(url: &str) -> String {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let mut stream = TcpStream::connect(host).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        stream,
        "GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    stream.read_to_string(&mut out).unwrap();
    out.split_once("\r\n\r\n")
        .map_or(out.clone(), |(_, b)| b.to_string())
}

/// A runtime for a test.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// A batch body that keeps one worker busy for a while: `n` validation articles with
/// SummaRuNNer (about 5 ms each on one core).
pub fn slow_batch(n: usize) -> Value {
    let docs: Vec<Value> = validation(40)
        .into_iter()
        .cycle()
        .take(n)
        .map(|r| serde_json::json!({"text": r["article"]}))
        .collect();
    serde_json::json!({"documents": docs, "config": {"method": "summarunner"}})
}
