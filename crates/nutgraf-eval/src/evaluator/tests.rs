use super::*;
use crate::google::Metric;
use crate::Score;

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
fn evaluator_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Evaluator>();
    check::<DocEval>();
    check::<CorpusEval>();
}

#[test]
fn hand_computed_scores_of_both_flavours() {
    // Tokens: the cat sat on the mat / a cat sat on a mat: 4 of 6 unigrams and 2 of 5
    // bigrams (cat sat, sat on) match; the LCS is cat sat on mat.
    let doc = both()
        .score(&["The cat sat on the mat."], &[["A cat sat on a mat."]])
        .unwrap();
    let r1 = doc.get("ROUGE-1").unwrap();
    assert_eq!((r1.recall, r1.precision, r1.f), (0.66667, 0.66667, 0.66667));
    assert_eq!(doc.get("ROUGE-2").unwrap().recall, 0.4);
    assert_eq!(doc.get("ROUGE-L").unwrap().recall, 0.66667);
    assert_eq!(doc.get("rouge1").unwrap().recall, 4.0 / 6.0);
    assert_eq!(doc.get("rouge2").unwrap().precision, 2.0 / 5.0);
    assert_eq!(doc.get("rougeLsum").unwrap().recall, 4.0 / 6.0);
    assert_eq!(doc.get("ROUGE-3"), None);
}

#[test]
fn same_numbers_as_the_scorers_used_directly() {
    let eval = both();
    let docs: Vec<(Vec<&str>, Vec<Vec<&str>>)> = vec![
        (
            vec!["Police arrested two men.", "They were freed."],
            vec![vec!["Two men were arrested by police."]],
        ),
        (
            vec!["Rain fell on Paris."],
            vec![
                vec!["It rained in Paris."],
                vec!["Paris saw rain on Monday."],
            ],
        ),
        (
            vec!["Nothing matches."],
            vec![vec!["Entirely different words"]],
        ),
    ];
    let perl = PerlConfig::rouge_1_2_l().build().unwrap();
    let google = GoogleConfig {
        stem: true,
        ..GoogleConfig::default()
    }
    .build()
    .unwrap();
    let mut evals = Vec::new();
    let mut perl_docs = Vec::new();
    let mut google_docs = Vec::new();
    for (c, r) in &docs {
        let doc = eval.score(c, r).unwrap();
        let p = perl.score(c, r).unwrap();
        let g = google.score_multi(c, r).unwrap();
        assert_eq!(doc.perl(), Some(&p));
        assert_eq!(doc.google(), Some(&g[..]));
        evals.push(doc);
        perl_docs.push(p);
        google_docs.push(g);
    }
    let corpus = eval.corpus(&evals).unwrap();
    assert_eq!(
        corpus.perl(),
        Some(&perl.corpus(&perl_docs, EvalIds::Pyrouge).unwrap())
    );
    assert_eq!(corpus.google(), Some(&google::mean(&google_docs)[..]));
    // The batch gives the same documents.
    let batch: Vec<DocEval> = eval
        .score_batch(&docs)
        .into_iter()
        .collect::<Result<_>>()
        .unwrap();
    assert_eq!(batch, evals);
}

#[test]
fn ptb_escapes_are_removed_unless_turned_off() {
    let cand = ["-LRB- CNN -RRB- the cat sat"];
    let refs = [["the cat sat"]];
    let on = EvalConfig::perl(PerlConfig::rouge_1_2_l()).build().unwrap();
    // cnn the cat sat: 3 of 4 candidate tokens match.
    let p = on.score(&cand, &refs).unwrap().get("ROUGE-1").unwrap();
    assert_eq!(p.precision, 0.75);
    let off = EvalConfig {
        unescape_ptb: false,
        ..EvalConfig::perl(PerlConfig::rouge_1_2_l())
    }
    .build()
    .unwrap();
    // lrb cnn rrb the cat sat: 3 of 6.
    let p = off.score(&cand, &refs).unwrap().get("ROUGE-1").unwrap();
    assert_eq!(p.precision, 0.5);
    assert_eq!(on.normalize("``a''"), "\"a\"");
    assert_eq!(off.normalize("``a''"), "``a''");
}

#[test]
fn google_uses_the_best_reference() {
    let eval = EvalConfig::google(GoogleConfig {
        metrics: vec![Metric::RougeN(1)],
        ..GoogleConfig::default()
    })
    .build()
    .unwrap();
    let doc = eval
        .score(&["a b c"], &[vec!["x y z"], vec!["a b c"]])
        .unwrap();
    assert_eq!(doc.get("rouge1").unwrap().f, 1.0);
}

#[test]
fn empty_corpus_is_empty_not_an_error() {
    let corpus = both().corpus(&[]).unwrap();
    assert!(corpus.is_empty());
    assert_eq!(corpus.get("ROUGE-1"), None);
    assert_eq!(corpus.rouge_f(), None);
    assert_eq!(serde_json::to_string(&corpus).unwrap(), "{}");
}

