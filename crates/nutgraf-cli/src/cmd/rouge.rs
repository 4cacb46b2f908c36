//! `nutgraf rouge`: score candidate summaries against references.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use nutgraf::evaluate::{self, DocEval, EvalConfig, Evaluator, SummaryFiles};
use nutgraf::rouge::google::{GoogleConfig, Metric, Tokenizer};
use nutgraf::rouge::input::{self, Summary};
use nutgraf::rouge::perl::{PerlConfig, Rouge155};
use nutgraf::rouge::CorpusEval;
use serde::Serialize;

use crate::args::{Flavor, RougeArgs, RougeTokenizer};
use crate::output::RecordWriter;
use crate::settings;

pub fn run(args: RougeArgs) -> anyhow::Result<ExitCode> {
    check_flags(&args)?;
    let evaluator = match args.flavor {
        Flavor::Perl => EvalConfig {
            unescape_ptb: false,
            ..EvalConfig::perl(perl_config(&args)?)
        },
        Flavor::Google => EvalConfig {
            unescape_ptb: false,
            ..EvalConfig::google(google_config(&args)?)
        },
    }
    .build()
    .map_err(|e| settings::library(e.into()))?;
    let read = |path: &Path, field: &str| {
        let layout = SummaryFiles {
            field: field.to_string(),
            separator: args.sep.clone(),
            lossy: args.lossy,
        };
        evaluate::read_summaries(path, &layout).map_err(settings::library)
    };
    let candidates = read(&args.candidates, &args.candidates_field)?;
    let mut references: Vec<Vec<Summary>> = vec![Vec::new(); candidates.len()];
    for path in &args.references {
        let refs = read(path, &args.references_field)?;
        input::check_counts(&args.candidates, candidates.len(), path, refs.len())?;
        for (doc, r) in references.iter_mut().zip(refs) {
            doc.push(r);
        }
    }
    let pool = settings::pool(args.threads)?;
    let docs = pool.install(|| score(&evaluator, &candidates, &references))?;
    let corpus = evaluator
        .corpus(&docs)
        .map_err(|e| settings::library(e.into()))?;
    let mut out = RecordWriter::stdout();
    if args.json {
        // Serialized straight from the results (no `serde_json::Value` tree in between): their
        // maps already write sorted keys, as a `Value` would.
        out.json_document(&Report {
            corpus: &corpus,
            documents: &docs,
        })?;
    } else if let Some(rouge) = evaluator.perl() {
        out.text(&print_perl(rouge, &corpus, &docs, args.per_doc))?;
    } else {
        out.text(&print_google(&corpus, &docs, args.per_doc))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `--json`'s output: `{"corpus": …, "documents": […]}`.
#[derive(Serialize)]
struct Report<'a> {
    corpus: &'a CorpusEval,
    documents: &'a [DocEval],
}

/// The ROUGE-1.5.5 options only the perl flavour has, and the rouge-score ones only the
/// google flavour has: given to the other flavour they would be ignored, so they are refused.
fn check_flags(args: &RougeArgs) -> anyhow::Result<()> {
    let perl_only: [(&str, bool); 19] = [
        ("-c", args.confidence.is_some()),
        ("-2", args.skip_distance.is_some()),
        ("-u", args.skip_unigrams),
        ("-U", args.skip_unigrams_both),
        ("-r", args.resamples.is_some()),
        ("-n", args.max_n.is_some()),
        ("-w", args.lcs_weight.is_some()),
        ("-s", args.remove_stopwords),
        ("-l", args.limit_words.is_some()),
        ("-b", args.limit_bytes.is_some()),
        ("-f", args.formula.is_some()),
        ("-p", args.alpha.is_some()),
        ("-x", args.no_lcs),
        ("-t", args.unsupported_t.is_some()),
        ("-3", args.unsupported_3.is_some()),
        ("-M", args.unsupported_m),
        ("-z", args.input_format_z.is_some()),
        ("--allow-empty-reference-w", args.allow_empty_reference_w),
        ("--fix-lcs-byte-limit", args.fix_lcs_byte_limit),
    ];
    let google_only = [
        ("--metrics", args.metrics.is_some()),
        ("--tokenizer", args.tokenizer.is_some()),
    ];
    fn given<'a>(flags: &[(&'a str, bool)]) -> Option<&'a str> {
        flags.iter().find(|(_, on)| *on).map(|(f, _)| *f)
    }
    match args.flavor {
        Flavor::Google => {
            if let Some(flag) = given(&perl_only) {
                anyhow::bail!("{flag} is a ROUGE-1.5.5 option: it goes with --flavor perl");
            }
        }
        Flavor::Perl => {
            if let Some(flag) = given(&google_only) {
                anyhow::bail!("{flag} is a rouge-score option: it goes with --flavor google");
            }
        }
    }
    Ok(())
}

