//! The ROUGE-1.5.5 scorer's API and the behaviours the golden files do not cover: several
//! references (`-f A` / `-f B`), the opt-in fixes, ids, batch order, invariants.

use nutgraf_eval::perl::{
    pyrouge_eval_ids, EvalIds, LengthLimit, PerlConfig, Rouge155, ScoringFormula,
};
use nutgraf_eval::{Error, Score};

fn scorer(args: &str) -> Rouge155 {
    let args: Vec<&str> = args.split_whitespace().collect();
    PerlConfig::from_rouge_args(&args)
        .and_then(PerlConfig::build)
        .expect("valid flags")
}

fn s5(s: Score) -> [String; 3] {
    [s.recall, s.precision, s.f].map(|x| format!("{x:.5}"))
}

#[test]
fn scorer_is_send_sync_and_reusable() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Rouge155>();
    let rouge = scorer("-n 2");
    let a = rouge.score(&["the cat sat"], &[&["the cat sat"]]).unwrap();
    let b = rouge.score(&["the cat sat"], &[&["the cat sat"]]).unwrap();
    assert_eq!(a, b);
}

#[test]
fn identical_texts_score_one() {
    let rouge = PerlConfig::paper().build().unwrap();
    let text = [
        "Police arrested two men on Friday.",
        "They were released later.",
    ];
    let doc = rouge.score(&text, &[&text]).unwrap();
    for (name, s) in doc.iter() {
        if name.starts_with("ROUGE-W") {
            // Runs are cut at sentence ends (P < 1 with two sentences) and R is weighted
            // twice (quirk 11), so it is lower still.
            assert!(s.recall < s.precision && s.precision < 1.0, "{name}: {s:?}");
        } else {
            assert_eq!((s.recall, s.precision, s.f), (1.0, 1.0, 1.0), "{name}");
        }
    }
}

#[test]
fn pooled_references_formula_a() {
    let rouge = scorer("-n 1 -x");
    // ROUGE-1: reference 1 gives 2 hits of 4, reference 2 one hit of 2; the candidate's 4
    // tokens count once per reference: R = 3/6, P = 3/8.
    let doc = rouge
        .score(&["a b c d"], &[vec!["a b x y"], vec!["a z"]])
        .unwrap();
    assert_eq!(
        s5(doc.get("ROUGE-1").unwrap()),
        ["0.50000", "0.37500", "0.42857"]
    );
    // Two copies of one reference pool to the same score as one.
    let one = rouge.score(&["a b c d"], &[vec!["a b x y"]]).unwrap();
    let two = rouge
        .score(&["a b c d"], &[vec!["a b x y"], vec!["a b x y"]])
        .unwrap();
    assert_eq!(one, two);
}

#[test]
fn best_reference_formula_b() {
    let rouge = PerlConfig {
        max_n: Some(1),
        formula: ScoringFormula::Best,
        ..PerlConfig::default()
    }
    .build()
    .unwrap();
    // Equal recall (0.5): the first reference wins.
    let doc = rouge
        .score(&["a b c d"], &[vec!["a b x y"], vec!["a z"]])
        .unwrap();
    assert_eq!(
        s5(doc.get("ROUGE-1").unwrap()),
        ["0.50000", "0.50000", "0.50000"]
    );
    // A better second reference is taken.
    let doc = rouge
        .score(&["a b c d"], &[vec!["a z"], vec!["a b c y"]])
        .unwrap();
    assert_eq!(
        s5(doc.get("ROUGE-1").unwrap()),
        ["0.75000", "0.75000", "0.75000"]
    );
    assert_eq!(
        s5(doc.get("ROUGE-L").unwrap()),
        ["0.75000", "0.75000", "0.75000"]
    );
}

#[test]
fn rouge_w_empty_reference_fails_unless_allowed() {
    let cfg = PerlConfig::paper();
    let err = cfg
        .clone()
        .build()
        .unwrap()
        .score(&["a cat"], &[&["!!!"]])
        .unwrap_err();
    assert_eq!(err, Error::EmptyReferenceW { reference: 0 });
    assert!(err.to_string().contains("ROUGE-W"), "{err}");
    let batch = cfg
        .clone()
        .build()
        .unwrap()
        .score_batch(&[(vec!["a"], vec![vec!["a"]]), (vec!["a"], vec![vec![""]])]);
    assert!(batch[0].is_ok());
    assert_eq!(
        batch[1],
        Err(Error::Document {
            index: 1,
            error: Box::new(Error::EmptyReferenceW { reference: 0 })
        })
    );
    let fixed = PerlConfig {
        allow_empty_reference_w: true,
        ..cfg
    }
    .build()
    .unwrap();
    let doc = fixed.score(&["a cat"], &[&["!!!"]]).unwrap();
    assert!(doc.iter().all(|(_, s)| s == Score::default()));
}

