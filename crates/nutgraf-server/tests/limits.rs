//! Load and limits: a full queue answers 503 with Retry-After at once, a request past the
//! timeout gets 504 and its work is dropped, slow and never-ending bodies are cut off, and
//! shutdown (in process, and by SIGTERM to a real process) lets requests in flight finish.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{post, runtime, slow_batch, TestServer};
use nutgraf_server::Options;
use serde_json::json;

#[test]
fn a_full_queue_answers_503_with_retry_after_at_once_and_recovers() {
    let server = TestServer::start(Options {
        workers: 1,
        queue: 1,
        ..Options::default()
    });
    let url = server.url("/v1/summarize");
    let slow = slow_batch(150);
    runtime().block_on(async {
        // One job running, one waiting: the pool is full.
        let running = tokio::spawn({
            let (url, body) = (url.clone(), slow.clone());
            async move { post(&url, &body).await }
        });
        tokio::task::spawn_blocking({
            let metrics = server.url("/metrics");
            move || wait_for(&metrics, "nutgraf_jobs_running", 1.0)
        })
        .await
        .unwrap();
        let waiting = tokio::spawn({
            let (url, body) = (url.clone(), slow.clone());
            async move { post(&url, &body).await }
        });
        tokio::task::spawn_blocking({
            let metrics = server.url("/metrics");
            move || wait_for(&metrics, "nutgraf_queue_depth", 1.0)
        })
        .await
        .unwrap();
        let start = Instant::now();
        let refused = post(&url, &json!({"text": "One. Two."})).await;
        assert!(
            start.elapsed() < Duration::from_millis(500),
            "answered at once"
        );
        assert_eq!(refused.status, 503, "{}", refused.text);
        assert_eq!(refused.error(), ("queue_full", None));
        assert_eq!(refused.headers["retry-after"].to_str().unwrap(), "1");
        // The admitted ones finish, and then the server takes work again.
        assert_eq!(running.await.unwrap().status, 200);
        assert_eq!(waiting.await.unwrap().status, 200);
        assert_eq!(post(&url, &json!({"text": "One. Two."})).await.status, 200);
    });
    assert_eq!(
        server.metric(r#"nutgraf_rejections_total{reason="queue_full"}"#),
        1.0
    );
}

/// Waits until the metric `name` reads `value`.
fn wait_for(metrics_url: &str, name: &str, value: f64) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = common::blocking_get(metrics_url);
        let now = text
            .lines()
            .find(|l| l.starts_with(name) && !l.starts_with('#'))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse::<f64>().ok());
        if now == Some(value) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{name} never reached {value}: {now:?}"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn past_the_timeout_a_request_gets_504_and_its_work_stops() {
    let server = TestServer::start(Options {
        workers: 1,
        timeout: Duration::from_millis(300),
        max_body: 16 << 20,
        ..Options::default()
    });
    runtime().block_on(async {
        let start = Instant::now();
        let a = post(&server.url("/v1/summarize"), &slow_batch(1000)).await;
        assert_eq!(a.status, 504, "{}", a.text);
        assert_eq!(a.error(), ("timeout", None));
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "{:?}",
            start.elapsed()
        );
    });
    // The batch stops between documents: the worker is free long before the 1000 documents
    // are done (5 s of work).
    let after = Instant::now();
    server.wait_for_metric("nutgraf_jobs_running", 0.0);
    assert!(
        after.elapsed() < Duration::from_millis(1500),
        "{:?}",
        after.elapsed()
    );
    assert_eq!(
        server.metric(r#"nutgraf_rejections_total{reason="timeout"}"#),
        1.0
    );
}

