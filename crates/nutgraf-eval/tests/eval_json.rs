//! The JSON of results: a hand example as a literal, the exact bytes the CLI printed before the
//! library had these forms (rebuilt here the way the CLI built them), and round trips.

mod perl_util;

use nutgraf_eval::google::{self, GoogleConfig, ScoresJson};
use nutgraf_eval::perl::{CorpusScores, DocScores, EvalIds, PerlConfig};
use nutgraf_eval::{CorpusEval, DocEval, EvalConfig, Evaluator, Score};
use serde_json::{json, Map, Value};

fn both() -> Evaluator {
    EvalConfig::both(
        PerlConfig::rouge_1_2_l(),
        GoogleConfig {
            stem: true,
            ..GoogleConfig::default()
        },
    )
    .build()
    .unwrap()
}

#[test]
fn hand_example_as_a_json_literal() {
    let eval = both();
    let doc = eval
        .score(&["The cat sat on the mat."], &[["A cat sat on a mat."]])
        .unwrap();
    // 4 of 6 unigrams, 2 of 5 bigrams, an LCS of 4 (cat sat on mat); ROUGE-1.5.5 rounds to 5
    // decimals, rouge-score does not (and its F of P = R = 0.4 is 0.4000000000000001).
    let third = "0.6666666666666666";
    let expected_doc = format!(
        concat!(
            r#"{{"ROUGE-1":{{"f":0.66667,"precision":0.66667,"recall":0.66667}},"#,
            r#""ROUGE-2":{{"f":0.4,"precision":0.4,"recall":0.4}},"#,
            r#""ROUGE-L":{{"f":0.66667,"precision":0.66667,"recall":0.66667}},"#,
            r#""rouge1":{{"f":{t},"precision":{t},"recall":{t}}},"#,
            r#""rouge2":{{"f":0.4000000000000001,"precision":0.4,"recall":0.4}},"#,
            r#""rougeL":{{"f":{t},"precision":{t},"recall":{t}}},"#,
            r#""rougeLsum":{{"f":{t},"precision":{t},"recall":{t}}}}}"#
        ),
        t = third
    );
    assert_eq!(serde_json::to_string(&doc).unwrap(), expected_doc);

    let corpus = eval.corpus(std::slice::from_ref(&doc)).unwrap();
    // One document: every bootstrap resample is that document, so the interval is a point.
    let perl = |x: &str| {
        format!(
            r#"{{"f":{x},"f_lower":{x},"f_upper":{x},"precision":{x},"precision_lower":{x},"precision_upper":{x},"recall":{x},"recall_lower":{x},"recall_upper":{x}}}"#
        )
    };
    let expected_corpus = format!(
        concat!(
            r#"{{"ROUGE-1":{a},"ROUGE-2":{b},"ROUGE-L":{a},"#,
            r#""rouge1":{{"f":{t},"precision":{t},"recall":{t}}},"#,
            r#""rouge2":{{"f":0.4000000000000001,"precision":0.4,"recall":0.4}},"#,
            r#""rougeL":{{"f":{t},"precision":{t},"recall":{t}}},"#,
            r#""rougeLsum":{{"f":{t},"precision":{t},"recall":{t}}}}}"#
        ),
        a = perl("0.66667"),
        b = perl("0.4"),
        t = third
    );
    assert_eq!(serde_json::to_string(&corpus).unwrap(), expected_corpus);
}

/// `nutgraf rouge --json` / `nutgraf eval` before this crate had JSON forms (cmd/rouge.rs:
/// `score_json`, `perl_corpus_json`, `perl_doc_json`, `google_json`), kept verbatim as the
/// reference.
mod cli_before {
    use super::*;

    fn score_json(s: &Score) -> Value {
        json!({"recall": s.recall, "precision": s.precision, "f": s.f})
    }

    pub fn perl_corpus_json(corpus: &CorpusScores) -> Value {
        let mut map = Map::new();
        for (name, s) in corpus.iter() {
            map.insert(
                name.to_string(),
                json!({
                    "recall": s.recall.average, "precision": s.precision.average, "f": s.f.average,
                    "recall_lower": s.recall.lower, "recall_upper": s.recall.upper,
                    "precision_lower": s.precision.lower, "precision_upper": s.precision.upper,
                    "f_lower": s.f.lower, "f_upper": s.f.upper,
                }),
            );
        }
        Value::Object(map)
    }

