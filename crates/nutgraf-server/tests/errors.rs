//! Every error the API promises: JSON bodies `{"error": {"code", "message", "field"}}` with the
//! documented statuses, and never a 500 for anything a client sends.

mod common;

use common::{post, post_raw, runtime, TestServer};
use nutgraf_server::Options;
use serde_json::json;

#[test]
fn malformed_json_and_wrong_shapes_are_400_naming_the_field() {
    let server = TestServer::default_server();
    let url = server.url("/v1/summarize");
    runtime().block_on(async {
        let a = post_raw(&url, Some("application/json"), b"{\"text\": ".to_vec()).await;
        assert_eq!((a.status, a.error()), (400, ("malformed_json", None)));
        let a = post_raw(&url, Some("application/json"), Vec::new()).await;
        assert_eq!((a.status, a.error().0), (400, "malformed_json"));
        for (body, field) in [
            (json!({"text": 3}), Some("text")),
            (json!({"txt": "a"}), Some("txt")),
            (
                json!({"documents": [{"text": "a"}, {"text": ["x"]}]}),
                Some("documents[1].text"),
            ),
            (
                json!({"documents": [{"text": "a"}, {"id": "x"}]}),
                Some("documents[1].text"),
            ),
            (json!({"text": "a", "sentences": ["b"]}), Some("sentences")),
            (json!({"text": "a", "documents": []}), Some("documents")),
            (
                json!({"sentences": ["a"], "format": "text"}),
                Some("format"),
            ),
            (json!({"text": "a", "format": "pdf"}), Some("format")),
            (json!({}), Some("text")),
            (json!([]), None),
        ] {
            let a = post(&url, &body).await;
            assert_eq!(a.status, 400, "{body}: {}", a.text);
            assert_eq!(a.error(), ("invalid_request", field), "{body}");
        }
        // An unknown field is named in the message.
        let a = post(&url, &json!({"txt": "a"})).await;
        assert!(a.body["error"]["message"].as_str().unwrap().contains("txt"));
    });
}

