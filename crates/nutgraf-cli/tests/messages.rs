//! Errors that say what is wrong in the user's terms: flags that do not apply are refused,
//! messages name flags (not the library's field names), and `rouge` reads its inputs with the
//! same checks as every other reader.

mod util;

use util::{example, nutgraf, shared, write};

fn golden(name: &str) -> String {
    shared()
        .join("golden/rouge")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn google_flavour_refuses_rouge155_flags() {
    let (c, r) = (golden("news.cand.txt"), golden("news.ref.txt"));
    for flags in [
        &["-b", "75"][..],
        &["-l", "10"],
        &["-n", "2"],
        &["-s"],
        &["-c", "95"],
    ] {
        let mut args = vec!["rouge", c.as_str(), r.as_str(), "--flavor", "google"];
        args.extend_from_slice(flags);
        let run = nutgraf(&args);
        assert_eq!(run.code, 2, "{flags:?}: {}", run.stdout);
        assert!(
            run.stderr
                .contains(&format!("{} is a ROUGE-1.5.5 option", flags[0])),
            "{flags:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn perl_flavour_refuses_rouge_score_flags() {
    let (c, r) = (golden("news.cand.txt"), golden("news.ref.txt"));
    for flags in [&["--tokenizer", "unicode"][..], &["--metrics", "rouge1"]] {
        let mut args = vec!["rouge", c.as_str(), r.as_str()];
        args.extend_from_slice(flags);
        let run = nutgraf(&args);
        assert_eq!(run.code, 2, "{flags:?}");
        assert!(
            run.stderr.contains("is a rouge-score option"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn unsupported_rouge155_flags_say_so() {
    let (c, r) = (golden("news.cand.txt"), golden("news.ref.txt"));
    for flag in [&["-t", "1"][..], &["-3", "HM"], &["-M"]] {
        let mut args = vec!["rouge", c.as_str(), r.as_str()];
        args.extend_from_slice(flag);
        let run = nutgraf(&args);
        assert_eq!(run.code, 2, "{flag:?}");
        assert!(
            run.stderr.contains("is not supported"),
            "{flag:?}: {}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("use '--"),
            "clap's tip: {}",
            run.stderr
        );
    }
}

#[test]
fn rouge_refuses_binary_and_invalid_utf8_like_summarize() {
    let dir = tempfile::tempdir().unwrap();
    let refs = write(&dir, "ref.txt", b"the cat sat\n");
    let binary = write(&dir, "bin.txt", b"\x00\x01\x02 not text\n");
    let run = nutgraf(&["rouge", &binary, &refs]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("binary"), "{}", run.stderr);
    let latin1 = write(&dir, "latin1.txt", b"the caf\xe9 sat\n");
    let run = nutgraf(&["rouge", &latin1, &refs]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("invalid UTF-8") && run.stderr.contains("--lossy"),
        "{}",
        run.stderr
    );
    nutgraf(&["rouge", &latin1, &refs, "--lossy"]).expect_code(0);
}

#[test]
fn messages_name_flags_not_fields() {
    let ex = example();
    let ex = ex.to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["--method", "textrank", "--max-iterations", "0"],
            "--max-iterations",
        ),
        (&["--method", "textrank", "--damping", "2"], "--damping"),
        (&["--ratio", "1.5"], "--ratio"),
        (&["--mmr", "3"], "--mmr"),
        (
            &["--method", "lsa", "--damping", "0.5"],
            "--damping applies to textrank and lexrank",
        ),
    ];
    for (flags, needle) in cases {
        let mut args = vec!["summarize", ex];
        args.extend_from_slice(flags);
        let run = nutgraf(&args);
        assert_eq!(run.code, 2, "{flags:?}");
        assert!(run.stderr.contains(needle), "{flags:?}: {}", run.stderr);
        for field in ["max_iterations", "budget.ratio", "redundancy.lambda"] {
            assert!(!run.stderr.contains(field), "{flags:?}: {}", run.stderr);
        }
    }
    let run = nutgraf(&["oracle", ex, "--max-sentences", "0"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("invalid value for --max-sentences"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("ROUGE option"), "{}", run.stderr);
}

#[test]
fn a_json_error_in_a_record_points_at_its_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "one.jsonl", b"{\"article\": \"a b\", \n");
    let run = nutgraf(&["summarize", &path]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("one.jsonl:1: invalid JSON at column 19"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("line 2"), "{}", run.stderr);
}

#[test]
fn a_bad_value_in_a_config_file_is_blamed_on_the_file_not_a_flag() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "c.json", br#"{"method": "textrank", "damping": 1.5}"#);
    let ex = example();
    let run = nutgraf(&["summarize", ex.to_str().unwrap(), "--config", &path]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("c.json") && run.stderr.contains("invalid damping"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("--damping"), "{}", run.stderr);
}

#[test]
fn flags_that_would_do_nothing_are_refused() {
    let ex = example();
    let ex = ex.to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["summarize", ex, "--explain"],
            "--explain shows in --output json",
        ),
        (
            &["summarize", ex, "--method", "sumbasic", "--mmr", "0.5"],
            "mmr with sumbasic",
        ),
        (
            &["summarize", ex, "--method", "klsum", "--mmr", "0.5"],
            "mmr with klsum",
        ),
    ];
    for (args, needle) in cases {
        let run = nutgraf(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains(needle), "{args:?}: {}", run.stderr);
    }
    let v = shared().join("data/cnndm/validation.jsonl.gz");
    let v = v.to_str().unwrap();
    for args in [
        &["eval", v, "--method", "oracle", "-k", "5"][..],
        &["eval", v, "--method", "oracle", "--trigram-blocking"],
        &["eval", v, "--method", "lead", "--max-sentences", "2"],
        &["eval", v, "--explain"],
    ] {
        let run = nutgraf(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
    }
}

#[test]
fn rouge_accepts_z_see_and_refuses_other_input_formats() {
    let (c, r) = (golden("news.cand.txt"), golden("news.ref.txt"));
    nutgraf(&["rouge", &c, &r, "-z", "SEE", "-n", "2"]).expect_code(0);
    let run = nutgraf(&["rouge", &c, &r, "-z", "SPL"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not supported"), "{}", run.stderr);
}

#[test]
fn a_pyrouge_directory_skips_hidden_files_and_lossy_replaces_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for (sub, text) in [("cand", &b"the cat sat\n"[..]), ("ref", b"the cat sat\n")] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("d1.txt"), text).unwrap();
        std::fs::write(
            dir.path().join(sub).join(".DS_Store"),
            b"\x00\x00\x01binary",
        )
        .unwrap();
    }
    let (c, r) = (dir.path().join("cand"), dir.path().join("ref"));
    let run =
        nutgraf(&["rouge", c.to_str().unwrap(), r.to_str().unwrap(), "--json"]).expect_code(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
    assert_eq!(v["corpus"]["ROUGE-1"]["f"], 1.0);
}
