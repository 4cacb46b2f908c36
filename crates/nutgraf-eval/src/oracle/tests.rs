use std::collections::HashMap;

use proptest::prelude::{prop, prop_assert, proptest};
use proptest::strategy::Strategy as Gen;

use super::*;

fn config(strategy: Strategy) -> OracleConfig {
    OracleConfig {
        strategy,
        ..OracleConfig::default()
    }
}

/// Greedy stops at [0, 2] (1.746); the best pair is [1, 2], which reads "1 2 3 4" exactly.
fn trap() -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
    (
        vec![vec![1, 2, 3], vec![1, 2], vec![3, 4]],
        vec![vec![1, 2, 3, 4]],
    )
}

#[test]
fn greedy_takes_the_exact_sentence_and_stops() {
    let doc = vec![vec![1, 2, 3], vec![4, 5], vec![1, 2, 3, 4, 5, 6]];
    let r = label(&doc, &[vec![1, 2, 3, 4, 5, 6]], &OracleConfig::default()).unwrap();
    assert_eq!(r.indices, vec![2]);
    assert_eq!(r.objective, 2.0);
    assert_eq!(r.scores.rouge_l.f, 1.0);
}

#[test]
fn greedy_beam_and_exhaustive_on_a_greedy_trap() {
    let (doc, reference) = trap();
    let greedy = label(&doc, &reference, &config(Strategy::Greedy)).unwrap();
    let beam = label(&doc, &reference, &config(Strategy::Beam { size: 2 })).unwrap();
    let exhaustive = label(
        &doc,
        &reference,
        &config(Strategy::Exhaustive { max_subsets: 1000 }),
    )
    .unwrap();
    assert_eq!(greedy.indices, vec![0, 2]);
    // "1 2 3 3 4": R1 = 1, P1 = 4/5; bigrams 3 of 4 hit, R2 = 1, P2 = 3/4.
    let expected = 2.0 * 0.8 / 1.8 + 2.0 * 0.75 / 1.75;
    assert!(
        (greedy.objective - expected).abs() < 1e-12,
        "{}",
        greedy.objective
    );
    assert_eq!(beam.indices, vec![1, 2]);
    assert_eq!(exhaustive.indices, vec![1, 2]);
    assert_eq!(exhaustive.objective, 2.0);
}

#[test]
fn bigrams_across_selected_sentences_count_like_rouge_155() {
    // Reference "1 2 3 4": choosing [1, 2] makes the bigram (2, 3) across the boundary.
    let (doc, reference) = trap();
    let r = label(
        &doc,
        &reference,
        &config(Strategy::Exhaustive { max_subsets: 100 }),
    )
    .unwrap();
    assert_eq!(r.scores.rouge2.recall, 1.0);
}

#[test]
fn objective_rl_uses_the_union_lcs() {
    // Two reference sentences, each matched by a different document sentence in reverse order.
    let doc = vec![vec![7, 8], vec![5, 6], vec![9]];
    let reference = vec![vec![5, 6], vec![7, 8]];
    let cfg = OracleConfig {
        objective: Objective::Rl,
        ..OracleConfig::default()
    };
    let r = label(&doc, &reference, &cfg).unwrap();
    assert_eq!(r.indices, vec![0, 1]);
    assert_eq!(r.scores.rouge_l.f, 1.0);
    // ROUGE-2 of "7 8 5 6" against "5 6 7 8": (5,6) and (7,8) hit, (8,5) does not.
    assert!((r.scores.rouge2.recall - 2.0 / 3.0).abs() < 1e-12);
}

#[test]
fn max_sentences_caps_every_strategy() {
    let doc: Vec<Vec<u32>> = (0..6).map(|i| vec![i]).collect();
    let reference = vec![(0..6).collect()];
    for strategy in [
        Strategy::Greedy,
        Strategy::Beam { size: 3 },
        Strategy::Exhaustive { max_subsets: 1000 },
    ] {
        let cfg = OracleConfig {
            strategy,
            max_sentences: 2,
            ..OracleConfig::default()
        };
        assert_eq!(
            label(&doc, &reference, &cfg).unwrap().indices.len(),
            2,
            "{strategy:?}"
        );
    }
}

