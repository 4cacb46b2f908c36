//! `nutgraf eval`: summarize a corpus and score it against its references in one pass.

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use nutgraf::evaluate::{self, DocEval, EvalConfig};
use nutgraf::rouge::google::GoogleConfig;
use nutgraf::rouge::perl::{LengthLimit, PerlConfig};
use nutgraf::Summarizer;
use serde_json::{json, Map, Value};

use crate::args::{EvalArgs, EvalFlavor};
use crate::output::RecordWriter;
use crate::run;
use crate::settings::{self, BudgetFlags};

/// The scoring of `eval`: ROUGE-1.5.5's ROUGE-1, -2 and -L, stemmed, with the script's default
/// bootstrap (and the length limit asked for), and/or rouge-score's default metrics, stemmed.
fn eval_config(args: &EvalArgs) -> anyhow::Result<EvalConfig> {
    let wants_perl = matches!(args.flavor, EvalFlavor::Perl | EvalFlavor::Both);
    let wants_google = matches!(args.flavor, EvalFlavor::Google | EvalFlavor::Both);
    if args.bytes.is_some() || args.words.is_some() {
        anyhow::ensure!(
            !wants_google,
            "--bytes and --words are ROUGE-1.5.5 options: use --flavor perl"
        );
    }
    let perl = wants_perl.then(|| PerlConfig {
        length_limit: match (args.bytes, args.words) {
            (Some(b), _) => LengthLimit::Bytes(b),
            (_, Some(w)) => LengthLimit::Words(w),
            _ => LengthLimit::None,
        },
        ..PerlConfig::rouge_1_2_l()
    });
    let google = wants_google.then(|| GoogleConfig {
        stem: true,
        ..GoogleConfig::default()
    });
    Ok(EvalConfig {
        perl,
        google,
        unescape_ptb: true,
    })
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let start = Instant::now();
    anyhow::ensure!(
        !args.method.explain,
        "--explain goes with `nutgraf summarize --output json`"
    );
    let budget = BudgetFlags {
        sentences: args.sentences,
        words: args.budget_words,
        bytes: args.budget_bytes,
        ratio: args.ratio,
    };
    let config = settings::summarizer_config(&args.method, budget, Some(&args.oracle))?;
    let summarizer = Summarizer::from_config(&config).map_err(settings::library)?;
    let eval_config = eval_config(&args)?;
    let evaluator = eval_config
        .clone()
        .build()
        .map_err(|e| settings::library(e.into()))?;
    let mut per_doc = match &args.per_doc {
        Some(path) => Some(RecordWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("{}: cannot create", path.display()))?,
            path.display().to_string(),
        )),
        None => None,
    };
    let mut docs: Vec<DocEval> = Vec::new();
    // Whatever ends the run, what was finished is written out.
    let result = run::run(
        &args.input,
        "evaluated",
        || (),
        |_, doc| evaluate::evaluate(&summarizer, &evaluator, doc),
        |_, evaluated| {
            if let Some(w) = per_doc.as_mut() {
                w.json_line(&evaluated)?;
            }
            docs.push(evaluated.scores);
            Ok(())
        },
    );
    let flushed = per_doc.as_mut().map_or(Ok(()), RecordWriter::flush);
    let finished = result?;
    flushed?;
    if finished.code != ExitCode::SUCCESS {
        // Corpus scores of part of a corpus would pass for the whole: none are printed.
        eprintln!("nutgraf: no corpus scores: the run ended before the end of the input");
        return Ok(finished.code);
    }
    let corpus = evaluator
        .corpus(&docs)
        .map_err(|e| settings::library(e.into()))?;
    let corpus = serde_json::to_value(&corpus)?;
    let corpus = corpus.as_object().cloned().unwrap_or_default();
    let secs = start.elapsed().as_secs_f64();
    let n = docs.len();
    let docs_per_s = if secs > 0.0 { n as f64 / secs } else { 0.0 };
    let flags = eval_config
        .perl
        .as_ref()
        .map(|p| p.to_rouge_args().join(" "))
        .unwrap_or_default();
    let mut out = RecordWriter::stdout();
    if args.json {
        out.json_pretty(&json!({
            "method": config.method.name(),
            "documents": n,
            "skipped": finished.counts.skipped,
            "corpus": corpus,
            "docs_per_s": docs_per_s,
            "rouge155_flags": flags,
        }))?;
    } else {
        out.text(&table(config.method.name(), n, docs_per_s, &flags, &corpus))?;
    }
    out.flush()?;
    Ok(finished.code)
}

fn table(
    method: &str,
    n: usize,
    docs_per_s: f64,
    flags: &str,
    corpus: &Map<String, Value>,
) -> String {
    let mut out = Vec::new();
    let _ = writeln!(
        out,
        "method {method}: {n} documents, {docs_per_s:.0} docs/s"
    );
    let _ = writeln!(
        out,
        "{:<11} {:>8} {:>8} {:>8}   F 95% interval",
        "metric", "R", "P", "F"
    );
    for (name, s) in corpus {
        let get = |k: &str| s.get(k).and_then(Value::as_f64);
        let ci = match (get("f_lower"), get("f_upper")) {
            (Some(lo), Some(hi)) => format!("   {lo:.5} - {hi:.5}"),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "{name:<11} {:>8.5} {:>8.5} {:>8.5}{ci}",
            get("recall").unwrap_or(0.0),
            get("precision").unwrap_or(0.0),
            get("f").unwrap_or(0.0)
        );
    }
    if corpus.keys().any(|k| k.starts_with("ROUGE")) {
        let _ = writeln!(
            out,
            "ROUGE-*: ROUGE-1.5.5 {flags} (printed Average); rouge*: rouge-score mean"
        );
    }
    String::from_utf8(out).unwrap_or_default()
}
