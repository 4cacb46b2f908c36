//! What training asks of its caller: the validation ROUGE of a model.

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

/// Corpus ROUGE F-measures (percent): the evaluation crate's, so that training and
/// evaluation share one definition.
pub use nutgraf_eval::RougeF;
