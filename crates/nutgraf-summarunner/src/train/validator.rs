//! What training asks of its caller: the validation ROUGE of a model.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::summarunner::SummaRuNNer;

/// Measures a model on the validation set, once per epoch.
///
/// The validator owns the validation documents and the whole of "summarize, normalize,
/// score": the trainer only compares the results (the best [`RougeF::total`] is saved).
/// The `nutgraf` crate builds one from its summarizer and ROUGE-1.5.5, so that validation
/// scores exactly what evaluation scores; [`SummaRuNNer::score_all`] is the fast way to
/// score the documents. Errors of its own kind go in [`ModelError::Validation`].
///
/// Any `Fn(&SummaRuNNer) -> Result<RougeF> + Sync` closure is a validator.
///
/// [`ModelError::Validation`]: crate::ModelError::Validation
pub trait Validator: Sync {
    /// Corpus ROUGE-1, ROUGE-2 and ROUGE-L F (percent) of `model` on the validation set.
    fn validate(&self, model: &SummaRuNNer) -> Result<RougeF>;
}

impl<F> Validator for F
where
    F: Fn(&SummaRuNNer) -> Result<RougeF> + Sync,
{
    fn validate(&self, model: &SummaRuNNer) -> Result<RougeF> {
        self(model)
    }
}

/// Corpus ROUGE F-measures (percent).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct RougeF {
    /// ROUGE-1 F.
    pub rouge1: f64,
    /// ROUGE-2 F.
    pub rouge2: f64,
    /// ROUGE-L F.
    pub rouge_l: f64,
}

impl RougeF {
    /// The model-selection criterion: the sum of the three.
    pub fn total(&self) -> f64 {
        self.rouge1 + self.rouge2 + self.rouge_l
    }
}

impl std::fmt::Display for RougeF {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "R1 {:.2} / R2 {:.2} / RL {:.2}",
            self.rouge1, self.rouge2, self.rouge_l
        )
    }
}
