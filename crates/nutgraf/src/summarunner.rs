//! Where the SummaRuNNer method's model comes from.

use std::path::PathBuf;
use std::sync::OnceLock;

use nutgraf_summarunner::{ModelError, SummaRuNNer, CONFIG_FILE, VOCAB_FILE, WEIGHTS_FILE};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Parameters of the SummaRuNNer method. As JSON: `{"method": "summarunner", "model":
/// "embedded"}` (or no `model`) for the model compiled into the library, `{"method":
/// "summarunner", "model": "DIR"}` for a model directory (`config.json`, `vocab.json`,
/// `model.safetensors`, as `nutgraf train` writes them).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SummarunnerConfig {
    /// A model directory; `None` for the compiled-in model.
    #[serde(with = "model_source")]
    pub model: Option<PathBuf>,
}

/// `None` is written `"embedded"`, so that outputs say which model made them.
mod model_source {
    use std::path::PathBuf;

    use serde::{Deserialize, Deserializer, Serializer};

    const EMBEDDED: &str = "embedded";

    pub fn serialize<S: Serializer>(model: &Option<PathBuf>, s: S) -> Result<S::Ok, S::Error> {
        match model {
            Some(dir) => s.serialize_str(&dir.to_string_lossy()),
            None => s.serialize_str(EMBEDDED),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PathBuf>, D::Error> {
        Ok(Option::<String>::deserialize(d)?
            .filter(|m| m != EMBEDDED)
            .map(PathBuf::from))
    }
}

/// Loads the model the configuration names. The compiled-in model is parsed once per
/// process and shared (its clones share the weights).
pub(crate) fn load(config: &SummarunnerConfig) -> Result<SummaRuNNer> {
    static EMBEDDED: OnceLock<Option<SummaRuNNer>> = OnceLock::new();
    let failed = |source: ModelError| Error::ModelLoad {
        path: config.model.clone(),
        source,
    };
    match &config.model {
        Some(dir) if dir.is_file() => Err(failed(ModelError::Config(format!(
            "{} is a file; a model is a directory of {CONFIG_FILE}, {VOCAB_FILE} and {WEIGHTS_FILE}",
            dir.display()
        )))),
        Some(dir) => SummaRuNNer::load(dir).map_err(failed),
        None => match EMBEDDED.get_or_init(|| SummaRuNNer::embedded().ok()) {
            Some(model) => Ok(model.clone()),
            // Not cached: load again for the typed error (no model shipped, or a corrupt one).
            None => SummaRuNNer::embedded().map_err(failed),
        },
    }
}
