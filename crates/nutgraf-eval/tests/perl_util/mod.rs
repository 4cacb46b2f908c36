//! Shared helpers of the ROUGE-1.5.5 golden tests: reading `shared/golden` and comparing the
//! 5-decimal strings.
#![allow(dead_code)]

use std::io::Read;
use std::path::PathBuf;

use nutgraf_eval::perl::{pyrouge_sentences, CorpusScores, DocScores, PerlConfig};
use serde_json::Value;

/// `shared/golden`, located from this crate.
pub fn golden() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/golden")
}

/// A file of `shared/golden` as text (gunzipped when it ends in `.gz`).
pub fn read(rel: &str) -> String {
    let path = golden().join(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if rel.ends_with(".gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut s)
            .unwrap_or_else(|e| panic!("{rel}: {e}"));
        s
    } else {
        String::from_utf8(bytes).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

pub fn json(rel: &str) -> Value {
    serde_json::from_str(&read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// One summary per line (split on `\n` only), sentences separated by ` <q> `, each stripped.
pub fn summaries(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    text.split('\n')
        .map(|line| {
            pyrouge_sentences(line)
                .into_iter()
                .map(String::from)
                .collect()
        })
        .collect()
}

/// `(candidate sentences, [reference sentences])` of a golden set (`tricky`, `news`, or the
/// gzip'd `synth`).
pub fn pairs(set: &str) -> Vec<(Vec<String>, Vec<Vec<String>>)> {
    let (c, r) = if set == "synth" {
        (
            read("synth/synth.cand.txt.gz"),
            read("synth/synth.ref.txt.gz"),
        )
    } else {
        (
            read(&format!("rouge/{set}.cand.txt")),
            read(&format!("rouge/{set}.ref.txt")),
        )
    };
    let (c, r) = (summaries(&c), summaries(&r));
    assert_eq!(
        c.len(),
        r.len(),
        "{set}: candidate and reference line counts differ"
    );
    c.into_iter().zip(r).map(|(c, r)| (c, vec![r])).collect()
}

/// The ROUGE-1.5.5 flags of a golden JSON's `command`.
pub fn config_of(command: &str) -> PerlConfig {
    let tail = if let Some((_, t)) = command.split_once("ROUGE-1.5.5.pl") {
        t
    } else {
        command.split_once(')').map(|(_, t)| t).unwrap_or(command)
    };
    let mut args: Vec<&str> = tail.split_whitespace().collect();
    if args.last().is_some_and(|a| a.ends_with(".xml")) {
        args.pop();
    }
    PerlConfig::from_rouge_args(&args).unwrap_or_else(|e| panic!("{command}: {e}"))
}

pub fn f5(x: f64) -> String {
    format!("{x:.5}")
}

/// Counts equal 5-decimal strings and remembers the first differences.
#[derive(Default)]
pub struct Tally {
    pub total: usize,
    pub equal: usize,
    pub diffs: Vec<String>,
}

impl Tally {
    pub fn check(&mut self, what: impl FnOnce() -> String, want: &Value, got: f64) {
        self.total += 1;
        let want = want.as_f64().map(f5).unwrap_or_else(|| format!("{want}"));
        if want == f5(got) {
            self.equal += 1;
        } else if self.diffs.len() < 10 {
            self.diffs
                .push(format!("{}: golden {want} ours {}", what(), f5(got)));
        }
    }

    /// Per-document R, P, F of every metric of a golden `scores` object.
    pub fn doc(&mut self, doc: usize, want: &Value, got: &DocScores) {
        let Some(map) = want.as_object() else {
            panic!("doc {doc}: scores is not an object");
        };
        for (metric, v) in map {
            let Some(s) = got.get(metric) else {
                self.total += 3;
                if self.diffs.len() < 10 {
                    self.diffs
                        .push(format!("doc {doc} {metric}: metric missing"));
                }
                continue;
            };
            self.check(|| format!("doc {doc} {metric} R"), &v["R"], s.recall);
            self.check(|| format!("doc {doc} {metric} P"), &v["P"], s.precision);
            self.check(|| format!("doc {doc} {metric} F"), &v["F"], s.f);
        }
    }

    /// The corpus block (`R, R_cl, R_cu, P, ...`) of a golden run.
    pub fn corpus(&mut self, want: &Value, got: &CorpusScores) {
        let Some(map) = want.as_object() else {
            panic!("corpus is not an object");
        };
        for (metric, v) in map {
            let Some(c) = got.get(metric) else {
                panic!("corpus {metric}: metric missing");
            };
            for (key, est) in [("R", c.recall), ("P", c.precision), ("F", c.f)] {
                self.check(|| format!("corpus {metric} {key}"), &v[key], est.average);
                self.check(
                    || format!("corpus {metric} {key}_cl"),
                    &v[format!("{key}_cl")],
                    est.lower,
                );
                self.check(
                    || format!("corpus {metric} {key}_cu"),
                    &v[format!("{key}_cu")],
                    est.upper,
                );
            }
        }
    }

    /// Prints the count (visible with `--nocapture`) and fails with the first differences.
    pub fn finish(&self, label: &str) {
        println!("{label}: {}/{} values equal", self.equal, self.total);
        assert!(self.total > 0, "{label}: nothing compared");
        assert!(
            self.diffs.is_empty(),
            "{label}: {}/{} equal; first differences:\n{}",
            self.equal,
            self.total,
            self.diffs.join("\n")
        );
    }
}
