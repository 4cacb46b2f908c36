//! The options of ROUGE-1.5.5 that change the numbers, validated when the scorer is built.

use super::text::LengthLimit;
use super::Rouge155;
use crate::{Error, Result};

/// `-f`: how several references are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScoringFormula {
    /// `-f A` (default): hits and counts are pooled over the references (quirk 14).
    #[default]
    Average,
    /// `-f B`: the counts of the reference with the best recall (first one on ties).
    Best,
}

/// Which skip-bigram metrics are reported (`-u` / `-U`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SkipMetrics {
    /// Plain skip-bigrams only: `ROUGE-S*` / `ROUGE-S4` (neither `-u` nor `-U`).
    #[default]
    Skip,
    /// Skip-bigrams plus unigrams only: `ROUGE-SU*` (`-u`).
    SkipUnigram,
    /// Both (`-U`).
    Both,
}

/// `-2 N`: skip-bigram co-occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SkipBigram {
    /// Maximum number of tokens between the two words; `None` is unlimited (`-2 -1`).
    pub max_gap: Option<usize>,
    /// Which of ROUGE-S / ROUGE-SU to report.
    pub metrics: SkipMetrics,
}

/// `-w W`: ROUGE-W's weighting factor.
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
    pub fn parse(text: &str) -> Result<Self> {
        let value = text
            .trim()
            .parse::<f64>()
            .map_err(|_| Error::Config(format!("-w: not a number: {text:?}")))?;
        Ok(Self {
            value,
            label: text.to_string(),
        })
    }

    /// The weight.
    pub fn value(&self) -> f64 {
        self.value
    }
}

/// Options of the ROUGE-1.5.5 flavour. `Default` is what the script does with no options:
/// ROUGE-L only, no stemming, no stopword removal, `-c 95 -r 1000 -p 0.5 -f A`.
///
/// Build a scorer with [`PerlConfig::build`] (or [`Rouge155::new`]), which rejects invalid
/// values; [`PerlConfig::from_rouge_args`] reads the script's own flags.
#[derive(Debug, Clone, PartialEq)]
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
    /// The flags most papers report: `-c 95 -2 -1 -U -r 1000 -n 2 -w 1.2 -a -m`
    /// (ROUGE-1, ROUGE-2, ROUGE-L, ROUGE-W-1.2, ROUGE-S*, ROUGE-SU*, stemming).
    pub fn paper() -> Self {
        Self {
            max_n: Some(2),
            rouge_w: Some(Weight::new(1.2)),
            skip_bigram: Some(SkipBigram {
                max_gap: None,
                metrics: SkipMetrics::Both,
            }),
            stem: true,
            ..Self::default()
        }
    }

    /// Validates the options and builds the scorer.
    pub fn build(self) -> Result<Rouge155> {
        Rouge155::new(self)
    }

    /// Checks the options as ROUGE-1.5.5 does (and a little more: `-n 0` or `-r 0` are errors
    /// here, where the script prints nothing or dies later).
    pub(crate) fn validate(&self) -> Result<()> {
        if self.max_n == Some(0) {
            return Err(Error::Config("-n must be at least 1".into()));
        }
        if let Some(w) = &self.rouge_w {
            if !(w.value.is_finite() && w.value > 0.0) {
                return Err(Error::Config(format!(
                    "-w: ROUGE-W weight must be > 0, got {}",
                    w.label
                )));
            }
        }
        if !(0.0..=1.0).contains(&self.alpha) {
            return Err(Error::Config(format!(
                "-p: alpha must be within [0, 1], got {}",
                self.alpha
            )));
        }
        if !(0.0..=100.0).contains(&self.confidence) {
            return Err(Error::Config(format!(
                "-c: confidence must be within [0, 100], got {}",
                self.confidence
            )));
        }
        if self.resamples == 0 {
            return Err(Error::Config(
                "-r: at least one bootstrap resample is needed".into(),
            ));
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
    fn paper_metric_names() {
        let names = PerlConfig::paper().metric_names();
        let names: Vec<&str> = names.iter().map(|s| &**s).collect();
        assert_eq!(
            names,
            [
                "ROUGE-1",
                "ROUGE-2",
                "ROUGE-L",
                "ROUGE-W-1.2",
                "ROUGE-S*",
                "ROUGE-SU*"
            ]
        );
    }

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
        for cfg in bad {
            assert!(matches!(cfg.validate(), Err(Error::Config(_))), "{cfg:?}");
        }
        assert!(PerlConfig::paper().validate().is_ok());
    }
}