/// The ROUGE-1.5.5 scorer the flags ask for (pyrouge's defaults when none is given).
fn perl_config(args: &RougeArgs) -> anyhow::Result<PerlConfig> {
    let flags = args.perl_flags();
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    let mut config = if flags.is_empty() || flags == ["-m"] {
        PerlConfig {
            stem: args.stem,
            ..PerlConfig::pyrouge()
        }
    } else {
        PerlConfig::from_rouge_args(&flags).map_err(|e| settings::library(e.into()))?
    };
    config.allow_empty_reference_w = args.allow_empty_reference_w;
    config.fix_lcs_byte_limit = args.fix_lcs_byte_limit;
    Ok(config)
}

fn google_config(args: &RougeArgs) -> anyhow::Result<GoogleConfig> {
    let defaults = GoogleConfig::default();
    let metrics = match &args.metrics {
        Some(names) => names
            .iter()
            .map(|m| m.parse::<Metric>())
            .collect::<Result<_, _>>()
            .map_err(|e| settings::library(e.into()))?,
        None => defaults.metrics,
    };
    Ok(GoogleConfig {
        metrics,
        stem: args.stem,
        tokenizer: match args.tokenizer {
            Some(RougeTokenizer::Unicode) => Tokenizer::Unicode,
            Some(RougeTokenizer::Default) | None => Tokenizer::RougeScore,
        },
    })
}

/// Scores every document (in parallel, in input order); the first failure is an error naming
/// the summary by its 1-based number (its line, for one-summary-per-line files).
fn score(
    evaluator: &Evaluator,
    candidates: &[Summary],
    references: &[Vec<Summary>],
) -> anyhow::Result<Vec<DocEval>> {
    let pairs: Vec<(&Summary, &Vec<Summary>)> = candidates.iter().zip(references).collect();
    let results = evaluator.score_batch(&pairs);
    let mut docs = Vec::with_capacity(results.len());
    for (i, result) in results.into_iter().enumerate() {
        match result {
            Ok(doc) => docs.push(doc),
            Err(_) => {
                // Score it alone for the message without the batch's 0-based prefix.
                let err = evaluator.score(pairs[i].0, pairs[i].1).err();
                let msg = err.map_or_else(
                    || "cannot be scored".to_string(),
                    |e| settings::message(&e.into()),
                );
                anyhow::bail!("summary {} (line {0}): {msg}", i + 1);
            }
        }
    }
    Ok(docs)
}

/// Prints as ROUGE-1.5.5 does, so that scripts that parse its output keep working.
fn print_perl(rouge: &Rouge155, corpus: &CorpusEval, docs: &[DocEval], per_doc: bool) -> String {
    let mut out = Vec::new();
    let conf = rouge.config().confidence;
    let ids = nutgraf::rouge::perl::pyrouge_eval_ids(docs.len());
    let Some(corpus) = corpus.perl() else {
        return String::new();
    };
    for (name, s) in corpus.iter() {
        let _ = writeln!(out, "---------------------------------------------");
        for (letter, e) in [("R", s.recall), ("P", s.precision), ("F", s.f)] {
            let _ = writeln!(
                out,
                "1 {name} Average_{letter}: {:.5} ({conf}%-conf.int. {:.5} - {:.5})",
                e.average, e.lower, e.upper
            );
        }
        if per_doc {
            let _ = writeln!(out, ".............................................");
            let mut order: Vec<usize> = (0..docs.len()).collect();
            order.sort_by(|&a, &b| ids[a].cmp(&ids[b]));
            for i in order {
                if let Some(d) = docs[i].perl().and_then(|p| p.get(name)) {
                    let _ = writeln!(
                        out,
                        "1 {name} Eval {}.1 R:{:.5} P:{:.5} F:{:.5}",
                        ids[i], d.recall, d.precision, d.f
                    );
                }
            }
        }
    }
    let _ = writeln!(out, "---------------------------------------------");
    String::from_utf8(out).unwrap_or_default()
}

fn print_google(corpus: &CorpusEval, docs: &[DocEval], per_doc: bool) -> String {
    let mut out = Vec::new();
    let _ = writeln!(
        out,
        "{:<10} {:>10} {:>10} {:>10}",
        "metric", "precision", "recall", "fmeasure"
    );
    for (m, s) in corpus.google().unwrap_or(&[]) {
        let _ = writeln!(
            out,
            "{:<10} {:>10.6} {:>10.6} {:>10.6}",
            m.to_string(),
            s.precision,
            s.recall,
            s.f
        );
    }
    let _ = writeln!(
        out,
        "({} documents, mean of per-document scores)",
        docs.len()
    );
    if per_doc {
        for (i, d) in docs.iter().enumerate() {
            for (m, s) in d.google().unwrap_or(&[]) {
                let _ = writeln!(
                    out,
                    "{i} {m} P:{:.6} R:{:.6} F:{:.6}",
                    s.precision, s.recall, s.f
                );
            }
        }
    }
    String::from_utf8(out).unwrap_or_default()
}
