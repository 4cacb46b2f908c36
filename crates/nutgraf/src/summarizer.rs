//! [`Summarizer`]: one type that runs every method (classic, learned, oracle, a user's own)
//! from one configuration, and checks each method's contract.

use std::sync::Arc;

use nutgraf_core::analysis::{Analyzer, AnalyzerOptions, Fill};
use nutgraf_core::methods::{
    Centroid, Explanation, Input, KlSum, Lead, LexRank, Lsa, Luhn, Method, PacSum, SumBasic,
    TextRank,
};
use nutgraf_core::select::{Redundancy, Selector};
use nutgraf_core::{Budget, Document};
use rayon::prelude::*;

use crate::config::{CustomMethod, MethodConfig, SummarizerConfig};
use crate::error::{Error, Result};
use crate::oracle::Oracle;
use crate::summarunner;

/// The result of summarizing one document: a score per sentence and the selection.
/// [`Summary::record`] turns it into the full serializable record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// One finite score per sentence of the document.
    pub scores: Vec<f64>,
    /// Selected sentence indices, in document order.
    pub selected: Vec<usize>,
    /// One explanation per sentence, when the configuration asks for them and the method
    /// gives them.
    pub explanations: Option<Vec<Explanation>>,
}

impl Summary {
    /// The selected sentences' texts, in document order.
    pub fn texts<'a>(&self, doc: &'a Document) -> Vec<&'a str> {
        self.selected.iter().filter_map(|&i| doc.get(i)).collect()
    }
}

/// A configured, reusable summarizer. `Send + Sync` and cheap to clone (the method is
/// shared): share one across threads.
#[derive(Debug, Clone)]
pub struct Summarizer {
    config: Arc<SummarizerConfig>,
    method: Arc<dyn Method>,
    analyzer: Analyzer,
}

impl Summarizer {
    /// A builder with the defaults: Lead, 3 sentences, no redundancy control.
    pub fn builder() -> SummarizerBuilder {
        SummarizerBuilder {
            config: SummarizerConfig::default(),
            custom: None,
        }
    }

    /// Builds the summarizer `config` describes (loading a model when the method has one).
    pub fn from_config(config: &SummarizerConfig) -> Result<Summarizer> {
        Summarizer::builder().config(config.clone()).build()
    }

    /// Builds the summarizer of a JSON configuration (see [`crate::config`]).
    pub fn from_json(json: &str) -> Result<Summarizer> {
        Summarizer::from_config(&SummarizerConfig::from_json(json)?)
    }

    /// The configuration.
    pub fn config(&self) -> &SummarizerConfig {
        &self.config
    }

    /// The configuration, shared (results keep it without copying).
    pub fn shared_config(&self) -> Arc<SummarizerConfig> {
        Arc::clone(&self.config)
    }

    /// The method.
    pub fn method(&self) -> &dyn Method {
        &*self.method
    }

    /// Summarizes `doc`. An empty document gives an empty summary.
    ///
    /// Fails when the method fails on the document, or breaks its contract: anything but one
    /// finite score per sentence is reported, never padded or zeroed.
    pub fn summarize(&self, doc: &Document) -> Result<Summary> {
        let config = &*self.config;
        let fill = Fill {
            tokens: config.redundancy == Redundancy::TrigramBlocking,
            terms: config.explain,
        };
        let analyzed = if self.needs_analysis() {
            self.analyzer.analyze_with(doc, fill)
        } else {
            sentences_only(doc.len())
        };
        let input = Input {
            document: doc,
            analyzed: &analyzed,
            explain: config.explain,
        };
        let scored = self.method.score(&input)?;
        self.check(doc, &scored.values, scored.explanations.as_deref())?;
        let mut selector = Selector::new(&analyzed, config.budget, config.redundancy);
        self.method.select(&input, &scored.values, &mut selector)?;
        let selected = selector.into_sorted();
        Ok(Summary {
            scores: scored.values,
            selected,
            explanations: scored.explanations.filter(|_| config.explain),
        })
    }

    /// Whether summarizing reads the analysis at all: Lead-k under a sentence-count budget
    /// without redundancy control uses only the number of sentences, so it skips tokenizing,
    /// stemming and interning (most of its time on raw text).
    fn needs_analysis(&self) -> bool {
        let config = &*self.config;
        !(matches!(config.method, MethodConfig::Lead(_))
            && matches!(config.budget, Budget::Sentences(_) | Budget::Ratio(_))
            && config.redundancy == Redundancy::None)
    }

    /// Summarizes every document, in parallel on the current rayon pool; results in input
    /// order, the same at any thread count. Each error names its document.
    pub fn summarize_batch(&self, docs: &[Document]) -> Vec<Result<Summary>> {
        docs.par_iter()
            .enumerate()
            .map(|(i, doc)| self.summarize(doc).map_err(|e| e.in_document(i, doc.id())))
            .collect()
    }

