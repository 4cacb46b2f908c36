//! Sentence scoring methods: Lead-k and the classic unsupervised summarizers.
//!
//! Each method lives in its own module whose docs cite the paper and name any deviation.

mod lead;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzed;
use crate::error::Error;
use crate::select::Selector;

pub use lead::Lead;

/// A sentence scoring method.
pub trait Method: Send + Sync + fmt::Debug {
    /// Scores every sentence of `doc` (higher is more summary-worthy). The result has one finite
    /// value per sentence.
    fn score(&self, doc: &Analyzed) -> Vec<f64>;

    /// Picks sentences into `selector`. The default takes sentences by descending score;
    /// methods that pick iteratively (SumBasic, KL-Sum) override it.
    fn select(&self, doc: &Analyzed, scores: &[f64], selector: &mut Selector<'_>) {
        let _ = doc;
        selector.fill_by_scores(scores);
    }
}

/// The methods nutgraf knows, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum MethodKind {
    /// Lead-k: the first sentences.
    Lead,
}

impl MethodKind {
    /// Every method, in the order the CLI lists them.
    pub const ALL: &'static [MethodKind] = &[MethodKind::Lead];

    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            MethodKind::Lead => "lead",
        }
    }
}

impl fmt::Display for MethodKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for MethodKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<MethodKind, Error> {
        MethodKind::ALL
            .iter()
            .copied()
            .find(|m| m.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = MethodKind::ALL.iter().map(|m| m.name()).collect();
                Error::Config(format!(
                    "unknown method {s:?}; expected one of: {}",
                    names.join(", ")
                ))
            })
    }
}

/// A method and its parameters. Parameters a method does not use are ignored by it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MethodConfig {
    /// Which method.
    pub method: MethodKind,
    /// Convergence tolerance of iterative methods (L1 change of the score vector).
    pub tolerance: f64,
    /// Iteration cap of iterative methods.
    pub max_iterations: usize,
    /// Damping factor of graph methods.
    pub damping: f64,
}

impl MethodConfig {
    /// The default parameters of `method`.
    pub fn new(method: MethodKind) -> MethodConfig {
        MethodConfig {
            method,
            tolerance: 1e-6,
            max_iterations: 100,
            damping: 0.85,
        }
    }

    /// Checks the parameters.
    pub fn validate(&self) -> Result<(), Error> {
        if !(self.tolerance > 0.0) {
            return Err(Error::Config(format!(
                "tolerance must be > 0, got {}",
                self.tolerance
            )));
        }
        if self.max_iterations == 0 {
            return Err(Error::Config("max_iterations must be > 0".into()));
        }
        if !(0.0..=1.0).contains(&self.damping) {
            return Err(Error::Config(format!(
                "damping must be in [0, 1], got {}",
                self.damping
            )));
        }
        Ok(())
    }

    /// Builds the method.
    pub fn build(&self) -> Result<Box<dyn Method>, Error> {
        self.validate()?;
        Ok(match self.method {
            MethodKind::Lead => Box::new(Lead),
        })
    }
}
