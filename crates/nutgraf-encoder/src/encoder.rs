//! Loading the model files and embedding sentences.

use std::path::Path;

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use rayon::prelude::*;
use tokenizers::{Tokenizer, TruncationParams};

use crate::error::{EncoderError, Result};

/// How sentences are cut and batched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EncoderOptions {
    /// Tokens kept per sentence, `[CLS]` and `[SEP]` included (sentence-transformers keeps 256
    /// for all-MiniLM-L6-v2; fewer is faster and changes only longer sentences).
    pub max_tokens: usize,
    /// Sentences per forward pass.
    pub batch_size: usize,
}

impl Default for EncoderOptions {
    fn default() -> EncoderOptions {
        EncoderOptions {
            max_tokens: 256,
            batch_size: 32,
        }
    }
}

/// A loaded encoder: tokenizer and transformer weights (kept in f32 on the CPU).
pub struct Encoder {
    model: BertModel,
    tokenizer: Tokenizer,
    dim: usize,
    options: EncoderOptions,
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder")
            .field("dim", &self.dim)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| EncoderError::Io {
        path: path.to_path_buf(),
        source,
    })
}

impl Encoder {
    /// Loads `dir/config.json`, `dir/model.safetensors` (f32 or f16) and `dir/tokenizer.json`,
    /// the layout of a sentence-transformers model directory.
    pub fn load(dir: &Path, options: EncoderOptions) -> Result<Encoder> {
        let config = read(&dir.join("config.json"))?;
        let weights = read(&dir.join("model.safetensors"))?;
        let tokenizer = read(&dir.join("tokenizer.json"))?;
        let name = |file: &str| dir.join(file).display().to_string();
        Encoder::from_bytes(
            (&config, &name("config.json")),
            (&weights, &name("model.safetensors")),
            (&tokenizer, &name("tokenizer.json")),
            options,
        )
    }

    /// The same from the files' bytes, each with the name its errors give it.
    pub fn from_bytes(
        config: (&[u8], &str),
        weights: (&[u8], &str),
        tokenizer: (&[u8], &str),
        options: EncoderOptions,
    ) -> Result<Encoder> {
        let invalid = |what: &str, message: String| EncoderError::Invalid {
            what: what.to_string(),
            message,
        };
        if options.max_tokens < 2 || options.batch_size == 0 {
            return Err(invalid(
                "options",
                format!("max_tokens must be at least 2 and batch_size at least 1, got {options:?}"),
            ));
        }
        let bert: Config =
            serde_json::from_slice(config.0).map_err(|e| invalid(config.1, e.to_string()))?;
        let tensors = candle_core::safetensors::load_buffer(weights.0, &Device::Cpu)
            .map_err(|e| invalid(weights.1, e.to_string()))?;
        // f16 weights are widened to f32 as the model takes each one.
        let vb = VarBuilder::from_tensors(tensors, DType::F32, &Device::Cpu);
        let model = BertModel::load(vb, &bert)
            .map_err(|e| invalid(weights.1, format!("does not fit {}: {e}", config.1)))?;
        let mut tokenizer =
            Tokenizer::from_bytes(tokenizer.0).map_err(|e| invalid(tokenizer.1, e.to_string()))?;
        // The packaged file pads every input to 128 tokens; `embed` pads each batch to its
        // longest sentence instead.
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: options.max_tokens,
                ..TruncationParams::default()
            }))
            .map_err(|e| invalid("options", e.to_string()))?;
        Ok(Encoder {
            model,
            tokenizer,
            dim: bert.hidden_size,
            options,
        })
    }

    /// The embedding size.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// The options it was loaded with.
    pub fn options(&self) -> EncoderOptions {
        self.options
    }

    /// Tokens of `text` as the encoder sees it (`[CLS]` and `[SEP]` included, cut at
    /// `max_tokens`).
    pub fn token_count(&self, text: &str) -> Result<usize> {
        self.tokenizer
            .encode(text, true)
            .map(|e| e.len())
            .map_err(|e| EncoderError::Tokenizer(e.to_string()))
    }

    /// One unit-length embedding per sentence, in input order. An empty sentence embeds as
    /// `[CLS] [SEP]` does.
    pub fn embed<S: AsRef<str>>(&self, sentences: &[S]) -> Result<Vec<Vec<f32>>> {
        let ids: Vec<Vec<u32>> = sentences
            .iter()
            .map(|t| {
                self.tokenizer
                    .encode(t.as_ref(), true)
                    .map(|e| e.get_ids().to_vec())
            })
            .collect::<tokenizers::Result<_>>()
            .map_err(|e| EncoderError::Tokenizer(e.to_string()))?;
        // Batches of sentences of similar length, so that little padding is computed.
        let mut order: Vec<usize> = (0..ids.len()).collect();
        order.sort_by_key(|&i| (ids[i].len(), i));
        // Batches run side by side on the rayon pool: the matrix products of one batch of
        // short sentences are too small for candle to spread over the cores by itself. Each
        // batch is computed alone, so the result does not depend on the thread count.
        let chunks: Vec<&[usize]> = order.chunks(self.options.batch_size).collect();
        let embedded = chunks
            .par_iter()
            .map(|chunk| {
                let batch: Vec<&[u32]> = chunk.iter().map(|&i| ids[i].as_slice()).collect();
                self.embed_batch(&batch)
            })
            .collect::<Result<Vec<_>>>()?;
        let mut out = vec![Vec::new(); ids.len()];
        for (chunk, vectors) in chunks.iter().zip(embedded) {
            for (&i, v) in chunk.iter().zip(vectors) {
                out[i] = v;
            }
        }
        Ok(out)
    }

    /// Embeddings of token sequences, padded to the longest (pad id 0, masked out).
    fn embed_batch(&self, batch: &[&[u32]]) -> Result<Vec<Vec<f32>>> {
        let rows = batch.len();
        let width = batch.iter().map(|t| t.len()).max().unwrap_or(0);
        let mut ids = Vec::with_capacity(rows * width);
        let mut mask = Vec::with_capacity(rows * width);
        for tokens in batch {
            ids.extend_from_slice(tokens);
            ids.resize(ids.len() + width - tokens.len(), 0);
            mask.extend(std::iter::repeat_n(1u32, tokens.len()));
            mask.resize(mask.len() + width - tokens.len(), 0);
        }
        let ids = Tensor::from_vec(ids, (rows, width), &Device::Cpu)?;
        let mask = Tensor::from_vec(mask, (rows, width), &Device::Cpu)?;
        let types = ids.zeros_like()?;
        let hidden = self.model.forward(&ids, &types, Some(&mask))?;
        // Mean over the real tokens, then unit length (sentence-transformers' Pooling and
        // Normalize modules).
        let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
        let counts = mask.sum(1)?;
        let mean = summed.broadcast_div(&counts)?;
        let norm = mean.sqr()?.sum_keepdim(1)?.sqrt()?.maximum(1e-12)?;
        Ok(mean.broadcast_div(&norm)?.to_vec2::<f32>()?)
    }
}
