//! `nutgraf oracle` and `nutgraf eval` end to end.

mod util;

use std::io::BufRead;

use serde_json::Value;
use util::{nutgraf, shared, write};

/// The first `n` validation records, as (path, records).
fn validation(dir: &tempfile::TempDir, n: usize) -> (String, Vec<Value>) {
    let gz = flate2::read::GzDecoder::new(
        std::fs::File::open(shared().join("data/cnndm/validation.jsonl.gz")).unwrap(),
    );
    let lines: Vec<String> = std::io::BufReader::new(gz)
        .lines()
        .take(n)
        .map(Result::unwrap)
        .collect();
    let records = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        write(dir, "val.jsonl", lines.join("\n").as_bytes()),
        records,
    )
}

fn jsonl(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn oracle_labels_line_up_with_the_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let (path, records) = validation(&dir, 50);
    let plain = jsonl(&nutgraf(&["oracle", &path]).expect_code(0).stdout);
    let sr = jsonl(
        &nutgraf(&["oracle", &path, "--output", "summarunner"])
            .expect_code(0)
            .stdout,
    );
    assert_eq!(plain.len(), 50);
    for ((p, s), r) in plain.iter().zip(&sr).zip(&records) {
        assert_eq!(p["id"], r["id"]);
        let doc: Vec<&str> = s["doc"].as_str().unwrap().split('\n').collect();
        let labels: Vec<&str> = s["labels"].as_str().unwrap().split('\n').collect();
        assert_eq!(doc.len(), labels.len());
        let ones: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == "1").collect();
        let indices: Vec<usize> = p["indices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        assert_eq!(ones, indices);
        assert!(!indices.is_empty() && indices.len() <= 3);
        assert!(labels.iter().all(|l| *l == "0" || *l == "1"));
        let highlights: Vec<&str> = r["highlights"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h.as_str().unwrap())
            .collect();
        assert_eq!(s["summaries"].as_str().unwrap(), highlights.join("\n"));
        // Every sentence is a piece of the article, in order.
        let article = r["article"].as_str().unwrap();
        let mut from = 0;
        for sentence in doc {
            let at = article[from..]
                .find(sentence)
                .expect("sentence comes from the article");
            from += at + sentence.len();
        }
        let f1 = p["rouge"]["ROUGE-1"]["f"].as_f64().unwrap();
        let f2 = p["rouge"]["ROUGE-2"]["f"].as_f64().unwrap();
        assert!((p["objective"].as_f64().unwrap() - (f1 + f2)).abs() < 1e-12);
    }
}

#[test]
fn oracle_strategies_are_ordered_by_objective() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = validation(&dir, 30);
    let objective = |strategy: &[&str]| -> Vec<f64> {
        let mut args = vec!["oracle", path.as_str()];
        args.extend_from_slice(strategy);
        jsonl(&nutgraf(&args).expect_code(0).stdout)
            .iter()
            .map(|v| v["objective"].as_f64().unwrap())
            .collect()
    };
    let greedy = objective(&["--strategy", "greedy"]);
    let beam = objective(&["--strategy", "beam", "--beam-size", "4"]);
    let exhaustive = objective(&["--strategy", "exhaustive", "--max-subsets", "100000000"]);
    for i in 0..greedy.len() {
        assert!(beam[i] >= greedy[i] - 1e-12, "doc {i}");
        assert!(exhaustive[i] >= beam[i] - 1e-12, "doc {i}");
    }
    assert!(exhaustive.iter().sum::<f64>() > greedy.iter().sum::<f64>());
}

#[test]
fn a_record_without_reference_is_a_bad_record_for_oracle_and_eval() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "c.jsonl",
        b"{\"id\": \"a\", \"article\": \"one . two .\"}\n",
    );
    for cmd in ["oracle", "eval"] {
        let run = nutgraf(&[cmd, &path]);
        assert_eq!(run.code, 1, "{cmd}: {}", run.stderr);
        assert!(
            run.stderr.contains("c.jsonl:1") && run.stderr.contains("reference"),
            "{}",
            run.stderr
        );
    }
}

/// Lines of candidates (` <q> `-joined) and references for `nutgraf rouge`.
fn rouge_files(
    dir: &tempfile::TempDir,
    summaries: &[Value],
    records: &[Value],
) -> (String, String) {
    // One line per summary: the field's sentences joined by ` <q> `.
    let lines = |values: &[Value], field: &str| -> Vec<String> {
        values
            .iter()
            .map(|v| {
                let sentences: Vec<&str> = v[field]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_str().unwrap())
                    .collect();
                sentences.join(" <q> ")
            })
            .collect()
    };
    let (cand, refs) = (lines(summaries, "summary"), lines(records, "highlights"));
    (
        write(dir, "cand.txt", cand.join("\n").as_bytes()),
        write(dir, "ref.txt", refs.join("\n").as_bytes()),
    )
}

