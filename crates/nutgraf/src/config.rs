//! Configuration as data: [`MethodConfig`] (one tagged variant per method, with its own
//! parameters) and [`SummarizerConfig`] (a method, a budget, redundancy control, analysis).
//!
//! The JSON of a summarizer configuration is flat: the method's tag and parameters, beside
//! `budget`, `redundancy`, `analysis` and `explain`, every field optional:
//!
//! ```json
//! {"method": "textrank", "damping": 0.85, "budget": {"kind": "sentences", "count": 3},
//!  "redundancy": {"kind": "trigram_blocking"}, "analysis": {"stem": true, "stopwords": true}}
//! ```
//!
//! Unknown fields are refused, naming the field. Every enum of the configuration is
//! internally tagged: by `"method"` for the method (it sits at the top level), by `"kind"`
//! everywhere else (budget, redundancy, oracle strategy, ROUGE length limit).

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use nutgraf_core::analysis::AnalyzerOptions;
use nutgraf_core::methods::{
    CentroidConfig, KlSumConfig, LeadConfig, LexRankConfig, LsaConfig, LuhnConfig, PacSumConfig,
    SumBasicConfig, TextRankConfig,
};
use nutgraf_core::select::Redundancy;
use nutgraf_core::Budget;

use crate::error::{Error, Result};
use crate::oracle::OracleMethodConfig;
use crate::summarunner::SummarunnerConfig;

/// A method and its parameters. As JSON: `{"method": "lexrank", "threshold": 0.1}`; missing
/// parameters take their defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method")]
#[non_exhaustive]
pub enum MethodConfig {
    /// Lead-k: the first sentences.
    #[serde(rename = "lead")]
    Lead(LeadConfig),
    /// TextRank (Mihalcea & Tarau 2004).
    #[serde(rename = "textrank")]
    TextRank(TextRankConfig),
    /// LexRank (Erkan & Radev 2004).
    #[serde(rename = "lexrank")]
    LexRank(LexRankConfig),
    /// LSA (Steinberger & Ježek 2004).
    #[serde(rename = "lsa")]
    Lsa(LsaConfig),
    /// Luhn (1958).
    #[serde(rename = "luhn")]
    Luhn(LuhnConfig),
    /// SumBasic (Nenkova & Vanderwende 2005).
    #[serde(rename = "sumbasic")]
    SumBasic(SumBasicConfig),
    /// KL-Sum (Haghighi & Vanderwende 2009).
    #[serde(rename = "klsum")]
    KlSum(KlSumConfig),
    /// Centroid (Radev et al. 2004, MEAD).
    #[serde(rename = "centroid")]
    Centroid(CentroidConfig),
    /// PacSum (Zheng & Lapata 2019), tf-idf variant.
    #[serde(rename = "pacsum")]
    PacSum(PacSumConfig),
    /// SummaRuNNer (Nallapati et al. 2017), trained by nutgraf. Also read as `"best"` (see
    /// [`MethodConfig::ALIASES`]).
    #[serde(rename = "summarunner", alias = "best")]
    Summarunner(SummarunnerConfig),
    /// The extractive oracle: the sentences that maximize ROUGE against the document's
    /// reference (an upper bound; needs references).
    #[serde(rename = "oracle")]
    Oracle(OracleMethodConfig),
    /// A method given to [`crate::SummarizerBuilder::custom_method`]: reported in outputs,
    /// but it cannot be built from a configuration.
    #[serde(rename = "custom", skip_deserializing)]
    Custom(CustomMethod),
}

/// How a user's own method appears in a configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomMethod {
    /// The method's name ([`nutgraf_core::methods::Method::name`]).
    pub name: String,
}

impl Default for MethodConfig {
    fn default() -> MethodConfig {
        MethodConfig::Lead(LeadConfig::default())
    }
}

