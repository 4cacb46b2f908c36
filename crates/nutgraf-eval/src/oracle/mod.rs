//! Extractive oracle labels: for each document, the sentence set that maximizes ROUGE against
//! its reference.
//!
//! Supervised extractive models (SummaRuNNer, BertSumExt, MatchSum) are trained on such labels.
//! Three searches:
//!
//! * **greedy** (Nallapati et al. 2017; Liu & Lapata 2019): add the sentence that most increases
//!   the objective, until none increases it or `max_sentences` is reached;
//! * **beam**: the same with the `B` best partial sets kept at each size;
//! * **exhaustive**: every subset of at most `max_sentences` sentences (the candidate
//!   summaries of MatchSum, Zhong et al. 2020), refused above `max_subsets` subsets.
//!
//! The objective is computed on token ids from the perl flavour's tokenizer (ROUGE-1.5.5
//! tokenization and stemming), without re-tokenizing per candidate: ROUGE-1/2 hit counts are
//! updated incrementally, ROUGE-L from precomputed per-sentence LCS marks. Deviation from
//! Liu & Lapata's code: their greedy scores with set-based n-gram overlap on their own
//! tokenization; this one uses ROUGE-1.5.5's clipped counts, so its numbers are the ones
//! `nutgraf rouge` reports for the chosen sentences.

mod lcs;
mod problem;
mod search;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::perl::Tokenizer;
use crate::{Error, Result, Score};

/// What the oracle maximizes: F-measures of ROUGE-1.5.5 (alpha 0.5, unrounded). JSON: its
/// name, `"r1"`, `"r2"`, `"rl"`, `"r1+r2"` or `"mean"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Objective {
    /// ROUGE-1 F.
    R1,
    /// ROUGE-2 F.
    R2,
    /// ROUGE-L F (summary-level union LCS).
    Rl,
    /// ROUGE-1 F + ROUGE-2 F (Nallapati et al. 2017; Liu & Lapata 2019).
    #[default]
    #[serde(rename = "r1+r2")]
    R1PlusR2,
    /// Mean of ROUGE-1, ROUGE-2 and ROUGE-L F.
    Mean,
}

impl Objective {
    const NAMES: [(&'static str, Objective); 5] = [
        ("r1", Objective::R1),
        ("r2", Objective::R2),
        ("rl", Objective::Rl),
        ("r1+r2", Objective::R1PlusR2),
        ("mean", Objective::Mean),
    ];

    fn needs_lcs(self) -> bool {
        matches!(self, Objective::Rl | Objective::Mean)
    }

    fn value(self, s: &OracleScores) -> f64 {
        match self {
            Objective::R1 => s.rouge1.f,
            Objective::R2 => s.rouge2.f,
            Objective::Rl => s.rouge_l.f,
            Objective::R1PlusR2 => s.rouge1.f + s.rouge2.f,
            Objective::Mean => (s.rouge1.f + s.rouge2.f + s.rouge_l.f) / 3.0,
        }
    }
}

impl fmt::Display for Objective {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = Objective::NAMES
            .iter()
            .find(|(_, o)| o == self)
            .map_or("?", |(n, _)| n);
        f.write_str(name)
    }
}

impl FromStr for Objective {
    type Err = Error;
    fn from_str(s: &str) -> Result<Objective> {
        Objective::NAMES
            .iter()
            .find(|(n, _)| *n == s)
            .map(|&(_, o)| o)
            .ok_or_else(|| Error::invalid_oracle("objective", s, "r1, r2, rl, r1+r2 or mean"))
    }
}

/// How to search the sentence sets.
///
/// JSON: `{"kind": "greedy"}`, `{"kind": "beam", "size": 5}`,
/// `{"kind": "exhaustive", "max_subsets": 1000000}`; a left-out `size` or `max_subsets` is
/// [`Strategy::DEFAULT_BEAM_SIZE`] or [`Strategy::DEFAULT_MAX_SUBSETS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "StrategyJson", into = "StrategyJson")]
pub enum Strategy {
    /// Greedy forward selection.
    #[default]
    Greedy,
    /// Beam search keeping this many sets per size.
    Beam {
        /// Beam width (at least 1; 1 is greedy without the stop rule's early exit).
        size: usize,
    },
    /// Every subset of at most `max_sentences` sentences.
    Exhaustive {
        /// Refuse a document whose search would try more subsets than this.
        max_subsets: u64,
    },
}

impl Strategy {
    /// The beam width when JSON leaves `size` out.
    pub const DEFAULT_BEAM_SIZE: usize = 5;
    /// The subset limit when JSON leaves `max_subsets` out.
    pub const DEFAULT_MAX_SUBSETS: u64 = 1_000_000;
}

/// The JSON form of [`Strategy`]: struct variants, so that `greedy` refuses unknown fields too
/// (serde accepts anything beside the tag of a unit variant).
#[derive(Serialize, Deserialize)]
#[serde(
    expecting = "a strategy like {\"kind\": \"beam\", \"size\": 5}",
    tag = "kind",
    rename_all = "snake_case",
    deny_unknown_fields
)]
enum StrategyJson {
    Greedy {},
    Beam {
        #[serde(default = "default_beam_size")]
        size: usize,
    },
    Exhaustive {
        #[serde(default = "default_max_subsets")]
        max_subsets: u64,
    },
}

