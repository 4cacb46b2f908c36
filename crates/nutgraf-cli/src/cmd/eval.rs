//! `nutgraf eval`: summarize a corpus and score it against its references in one pass.

use std::borrow::Cow;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use nutgraf::Document;
use nutgraf_eval::google::{self, RougeScorer};
use nutgraf_eval::perl::{DocScores, EvalIds, PerlConfig, Rouge155};
use serde_json::{json, Map, Value};

use super::picker::{Picker, WorkerState};
use super::rouge::{google_json, perl_corpus_json, perl_doc_json};
use super::{corpus, summarize};
use crate::args::{EvalArgs, EvalFlavor};

/// One document's result.
struct Scored {
    indices: Vec<usize>,
    perl: Option<DocScores>,
    google: Option<google::Scores>,
}

/// The ROUGE-1.5.5 flags of `eval`: ROUGE-1, ROUGE-2, ROUGE-L, stemmed, with the script's
/// default bootstrap, plus the length limit asked for.
pub fn perl_flags(bytes: Option<usize>, words: Option<usize>) -> Vec<String> {
    let mut flags: Vec<String> = ["-c", "95", "-r", "1000", "-n", "2", "-m"]
        .map(String::from)
        .to_vec();
    if let Some(b) = bytes {
        flags.extend(["-b".to_string(), b.to_string()]);
    }
    if let Some(l) = words {
        flags.extend(["-l".to_string(), l.to_string()]);
    }
    flags
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let start = Instant::now();
    let budget = summarize::budget(
        args.sentences,
        args.budget_words,
        args.budget_bytes,
        args.ratio,
    );
    let picker = Picker::new(&args.method, budget, Some(&args.oracle))?;
    let wants_perl = matches!(args.flavor, EvalFlavor::Perl | EvalFlavor::Both);
    let wants_google = matches!(args.flavor, EvalFlavor::Google | EvalFlavor::Both);
    let flags = perl_flags(args.bytes, args.words);
    let flag_refs: Vec<&str> = flags.iter().map(String::as_str).collect();
    let perl: Option<Rouge155> = wants_perl
        .then(|| PerlConfig::from_rouge_args(&flag_refs)?.build())
        .transpose()?;
    let google: Option<RougeScorer> = wants_google
        .then(|| RougeScorer::builder().stem(true).build())
        .transpose()?;
    if args.bytes.is_some() || args.words.is_some() {
        anyhow::ensure!(
            !wants_google,
            "--bytes and --words are ROUGE-1.5.5 options: use --flavor perl"
        );
    }

    let mut per_doc = match &args.per_doc {
        Some(path) => Some(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("{}: cannot create", path.display()))?,
        )),
        None => None,
    };
    let mut perl_docs = Vec::new();
    let mut google_docs = Vec::new();
    let score = |state: &mut WorkerState, doc: &Document| -> Result<Scored, String> {
        let reference = doc
            .reference
            .as_deref()
            .ok_or("no reference summary to score against")?;
        let indices = picker.summarize(state, doc)?.selected;
        let candidate: Vec<Cow<'_, str>> = indices
            .iter()
            .map(|&i| unescape_ptb(doc.sentence(i)))
            .collect();
        let reference: Vec<Cow<'_, str>> = reference.iter().map(|s| unescape_ptb(s)).collect();
        let perl = perl
            .as_ref()
            .map(|p| p.score(&candidate, &[&reference[..]]))
            .transpose()
            .map_err(|e| e.to_string())?;
        let google = google.as_ref().map(|g| g.score(&candidate, &reference));
        Ok(Scored {
            indices,
            perl,
            google,
        })
    };
    let outcome = corpus::run(
        &args.input,
        "evaluated",
        || None,
        score,
        |doc, scored| {
            if let Some(w) = per_doc.as_mut() {
                let mut scores = Map::new();
                if let Some(p) = &scored.perl {
                    scores.extend(perl_doc_json(p).as_object().cloned().unwrap_or_default());
                }
                if let Some(g) = &scored.google {
                    scores.extend(google_json(g).as_object().cloned().unwrap_or_default());
                }
                serde_json::to_writer(
                    &mut *w,
                    &json!({"id": doc.id, "indices": scored.indices, "scores": scores}),
                )?;
                writeln!(w)?;
            }
            perl_docs.extend(scored.perl);
            google_docs.extend(scored.google);
            Ok(())
        },
    )?;
    if let Some(mut w) = per_doc {
        w.flush()?;
    }
    let mut corpus_scores = Map::new();
    // No document (an empty corpus, or a stop at the first record): nothing to average.
    if let Some(p) = perl.as_ref().filter(|_| !perl_docs.is_empty()) {
        let corpus = p.corpus(&perl_docs, EvalIds::Pyrouge)?;
        corpus_scores.extend(
            perl_corpus_json(&corpus)
                .as_object()
                .cloned()
                .unwrap_or_default(),
        );
    }
    if google.is_some() && !google_docs.is_empty() {
        let mean = google::mean(&google_docs);
        corpus_scores.extend(google_json(&mean).as_object().cloned().unwrap_or_default());
    }
    let n = outcome.counts.documents;
    let secs = start.elapsed().as_secs_f64();
    let docs_per_s = if secs > 0.0 { n as f64 / secs } else { 0.0 };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        let value = json!({
            "method": picker.name(),
            "documents": n,
            "skipped": outcome.counts.skipped,
            "corpus": corpus_scores,
            "docs_per_s": docs_per_s,
            "rouge155_flags": if wants_perl { flags.join(" ") } else { String::new() },
        });
        serde_json::to_writer_pretty(&mut out, &value)?;
        writeln!(out)?;
    } else {
        print_table(
            &mut out,
            &args.method.method,
            n,
            docs_per_s,
            &flags,
            &corpus_scores,
        )?;
    }
    out.flush()?;
    Ok(if outcome.stopped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_table(
    out: &mut impl Write,
    method: &str,
    n: usize,
    docs_per_s: f64,
    flags: &[String],
    corpus: &Map<String, Value>,
) -> anyhow::Result<()> {
    writeln!(
        out,
        "method {method}: {n} documents, {docs_per_s:.0} docs/s"
    )?;
    writeln!(
        out,
        "{:<11} {:>8} {:>8} {:>8}   F 95% interval",
        "metric", "R", "P", "F"
    )?;
    for (name, s) in corpus {
        let get = |k: &str| s.get(k).and_then(Value::as_f64);
        let ci = match (get("f_lower"), get("f_upper")) {
            (Some(lo), Some(hi)) => format!("   {lo:.5} - {hi:.5}"),
            _ => String::new(),
        };
        writeln!(
            out,
            "{name:<11} {:>8.5} {:>8.5} {:>8.5}{ci}",
            get("recall").unwrap_or(0.0),
            get("precision").unwrap_or(0.0),
            get("f").unwrap_or(0.0)
        )?;
    }
    if corpus.keys().any(|k| k.starts_with("ROUGE")) {
        writeln!(
            out,
            "ROUGE-*: ROUGE-1.5.5 {} (printed Average); rouge*: rouge-score mean",
            flags.join(" ")
        )?;
    }
    Ok(())
}

/// PTB escapes as the characters they stand for, so that PTB-tokenized text scores as raw text
/// does: ROUGE's tokenizers would otherwise count `-LRB-` as the word `lrb`. Brackets and quotes
/// are not tokens for either flavour, so this only removes the escape words.
pub fn unescape_ptb(s: &str) -> Cow<'_, str> {
    const ESCAPES: [(&str, &str); 8] = [
        ("-lrb-", "("),
        ("-rrb-", ")"),
        ("-lsb-", "["),
        ("-rsb-", "]"),
        ("-lcb-", "{"),
        ("-rcb-", "}"),
        ("``", "\""),
        ("''", "\""),
    ];
    let lower_has = |pat: &str| {
        s.as_bytes()
            .windows(pat.len())
            .any(|w| w.eq_ignore_ascii_case(pat.as_bytes()))
    };
    if !ESCAPES.iter().any(|(e, _)| lower_has(e)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    'outer: while !rest.is_empty() {
        for (esc, plain) in ESCAPES {
            if rest.len() >= esc.len()
                && rest.as_bytes()[..esc.len()].eq_ignore_ascii_case(esc.as_bytes())
            {
                out.push_str(plain);
                rest = &rest[esc.len()..];
                continue 'outer;
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::unescape_ptb;

    #[test]
    fn ptb_escapes_become_characters_in_any_case() {
        assert_eq!(
            unescape_ptb("-LRB- CNN -RRB- said ``yes''"),
            "( CNN ) said \"yes\""
        );
        assert_eq!(unescape_ptb("( cnn ) -lrb- x -rrb-"), "( cnn ) ( x )");
        assert_eq!(unescape_ptb("plain text -- é"), "plain text -- é");
        assert!(matches!(
            unescape_ptb("no escapes"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