#[test]
fn bad_configurations_are_400_naming_the_field() {
    let server = TestServer::default_server();
    let url = server.url("/v1/summarize");
    runtime().block_on(async {
        for (config, field) in [
            (json!({"method": "textrank", "damping": 1.5}), "config.damping"),
            (json!({"method": "textrank", "dampng": 0.5}), "config.dampng"),
            (json!({"method": "lexrank", "threshold": 1.0}), "config.threshold"),
            (json!({"method": "nope"}), "config.method"),
            (json!({"method": 7}), "config.method"),
            (json!({"budget": {"kind": "ratio", "ratio": 0}}), "config.budget"),
            (json!({"budget": {"kind": "words"}}), "config.budget"),
            (json!({"redundancy": {"kind": "mmr", "lambda": 2}}), "config.redundancy"),
            (json!({"method": "sumbasic", "redundancy": {"kind": "mmr", "lambda": 0.5}}), "config.redundancy"),
            (json!({"method": "oracle", "budget": {"kind": "sentences", "count": 2}}), "config.budget"),
            (json!({"analysis": {"stem": "yes"}}), "config.analysis"),
            (json!({"explain": 1}), "config.explain"),
            (json!({"method": "lsa", "max_iterations": 100000}), "config.max_iterations"),
            (json!({"method": "summarunner", "model": "/tmp"}), "config.model"),
            (json!("lead"), "config"),
        ] {
            let a = post(&url, &json!({"text": "One. Two.", "config": config})).await;
            assert_eq!(a.status, 400, "{config}: {}", a.text);
            assert_eq!(a.error(), ("invalid_config", Some(field)), "{config}");
        }
        // The oracle method without a reference names where the reference goes.
        let a = post(
            &url,
            &json!({"documents": [{"text": "One. Two.", "reference": "One."}, {"text": "Three."}], "config": {"method": "oracle"}}),
        )
        .await;
        assert_eq!(a.status, 400, "{}", a.text);
        assert_eq!(a.error(), ("missing_reference", Some("documents[1].reference")));
        // The oracle endpoint too, and its own configuration's fields.
        let oracle = server.url("/v1/oracle");
        let a = post(&oracle, &json!({"text": "One. Two."})).await;
        assert_eq!(a.error(), ("missing_reference", Some("reference")));
        let a = post(&oracle, &json!({"text": "One.", "reference": "One.", "config": {"max_sentences": 0}})).await;
        assert_eq!(a.error(), ("invalid_config", Some("config.max_sentences")));
        let a = post(&oracle, &json!({"text": "One.", "reference": "One.", "config": {"strategy": {"kind": "beam", "size": 0}}})).await;
        assert_eq!(a.error(), ("invalid_config", Some("config.strategy.size")));
        // ROUGE: options by field, and counts that do not match.
        let rouge = server.url("/v1/rouge");
        let a = post(&rouge, &json!({"candidates": ["a"], "references": ["a"], "options": {"alpha": 2}})).await;
        assert_eq!(a.error(), ("invalid_config", Some("options.alpha")));
        let a = post(&rouge, &json!({"candidates": ["a"], "references": ["a"], "options": {"alfa": 2}})).await;
        assert_eq!(a.error(), ("invalid_config", Some("options.alfa")));
        let a = post(&rouge, &json!({"candidates": ["a"], "references": ["a"], "flavor": "google", "options": {"metrics": []}})).await;
        assert_eq!(a.error(), ("invalid_config", Some("options.metrics")));
        let a = post(&rouge, &json!({"candidates": ["a", "b"], "references": ["a"]})).await;
        assert_eq!(a.error(), ("invalid_request", Some("references")));
        let a = post(&rouge, &json!({"candidates": ["a"], "references": ["a"], "flavor": "python"})).await;
        assert_eq!(a.error(), ("invalid_request", Some("flavor")));
        let a = post(&rouge, &json!({"candidates": ["a"], "references": [[]], "options": {"rouge_w": 1.2}})).await;
        assert_eq!(a.status, 400, "{}", a.text);
        assert_eq!(a.error().1, Some("references[0]"));
    });
}

#[test]
fn content_types_other_than_json_are_415() {
    let server = TestServer::default_server();
    runtime().block_on(async {
        for path in ["/v1/summarize", "/v1/rouge", "/v1/oracle"] {
            for ct in [
                None,
                Some("text/plain"),
                Some("application/x-www-form-urlencoded"),
            ] {
                let a = post_raw(&server.url(path), ct, b"{\"text\": \"a\"}".to_vec()).await;
                assert_eq!(a.status, 415, "{path} {ct:?}");
                assert_eq!(a.error(), ("unsupported_media_type", None));
            }
        }
        let a = post_raw(
            &server.url("/v1/summarize"),
            Some("application/json; charset=utf-8"),
            b"{\"text\": \"a\"}".to_vec(),
        )
        .await;
        assert_eq!(a.status, 200);
    });
}

#[test]
fn bodies_over_the_limit_are_413_whether_or_not_their_length_is_told() {
    let server = TestServer::start(Options {
        workers: 1,
        max_body: 1000,
        ..Options::default()
    });
    let url = server.url("/v1/summarize");
    runtime().block_on(async {
        let big = json!({"text": "word ".repeat(400)})
            .to_string()
            .into_bytes();
        assert!(big.len() > 1000);
        let a = post_raw(&url, Some("application/json"), big.clone()).await;
        assert_eq!((a.status, a.error()), (413, ("payload_too_large", None)));
        // Chunked, no Content-Length: refused once past the limit.
        let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
            big.chunks(100).map(|c| Ok(c.to_vec())).collect();
        let stream = futures_stream(chunks);
        let response = common::client()
            .post(&url)
            .header("content-type", "application/json")
            .body(reqwest::Body::wrap_stream(stream))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 413);
        // Just under the limit is fine.
        let small = json!({"text": "word. ".repeat(100)})
            .to_string()
            .into_bytes();
        assert!(small.len() <= 1000);
        assert_eq!(
            post_raw(&url, Some("application/json"), small).await.status,
            200
        );
    });
    assert_eq!(
        server.metric(r#"nutgraf_rejections_total{reason="payload_too_large"}"#),
        2.0
    );
}

