//! The summarization pipeline: analyze, score, select.

use serde::Serialize;

use crate::analysis::{Analyzer, AnalyzerOptions};
use crate::budget::Budget;
use crate::document::Document;
use crate::error::Error;
use crate::methods::{Method, MethodConfig, MethodKind};
use crate::select::{Redundancy, Selector};

/// The result of summarizing one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// One score per sentence of the document.
    pub scores: Vec<f64>,
    /// Selected sentence indices, in document order.
    pub selected: Vec<usize>,
}

/// Everything that defines a summarizer; serialized into `--output json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummarizerConfig {
    /// Method and its parameters.
    #[serde(flatten)]
    pub method: MethodConfig,
    /// Length budget.
    pub budget: Budget,
    /// Redundancy control.
    pub redundancy: Redundancy,
    /// Term analysis.
    pub analyzer: AnalyzerOptions,
}

/// A configured, reusable summarizer. `Send + Sync`: share one across threads.
#[derive(Debug)]
pub struct Summarizer {
    config: SummarizerConfig,
    analyzer: Analyzer,
    method: Box<dyn Method>,
}

impl Summarizer {
    /// A builder with the defaults: Lead, 3 sentences, no redundancy control.
    pub fn builder() -> SummarizerBuilder {
        SummarizerBuilder {
            config: SummarizerConfig {
                method: MethodConfig::new(MethodKind::Lead),
                budget: Budget::default(),
                redundancy: Redundancy::None,
                analyzer: AnalyzerOptions::default(),
            },
        }
    }

    /// The configuration.
    pub fn config(&self) -> &SummarizerConfig {
        &self.config
    }

    /// Summarizes `doc`. An empty document gives an empty summary.
    pub fn summarize(&self, doc: &Document) -> Summary {
        let tokens = self.config.redundancy == Redundancy::TrigramBlocking;
        let analyzed = self.analyzer.analyze_with(doc, tokens);
        let mut scores = self.method.score(&analyzed);
        debug_assert_eq!(scores.len(), analyzed.len());
        scores.resize(analyzed.len(), 0.0);
        for s in &mut scores {
            if !s.is_finite() {
                *s = 0.0;
            }
        }
        let mut selector = Selector::new(&analyzed, self.config.budget, self.config.redundancy);
        self.method.select(&analyzed, &scores, &mut selector);
        Summary {
            scores,
            selected: selector.into_sorted(),
        }
    }
}

/// Builds a [`Summarizer`]; invalid options are rejected by [`SummarizerBuilder::build`].
#[derive(Debug, Clone)]
pub struct SummarizerBuilder {
    config: SummarizerConfig,
}

impl SummarizerBuilder {
    /// Uses `method` with its default parameters.
    pub fn method(mut self, method: MethodKind) -> Self {
        self.config.method = MethodConfig::new(method);
        self
    }

    /// Uses a fully specified method configuration.
    pub fn method_config(mut self, config: MethodConfig) -> Self {
        self.config.method = config;
        self
    }

    /// Sets the length budget.
    pub fn budget(mut self, budget: Budget) -> Self {
        self.config.budget = budget;
        self
    }

    /// Sets the redundancy control.
    pub fn redundancy(mut self, redundancy: Redundancy) -> Self {
        self.config.redundancy = redundancy;
        self
    }

    /// Sets the term analysis options.
    pub fn analyzer(mut self, options: AnalyzerOptions) -> Self {
        self.config.analyzer = options;
        self
    }

    /// Validates the configuration and builds the summarizer.
    pub fn build(self) -> Result<Summarizer, Error> {
        self.config.budget.validate()?;
        if let Redundancy::Mmr { lambda } = self.config.redundancy {
            if !(0.0..=1.0).contains(&lambda) {
                return Err(Error::Config(format!(
                    "MMR lambda must be in [0, 1], got {lambda}"
                )));
            }
        }
        let method = self.config.method.build()?;
        let analyzer = Analyzer::new(self.config.analyzer);
        Ok(Summarizer {
            config: self.config,
            analyzer,
            method,
        })
    }
}
