//! Metric names of the google flavour (`rouge1`..`rouge9`, `rougeL`, `rougeLsum`).

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// One ROUGE variant, named as in rouge-score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    /// `rougeN`: clipped n-gram overlap, `1 <= n <= 9`, n-grams crossing sentence boundaries.
    RougeN(u8),
    /// `rougeL`: one longest common subsequence over the whole token streams.
    RougeL,
    /// `rougeLsum`: summary-level union LCS over the `\n`-separated sentences.
    RougeLsum,
}

/// The names [`Metric::from_str`] accepts, for error messages and help texts.
pub const VALID_METRICS: &str = "rouge1, rouge2, ..., rouge9, rougeL, rougeLsum";

impl Metric {
    /// The four metrics rouge-score users usually ask for.
    pub const DEFAULT: [Metric; 4] = [
        Metric::RougeN(1),
        Metric::RougeN(2),
        Metric::RougeL,
        Metric::RougeLsum,
    ];
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Metric::RougeN(n) => write!(f, "rouge{n}"),
            Metric::RougeL => f.write_str("rougeL"),
            Metric::RougeLsum => f.write_str("rougeLsum"),
        }
    }
}

/// Serialized as its rouge-score name (`"rouge1"`, `"rougeLsum"`, ...): the names users and
/// rouge-score's own output know, rather than a tagged object.
impl serde::Serialize for Metric {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Read from its rouge-score name, as [`Metric::from_str`] reads it.
impl<'de> serde::Deserialize<'de> for Metric {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

impl FromStr for Metric {
    type Err = Error;

    /// Parses a rouge-score metric name. Like rouge-score (`re.match(r"rouge[0-9]$")` and
    /// `n > 0`), only one digit is accepted: `rouge0` and `rouge10` are errors.
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "rougeL" => return Ok(Metric::RougeL),
            "rougeLsum" => return Ok(Metric::RougeLsum),
            _ => {}
        }
        if let Some(&[d]) = s.strip_prefix("rouge").map(str::as_bytes) {
            if (b'1'..=b'9').contains(&d) {
                return Ok(Metric::RougeN(d - b'0'));
            }
        }
        Err(Error::invalid(
            "metrics",
            s,
            format!("one of {VALID_METRICS}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        let mut all: Vec<Metric> = (1..=9).map(Metric::RougeN).collect();
        all.extend([Metric::RougeL, Metric::RougeLsum]);
        for m in all {
            assert_eq!(m.to_string().parse::<Metric>().ok(), Some(m));
        }
    }

    #[test]
    fn serializes_as_name() {
        let json = serde_json::to_string(&[Metric::RougeN(2), Metric::RougeLsum]).ok();
        assert_eq!(json.as_deref(), Some(r#"["rouge2","rougeLsum"]"#));
    }

    #[test]
    fn deserializes_from_name() {
        let m: Vec<Metric> = serde_json::from_str(r#"["rouge3", "rougeL"]"#).unwrap();
        assert_eq!(m, [Metric::RougeN(3), Metric::RougeL]);
        let err = serde_json::from_str::<Metric>(r#""rouge0""#).unwrap_err();
        assert!(err.to_string().contains("metrics"), "{err}");
    }

    #[test]
    fn invalid_names_list_the_valid_ones() {
        for bad in [
            "rouge0",
            "rouge10",
            "rougel",
            "ROUGE1",
            "rouge",
            "rougeLSum",
            "",
        ] {
            match bad.parse::<Metric>() {
                Err(Error::InvalidOption {
                    option,
                    value,
                    expected,
                }) => {
                    assert_eq!((option.as_str(), value.as_str()), ("metrics", bad));
                    assert!(expected.contains("rougeLsum"), "{expected}");
                }
                other => panic!("{bad:?} parsed as {other:?}"),
            }
        }
    }
}
