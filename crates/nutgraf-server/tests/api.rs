//! Every endpoint against the real server, each answer compared with the library's own result
//! for the same input (the library is what `nutgraf summarize -o json`, `nutgraf rouge --json`
//! and `nutgraf oracle` print).

mod common;

use common::{example, get, post, runtime, validation, TestServer};
use nutgraf::evaluate::EvalConfig;
use nutgraf::oracle::{Oracle, OracleMethodConfig, OracleRecord};
use nutgraf::read::{Format, ReadOptions};
use nutgraf::rouge::google::GoogleConfig;
use nutgraf::rouge::perl::PerlConfig;
use nutgraf::{Document, MethodConfig, Summarizer};
use serde_json::{json, Value};

/// What the library gives for `text` under `config` (the CLI's `--output json` record).
fn library_record(
    text: &str,
    format: Option<Format>,
    config: &Value,
    reference: Option<&[String]>,
) -> Value {
    let options = ReadOptions {
        format,
        ..ReadOptions::default()
    };
    let mut doc = Document::from_text(text, &options).unwrap();
    if let Some(r) = reference {
        doc.set_reference(Some(r.to_vec()));
    }
    let summarizer = Summarizer::from_json(&config.to_string()).unwrap();
    let summary = summarizer.summarize(&doc).unwrap();
    serde_json::to_value(summary.record(&doc, summarizer.shared_config())).unwrap()
}

