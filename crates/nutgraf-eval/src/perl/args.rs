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

/// The flag of each [`PerlConfig`] field that has one, to name flags (not fields) in the errors
/// of [`PerlConfig::from_rouge_args`].
const FLAG_OF_FIELD: [(&str, &str); 5] = [
    ("max_n", "-n"),
    ("rouge_w", "-w"),
    ("alpha", "-p"),
    ("confidence", "-c"),
    ("resamples", "-r"),
];

fn number<T: std::str::FromStr>(flag: char, v: &str, expected: &str) -> Result<T> {
    v.trim()
        .parse()
        .map_err(|_| Error::invalid(format!("-{flag}"), v, expected))
}

/// `err` with configuration field names replaced by the flags the user wrote.
fn with_flag_names(err: Error) -> Error {
    match err {
        Error::InvalidOption {
            option,
            value,
            expected,
        } => {
            let option = FLAG_OF_FIELD
                .iter()
                .find(|(field, _)| *field == option)
                .map_or(option, |(_, flag)| flag.to_string());
            Error::InvalidOption {
                option,
                value,
                expected,
            }
        }
        other => other,
    }
}

impl PerlConfig {
    /// Reads ROUGE-1.5.5 flags, e.g. `["-c", "95", "-2", "-1", "-U", "-r", "1000", "-n", "2",
    /// "-w", "1.2", "-a", "-m"]`.
    ///
    /// Accepted and changing the scores: `-n -x -w -2 -u -U -m -s -l -b -f -p -c -r`.
    /// Accepted and ignored (they only concern the script's input and output, or are its
    /// defaults): `-a -d -v`, `-e DIR`, `-t 0`, `-z SEE`.
    ///
    /// # Errors
    /// Errors name the flags as given:
    /// * [`Error::UnsupportedFlag`] for the script's flags that nutgraf does not implement:
    ///   `-t 1` / `-t 2` (token-level averaging), `-3` (Basic Elements), `-M` (stem the
    ///   models only), `-z SPL|ISI|SIMPLE` (other input formats: text would not stop at `<` as
    ///   in SEE files), `-h` / `-H` (usage text);
    /// * [`Error::UnknownFlag`] for a flag ROUGE-1.5.5 does not have;
    /// * [`Error::MissingValue`], [`Error::UnexpectedArgument`] (positional arguments),
    ///   [`Error::ConflictingOptions`] (`-l` with `-b`), [`Error::InvalidOption`] for invalid
    ///   values (also those [`validate`](Self::validate) rejects, named by their flag).
    pub fn from_rouge_args(args: &[&str]) -> Result<PerlConfig> {
        parse(args).map_err(with_flag_names)
    }
}