/// Opens a raw connection and sends `head` (request line and headers).
fn raw(server: &TestServer, head: &str) -> TcpStream {
    let mut s = TcpStream::connect(server.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(head.as_bytes()).unwrap();
    s
}

/// Reads until the server closes or `\r\n\r\n` plus the body has come; returns what came.
fn read_answer(s: &mut TcpStream) -> String {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                out.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&out);
                if let Some((head, body)) = text.split_once("\r\n\r\n") {
                    let len = head.lines().find_map(|l| {
                        l.to_ascii_lowercase()
                            .strip_prefix("content-length: ")
                            .map(|v| v.trim().parse::<usize>().unwrap())
                    });
                    if len.is_some_and(|n| body.len() >= n) {
                        break;
                    }
                }
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn a_slow_body_gets_504_and_a_never_ending_one_413() {
    let server = TestServer::start(Options {
        workers: 1,
        timeout: Duration::from_millis(500),
        max_body: 64 * 1024,
        ..Options::default()
    });
    let head = "POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    // A trickle: one byte every 100 ms, under the size limit, never finished.
    let start = Instant::now();
    let mut slow = raw(&server, head);
    let writer = {
        let mut w = slow.try_clone().unwrap();
        std::thread::spawn(move || {
            let _ = w.write_all(b"1\r\n{\r\n");
            for _ in 0..50 {
                std::thread::sleep(Duration::from_millis(100));
                if w.write_all(b"1\r\n \r\n").is_err() {
                    break;
                }
            }
        })
    };
    let answer = read_answer(&mut slow);
    assert!(answer.starts_with("HTTP/1.1 504"), "{answer}");
    assert!(answer.contains("\"timeout\""), "{answer}");
    assert!(start.elapsed() < Duration::from_secs(3));
    drop(slow);
    writer.join().unwrap();
    // A body that never ends, sent as fast as it goes: refused once past the limit.
    let mut endless = raw(&server, head);
    let writer = {
        let mut w = endless.try_clone().unwrap();
        std::thread::spawn(move || {
            let chunk = format!("{:x}\r\n{}\r\n", 8192, "a".repeat(8192));
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline && w.write_all(chunk.as_bytes()).is_ok() {}
        })
    };
    let answer = read_answer(&mut endless);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    drop(endless);
    writer.join().unwrap();
    // Headers that never end: the connection is closed after the timeout.
    let start = Instant::now();
    let mut s = raw(&server, "POST /v1/summarize HTTP/1.1\r\nHost: x\r\n");
    let answer = read_answer(&mut s);
    assert!(!answer.contains("200 OK"), "{answer}");
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    // And the server still serves.
    runtime().block_on(async {
        assert_eq!(
            post(&server.url("/v1/summarize"), &json!({"text": "One. Two."}))
                .await
                .status,
            200
        );
    });
}

#[test]
fn an_announced_oversized_body_is_refused_before_it_is_sent() {
    let server = TestServer::start(Options {
        workers: 1,
        max_body: 1000,
        ..Options::default()
    });
    // `Expect: 100-continue`: the answer comes without asking for the body.
    let mut s = raw(
        &server,
        "POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n",
    );
    let answer = read_answer(&mut s);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(!answer.contains("100 Continue"), "{answer}");
    assert!(answer.contains("\"payload_too_large\""), "{answer}");
}

#[test]
fn shutdown_lets_the_request_in_flight_finish_and_refuses_new_connections() {
    let mut server = TestServer::start(Options {
        workers: 1,
        ..Options::default()
    });
    let url = server.url("/v1/summarize");
    let metrics = server.url("/metrics");
    let addr = server.addr;
    runtime().block_on(async {
        let in_flight = tokio::spawn({
            let (url, body) = (url.clone(), slow_batch(150));
            async move { post(&url, &body).await }
        });
        tokio::task::spawn_blocking(move || wait_for(&metrics, "nutgraf_jobs_running", 1.0))
            .await
            .unwrap();
        server.begin_shutdown();
        // The listener closes: new connections are refused.
        let deadline = Instant::now() + Duration::from_secs(5);
        while TcpStream::connect(addr).is_ok() {
            assert!(Instant::now() < deadline, "still accepting");
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let answer = in_flight.await.unwrap();
        assert_eq!(answer.status, 200, "{}", answer.text);
        assert_eq!(answer.body["documents"].as_array().unwrap().len(), 150);
    });
    server.join();
}

/// The child of [`sigterm_stops_a_real_process_gracefully`]: a server in its own process,
/// stopped by a signal. Does nothing unless that test starts it.
#[test]
#[ignore = "run by sigterm_stops_a_real_process_gracefully in a child process"]
fn serve_until_signalled() {
    if std::env::var_os("NUTGRAF_SERVE_CHILD").is_none() {
        return;
    }
    runtime().block_on(async {
        let server = nutgraf_server::Server::bind(Options {
            addr: "127.0.0.1:0".parse().unwrap(),
            workers: 1,
            ..Options::default()
        })
        .await
        .unwrap();
        println!("ADDR={}", server.local_addr().unwrap());
        server.run(nutgraf_server::shutdown_signal()).await.unwrap();
        println!("STOPPED");
    });
}

#[test]
fn sigterm_stops_a_real_process_gracefully() {
    use std::io::BufRead;
    /// Kills the child if the test fails before it has stopped.
    struct Child(std::process::Child);
    impl Drop for Child {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut child = Child(
        Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "serve_until_signalled",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("NUTGRAF_SERVE_CHILD", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut lines = std::io::BufReader::new(child.0.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("the child prints its address").unwrap();
        // The test harness prints the test's name before it, on the same line.
        if let Some((_, a)) = line.split_once("ADDR=") {
            break a.to_string();
        }
    };
    let url = format!("http://{addr}/v1/summarize");
    let metrics = format!("http://{addr}/metrics");
    runtime().block_on(async {
        let in_flight = tokio::spawn({
            let url = url.clone();
            async move { post(&url, &slow_batch(150)).await }
        });
        tokio::task::spawn_blocking(move || wait_for(&metrics, "nutgraf_jobs_running", 1.0))
            .await
            .unwrap();
        let killed = Command::new("kill")
            .args(["-TERM", &child.0.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let answer = in_flight.await.unwrap();
        assert_eq!(answer.status, 200, "{}", answer.text);
    });
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(rest.iter().any(|l| l.contains("STOPPED")), "{rest:?}");
    assert!(child.0.wait().unwrap().success());
    assert!(
        TcpStream::connect(addr.as_str()).is_err(),
        "the port is closed"
    );
}
