//! The on-disk format: loading (with every check a corrupt or foreign file needs) and saving.

use std::collections::HashMap;
use std::path::Path;

use candle_core::{DType, Device, Tensor};

use crate::config::ModelConfig;
use crate::error::{ModelError, Result};
use crate::model::net::Params;
use crate::summarunner::{check_vocab, SummaRuNNer};
use crate::vocab::Vocab;

/// File names of a model directory.
pub const WEIGHTS_FILE: &str = "model.safetensors";
/// Configuration file name.
pub const CONFIG_FILE: &str = "config.json";
/// Vocabulary file name.
pub const VOCAB_FILE: &str = "vocab.json";

impl SummaRuNNer {
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
        let config = serde_json::to_string_pretty(&self.params().config)
            .map_err(|e| ModelError::Config(e.to_string()))?;
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).map_err(|e| ModelError::io(path, e))
        };
        write(CONFIG_FILE, config.as_bytes())?;
        write(VOCAB_FILE, self.vocab().to_json().as_bytes())?;
        // Write then rename, so that a reader (or the build script) never sees half a file.
        let tmp = dir.join(format!("{WEIGHTS_FILE}.tmp"));
        candle_core::safetensors::save(&self.params().map, &tmp)?;
        std::fs::rename(&tmp, dir.join(WEIGHTS_FILE)).map_err(|e| ModelError::io(dir, e))
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

/// Checks names, shapes and values against the configuration; f16/bf16 weights are widened
/// to f32. A NaN or infinite weight is an error: such a model would load and score every
/// sentence NaN, and the failure would surface far from its cause.
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
        let t = t.to_dtype(DType::F32)?;
        let count = non_finite(&t)?;
        if count > 0 {
            return Err(ModelError::NonFinite {
                tensor: name,
                count,
            });
        }
        map.insert(name, t);
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

/// How many values of `t` are NaN or infinite.
fn non_finite(t: &Tensor) -> Result<usize> {
    let values = t.flatten_all()?.to_vec1::<f32>()?;
    Ok(values.iter().filter(|x| !x.is_finite()).count())
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
