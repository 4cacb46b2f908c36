//! What `GET /v1/methods` lists: every method with its parameters, their defaults and ranges,
//! and the limits this server puts on the parameters that set how much work a request is.
//!
//! Defaults are not written here: they are the JSON of each method's default configuration
//! ([`MethodConfig::named`] serialized), so they cannot drift from the engine. Types and ranges
//! are written here (Rust types carry no ranges); the tests check every range against the
//! engine's own `validate()`, and that every parameter the engine serializes is described.

use nutgraf::config::MethodConfig;
use nutgraf::rouge::oracle::Strategy;
use nutgraf::SummarizerConfig;
use serde_json::{json, Map, Value};

/// A bound of a numeric range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    /// No bound on this side.
    None,
    /// The value itself is allowed.
    Inclusive(f64),
    /// Values strictly beyond it only.
    Exclusive(f64),
}

/// The JSON type of a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A floating-point number.
    Number,
    /// A number, or `null` for "off".
    NullableNumber,
    /// A non-negative integer.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// A string.
    String,
    /// An object tagged by `kind`.
    Object,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::NullableNumber => "number|null",
            Kind::Integer => "integer",
            Kind::Boolean => "boolean",
            Kind::String => "string",
            Kind::Object => "object",
        }
    }
}

/// One parameter of one method.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// The method (`textrank`).
    pub method: &'static str,
    /// The parameter, as a path in the configuration (`damping`, `strategy.size`).
    pub name: &'static str,
    /// Its JSON type.
    pub kind: Kind,
    /// The lowest value the engine accepts.
    pub min: Bound,
    /// The highest value the engine accepts.
    pub max: Bound,
    /// The highest value this server accepts, when it caps the work a request may ask for.
    pub server_max: Option<f64>,
    /// The values it takes, for strings with a fixed set.
    pub values: &'static [&'static str],
    /// What it does.
    pub about: &'static str,
}

const fn p(method: &'static str, name: &'static str, kind: Kind, about: &'static str) -> Param {
    Param {
        method,
        name,
        kind,
        min: Bound::None,
        max: Bound::None,
        server_max: None,
        values: &[],
        about,
    }
}

impl Param {
    const fn range(mut self, min: Bound, max: Bound) -> Param {
        self.min = min;
        self.max = max;
        self
    }
    const fn capped(mut self, max: f64) -> Param {
        self.server_max = Some(max);
        self
    }
    const fn one_of(mut self, values: &'static [&'static str]) -> Param {
        self.values = values;
        self
    }
}

use Bound::{Exclusive as Ex, Inclusive as In};

/// The most power-method iterations a request may ask for.
const MAX_ITERATIONS: f64 = 1_000.0;
/// The most sentences compared pairwise, exactly (the engine's default).
const GRAPH_EXACT_LIMIT: f64 = 2_000.0;

