//! Packing documents into one batch of tensors.
//!
//! All sentences of all documents of a batch form one `[N, L]` matrix of word ids (padded with
//! `<pad>` to the longest sentence), so the word-level encoder runs once per batch. A gather
//! index then lays the `N` sentence vectors out as `[B, S]` (documents × sentences, a zero row
//! for padding) for the sentence-level GRU.

use std::collections::HashMap;

use candle_core::{Device, Tensor};

use crate::config::ModelConfig;
use crate::error::Result;
use crate::vocab::{Vocab, PAD};

/// One document as the model sees it: word ids per sentence, truncated.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Word ids of the first `max_sentences` sentences, each cut to `max_words` (never empty).
    pub sentences: Vec<Vec<u32>>,
    /// Sentence count of the whole document (relative positions use it).
    pub doc_sentences: usize,
    /// 0/1 labels of the kept sentences (empty when unlabelled).
    pub labels: Vec<f32>,
}

impl Example {
    /// Encodes the sentences of `doc` (no labels).
    pub fn from_document(
        doc: &nutgraf_core::Document,
        vocab: &Vocab,
        config: &ModelConfig,
    ) -> Example {
        Example {
            sentences: doc
                .sentence_texts()
                .take(config.max_sentences)
                .map(|s| vocab.encode(s, config.max_words))
                .collect(),
            doc_sentences: doc.len(),
            labels: Vec::new(),
        }
    }
}

/// Tensors of a batch of non-empty examples.
pub(crate) struct Batch {
    /// `[U]` the distinct word ids of the batch (`<pad>` first). The forward pass gathers
    /// their embeddings once and works with batch-local ids: the gradient of each per-step
    /// lookup is then `[U, E]`, not `[V, E]`.
    pub uniq: Tensor,
    /// `L` tensors `[N]`: batch-local word ids at each step.
    pub word_steps: Vec<Tensor>,
    /// `[N * L]` batch-local word ids, row-major.
    pub local_tokens: Tensor,
    /// `S` tensors `[B]`: row of each document's sentence at each step (`N` = zero row).
    pub sent_steps: Vec<Tensor>,
    /// `[N, L]` word ids.
    #[cfg_attr(not(test), allow(dead_code))]
    pub tokens: Tensor,
    /// `[N, L, 1]` 1 for a word, 0 for padding.
    pub word_mask: Tensor,
    /// `[L, N, 1]` the same, time-major (for the GRU loop).
    pub word_mask_t: Tensor,
    /// `[N, 1]` words per sentence.
    pub word_len: Tensor,
    #[cfg_attr(not(test), allow(dead_code))]
    /// `[B * S]` row of each (document, sentence) slot in the `N + 1` sentence vectors (`N` =
    /// the zero row).
    pub gather: Tensor,
    /// `[B, S, 1]` 1 for a sentence, 0 for padding.
    pub sent_mask: Tensor,
    /// `[S, B, 1]` the same, time-major.
    pub sent_mask_t: Tensor,
    /// `[B, 1]` sentences per document.
    pub sent_len: Tensor,
    /// `[B * S]` absolute position ids.
    pub abs_pos: Tensor,
    /// `[B * S]` relative position (segment) ids.
    pub rel_pos: Tensor,
    /// `[B, S]` labels, when every example has them.
    pub labels: Option<Tensor>,
    /// Sentences of each document.
    pub counts: Vec<usize>,
    /// Longest sentence.
    pub max_len: usize,
    /// Most sentences.
    pub max_sents: usize,
}

