//! The trained model and its inference: probabilities, batched and in parallel, and the
//! terms of each logit.

use std::sync::Arc;

use candle_core::DType;
use nutgraf_core::Document;
use rayon::prelude::*;

use crate::config::ModelConfig;
use crate::error::{ModelError, Result};
use crate::model::batch::{Batch, Example};
use crate::model::infer::{Inference, LogitTerms};
use crate::model::net::Params;
use crate::vocab::Vocab;

/// A SummaRuNNer model ready for inference. Immutable, `Send + Sync` and cheap to clone
/// (weights are shared): share one across threads.
#[derive(Debug, Clone)]
pub struct SummaRuNNer {
    params: Arc<Params>,
    vocab: Arc<Vocab>,
    /// The inference pass on plain buffers (RNN_RNN only; `None`: the tensor path).
    fast: Option<Arc<Inference>>,
}

impl SummaRuNNer {
    pub(crate) fn from_parts(params: Params, vocab: Vocab) -> Result<SummaRuNNer> {
        let fast = Inference::new(&params)?.map(Arc::new);
        Ok(SummaRuNNer {
            params: Arc::new(params),
            vocab: Arc::new(vocab),
            fast,
        })
    }

    /// A model with fresh random weights (for tests and as a training start).
    pub fn random(config: &ModelConfig, vocab: Vocab, seed: u64) -> Result<SummaRuNNer> {
        check_vocab(config, &vocab)?;
        SummaRuNNer::from_parts(Params::init(config, seed)?, vocab)
    }

    /// The configuration.
    pub fn config(&self) -> &ModelConfig {
        &self.params.config
    }

    /// The vocabulary.
    pub fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// Whether scoring uses the plain-buffer inference pass.
    #[cfg(test)]
    pub(crate) fn has_fast_path(&self) -> bool {
        self.fast.is_some()
    }

    pub(crate) fn params(&self) -> &Params {
        &self.params
    }

    /// P(sentence in summary) for every sentence of `doc`, in document order: finite, in
    /// [0, 1], deterministic. Sentences past `max_sentences` get 0; an empty document gives
    /// an empty vector.
    ///
    /// This is the inherent method; the [`Method`](nutgraf_core::methods::Method) one, which
    /// takes an `Input` and can explain, is called as `Method::score(&model, &input)`.
    pub fn score(&self, doc: &Document) -> Result<Vec<f64>> {
        Ok(self
            .score_batch(std::slice::from_ref(doc))?
            .pop()
            .unwrap_or_default())
    }

    /// [`score`](Self::score) of several documents at once, in their order: one batch, faster
    /// than one by one, and the same numbers as one by one up to float rounding (the products
    /// of a batch sum in another order). See [`score_all`](Self::score_all) for a corpus.
    pub fn score_batch<'a>(
        &self,
        docs: impl IntoIterator<Item = &'a Document>,
    ) -> Result<Vec<Vec<f64>>> {
        let config = &self.params.config;
        let (lens, examples): (Vec<usize>, Vec<Example>) = docs
            .into_iter()
            .map(|d| (d.len(), Example::from_document(d, &self.vocab, config)))
            .unzip();
        let probs = self.probabilities_with(&examples, true, None)?;
        Ok(lens
            .into_iter()
            .zip(probs)
            .map(|(len, mut p)| {
                p.resize(len, 0.0);
                p
            })
            .collect())
    }

    /// [`score`](Self::score) of a corpus, in input order: batches of `chunk` documents of
    /// similar length (little padding), scored in parallel on the current rayon pool (install
    /// one to choose the threads). Deterministic: the batches, hence the numbers, depend on
    /// the documents and `chunk` only, not on the number of threads.
    pub fn score_all(&self, docs: &[Document], chunk: usize) -> Result<Vec<Vec<f64>>> {
        let mut order: Vec<usize> = (0..docs.len()).collect();
        order.sort_by_key(|&i| (docs[i].len(), i));
        let chunks: Vec<Vec<Vec<f64>>> = order
            .par_chunks(chunk.max(1))
            .map(|c| self.score_batch(c.iter().map(|&i| &docs[i])))
            .collect::<Result<_>>()?;
        let mut out = vec![Vec::new(); docs.len()];
        for (&i, scores) in order.iter().zip(chunks.into_iter().flatten()) {
            out[i] = scores;
        }
        Ok(out)
    }

    /// [`score`](Self::score) with the terms of each scored sentence's logit (the first
    /// `max_sentences`; the probabilities cover every sentence). `None` for the variants
    /// without the plain-buffer pass (CNN_RNN, AttnRNN), whose terms live inside the tensor
    /// forward pass.
    pub(crate) fn score_with_terms(
        &self,
        doc: &Document,
    ) -> Result<Option<(Vec<f64>, Vec<LogitTerms>)>> {
        if self.fast.is_none() {
            return Ok(None);
        }
        let example = Example::from_document(doc, &self.vocab, &self.params.config);
        let mut terms = Vec::new();
        let mut probs =
            self.probabilities_with(std::slice::from_ref(&example), true, Some(&mut terms))?;
        let mut probs = probs.pop().unwrap_or_default();
        probs.resize(doc.len(), 0.0);
        Ok(Some((probs, terms.pop().unwrap_or_default())))
    }

    /// Probabilities of the kept sentences of each example: through the plain-buffer pass
    /// when the model has one and `fast`, else through the tensor forward pass (the training
    /// one). `terms` (plain-buffer pass only) receives the logit terms of each non-empty
    /// example.
    pub(crate) fn probabilities_with(
        &self,
        examples: &[Example],
        fast: bool,
        terms: Option<&mut Vec<Vec<LogitTerms>>>,
    ) -> Result<Vec<Vec<f64>>> {
        let nonempty: Vec<&Example> = examples
            .iter()
            .filter(|e| !e.sentences.is_empty())
            .collect();
        let mut rows = if nonempty.is_empty() {
            Vec::new()
        } else if let Some(inference) = self.fast.as_deref().filter(|_| fast) {
            inference.probabilities(&nonempty, terms)?
        } else {
            let batch = Batch::new(&nonempty, &self.params.config)?;
            let probs = candle_nn::ops::sigmoid(&self.params.forward(&batch, None)?)?;
            probs.to_dtype(DType::F64)?.to_vec2::<f64>()?
        }
        .into_iter();
        Ok(examples
            .iter()
            .map(|e| match e.sentences.len() {
                0 => Vec::new(),
                n => rows
                    .next()
                    .map(|mut r| {
                        r.truncate(n);
                        r
                    })
                    .unwrap_or_default(),
            })
            .collect())
    }
}

pub(crate) fn check_vocab(config: &ModelConfig, vocab: &Vocab) -> Result<()> {
    if vocab.len() != config.vocab_size {
        return Err(ModelError::Shape {
            name: "vocab.json".into(),
            expected: vec![config.vocab_size],
            found: vec![vocab.len()],
        });
    }
    Ok(())
}
