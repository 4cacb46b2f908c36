//! What picks the sentences of a summary: a classic method, SummaRuNNer, or the oracle.

use std::path::Path;

use anyhow::Context;
use nutgraf::analysis::AnalyzerOptions;
use nutgraf::select::Redundancy;
use nutgraf::{Budget, Document, MethodConfig, MethodKind, Summarizer, Summary};
use nutgraf_eval::perl::Tokenizer;
use nutgraf_summarunner::SummaRuNNer;
use serde_json::{json, Value};

use super::oracle::Oracle;
use crate::args::{MethodArgs, OracleOptions};

/// The name of the supervised model on the command line.
pub const SUMMARUNNER: &str = "summarunner";

/// A configured way of picking sentences.
pub enum Picker {
    /// A method of the core library.
    Method(Summarizer),
    /// The SummaRuNNer model.
    SummaRuNNer {
        /// The model.
        model: SummaRuNNer,
        /// Where it came from (`embedded` or a path).
        source: String,
        /// Length budget.
        budget: Budget,
        /// Redundancy control.
        redundancy: Redundancy,
    },
    /// The extractive oracle (needs the reference; `eval` only).
    Oracle(Oracle),
}

/// Per-worker state: the oracle's tokenizer, made on first use.
pub type WorkerState = Option<Tokenizer>;

/// The redundancy control the flags ask for.
pub fn redundancy(args: &MethodArgs) -> Redundancy {
    match (args.trigram_blocking, args.mmr) {
        (true, _) => Redundancy::TrigramBlocking,
        (_, Some(lambda)) => Redundancy::Mmr { lambda },
        _ => Redundancy::None,
    }
}

/// Turns the flags into a validated classic [`Summarizer`].
fn build_summarizer(args: &MethodArgs, budget: Budget) -> anyhow::Result<Summarizer> {
    let kind: MethodKind = args
        .method
        .parse()
        .map_err(|e| anyhow::anyhow!("{e}, {SUMMARUNNER} (and oracle in eval)"))?;
    let mut method = MethodConfig::new(kind);
    if let Some(t) = args.tolerance {
        method.tolerance = t;
    }
    if let Some(n) = args.max_iterations {
        method.max_iterations = n;
    }
    if let Some(d) = args.damping {
        method.damping = d;
    }
    let analyzer = AnalyzerOptions {
        stem: !args.no_stem,
        stopwords: !args.keep_stopwords,
    };
    Ok(Summarizer::builder()
        .method_config(method)
        .budget(budget)
        .redundancy(redundancy(args))
        .analyzer(analyzer)
        .build()?)
}

/// Loads the model of `--model PATH`, or the one shipped inside the binary.
fn load_model(path: Option<&Path>) -> anyhow::Result<(SummaRuNNer, String)> {
    Ok(match path {
        Some(p) => (
            SummaRuNNer::load(p)
                .with_context(|| format!("cannot load the model in {}", p.display()))?,
            p.display().to_string(),
        ),
        None => (
            SummaRuNNer::embedded().context("no model given with --model")?,
            "embedded".into(),
        ),
    })
}

impl Picker {
    /// The picker the flags ask for; `oracle` options make `--method oracle` available.
    pub fn new(
        args: &MethodArgs,
        budget: Budget,
        oracle: Option<&OracleOptions>,
    ) -> anyhow::Result<Picker> {
        budget.validate()?;
        match (args.method.as_str(), oracle) {
            ("oracle", Some(options)) => Ok(Picker::Oracle(Oracle::new(options)?)),
            (SUMMARUNNER, _) => {
                let (model, source) = load_model(args.model.as_deref())?;
                let redundancy = redundancy(args);
                if let Redundancy::Mmr { lambda } = redundancy {
                    anyhow::ensure!(
                        (0.0..=1.0).contains(&lambda),
                        "MMR lambda must be in [0, 1], got {lambda}"
                    );
                }
                Ok(Picker::SummaRuNNer {
                    model,
                    source,
                    budget,
                    redundancy,
                })
            }
            _ => {
                anyhow::ensure!(
                    args.model.is_none(),
                    "--model goes with --method {SUMMARUNNER}"
                );
                build_summarizer(args, budget).map(Picker::Method)
            }
        }
    }

    /// The method's name.
    pub fn name(&self) -> String {
        match self {
            Picker::Method(s) => s.config().method.method.to_string(),
            Picker::SummaRuNNer { .. } => SUMMARUNNER.to_string(),
            Picker::Oracle(_) => "oracle".to_string(),
        }
    }

    /// The configuration, as `--output json` reports it.
    pub fn config(&self) -> Value {
        match self {
            Picker::Method(s) => serde_json::to_value(s.config()).unwrap_or(Value::Null),
            Picker::SummaRuNNer {
                model,
                source,
                budget,
                redundancy,
            } => json!({
                "method": SUMMARUNNER,
                "model": source,
                "model_config": model.config(),
                "budget": budget,
                "redundancy": redundancy,
            }),
            Picker::Oracle(o) => o.config_json(),
        }
    }

    /// Summarizes `doc`: scores (probabilities for SummaRuNNer) and selected sentences.
    pub fn summarize(&self, state: &mut WorkerState, doc: &Document) -> Result<Summary, String> {
        match self {
            Picker::Method(s) => Ok(s.summarize(doc)),
            Picker::SummaRuNNer {
                model,
                budget,
                redundancy,
                ..
            } => model
                .summarize(doc, *budget, *redundancy)
                .map_err(|e| e.to_string()),
            Picker::Oracle(o) => {
                let result = o.label(state.get_or_insert_with(|| o.tokenizer()), doc)?;
                let mut scores = vec![0.0; doc.len()];
                result.indices.iter().for_each(|&i| scores[i] = 1.0);
                Ok(Summary {
                    scores,
                    selected: result.indices,
                })
            }
        }
    }
}
