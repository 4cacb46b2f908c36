//! Where the SummaRuNNer method's model comes from.

use std::path::PathBuf;
use std::sync::OnceLock;

use nutgraf_summarunner::SummaRuNNer;
use serde::{Deserialize, Serialize};

use crate::error::Result;

/// Parameters of the SummaRuNNer method. As JSON: `{"method": "summarunner"}` for the model
/// compiled into the library, `{"method": "summarunner", "model": "DIR"}` for a model
/// directory (`config.json`, `vocab.json`, `model.safetensors`, as `nutgraf train` writes).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SummarunnerConfig {
    /// A model directory; `None` for the compiled-in model.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<PathBuf>,
}

/// Loads the model the configuration names. The compiled-in model is parsed once per
/// process and shared (its clones share the weights).
pub(crate) fn load(config: &SummarunnerConfig) -> Result<SummaRuNNer> {
    static EMBEDDED: OnceLock<Option<SummaRuNNer>> = OnceLock::new();
    match &config.model {
        Some(dir) => Ok(SummaRuNNer::load(dir)?),
        None => match EMBEDDED.get_or_init(|| SummaRuNNer::embedded().ok()) {
            Some(model) => Ok(model.clone()),
            // Not cached: load again for the typed error (no model shipped, or a corrupt one).
            None => Ok(SummaRuNNer::embedded()?),
        },
    }
}
