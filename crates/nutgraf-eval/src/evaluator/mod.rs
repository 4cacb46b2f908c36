//! [`Evaluator`]: the one place where summaries become ROUGE numbers (normalize, score with
//! each configured flavour, aggregate over the corpus), so that the CLI, a server and bindings
//! report the same numbers for the same input.

mod results;

use std::borrow::Cow;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::google::{self, GoogleConfig, RougeScorer, Scores};
use crate::normalize::unescape_ptb;
use crate::perl::{DocScores, EvalIds, PerlConfig, Rouge155};
use crate::{Error, Result};

pub use results::{CorpusEval, DocEval, RougeF};

/// What to compute: either flavour or both, and the normalization before scoring.
///
/// JSON (serde): unknown fields are refused; a left-out flavour is not computed, a left-out
/// `unescape_ptb` is `true`:
///
/// ```json
/// {"perl": {"max_n": 2, "stem": true}, "google": {"stem": true}, "unescape_ptb": true}
/// ```
///
/// [`build`](Self::build) checks that at least one flavour is configured and validates each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvalConfig {
    /// The ROUGE-1.5.5 flavour, if wanted.
    #[serde(default)]
    pub perl: Option<PerlConfig>,
    /// The rouge-score flavour, if wanted.
    #[serde(default)]
    pub google: Option<GoogleConfig>,
    /// Replace PTB escapes (`-LRB-`, ``` `` ```, ...) by the characters they stand for before
    /// scoring ([`unescape_ptb`]); on by default.
    #[serde(default = "yes")]
    pub unescape_ptb: bool,
}

fn yes() -> bool {
    true
}

impl EvalConfig {
    /// The ROUGE-1.5.5 flavour only, with PTB unescaping.
    pub fn perl(perl: PerlConfig) -> EvalConfig {
        EvalConfig {
            perl: Some(perl),
            google: None,
            unescape_ptb: true,
        }
    }

    /// The rouge-score flavour only, with PTB unescaping.
    pub fn google(google: GoogleConfig) -> EvalConfig {
        EvalConfig {
            perl: None,
            google: Some(google),
            unescape_ptb: true,
        }
    }

    /// Both flavours, with PTB unescaping.
    pub fn both(perl: PerlConfig, google: GoogleConfig) -> EvalConfig {
        EvalConfig {
            perl: Some(perl),
            google: Some(google),
            unescape_ptb: true,
        }
    }

    /// Validates the configuration and builds the evaluator.
    ///
    /// # Errors
    /// [`Error::NoFlavour`] without either flavour; the errors of
    /// [`PerlConfig::validate`] and [`GoogleConfig::validate`].
    pub fn build(self) -> Result<Evaluator> {
        Evaluator::new(self)
    }
}

/// Scores summaries with the flavours of an [`EvalConfig`]. Immutable, `Send + Sync` and
/// reusable: build it once, score documents from any thread.
///
/// Per document ([`score`](Self::score)): the texts are normalized (PTB unescaping when
/// configured), then scored against every reference: ROUGE-1.5.5 combines the references by
/// its `-f` formula, rouge-score takes per metric the reference with the best F (its
/// `score_multi`). Over the corpus ([`corpus`](Self::corpus)): ROUGE-1.5.5's Average and
/// bootstrap interval with pyrouge's EVAL IDs ([`EvalIds::Pyrouge`]), rouge-score's mean.
#[derive(Debug, Clone)]
pub struct Evaluator {
    config: EvalConfig,
    perl: Option<Rouge155>,
    google: Option<RougeScorer>,
}

/// A document's normalized candidate and references.
type Normalized<'a> = (Vec<Cow<'a, str>>, Vec<Vec<Cow<'a, str>>>);

impl Evaluator {
    /// Validates `config` and builds the scorers.
    ///
    /// # Errors
    /// See [`EvalConfig::build`].
    pub fn new(config: EvalConfig) -> Result<Evaluator> {
        if config.perl.is_none() && config.google.is_none() {
            return Err(Error::NoFlavour);
        }
        let perl = config.perl.clone().map(PerlConfig::build).transpose()?;
        let google = config.google.clone().map(GoogleConfig::build).transpose()?;
        Ok(Evaluator {
            config,
            perl,
            google,
        })
    }

    /// The configuration.
    pub fn config(&self) -> &EvalConfig {
        &self.config
    }

    /// The ROUGE-1.5.5 scorer, if configured.
    pub fn perl(&self) -> Option<&Rouge155> {
        self.perl.as_ref()
    }

    /// The rouge-score scorer, if configured.
    pub fn google(&self) -> Option<&RougeScorer> {
        self.google.as_ref()
    }

