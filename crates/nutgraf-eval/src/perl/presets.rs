//! The ROUGE-1.5.5 configurations that published numbers use, built directly (not by parsing
//! flag strings); a test checks each against its flags.

use super::config::{PerlConfig, SkipBigram, SkipMetrics, Weight};

impl PerlConfig {
    /// The flags of the SummaRuNNer / pyrouge-era papers: `-c 95 -2 -1 -U -r 1000 -n 2 -w 1.2
    /// -a -m` (ROUGE-1, ROUGE-2, ROUGE-L, ROUGE-W-1.2, ROUGE-S*, ROUGE-SU*, stemming).
    pub fn paper() -> Self {
        Self {
            stem: true,
            ..Self::pyrouge_metrics(2)
        }
    }

    /// pyrouge's default flags: `-c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a` (ROUGE-1 .. ROUGE-4,
    /// ROUGE-L, ROUGE-W-1.2, ROUGE-S*, ROUGE-SU*; no stemming unless `-m` is added).
    pub fn pyrouge() -> Self {
        Self::pyrouge_metrics(4)
    }

    /// `-c 95 -r 1000 -n 2 -m`: ROUGE-1, ROUGE-2 and ROUGE-L, stemmed; what `nutgraf eval` and
    /// SummaRuNNer's validation report.
    pub fn rouge_1_2_l() -> Self {
        Self {
            max_n: Some(2),
            stem: true,
            ..Self::default()
        }
    }

    /// pyrouge's metric set with ROUGE-1 .. ROUGE-`max_n`.
    fn pyrouge_metrics(max_n: usize) -> Self {
        Self {
            max_n: Some(max_n),
            rouge_w: Some(Weight::new(1.2)),
            skip_bigram: Some(SkipBigram {
                max_gap: None,
                metrics: SkipMetrics::Both,
            }),
            ..Self::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(s: &str) -> PerlConfig {
        let args: Vec<&str> = s.split_whitespace().collect();
        PerlConfig::from_rouge_args(&args).expect("valid flags")
    }

    #[test]
    fn presets_equal_their_flags() {
        assert_eq!(
            PerlConfig::paper(),
            flags("-c 95 -2 -1 -U -r 1000 -n 2 -w 1.2 -a -m")
        );
        assert_eq!(
            PerlConfig::pyrouge(),
            flags("-c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a")
        );
        assert_eq!(PerlConfig::rouge_1_2_l(), flags("-c 95 -r 1000 -n 2 -m"));
        // The presets differ from one another (a preset equal to the default would pass the
        // checks above only if its flags were wrong too).
        assert_ne!(PerlConfig::paper(), PerlConfig::pyrouge());
        assert_ne!(PerlConfig::rouge_1_2_l(), PerlConfig::default());
    }

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
        let names = PerlConfig::rouge_1_2_l().metric_names();
        let names: Vec<&str> = names.iter().map(|s| &**s).collect();
        assert_eq!(names, ["ROUGE-1", "ROUGE-2", "ROUGE-L"]);
    }
}
