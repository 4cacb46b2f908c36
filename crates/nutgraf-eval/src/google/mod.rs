//! The google flavour: Google's `rouge-score` 0.1.2 (the ROUGE of most Python code), reproduced
//! to the last bit of every precision, recall and F.
//!
//! What rouge-score computes, and so what this module computes:
//!
//! * tokens: Python `str.lower()`, `[^a-z0-9]+` -> space, split; with stemming, NLTK's Porter
//!   stemmer ([`porter`]) on tokens longer than 3 characters. No stopwords, no length limits.
//! * `rouge1`..`rouge9`: clipped n-gram overlap over the whole summary (n-grams cross sentence
//!   boundaries); P = hits / max(candidate n-grams, 1), R = hits / max(reference n-grams, 1).
//! * `rougeL`: one LCS over the whole token streams.
//! * `rougeLsum`: summary-level union LCS over the sentences (text split on `"\n"`, empty lines
//!   dropped), each token counted at most as often as it occurs in both summaries.
//! * F = 2PR / (P + R), 0 when P + R = 0; the mean over documents is the plain mean.
//!
//! It differs from ROUGE-1.5.5 (the [`perl`](crate::perl) flavour) in stemmer (no WordNet
//! exception list, NLTK's Porter variant), lower-casing (Unicode, see [`Tokenizer`]), and
//! rounding (none). ROUGE-1.5.5's ROUGE-L is rouge-score's `rougeLsum`, not `rougeL`.
//!
//! [`Tokenizer::Unicode`] is an extension that keeps non-Latin scripts; it is a different metric.
//!
//! ```
//! use nutgraf_eval::google::{Metric, RougeScorer};
//!
//! let scorer = RougeScorer::builder().metrics(["rouge1", "rougeLsum"]).stem(true).build()?;
//! let scores = scorer.score(&["The cats sat on the mat."], &["A cat sat on a mat."]);
//! assert_eq!(scores[0].0, Metric::RougeN(1));
//! // Tokens: the cat sat on the mat / a cat sat on a mat -> 4 of 6 unigrams match.
//! assert_eq!(scores[0].1.recall, 4.0 / 6.0);
//! # Ok::<(), nutgraf_eval::Error>(())
//! ```

mod algo;
mod config;
mod json;
mod metric;
pub mod porter;
mod scorer;
mod tokenize;
mod vocab;

pub use config::GoogleConfig;
pub use json::ScoresJson;
pub use metric::{Metric, VALID_METRICS};
pub(crate) use scorer::mean_of;
pub use scorer::{mean, RougeScorer, RougeScorerBuilder, Scores};
pub use tokenize::{tokens, Tokenizer};
