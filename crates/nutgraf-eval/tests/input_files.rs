//! Reading summaries from files: the three layouts, their errors, and the golden inputs.

use std::fs;
use std::path::{Path, PathBuf};

use nutgraf_eval::input::{
    read_dir, read_summaries, InputError, InputFormat, Summary, DEFAULT_SEPARATOR,
};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).expect("write fixture");
    path
}

fn jsonl(field: &str) -> InputFormat {
    InputFormat::Jsonl {
        field: field.into(),
        separator: DEFAULT_SEPARATOR.into(),
    }
}

#[test]
fn golden_tricky_inputs_read_as_the_golden_files_define() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/golden/rouge");
    let lines = InputFormat::Lines {
        separator: DEFAULT_SEPARATOR.into(),
    };
    let cand = read_summaries(&root.join("tricky.cand.txt"), &lines).expect("readable");
    let refs = read_summaries(&root.join("tricky.ref.txt"), &lines).expect("readable");
    assert_eq!((cand.len(), refs.len()), (300, 300));
    // Pair 58: "carriage return inside a line" -- one summary, the \r kept inside it.
    assert_eq!(cand[58], ["first part\rsecond part"]);
    assert_eq!(refs[58], ["first part second part"]);
}

#[test]
fn jsonl_string_and_list_fields() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(
        dir.path(),
        "s.jsonl",
        b"{\"sum\": \"A b. <q> C d.\"}\n\n{\"sum\": [\" E \", \"F\\nG\"]}\r\n{\"sum\": \"H\\nI\"}\n",
    );
    let got = read_summaries(&path, &jsonl("sum")).expect("valid");
    let want: Vec<Summary> = vec![
        vec!["A b.".into(), "C d.".into()],
        vec!["E".into(), "F".into(), "G".into()],
        vec!["H".into(), "I".into()],
    ];
    assert_eq!(got, want);
}

#[test]
fn jsonl_errors_name_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: [(&[u8], usize, &str); 5] = [
        (b"{\"sum\": \"a\"}\n{\"other\": 1}\n", 2, "missing"),
        (b"{\"sum\": \"a\"}\n\n{\"sum\": 3}\n", 3, "a number"),
        (b"{\"sum\": [\"a\", null]}\n", 1, "null"),
        (b"{\"sum\": \"a\"}\n{\"sum\": \n", 2, "EOF"),
        (b"[1, 2]\n", 1, "object"),
    ];
    for (k, (bytes, line, needle)) in cases.into_iter().enumerate() {
        let path = write(dir.path(), &format!("bad{k}.jsonl"), bytes);
        let err = read_summaries(&path, &jsonl("sum")).expect_err("must fail");
        let msg = err.to_string();
        assert!(msg.contains(&format!("bad{k}.jsonl:{line}:")), "{msg}");
        assert!(msg.contains(needle), "{msg}");
        let err_line = match err {
            InputError::Json { line, .. }
            | InputError::MissingField { line, .. }
            | InputError::FieldType { line, .. } => line,
            other => panic!("unexpected {other:?}"),
        };
        assert_eq!(err_line, line);
    }
}

#[test]
fn directory_one_summary_per_file_sorted_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "b.txt", b"second file\r\nline two\n");
    write(dir.path(), "a.txt", b"first file\n\n  \n");
    write(dir.path(), ".hidden", b"ignored\n");
    fs::create_dir(dir.path().join("sub")).expect("subdir");
    let files = read_dir(dir.path()).expect("readable");
    let names: Vec<_> = files
        .iter()
        .map(|(p, _)| p.file_name().and_then(|n| n.to_str()).unwrap_or(""))
        .collect();
    assert_eq!(names, ["a.txt", "b.txt"]);
    assert_eq!(files[0].1, ["first file"]);
    assert_eq!(files[1].1, ["second file", "line two"]);
    let plain = read_summaries(dir.path(), &InputFormat::Dir).expect("readable");
    assert_eq!(plain.len(), 2);
}

#[test]
fn missing_file_is_an_io_error_naming_it() {
    let err = read_summaries(
        Path::new("/nonexistent/cands.txt"),
        &InputFormat::Lines {
            separator: DEFAULT_SEPARATOR.into(),
        },
    )
    .expect_err("missing");
    assert!(matches!(err, InputError::Io { .. }));
    assert!(err.to_string().contains("/nonexistent/cands.txt"));
}
