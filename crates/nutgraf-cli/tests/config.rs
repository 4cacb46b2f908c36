//! `--config`: the `config` printed by `--output json` replays to byte-identical output, and
//! flags given with `--config` override its values.

mod util;

use util::{example, nutgraf, shared, write};

/// The first 40 validation records, as a JSONL file.
fn corpus(dir: &tempfile::TempDir) -> String {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(
        std::fs::File::open(shared().join("data/cnndm/validation.jsonl.gz")).unwrap(),
    )
    .read_to_string(&mut text)
    .unwrap();
    let lines: Vec<&str> = text.lines().take(40).collect();
    write(dir, "v40.jsonl", (lines.join("\n") + "\n").as_bytes())
}

fn config_of(json_output: &str) -> String {
    // `--output json` prints one pretty JSON value per document; the first one's config.
    let first: serde_json::Value = serde_json::Deserializer::from_str(json_output)
        .into_iter()
        .next()
        .unwrap()
        .unwrap();
    first["config"].to_string()
}

#[test]
fn the_printed_config_replays_to_byte_identical_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(&dir);
    let runs: &[&[&str]] = &[
        &[
            "--method",
            "textrank",
            "--damping",
            "0.7",
            "-k",
            "2",
            "--trigram-blocking",
        ],
        &[
            "--method",
            "lexrank",
            "--words",
            "60",
            "--mmr",
            "0.6",
            "--no-stem",
        ],
        &[
            "--method",
            "lsa",
            "--ratio",
            "0.2",
            "--keep-stopwords",
            "--max-iterations",
            "30",
        ],
        &["--method", "summarunner", "--bytes", "275", "--explain"],
        &["--method", "centroid", "--explain"],
        &["--method", "sumbasic"],
    ];
    for flags in runs {
        let mut args = vec!["summarize", input.as_str(), "-o", "json"];
        args.extend_from_slice(flags);
        let first = nutgraf(&args).expect_code(0);
        let path = write(&dir, "config.json", config_of(&first.stdout).as_bytes());
        // `--explain` shows only in JSON (the flag is refused elsewhere).
        let outputs: &[&str] = if flags.contains(&"--explain") {
            &["json"]
        } else {
            &["json", "jsonl", "text"]
        };
        for &output in outputs {
            let mut with_flags = vec!["summarize", input.as_str(), "-o", output];
            with_flags.extend_from_slice(flags);
            let a = nutgraf(&with_flags).expect_code(0);
            let b = nutgraf(&["summarize", &input, "-o", output, "--config", &path]).expect_code(0);
            assert_eq!(a.stdout, b.stdout, "{flags:?} -o {output}");
            assert!(!a.stdout.is_empty());
        }
    }
}

#[test]
fn flags_given_with_a_config_override_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "c.json",
        br#"{"method": "textrank", "budget": {"kind": "sentences", "count": 1}}"#,
    );
    let ex = example();
    let one = nutgraf(&[
        "summarize",
        ex.to_str().unwrap(),
        "--config",
        &path,
        "-o",
        "jsonl",
    ])
    .expect_code(0);
    let two = nutgraf(&[
        "summarize",
        ex.to_str().unwrap(),
        "--config",
        &path,
        "-k",
        "2",
        "-o",
        "jsonl",
    ])
    .expect_code(0);
    let count = |s: &str| {
        serde_json::from_str::<serde_json::Value>(s.trim()).unwrap()["indices"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!((count(&one.stdout), count(&two.stdout)), (1, 2));
}

#[test]
fn a_bad_config_names_the_file_and_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "bad.json",
        br#"{"method": "textrank", "dampin": 0.5}"#,
    );
    let ex = example();
    let run = nutgraf(&["summarize", ex.to_str().unwrap(), "--config", &path]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("bad.json") && run.stderr.contains("dampin"),
        "{}",
        run.stderr
    );
}
