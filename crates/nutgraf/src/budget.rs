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
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
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

impl Budget {
    /// Checks that the budget is meaningful.
    pub fn validate(&self) -> Result<(), Error> {
        match *self {
            Budget::Ratio(r) if !(r > 0.0 && r <= 1.0) => {
                Err(Error::Config(format!("--ratio must be in (0, 1], got {r}")))
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
        let bad = || {
            Error::Config(format!(
                "bad budget {s:?}: expected e.g. 3, 100w, 275b or 20%"
            ))
        };
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
