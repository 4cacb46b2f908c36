//! `nutgraf rouge` end to end, against the golden outputs of ROUGE-1.5.5 and rouge-score.

mod util;

use serde_json::Value;
use util::{nutgraf, shared, write};

fn golden(name: &str) -> String {
    shared()
        .join("golden/rouge")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn load(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(golden(name)).unwrap()).unwrap()
}

fn json_run(args: &[&str]) -> Value {
    let run = nutgraf(args).expect_code(0);
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn the_paper_flag_string_reproduces_rouge_155_on_news() {
    let (cand, refs) = (golden("news.cand.txt"), golden("news.ref.txt"));
    let out = json_run(&[
        "rouge", &cand, &refs, "-c", "95", "-2", "-1", "-U", "-r", "1000", "-n", "2", "-w", "1.2",
        "-a", "-m", "--json",
    ]);
    let expected = load("rouge155.m.w.news.json");
    let corpus = expected["corpus"].as_object().unwrap();
    assert_eq!(out["corpus"].as_object().unwrap().len(), corpus.len());
    for (metric, e) in corpus {
        let got = &out["corpus"][metric];
        for (key, short) in [
            ("recall", "R"),
            ("recall_lower", "R_cl"),
            ("recall_upper", "R_cu"),
            ("f", "F"),
            ("f_lower", "F_cl"),
            ("f_upper", "F_cu"),
            ("precision", "P"),
        ] {
            let g = format!("{:.5}", got[key].as_f64().unwrap());
            let w = format!("{:.5}", e[short].as_f64().unwrap());
            assert_eq!(g, w, "{metric} {key}");
        }
    }
    for (i, doc) in expected["per_doc"].as_array().unwrap().iter().enumerate() {
        for (metric, e) in doc["scores"].as_object().unwrap() {
            for (key, short) in [("recall", "R"), ("precision", "P"), ("f", "F")] {
                let g = out["documents"][i][metric][key].as_f64().unwrap();
                assert_eq!(
                    format!("{g:.5}"),
                    format!("{:.5}", e[short].as_f64().unwrap()),
                    "doc {i} {metric} {key}"
                );
            }
        }
    }
}

#[test]
fn the_table_is_printed_as_rouge_155_prints_it() {
    let run = nutgraf(&[
        "rouge",
        &golden("news.cand.txt"),
        &golden("news.ref.txt"),
        "-c",
        "95",
        "-r",
        "1000",
        "-n",
        "2",
        "-m",
    ])
    .expect_code(0);
    let e = &load("rouge155.m.news.json")["corpus"]["ROUGE-2"];
    let line = format!(
        "1 ROUGE-2 Average_F: {:.5} (95%-conf.int. {:.5} - {:.5})",
        e["F"].as_f64().unwrap(),
        e["F_cl"].as_f64().unwrap(),
        e["F_cu"].as_f64().unwrap()
    );
    assert!(run.stdout.contains(&line), "{line}\n{}", run.stdout);
}

#[test]
fn google_flavour_reproduces_rouge_score_with_stemming() {
    let out = json_run(&[
        "rouge",
        &golden("news.cand.txt"),
        &golden("news.ref.txt"),
        "--flavor",
        "google",
        "--stem",
        "--json",
    ]);
    let expected = load("rouge_score.stem.news.json");
    for (metric, e) in expected["mean"].as_object().unwrap() {
        for (key, theirs) in [
            ("recall", "recall"),
            ("precision", "precision"),
            ("f", "fmeasure"),
        ] {
            let g = out["corpus"][metric][key].as_f64().unwrap();
            let w = e[theirs].as_f64().unwrap();
            assert!((g - w).abs() < 1e-12, "{metric} {key}: {g} vs {w}");
        }
    }
    assert_eq!(out["documents"].as_array().unwrap().len(), 45);
}

#[test]
fn different_line_counts_name_both_files_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let cand = write(&dir, "cand.txt", b"a b c\nd e f\n");
    let refs = write(&dir, "ref.txt", b"a b c\n");
    let run = nutgraf(&["rouge", &cand, &refs]);
    assert_ne!(run.code, 0);
    for needle in ["cand.txt", "ref.txt", "2", "1"] {
        assert!(run.stderr.contains(needle), "{needle}: {}", run.stderr);
    }
}

#[test]
fn rouge_w_with_an_empty_reference_is_a_clear_error_not_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let cand = write(&dir, "cand.txt", b"the cat sat\nthe dog ran\n");
    let refs = write(&dir, "ref.txt", b"a cat sat\n\n");
    let run = nutgraf(&["rouge", &cand, &refs, "-n", "2", "-w", "1.2", "-m"]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("summary 2 (line 2)"), "{}", run.stderr);
    assert!(
        run.stderr.contains("--allow-empty-reference-w"),
        "{}",
        run.stderr
    );
    let fixed = nutgraf(&[
        "rouge",
        &cand,
        &refs,
        "-n",
        "2",
        "-w",
        "1.2",
        "-m",
        "--allow-empty-reference-w",
        "--json",
    ])
    .expect_code(0);
    let v: serde_json::Value = serde_json::from_str(&fixed.stdout).unwrap();
    assert_eq!(v["documents"][1]["ROUGE-W-1.2"]["f"], 0.0);
}

#[test]
fn jsonl_input_with_fields_and_several_references() {
    let dir = tempfile::tempdir().unwrap();
    let cand = write(
        &dir,
        "c.jsonl",
        br#"{"candidate": ["the cat sat on the mat"]}"#,
    );
    let r1 = write(
        &dir,
        "r1.jsonl",
        br#"{"reference": "the cat sat on the mat"}"#,
    );
    let r2 = write(&dir, "r2.jsonl", br#"{"reference": "a dog"}"#);
    let out = json_run(&["rouge", &cand, &r1, &r2, "-n", "1", "-f", "B", "--json"]);
    assert_eq!(out["documents"][0]["ROUGE-1"]["recall"], 1.0);
    let out = json_run(&["rouge", &cand, &r1, &r2, "-n", "1", "--json"]);
    // -f A pools the references: 6 hits of 6 + 2 reference tokens.
    assert_eq!(out["documents"][0]["ROUGE-1"]["recall"], 0.75);
}

#[test]
fn a_jsonl_record_without_the_field_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let cand = write(
        &dir,
        "c.jsonl",
        b"{\"candidate\": \"x\"}\n{\"other\": \"y\"}\n",
    );
    let refs = write(&dir, "r.txt", b"x\ny\n");
    let run = nutgraf(&["rouge", &cand, &refs]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("c.jsonl") && run.stderr.contains('2'),
        "{}",
        run.stderr
    );
}
