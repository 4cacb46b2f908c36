//! `nutgraf rouge`: score candidate summaries against references.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use nutgraf_eval::google::{self, RougeScorer, Tokenizer};
use nutgraf_eval::input::{self, InputFormat, Summary};
use nutgraf_eval::perl::{CorpusScores, DocScores, EvalIds, PerlConfig, Rouge155};
use nutgraf_eval::Score;
use serde_json::{json, Map, Value};

use super::corpus::thread_pool;
use crate::args::{Flavor, RougeArgs, RougeTokenizer};

/// The flags pyrouge passes to ROUGE-1.5.5 by default; used when no ROUGE-1.5.5 flag is given.
pub const PYROUGE_DEFAULT_FLAGS: &[&str] = &[
    "-c", "95", "-2", "-1", "-U", "-r", "1000", "-n", "4", "-w", "1.2", "-a",
];

pub fn run(args: RougeArgs) -> anyhow::Result<ExitCode> {
    let candidates = read(&args.candidates, &args.candidates_field, &args.sep)?;
    let mut references: Vec<Vec<Summary>> = vec![Vec::new(); candidates.len()];
    for path in &args.references {
        let refs = read(path, &args.references_field, &args.sep)?;
        input::check_counts(&args.candidates, candidates.len(), path, refs.len())?;
        for (doc, r) in references.iter_mut().zip(refs) {
            doc.push(r);
        }
    }
    let pool = thread_pool(args.threads)?;
    let out = std::io::stdout().lock();
    let mut out = std::io::BufWriter::new(out);
    match args.flavor {
        Flavor::Perl => {
            let rouge = perl_scorer(&args)?;
            let docs = pool.install(|| score_perl(&rouge, &candidates, &references))?;
            let corpus = rouge.corpus(&docs, EvalIds::Pyrouge)?;
            if args.json {
                let value = json!({
                    "corpus": perl_corpus_json(&corpus),
                    "documents": docs.iter().map(perl_doc_json).collect::<Vec<_>>(),
                });
                serde_json::to_writer_pretty(&mut out, &value)?;
                writeln!(out)?;
            } else {
                print_perl(&mut out, &rouge, &corpus, &docs, args.per_doc)?;
            }
        }
        Flavor::Google => {
            let scorer = google_scorer(&args)?;
            let docs = pool.install(|| scorer.score_batch_multi(&candidates, &references))?;
            let mean = google::mean(&docs);
            if args.json {
                let value = json!({
                    "corpus": google_json(&mean),
                    "documents": docs.iter().map(google_json).collect::<Vec<_>>(),
                });
                serde_json::to_writer_pretty(&mut out, &value)?;
                writeln!(out)?;
            } else {
                print_google(&mut out, &mean, &docs, args.per_doc)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Reads summaries: a directory (one per file), JSONL (by extension or a leading `{`), or
/// text with one summary per line.
pub fn read(path: &Path, field: &str, sep: &str) -> anyhow::Result<Vec<Summary>> {
    let format = if path.is_dir() {
        InputFormat::Dir
    } else if is_jsonl(path)? {
        InputFormat::Jsonl {
            field: field.to_string(),
            separator: sep.to_string(),
        }
    } else {
        InputFormat::Lines {
            separator: sep.to_string(),
        }
    };
    Ok(input::read_summaries(path, &format)?)
}

fn is_jsonl(path: &Path) -> anyhow::Result<bool> {
    if matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    ) {
        return Ok(true);
    }
    use std::io::Read;
    let mut head = [0u8; 64];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(head[..n].iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'))
}

/// The ROUGE-1.5.5 scorer the flags ask for (pyrouge's defaults when none is given).
pub fn perl_scorer(args: &RougeArgs) -> anyhow::Result<Rouge155> {
    let flags = args.perl_flags();
    let flags: Vec<&str> = if flags.is_empty() || flags == ["-m"] {
        let mut f = PYROUGE_DEFAULT_FLAGS.to_vec();
        f.extend(flags.iter().map(String::as_str));
        f
    } else {
        flags.iter().map(String::as_str).collect()
    };
    let mut config = PerlConfig::from_rouge_args(&flags)?;
    config.allow_empty_reference_w = args.allow_empty_reference_w;
    config.fix_lcs_byte_limit = args.fix_lcs_byte_limit;
    Ok(config.build()?)
}

fn google_scorer(args: &RougeArgs) -> anyhow::Result<RougeScorer> {
    let tokenizer = match args.tokenizer {
        RougeTokenizer::Default => Tokenizer::RougeScore,
        RougeTokenizer::Unicode => Tokenizer::Unicode,
    };
    Ok(RougeScorer::builder()
        .metrics(&args.metrics)
        .stem(args.stem)
        .tokenizer(tokenizer)
        .build()?)
}

/// Scores every document (in parallel, in input order); the first failure is an error naming
/// the summary by its 1-based number (its line, for one-summary-per-line files).
pub fn score_perl(
    rouge: &Rouge155,
    candidates: &[Summary],
    references: &[Vec<Summary>],
) -> anyhow::Result<Vec<DocScores>> {
    let pairs: Vec<(&Summary, &Vec<Summary>)> = candidates.iter().zip(references).collect();
    let results = rouge.score_batch(&pairs);
    let mut docs = Vec::with_capacity(results.len());
    for (i, result) in results.into_iter().enumerate() {
        match result {
            Ok(doc) => docs.push(doc),
            Err(_) => {
                // Score it alone for the message without the batch's 0-based prefix.
                let err = rouge.score(pairs[i].0, pairs[i].1).err();
                let msg = err.map_or_else(|| "cannot be scored".to_string(), |e| e.to_string());
                anyhow::bail!("summary {} (line {0}): {msg}", i + 1);
            }
        }
    }
    Ok(docs)
}

fn score_json(s: &Score) -> Value {
    json!({"recall": s.recall, "precision": s.precision, "f": s.f})
}

/// `{METRIC: {recall, precision, f, recall_lower, recall_upper, ...}}` of the corpus.
pub fn perl_corpus_json(corpus: &CorpusScores) -> Value {
    let mut map = Map::new();
    for (name, s) in corpus.iter() {
        map.insert(
            name.to_string(),
            json!({
                "recall": s.recall.average, "precision": s.precision.average, "f": s.f.average,
                "recall_lower": s.recall.lower, "recall_upper": s.recall.upper,
                "precision_lower": s.precision.lower, "precision_upper": s.precision.upper,
                "f_lower": s.f.lower, "f_upper": s.f.upper,
            }),
        );
    }
    Value::Object(map)
}

/// `{METRIC: {recall, precision, f}}` of one document.
pub fn perl_doc_json(doc: &DocScores) -> Value {
    Value::Object(
        doc.iter()
            .map(|(name, s)| (name.to_string(), score_json(&s)))
            .collect(),
    )
}

/// `{metric: {recall, precision, f}}` of rouge-score's results.
pub fn google_json(scores: &google::Scores) -> Value {
    Value::Object(
        scores
            .iter()
            .map(|(m, s)| (m.to_string(), score_json(s)))
            .collect(),
    )
}

/// Prints as ROUGE-1.5.5 does, so that scripts that parse its output keep working.
fn print_perl(
    out: &mut impl Write,
    rouge: &Rouge155,
    corpus: &CorpusScores,
    docs: &[DocScores],
    per_doc: bool,
) -> anyhow::Result<()> {
    let conf = rouge.config().confidence;
    let ids = nutgraf_eval::perl::pyrouge_eval_ids(docs.len());
    for (name, s) in corpus.iter() {
        writeln!(out, "---------------------------------------------")?;
        for (letter, e) in [("R", s.recall), ("P", s.precision), ("F", s.f)] {
            writeln!(
                out,
                "1 {name} Average_{letter}: {:.5} ({conf}%-conf.int. {:.5} - {:.5})",
                e.average, e.lower, e.upper
            )?;
        }
        if per_doc {
            writeln!(out, ".............................................")?;
            let mut order: Vec<usize> = (0..docs.len()).collect();
            order.sort_by(|&a, &b| ids[a].cmp(&ids[b]));
            for i in order {
                if let Some(d) = docs[i].get(name) {
                    writeln!(
                        out,
                        "1 {name} Eval {}.1 R:{:.5} P:{:.5} F:{:.5}",
                        ids[i], d.recall, d.precision, d.f
                    )?;
                }
            }
        }
    }
    writeln!(out, "---------------------------------------------")?;
    Ok(())
}

fn print_google(
    out: &mut impl Write,
    mean: &google::Scores,
    docs: &[google::Scores],
    per_doc: bool,
) -> anyhow::Result<()> {
    writeln!(
        out,
        "{:<10} {:>10} {:>10} {:>10}",
        "metric", "precision", "recall", "fmeasure"
    )?;
    for (m, s) in mean {
        writeln!(
            out,
            "{:<10} {:>10.6} {:>10.6} {:>10.6}",
            m.to_string(),
            s.precision,
            s.recall,
            s.f
        )?;
    }
    writeln!(
        out,
        "({} documents, mean of per-document scores)",
        docs.len()
    )?;
    if per_doc {
        for (i, d) in docs.iter().enumerate() {
            for (m, s) in d {
                writeln!(
                    out,
                    "{i} {m} P:{:.6} R:{:.6} F:{:.6}",
                    s.precision, s.recall, s.f
                )?;
            }
        }
    }
    Ok(())
}