#[test]
fn errors() {
    let none = EvalConfig {
        perl: None,
        google: None,
        unescape_ptb: true,
    };
    assert_eq!(none.build().unwrap_err(), Error::NoFlavour);
    let bad = EvalConfig::perl(PerlConfig {
        alpha: 2.0,
        ..PerlConfig::default()
    });
    assert!(matches!(bad.build(), Err(Error::InvalidOption { option, .. }) if option == "alpha"));
    let eval = both();
    let no_refs: [[&str; 1]; 0] = [];
    assert_eq!(eval.score(&["a"], &no_refs), Err(Error::NoReference));
    // ROUGE-W dies on an empty reference; the batch names the document.
    let w = EvalConfig::perl(PerlConfig::paper()).build().unwrap();
    let batch = w.score_batch(&[(vec!["a"], vec![vec!["a"]]), (vec!["a"], vec![vec!["!"]])]);
    assert!(batch[0].is_ok());
    assert_eq!(
        batch[1],
        Err(Error::EmptyReferenceW { reference: 0 }.in_document(1))
    );
    // A document without the scores of a configured flavour.
    let perl_only = EvalConfig::perl(PerlConfig::rouge_1_2_l()).build().unwrap();
    let doc = perl_only.score(&["a"], &[["a"]]).unwrap();
    assert!(matches!(
        eval.corpus(std::slice::from_ref(&doc)),
        Err(Error::Input(_))
    ));
    // Or with other metrics.
    let other = EvalConfig::perl(PerlConfig::paper()).build().unwrap();
    assert!(matches!(other.corpus(&[doc]), Err(Error::Input(_))));
}

#[test]
fn a_perl_configuration_without_metrics_gives_nothing() {
    let eval = EvalConfig::perl(PerlConfig {
        rouge_l: false,
        ..PerlConfig::default()
    })
    .build()
    .unwrap();
    let doc = eval.score(&["a b"], &[["a b"]]).unwrap();
    assert!(doc.is_empty());
    assert!(eval.corpus(&[doc]).unwrap().is_empty());
}

#[test]
fn corpus_convenience_numbers() {
    let eval = both();
    let doc = eval
        .score(&["The cat sat on the mat."], &[["A cat sat on a mat."]])
        .unwrap();
    let corpus = eval.corpus(&[doc]).unwrap();
    // One document: every resample draws it, so the Average is its value.
    assert_eq!(corpus.f_percent("ROUGE-1"), Some(100.0 * 0.66667));
    assert_eq!(corpus.f_percent("rouge2"), Some(100.0 * google_f(0.4)));
    assert_eq!(corpus.f_percent("ROUGE-4"), None);
    let f = corpus.rouge_f().unwrap();
    assert_eq!(
        f,
        RougeF {
            rouge1: 100.0 * 0.66667,
            rouge2: 100.0 * 0.4,
            rouge_l: 100.0 * 0.66667,
        }
    );
    assert_eq!(f.to_string(), "R1 66.67 / R2 40.00 / RL 66.67");
    assert_eq!(
        corpus.get("rouge1"),
        Some(Score {
            recall: 4.0 / 6.0,
            precision: 4.0 / 6.0,
            f: google_f(4.0 / 6.0),
        })
    );
}

/// rouge-score's F when P = R = `x`, computed as it does (not exactly `x` in floating point).
fn google_f(x: f64) -> f64 {
    2.0 * x * x / (x + x)
}

#[test]
fn eval_config_json() {
    let cfg = EvalConfig::both(PerlConfig::paper(), GoogleConfig::default());
    let text = serde_json::to_string(&cfg).unwrap();
    assert_eq!(serde_json::from_str::<EvalConfig>(&text).unwrap(), cfg);
    let partial: EvalConfig = serde_json::from_str(r#"{"google": {"stem": true}}"#).unwrap();
    assert_eq!(partial.perl, None);
    assert!(partial.unescape_ptb);
    assert!(partial.google.unwrap().stem);
    let off: EvalConfig = serde_json::from_str(r#"{"perl": {}, "unescape_ptb": false}"#).unwrap();
    assert_eq!(
        off,
        EvalConfig {
            unescape_ptb: false,
            ..EvalConfig::perl(PerlConfig::default())
        }
    );
    let err = serde_json::from_str::<EvalConfig>(r#"{"perl": {}, "rouge": {}}"#).unwrap_err();
    assert!(err.to_string().contains("unknown field `rouge`"), "{err}");
    let err = serde_json::from_str::<EvalConfig>(r#"{"perl": {"n": 2}}"#).unwrap_err();
    assert!(err.to_string().contains("unknown field `n`"), "{err}");
    // Valid JSON, but nothing to compute: refused when built.
    let empty: EvalConfig = serde_json::from_str("{}").unwrap();
    assert_eq!(empty.build().unwrap_err(), Error::NoFlavour);
}