#[test]
fn eval_equals_summarize_then_rouge() {
    let dir = tempfile::tempdir().unwrap();
    let (path, records) = validation(&dir, 200);
    for method in ["lead", "textrank"] {
        let summaries = jsonl(
            &nutgraf(&["summarize", &path, "--method", method, "-o", "jsonl"])
                .expect_code(0)
                .stdout,
        );
        let (cand, refs) = rouge_files(&dir, &summaries, &records);
        let rouge: Value = serde_json::from_str(
            &nutgraf(&[
                "rouge", &cand, &refs, "-c", "95", "-r", "1000", "-n", "2", "-m", "--json",
            ])
            .expect_code(0)
            .stdout,
        )
        .unwrap();
        let eval: Value = serde_json::from_str(
            &nutgraf(&["eval", &path, "--method", method, "--json"])
                .expect_code(0)
                .stdout,
        )
        .unwrap();
        assert_eq!(eval["documents"], 200);
        assert_eq!(eval["corpus"], rouge["corpus"], "{method}");
        let google: Value = serde_json::from_str(
            &nutgraf(&[
                "rouge", &cand, &refs, "--flavor", "google", "--stem", "--json",
            ])
            .expect_code(0)
            .stdout,
        )
        .unwrap();
        let both: Value = serde_json::from_str(
            &nutgraf(&[
                "eval", &path, "--method", method, "--flavor", "both", "--json",
            ])
            .expect_code(0)
            .stdout,
        )
        .unwrap();
        assert_eq!(
            both["corpus"]["rougeLsum"], google["corpus"]["rougeLsum"],
            "{method}"
        );
        assert_eq!(
            both["corpus"]["ROUGE-2"], rouge["corpus"]["ROUGE-2"],
            "{method}"
        );
    }
}

#[test]
fn eval_oracle_bounds_lead_and_length_limits_apply() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = validation(&dir, 100);
    let r1 = |args: &[&str], key: &str| -> f64 {
        let mut all = vec!["eval", path.as_str(), "--json"];
        all.extend_from_slice(args);
        let v: Value = serde_json::from_str(&nutgraf(&all).expect_code(0).stdout).unwrap();
        v["corpus"]["ROUGE-1"][key].as_f64().unwrap()
    };
    let lead = r1(&["--method", "lead"], "f");
    let oracle = r1(&["--method", "oracle"], "f");
    assert!(oracle > lead + 0.05, "oracle {oracle} lead {lead}");
    let r75 = r1(&["--method", "lead", "--bytes", "75"], "recall");
    let r275 = r1(&["--method", "lead", "--bytes", "275"], "recall");
    let full = r1(&["--method", "lead"], "recall");
    assert!(r75 < r275 && r275 < full, "{r75} {r275} {full}");
}

/// The same articles in other CNN/DailyMail conventions: PTB bracket and quote escapes, joined
/// hyphens, capitalized sentence starts.
fn restyle(article: &str) -> String {
    let mut quote_open = true;
    let words: Vec<String> = article
        .split(' ')
        .map(|w| match w {
            "(" => "-LRB-".to_string(),
            ")" => "-RRB-".to_string(),
            "\"" => {
                quote_open = !quote_open;
                if quote_open { "''" } else { "``" }.to_string()
            }
            _ => w.to_string(),
        })
        .collect();
    let text = words.join(" ").replace(" - ", "-");
    let mut out = String::with_capacity(text.len());
    let mut cap = true;
    for c in text.chars() {
        if cap && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            cap = false;
        } else {
            out.push(c);
        }
        if c == '.' {
            cap = true;
        }
    }
    out
}

#[test]
fn eval_gives_the_same_numbers_on_other_text_styles() {
    let dir = tempfile::tempdir().unwrap();
    let (path, records) = validation(&dir, 300);
    let restyled: Vec<String> = records
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r["article"] = Value::String(restyle(r["article"].as_str().unwrap()));
            r.to_string()
        })
        .collect();
    let other = write(&dir, "styled.jsonl", restyled.join("\n").as_bytes());
    for method in ["lead", "textrank"] {
        let score = |p: &str| -> Value {
            serde_json::from_str(
                &nutgraf(&["eval", p, "--method", method, "--json"])
                    .expect_code(0)
                    .stdout,
            )
            .unwrap()
        };
        let (a, b) = (score(&path), score(&other));
        for metric in ["ROUGE-1", "ROUGE-2", "ROUGE-L"] {
            let (x, y) = (
                a["corpus"][metric]["f"].as_f64().unwrap(),
                b["corpus"][metric]["f"].as_f64().unwrap(),
            );
            assert!((x - y).abs() < 0.005, "{method} {metric}: {x} vs {y}");
        }
    }
}

#[test]
fn eval_with_the_oracle_scores_the_whole_oracle_set() {
    // The oracle set is its own selection: `eval --method oracle --max-sentences 5` scores
    // exactly the sets `nutgraf oracle --max-sentences 5` finds, not a budget's cut of them.
    let dir = tempfile::tempdir().unwrap();
    let input = shared().join("data/cnndm/validation.jsonl.gz");
    let input = input.to_str().unwrap();
    let per_doc = dir.path().join("per_doc.jsonl");
    nutgraf(&[
        "eval",
        input,
        "--method",
        "oracle",
        "--max-sentences",
        "5",
        "--per-doc",
        per_doc.to_str().unwrap(),
        "--no-progress",
    ])
    .expect_code(0);
    let labels =
        nutgraf(&["oracle", input, "--max-sentences", "5", "--no-progress"]).expect_code(0);
    let indices = |text: &str| -> Vec<serde_json::Value> {
        text.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["indices"].clone())
            .collect()
    };
    let evaluated = indices(&std::fs::read_to_string(&per_doc).unwrap());
    let oracle = indices(&labels.stdout);
    assert_eq!(evaluated.len(), 4368);
    assert_eq!(evaluated, oracle);
    assert!(oracle.iter().any(|i| i.as_array().unwrap().len() > 3));
}
