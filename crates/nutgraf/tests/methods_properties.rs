//! Invariants of every method under every budget and redundancy policy, over random
//! documents: budget respected, selection sorted/unique/in range, one finite score per
//! sentence, deterministic (twice, and across threads), empty document → empty summary.

use nutgraf::analysis::{word_count, Analyzer};
use nutgraf::methods::{Input, LexRankConfig, LsaConfig, PacSumConfig, TextRankConfig, NAMES};
use nutgraf::select::Redundancy;
use nutgraf::{Budget, Document, MethodConfig, Summarizer, Summary};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "storm",
    "coast",
    "power",
    "flood",
    "rescue",
    "the",
    "of",
    "city",
    "police",
    "said",
    "minister",
    "election",
    "vote",
    "market",
    "shares",
    "fell",
    "rose",
    "team",
    "match",
    ".",
    ",",
    "won",
    "lost",
    "government",
    "report",
    "2024",
    "$",
    "--",
];

fn document() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(WORDS), 0..12).prop_map(|w| w.join(" ")),
        0..30,
    )
}

fn budget() -> impl Strategy<Value = Budget> {
    prop_oneof![
        (0usize..6).prop_map(Budget::Sentences),
        (0usize..60).prop_map(Budget::Words),
        (0usize..300).prop_map(Budget::Bytes),
        (0.01f64..=1.0).prop_map(Budget::Ratio),
    ]
}

fn redundancy() -> impl Strategy<Value = Redundancy> {
    prop_oneof![
        Just(Redundancy::None),
        Just(Redundancy::TrigramBlocking),
        (0.0f64..=1.0).prop_map(|lambda| Redundancy::Mmr { lambda }),
    ]
}

fn method() -> impl Strategy<Value = MethodConfig> {
    (prop::sample::select(NAMES), any::<bool>()).prop_map(|(name, variant)| {
        let config = MethodConfig::named(name).unwrap();
        if !variant {
            return config;
        }
        // Exercise the other code paths: thresholded LexRank, windowed graphs, randomized LSA.
        match config {
            MethodConfig::TextRank(_) => MethodConfig::TextRank(TextRankConfig {
                graph_exact_limit: 3,
                posting_window: 2,
                ..TextRankConfig::default()
            }),
            MethodConfig::LexRank(_) => MethodConfig::LexRank(LexRankConfig {
                threshold: Some(0.1),
                graph_exact_limit: 3,
                posting_window: 2,
                ..LexRankConfig::default()
            }),
            MethodConfig::PacSum(_) => MethodConfig::PacSum(PacSumConfig {
                graph_exact_limit: 3,
                posting_window: 2,
                ..PacSumConfig::default()
            }),
            MethodConfig::Lsa(_) => MethodConfig::Lsa(LsaConfig {
                dense_limit: 2,
                max_dims: 3,
                ..LsaConfig::default()
            }),
            other => other,
        }
    })
}

