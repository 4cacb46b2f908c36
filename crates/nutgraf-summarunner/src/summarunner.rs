//! The trained model: loading, saving, scoring.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use candle_core::{DType, Device, Tensor};
use nutgraf_core::Document;

use crate::config::ModelConfig;
use crate::error::{ModelError, Result};
use crate::model::batch::{Batch, Example};
use crate::model::infer::Inference;
use crate::model::net::Params;
use crate::vocab::Vocab;

/// File names of a model directory.
pub const WEIGHTS_FILE: &str = "model.safetensors";
/// Configuration file name.
pub const CONFIG_FILE: &str = "config.json";
/// Vocabulary file name.
pub const VOCAB_FILE: &str = "vocab.json";

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

    /// Loads `dir/{config.json, vocab.json, model.safetensors}`.
    pub fn load(dir: impl AsRef<Path>) -> Result<SummaRuNNer> {
        let dir = dir.as_ref();
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|e| ModelError::io(path, e))
        };
        let (config, vocab, weights) = (read(CONFIG_FILE)?, read(VOCAB_FILE)?, read(WEIGHTS_FILE)?);
        let name = |f: &str| dir.join(f).display().to_string();
        SummaRuNNer::from_named_bytes(
            (&config, &name(CONFIG_FILE)),
            (&vocab, &name(VOCAB_FILE)),
            (&weights, &name(WEIGHTS_FILE)),
        )
    }

    /// A model from the contents of its three files.
    pub fn from_bytes(config: &[u8], vocab: &[u8], weights: &[u8]) -> Result<SummaRuNNer> {
        SummaRuNNer::from_named_bytes(
            (config, CONFIG_FILE),
            (vocab, VOCAB_FILE),
            (weights, WEIGHTS_FILE),
        )
    }

    fn from_named_bytes(
        (config, config_name): (&[u8], &str),
        (vocab, vocab_name): (&[u8], &str),
        (weights, weights_name): (&[u8], &str),
    ) -> Result<SummaRuNNer> {
        let config = parse_config(config, config_name)?;
        let vocab = Vocab::from_json(vocab, vocab_name)?;
        check_vocab(&config, &vocab)?;
        let corrupt = |message: String| ModelError::Corrupt {
            what: weights_name.to_string(),
            message,
        };
        let tensors = candle_core::safetensors::load_buffer(weights, &Device::Cpu)
            .map_err(|e| corrupt(e.to_string()))?;
        let params = params_from_tensors(&config, tensors)?;
        SummaRuNNer::from_parts(params, vocab)
    }

    /// The model compiled into this build from `models/summarunner/` (no file access).
    /// [`ModelError::NotShipped`] when the build had no model.
    pub fn embedded() -> Result<SummaRuNNer> {
        embedded_model()
    }

    /// Writes the three files into `dir` (created if needed).
    pub fn save(&self, dir: impl AsRef<Path>) -> Result<()> {
        let dir = dir.as_ref();
        std::fs::create_dir_all(dir).map_err(|e| ModelError::io(dir, e))?;
        let config = serde_json::to_string_pretty(&self.params.config)
            .map_err(|e| ModelError::Config(e.to_string()))?;
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).map_err(|e| ModelError::io(path, e))
        };
        write(CONFIG_FILE, config.as_bytes())?;
        write(VOCAB_FILE, self.vocab.to_json().as_bytes())?;
        // Write then rename, so that a reader (or the build script) never sees half a file.
        let tmp = dir.join(format!("{WEIGHTS_FILE}.tmp"));
        candle_core::safetensors::save(&self.params.map, &tmp)?;
        std::fs::rename(&tmp, dir.join(WEIGHTS_FILE)).map_err(|e| ModelError::io(dir, e))
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
    pub fn score(&self, doc: &Document) -> Result<Vec<f64>> {
        Ok(self
            .score_batch(std::slice::from_ref(doc))?
            .pop()
            .unwrap_or_default())
    }

    /// [`score`](Self::score) of several documents at once (one tensor batch: faster than one
    /// by one). Callers parallelize over chunks of documents.
    pub fn score_batch(&self, docs: &[Document]) -> Result<Vec<Vec<f64>>> {
        let config = &self.params.config;
        let examples: Vec<Example> = docs
            .iter()
            .map(|d| Example::from_document(d, &self.vocab, config))
            .collect();
        let probs = self.probabilities(&examples)?;
        Ok(docs
            .iter()
            .zip(probs)
            .map(|(doc, mut p)| {
                p.resize(doc.len(), 0.0);
                p
            })
            .collect())
    }

    /// Probabilities of the kept sentences of each example.
    pub(crate) fn probabilities(&self, examples: &[Example]) -> Result<Vec<Vec<f64>>> {
        self.probabilities_with(examples, true)
    }

    /// [`probabilities`](Self::probabilities) through the plain-buffer pass when the model
    /// has one and `fast`, else through the tensor forward pass (the training one).
    pub(crate) fn probabilities_with(
        &self,
        examples: &[Example],
        fast: bool,
    ) -> Result<Vec<Vec<f64>>> {
        let nonempty: Vec<&Example> = examples
            .iter()
            .filter(|e| !e.sentences.is_empty())
            .collect();
        let mut rows = if nonempty.is_empty() {
            Vec::new()
        } else if let Some(inference) = self.fast.as_deref().filter(|_| fast) {
            inference.probabilities(&nonempty)?
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

fn parse_config(bytes: &[u8], what: &str) -> Result<ModelConfig> {
    // Read the version first, so that a future format with other fields says "version".
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ModelError::Corrupt {
            what: what.to_string(),
            message: e.to_string(),
        })?;
    let found = value
        .get("format_version")
        .and_then(serde_json::Value::as_u64);
    if found != Some(u64::from(crate::FORMAT_VERSION)) {
        return Err(ModelError::Version {
            what: what.to_string(),
            found: found.map_or(0, |v| v as u32),
            expected: crate::FORMAT_VERSION,
        });
    }
    let config: ModelConfig = serde_json::from_value(value).map_err(|e| ModelError::Corrupt {
        what: what.to_string(),
        message: e.to_string(),
    })?;
    config.validate()?;
    Ok(config)
}

fn check_vocab(config: &ModelConfig, vocab: &Vocab) -> Result<()> {
    if vocab.len() != config.vocab_size {
        return Err(ModelError::Shape {
            name: "vocab.json".into(),
            expected: vec![config.vocab_size],
            found: vec![vocab.len()],
        });
    }
    Ok(())
}

/// Checks names and shapes against the configuration; f16/bf16 weights are widened to f32.
pub(crate) fn params_from_tensors(
    config: &ModelConfig,
    mut tensors: HashMap<String, Tensor>,
) -> Result<Params> {
    let mut map = HashMap::new();
    for (name, shape) in config.parameter_shapes() {
        let t = tensors
            .remove(&name)
            .ok_or_else(|| ModelError::MissingTensor { name: name.clone() })?;
        if t.dims() != shape.as_slice() {
            return Err(ModelError::Shape {
                name,
                expected: shape,
                found: t.dims().to_vec(),
            });
        }
        map.insert(name, t.to_dtype(DType::F32)?);
    }
    if let Some(extra) = tensors.keys().min() {
        return Err(ModelError::Corrupt {
            what: WEIGHTS_FILE.into(),
            message: format!("unexpected tensor `{extra}` for this configuration"),
        });
    }
    Ok(Params {
        config: config.clone(),
        map,
    })
}

#[cfg(shipped_model)]
fn embedded_model() -> Result<SummaRuNNer> {
    const CONFIG: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../models/summarunner/config.json"
    ));
    const VOCAB: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../models/summarunner/vocab.json"
    ));
    const WEIGHTS: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../models/summarunner/model.safetensors"
    ));
    SummaRuNNer::from_named_bytes(
        (CONFIG, "embedded config.json"),
        (VOCAB, "embedded vocab.json"),
        (WEIGHTS, "embedded model.safetensors"),
    )
}

#[cfg(not(shipped_model))]
fn embedded_model() -> Result<SummaRuNNer> {
    Err(ModelError::NotShipped)
}
