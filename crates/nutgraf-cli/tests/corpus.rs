//! Corpus runs: order, threads, bad records.

mod util;

use std::io::Write;

use util::{nutgraf, shared, write};

fn record(id: &str, sentences: &[&str]) -> String {
    serde_json::json!({"id": id, "article": sentences, "highlights": ["h ."]}).to_string()
}

fn corpus_with_bad_line() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        record("a", &["a one .", "a two .", "a three ."]),
        record("b", &["b one .", "b two ."]),
        "{not json".to_string(),
        record("d", &["d one ."]),
    ];
    let path = write(&dir, "corpus.jsonl", lines.join("\n").as_bytes());
    (dir, path)
}

fn ids(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn a_bad_record_stops_the_run_after_writing_everything_before_it() {
    let (_dir, path) = corpus_with_bad_line();
    let run = nutgraf(&["summarize", &path, "-o", "jsonl"]).expect_code(1);
    assert_eq!(ids(&run.stdout), ["a", "b"]);
    assert!(run.stderr.contains("corpus.jsonl:3"), "{}", run.stderr);
}

#[test]
fn on_error_skip_reports_the_bad_record_and_goes_on() {
    let (_dir, path) = corpus_with_bad_line();
    let run = nutgraf(&["summarize", &path, "-o", "jsonl", "--on-error", "skip"]).expect_code(0);
    assert_eq!(ids(&run.stdout), ["a", "b", "d"]);
    assert!(run.stderr.contains("corpus.jsonl:3"), "{}", run.stderr);
    assert!(
        run.stderr.contains("1 bad records skipped"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_text_field_names_the_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!(
        "{}\n{}\n",
        record("a", &["x ."]),
        r#"{"id": "b", "text": "y ."}"#
    );
    let path = write(&dir, "c.jsonl", body.as_bytes());
    let run = nutgraf(&["summarize", &path, "-o", "jsonl"]).expect_code(1);
    assert!(run.stderr.contains("c.jsonl:2"), "{}", run.stderr);
    assert!(run.stderr.contains("article"), "{}", run.stderr);
}

#[test]
fn gzip_corpus_output_is_identical_at_any_thread_count_and_in_input_order() {
    // 3,000 validation documents: more than one chunk, so order across chunks is exercised.
    use std::io::BufRead;
    let src = flate2::read::GzDecoder::new(
        std::fs::File::open(shared().join("data/cnndm/validation.jsonl.gz")).unwrap(),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("val.jsonl.gz");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&path).unwrap(),
        flate2::Compression::fast(),
    );
    let mut expected_ids = Vec::new();
    for line in std::io::BufReader::new(src).lines().take(3000) {
        let line = line.unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        expected_ids.push(v["id"].as_str().unwrap().to_string());
        writeln!(gz, "{line}").unwrap();
    }
    gz.finish().unwrap();
    let path = path.to_str().unwrap();
    let one = nutgraf(&["summarize", path, "-o", "jsonl", "--threads", "1"]).expect_code(0);
    let two = nutgraf(&["summarize", path, "-o", "jsonl", "--threads", "2"]).expect_code(0);
    assert_eq!(ids(&one.stdout), expected_ids);
    assert!(
        one.stdout == two.stdout,
        "output differs between 1 and 2 threads"
    );
    assert!(
        one.stderr.contains("summarized 3000 documents"),
        "{}",
        one.stderr
    );
}

#[test]
fn a_directory_is_every_file_in_it_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir, "b.txt", b"bee one\nbee two\n");
    write(&dir, "a.txt", b"ay one\nay two\n");
    let run = nutgraf(&[
        "summarize",
        dir.path().to_str().unwrap(),
        "-k",
        "1",
        "-o",
        "jsonl",
        "--input-format",
        "lines",
    ])
    .expect_code(0);
    assert_eq!(ids(&run.stdout), ["a", "b"]);
}