impl Batch {
    /// Packs `examples` (each with at least one sentence).
    pub(crate) fn new(examples: &[&Example], config: &ModelConfig) -> Result<Batch> {
        let dev = &Device::Cpu;
        let counts: Vec<usize> = examples.iter().map(|e| e.sentences.len()).collect();
        let n: usize = counts.iter().sum();
        let b = examples.len();
        let s = counts.iter().copied().max().unwrap_or(0);
        let l = examples
            .iter()
            .flat_map(|e| e.sentences.iter().map(Vec::len))
            .max()
            .unwrap_or(0);
        let mut tokens = vec![PAD; n * l];
        let mut mask = vec![0f32; n * l];
        let mut mask_t = vec![0f32; n * l];
        let mut len = Vec::with_capacity(n);
        for (row, sent) in examples.iter().flat_map(|e| e.sentences.iter()).enumerate() {
            for (t, &id) in sent.iter().enumerate() {
                tokens[row * l + t] = id;
                mask[row * l + t] = 1.0;
                mask_t[t * n + row] = 1.0;
            }
            len.push(sent.len().max(1) as f32);
        }
        let mut gather = vec![n as u32; b * s];
        let mut smask = vec![0f32; b * s];
        let mut smask_t = vec![0f32; b * s];
        let mut abs_pos = vec![0u32; b * s];
        let mut rel_pos = vec![0u32; b * s];
        let mut labels = vec![0f32; b * s];
        let has_labels = examples.iter().all(|e| e.labels.len() == e.sentences.len());
        let mut row = 0u32;
        for (d, e) in examples.iter().enumerate() {
            let total = e.doc_sentences.max(e.sentences.len()).max(1);
            for j in 0..e.sentences.len() {
                let k = d * s + j;
                gather[k] = row;
                row += 1;
                smask[k] = 1.0;
                smask_t[j * b + d] = 1.0;
                abs_pos[k] = j.min(config.max_positions - 1) as u32;
                // Segment of the document the sentence falls in (the paper divides the
                // document into a fixed number of segments).
                rel_pos[k] =
                    (j * config.relative_buckets / total).min(config.relative_buckets - 1) as u32;
                if has_labels {
                    labels[k] = e.labels[j];
                }
            }
        }
        let sent_len: Vec<f32> = counts.iter().map(|&c| c.max(1) as f32).collect();
        let mut local_of: HashMap<u32, u32> = HashMap::from([(PAD, 0)]);
        let mut uniq = vec![PAD];
        let local: Vec<u32> = tokens
            .iter()
            .map(|&id| {
                *local_of.entry(id).or_insert_with(|| {
                    uniq.push(id);
                    uniq.len() as u32 - 1
                })
            })
            .collect();
        let word_steps = (0..l)
            .map(|t| {
                Tensor::from_vec(
                    (0..n).map(|r| local[r * l + t]).collect::<Vec<u32>>(),
                    n,
                    dev,
                )
            })
            .collect::<candle_core::Result<_>>()?;
        let sent_steps = (0..s)
            .map(|j| {
                Tensor::from_vec(
                    (0..b).map(|d| gather[d * s + j]).collect::<Vec<u32>>(),
                    b,
                    dev,
                )
            })
            .collect::<candle_core::Result<_>>()?;
        let u = uniq.len();
        Ok(Batch {
            uniq: Tensor::from_vec(uniq, u, dev)?,
            word_steps,
            local_tokens: Tensor::from_vec(local, n * l, dev)?,
            sent_steps,
            tokens: Tensor::from_vec(tokens, (n, l), dev)?,
            word_mask: Tensor::from_vec(mask, (n, l, 1), dev)?,
            word_mask_t: Tensor::from_vec(mask_t, (l, n, 1), dev)?,
            word_len: Tensor::from_vec(len, (n, 1), dev)?,
            gather: Tensor::from_vec(gather, b * s, dev)?,
            sent_mask: Tensor::from_vec(smask, (b, s, 1), dev)?,
            sent_mask_t: Tensor::from_vec(smask_t, (s, b, 1), dev)?,
            sent_len: Tensor::from_vec(sent_len, (b, 1), dev)?,
            abs_pos: Tensor::from_vec(abs_pos, b * s, dev)?,
            rel_pos: Tensor::from_vec(rel_pos, b * s, dev)?,
            labels: if has_labels {
                Some(Tensor::from_vec(labels, (b, s), dev)?)
            } else {
                None
            },
            counts,
            max_len: l,
            max_sents: s,
        })
    }
}
