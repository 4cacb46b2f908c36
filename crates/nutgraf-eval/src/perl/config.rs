//! The options of ROUGE-1.5.5 that change the numbers, validated when the scorer is built.
//!
//! Every type here is serde data (JSON: see [`PerlConfig`]); a deserialized configuration is
//! checked by the same [`PerlConfig::validate`] as one built in Rust, when the scorer is built.

use serde::{Deserialize, Serialize};

use super::text::LengthLimit;
use super::Rouge155;
use crate::{Error, Result};

/// `-f`: how several references are combined. JSON: `"average"` or `"best"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoringFormula {
    /// `-f A` (default): hits and counts are pooled over the references (quirk 14).
    #[default]
    Average,
    /// `-f B`: the counts of the reference with the best recall (first one on ties).
    Best,
}

/// Which skip-bigram metrics are reported (`-u` / `-U`). JSON: `"skip"`, `"skip_unigram"` or
/// `"both"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipMetrics {
    /// Plain skip-bigrams only: `ROUGE-S*` / `ROUGE-S4` (neither `-u` nor `-U`).
    #[default]
    Skip,
    /// Skip-bigrams plus unigrams only: `ROUGE-SU*` (`-u`).
    SkipUnigram,
    /// Both (`-U`).
    Both,
}

/// `-2 N`: skip-bigram co-occurrence. JSON: `{"max_gap": 4, "metrics": "both"}`; both fields
/// may be left out (`max_gap` null is unlimited, `-2 -1`; `metrics` defaults to `"skip"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SkipBigram {
    /// Maximum number of tokens between the two words; `None` is unlimited (`-2 -1`).
    pub max_gap: Option<usize>,
    /// Which of ROUGE-S / ROUGE-SU to report.
    pub metrics: SkipMetrics,
}

/// `-w W`: ROUGE-W's weighting factor.
///
/// JSON: the text of the weight, `"1.2"`, so that the metric's name survives a round trip
/// (`"1.20"` names `ROUGE-W-1.20`, as `-w 1.20` does). A JSON number is accepted too and
/// named as [`Weight::new`] names it (`1.20` -> `ROUGE-W-1.2`); it is written back as a string.
#[derive(Debug, Clone, PartialEq)]
pub struct Weight {
    value: f64,
    label: String,
}

impl Weight {
    /// A weight; the metric is named `ROUGE-W-{value}` (`1.2` -> `ROUGE-W-1.2`).
    pub fn new(value: f64) -> Self {
        Self {
            value,
            label: value.to_string(),
        }
    }

    /// Parses the `-w` argument; the metric name keeps the text as given, as Perl does
    /// (`-w 1.20` -> `ROUGE-W-1.20`).
    ///
    /// # Errors
    /// [`Error::InvalidOption`] (option `rouge_w`) when `text` is not a number; whether the
    /// number is a valid weight is checked by [`PerlConfig::validate`].
    pub fn parse(text: &str) -> Result<Self> {
        let value = text
            .trim()
            .parse::<f64>()
            .map_err(|_| Error::invalid("rouge_w", text, "a number"))?;
        Ok(Self {
            value,
            label: text.to_string(),
        })
    }

    /// The weight.
    pub fn value(&self) -> f64 {
        self.value
    }

    /// The text the metric is named by (`ROUGE-W-{label}`).
    pub fn label(&self) -> &str {
        &self.label
    }
}