    pub fn perl_doc_json(doc: &DocScores) -> Value {
        Value::Object(
            doc.iter()
                .map(|(name, s)| (name.to_string(), score_json(&s)))
                .collect(),
        )
    }

    pub fn google_json(scores: &google::Scores) -> Value {
        Value::Object(
            scores
                .iter()
                .map(|(m, s)| (m.to_string(), score_json(s)))
                .collect(),
        )
    }

    /// `nutgraf eval`'s merge of both flavours into one object.
    pub fn merged(perl: Value, google: Value) -> Value {
        let mut scores = Map::new();
        scores.extend(perl.as_object().cloned().unwrap_or_default());
        scores.extend(google.as_object().cloned().unwrap_or_default());
        Value::Object(scores)
    }
}

fn pretty<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap()
}

#[test]
fn same_bytes_as_the_cli_printed() {
    let pairs = perl_util::pairs("news");
    // pyrouge's metrics include ROUGE-W-1.2, ROUGE-S* and ROUGE-SU*, whose print order is not
    // their sorted order; rouge-score metrics configured out of order.
    let perl = PerlConfig {
        stem: true,
        allow_empty_reference_w: true,
        ..PerlConfig::pyrouge()
    }
    .build()
    .unwrap();
    let google = GoogleConfig {
        metrics: vec![
            google::Metric::RougeLsum,
            google::Metric::RougeN(1),
            google::Metric::RougeN(3),
        ],
        stem: true,
        ..GoogleConfig::default()
    }
    .build()
    .unwrap();
    let perl_docs: Vec<DocScores> = perl
        .score_batch(&pairs)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let perl_corpus = perl.corpus(&perl_docs, EvalIds::Pyrouge).unwrap();
    let google_docs: Vec<google::Scores> = pairs
        .iter()
        .map(|(c, r)| google.score_multi(c, r).unwrap())
        .collect();
    let google_mean = google::mean(&google_docs);

    // `nutgraf rouge --json`, perl flavour.
    let before = json!({
        "corpus": cli_before::perl_corpus_json(&perl_corpus),
        "documents": perl_docs.iter().map(cli_before::perl_doc_json).collect::<Vec<_>>(),
    });
    let after = json!({"corpus": perl_corpus, "documents": perl_docs});
    assert_eq!(pretty(&before), pretty(&after));
    // Written directly, without a serde_json::Value in between.
    let direct = pretty(&perl_corpus);
    assert_eq!(pretty(&before["corpus"]), direct);

    // `nutgraf rouge --json`, google flavour.
    let before = json!({
        "corpus": cli_before::google_json(&google_mean),
        "documents": google_docs.iter().map(cli_before::google_json).collect::<Vec<_>>(),
    });
    let after = json!({
        "corpus": ScoresJson(&google_mean),
        "documents": google_docs.iter().map(|d| ScoresJson(d)).collect::<Vec<_>>(),
    });
    assert_eq!(pretty(&before), pretty(&after));
    assert_eq!(pretty(&before["corpus"]), pretty(&ScoresJson(&google_mean)));

    // `nutgraf eval`: both flavours merged, per document and for the corpus.
    let docs: Vec<DocEval> = perl_docs
        .iter()
        .zip(&google_docs)
        .map(|(p, g)| DocEval::new(Some(p.clone()), Some(g.clone())))
        .collect();
    for (i, doc) in docs.iter().enumerate() {
        let before = cli_before::merged(
            cli_before::perl_doc_json(&perl_docs[i]),
            cli_before::google_json(&google_docs[i]),
        );
        assert_eq!(
            serde_json::to_string(&before).unwrap(),
            serde_json::to_string(doc).unwrap()
        );
    }
    let corpus = CorpusEval::new(Some(perl_corpus.clone()), Some(google_mean.clone()));
    let before = cli_before::merged(
        cli_before::perl_corpus_json(&perl_corpus),
        cli_before::google_json(&google_mean),
    );
    assert_eq!(pretty(&before), pretty(&corpus));
}