fn highlights(record: &Value) -> Vec<String> {
    record["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_method_answers_as_the_library_does() {
    let server = TestServer::default_server();
    let text = example();
    let record = &validation(1)[0];
    let article = record["article"].as_str().unwrap();
    let reference = highlights(record);
    runtime().block_on(async {
        let aliases = MethodConfig::ALIASES.iter().map(|(alias, _)| alias);
        for &name in MethodConfig::NAMES.iter().chain(aliases) {
            let config = match name {
                "oracle" => json!({"method": name}),
                _ => json!({"method": name, "budget": {"kind": "sentences", "count": 3}, "explain": true}),
            };
            let (body, expected) = if name == "oracle" {
                (
                    json!({"text": article, "reference": reference, "config": config}),
                    library_record(article, None, &config, Some(&reference)),
                )
            } else {
                (
                    json!({"text": text, "config": config}),
                    library_record(&text, None, &config, None),
                )
            };
            let answer = post(&server.url("/v1/summarize"), &body).await;
            assert_eq!(answer.status, 200, "{name}: {}", answer.text);
            assert_eq!(answer.body, expected, "{name}");
            let ran = MethodConfig::named(name).unwrap();
            assert_eq!(answer.body["config"]["method"], ran.name(), "{name}");
        }
    });
}

#[test]
fn the_example_gives_three_sentences_with_spans_and_scores() {
    let server = TestServer::default_server();
    runtime().block_on(async {
        let answer = post(&server.url("/v1/summarize"), &json!({"text": example()})).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        assert_eq!(
            answer.headers["content-type"].to_str().unwrap(),
            "application/json"
        );
        let sentences = answer.body["sentences"].as_array().unwrap();
        assert_eq!(
            sentences.iter().filter(|s| s["selected"] == true).count(),
            3
        );
        let text = example();
        for s in sentences {
            let [a, b] = [
                s["span"][0].as_u64().unwrap(),
                s["span"][1].as_u64().unwrap(),
            ];
            assert_eq!(&text[a as usize..b as usize], s["text"].as_str().unwrap());
            assert!(s["char_span"].is_array() && s["score"].is_f64());
        }
        assert_eq!(answer.body["summary"].as_array().unwrap().len(), 3);
        assert_eq!(answer.body["config"]["method"], "lead");
    });
}

#[test]
fn sentences_formats_ids_and_references_are_read_as_the_library_reads_them() {
    let server = TestServer::default_server();
    runtime().block_on(async {
        // Sentences given one by one.
        let sentences = ["The storm hit the coast.", "Power was cut.", "Repairs take a week."];
        let answer = post(
            &server.url("/v1/summarize"),
            &json!({"sentences": sentences, "id": "s1", "config": {"budget": {"kind": "sentences", "count": 2}}}),
        )
        .await;
        let doc = Document::from_sentences(sentences).with_id("s1");
        let summarizer = Summarizer::from_json(r#"{"budget": {"kind": "sentences", "count": 2}}"#).unwrap();
        let expected = summarizer.summarize(&doc).unwrap().record(&doc, summarizer.shared_config());
        assert_eq!(answer.body, serde_json::to_value(expected).unwrap());
        // A .story, with its format named.
        let story = "The storm hit the coast on Monday.\n\nThousands lost power.\n\n@highlight\n\nA storm hit\n";
        let answer = post(
            &server.url("/v1/summarize"),
            &json!({"text": story, "format": "story", "config": {"method": "textrank"}}),
        )
        .await;
        assert_eq!(
            answer.body,
            library_record(story, Some(Format::Story), &json!({"method": "textrank"}), None)
        );
        // A JSONL record keeps its id and its reference (the oracle reads it).
        let record = json!({"id": "r1", "article": "A storm hit. Power was cut. Nobody was hurt.", "highlights": ["power was cut"]});
        let answer = post(
            &server.url("/v1/summarize"),
            &json!({"text": record.to_string(), "format": "jsonl", "config": {"method": "oracle"}}),
        )
        .await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        assert_eq!(answer.body["id"], "r1");
        assert_eq!(answer.body["summary"], json!(["Power was cut."]));
    });
}

/// The number of sentences of each document of a batch's answer.
fn batch_counts(body: &Value) -> Vec<usize> {
    body["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["sentences"].as_array().unwrap().len())
        .collect()
}

#[test]
fn a_text_is_split_in_its_detected_or_given_language() {
    let server = TestServer::default_server();
    let german = "Am 12. März stieg der Umsatz. Die Firma ist froh.";
    let count = |body: &Value| body["sentences"].as_array().unwrap().len();
    runtime().block_on(async {
        let url = server.url("/v1/summarize");
        let detected = post(&url, &json!({"text": german})).await;
        assert_eq!(detected.status, 200, "{}", detected.text);
        assert_eq!(
            (count(&detected.body), &detected.body["language"]),
            (2, &json!("de"))
        );
        // Given on the document, or by the configuration's analysis.
        let given = post(&url, &json!({"text": german, "language": "en"})).await;
        assert_eq!(
            (count(&given.body), &given.body["language"]),
            (3, &json!("en"))
        );
        let config = json!({"text": german, "config": {"analysis": {"language": "en"}}});
        assert_eq!(count(&post(&url, &config).await.body), 3);
        let batch = json!({"documents": [{"text": german}, {"text": german, "language": "en"}]});
        let answer = post(&url, &batch).await;
        let counts = batch_counts(&answer.body);
        assert_eq!(counts, [2, 3]);
        let bad = post(
            &url,
            &json!({"documents": [{"text": german, "language": "xx"}]}),
        )
        .await;
        assert_eq!(bad.status, 400, "{}", bad.text);
        assert!(bad.text.contains("language"), "{}", bad.text);
    });
}

#[test]
fn a_byline_is_dropped_unless_kept() {
    let server = TestServer::default_server();
    // DailyMail's tokenized form, as in the CNN/DailyMail files.
    let text =
        "by . deni kirkova . lego will launch a series of sets . the sets go on sale in may .";
    let count = |body: &Value| body["sentences"].as_array().unwrap().len();
    runtime().block_on(async {
        let url = server.url("/v1/summarize");
        let dropped = post(&url, &json!({"text": text})).await;
        assert_eq!(dropped.status, 200, "{}", dropped.text);
        assert_eq!(count(&dropped.body), 2, "{}", dropped.text);
        assert_eq!(
            dropped.body["summary"][0],
            "lego will launch a series of sets ."
        );
        let kept = post(&url, &json!({"text": text, "keep_bylines": true})).await;
        assert_eq!(count(&kept.body), 4, "{}", kept.text);
        let batch = json!({"documents": [{"text": text}, {"text": text, "keep_bylines": true}]});
        let answer = post(&url, &batch).await;
        let counts = batch_counts(&answer.body);
        assert_eq!(counts, [2, 4]);
        let bad = post(
            &url,
            &json!({"sentences": ["By .", "A story."], "keep_bylines": true}),
        )
        .await;
        assert_eq!(bad.status, 400, "{}", bad.text);
        assert!(bad.text.contains("keep_bylines"), "{}", bad.text);
    });
}

#[test]
fn a_batch_answers_every_document_in_order_as_the_library_does() {
    let server = TestServer::default_server();
    let records = validation(12);
    let docs: Vec<Value> = records
        .iter()
        .map(|r| json!({"text": r["article"], "id": r["id"]}))
        .collect();
    let config = json!({"method": "lexrank", "redundancy": {"kind": "trigram_blocking"}});
    runtime().block_on(async {
        let answer = post(
            &server.url("/v1/summarize"),
            &json!({"documents": docs, "config": config}),
        )
        .await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let got = answer.body["documents"].as_array().unwrap();
        assert_eq!(got.len(), records.len());
        let summarizer = Summarizer::from_json(&config.to_string()).unwrap();
        for (r, g) in records.iter().zip(got) {
            let doc = Document::from_text(r["article"].as_str().unwrap(), &ReadOptions::default())
                .unwrap()
                .with_id(r["id"].as_str().unwrap());
            let expected = summarizer
                .summarize(&doc)
                .unwrap()
                .record(&doc, summarizer.shared_config());
            assert_eq!(g, &serde_json::to_value(expected).unwrap());
        }
        // An empty batch is an empty answer.
        let answer = post(&server.url("/v1/summarize"), &json!({"documents": []})).await;
        assert_eq!(answer.body, json!({"documents": []}));
    });
}

#[test]
fn concurrent_requests_get_the_answers_of_requests_made_alone() {
    let server = TestServer::start(nutgraf_server::Options {
        workers: 2,
        queue: 256,
        ..nutgraf_server::Options::default()
    });
    let records = validation(16);
    let methods = [
        "lead",
        "textrank",
        "lexrank",
        "summarunner",
        "centroid",
        "lsa",
    ];
    let mut jobs = Vec::new();
    for (i, r) in records.iter().enumerate() {
        for (j, m) in methods.iter().enumerate() {
            if (i + j) % 2 == 0 {
                let config = json!({"method": m});
                let text = r["article"].as_str().unwrap().to_string();
                let expected = library_record(&text, None, &config, None);
                jobs.push((json!({"text": text, "config": config}), expected));
            }
        }
    }
    assert!(jobs.len() >= 48);
    runtime().block_on(async {
        let url = server.url("/v1/summarize");
        let tasks: Vec<_> = jobs
            .into_iter()
            .map(|(body, expected)| {
                let url = url.clone();
                tokio::spawn(async move { (post(&url, &body).await, expected) })
            })
            .collect();
        for task in tasks {
            let (answer, expected) = task.await.unwrap();
            assert_eq!(answer.status, 200, "{}", answer.text);
            assert_eq!(answer.body, expected);
        }
    });
}

#[test]
fn rouge_answers_the_json_of_nutgraf_rouge() {
    let server = TestServer::default_server();
    let records = validation(4);
    let candidates: Vec<Vec<String>> = records
        .iter()
        .map(|r| {
            let doc = Document::from_text(r["article"].as_str().unwrap(), &ReadOptions::default())
                .unwrap();
            doc.sentence_texts().take(3).map(str::to_string).collect()
        })
        .collect();
    let references: Vec<Vec<String>> = records.iter().map(highlights).collect();
    let library = |config: EvalConfig| {
        let evaluator = EvalConfig {
            unescape_ptb: false,
            ..config
        }
        .build()
        .unwrap();
        let pairs: Vec<(Vec<String>, Vec<Vec<String>>)> = candidates
            .iter()
            .cloned()
            .zip(references.iter().map(|r| vec![r.clone()]))
            .collect();
        let docs: Vec<_> = evaluator
            .score_batch(&pairs)
            .into_iter()
            .map(Result::unwrap)
            .collect();
        let corpus = evaluator.corpus(&docs).unwrap();
        json!({"corpus": corpus, "documents": docs})
    };
    // Each reference as a list of references holding one list of sentences.
    let refs: Vec<Value> = references.iter().map(|r| json!([r])).collect();
    runtime().block_on(async {
        let url = server.url("/v1/rouge");
        let perl = post(&url, &json!({"candidates": candidates, "references": refs})).await;
        assert_eq!(perl.status, 200, "{}", perl.text);
        assert_eq!(perl.body, library(EvalConfig::perl(PerlConfig::pyrouge())));
        let options = json!({"max_n": 2, "stem": true});
        let perl = post(
            &url,
            &json!({"candidates": candidates, "references": refs, "flavor": "perl", "options": options}),
        )
        .await;
        assert_eq!(perl.body, library(EvalConfig::perl(PerlConfig::rouge_1_2_l())));
        let google = post(
            &url,
            &json!({"candidates": candidates, "references": refs, "flavor": "google", "options": {"stem": true}}),
        )
        .await;
        assert_eq!(
            google.body,
            library(EvalConfig::google(GoogleConfig {
                stem: true,
                ..GoogleConfig::default()
            }))
        );
        // Strings are split at the separator: the same numbers as the lists.
        let joined: Vec<String> = candidates.iter().map(|c| c.join("\n")).collect();
        let ref_strings: Vec<String> = references.iter().map(|r| r.join("\n")).collect();
        let from_strings = post(
            &url,
            &json!({"candidates": joined, "references": ref_strings, "options": options}),
        )
        .await;
        assert_eq!(from_strings.body, perl.body);
        // Several references per candidate.
        let several = post(
            &url,
            &json!({"candidates": [candidates[0]], "references": [[ref_strings[0], ref_strings[1]]], "flavor": "google"}),
        )
        .await;
        assert_eq!(several.status, 200, "{}", several.text);
        assert_eq!(several.body["documents"].as_array().unwrap().len(), 1);
    });
}

#[test]
fn oracle_answers_as_nutgraf_oracle() {
    let server = TestServer::default_server();
    let records = validation(3);
    let config = OracleMethodConfig {
        max_sentences: 2,
        ..OracleMethodConfig::default()
    };
    let oracle = Oracle::new(config.clone()).unwrap();
    let expected: Vec<Value> = records
        .iter()
        .map(|r| {
            let doc = Document::from_text(r["article"].as_str().unwrap(), &ReadOptions::default())
                .unwrap()
                .with_id(r["id"].as_str().unwrap())
                .with_reference(highlights(r));
            serde_json::to_value(OracleRecord::new(&doc, oracle.label(&doc).unwrap())).unwrap()
        })
        .collect();
    let docs: Vec<Value> = records
        .iter()
        .map(|r| json!({"text": r["article"], "id": r["id"], "reference": r["highlights"]}))
        .collect();
    runtime().block_on(async {
        let url = server.url("/v1/oracle");
        let batch = post(&url, &json!({"documents": docs, "config": config})).await;
        assert_eq!(batch.status, 200, "{}", batch.text);
        assert_eq!(batch.body, json!({"documents": expected}));
        let one = post(
            &url,
            &json!({"text": records[0]["article"], "id": records[0]["id"], "reference": records[0]["highlights"], "config": {"max_sentences": 2}}),
        )
        .await;
        assert_eq!(one.body, expected[0]);
    });
}

#[test]
fn methods_lists_every_method_with_the_engines_defaults() {
    let server = TestServer::default_server();
    runtime().block_on(async {
        let answer = get(&server.url("/v1/methods")).await;
        assert_eq!(answer.status, 200);
        let methods = answer.body["methods"].as_array().unwrap();
        let names: Vec<&str> = methods
            .iter()
            .map(|m| m["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, MethodConfig::NAMES);
        assert_eq!(answer.body["aliases"], json!({"best": "summarunner"}));
        for m in methods {
            let name = m["name"].as_str().unwrap();
            let mut config = json!({"method": name});
            for p in m["parameters"].as_array().unwrap() {
                let field = p["name"].as_str().unwrap();
                if !field.contains('.') {
                    config[field] = p["default"].clone();
                }
            }
            let parsed = nutgraf::SummarizerConfig::from_json(&config.to_string()).unwrap();
            assert_eq!(parsed.method, MethodConfig::named(name).unwrap());
        }
        let textrank = &methods[1]["parameters"][0];
        assert_eq!(textrank["name"], "damping");
        assert_eq!(textrank["default"], 0.85);
        assert_eq!(
            (textrank["minimum"].clone(), textrank["maximum"].clone()),
            (json!(0.0), json!(1.0))
        );
    });
}

#[test]
fn probes_page_openapi_and_metrics() {
    let server = TestServer::default_server();
    runtime().block_on(async {
        assert_eq!(
            get(&server.url("/healthz")).await.body,
            json!({"status": "ok"})
        );
        assert_eq!(
            get(&server.url("/readyz")).await.body,
            json!({"status": "ready"})
        );
        let page = get(&server.url("/")).await;
        assert_eq!(page.status, 200);
        assert!(page.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        assert!(page.text.contains("data-selected") && page.text.contains("nusra front"));
        let openapi = get(&server.url("/v1/openapi.json")).await;
        assert_eq!(openapi.status, 200);
        assert!(openapi.body["openapi"].as_str().unwrap().starts_with("3."));
        post(&server.url("/v1/summarize"), &json!({"text": "One. Two."})).await;
        post(&server.url("/v1/summarize"), &json!({"text": 3})).await;
        let metrics = common::client()
            .get(server.url("/metrics"))
            .send()
            .await
            .unwrap();
        assert_eq!(
            metrics.headers()["content-type"].to_str().unwrap(),
            "text/plain; version=0.0.4; charset=utf-8"
        );
        let text = metrics.text().await.unwrap();
        for line in [
            r#"nutgraf_http_requests_total{route="/v1/summarize",method="POST",status="200"} 1"#,
            r#"nutgraf_http_requests_total{route="/v1/summarize",method="POST",status="400"} 1"#,
            r#"nutgraf_http_request_duration_seconds_count{route="/v1/summarize"} 2"#,
            "nutgraf_queue_depth 0",
            "nutgraf_workers 2",
            r#"nutgraf_rejections_total{reason="queue_full"} 0"#,
        ] {
            assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
        }
        // This request is the one in flight.
        assert!(
            text.lines()
                .any(|l| l == "nutgraf_http_requests_in_flight 1"),
            "{text}"
        );
    });
}

#[test]
fn openapi_describes_exactly_the_routes_of_the_router() {
    let server = TestServer::default_server();
    let doc: Value = serde_json::from_str(nutgraf_server::OPENAPI).unwrap();
    let paths = doc["paths"].as_object().unwrap();
    let mut described: Vec<(String, String)> = Vec::new();
    for (path, ops) in paths {
        for method in ops.as_object().unwrap().keys() {
            described.push((method.to_uppercase(), path.clone()));
        }
    }
    described.sort();
    let mut routes: Vec<(String, String)> = nutgraf_server::ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    routes.sort();
    assert_eq!(described, routes);
    // Every listed route is routed (no 404 or 405), so the list cannot drift from the router.
    runtime().block_on(async {
        for (method, path) in nutgraf_server::ROUTES {
            let request = common::client().request(method.parse().unwrap(), server.url(path));
            let status = request
                .header("content-type", "application/json")
                .body("{}")
                .send()
                .await
                .unwrap()
                .status()
                .as_u16();
            assert!(status != 404 && status != 405, "{method} {path}: {status}");
        }
    });
    // And each operation documents its answers.
    for (path, ops) in paths {
        for (method, op) in ops.as_object().unwrap() {
            assert!(op["responses"]["200"].is_object(), "{method} {path}");
        }
    }
}

#[test]
fn the_model_of_model_dir_serves_summarunner_and_a_bad_one_stops_the_start() {
    let dir = common::repo().join("models/summarunner");
    let server = TestServer::start(nutgraf_server::Options {
        workers: 1,
        model: Some(dir.clone()),
        ..nutgraf_server::Options::default()
    });
    let text = example();
    let config = json!({"method": "summarunner", "model": dir.to_string_lossy()});
    let expected = library_record(&text, None, &config, None);
    runtime().block_on(async {
        let answer = post(
            &server.url("/v1/summarize"),
            &json!({"text": text, "config": {"method": "summarunner"}}),
        )
        .await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        assert_eq!(answer.body, expected);
        assert_eq!(answer.body["config"]["model"], json!(dir.to_string_lossy()));
        // The compiled-in model stays available by name.
        let embedded = post(
            &server.url("/v1/summarize"),
            &json!({"text": text, "config": {"method": "summarunner", "model": "embedded"}}),
        )
        .await;
        assert_eq!(embedded.body["config"]["model"], "embedded");
    });
    let bad = runtime().block_on(nutgraf_server::Server::bind(nutgraf_server::Options {
        addr: "127.0.0.1:0".parse().unwrap(),
        workers: 1,
        model: Some(common::repo().join("examples")),
        ..nutgraf_server::Options::default()
    }));
    let err = bad.expect_err("a directory without a model is refused at start");
    assert!(err.to_string().starts_with("--model: "), "{err}");
}