/// Every parameter of every method.
#[rustfmt::skip]
pub const PARAMS: &[Param] = &[
    p("textrank", "damping", Kind::Number, "probability of following an edge").range(In(0.0), In(1.0)),
    p("textrank", "tolerance", Kind::Number, "convergence tolerance (L1 change of the ranks)").range(Ex(0.0), Bound::None),
    p("textrank", "max_iterations", Kind::Integer, "iteration cap of the power method").range(In(1.0), Bound::None).capped(MAX_ITERATIONS),
    p("textrank", "graph_exact_limit", Kind::Integer, "up to this many sentences every pair is compared").range(In(0.0), Bound::None).capped(GRAPH_EXACT_LIMIT),
    p("textrank", "posting_window", Kind::Integer, "above the exact limit, neighbours compared per term").range(In(1.0), Bound::None).capped(64.0),
    p("lexrank", "damping", Kind::Number, "probability of following an edge").range(In(0.0), In(1.0)),
    p("lexrank", "tolerance", Kind::Number, "convergence tolerance (L1 change of the ranks)").range(Ex(0.0), Bound::None),
    p("lexrank", "max_iterations", Kind::Integer, "iteration cap of the power method").range(In(1.0), Bound::None).capped(MAX_ITERATIONS),
    p("lexrank", "threshold", Kind::NullableNumber, "null: continuous LexRank; t: an edge where cosine > t").range(In(0.0), Ex(1.0)),
    p("lexrank", "graph_exact_limit", Kind::Integer, "up to this many sentences every pair is compared").range(In(0.0), Bound::None).capped(GRAPH_EXACT_LIMIT),
    p("lexrank", "posting_window", Kind::Integer, "above the exact limit, neighbours compared per term").range(In(1.0), Bound::None).capped(64.0),
    p("lsa", "sigma_ratio", Kind::Number, "keep singular dimensions with sigma >= ratio * max").range(In(0.0), In(1.0)),
    p("lsa", "dense_limit", Kind::Integer, "exact SVD up to this many rows or columns").range(In(0.0), Bound::None).capped(200.0),
    p("lsa", "max_dims", Kind::Integer, "singular dimensions on the randomized path").range(In(1.0), Bound::None).capped(100.0),
    p("lsa", "max_iterations", Kind::Integer, "sweep cap of the eigensolver").range(In(1.0), Bound::None).capped(MAX_ITERATIONS),
    p("lsa", "weighting", Kind::String, "cells: \"smoothed\" (sumy's 0.4 + 0.6 tf/max_tf) or \"tf\" (raw frequencies)").one_of(&["smoothed", "tf"]),
    p("luhn", "min_count", Kind::Integer, "a term is significant from this many occurrences").range(In(1.0), Bound::None),
    p("luhn", "max_gap", Kind::Integer, "insignificant words allowed inside a cluster").range(In(0.0), Bound::None),
    p("centroid", "threshold", Kind::Number, "centroid terms: tf-idf at least this fraction of the largest").range(In(0.0), In(1.0)),
    p("pacsum", "beta", Kind::Number, "edges below min + beta * (max - min) are dropped").range(In(0.0), In(1.0)),
    p("pacsum", "lambda1", Kind::Number, "weight of edges to preceding sentences (finite)"),
    p("pacsum", "lambda2", Kind::Number, "weight of edges to following sentences (finite)"),
    p("pacsum", "graph_exact_limit", Kind::Integer, "up to this many sentences every pair is compared").range(In(0.0), Bound::None).capped(GRAPH_EXACT_LIMIT),
    p("pacsum", "posting_window", Kind::Integer, "above the exact limit, neighbours compared per term").range(In(1.0), Bound::None).capped(64.0),
    p("summarunner", "model", Kind::String, "\"embedded\" (the model in the binary) or the server's --model directory"),
    p("oracle", "strategy", Kind::Object, "search: {\"kind\": \"greedy\"}, {\"kind\": \"beam\", \"size\"} or {\"kind\": \"exhaustive\", \"max_subsets\"}").one_of(&["greedy", "beam", "exhaustive"]),
    p("oracle", "strategy.size", Kind::Integer, "beam width (kind beam)").range(In(1.0), Bound::None).capped(64.0),
    p("oracle", "strategy.max_subsets", Kind::Integer, "refuse an exhaustive search over more subsets (kind exhaustive)").range(In(0.0), Bound::None).capped(Strategy::DEFAULT_MAX_SUBSETS as f64),
    p("oracle", "objective", Kind::String, "what the set maximizes (ROUGE F)").one_of(&["r1", "r2", "rl", "r1+r2", "mean"]),
    p("oracle", "max_sentences", Kind::Integer, "at most this many sentences").range(In(1.0), Bound::None).capped(20.0),
    p("oracle", "stem", Kind::Boolean, "stem as ROUGE-1.5.5 -m"),
];

/// What each method is.
const ABOUT: &[(&str, &str)] = &[
    ("lead", "Lead-k: the first sentences"),
    ("textrank", "TextRank (Mihalcea & Tarau 2004)"),
    ("lexrank", "LexRank (Erkan & Radev 2004)"),
    ("lsa", "LSA (Steinberger & Jezek 2004)"),
    ("luhn", "Luhn (1958)"),
    ("sumbasic", "SumBasic (Nenkova & Vanderwende 2005)"),
    ("klsum", "KL-Sum (Haghighi & Vanderwende 2009)"),
    ("centroid", "Centroid (Radev et al. 2004, MEAD)"),
    ("pacsum", "PacSum (Zheng & Lapata 2019), tf-idf variant"),
    (
        "summarunner",
        "SummaRuNNer (Nallapati et al. 2017), trained by nutgraf",
    ),
    (
        "oracle",
        "the extractive oracle: the set maximizing ROUGE against the reference (needs one)",
    ),
];

/// A method's default parameters, as the engine serializes them (without the `method` tag).
pub fn defaults(name: &str) -> Map<String, Value> {
    let Ok(method) = MethodConfig::named(name) else {
        return Map::new();
    };
    match serde_json::to_value(&method) {
        Ok(Value::Object(mut object)) => {
            object.remove("method");
            object
        }
        _ => Map::new(),
    }
}

