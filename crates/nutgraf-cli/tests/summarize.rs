//! `nutgraf summarize` end to end.

mod util;

use util::{example, nutgraf, nutgraf_stdin, write};

fn example_lines() -> Vec<String> {
    std::fs::read_to_string(example())
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_string())
        .collect()
}

#[test]
fn lead3_of_the_bundled_example_is_its_first_three_lines_verbatim() {
    let run = nutgraf(&["summarize", example().to_str().unwrap()]).expect_code(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        example_lines()[..3]
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    );
}

#[test]
fn jsonl_output_has_id_indices_and_summary() {
    let run = nutgraf(&[
        "summarize",
        example().to_str().unwrap(),
        "-o",
        "jsonl",
        "-k",
        "2",
    ])
    .expect_code(0);
    let v: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(v["id"], "000_4fe1697fc82e48a7");
    assert_eq!(v["indices"], serde_json::json!([0, 1]));
    assert_eq!(v["summary"][1].as_str().unwrap(), example_lines()[1]);
}

#[test]
fn json_output_has_every_sentence_with_span_score_and_selection() {
    let run = nutgraf(&["summarize", example().to_str().unwrap(), "-o", "json"]).expect_code(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["method"], "lead");
    assert_eq!(v["config"]["budget"]["kind"], "sentences");
    let text = std::fs::read_to_string(example()).unwrap();
    let sentences = v["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), example_lines().len());
    let mut selected = 0;
    for (i, s) in sentences.iter().enumerate() {
        assert_eq!(s["index"], i);
        let (a, b) = (
            s["span"][0].as_u64().unwrap() as usize,
            s["span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[a..b], example_lines()[i]);
        assert!(s["score"].as_f64().unwrap().is_finite());
        selected += usize::from(s["selected"].as_bool().unwrap());
    }
    assert_eq!(selected, 3);
}

#[test]
fn stdin_is_read_when_no_input_is_given() {
    let run = nutgraf_stdin(
        &["summarize", "-k", "1", "--input-format", "lines"],
        Some(b"first line\nsecond line\n"),
    )
    .expect_code(0);
    assert_eq!(run.stdout, "first line\n");
}

#[test]
fn empty_file_gives_empty_summary_and_success() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(&dir, "empty.txt", b"");
    let run = nutgraf(&["summarize", &empty]).expect_code(0);
    assert_eq!(run.stdout, "");
}

#[test]
fn unknown_method_is_an_error_listing_the_methods() {
    let run = nutgraf(&["summarize", example().to_str().unwrap(), "--method", "nope"]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("lead"), "{}", run.stderr);
}

#[test]
fn unknown_input_format_is_an_error_listing_the_formats() {
    let run = nutgraf(&[
        "summarize",
        example().to_str().unwrap(),
        "--input-format",
        "xml",
    ]);
    assert_ne!(run.code, 0);
    for f in ["lines", "text", "story", "jsonl", "summarunner"] {
        assert!(run.stderr.contains(f), "{}", run.stderr);
    }
}

#[test]
fn missing_file_is_an_error_naming_it() {
    let run = nutgraf(&["summarize", "no/such/file.txt"]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("no/such/file.txt"), "{}", run.stderr);
}

#[test]
fn budgets_are_mutually_exclusive() {
    let run = nutgraf(&[
        "summarize",
        example().to_str().unwrap(),
        "--words",
        "10",
        "--bytes",
        "10",
    ]);
    assert_ne!(run.code, 0);
}

#[test]
fn invalid_ratio_is_rejected() {
    let run = nutgraf(&["summarize", example().to_str().unwrap(), "--ratio", "1.5"]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("ratio"), "{}", run.stderr);
}
