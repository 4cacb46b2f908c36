//! ROUGE-1.5.5 golden runs on the `tricky` and `news` sets (`shared/golden/rouge/`): every
//! per-document value and every printed Average and confidence bound, compared as the 5-decimal
//! strings ROUGE-1.5.5 prints. The options of each run are read from its `command`.

mod perl_util;

use nutgraf_eval::perl::{pyrouge_eval_ids, DocScores, EvalIds};
use nutgraf_eval::Error;
use perl_util::{config_of, json, pairs, Tally};

/// One full run: all per-document values, the EVAL IDs and the corpus block.
fn run(file: &str) {
    let set = if file.contains(".news.") {
        "news"
    } else {
        "tricky"
    };
    let golden = json(&format!("rouge/{file}"));
    let rouge = config_of(golden["command"].as_str().expect("command"))
        .build()
        .expect("build");
    let pairs = pairs(set);
    let per_doc = golden["per_doc"].as_array().expect("per_doc");
    assert_eq!(per_doc.len(), pairs.len(), "{file}: document count");
    let docs: Vec<DocScores> = rouge
        .score_batch(&pairs)
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.unwrap_or_else(|e| panic!("{file} doc {i}: {e}")))
        .collect();
    let mut tally = Tally::default();
    let ids = pyrouge_eval_ids(pairs.len());
    for (i, (want, got)) in per_doc.iter().zip(&docs).enumerate() {
        assert_eq!(want["index"].as_u64(), Some(i as u64));
        assert_eq!(
            want["eval_id"].as_str(),
            Some(ids[i].as_str()),
            "{file} doc {i}: EVAL ID"
        );
        tally.doc(i, &want["scores"], got);
    }
    let corpus = rouge.corpus(&docs, EvalIds::Pyrouge).expect("corpus");
    tally.corpus(&golden["corpus"], &corpus);
    tally.finish(file);
}

macro_rules! golden_runs {
    ($($name:ident => $file:literal,)*) => {
        $(#[test] fn $name() { run($file); })*
    };
}

golden_runs! {
    m_tricky => "rouge155.m.tricky.json",
    m_news => "rouge155.m.news.json",
    nostem_tricky => "rouge155.nostem.tricky.json",
    nostem_news => "rouge155.nostem.news.json",
    stopwords_tricky => "rouge155.m.s.tricky.json",
    stopwords_news => "rouge155.m.s.news.json",
    words75_tricky => "rouge155.m.l75.tricky.json",
    words75_news => "rouge155.m.l75.news.json",
    bytes75_tricky => "rouge155.m.b75.tricky.json",
    bytes75_news => "rouge155.m.b75.news.json",
    su4_tricky => "rouge155.m.su4.tricky.json",
    su4_news => "rouge155.m.su4.news.json",
    paper_news => "rouge155.m.w.news.json",
}

/// The paper flags run once per document: ROUGE-1.5.5 dies on some (ROUGE-W with an empty
/// reference); elsewhere the per-document values and the one-document Average must match.
fn per_doc_runs(set: &str) {
    let file = format!("rouge155.m.w.perdocruns.{set}.json");
    let golden = json(&format!("rouge/{file}"));
    let rouge = config_of(golden["command"].as_str().expect("command"))
        .build()
        .expect("build");
    let pairs = pairs(set);
    let runs = golden["per_doc_runs"].as_array().expect("per_doc_runs");
    assert_eq!(runs.len(), pairs.len());
    let mut tally = Tally::default();
    let results = rouge.score_batch(&pairs);
    // Counted apart, from the golden file and from our results, before matching them up.
    let golden_errors = runs.iter().filter(|r| r.get("error").is_some()).count();
    let errors = results.iter().filter(|r| r.is_err()).count();
    assert_eq!(errors, golden_errors, "{file}: documents that fail");
    for (i, (run, got)) in runs.iter().zip(results).enumerate() {
        match (run.get("error"), got) {
            (Some(_), Err(Error::Document { index, error }))
                if matches!(*error, Error::EmptyReferenceW { .. }) =>
            {
                assert_eq!(index, i);
            }
            (Some(e), Ok(_)) => panic!("{file} doc {i}: ROUGE-1.5.5 fails ({e}) but we scored it"),
            (None, Err(e)) => panic!("{file} doc {i}: we fail ({e}) where ROUGE-1.5.5 scores"),
            (Some(_), Err(e)) => panic!("{file} doc {i}: wrong error kind: {e}"),
            (None, Ok(doc)) => {
                tally.doc(i, &run["per_eval"], &doc);
                let ids = [String::from("1")];
                let corpus = rouge
                    .corpus(std::slice::from_ref(&doc), EvalIds::Custom(&ids))
                    .expect("corpus");
                for (metric, c) in corpus.iter() {
                    let want = &run["scores"][metric];
                    tally.check(
                        || format!("doc {i} run {metric} R"),
                        &want["R"],
                        c.recall.average,
                    );
                    tally.check(
                        || format!("doc {i} run {metric} P"),
                        &want["P"],
                        c.precision.average,
                    );
                    tally.check(
                        || format!("doc {i} run {metric} F"),
                        &want["F"],
                        c.f.average,
                    );
                }
            }
        }
    }
    println!("{file}: {errors} documents fail as in ROUGE-1.5.5");
    tally.finish(&file);
}

#[test]
fn per_doc_runs_tricky() {
    per_doc_runs("tricky");
}

#[test]
fn per_doc_runs_news() {
    per_doc_runs("news");
}