/// A stream of the chunks, one by one.
fn futures_stream(
    chunks: Vec<Result<Vec<u8>, std::io::Error>>,
) -> impl futures_core::Stream<Item = Result<Vec<u8>, std::io::Error>> {
    struct Chunks(std::vec::IntoIter<Result<Vec<u8>, std::io::Error>>);
    impl futures_core::Stream for Chunks {
        type Item = Result<Vec<u8>, std::io::Error>;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            std::task::Poll::Ready(self.0.next())
        }
    }
    Chunks(chunks.into_iter())
}

#[test]
fn unknown_routes_and_methods_are_json_errors() {
    let server = TestServer::default_server();
    runtime().block_on(async {
        let a = common::get(&server.url("/v2/summarize")).await;
        assert_eq!((a.status, a.error()), (404, ("not_found", None)));
        let a = common::get(&server.url("/v1/summarize")).await;
        assert_eq!((a.status, a.error()), (405, ("method_not_allowed", None)));
        let a = post(&server.url("/healthz"), &json!({})).await;
        assert_eq!(a.status, 405);
    });
}

/// Odd input of every kind: each gets a 2xx or a 4xx with a JSON error, never a 500.
#[test]
fn no_input_gets_a_500() {
    let server = TestServer::default_server();
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let bodies: Vec<Vec<u8>> = vec![
        b"null".to_vec(),
        b"\"text\"".to_vec(),
        b"{\"text\": \"\"}".to_vec(),
        b"{\"sentences\": []}".to_vec(),
        b"{\"sentences\": [\"\", \"  \"]}".to_vec(),
        b"{\"text\": \"\\u0000\\u0000\\u0000 binary\"}".to_vec(),
        b"{\"text\": \"\xff\xfe invalid utf-8\"}".to_vec(),
        deep.into_bytes(),
        format!("{{\"text\": {}}}", "1".repeat(400)).into_bytes(),
        b"{\"text\": \"a\", \"config\": {\"budget\": {\"kind\": \"words\", \"count\": -1}}}"
            .to_vec(),
        b"{\"text\": \"a\", \"config\": {\"budget\": {\"kind\": \"sentences\", \"count\": 1e300}}}"
            .to_vec(),
        b"{\"text\": \"a\", \"config\": {\"method\": \"pacsum\", \"lambda1\": 1e308}}".to_vec(),
        b"{\"text\": \"{\\\"article\\\": 3}\", \"format\": \"jsonl\"}".to_vec(),
        b"{\"text\": \"{}\\n{}\", \"format\": \"jsonl\"}".to_vec(),
        b"{\"text\": \"a\", \"format\": \"summarunner\"}".to_vec(),
        b"{\"text\": \"x. y.\", \"reference\": 5, \"config\": {\"method\": \"oracle\"}}".to_vec(),
        b"{\"documents\": {\"text\": \"a\"}}".to_vec(),
    ];
    runtime().block_on(async {
        for path in ["/v1/summarize", "/v1/oracle", "/v1/rouge"] {
            for body in &bodies {
                let a = post_raw(&server.url(path), Some("application/json"), body.clone()).await;
                let shown = String::from_utf8_lossy(&body[..body.len().min(80)]).to_string();
                assert!(a.status < 500, "{path} {shown}: {} {}", a.status, a.text);
                if a.status >= 400 {
                    a.error();
                }
            }
        }
        // An oracle search too large for the server is refused, not run.
        let long: Vec<String> = (0..60).map(|i| format!("Sentence number {i} says a thing.")).collect();
        let a = post(
            &server.url("/v1/oracle"),
            &json!({"sentences": long, "reference": "a thing", "config": {"strategy": {"kind": "exhaustive"}, "max_sentences": 10}}),
        )
        .await;
        assert_eq!(a.status, 400, "{}", a.text);
        assert_eq!(a.error().0, "too_much_work");
    });
}