    /// One text as it is scored: PTB-unescaped when configured.
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.config.unescape_ptb {
            unescape_ptb(text)
        } else {
            Cow::Borrowed(text)
        }
    }

    fn normalize_doc<'a, S: AsRef<str>, R: AsRef<[S]>>(
        &self,
        candidate: &'a [S],
        references: &'a [R],
    ) -> Normalized<'a> {
        let sentences = |s: &'a [S]| s.iter().map(|t| self.normalize(t.as_ref())).collect();
        let refs = references.iter().map(|r| sentences(r.as_ref())).collect();
        (sentences(candidate), refs)
    }

    /// Scores one candidate (its sentences) against its references (the sentences of each).
    ///
    /// # Errors
    /// [`Error::NoReference`] without references; the errors of [`Rouge155::score`] (ROUGE-W
    /// with an empty reference).
    pub fn score<S: AsRef<str>, R: AsRef<[S]>>(
        &self,
        candidate: &[S],
        references: &[R],
    ) -> Result<DocEval> {
        if references.is_empty() {
            return Err(Error::NoReference);
        }
        let (cand, refs) = self.normalize_doc(candidate, references);
        let perl = self
            .perl
            .as_ref()
            .map(|p| p.score(&cand, &refs))
            .transpose()?;
        let google = self
            .google
            .as_ref()
            .map(|g| g.score_multi(&cand, &refs))
            .transpose()?;
        Ok(DocEval::new(perl, google))
    }

    /// Scores many `(candidate, references)` pairs in parallel (rayon, in the current thread
    /// pool); results in input order, each as [`score`](Self::score) gives it, an error wrapped
    /// in [`Error::Document`] with the document's index.
    pub fn score_batch<S, C, R, Rs>(&self, pairs: &[(C, Rs)]) -> Vec<Result<DocEval>>
    where
        S: AsRef<str> + Sync,
        C: AsRef<[S]> + Sync,
        R: AsRef<[S]> + Sync,
        Rs: AsRef<[R]> + Sync,
    {
        let docs: Vec<Normalized<'_>> = pairs
            .par_iter()
            .map(|(c, r)| self.normalize_doc(c.as_ref(), r.as_ref()))
            .collect();
        let mut perl: Vec<Option<Result<DocScores>>> = match &self.perl {
            Some(p) => p.score_batch(&docs).into_iter().map(Some).collect(),
            None => vec![None; docs.len()],
        };
        let mut google: Vec<Option<Result<Scores>>> = match &self.google {
            Some(g) => docs
                .par_iter()
                .map(|(c, r)| Some(g.score_multi(c, r)))
                .collect(),
            None => vec![None; docs.len()],
        };
        (0..docs.len())
            .map(|i| {
                let perl = perl[i].take().transpose();
                let google = google[i].take().transpose();
                match (perl, google) {
                    (Ok(p), Ok(g)) => Ok(DocEval::new(p, g)),
                    // Rouge155::score_batch already names the document.
                    (Err(e), _) => Err(e),
                    (_, Err(e)) => Err(e.in_document(i)),
                }
            })
            .collect()
    }

    /// The corpus scores of documents scored by this evaluator, in document order (which
    /// decides ROUGE-1.5.5's bootstrap through the EVAL IDs). No document gives an empty
    /// result.
    ///
    /// # Errors
    /// [`Error::Input`] when a document lacks the scores of a configured flavour or was scored
    /// with other metrics.
    pub fn corpus(&self, docs: &[DocEval]) -> Result<CorpusEval> {
        if docs.is_empty() {
            return Ok(CorpusEval::default());
        }
        let perl = match &self.perl {
            // A configuration without any metric (`-x` alone) has nothing to average.
            Some(rouge) if rouge.metric_names().is_empty() => None,
            Some(rouge) => {
                let scores = docs
                    .iter()
                    .enumerate()
                    .map(|(i, d)| match d.perl() {
                        Some(p) if p.names() == rouge.metric_names() => Ok(p),
                        _ => Err(missing(i, "ROUGE-1.5.5", rouge.metric_names().join(", "))),
                    })
                    .collect::<Result<Vec<_>>>()?;
                Some(rouge.corpus_of(&scores, EvalIds::Pyrouge)?)
            }
            _ => None,
        };
        let google = match &self.google {
            Some(scorer) => {
                let mut want = scorer.metrics().to_vec();
                want.sort();
                let scores = docs
                    .iter()
                    .enumerate()
                    .map(|(i, d)| match d.google() {
                        Some(g) if g.iter().map(|(m, _)| *m).eq(want.iter().copied()) => Ok(g),
                        _ => {
                            let names: Vec<String> = want.iter().map(|m| m.to_string()).collect();
                            Err(missing(i, "rouge-score", names.join(", ")))
                        }
                    })
                    .collect::<Result<Vec<_>>>()?;
                Some(google::mean_of(&scores))
            }
            None => None,
        };
        Ok(CorpusEval::new(perl, google))
    }
}

fn missing(doc: usize, flavour: &str, metrics: String) -> Error {
    Error::Input(format!(
        "document {doc} has no {flavour} scores of the metrics {metrics}"
    ))
}

#[cfg(test)]
mod tests;
