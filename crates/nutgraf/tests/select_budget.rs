//! Selection under budgets and redundancy policies, with Lead's scores (a known order), so the
//! expected picks follow from the budget rules alone.

use nutgraf::select::Redundancy;
use nutgraf::{Budget, Document, MethodConfig, Summarizer};

fn lead(budget: Budget, redundancy: Redundancy, sentences: &[&str]) -> Vec<usize> {
    Summarizer::builder()
        .method(MethodConfig::named("lead").unwrap())
        .budget(budget)
        .redundancy(redundancy)
        .build()
        .unwrap()
        .summarize(&Document::from_sentences(sentences))
        .unwrap()
        .selected
}

#[test]
fn word_budget_skips_a_sentence_that_does_not_fit_and_goes_on() {
    let doc = [
        "one two three four five",
        "one two three four five six seven eight nine ten",
        "one two three",
    ];
    // 5 words fit; 5 + 10 do not; 5 + 3 = 8 do.
    assert_eq!(lead(Budget::Words(8), Redundancy::None, &doc), vec![0, 2]);
    assert_eq!(lead(Budget::Words(4), Redundancy::None, &doc), vec![2]);
    assert!(lead(Budget::Words(2), Redundancy::None, &doc).is_empty());
}

#[test]
fn byte_budget_counts_one_separator_between_sentences() {
    let doc = ["aaaa", "bbbb"];
    assert_eq!(lead(Budget::Bytes(8), Redundancy::None, &doc), vec![0]);
    assert_eq!(lead(Budget::Bytes(9), Redundancy::None, &doc), vec![0, 1]);
}

#[test]
fn ratio_rounds_up() {
    let doc = ["a", "b", "c", "d", "e"];
    assert_eq!(lead(Budget::Ratio(0.3), Redundancy::None, &doc), vec![0, 1]);
    assert_eq!(lead(Budget::Ratio(1.0), Redundancy::None, &doc).len(), 5);
}

#[test]
fn trigram_blocking_skips_a_repeated_trigram() {
    let doc = [
        "the storm hit the coast",
        "the storm hit the coast again",
        "rescue teams arrived",
    ];
    let picked = lead(Budget::Sentences(2), Redundancy::TrigramBlocking, &doc);
    assert_eq!(picked, vec![0, 2]);
    assert_eq!(
        lead(Budget::Sentences(2), Redundancy::None, &doc),
        vec![0, 1]
    );
}

#[test]
fn mmr_trades_relevance_for_novelty() {
    // Lead scores 1, 2/3, 1/3 rescale to 1, 0.5, 0. With λ = 0.5 the duplicate scores
    // 0.25 − 0.5·1 < 0 after the first pick, the unrelated sentence 0.
    let doc = ["storm coast power", "storm coast power", "rescue teams"];
    let mmr = Redundancy::Mmr { lambda: 0.5 };
    assert_eq!(lead(Budget::Sentences(2), mmr, &doc), vec![0, 2]);
    // λ = 1 is pure relevance.
    let relevance = Redundancy::Mmr { lambda: 1.0 };
    assert_eq!(lead(Budget::Sentences(2), relevance, &doc), vec![0, 1]);
}
