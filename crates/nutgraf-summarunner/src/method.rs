//! SummaRuNNer as a nutgraf [`Method`]: the summarizer of the `nutgraf` crate selects its
//! sentences under a budget like every other method's.

use nutgraf_core::methods::{Input, Method, Scores};

use crate::error::ModelError;
use crate::summarunner::SummaRuNNer;

/// The method's name, as in configurations.
pub const NAME: &str = "summarunner";

impl Method for SummaRuNNer {
    fn name(&self) -> &str {
        NAME
    }

    /// P(sentence in summary) of every sentence of `input.document`, as
    /// [`SummaRuNNer::score`] gives it (the analyzed form is not used: the model reads the
    /// text with its own vocabulary).
    fn score(&self, input: &Input<'_>) -> nutgraf_core::Result<Scores> {
        let values = SummaRuNNer::score(self, input.document).map_err(method_error)?;
        Ok(Scores::new(values))
    }
}

/// A model error on a document, as the method's error.
fn method_error(e: ModelError) -> nutgraf_core::Error {
    nutgraf_core::Error::Method {
        method: NAME.to_string(),
        message: e.to_string(),
    }
}