impl MethodConfig {
    /// Every method name a configuration accepts, in the order tools list them.
    pub const NAMES: &'static [&'static str] = &[
        "lead",
        "textrank",
        "lexrank",
        "lsa",
        "luhn",
        "sumbasic",
        "klsum",
        "centroid",
        "pacsum",
        "summarunner",
        "oracle",
    ];

    /// Other names a configuration accepts, each with the method it stands for. `best` is the
    /// shipped model that scores highest on the CNN/DailyMail validation split
    /// (docs/RESULTS.md), so that scripts need not follow model names; a configuration read
    /// with it is written back with the method's own name, so the output says what ran.
    pub const ALIASES: &'static [(&'static str, &'static str)] = &[("best", "summarunner")];

    /// The method called `name` (or an alias of it) with its default parameters.
    pub fn named(name: &str) -> Result<MethodConfig> {
        let name = MethodConfig::ALIASES
            .iter()
            .find(|(alias, _)| *alias == name)
            .map_or(name, |(_, method)| method);
        Ok(match name {
            "lead" => MethodConfig::Lead(LeadConfig::default()),
            "textrank" => MethodConfig::TextRank(TextRankConfig::default()),
            "lexrank" => MethodConfig::LexRank(LexRankConfig::default()),
            "lsa" => MethodConfig::Lsa(LsaConfig::default()),
            "luhn" => MethodConfig::Luhn(LuhnConfig::default()),
            "sumbasic" => MethodConfig::SumBasic(SumBasicConfig::default()),
            "klsum" => MethodConfig::KlSum(KlSumConfig::default()),
            "centroid" => MethodConfig::Centroid(CentroidConfig::default()),
            "pacsum" => MethodConfig::PacSum(PacSumConfig::default()),
            "summarunner" => MethodConfig::Summarunner(SummarunnerConfig::default()),
            "oracle" => MethodConfig::Oracle(OracleMethodConfig::default()),
            other => {
                return Err(nutgraf_core::Error::config(
                    "method",
                    format!("{other:?}"),
                    format!(
                        "one of: {}, or {}",
                        MethodConfig::NAMES.join(", "),
                        MethodConfig::ALIASES
                            .iter()
                            .map(|(alias, method)| format!("{alias} (= {method})"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
                .into())
            }
        })
    }

    /// The method's name, as in configurations.
    pub fn name(&self) -> &str {
        match self {
            MethodConfig::Lead(_) => "lead",
            MethodConfig::TextRank(_) => "textrank",
            MethodConfig::LexRank(_) => "lexrank",
            MethodConfig::Lsa(_) => "lsa",
            MethodConfig::Luhn(_) => "luhn",
            MethodConfig::SumBasic(_) => "sumbasic",
            MethodConfig::KlSum(_) => "klsum",
            MethodConfig::Centroid(_) => "centroid",
            MethodConfig::PacSum(_) => "pacsum",
            MethodConfig::Summarunner(_) => "summarunner",
            MethodConfig::Oracle(_) => "oracle",
            MethodConfig::Custom(c) => &c.name,
        }
    }

    /// Checks the method's parameters.
    pub fn validate(&self) -> Result<()> {
        match self {
            MethodConfig::Lead(_)
            | MethodConfig::SumBasic(_)
            | MethodConfig::KlSum(_)
            | MethodConfig::Summarunner(_)
            | MethodConfig::Custom(_) => Ok(()),
            MethodConfig::TextRank(c) => Ok(c.validate()?),
            MethodConfig::LexRank(c) => Ok(c.validate()?),
            MethodConfig::Lsa(c) => Ok(c.validate()?),
            MethodConfig::Luhn(c) => Ok(c.validate()?),
            MethodConfig::Centroid(c) => Ok(c.validate()?),
            MethodConfig::PacSum(c) => Ok(c.validate()?),
            MethodConfig::Oracle(c) => Ok(c.search().validate()?),
        }
    }

    /// Whether the method needs each document's reference summary (the oracle does).
    pub fn needs_reference(&self) -> bool {
        matches!(self, MethodConfig::Oracle(_))
    }
}

/// Everything that defines a summarizer; printed in `--output json` and replayed by
/// `--config` to the same output. See the module docs for its JSON.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SummarizerConfig {
    /// Method and its parameters.
    pub method: MethodConfig,
    /// Length budget (default: 3 sentences).
    pub budget: Budget,
    /// Redundancy control (default: none).
    pub redundancy: Redundancy,
    /// Term analysis of the classic methods and of budgets (default: stemmed, stopwords
    /// removed).
    pub analysis: AnalyzerOptions,
    /// Explain each sentence's score in the results (default: false).
    pub explain: bool,
}

/// The fields of [`SummarizerConfig`] beside the method's.
const OWN_FIELDS: [&str; 4] = ["budget", "redundancy", "analysis", "explain"];

impl SummarizerConfig {
    /// The default configuration of `method`.
    pub fn new(method: MethodConfig) -> SummarizerConfig {
        SummarizerConfig {
            method,
            ..SummarizerConfig::default()
        }
    }

    /// Parses the JSON form; errors name the field.
    pub fn from_json(json: &str) -> Result<SummarizerConfig> {
        serde_json::from_str(json).map_err(|e| Error::Config {
            message: e.to_string(),
        })
    }

    /// The JSON form, on one line.
    pub fn to_json(&self) -> String {
        // Serializing plain data to a string cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Checks every value (the method's parameters, budget, redundancy) and that they go
    /// together: MMR is refused for the methods that pick their own way (SumBasic, KL-Sum),
    /// and the oracle, whose set is its own, takes neither a budget nor redundancy control.
    pub fn validate(&self) -> Result<()> {
        self.budget.validate()?;
        self.redundancy.validate()?;
        self.method.validate()?;
        let refuse = |field: &str, value: String, expected: &str| {
            Err(nutgraf_core::Error::config(field, value, expected).into())
        };
        match (&self.method, self.redundancy) {
            (MethodConfig::SumBasic(_) | MethodConfig::KlSum(_), Redundancy::Mmr { .. }) => {
                return refuse(
                    "redundancy",
                    format!("mmr with {}", self.method.name()),
                    "none or trigram_blocking (the method's own updates already avoid repeats)",
                )
            }
            (MethodConfig::Oracle(_), r) if r != Redundancy::None => {
                return refuse(
                    "redundancy",
                    format!("{r:?} with the oracle"),
                    "none (the oracle set is taken whole)",
                )
            }
            _ => {}
        }
        if matches!(self.method, MethodConfig::Oracle(_)) && self.budget != Budget::default() {
            return refuse(
                "budget",
                format!("{} with the oracle", self.budget),
                "the default (the oracle's size is its max_sentences)",
            );
        }
        Ok(())
    }
}

/// Serialized flat: the method's fields, then ours.
#[derive(Serialize)]
struct Flat<'a> {
    #[serde(flatten)]
    method: &'a MethodConfig,
    budget: &'a Budget,
    redundancy: &'a Redundancy,
    analysis: &'a AnalyzerOptions,
    explain: bool,
}

impl Serialize for SummarizerConfig {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Flat {
            method: &self.method,
            budget: &self.budget,
            redundancy: &self.redundancy,
            analysis: &self.analysis,
            explain: self.explain,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for SummarizerConfig {
    /// Takes our fields out of the object, and the rest is the method's: serde's `flatten`
    /// cannot be combined with `deny_unknown_fields`, and unknown fields must be refused.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SummarizerConfig, D::Error> {
        let mut object = match Value::deserialize(d)? {
            Value::Object(o) => o,
            _ => {
                return Err(D::Error::custom(
                    "a summarizer configuration must be a JSON object",
                ))
            }
        };
        fn take<T: Default + for<'a> Deserialize<'a>, E: serde::de::Error>(
            object: &mut Map<String, Value>,
            field: &str,
        ) -> Result<T, E> {
            match object.remove(field) {
                None => Ok(T::default()),
                Some(v) => T::deserialize(v).map_err(|e| E::custom(format!("{field}: {e}"))),
            }
        }
        let budget = take(&mut object, OWN_FIELDS[0])?;
        let redundancy = take(&mut object, OWN_FIELDS[1])?;
        let analysis = take(&mut object, OWN_FIELDS[2])?;
        let explain = take(&mut object, OWN_FIELDS[3])?;
        let name = match object.remove("method") {
            None => "lead".to_string(),
            Some(Value::String(name)) => name,
            Some(other) => {
                return Err(D::Error::custom(format!(
                    "method: expected a method name, found {other}"
                )))
            }
        };
        let method = with_params(&name, object).map_err(D::Error::custom)?;
        Ok(SummarizerConfig {
            method,
            budget,
            redundancy,
            analysis,
            explain,
        })
    }
}

/// The method `name` with the parameters in `params`. Each variant's parameters are read as
/// their own struct (not through the internally tagged enum), so that errors carry the path
/// of the field (`strategy.size`).
fn with_params(name: &str, params: Map<String, Value>) -> Result<MethodConfig, String> {
    fn read<T: serde::de::DeserializeOwned>(params: Map<String, Value>) -> Result<T, String> {
        serde_path_to_error::deserialize(Value::Object(params)).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.inner().to_string();
            // An unknown top-level field is already named by serde's message.
            let named = inner.contains(&format!("`{path}`"));
            let at = if path == "." || named {
                String::new()
            } else {
                format!("{path}: ")
            };
            format!(
                "{at}{inner} (besides the method's parameters: {})",
                OWN_FIELDS.join(", ")
            )
        })
    }
    let method = MethodConfig::named(name).map_err(|e| e.to_string())?;
    Ok(match method {
        MethodConfig::Lead(_) => MethodConfig::Lead(read(params)?),
        MethodConfig::TextRank(_) => MethodConfig::TextRank(read(params)?),
        MethodConfig::LexRank(_) => MethodConfig::LexRank(read(params)?),
        MethodConfig::Lsa(_) => MethodConfig::Lsa(read(params)?),
        MethodConfig::Luhn(_) => MethodConfig::Luhn(read(params)?),
        MethodConfig::SumBasic(_) => MethodConfig::SumBasic(read(params)?),
        MethodConfig::KlSum(_) => MethodConfig::KlSum(read(params)?),
        MethodConfig::Centroid(_) => MethodConfig::Centroid(read(params)?),
        MethodConfig::PacSum(_) => MethodConfig::PacSum(read(params)?),
        MethodConfig::Summarunner(_) => MethodConfig::Summarunner(read(params)?),
        MethodConfig::Oracle(_) => MethodConfig::Oracle(read(params)?),
        MethodConfig::Custom(c) => {
            return Err(format!(
                "method {:?} cannot be read from a configuration",
                c.name
            ))
        }
    })
}