fn default_beam_size() -> usize {
    Strategy::DEFAULT_BEAM_SIZE
}

fn default_max_subsets() -> u64 {
    Strategy::DEFAULT_MAX_SUBSETS
}

impl From<StrategyJson> for Strategy {
    fn from(j: StrategyJson) -> Strategy {
        match j {
            StrategyJson::Greedy {} => Strategy::Greedy,
            StrategyJson::Beam { size } => Strategy::Beam { size },
            StrategyJson::Exhaustive { max_subsets } => Strategy::Exhaustive { max_subsets },
        }
    }
}

impl From<Strategy> for StrategyJson {
    fn from(s: Strategy) -> StrategyJson {
        match s {
            Strategy::Greedy => StrategyJson::Greedy {},
            Strategy::Beam { size } => StrategyJson::Beam { size },
            Strategy::Exhaustive { max_subsets } => StrategyJson::Exhaustive { max_subsets },
        }
    }
}

/// Oracle configuration. `Default`: greedy, `r1+r2`, at most 3 sentences.
///
/// JSON (serde): every field may be left out, unknown fields are refused:
///
/// ```json
/// {"strategy": {"kind": "beam", "size": 5}, "objective": "r1+r2", "max_sentences": 3}
/// ```
///
/// [`validate`](Self::validate) (called by [`label`]) checks the values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OracleConfig {
    /// Search strategy.
    pub strategy: Strategy,
    /// Objective.
    pub objective: Objective,
    /// At most this many sentences (Liu & Lapata 2019 use 3).
    pub max_sentences: usize,
}

impl Default for OracleConfig {
    fn default() -> OracleConfig {
        OracleConfig {
            strategy: Strategy::Greedy,
            objective: Objective::default(),
            max_sentences: 3,
        }
    }
}

impl OracleConfig {
    /// Checks the configuration.
    ///
    /// # Errors
    /// [`Error::InvalidOracleOption`] for `max_sentences` 0 or a beam `size` 0
    /// (`strategy.size`).
    pub fn validate(&self) -> Result<()> {
        if self.max_sentences == 0 {
            return Err(Error::invalid_oracle("max_sentences", 0, "at least 1"));
        }
        if let Strategy::Beam { size: 0 } = self.strategy {
            return Err(Error::invalid_oracle("strategy.size", 0, "at least 1"));
        }
        Ok(())
    }
}

/// ROUGE-1.5.5 scores (unrounded) of an oracle set.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct OracleScores {
    /// ROUGE-1.
    #[serde(rename = "ROUGE-1")]
    pub rouge1: Score,
    /// ROUGE-2.
    #[serde(rename = "ROUGE-2")]
    pub rouge2: Score,
    /// ROUGE-L (summary-level union LCS); zero unless the objective needs it or
    /// [`label`] was asked for it.
    #[serde(rename = "ROUGE-L")]
    pub rouge_l: Score,
}

/// The oracle set of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OracleResult {
    /// Selected sentence indices, in document order.
    pub indices: Vec<usize>,
    /// The objective's value for this set.
    pub objective: f64,
    /// Its ROUGE scores.
    pub scores: OracleScores,
}

/// Finds the oracle set of a document.
///
/// `doc` and `reference` are sentences of token ids (perl-flavour tokens, stemmed as the
/// ROUGE configuration says). ROUGE-L is always reported; only the objective decides the search.
pub fn label(
    doc: &[Vec<u32>],
    reference: &[Vec<u32>],
    config: &OracleConfig,
) -> Result<OracleResult> {
    config.validate()?;
    let mut problem = problem::Problem::new(doc, reference);
    if config.objective.needs_lcs() {
        problem.prepare_lcs();
    }
    let indices = match config.strategy {
        Strategy::Greedy => search::greedy(&problem, config),
        Strategy::Beam { size } => search::beam(&problem, config, size),
        Strategy::Exhaustive { max_subsets } => search::exhaustive(&problem, config, max_subsets)?,
    };
    problem.prepare_lcs_for(&indices);
    let scores = search::scores_of(&problem, &indices);
    Ok(OracleResult {
        objective: config.objective.value(&scores),
        indices,
        scores,
    })
}

/// A document's sentences and its reference as the oracle's input: ROUGE-1.5.5 token ids by
/// `tokenizer` (stemmed or not as it was made), one document's worth (the tokenizer is told
/// the document ended). The one way every caller (the oracle method, SummaRuNNer's labels)
/// turns texts into what [`label`] searches.
pub fn input<S: AsRef<str>, R: AsRef<str>>(
    tokenizer: &mut Tokenizer,
    sentences: &[S],
    reference: &[R],
) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
    let doc = tokenizer.sentences(sentences);
    let reference = tokenizer.sentences(reference);
    tokenizer.end_document();
    (doc, reference)
}

/// [`label`] of texts: [`input`] then the search.
pub fn label_texts<S: AsRef<str>, R: AsRef<str>>(
    tokenizer: &mut Tokenizer,
    sentences: &[S],
    reference: &[R],
    config: &OracleConfig,
) -> Result<OracleResult> {
    let (doc, reference) = input(tokenizer, sentences, reference);
    label(&doc, &reference, config)
}

#[cfg(test)]
mod tests;