#[test]
fn byte_limit_lcs_quirk_and_fix() {
    // Two 10-byte sentences, -b 15: ROUGE-N sees "aaaa bbbb " + "cccc " (15 bytes), ROUGE-L's
    // never-incremented counter keeps both sentences whole.
    let cand = ["aaaa bbbb.", "cccc dddd."];
    let refs = [["aaaa bbbb.", "cccc dddd."]];
    let quirk = PerlConfig {
        length_limit: LengthLimit::Bytes(15),
        ..PerlConfig::default()
    }
    .build()
    .unwrap();
    let l = quirk.score(&cand, &refs).unwrap().get("ROUGE-L").unwrap();
    // hits clipped by the 3 unigrams of the limited text; R over the 4 LCS tokens.
    assert_eq!(s5(l), ["0.75000", "1.00000", "0.85714"]);
    let fixed = PerlConfig {
        length_limit: LengthLimit::Bytes(15),
        fix_lcs_byte_limit: true,
        ..PerlConfig::default()
    }
    .build()
    .unwrap();
    let l = fixed.score(&cand, &refs).unwrap().get("ROUGE-L").unwrap();
    assert_eq!(s5(l), ["1.00000", "1.00000", "1.00000"]);
}

#[test]
fn zero_limits_mean_no_limit() {
    let cand = [" leading space and words", "more"];
    let plain = PerlConfig::paper()
        .build()
        .unwrap()
        .score(&cand, &[&cand])
        .unwrap();
    for limit in [LengthLimit::Words(0), LengthLimit::Bytes(0)] {
        let cfg = PerlConfig {
            length_limit: limit,
            ..PerlConfig::paper()
        };
        assert_eq!(cfg.build().unwrap().score(&cand, &[&cand]).unwrap(), plain);
    }
}

#[test]
fn batch_keeps_input_order() {
    let rouge = scorer("-n 1");
    let pairs: Vec<(Vec<String>, Vec<Vec<String>>)> = (0..200)
        .map(|i| {
            (
                vec![format!("w{i} common")],
                vec![vec![format!("w{i} other words here")]],
            )
        })
        .collect();
    for (i, (got, (c, r))) in rouge
        .score_batch(&pairs)
        .into_iter()
        .zip(&pairs)
        .enumerate()
    {
        assert_eq!(got.unwrap(), rouge.score(c, r).unwrap(), "doc {i}");
    }
    assert!(matches!(
        rouge.score::<&str, [&str; 0]>(&["x"], &[]),
        Err(Error::NoReference)
    ));
}

#[test]
fn corpus_ids() {
    let rouge = scorer("-n 1 -r 100");
    let docs: Vec<_> = ["a", "a b", "c"]
        .iter()
        .map(|c| rouge.score(&[*c], &[&["a b"]]).unwrap())
        .collect();
    let ids = pyrouge_eval_ids(3);
    let py = rouge.corpus(&docs, EvalIds::Pyrouge).unwrap();
    assert_eq!(py, rouge.corpus(&docs, EvalIds::Custom(&ids)).unwrap());
    let est = py.get("ROUGE-1").unwrap().recall;
    assert!(est.lower <= est.average && est.average <= est.upper);
    assert!(matches!(
        rouge.corpus(&docs, EvalIds::Custom(&ids[..2])),
        Err(Error::Input(_))
    ));
    let dup = vec!["1".to_string(); 3];
    assert!(matches!(
        rouge.corpus(&docs, EvalIds::Custom(&dup)),
        Err(Error::Input(_))
    ));
}

mod properties {
    use nutgraf_eval::perl::PerlConfig;
    use proptest::prelude::*;

    fn sentence() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-cA-C0-9 <\\n\\t.é-]{0,24}").expect("regex")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any text under any option set scores without panicking, within [0, 1], and a text
        /// against itself has ROUGE-1 recall 1 or no tokens at all.
        #[test]
        fn scores_are_bounded(
            cand in proptest::collection::vec(sentence(), 0..4),
            refs in proptest::collection::vec(proptest::collection::vec(sentence(), 0..4), 1..3),
            flags in prop::sample::select(vec![
                "-n 4 -2 -1 -U -w 1.2 -m -a",
                "-n 2 -l 3 -2 0 -u -s",
                "-n 1 -b 7 -f B -2 2 -U -m",
                "-n 3 -x -p 0.2 -s -m",
            ]),
        ) {
            let args: Vec<&str> = flags.split_whitespace().collect();
            let cfg = PerlConfig { allow_empty_reference_w: true, ..PerlConfig::from_rouge_args(&args).unwrap() };
            let rouge = cfg.build().unwrap();
            let doc = rouge.score(&cand, &refs).unwrap();
            for (name, s) in doc.iter() {
                for v in [s.recall, s.precision, s.f] {
                    prop_assert!((0.0..=1.0).contains(&v), "{} {:?}", name, s);
                }
            }
            let own = rouge.score(&cand, &[&cand]).unwrap();
            if let Some(r1) = own.get("ROUGE-1") {
                prop_assert!(r1.recall == 1.0 || r1.precision == 0.0, "{:?}", r1);
            }
        }
    }
}
