//! SumBasic (Nenkova & Vanderwende 2005, "The Impact of Frequency on Summarization", MSR-TR;
//! Vanderwende et al. 2007).
//!
//! 1. `p(w)` = occurrences of `w` / all term occurrences in the document.
//! 2. The weight of a sentence is the average `p(w)` of its words.
//! 3. Take the highest-probability word; among the not-yet-considered sentences containing it,
//!    pick the one with the largest weight.
//! 4. For every word of the picked sentence, `p(w) ← p(w)²`; go to 2 until the budget is full.
//!
//! [`Method::score`] returns the step-2 weights before any update (what the first pick sees);
//! its explanation lists the sentence's terms with their probability `p(w)`.
//! [`Method::select`] runs the loop through [`Selector::try_add`]: a candidate that does not
//! fit the budget or is blocked by the redundancy policy is skipped for good, and a word whose
//! sentences are all used or skipped is retired. Ties go to the lower term id (first occurrence)
//! and to the earlier sentence. With MMR the redundancy control is SumBasic's own update and the
//! MMR setting is ignored.
//!
//! Deviations and choices: words are the analyzer's content terms; sentences without content
//! terms are never picked. Cost: a heap keeps the word order (`O(log V)` per change) and only the
//! sentences sharing a word with a pick are re-weighted, so one pick costs the posting lists of
//! its words.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use serde::{Deserialize, Serialize};

use super::explain::TERMS;
use super::{Explanation, Input, Method, Scores};
use crate::analysis::Analyzed;
use crate::error::Result;
use crate::features::{term_counts, Postings};
use crate::select::Selector;

/// SumBasic has no parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SumBasicConfig {}

/// SumBasic.
#[derive(Debug, Clone, Copy, Default)]
pub struct SumBasic;

/// A heap entry: a word and its probability when pushed (stale once the probability changes).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry(f64, u32);

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Entry) -> Ordering {
        self.0.total_cmp(&other.0).then(other.1.cmp(&self.1))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Entry) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn probabilities(doc: &Analyzed) -> Vec<f64> {
    let counts = term_counts(doc);
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    if total == 0 {
        return counts.iter().map(|_| 0.0).collect();
    }
    counts
        .iter()
        .map(|&c| f64::from(c) / total as f64)
        .collect()
}

fn weight(terms: &[u32], p: &[f64]) -> f64 {
    if terms.is_empty() {
        return 0.0;
    }
    terms.iter().map(|&t| p[t as usize]).sum::<f64>() / terms.len() as f64
}

impl Method for SumBasic {
    fn name(&self) -> &str {
        "sumbasic"
    }

    fn score(&self, input: &Input<'_>) -> Result<Scores> {
        let doc = input.analyzed;
        let p = probabilities(doc);
        let values: Vec<f64> = doc.sentences.iter().map(|s| weight(s, &p)).collect();
        let explanations = input.explain.then(|| {
            doc.sentences
                .iter()
                .zip(&values)
                .map(|(s, &v)| {
                    Explanation::of([("mean_probability", v)])
                        .with_terms(doc, s, TERMS, |t| p[t as usize])
                })
                .collect()
        });
        Ok(Scores {
            values,
            explanations,
        })
    }

    fn select(&self, input: &Input<'_>, scores: &[f64], selector: &mut Selector<'_>) -> Result<()> {
        let doc = input.analyzed;
        let mut p = probabilities(doc);
        let mut weights = scores.to_vec();
        weights.resize(doc.len(), 0.0);
        // Per term, the open sentences that still hold it: the first `live[t]` entries of its
        // posting list, shrunk in place (one index, not a vector per term).
        let mut index = Postings::new(doc);
        let mut live: Vec<usize> = (0..doc.n_terms as u32)
            .map(|t| index.get(t).len())
            .collect();
        let mut open: Vec<bool> = doc.sentences.iter().map(|s| !s.is_empty()).collect();
        let mut heap: BinaryHeap<Entry> = (0..doc.n_terms as u32)
            .filter(|&t| p[t as usize] > 0.0)
            .map(|t| Entry(p[t as usize], t))
            .collect();
        // stamp[s] == round marks s as re-weighted in this round.
        let mut stamp = vec![0usize; doc.len()];
        let mut round = 0usize;
        while !selector.is_full() {
            let Some(Entry(pw, w)) = heap.pop() else {
                break;
            };
            if pw.to_bits() != p[w as usize].to_bits() {
                continue; // stale entry
            }
            let list = &mut index.get_mut(w)[..live[w as usize]];
            // A sentence that does not fit now never will: budgets only fill up. (What
            // `Vec::retain` does, in place, order kept.)
            let mut kept = 0;
            for r in 0..list.len() {
                let s = list[r];
                let keep = open[s as usize] && selector.fits(s as usize);
                open[s as usize] = keep;
                if keep {
                    list[kept] = s;
                    kept += 1;
                }
            }
            live[w as usize] = kept;
            let list = &list[..kept];
            // Posting lists are ascending, so a strict `>` keeps the earliest best sentence.
            let mut best: Option<u32> = None;
            for &s in list {
                if best.is_none_or(|b| weights[s as usize] > weights[b as usize]) {
                    best = Some(s);
                }
            }
            let Some(best) = best else { continue }; // word retired
            open[best as usize] = false;
            if !selector.try_add(best as usize) {
                heap.push(Entry(pw, w));
                continue;
            }
            let mut words = doc.sentences[best as usize].clone();
            words.sort_unstable();
            words.dedup();
            for &u in &words {
                p[u as usize] *= p[u as usize];
                heap.push(Entry(p[u as usize], u));
            }
            round += 1;
            for &u in &words {
                for &s in &index.get(u)[..live[u as usize]] {
                    if open[s as usize] && stamp[s as usize] != round {
                        stamp[s as usize] = round;
                        weights[s as usize] = weight(&doc.sentences[s as usize], &p);
                    }
                }
            }
        }
        Ok(())
    }
}