/// [`PerlConfig::from_rouge_args`] with errors naming configuration fields.
fn parse(args: &[&str]) -> Result<PerlConfig> {
    let mut cfg = PerlConfig::default();
    let (mut skip, mut u, mut big_u) = (None::<Option<usize>>, false, false);
    let (mut words, mut bytes) = (None, None);
    let mut i = 0;
    while i < args.len() {
        let arg = args[i];
        i += 1;
        if arg == "--" {
            if i < args.len() {
                return Err(Error::UnexpectedArgument {
                    argument: args[i].to_string(),
                });
            }
            break;
        }
        let Some(body) = arg.strip_prefix('-').filter(|b| !b.is_empty()) else {
            return Err(Error::UnexpectedArgument {
                argument: arg.to_string(),
            });
        };
        for (pos, flag) in body.char_indices() {
            if !WITH_VALUE.contains(flag) && !SWITCHES.contains(flag) {
                return Err(Error::UnknownFlag {
                    flag: format!("-{flag}"),
                });
            }
            let unsupported = |what: &str| Error::UnsupportedFlag {
                flag: format!("-{flag}"),
                feature: what.to_string(),
            };
            if SWITCHES.contains(flag) {
                match flag {
                    'a' | 'd' | 'v' => {}
                    'x' => cfg.rouge_l = false,
                    'm' => cfg.stem = true,
                    's' => cfg.remove_stopwords = true,
                    'u' => u = true,
                    'U' => big_u = true,
                    'M' => return Err(unsupported("stem the models only")),
                    _ => return Err(unsupported("print the usage text")),
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
                return Err(Error::MissingValue {
                    flag: format!("-{flag}"),
                });
            };
            let count = "a whole number";
            match flag {
                'n' => cfg.max_n = Some(number(flag, value, count)?),
                'w' => cfg.rouge_w = Some(Weight::parse(value)?),
                '2' => {
                    let d: i64 = number(flag, value, "a whole number (negative: unlimited)")?;
                    skip = Some(usize::try_from(d).ok());
                }
                'l' => words = Some(number::<usize>(flag, value, count)?),
                'b' => bytes = Some(number::<usize>(flag, value, count)?),
                'f' => {
                    cfg.formula = match value {
                        "A" => ScoringFormula::Average,
                        "B" => ScoringFormula::Best,
                        _ => return Err(Error::invalid("-f", value, "A or B")),
                    }
                }
                'p' => cfg.alpha = number(flag, value, "a number within [0, 1]")?,
                'c' => cfg.confidence = number(flag, value, "a percentage within [0, 100]")?,
                'r' => cfg.resamples = number(flag, value, count)?,
                't' => match number::<i64>(flag, value, "0, 1 or 2")? {
                    0 => {}
                    t @ (1 | 2) => {
                        return Err(unsupported(&format!("token-level averaging, -t {t}")))
                    }
                    _ => return Err(Error::invalid("-t", value, "0, 1 or 2")),
                },
                'z' => match value {
                    "SEE" => {}
                    "SPL" | "ISI" | "SIMPLE" => {
                        return Err(unsupported(&format!(
                            "reading {value} files; only SEE is read as the script reads it"
                        )))
                    }
                    _ => return Err(Error::invalid("-z", value, "SEE, SPL, ISI or SIMPLE")),
                },
                '3' => return Err(unsupported("Basic Elements")),
                // -e DIR: the script's data directory; nutgraf carries ROUGE-1.5.5's own data.
                _ => {}
            }
            break;
        }
    }
    cfg.length_limit = match (words, bytes) {
        (Some(_), Some(_)) => {
            return Err(Error::ConflictingOptions {
                first: "-l".into(),
                second: "-b".into(),
            })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(s: &str) -> Result<PerlConfig> {
        PerlConfig::from_rouge_args(&s.split_whitespace().collect::<Vec<_>>())
    }

    #[test]
    fn paper_flags() {
        let cfg = flags("-c 95 -2 -1 -U -r 1000 -n 2 -w 1.2 -a -m").unwrap();
        assert_eq!(cfg, PerlConfig::paper());
        let bundled = flags("-am -n2 -c95 -2 -1 -U -w 1.2 -e /data -d").unwrap();
        assert_eq!(bundled, PerlConfig::paper());
    }

    #[test]
    fn limits_and_formula() {
        let cfg = flags("-n 2 -l 75 -f B -p 0.3 -s -x -2 4 -u").unwrap();
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
        assert_eq!(flags("-b 0").unwrap().length_limit, LengthLimit::None);
    }

    #[test]
    fn errors_name_the_flag() {
        let invalid = |s: &str, flag: &str| match flags(s) {
            Err(Error::InvalidOption { option, .. }) => assert_eq!(option, flag, "{s}"),
            other => panic!("{s}: {other:?}"),
        };
        invalid("-c 120", "-c");
        invalid("-p 2", "-p");
        invalid("-f C", "-f");
        invalid("-n x", "-n");
        invalid("-n 0", "-n");
        invalid("-w 0", "-w");
        invalid("-w abc", "-w");
        invalid("-r 0", "-r");
        invalid("-t 7", "-t");
        invalid("-z XML", "-z");
        assert_eq!(
            flags("-l 5 -b 5"),
            Err(Error::ConflictingOptions {
                first: "-l".into(),
                second: "-b".into()
            })
        );
        assert_eq!(flags("-n"), Err(Error::MissingValue { flag: "-n".into() }));
        assert_eq!(flags("-q"), Err(Error::UnknownFlag { flag: "-q".into() }));
        assert_eq!(flags("-amq"), Err(Error::UnknownFlag { flag: "-q".into() }));
        for bad in ["rouge.xml", "-n 2 -- x"] {
            assert!(
                matches!(flags(bad), Err(Error::UnexpectedArgument { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn unimplemented_script_flags_are_not_supported_not_unknown() {
        for (bad, flag) in [
            ("-t 1", "-t"),
            ("-t 2", "-t"),
            ("-3 HM", "-3"),
            ("-M", "-M"),
            ("-z SPL", "-z"),
            ("-h", "-h"),
            ("-H", "-H"),
        ] {
            match flags(bad) {
                Err(Error::UnsupportedFlag { flag: f, .. }) => assert_eq!(f, flag, "{bad}"),
                other => panic!("{bad}: {other:?}"),
            }
        }
        let msg = flags("-3 HM").unwrap_err().to_string();
        assert!(msg.contains("-3") && msg.contains("not supported"), "{msg}");
        assert!(flags("-t 0 -v -z SEE -e /data").is_ok());
    }
}