fn check_budget(budget: Budget, doc: &Document, summary: &Summary) -> Result<(), TestCaseError> {
    let sel = &summary.selected;
    match budget {
        Budget::Sentences(k) => prop_assert!(sel.len() <= k),
        Budget::Ratio(r) => prop_assert!(sel.len() as f64 <= (r * doc.len() as f64).ceil()),
        Budget::Words(n) => {
            let words: usize = sel.iter().map(|&i| word_count(doc.sentence(i))).sum();
            prop_assert!(words <= n, "{words} words > {n}");
        }
        Budget::Bytes(n) => {
            let bytes: usize = sel.iter().map(|&i| doc.sentence(i).len()).sum::<usize>()
                + sel.len().saturating_sub(1);
            prop_assert!(bytes <= n, "{bytes} bytes > {n}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn invariants_hold(sentences in document(), config in method(), budget in budget(),
                       redundancy in redundancy()) {
        // MMR is refused for the methods that pick their own way (see `engine.rs`).
        let own_way = matches!(config, MethodConfig::SumBasic(_) | MethodConfig::KlSum(_));
        prop_assume!(!(own_way && matches!(redundancy, Redundancy::Mmr { .. })));
        let doc = Document::from_sentences(&sentences);
        let summarizer = Summarizer::builder()
            .method(config)
            .budget(budget)
            .redundancy(redundancy)
            .build()
            .unwrap();
        // The method's own scores, before the summarizer sees them: one finite value per
        // sentence (the summarizer reports a method that breaks this instead of fixing it).
        let analyzed = Analyzer::default().analyze(&doc);
        let input = Input { document: &doc, analyzed: &analyzed, explain: true };
        let raw = summarizer.method().score(&input).unwrap();
        prop_assert_eq!(raw.values.len(), doc.len());
        prop_assert!(raw.values.iter().all(|s| s.is_finite()), "{:?}", raw.values);
        if let Some(e) = &raw.explanations {
            prop_assert_eq!(e.len(), doc.len());
        }
        let summary = summarizer.summarize(&doc).unwrap();
        prop_assert_eq!(&summary.scores, &raw.values);
        prop_assert!(summary.selected.windows(2).all(|w| w[0] < w[1]), "{:?}", summary.selected);
        prop_assert!(summary.selected.iter().all(|&i| i < doc.len()));
        check_budget(budget, &doc, &summary)?;
        if doc.is_empty() {
            prop_assert!(summary.selected.is_empty());
        }
        // Deterministic: same output again, and from other threads.
        prop_assert_eq!(&summarizer.summarize(&doc).unwrap(), &summary);
        let from_threads: Vec<Summary> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..2)
                .map(|_| scope.spawn(|| summarizer.summarize(&doc).unwrap()))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for other in &from_threads {
            prop_assert_eq!(other, &summary);
        }
    }

    #[test]
    fn a_sentence_budget_is_filled_when_nothing_blocks(sentences in document(), k in 0usize..5,
                                                      config in method()) {
        // Without redundancy control every score-ranked method fills min(k, n) slots; the
        // iterative ones (SumBasic, KL-Sum) skip sentences without content terms.
        let doc = Document::from_sentences(&sentences);
        let iterative = matches!(config, MethodConfig::SumBasic(_) | MethodConfig::KlSum(_));
        let summary = Summarizer::builder()
            .method(config)
            .budget(Budget::Sentences(k))
            .build()
            .unwrap()
            .summarize(&doc)
            .unwrap();
        if !iterative {
            prop_assert_eq!(summary.selected.len(), k.min(doc.len()));
        } else {
            prop_assert!(summary.selected.len() <= k.min(doc.len()));
        }
    }
}

#[test]
fn empty_document_gives_empty_summary_for_every_method() {
    for &kind in NAMES {
        let summary = Summarizer::builder()
            .method(MethodConfig::named(kind).unwrap())
            .build()
            .unwrap()
            .summarize(&Document::default())
            .unwrap();
        assert!(
            summary.selected.is_empty() && summary.scores.is_empty(),
            "{kind}"
        );
    }
}

#[test]
fn rayon_pool_gives_the_same_summaries() {
    use rayon::prelude::*;
    let docs: Vec<Document> = (0..40)
        .map(|d| {
            Document::from_sentences((0..12).map(|s| {
                (0..8)
                    .map(|w| WORDS[(d * 7 + s * 3 + w * w) % WORDS.len()])
                    .collect::<Vec<_>>()
                    .join(" ")
            }))
        })
        .collect();
    for &kind in NAMES {
        let summarizer = Summarizer::builder()
            .method(MethodConfig::named(kind).unwrap())
            .build()
            .unwrap();
        let serial: Vec<Summary> = docs
            .iter()
            .map(|d| summarizer.summarize(d).unwrap())
            .collect();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let parallel: Vec<Summary> = pool.install(|| {
            docs.par_iter()
                .map(|d| summarizer.summarize(d).unwrap())
                .collect()
        });
        assert_eq!(serial, parallel, "{kind}");
    }
}
