//! Invariants of the google flavour on random small-vocabulary texts.

use nutgraf_eval::google::{Metric, RougeScorer, Tokenizer};
use nutgraf_eval::Score;
use proptest::prelude::*;

fn scorer(tokenizer: Tokenizer) -> RougeScorer {
    RougeScorer::builder()
        .metrics(["rouge1", "rouge2", "rouge4", "rougeL", "rougeLsum"])
        .stem(true)
        .tokenizer(tokenizer)
        .build()
        .expect("valid metrics")
}

/// Up to 4 sentences of up to 12 words from a vocabulary with punctuation, case, digits,
/// inflections and non-Latin words, so that tokens repeat and the stemmer and both tokenizers
/// have work to do.
fn summary() -> impl Strategy<Value = Vec<String>> {
    let word = prop::sample::select(vec![
        "the",
        "The",
        "cats",
        "cat",
        "running",
        "ran",
        "U.S.",
        "3.14",
        "don't",
        "news",
        "dying",
        "Москва",
        "北京",
        "café",
        ",",
        "-",
        "a",
        "A",
        "relational",
    ]);
    let sentence = prop::collection::vec(word, 0..12).prop_map(|w| w.join(" "));
    prop::collection::vec(sentence, 0..4)
}

fn close(a: Score, b: Score) -> bool {
    (a.recall - b.recall).abs() < 1e-15
        && (a.precision - b.precision).abs() < 1e-15
        && (a.f - b.f).abs() < 1e-15
}

proptest! {
    #[test]
    fn scores_are_finite_and_in_range(c in summary(), r in summary()) {
        for tokenizer in [Tokenizer::RougeScore, Tokenizer::Unicode] {
            for (_, s) in scorer(tokenizer).score(&c, &r) {
                for v in [s.recall, s.precision, s.f] {
                    prop_assert!((0.0..=1.0).contains(&v), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn self_score_is_one_unless_empty(c in summary()) {
        let s = scorer(Tokenizer::Unicode);
        let nonempty = !nutgraf_eval::google::tokens(&c.join(" "), Tokenizer::Unicode, true)
            .is_empty();
        for (metric, score) in s.score(&c, &c) {
            if metric == Metric::RougeN(2) || metric == Metric::RougeN(4) {
                continue; // too few tokens for an n-gram is a legitimate 0
            }
            let want = if nonempty { 1.0 } else { 0.0 };
            prop_assert_eq!(score.f, want, "{}", metric);
        }
    }

    #[test]
    fn swapping_sides_swaps_precision_and_recall(c in summary(), r in summary()) {
        let s = scorer(Tokenizer::RougeScore);
        let ab = s.score(&c, &r);
        let ba = s.score(&r, &c);
        for ((metric, x), (_, y)) in ab.into_iter().zip(ba) {
            if metric == Metric::RougeLsum {
                continue; // the union LCS is taken per reference sentence: not symmetric
            }
            prop_assert!(close(x, Score { recall: y.precision, precision: y.recall, f: y.f }),
                "{} {:?} {:?}", metric, x, y);
        }
    }

    #[test]
    fn multi_with_one_reference_is_score(c in summary(), r in summary()) {
        let s = scorer(Tokenizer::RougeScore);
        let multi = s.score_multi(&c, std::slice::from_ref(&r)).expect("one reference");
        prop_assert_eq!(multi, s.score(&c, &r));
    }

    #[test]
    fn sentences_equal_joined_text_for_n_grams_and_l(c in summary(), r in summary()) {
        let s = scorer(Tokenizer::RougeScore);
        let joined = s.score_text(&c.join(" "), &r.join(" "));
        for ((m, a), (_, b)) in s.score(&c, &r).into_iter().zip(joined) {
            if m != Metric::RougeLsum {
                prop_assert_eq!(a, b, "{}", m);
            }
        }
    }
}

#[test]
fn rouge_score_tokenizer_gives_zero_on_non_latin_text_and_unicode_does_not() {
    let c = ["Москва — столица России."];
    let r = ["Москва является столицей России."];
    let rs = scorer(Tokenizer::RougeScore).score(&c, &r);
    assert!(rs.iter().all(|(_, s)| s.f == 0.0));
    let uni = scorer(Tokenizer::Unicode).score(&c, &r);
    // Unigrams: {москва, столица, россии} vs {москва, является, столицей, россии}: 2 hits.
    assert_eq!(uni[0].1.precision, 2.0 / 3.0);
    assert_eq!(uni[0].1.recall, 2.0 / 4.0);
}