/// The value at a dotted `path` of a JSON object.
pub fn lookup<'a>(object: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    let mut parts = path.split('.');
    let mut value = object.get(parts.next()?)?;
    for part in parts {
        value = value.get(part)?;
    }
    Some(value)
}

fn bound(b: Bound) -> Value {
    match b {
        Bound::None => Value::Null,
        Bound::Inclusive(v) | Bound::Exclusive(v) => json!(v),
    }
}

fn describe(param: &Param, defaults: &Map<String, Value>) -> Value {
    let default = match param.name {
        "strategy.size" => json!(Strategy::DEFAULT_BEAM_SIZE),
        "strategy.max_subsets" => json!(Strategy::DEFAULT_MAX_SUBSETS),
        name => lookup(defaults, name).cloned().unwrap_or(Value::Null),
    };
    let mut out = json!({
        "name": param.name,
        "type": param.kind.name(),
        "default": default,
        "description": param.about,
    });
    if param.min != Bound::None || param.max != Bound::None {
        out["minimum"] = bound(param.min);
        out["maximum"] = bound(param.max);
        out["exclusive_minimum"] = json!(matches!(param.min, Bound::Exclusive(_)));
        out["exclusive_maximum"] = json!(matches!(param.max, Bound::Exclusive(_)));
    }
    if let Some(max) = param.server_max {
        out["server_maximum"] = json!(max);
    }
    if !param.values.is_empty() {
        out["values"] = json!(param.values);
    }
    out
}

