//! `nutgraf oracle`: oracle labels for a corpus.

use std::io::Write;
use std::process::ExitCode;

use nutgraf::Document;
use nutgraf_eval::oracle::{self, Objective, OracleConfig, OracleResult, Strategy};
use nutgraf_eval::perl::Tokenizer;
use serde_json::json;

use super::corpus;
use crate::args::{OracleArgs, OracleOptions, OracleOutput, OracleStrategy};

/// A configured oracle with the tokenization of the perl flavour.
pub struct Oracle {
    config: OracleConfig,
    stem: bool,
}

impl Oracle {
    /// Validates the options.
    pub fn new(options: &OracleOptions) -> anyhow::Result<Oracle> {
        let strategy = match options.strategy {
            OracleStrategy::Greedy => Strategy::Greedy,
            OracleStrategy::Beam => Strategy::Beam {
                size: options.beam_size,
            },
            OracleStrategy::Exhaustive => Strategy::Exhaustive {
                max_subsets: options.max_subsets,
            },
        };
        let objective: Objective = options.objective.parse()?;
        let config = OracleConfig {
            strategy,
            objective,
            max_sentences: options.max_sentences,
        };
        config.validate()?;
        Ok(Oracle {
            config,
            stem: !options.no_rouge_stem,
        })
    }

    /// The configuration, as `--output json` reports it.
    pub fn config_json(&self) -> serde_json::Value {
        json!({"method": "oracle", "oracle": self.config, "rouge_stem": self.stem})
    }

    /// A tokenizer for one worker (its stem cache lives as long as the worker).
    pub fn tokenizer(&self) -> Tokenizer {
        Tokenizer::new(self.stem, false)
    }

    /// The oracle set of `doc` against its reference.
    pub fn label(&self, tokenizer: &mut Tokenizer, doc: &Document) -> Result<OracleResult, String> {
        let reference = doc
            .reference
            .as_deref()
            .ok_or("no reference summary to label against")?;
        let sentences: Vec<&str> = doc.sentence_texts().collect();
        let doc_ids = tokenizer.sentences(&sentences);
        let ref_ids = tokenizer.sentences(reference);
        tokenizer.end_document();
        oracle::label(&doc_ids, &ref_ids, &self.config).map_err(|e| e.to_string())
    }
}

pub fn run(args: OracleArgs) -> anyhow::Result<ExitCode> {
    let oracle = Oracle::new(&args.oracle)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let outcome = corpus::run(
        &args.input,
        "labelled",
        || oracle.tokenizer(),
        |tokenizer, doc| oracle.label(tokenizer, doc),
        |doc, result| {
            let line = match args.output {
                OracleOutput::Jsonl => json!({
                    "id": doc.id,
                    "indices": result.indices,
                    "objective": result.objective,
                    "rouge": result.scores,
                }),
                OracleOutput::Summarunner => {
                    let mut labels = vec!["0"; doc.len()];
                    result.indices.iter().for_each(|&i| labels[i] = "1");
                    // One sentence per line: a line break inside a sentence becomes a space.
                    let flat = |s: &str| s.replace(['\r', '\n'], " ");
                    let doc_text: Vec<String> = doc.sentence_texts().map(flat).collect();
                    let summaries: Vec<String> =
                        doc.reference.iter().flatten().map(|s| flat(s)).collect();
                    json!({
                        "id": doc.id,
                        "doc": doc_text.join("\n"),
                        "labels": labels.join("\n"),
                        "summaries": summaries.join("\n"),
                    })
                }
            };
            serde_json::to_writer(&mut out, &line)?;
            writeln!(out)?;
            Ok(())
        },
    )?;
    out.flush()?;
    Ok(if outcome.stopped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
