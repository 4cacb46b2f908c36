//! `PerlConfig::to_rouge_args`: the ROUGE-1.5.5 flags of a configuration.

use super::config::{PerlConfig, ScoringFormula, SkipMetrics};
use super::text::LengthLimit;

impl PerlConfig {
    /// The ROUGE-1.5.5 flags of this configuration, which
    /// [`from_rouge_args`](Self::from_rouge_args) reads back to an equal configuration: `-c` and `-r` always, then
    /// the options that differ from the script's defaults, in the order papers write them
    /// (`PerlConfig::paper()` gives `-c 95 -2 -1 -U -r 1000 -n 2 -w 1.2 -m`).
    ///
    /// Not representable, so not written:
    /// [`allow_empty_reference_w`](Self::allow_empty_reference_w) and [`fix_lcs_byte_limit`](Self::fix_lcs_byte_limit)
    /// (nutgraf's own options, read back as `false`), and a zero length limit (`-l 0` means no
    /// limit, so it is read back as [`LengthLimit::None`]). The flags that only concern the
    /// script's input and output (`-a`, `-d`, `-e`) are not written either: add `-a` to run the
    /// script on a pyrouge settings file.
    pub fn to_rouge_args(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut flag = |f: &str, value: Option<String>| {
            out.push(f.to_string());
            out.extend(value);
        };
        flag("-c", Some(self.confidence.to_string()));
        if let Some(sb) = &self.skip_bigram {
            let gap = sb
                .max_gap
                .map_or_else(|| "-1".to_string(), |g| g.to_string());
            flag("-2", Some(gap));
            match sb.metrics {
                SkipMetrics::Skip => {}
                SkipMetrics::SkipUnigram => flag("-u", None),
                SkipMetrics::Both => flag("-U", None),
            }
        }
        flag("-r", Some(self.resamples.to_string()));
        if let Some(n) = self.max_n {
            flag("-n", Some(n.to_string()));
        }
        if let Some(w) = &self.rouge_w {
            flag("-w", Some(w.label().to_string()));
        }
        if self.stem {
            flag("-m", None);
        }
        if self.remove_stopwords {
            flag("-s", None);
        }
        if !self.rouge_l {
            flag("-x", None);
        }
        if self.formula == ScoringFormula::Best {
            flag("-f", Some("B".to_string()));
        }
        if self.alpha != 0.5 {
            flag("-p", Some(self.alpha.to_string()));
        }
        match self.length_limit {
            LengthLimit::Words(n) if n > 0 => flag("-l", Some(n.to_string())),
            LengthLimit::Bytes(n) if n > 0 => flag("-b", Some(n.to_string())),
            _ => {}
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perl::{SkipBigram, Weight};

    #[test]
    fn to_rouge_args_of_the_presets() {
        assert_eq!(
            PerlConfig::paper().to_rouge_args().join(" "),
            "-c 95 -2 -1 -U -r 1000 -n 2 -w 1.2 -m"
        );
        assert_eq!(
            PerlConfig::pyrouge().to_rouge_args().join(" "),
            "-c 95 -2 -1 -U -r 1000 -n 4 -w 1.2"
        );
        assert_eq!(
            PerlConfig::rouge_1_2_l().to_rouge_args().join(" "),
            "-c 95 -r 1000 -n 2 -m"
        );
    }

    #[test]
    fn to_rouge_args_round_trips() {
        let weight = |t: &str| Some(Weight::parse(t).unwrap());
        let configs = [
            PerlConfig::default(),
            PerlConfig::paper(),
            PerlConfig::pyrouge(),
            PerlConfig::rouge_1_2_l(),
            PerlConfig {
                length_limit: LengthLimit::Bytes(75),
                ..PerlConfig::rouge_1_2_l()
            },
            PerlConfig {
                max_n: Some(3),
                rouge_l: false,
                rouge_w: weight("1.20"),
                skip_bigram: Some(SkipBigram {
                    max_gap: Some(4),
                    metrics: SkipMetrics::SkipUnigram,
                }),
                remove_stopwords: true,
                length_limit: LengthLimit::Words(75),
                formula: ScoringFormula::Best,
                alpha: 0.3,
                confidence: 99.5,
                resamples: 10,
                ..PerlConfig::default()
            },
            PerlConfig {
                skip_bigram: Some(SkipBigram {
                    max_gap: Some(0),
                    metrics: SkipMetrics::Skip,
                }),
                alpha: 0.0,
                ..PerlConfig::default()
            },
        ];
        for cfg in configs {
            let args = cfg.to_rouge_args();
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            assert_eq!(PerlConfig::from_rouge_args(&args).unwrap(), cfg, "{args:?}");
        }
        // The ROUGE-W name keeps the text as given.
        let cfg = PerlConfig {
            rouge_w: weight("1.20"),
            ..PerlConfig::default()
        };
        assert!(cfg.to_rouge_args().join(" ").contains("-w 1.20"));
    }

    #[test]
    fn options_without_a_flag_are_not_written() {
        let cfg = PerlConfig {
            allow_empty_reference_w: true,
            fix_lcs_byte_limit: true,
            ..PerlConfig::paper()
        };
        assert_eq!(cfg.to_rouge_args(), PerlConfig::paper().to_rouge_args());
        let zero = PerlConfig {
            length_limit: LengthLimit::Words(0),
            ..PerlConfig::default()
        };
        assert_eq!(zero.to_rouge_args(), PerlConfig::default().to_rouge_args());
    }
}
