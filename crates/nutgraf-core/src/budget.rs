//! How long a summary may be.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The length budget of a summary.
///
/// Word and byte budgets are knapsack-like: sentences are taken in the method's preference order
/// and a sentence that does not fit is skipped (a shorter one later may still fit). Sentences are
/// never cut, so a summary never exceeds its budget; it may be empty when no sentence fits.
///
/// As JSON: `{"kind": "sentences", "count": 3}`, `{"kind": "words", "count": 100}`,
/// `{"kind": "bytes", "count": 275}` or `{"kind": "ratio", "ratio": 0.2}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(into = "BudgetJson", try_from = "BudgetJson")]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// At most this many words in total (see [`crate::analysis::word_count`]).
    Words(usize),
    /// At most this many bytes in total, counting one separator byte between sentences.
    Bytes(usize),
    /// This fraction of the document's sentences, rounded up (`0 < r <= 1`).
    Ratio(f64),
}

impl Default for Budget {
    fn default() -> Budget {
        Budget::Sentences(3)
    }
}

/// The JSON form of [`Budget`]: internally tagged by `kind`, like every enum of nutgraf's
/// configuration.
#[derive(Serialize, Deserialize)]
#[serde(
    expecting = "a budget like {\"kind\": \"sentences\", \"count\": 3}",
    rename_all = "snake_case",
    tag = "kind",
    deny_unknown_fields
)]
enum BudgetJson {
    Sentences { count: usize },
    Words { count: usize },
    Bytes { count: usize },
    Ratio { ratio: f64 },
}

impl From<Budget> for BudgetJson {
    fn from(b: Budget) -> BudgetJson {
        match b {
            Budget::Sentences(count) => BudgetJson::Sentences { count },
            Budget::Words(count) => BudgetJson::Words { count },
            Budget::Bytes(count) => BudgetJson::Bytes { count },
            Budget::Ratio(ratio) => BudgetJson::Ratio { ratio },
        }
    }
}

impl TryFrom<BudgetJson> for Budget {
    type Error = Error;
    fn try_from(b: BudgetJson) -> Result<Budget, Error> {
        let budget = match b {
            BudgetJson::Sentences { count } => Budget::Sentences(count),
            BudgetJson::Words { count } => Budget::Words(count),
            BudgetJson::Bytes { count } => Budget::Bytes(count),
            BudgetJson::Ratio { ratio } => Budget::Ratio(ratio),
        };
        budget.validate()?;
        Ok(budget)
    }
}

impl Budget {
    /// Checks that the budget is meaningful.
    pub fn validate(&self) -> Result<(), Error> {
        match *self {
            Budget::Ratio(r) if !(r > 0.0 && r <= 1.0) => {
                Err(Error::config("budget.ratio", r, "a number in (0, 1]"))
            }
            _ => Ok(()),
        }
    }

    /// The sentence cap for a document of `n` sentences (`usize::MAX` for word/byte budgets).
    pub fn max_sentences(&self, n: usize) -> usize {
        match *self {
            Budget::Sentences(k) => k,
            Budget::Ratio(r) => ((r * n as f64).ceil() as usize).min(n),
            Budget::Words(_) | Budget::Bytes(_) => usize::MAX,
        }
    }
}

impl fmt::Display for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Budget::Sentences(k) => write!(f, "{k} sentences"),
            Budget::Words(n) => write!(f, "{n} words"),
            Budget::Bytes(n) => write!(f, "{n} bytes"),
            Budget::Ratio(r) => write!(f, "ratio {r}"),
        }
    }
}

impl FromStr for Budget {
    type Err = Error;
    /// Parses `3`, `3s`, `100w`, `275b`, `0.2r` / `20%`.
    fn from_str(s: &str) -> Result<Budget, Error> {
        let bad = || Error::config("budget", format!("{s:?}"), "e.g. 3, 100w, 275b or 20%");
        let s = s.trim();
        let b = if let Some(p) = s.strip_suffix('%') {
            Budget::Ratio(p.parse::<f64>().map_err(|_| bad())? / 100.0)
        } else if let Some(n) = s.strip_suffix('w') {
            Budget::Words(n.parse().map_err(|_| bad())?)
        } else if let Some(n) = s.strip_suffix('b') {
            Budget::Bytes(n.parse().map_err(|_| bad())?)
        } else if let Some(r) = s.strip_suffix('r') {
            Budget::Ratio(r.parse().map_err(|_| bad())?)
        } else {
            Budget::Sentences(
                s.strip_suffix('s')
                    .unwrap_or(s)
                    .parse()
                    .map_err(|_| bad())?,
            )
        };
        b.validate()?;
        Ok(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_tagged_by_kind_and_round_trips() {
        for b in [
            Budget::Sentences(3),
            Budget::Words(100),
            Budget::Bytes(275),
            Budget::Ratio(0.25),
        ] {
            let json = serde_json::to_string(&b).unwrap();
            assert_eq!(serde_json::from_str::<Budget>(&json).unwrap(), b, "{json}");
        }
        assert_eq!(
            serde_json::to_string(&Budget::Words(100)).unwrap(),
            r#"{"kind":"words","count":100}"#
        );
        let err = serde_json::from_str::<Budget>(r#"{"kind":"words","cnt":1}"#).unwrap_err();
        assert!(err.to_string().contains("cnt"), "{err}");
        let err = serde_json::from_str::<Budget>(r#"{"kind":"ratio","ratio":1.5}"#).unwrap_err();
        assert!(err.to_string().contains("budget.ratio"), "{err}");
    }

    #[test]
    fn parses_short_forms() {
        assert_eq!("3".parse::<Budget>().unwrap(), Budget::Sentences(3));
        assert_eq!("100w".parse::<Budget>().unwrap(), Budget::Words(100));
        assert_eq!("20%".parse::<Budget>().unwrap(), Budget::Ratio(0.2));
        assert!("0%".parse::<Budget>().is_err());
        assert!("x".parse::<Budget>().is_err());
    }
}
