//! Request configurations to the engine's: the same JSON as the CLI's `--config`, parsed and
//! validated by the engine, with the field at fault named in errors, and this server's policy on
//! top (which model a request may use, how much work it may ask for).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use nutgraf::config::MethodConfig;
use nutgraf::oracle::OracleMethodConfig;
use nutgraf::{Summarizer, SummarizerConfig, SummarunnerConfig};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::catalog::{self, PARAMS};
use crate::error::{from_engine, ApiError};

/// The summarizer configuration of a request's `config` (absent: the defaults), checked and with
/// the server's policy applied. Errors name the field under `config`.
pub fn summarizer_config(
    value: Option<&Value>,
    model: Option<&PathBuf>,
) -> Result<SummarizerConfig, ApiError> {
    let Some(value) = value else {
        return Ok(SummarizerConfig::default());
    };
    let mut config = SummarizerConfig::deserialize(value).map_err(|e| {
        let err = ApiError::bad_request("invalid_config", format!("invalid configuration: {e}"));
        match locate(value) {
            Some(field) => err.at(field).under("config"),
            None => err.under("config"),
        }
    })?;
    config
        .validate()
        .map_err(|e| from_engine(&e).under("config"))?;
    if let MethodConfig::Summarunner(c) = &mut config.method {
        let named_embedded = value.get("model").and_then(Value::as_str) == Some("embedded");
        match (&c.model, model) {
            // The server's model, unless the request asks for the compiled-in one by name.
            (None, Some(dir)) if !named_embedded => {
                *c = SummarunnerConfig {
                    model: Some(dir.clone()),
                }
            }
            (None, _) => {}
            (Some(asked), Some(dir)) if asked == dir => {}
            (Some(asked), _) => {
                let allowed = match model {
                    Some(dir) => format!("\"embedded\" or {:?}", dir.display().to_string()),
                    None => "\"embedded\"".to_string(),
                };
                let message = format!(
                    "this server does not load models from request paths ({}): use {allowed}",
                    asked.display()
                );
                return Err(ApiError::bad_request("invalid_config", message).at("config.model"));
            }
        }
    }
    check_limits(config.method.name(), &config.method)?;
    Ok(config)
}

/// The oracle configuration of a request's `config` (absent: the defaults).
pub fn oracle_config(value: Option<&Value>) -> Result<OracleMethodConfig, ApiError> {
    let Some(value) = value else {
        return Ok(OracleMethodConfig::default());
    };
    let config: OracleMethodConfig = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let err = ApiError::bad_request(
            "invalid_config",
            format!("invalid oracle configuration: {}", e.inner()),
        );
        match path.as_str() {
            "." => err
                .or_at(top_field(value, &e.inner().to_string()))
                .under("config"),
            _ => err.at(path).under("config"),
        }
    })?;
    nutgraf::oracle::Oracle::new(config.clone()).map_err(|e| from_engine(&e).under("config"))?;
    check_limits("oracle", &MethodConfig::Oracle(config.clone()))?;
    Ok(config)
}

/// For an unknown field at the top, serde's message names it in backquotes.
fn top_field(value: &Value, message: &str) -> String {
    value
        .as_object()
        .and_then(|o| {
            o.keys()
                .find(|k| message.contains(&format!("`{k}`")))
                .cloned()
        })
        .unwrap_or_default()
}

/// The field of a configuration that the engine refuses: each field is tried alone with the
/// method, so that the answer comes from the engine's own parsing, not from its message.
fn locate(value: &Value) -> Option<String> {
    let object = value.as_object()?;
    let method = object.get("method");
    let accepts = |key: Option<(&String, &Value)>| {
        let mut probe = Map::new();
        if let Some(m) = method {
            probe.insert("method".into(), m.clone());
        }
        if let Some((k, v)) = key {
            probe.insert(k.clone(), v.clone());
        }
        SummarizerConfig::deserialize(&Value::Object(probe)).is_ok()
    };
    if !accepts(None) {
        return Some("method".into());
    }
    object
        .iter()
        .filter(|(k, _)| *k != "method")
        .find(|&(k, v)| !accepts(Some((k, v))))
        .map(|(k, _)| k.clone())
}

