//! A huge synthetic document (100,000 sentences in release builds) must be summarized by every method without
//! quadratic blow-up (no timing assertion: it must complete and respect the budget). The
//! synthetic text mixes a few very common words (long posting lists, exercising the graph
//! window) with a long tail.

use nutgraf::analysis::{word_count, Analyzer};
use nutgraf::methods::MethodKind;
use nutgraf::select::{Redundancy, Selector};
use nutgraf::{Budget, Document, MethodConfig};

fn synthetic(n: usize) -> Document {
    // A small LCG keeps the text deterministic without a dependency.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let sentences: Vec<String> = (0..n)
        .map(|_| {
            let len = 4 + next() % 10;
            (0..len)
                .map(|_| {
                    // Roughly Zipfian: word k with probability ∝ 1/k over 20,000 words.
                    let r = next() % 1_000_000;
                    let k = (20_000f64.powf(r as f64 / 1_000_000.0)) as usize;
                    format!("w{k}")
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    Document::from_sentences(&sentences)
}

/// 100,000 sentences in release builds (`cargo test --release`); 10,000 in debug builds, where
/// the same code paths (posting window, randomized LSA) are taken but unoptimized code would
/// take minutes. `cargo run --release -p nutgraf --example bench_methods -- --scale 100000`
/// times the full size.
const N: usize = if cfg!(debug_assertions) {
    10_000
} else {
    100_000
};

#[test]
fn every_method_handles_a_huge_document() {
    let doc = synthetic(N);
    assert_eq!(doc.len(), N);
    // Analyze once: the analyzer is not under test here and dominates debug runtime.
    let analyzed = Analyzer::default().analyze(&doc);
    for &kind in MethodKind::ALL {
        let method = MethodConfig::new(kind).build().unwrap();
        let scores = method.score(&analyzed);
        assert_eq!(scores.len(), N, "{kind}");
        assert!(scores.iter().all(|s| s.is_finite()), "{kind}");
        for budget in [Budget::Sentences(3), Budget::Words(100)] {
            let mut selector = Selector::new(&analyzed, budget, Redundancy::None);
            method.select(&analyzed, &scores, &mut selector);
            let selected = selector.into_sorted();
            assert!(!selected.is_empty(), "{kind}");
            match budget {
                Budget::Sentences(k) => assert!(selected.len() <= k, "{kind}"),
                _ => {
                    let words: usize = selected.iter().map(|&i| word_count(doc.sentence(i))).sum();
                    assert!(words <= 100, "{kind}: {words}");
                }
            }
        }
    }
}
