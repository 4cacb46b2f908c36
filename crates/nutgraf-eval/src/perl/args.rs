//! `PerlConfig::from_rouge_args`: ROUGE-1.5.5's own command-line flags.
//!
//! The script parses them with Getopt::Std (`getopts('ahHb:c:de:f:l:mMn:p:st:r:2:3:w:uUvxz:')`):
//! single-letter switches that may be bundled (`-am`), values attached or in the next argument
//! (`-n2`, `-n 2`, `-2 -1`), `--` ends the options.

use super::config::{PerlConfig, ScoringFormula, SkipBigram, SkipMetrics, Weight};
use super::text::LengthLimit;
use crate::{Error, Result};

/// Switches that take a value.
const WITH_VALUE: &str = "bceflnptr23wz";
/// Switches without a value.
const SWITCHES: &str = "ahHdmMsuUvx";

fn number<T: std::str::FromStr>(flag: char, v: &str) -> Result<T> {
    v.trim()
        .parse()
        .map_err(|_| Error::Config(format!("-{flag}: invalid value {v:?}")))
}

impl PerlConfig {
    /// Reads ROUGE-1.5.5 flags, e.g. `["-c", "95", "-2", "-1", "-U", "-r", "1000", "-n", "2",
    /// "-w", "1.2", "-a", "-m"]`.
    ///
    /// Accepted and changing the scores: `-n -x -w -2 -u -U -m -s -l -b -f -p -c -r`.
    /// Accepted and ignored (they only concern the script's input and output): `-a -d -e DIR
    /// -v -z FORMAT`, `-t 0`. Rejected: `-t 1|2` (token-level averaging), `-3` (Basic Elements)
    /// and `-M` (stem the models only) as [`Error::Unsupported`]; `-h`, `-H`, unknown flags,
    /// positional arguments, `-l` together with `-b`, and invalid values as [`Error::Config`].
    pub fn from_rouge_args(args: &[&str]) -> Result<PerlConfig> {
        let mut cfg = PerlConfig::default();
        let (mut skip, mut u, mut big_u) = (None::<Option<usize>>, false, false);
        let (mut words, mut bytes) = (None, None);
        let mut i = 0;
        while i < args.len() {
            let arg = args[i];
            i += 1;
            if arg == "--" {
                if i < args.len() {
                    return Err(Error::Config(format!("unexpected argument {:?}", args[i])));
                }
                break;
            }
            let Some(body) = arg.strip_prefix('-').filter(|b| !b.is_empty()) else {
                return Err(Error::Config(format!("unexpected argument {arg:?}")));
            };
            for (pos, flag) in body.char_indices() {
                if !WITH_VALUE.contains(flag) && !SWITCHES.contains(flag) {
                    return Err(Error::Config(format!("unknown option -{flag}")));
                }
                if SWITCHES.contains(flag) {
                    match flag {
                        'a' | 'd' | 'v' => {}
                        'x' => cfg.rouge_l = false,
                        'm' => cfg.stem = true,
                        's' => cfg.remove_stopwords = true,
                        'u' => u = true,
                        'U' => big_u = true,
                        'M' => {
                            return Err(Error::Unsupported(
                                "-M (stem the models only) is not supported".into(),
                            ))
                        }
                        _ => return Err(Error::Config(format!("-{flag}: usage requested"))),
                    }
                    continue;
                }
                let rest = &body[pos + flag.len_utf8()..];
                let value = if !rest.is_empty() {
                    rest
                } else if i < args.len() {
                    i += 1;
                    args[i - 1]
                } else {
                    return Err(Error::Config(format!("-{flag} needs a value")));
                };
                match flag {
                    'n' => cfg.max_n = Some(number(flag, value)?),
                    'w' => cfg.rouge_w = Some(Weight::parse(value)?),
                    '2' => {
                        let d: i64 = number(flag, value)?;
                        skip = Some(usize::try_from(d).ok());
                    }
                    'l' => words = Some(number::<usize>(flag, value)?),
                    'b' => bytes = Some(number::<usize>(flag, value)?),
                    'f' => {
                        cfg.formula = match value {
                            "A" => ScoringFormula::Average,
                            "B" => ScoringFormula::Best,
                            _ => {
                                return Err(Error::Config(format!(
                                    "-f: expected A or B, got {value:?}"
                                )))
                            }
                        }
                    }
                    'p' => cfg.alpha = number(flag, value)?,
                    'c' => cfg.confidence = number(flag, value)?,
                    'r' => cfg.resamples = number(flag, value)?,
                    't' => {
                        let t: i64 = number(flag, value)?;
                        if t == 1 || t == 2 {
                            return Err(Error::Unsupported(format!(
                                "-t {t} (token-level averaging) is not supported"
                            )));
                        }
                    }
                    '3' => {
                        return Err(Error::Unsupported(
                            "-3 (Basic Elements) is not supported".into(),
                        ))
                    }
                    // -e DIR (data directory) and -z FORMAT (file list) only concern file input.
                    _ => {}
                }
                break;
            }
        }
        cfg.length_limit = match (words, bytes) {
            (Some(_), Some(_)) => {
                return Err(Error::Config(
                    "specify the length limit in words (-l) or bytes (-b), not both".into(),
                ))
            }
            (Some(n), None) if n > 0 => LengthLimit::Words(n),
            (None, Some(n)) if n > 0 => LengthLimit::Bytes(n),
            _ => LengthLimit::None,
        };
        if let Some(max_gap) = skip {
            // -u wins over -U, as in the script.
            let metrics = if u {
                SkipMetrics::SkipUnigram
            } else if big_u {
                SkipMetrics::Both
            } else {
                SkipMetrics::Skip
            };
            cfg.skip_bigram = Some(SkipBigram { max_gap, metrics });
        }
        cfg.validate()?;
        Ok(cfg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<PerlConfig> {
        PerlConfig::from_rouge_args(&s.split_whitespace().collect::<Vec<_>>())
    }

    #[test]
    fn paper_flags() {
        let cfg = parse("-c 95 -2 -1 -U -r 1000 -n 2 -w 1.2 -a -m").unwrap();
        assert_eq!(cfg, PerlConfig::paper());
        let bundled = parse("-am -n2 -c95 -2 -1 -U -w 1.2 -e /data -d").unwrap();
        assert_eq!(bundled, PerlConfig::paper());
    }

    #[test]
    fn limits_and_formula() {
        let cfg = parse("-n 2 -l 75 -f B -p 0.3 -s -x -2 4 -u").unwrap();
        assert_eq!(cfg.length_limit, LengthLimit::Words(75));
        assert_eq!(cfg.formula, ScoringFormula::Best);
        assert_eq!(cfg.alpha, 0.3);
        assert!(cfg.remove_stopwords && !cfg.rouge_l);
        assert_eq!(
            cfg.skip_bigram,
            Some(SkipBigram {
                max_gap: Some(4),
                metrics: SkipMetrics::SkipUnigram
            })
        );
        assert_eq!(parse("-b 0").unwrap().length_limit, LengthLimit::None);
    }

    #[test]
    fn errors() {
        for bad in [
            "-l 5 -b 5",
            "-n",
            "-q",
            "-c 120",
            "-p 2",
            "-f C",
            "rouge.xml",
            "-h",
            "-n x",
        ] {
            assert!(matches!(parse(bad), Err(Error::Config(_))), "{bad}");
        }
        for bad in ["-t 1", "-3 HM", "-M"] {
            assert!(matches!(parse(bad), Err(Error::Unsupported(_))), "{bad}");
        }
        assert!(parse("-t 0 -v -z SEE").is_ok());
    }
}
