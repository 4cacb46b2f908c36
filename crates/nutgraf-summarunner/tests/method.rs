//! SummaRuNNer as a nutgraf `Method`: its scores and their explanations.

mod common;

use common::{config, docs, vocab};
use nutgraf_core::analysis::{Analyzer, Fill};
use nutgraf_core::methods::{Input, Method, Scores};
use nutgraf_core::Document;
use nutgraf_summarunner::{SummaRuNNer, Variant, NAME};

const TERMS: [&str; 6] = [
    "content",
    "salience",
    "novelty",
    "position_absolute",
    "position_relative",
    "bias",
];

fn method_scores(model: &SummaRuNNer, doc: &Document, explain: bool) -> Scores {
    let analyzed = Analyzer::default().analyze_with(doc, Fill::default());
    let input = Input {
        document: doc,
        analyzed: &analyzed,
        explain,
    };
    Method::score(model, &input).unwrap()
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Every scored sentence's signed terms sum to its logit; the others have probability 0 only.
fn assert_terms_make_the_probability(scores: &Scores, scored: usize) {
    let explanations = scores.explanations.as_ref().expect("explanations");
    assert_eq!(explanations.len(), scores.values.len());
    for (j, (e, &p)) in explanations.iter().zip(&scores.values).enumerate() {
        assert_eq!(e.components["probability"], p, "sentence {j}");
        if j >= scored {
            assert_eq!(e.components.len(), 1, "sentence {j}: {e:?}");
            assert_eq!(p, 0.0);
            continue;
        }
        let logit: f64 = TERMS.iter().map(|t| e.components[*t]).sum();
        assert!(
            (sigmoid(logit) - p).abs() < 1e-6,
            "sentence {j}: σ({logit}) vs {p}"
        );
        if j == 0 {
            assert_eq!(e.components["novelty"].to_bits(), 0f64.to_bits());
        }
    }
}

#[test]
fn name_is_summarunner() {
    let model = SummaRuNNer::random(&config(Variant::RnnRnn), vocab(), 1).unwrap();
    assert_eq!(model.name(), "summarunner");
    assert_eq!(NAME, "summarunner");
}

#[test]
fn method_scores_are_the_probabilities_with_or_without_explanations() {
    for variant in [Variant::RnnRnn, Variant::CnnRnn, Variant::AttnRnn] {
        let model = SummaRuNNer::random(&config(variant), vocab(), 2).unwrap();
        for doc in docs() {
            let want: Vec<u64> = model
                .score(&doc)
                .unwrap()
                .iter()
                .map(|p| p.to_bits())
                .collect();
            for explain in [false, true] {
                let got = method_scores(&model, &doc, explain);
                let bits: Vec<u64> = got.values.iter().map(|p| p.to_bits()).collect();
                assert_eq!(bits, want, "{variant:?}, explain {explain}");
                if !explain || variant != Variant::RnnRnn {
                    assert_eq!(got.explanations, None, "{variant:?}, explain {explain}");
                }
            }
        }
    }
}

#[test]
fn explanation_terms_sum_to_the_logit() {
    let config = config(Variant::RnnRnn);
    let model = SummaRuNNer::random(&config, vocab(), 4).unwrap();
    let mut saw_novelty = false;
    for doc in docs() {
        let scores = method_scores(&model, &doc, true);
        assert_terms_make_the_probability(&scores, config.max_sentences);
        let explanations = scores.explanations.unwrap();
        saw_novelty |= explanations
            .iter()
            .skip(1)
            .take(config.max_sentences - 1)
            .any(|e| e.components["novelty"] != 0.0);
        for e in explanations.iter().take(config.max_sentences) {
            assert!(TERMS.iter().all(|t| e.components.contains_key(*t)), "{e:?}");
        }
    }
    assert!(saw_novelty, "the novelty term never entered");
    // docs()[3] has 8 sentences for max_sentences 6: the last two are unscored.
    let scores = method_scores(&model, &docs()[3], true);
    assert_eq!(scores.explanations.unwrap()[7].components.len(), 1);
}

#[test]
fn shipped_model_explains_real_news() {
    let Ok(model) = SummaRuNNer::embedded() else {
        return;
    };
    let doc = Document::from_sentences([
        "A powerful storm hit the coast on Monday , cutting power to thousands of homes .",
        "Officials said repairs could take several days .",
        "The storm is expected to weaken as it moves inland .",
        "Schools in the region will remain closed on Tuesday .",
    ]);
    let scores = method_scores(&model, &doc, true);
    assert_terms_make_the_probability(&scores, model.config().max_sentences);
}
