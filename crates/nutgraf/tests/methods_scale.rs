//! A huge synthetic document (100,000 sentences in release builds) must be summarized by every method without
//! quadratic blow-up (no timing assertion: it must complete and respect the budget). The
//! synthetic text mixes a few very common words (long posting lists, exercising the graph
//! window) with a long tail.

use nutgraf::analysis::{word_count, Analyzer};
use nutgraf::methods::{Input, NAMES};
use nutgraf::select::{Redundancy, Selector};
use nutgraf::{Budget, MethodConfig, Summarizer};

#[path = "common/synthetic.rs"]
mod synthetic;

use synthetic::synthetic;

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
    let input = Input {
        document: &doc,
        analyzed: &analyzed,
        explain: false,
    };
    for &kind in NAMES {
        let summarizer = Summarizer::builder()
            .method(MethodConfig::named(kind).unwrap())
            .build()
            .unwrap();
        let method = summarizer.method();
        let scores = method.score(&input).unwrap().values;
        assert_eq!(scores.len(), N, "{kind}");
        assert!(scores.iter().all(|s| s.is_finite()), "{kind}");
        for budget in [Budget::Sentences(3), Budget::Words(100)] {
            let mut selector = Selector::new(&analyzed, budget, Redundancy::None);
            method.select(&input, &scores, &mut selector).unwrap();
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
