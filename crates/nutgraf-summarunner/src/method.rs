//! SummaRuNNer as a nutgraf [`Method`]: the summarizer of the `nutgraf` crate selects its
//! sentences under a budget like every other method's.

use nutgraf_core::methods::{Explanation, Input, Method, Scores};

use crate::error::ModelError;
use crate::model::infer::LogitTerms;
use crate::summarunner::SummaRuNNer;

/// The method's name, as in configurations.
pub const NAME: &str = "summarunner";

/// Scores are P(sentence in summary), as [`SummaRuNNer::score`] gives them (the analyzed
/// form of the input is not used: the model reads the text with its own vocabulary). Model
/// errors are [`nutgraf_core::Error::Method`] errors of method `summarunner`.
///
/// **Explanations** (`input.explain`): the terms of each sentence's logit, the paper's eq. 6,
/// each with the sign it enters the sum with, so that `content + salience + novelty +
/// position_absolute + position_relative + bias` is the logit and
/// `σ(logit)` the `probability` component:
///
/// * `content`: `W_c h_j`, what the sentence says;
/// * `salience`: `h_jᵀ W_s d`, how central it is to the document;
/// * `novelty`: `−h_jᵀ W_r tanh(s_j)`, minus its redundancy with the summary so far (`s_j`,
///   the earlier sentences weighted by their probabilities); 0 for the first sentence;
/// * `position_absolute`, `position_relative`: the learned weights of its index and of its
///   segment of the document;
/// * `bias`: `b`, the same for every sentence.
///
/// Sentences past `max_sentences` are not read by the model: their explanation is only
/// `probability` 0. Explanations come from the plain-buffer inference pass of the paper's
/// RNN_RNN model; the CNN_RNN and AttnRNN variants give `explanations: None`.
impl Method for SummaRuNNer {
    fn name(&self) -> &str {
        NAME
    }

    fn score(&self, input: &Input<'_>) -> nutgraf_core::Result<Scores> {
        let doc = input.document;
        if input.explain {
            if let Some((values, terms)) = self.score_with_terms(doc).map_err(method_error)? {
                let mut explanations: Vec<Explanation> = values
                    .iter()
                    .zip(&terms)
                    .map(|(&p, t)| explain(t, p))
                    .collect();
                explanations.resize_with(values.len(), || Explanation::of([("probability", 0.0)]));
                return Ok(Scores {
                    values,
                    explanations: Some(explanations),
                });
            }
        }
        let values = SummaRuNNer::score(self, doc).map_err(method_error)?;
        Ok(Scores::new(values))
    }
}

fn explain(t: &LogitTerms, probability: f64) -> Explanation {
    Explanation::of([
        ("content", f64::from(t.content)),
        ("salience", f64::from(t.salience)),
        ("novelty", f64::from(t.novelty)),
        ("position_absolute", f64::from(t.position_absolute)),
        ("position_relative", f64::from(t.position_relative)),
        ("bias", f64::from(t.bias)),
        ("probability", probability),
    ])
}

/// A model error on a document, as the method's error.
fn method_error(e: ModelError) -> nutgraf_core::Error {
    nutgraf_core::Error::Method {
        method: NAME.to_string(),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_errors_are_method_errors() {
        let e = method_error(ModelError::Data("bad".into()));
        match e {
            nutgraf_core::Error::Method { method, message } => {
                assert_eq!(method, NAME);
                assert!(message.contains("bad"), "{message}");
            }
            other => panic!("expected a method error, got {other:?}"),
        }
    }
}
