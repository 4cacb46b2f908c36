//! Training SummaRuNNer with model selection by the engine's own evaluation: each epoch's
//! model summarizes the validation documents through a [`Summarizer`] (top 3 sentences) and
//! is scored by [`crate::evaluate::paper_rouge_f`], the numbers `nutgraf eval` reports.

use std::path::Path;

use nutgraf_core::{Budget, Document};
use nutgraf_summarunner::train::{self, RougeF, TrainConfig, TrainEvent, TrainState};
use nutgraf_summarunner::{ModelError, SummaRuNNer};

use crate::config::MethodConfig;
use crate::error::Result;
use crate::evaluate::paper_rouge_f;
use crate::summarizer::Summarizer;

/// The validation set of a training run: documents with references.
#[derive(Debug, Clone)]
pub struct Validation {
    docs: Vec<Document>,
}

impl Validation {
    /// The documents with a reference among the first `max` of the corpus at `path`.
    pub fn read(path: &Path, max: Option<usize>) -> Result<Validation> {
        let docs = nutgraf_summarunner::data::read_documents(path, max)?
            .into_iter()
            .filter(|d| d.reference().is_some())
            .collect();
        Ok(Validation { docs })
    }

    /// Validation on documents in memory (those without a reference are left out).
    pub fn new(docs: Vec<Document>) -> Validation {
        Validation {
            docs: docs
                .into_iter()
                .filter(|d| d.reference().is_some())
                .collect(),
        }
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True without documents.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The ROUGE of Lead-3 on this set, the baseline to beat.
    pub fn lead3(&self) -> Result<RougeF> {
        let lead = Summarizer::builder()
            .method(MethodConfig::named("lead")?)
            .budget(Budget::Sentences(3))
            .build()?;
        paper_rouge_f(&lead, &self.docs)
    }

    /// The ROUGE of `model`'s top-3 summaries on this set.
    pub fn score(&self, model: &SummaRuNNer) -> Result<RougeF> {
        let summarizer = Summarizer::builder()
            .custom_method(model.clone())
            .budget(Budget::Sentences(3))
            .build()?;
        paper_rouge_f(&summarizer, &self.docs)
    }
}

/// Trains SummaRuNNer as `config` says, keeping the model that scores best on `validation`;
/// `observer` hears of every step ([`TrainEvent`]).
pub fn summarunner(
    config: &TrainConfig,
    validation: &Validation,
    observer: &mut dyn FnMut(TrainEvent),
) -> Result<TrainState> {
    let validator = |model: &SummaRuNNer| -> nutgraf_summarunner::Result<RougeF> {
        validation
            .score(model)
            .map_err(|e| ModelError::Validation(Box::new(e)))
    };
    Ok(train::train(config, &validator, observer)?)
}