/// The body of `GET /v1/methods`.
pub fn methods() -> Value {
    let methods: Vec<Value> = MethodConfig::NAMES
        .iter()
        .map(|&name| {
            let defaults = defaults(name);
            let params: Vec<Value> = PARAMS
                .iter()
                .filter(|p| p.method == name)
                .map(|p| describe(p, &defaults))
                .collect();
            let about = ABOUT.iter().find(|(n, _)| *n == name).map_or("", |a| a.1);
            let needs_reference = MethodConfig::named(name).is_ok_and(|m| m.needs_reference());
            json!({
                "name": name,
                "description": about,
                "needs_reference": needs_reference,
                "parameters": params,
            })
        })
        .collect();
    // The fields beside the method's, with the engine's defaults.
    let config = serde_json::to_value(SummarizerConfig::default()).unwrap_or(Value::Null);
    let aliases: serde_json::Map<String, Value> = MethodConfig::ALIASES
        .iter()
        .map(|(alias, method)| (alias.to_string(), json!(method)))
        .collect();
    json!({
        "methods": methods,
        "aliases": aliases,
        "common": {
            "budget": {
                "default": config["budget"],
                "kinds": [
                    {"kind": "sentences", "field": "count", "type": "integer", "minimum": 0},
                    {"kind": "words", "field": "count", "type": "integer", "minimum": 0},
                    {"kind": "bytes", "field": "count", "type": "integer", "minimum": 0},
                    {"kind": "ratio", "field": "ratio", "type": "number", "minimum": 0.0, "maximum": 1.0, "exclusive_minimum": true, "exclusive_maximum": false},
                ],
            },
            "redundancy": {
                "default": config["redundancy"],
                "kinds": [
                    {"kind": "none"},
                    {"kind": "trigram_blocking"},
                    {"kind": "mmr", "field": "lambda", "type": "number", "minimum": 0.0, "maximum": 1.0, "exclusive_minimum": false, "exclusive_maximum": false},
                ],
            },
            "analysis": {"default": config["analysis"]},
            "explain": {"default": config["explain"]},
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `{"method": name, path: value}` as a configuration, validated by the engine.
    fn engine_accepts(method: &str, path: &str, value: Value) -> bool {
        let mut config = json!({"method": method});
        match path.split_once('.') {
            Some(("strategy", field)) => {
                let kind = if field == "size" {
                    "beam"
                } else {
                    "exhaustive"
                };
                config["strategy"] = json!({"kind": kind, field: value});
            }
            _ => config[path] = value,
        }
        SummarizerConfig::from_json(&config.to_string()).is_ok_and(|c| c.validate().is_ok())
    }

    /// A value just past `b` on the outside (`down`: below a minimum).
    fn outside(b: Bound, integer: bool, down: bool) -> Option<f64> {
        let step = |v: f64| {
            if integer {
                1.0
            } else {
                (v.abs() * 1e-9).max(1e-9)
            }
        };
        match b {
            Bound::None => None,
            Bound::Inclusive(v) if down => Some(v - step(v)),
            Bound::Inclusive(v) => Some(v + step(v)),
            Bound::Exclusive(v) => Some(v),
        }
    }

    fn inside(b: Bound, integer: bool, down: bool) -> Option<f64> {
        let step = |v: f64| {
            if integer {
                1.0
            } else {
                (v.abs() * 1e-9).max(1e-9)
            }
        };
        match b {
            Bound::None => None,
            Bound::Inclusive(v) => Some(v),
            Bound::Exclusive(v) if down => Some(v + step(v)),
            Bound::Exclusive(v) => Some(v - step(v)),
        }
    }

    fn number(v: f64, integer: bool) -> Value {
        if integer {
            json!(v as i64)
        } else {
            json!(v)
        }
    }

    #[test]
    fn every_range_is_the_engines() {
        for param in PARAMS {
            let integer = param.kind == Kind::Integer;
            for (bound, down) in [(param.min, true), (param.max, false)] {
                if let Some(v) = inside(bound, integer, down) {
                    assert!(
                        engine_accepts(param.method, param.name, number(v, integer)),
                        "{}.{} = {v} should be accepted",
                        param.method,
                        param.name
                    );
                }
                // A negative integer is refused by the JSON type, which is what `min 0` says.
                if let Some(v) = outside(bound, integer, down) {
                    assert!(
                        !engine_accepts(param.method, param.name, number(v, integer)),
                        "{}.{} = {v} should be refused",
                        param.method,
                        param.name
                    );
                }
            }
        }
    }

    #[test]
    fn every_engine_parameter_is_described_and_nothing_else() {
        for &name in MethodConfig::NAMES {
            let mut engine: Vec<String> = defaults(name).keys().cloned().collect();
            engine.sort();
            let mut listed: Vec<String> = PARAMS
                .iter()
                .filter(|p| p.method == name && !p.name.contains('.'))
                .map(|p| p.name.to_string())
                .collect();
            listed.sort();
            assert_eq!(engine, listed, "parameters of {name}");
        }
        for param in PARAMS {
            assert!(
                MethodConfig::NAMES.contains(&param.method),
                "{}",
                param.method
            );
        }
    }

    #[test]
    fn listed_defaults_are_the_structs_defaults() {
        let listed = methods();
        for method in listed["methods"].as_array().unwrap() {
            let name = method["name"].as_str().unwrap();
            let mut config = Map::new();
            config.insert("method".into(), json!(name));
            for param in method["parameters"].as_array().unwrap() {
                let path = param["name"].as_str().unwrap();
                if !path.contains('.') {
                    config.insert(path.into(), param["default"].clone());
                }
            }
            let parsed = SummarizerConfig::from_json(&Value::Object(config).to_string()).unwrap();
            assert_eq!(parsed.method, MethodConfig::named(name).unwrap(), "{name}");
        }
        let common = &listed["common"];
        let config = json!({
            "budget": common["budget"]["default"],
            "redundancy": common["redundancy"]["default"],
            "analysis": common["analysis"]["default"],
            "explain": common["explain"]["default"],
        });
        assert_eq!(
            SummarizerConfig::from_json(&config.to_string()).unwrap(),
            SummarizerConfig::default()
        );
        // The nested defaults are the engine's constants for a left-out field.
        let beam =
            SummarizerConfig::from_json(r#"{"method": "oracle", "strategy": {"kind": "beam"}}"#)
                .unwrap();
        let MethodConfig::Oracle(o) = beam.method else {
            panic!()
        };
        assert_eq!(
            o.strategy,
            Strategy::Beam {
                size: Strategy::DEFAULT_BEAM_SIZE
            }
        );
    }

    #[test]
    fn server_caps_are_within_the_engines_range_and_above_the_defaults() {
        for param in PARAMS {
            let Some(cap) = param.server_max else {
                continue;
            };
            let default = match param.name {
                "strategy.size" => Strategy::DEFAULT_BEAM_SIZE as f64,
                "strategy.max_subsets" => Strategy::DEFAULT_MAX_SUBSETS as f64,
                name => lookup(&defaults(param.method), name)
                    .and_then(Value::as_f64)
                    .unwrap(),
            };
            assert!(cap >= default, "{}.{}", param.method, param.name);
            assert!(engine_accepts(
                param.method,
                param.name,
                number(cap, param.kind == Kind::Integer)
            ));
        }
    }
}