impl Serialize for Weight {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.label)
    }
}

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Weight;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a ROUGE-W weight as a string (\"1.2\") or a number")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Weight, E> {
                Weight::parse(v).map_err(E::custom)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Weight, E> {
                Ok(Weight::new(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Weight, E> {
                Ok(Weight::new(v as f64))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Weight, E> {
                Ok(Weight::new(v as f64))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// Options of the ROUGE-1.5.5 flavour. `Default` is what the script does with no options:
/// ROUGE-L only, no stemming, no stopword removal, `-c 95 -r 1000 -p 0.5 -f A`.
///
/// Build a scorer with [`PerlConfig::build`] (or [`Rouge155::new`]), which rejects invalid
/// values; [`PerlConfig::from_rouge_args`] reads the script's own flags and
/// [`PerlConfig::to_rouge_args`] writes them; [`paper`](Self::paper),
/// [`pyrouge`](Self::pyrouge) and [`rouge_1_2_l`](Self::rouge_1_2_l) are the usual presets.
///
/// JSON (serde): an object with the field names below; every field may be left out and then
/// has its `Default` value, unknown fields are refused. The `-n 2 -m -l 75` configuration:
///
/// ```json
/// {"max_n": 2, "stem": true, "length_limit": {"kind": "words", "count": 75}}
/// ```
///
/// and the paper's ROUGE-W / skip-bigram options as
/// `{"rouge_w": "1.2", "skip_bigram": {"max_gap": null, "metrics": "both"}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PerlConfig {
    /// `-n N`: ROUGE-1 .. ROUGE-N (`None`: no ROUGE-N, as without `-n`).
    pub max_n: Option<usize>,
    /// ROUGE-L (default on; `-x` turns it off).
    pub rouge_l: bool,
    /// `-w W`: ROUGE-W with this weight.
    pub rouge_w: Option<Weight>,
    /// `-2 N` with `-u`/`-U`: skip-bigrams.
    pub skip_bigram: Option<SkipBigram>,
    /// `-m`: stem (WordNet exceptions, then ROUGE's Porter variant).
    pub stem: bool,
    /// `-s`: remove the SMART stopwords.
    pub remove_stopwords: bool,
    /// `-l N` / `-b N`.
    pub length_limit: LengthLimit,
    /// `-f A|B`.
    pub formula: ScoringFormula,
    /// `-p`: weight of recall vs precision in F, `F = PR / ((1-α)P + αR)`; 0.5 by default.
    pub alpha: f64,
    /// `-c`: confidence level of the interval, in percent (95 by default).
    pub confidence: f64,
    /// `-r`: bootstrap resamples (1000 by default).
    pub resamples: usize,
    /// Not in ROUGE-1.5.5: with `true`, ROUGE-W of a document with an empty reference is
    /// computed (0) instead of failing like the script (quirk 11).
    pub allow_empty_reference_w: bool,
    /// Not in ROUGE-1.5.5: with `true`, ROUGE-L/W use the correctly byte-limited sentences
    /// under `-b` instead of reproducing the script's never-incremented counter (quirk 6).
    pub fix_lcs_byte_limit: bool,
}

impl Default for PerlConfig {
    fn default() -> Self {
        Self {
            max_n: None,
            rouge_l: true,
            rouge_w: None,
            skip_bigram: None,
            stem: false,
            remove_stopwords: false,
            length_limit: LengthLimit::None,
            formula: ScoringFormula::Average,
            alpha: 0.5,
            confidence: 95.0,
            resamples: 1000,
            allow_empty_reference_w: false,
            fix_lcs_byte_limit: false,
        }
    }
}

impl PerlConfig {
    /// Validates the options and builds the scorer.
    ///
    /// # Errors
    /// See [`validate`](Self::validate).
    pub fn build(self) -> Result<Rouge155> {
        Rouge155::new(self)
    }

    /// Checks the options as ROUGE-1.5.5 does (and a little more: `-n 0` or `-r 0` are errors
    /// here, where the script prints nothing or dies later). [`build`](Self::build) calls it.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] naming the field: `max_n` 0, a `rouge_w` weight that is not a
    /// finite number > 0, `alpha` outside `[0, 1]`, `confidence` outside `[0, 100]`,
    /// `resamples` 0.
    pub fn validate(&self) -> Result<()> {
        if self.max_n == Some(0) {
            return Err(Error::invalid("max_n", 0, "at least 1"));
        }
        if let Some(w) = &self.rouge_w {
            if !(w.value.is_finite() && w.value > 0.0) {
                return Err(Error::invalid("rouge_w", &w.label, "a number > 0"));
            }
        }
        if !(0.0..=1.0).contains(&self.alpha) {
            return Err(Error::invalid(
                "alpha",
                self.alpha,
                "a number within [0, 1]",
            ));
        }
        if !(0.0..=100.0).contains(&self.confidence) {
            return Err(Error::invalid(
                "confidence",
                self.confidence,
                "a percentage within [0, 100]",
            ));
        }
        if self.resamples == 0 {
            return Err(Error::invalid("resamples", 0, "at least 1"));
        }
        Ok(())
    }

    /// The metric names in the order ROUGE-1.5.5 prints them.
    pub(crate) fn metric_names(&self) -> Vec<Box<str>> {
        let mut names: Vec<Box<str>> = Vec::new();
        for n in 1..=self.max_n.unwrap_or(0) {
            names.push(format!("ROUGE-{n}").into());
        }
        if self.rouge_l {
            names.push("ROUGE-L".into());
        }
        if let Some(w) = &self.rouge_w {
            names.push(format!("ROUGE-W-{}", w.label).into());
        }
        if let Some(sb) = &self.skip_bigram {
            let tag = sb
                .max_gap
                .map_or_else(|| "*".to_string(), |g| g.to_string());
            if matches!(sb.metrics, SkipMetrics::Skip | SkipMetrics::Both) {
                names.push(format!("ROUGE-S{tag}").into());
            }
            if matches!(sb.metrics, SkipMetrics::SkipUnigram | SkipMetrics::Both) {
                names.push(format!("ROUGE-SU{tag}").into());
            }
        }
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_options_are_rejected() {
        let bad = [
            PerlConfig {
                max_n: Some(0),
                ..PerlConfig::default()
            },
            PerlConfig {
                alpha: 1.5,
                ..PerlConfig::default()
            },
            PerlConfig {
                confidence: 101.0,
                ..PerlConfig::default()
            },
            PerlConfig {
                resamples: 0,
                ..PerlConfig::default()
            },
            PerlConfig {
                rouge_w: Some(Weight::new(0.0)),
                ..PerlConfig::default()
            },
        ];
        let fields = ["max_n", "alpha", "confidence", "resamples", "rouge_w"];
        for (cfg, field) in bad.iter().zip(fields) {
            match cfg.validate() {
                Err(Error::InvalidOption { option, .. }) => assert_eq!(option, field),
                other => panic!("{cfg:?}: {other:?}"),
            }
        }
        assert!(PerlConfig::paper().validate().is_ok());
    }
}