    fn check(
        &self,
        doc: &Document,
        scores: &[f64],
        explanations: Option<&[Explanation]>,
    ) -> Result<()> {
        let broken = |message: String| {
            Err(Error::Core(nutgraf_core::Error::Method {
                method: self.method.name().to_string(),
                message,
            }))
        };
        if scores.len() != doc.len() {
            return broken(format!(
                "returned {} scores for {} sentences",
                scores.len(),
                doc.len()
            ));
        }
        if let Some(i) = scores.iter().position(|s| !s.is_finite()) {
            return broken(format!("score of sentence {i} is {}", scores[i]));
        }
        if let Some(e) = explanations.filter(|e| e.len() != doc.len()) {
            return broken(format!(
                "returned {} explanations for {} sentences",
                e.len(),
                doc.len()
            ));
        }
        Ok(())
    }
}

/// Builds a [`Summarizer`]; invalid options are rejected by [`SummarizerBuilder::build`].
#[derive(Debug, Clone)]
pub struct SummarizerBuilder {
    config: SummarizerConfig,
    custom: Option<Arc<dyn Method>>,
}

impl SummarizerBuilder {
    /// Uses this configuration, whole (a custom method given before is dropped).
    pub fn config(mut self, config: SummarizerConfig) -> Self {
        self.config = config;
        self.custom = None;
        self
    }

    /// Uses `method`, with its parameters.
    pub fn method(mut self, method: MethodConfig) -> Self {
        self.config.method = method;
        self.custom = None;
        self
    }

    /// Uses a method of the caller's own (any [`Method`]). Its configuration shows as
    /// `{"method": "custom", "name": ...}` and cannot be rebuilt from JSON.
    pub fn custom_method(mut self, method: impl Method + 'static) -> Self {
        self.config.method = MethodConfig::Custom(CustomMethod {
            name: method.name().to_string(),
        });
        self.custom = Some(Arc::new(method));
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
    pub fn analysis(mut self, options: AnalyzerOptions) -> Self {
        self.config.analysis = options;
        self
    }

    /// Explains each score in the results.
    pub fn explain(mut self, explain: bool) -> Self {
        self.config.explain = explain;
        self
    }

    /// Validates the configuration and builds the summarizer.
    pub fn build(self) -> Result<Summarizer> {
        if let (MethodConfig::Custom(c), None) = (&self.config.method, &self.custom) {
            return Err(not_buildable(c));
        }
        self.config.validate()?;
        let method: Arc<dyn Method> = match (self.custom, &self.config.method) {
            (Some(custom), _) => custom,
            (None, config) => build_method(config)?,
        };
        Ok(Summarizer {
            analyzer: Analyzer::new(self.config.analysis),
            config: Arc::new(self.config),
            method,
        })
    }
}

fn build_method(config: &MethodConfig) -> Result<Arc<dyn Method>> {
    Ok(match config {
        MethodConfig::Lead(_) => Arc::new(Lead),
        MethodConfig::TextRank(c) => Arc::new(TextRank::new(*c)?),
        MethodConfig::LexRank(c) => Arc::new(LexRank::new(*c)?),
        MethodConfig::Lsa(c) => Arc::new(Lsa::new(*c)?),
        MethodConfig::Luhn(c) => Arc::new(Luhn::new(*c)?),
        MethodConfig::SumBasic(_) => Arc::new(SumBasic),
        MethodConfig::KlSum(_) => Arc::new(KlSum),
        MethodConfig::Centroid(c) => Arc::new(Centroid::new(*c)?),
        MethodConfig::PacSum(c) => Arc::new(PacSum::new(*c)?),
        MethodConfig::Summarunner(c) => Arc::new(summarunner::load(c)?),
        MethodConfig::Oracle(c) => Arc::new(Oracle::new(c.clone())?),
        MethodConfig::Custom(c) => return Err(not_buildable(c)),
    })
}

fn not_buildable(c: &CustomMethod) -> Error {
    Error::Config {
        message: format!(
            "method {:?} is a custom method: give it to the builder, it cannot be built from a configuration",
            c.name
        ),
    }
}

/// An analysis holding only the number of sentences (no terms, no words, no bytes), for a
/// method and budget that read nothing else (see [`Summarizer::needs_analysis`]).
fn sentences_only(n: usize) -> nutgraf_core::analysis::Analyzed {
    nutgraf_core::analysis::Analyzed {
        n_terms: 0,
        sentences: vec![Vec::new(); n],
        tokens: Vec::new(),
        terms: Vec::new(),
        words: vec![0; n],
        bytes: vec![0; n],
    }
}