#[test]
fn exhaustive_refuses_a_combinatorial_explosion() {
    let doc: Vec<Vec<u32>> = (0..60).map(|i| vec![i]).collect();
    let cfg = OracleConfig {
        strategy: Strategy::Exhaustive {
            max_subsets: 10_000,
        },
        ..OracleConfig::default()
    };
    let err = label(&doc, &[vec![1]], &cfg).unwrap_err().to_string();
    assert!(
        err.contains("60 sentences") && err.contains("36050 subsets"),
        "{err}"
    );
}

#[test]
fn empty_inputs_give_empty_sets() {
    let r = label(&[], &[vec![1, 2]], &OracleConfig::default()).unwrap();
    assert!(r.indices.is_empty());
    let r = label(&[vec![1, 2]], &[], &OracleConfig::default()).unwrap();
    assert!(r.indices.is_empty());
    assert_eq!(r.objective, 0.0);
    let r = label(&[vec![], vec![3]], &[vec![3]], &OracleConfig::default()).unwrap();
    assert_eq!(r.indices, vec![1]);
}

#[test]
fn bad_configurations_are_rejected() {
    let cfg = OracleConfig {
        max_sentences: 0,
        ..OracleConfig::default()
    };
    assert!(label(&[vec![1]], &[vec![1]], &cfg).is_err());
    assert!(label(&[vec![1]], &[vec![1]], &config(Strategy::Beam { size: 0 })).is_err());
    assert!("r3".parse::<Objective>().is_err());
    assert_eq!("r1+r2".parse::<Objective>().unwrap(), Objective::R1PlusR2);
}

/// Naive ROUGE-N F of the concatenated selection, for checking the incremental counts.
fn naive_rouge_n(doc: &[Vec<u32>], set: &[usize], reference: &[Vec<u32>], n: usize) -> f64 {
    fn grams(toks: &[u32], n: usize) -> HashMap<&[u32], usize> {
        let mut m: HashMap<&[u32], usize> = HashMap::new();
        toks.windows(n).for_each(|w| *m.entry(w).or_default() += 1);
        m
    }
    let cand: Vec<u32> = set.iter().flat_map(|&i| doc[i].iter().copied()).collect();
    let refs: Vec<u32> = reference.iter().flatten().copied().collect();
    let (c, r) = (grams(&cand, n), grams(&refs, n));
    let hits: usize = r
        .iter()
        .map(|(g, &k)| k.min(c.get(g).copied().unwrap_or(0)))
        .sum();
    let (ct, rt) = (
        cand.len().saturating_sub(n - 1),
        refs.len().saturating_sub(n - 1),
    );
    if hits == 0 {
        return 0.0;
    }
    let (p, rr) = (hits as f64 / ct as f64, hits as f64 / rt as f64);
    2.0 * p * rr / (p + rr)
}

fn small_doc() -> impl Gen<Value = (Vec<Vec<u32>>, Vec<Vec<u32>>)> {
    let sentence = prop::collection::vec(0u32..8, 0..7);
    (
        prop::collection::vec(sentence.clone(), 0..7),
        prop::collection::vec(sentence, 0..3),
    )
}

proptest! {
    #[test]
    fn incremental_rouge_equals_naive_and_exhaustive_dominates((doc, reference) in small_doc()) {
        let g = label(&doc, &reference, &config(Strategy::Greedy)).unwrap();
        let b = label(&doc, &reference, &config(Strategy::Beam { size: 3 })).unwrap();
        let e = label(&doc, &reference, &config(Strategy::Exhaustive { max_subsets: 1 << 20 })).unwrap();
        for r in [&g, &b, &e] {
            let f1 = naive_rouge_n(&doc, &r.indices, &reference, 1);
            let f2 = naive_rouge_n(&doc, &r.indices, &reference, 2);
            prop_assert!((r.scores.rouge1.f - f1).abs() < 1e-12, "{:?} r1 {} vs {}", r.indices, r.scores.rouge1.f, f1);
            prop_assert!((r.scores.rouge2.f - f2).abs() < 1e-12, "{:?} r2 {} vs {}", r.indices, r.scores.rouge2.f, f2);
            prop_assert!(r.indices.windows(2).all(|w| w[0] < w[1]));
        }
        prop_assert!(e.objective >= b.objective - 1e-12);
        prop_assert!(b.objective >= g.objective - 1e-12);
    }
}
