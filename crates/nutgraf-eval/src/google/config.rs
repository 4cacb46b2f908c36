//! [`GoogleConfig`]: the options of the google flavour as serde data.

use serde::{Deserialize, Serialize};

use super::tokenize::Tokenizer;
use super::{Metric, RougeScorer};
use crate::{Error, Result};

/// Options of the google flavour (rouge-score's `RougeScorer(rouge_types, use_stemmer)` plus
/// nutgraf's tokenizer choice). `Default` is rouge-score's defaults with the metrics
/// `rouge1`, `rouge2`, `rougeL`, `rougeLsum` (rouge-score itself has no default list).
///
/// JSON (serde): every field may be left out, unknown fields are refused; metrics by their
/// rouge-score names:
///
/// ```json
/// {"metrics": ["rouge1", "rouge2", "rougeLsum"], "stem": true, "tokenizer": "rouge_score"}
/// ```
///
/// [`build`](Self::build) validates, for values built in Rust and deserialized alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GoogleConfig {
    /// The metrics to compute, in output order (at least one, none twice).
    pub metrics: Vec<Metric>,
    /// Porter-stem tokens longer than 3 characters (rouge-score's `use_stemmer`).
    pub stem: bool,
    /// The tokenizer; anything but [`Tokenizer::RougeScore`] gives a different metric.
    pub tokenizer: Tokenizer,
}

impl Default for GoogleConfig {
    fn default() -> Self {
        GoogleConfig {
            metrics: Metric::DEFAULT.to_vec(),
            stem: false,
            tokenizer: Tokenizer::RougeScore,
        }
    }
}

impl GoogleConfig {
    /// Checks the options.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] (option `metrics`) for an empty metric list or a metric named
    /// twice.
    pub fn validate(&self) -> Result<()> {
        if self.metrics.is_empty() {
            return Err(Error::invalid("metrics", "[]", "at least one metric"));
        }
        for (i, m) in self.metrics.iter().enumerate() {
            if self.metrics[..i].contains(m) {
                return Err(Error::invalid("metrics", m, "each metric at most once"));
            }
        }
        Ok(())
    }

    /// Validates the options and builds the scorer.
    ///
    /// # Errors
    /// See [`validate`](Self::validate).
    pub fn build(self) -> Result<RougeScorer> {
        RougeScorer::new(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trips_and_defaults_fill_gaps() {
        let custom = GoogleConfig {
            metrics: vec![Metric::RougeLsum, Metric::RougeN(3)],
            stem: true,
            tokenizer: Tokenizer::Unicode,
        };
        for cfg in [GoogleConfig::default(), custom] {
            let json = serde_json::to_string(&cfg).unwrap();
            assert_eq!(serde_json::from_str::<GoogleConfig>(&json).unwrap(), cfg);
        }
        let json = serde_json::to_value(GoogleConfig::default()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "metrics": ["rouge1", "rouge2", "rougeL", "rougeLsum"],
                "stem": false,
                "tokenizer": "rouge_score"
            })
        );
        let partial: GoogleConfig = serde_json::from_str(r#"{"stem": true}"#).unwrap();
        assert_eq!(
            partial,
            GoogleConfig {
                stem: true,
                ..GoogleConfig::default()
            }
        );
    }

    #[test]
    fn json_refuses_unknown_fields_and_names() {
        let err = serde_json::from_str::<GoogleConfig>(r#"{"stemmer": true}"#).unwrap_err();
        assert!(err.to_string().contains("unknown field `stemmer`"), "{err}");
        let err = serde_json::from_str::<GoogleConfig>(r#"{"tokenizer": "ascii"}"#).unwrap_err();
        assert!(err.to_string().contains("unknown variant `ascii`"), "{err}");
        let err = serde_json::from_str::<GoogleConfig>(r#"{"metrics": ["rougeX"]}"#).unwrap_err();
        assert!(err.to_string().contains("rougeX"), "{err}");
    }

    #[test]
    fn deserialized_configs_are_validated_when_built() {
        for (json, value) in [
            (r#"{"metrics": []}"#, "[]"),
            (r#"{"metrics": ["rougeL", "rougeL"]}"#, "rougeL"),
        ] {
            let cfg: GoogleConfig = serde_json::from_str(json).unwrap();
            match cfg.build() {
                Err(Error::InvalidOption {
                    option, value: v, ..
                }) => {
                    assert_eq!((option.as_str(), v.as_str()), ("metrics", value));
                }
                other => panic!("{json}: {other:?}"),
            }
        }
    }
}