#[test]
fn evaluator_corpus_is_the_clis_corpus() {
    // What `nutgraf eval --flavor both` computed: ROUGE-1.5.5 `-c 95 -r 1000 -n 2 -m` with
    // pyrouge EVAL IDs, rouge-score stemmed with its four metrics, mean.
    let pairs = perl_util::pairs("news");
    let eval = both();
    let docs: Vec<DocEval> = eval
        .score_batch(&pairs)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let corpus = eval.corpus(&docs).unwrap();
    let perl = PerlConfig::rouge_1_2_l().build().unwrap();
    let perl_docs: Vec<DocScores> = pairs
        .iter()
        .map(|(c, r)| perl.score(c, r).unwrap())
        .collect();
    let google = RougeScorerForEval::new();
    let google_docs: Vec<google::Scores> = pairs
        .iter()
        .map(|(c, r)| google.0.score(c, &r[0]))
        .collect();
    let before = cli_before::merged(
        cli_before::perl_corpus_json(&perl.corpus(&perl_docs, EvalIds::Pyrouge).unwrap()),
        cli_before::google_json(&google::mean(&google_docs)),
    );
    assert_eq!(pretty(&before), pretty(&corpus));
}

/// The google scorer of `nutgraf eval`: `RougeScorer::builder().stem(true).build()`.
struct RougeScorerForEval(google::RougeScorer);

impl RougeScorerForEval {
    fn new() -> Self {
        RougeScorerForEval(google::RougeScorer::builder().stem(true).build().unwrap())
    }
}

#[test]
fn results_round_trip_through_json() {
    let pairs = perl_util::pairs("tricky");
    let eval = EvalConfig::both(
        PerlConfig {
            allow_empty_reference_w: true,
            ..PerlConfig::paper()
        },
        GoogleConfig {
            metrics: vec![google::Metric::RougeLsum, google::Metric::RougeN(2)],
            ..GoogleConfig::default()
        },
    )
    .build()
    .unwrap();
    let docs: Vec<DocEval> = eval
        .score_batch(&pairs)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let text = serde_json::to_string(&docs).unwrap();
    let back: Vec<DocEval> = serde_json::from_str(&text).unwrap();
    assert_eq!(back, docs);
    // Documents read back give the same corpus.
    let corpus = eval.corpus(&docs).unwrap();
    assert_eq!(eval.corpus(&back).unwrap(), corpus);
    let text = serde_json::to_string(&corpus).unwrap();
    assert_eq!(serde_json::from_str::<CorpusEval>(&text).unwrap(), corpus);
    // The per-flavour types read their own forms back.
    let perl = docs[0].perl().unwrap();
    let text = serde_json::to_string(perl).unwrap();
    assert_eq!(&serde_json::from_str::<DocScores>(&text).unwrap(), perl);
    let perl = corpus.perl().unwrap();
    let text = serde_json::to_string(perl).unwrap();
    assert_eq!(&serde_json::from_str::<CorpusScores>(&text).unwrap(), perl);
}

#[test]
fn malformed_result_json_is_refused() {
    for (json, needle) in [
        (
            r#"{"ROUGE-X": {"f": 0, "precision": 0, "recall": 0}}"#,
            "ROUGE-X",
        ),
        (
            r#"{"rouge10": {"f": 0, "precision": 0, "recall": 0}}"#,
            "rouge10",
        ),
        (
            r#"{"ROUGE-1": {"f": 0, "precision": 0}}"#,
            "missing field `recall`",
        ),
        (
            r#"{"ROUGE-1": {"f": 0, "precision": 0, "recall": 0, "f_lower": 0}}"#,
            "unknown field `f_lower`",
        ),
        (
            r#"{"rouge1": {"f": 0, "precision": 0, "recall": 0}, "rouge1": {"f": 0, "precision": 0, "recall": 0}}"#,
            "given twice",
        ),
    ] {
        let err = serde_json::from_str::<DocEval>(json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(needle), "{json}: {err}");
    }
    let err =
        serde_json::from_str::<DocScores>(r#"{"rouge1": {"f": 0, "precision": 0, "recall": 0}}"#)
            .unwrap_err()
            .to_string();
    assert!(err.contains("rouge-score metric"), "{err}");
    let err =
        serde_json::from_str::<CorpusEval>(r#"{"ROUGE-1": {"f": 0, "precision": 0, "recall": 0}}"#)
            .unwrap_err()
            .to_string();
    assert!(err.contains("missing field"), "{err}");
}