/// Refuses parameters above this server's caps (see [`catalog::PARAMS`]).
fn check_limits(name: &str, method: &MethodConfig) -> Result<(), ApiError> {
    let Ok(Value::Object(params)) = serde_json::to_value(method) else {
        return Ok(());
    };
    for param in PARAMS.iter().filter(|p| p.method == name) {
        let (Some(cap), Some(value)) = (
            param.server_max,
            catalog::lookup(&params, param.name).and_then(Value::as_f64),
        ) else {
            continue;
        };
        if value > cap {
            return Err(ApiError::bad_request(
                "invalid_config",
                format!(
                    "invalid {}: {value} (this server accepts at most {cap})",
                    param.name
                ),
            )
            .at(format!("config.{}", param.name)));
        }
    }
    Ok(())
}

/// Built summarizers by configuration, so that a request does not rebuild (or reload a model
/// for) a configuration seen before. Bounded: emptied when full.
#[derive(Debug, Default)]
pub struct Cache {
    built: Mutex<HashMap<String, Summarizer>>,
}

/// At most this many configurations are kept.
const CACHE_SIZE: usize = 256;

impl Cache {
    /// The summarizer of `config`, built once.
    pub fn summarizer(&self, config: &SummarizerConfig) -> Result<Summarizer, ApiError> {
        let key = config.to_json();
        if let Some(s) = self.lock().get(&key) {
            return Ok(s.clone());
        }
        let built = Summarizer::from_config(config).map_err(|e| from_engine(&e).under("config"))?;
        let mut map = self.lock();
        if map.len() >= CACHE_SIZE {
            map.clear();
        }
        map.insert(key, built.clone());
        Ok(built)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Summarizer>> {
        // A panic while holding the lock leaves a map that is still valid.
        self.built.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn field(config: Value) -> Option<String> {
        summarizer_config(Some(&config), None).unwrap_err().field
    }

    #[test]
    fn errors_name_the_field() {
        assert_eq!(
            field(json!({"method": "textrank", "damping": 2})).as_deref(),
            Some("config.damping")
        );
        assert_eq!(
            field(json!({"method": "textrank", "dampng": 0.5})).as_deref(),
            Some("config.dampng")
        );
        assert_eq!(
            field(json!({"method": "nope"})).as_deref(),
            Some("config.method")
        );
        assert_eq!(
            field(json!({"budget": {"kind": "sentence", "count": 2}})).as_deref(),
            Some("config.budget")
        );
        assert_eq!(
            field(json!({"budget": {"kind": "ratio", "ratio": 2.0}})).as_deref(),
            Some("config.budget")
        );
        assert_eq!(
            field(json!({"redundancy": {"kind": "mmr", "lambda": 3}})).as_deref(),
            Some("config.redundancy")
        );
        assert_eq!(field(json!([1, 2])).as_deref(), Some("config"));
        assert_eq!(
            field(json!({"method": "textrank", "max_iterations": 1000000})).as_deref(),
            Some("config.max_iterations")
        );
        assert_eq!(
            field(json!({"method": "summarunner", "model": "/etc"})).as_deref(),
            Some("config.model")
        );
    }

    #[test]
    fn oracle_errors_name_the_field() {
        let f = |v: Value| oracle_config(Some(&v)).unwrap_err().field;
        assert_eq!(
            f(json!({"max_sentences": 0})).as_deref(),
            Some("config.max_sentences")
        );
        assert_eq!(f(json!({"nope": 1})).as_deref(), Some("config.nope"));
        assert_eq!(
            f(json!({"strategy": {"kind": "beam", "size": 0}})).as_deref(),
            Some("config.strategy.size")
        );
        assert_eq!(
            f(json!({"max_sentences": 500})).as_deref(),
            Some("config.max_sentences")
        );
    }

    #[test]
    fn the_servers_model_is_the_default_summarunner() {
        let dir = PathBuf::from("/models/x");
        let c = summarizer_config(Some(&json!({"method": "summarunner"})), Some(&dir)).unwrap();
        assert_eq!(
            c.method,
            MethodConfig::Summarunner(SummarunnerConfig {
                model: Some(dir.clone())
            })
        );
        let c = summarizer_config(
            Some(&json!({"method": "summarunner", "model": "embedded"})),
            Some(&dir),
        )
        .unwrap();
        assert_eq!(
            c.method,
            MethodConfig::Summarunner(SummarunnerConfig { model: None })
        );
    }
}
