//! Every method on real text in every language of `../shared/data/ud/`, read from raw text with
//! the language detected (the defaults, as `--language auto` runs them): the language is found,
//! the text is split into sentences, every method picks three of them and tells sentences
//! apart, and ROUGE's `unicode` tokenizer scores the picks against the document.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use nutgraf::read::Reader;
use nutgraf::rouge::google::{RougeScorer, Tokenizer};
use nutgraf::{Budget, Document, MethodConfig, ReadOptions, Summarizer, SummarizerConfig};

fn ud_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud")
}

/// The first `n` documents of a UD file with at least five gold sentences and 300 bytes (not
/// tr_imst/dev/1, fourteen "sentences" of dots and brackets), read from their raw
/// `text` field, with the gold sentences as the reference.
fn documents(path: &Path, n: usize) -> Vec<Document> {
    let options = ReadOptions {
        text_field: "text".into(),
        reference_field: "sentences".into(),
        ..ReadOptions::default()
    };
    let reader = Reader::open(path, &options).unwrap();
    std::iter::from_fn({
        let mut reader = reader;
        move || reader.next_record()
    })
    .map(|r| r.unwrap().document)
    .filter(|d| d.reference().unwrap().len() >= 5 && d.text().len() >= 300)
    .take(n)
    .collect()
}

fn dev_files() -> Vec<(String, PathBuf)> {
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(ud_dir())
        .expect("../shared/data/ud beside the repository")
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            let lang = name.strip_suffix(".dev.jsonl.gz")?.to_string();
            Some((lang, p))
        })
        .collect();
    files.sort();
    files
}

/// Runs every method but the oracle (which needs a reference summary) on `doc` with a
/// three-sentence budget and checks the picks; returns the methods whose scores told some
/// sentences apart.
fn summarize_with_every_method(doc: &Document, what: &str) -> BTreeSet<&'static str> {
    let rouge = RougeScorer::builder()
        .metrics(["rouge1"])
        .stem(true)
        .tokenizer(Tokenizer::Unicode)
        .build()
        .unwrap();
    let whole: Vec<&str> = doc.sentence_texts().collect();
    let mut told_apart = BTreeSet::new();
    for &name in MethodConfig::NAMES.iter().filter(|&&m| m != "oracle") {
        let mut config = SummarizerConfig::new(MethodConfig::named(name).unwrap());
        config.budget = Budget::Sentences(3);
        let summary = Summarizer::from_config(&config)
            .unwrap()
            .summarize(doc)
            .unwrap_or_else(|e| panic!("{what} {name}: {e}"));
        assert_eq!(summary.selected.len(), 3, "{what} {name}");
        let first = summary.scores[0];
        if summary.scores.iter().any(|&s| s != first) {
            told_apart.insert(name);
        }
        // The picks are sentences of the document, so every one of their words is in it:
        // ROUGE-1 precision is 1 with a tokenizer that sees the script's words.
        let scores = rouge.score(&summary.texts(doc), &whole);
        let r1 = scores[0].1;
        assert_eq!(r1.precision, 1.0, "{what} {name}: {scores:?}");
        assert!(r1.recall > 0.0 && r1.recall < 1.0, "{what} {name}");
    }
    told_apart
}

/// Every method but Lead (position only) and the oracle must tell sentences apart on some
/// document of every language.
fn assert_every_method_told_apart(told_apart: &BTreeSet<&str>, lang: &str) {
    let missing: Vec<&str> = MethodConfig::NAMES
        .iter()
        .copied()
        .filter(|&m| m != "oracle" && m != "lead" && !told_apart.contains(m))
        .collect();
    assert!(
        missing.is_empty(),
        "{lang}: equal scores throughout from {missing:?}"
    );
}

#[test]
fn every_method_summarizes_every_language_from_raw_text() {
    let files = dev_files();
    assert!(files.len() >= 11, "{files:?}");
    for (lang, path) in &files {
        // Methods that scored some document's sentences unequally. Not every document: LexRank
        // gives equal scores when no two sentences are similar enough to link (short texts).
        let mut told_apart = BTreeSet::new();
        for doc in documents(path, 3) {
            let what = format!("{lang} {:?}", doc.id());
            assert_eq!(
                doc.language().map(|l| l.code()),
                Some(lang.as_str()),
                "{what}"
            );
            // Split about as the treebank is: within a third of its count (pt_bosque/dev/1 opens
            // with two headlines without punctuation, which join the text: 4 of 6).
            let gold = doc.reference().unwrap().len();
            assert!(
                doc.len().abs_diff(gold) * 3 <= gold,
                "{what}: {} sentences, {gold} in the treebank",
                doc.len()
            );
            told_apart.extend(summarize_with_every_method(&doc, &what));
        }
        assert_every_method_told_apart(&told_apart, lang);
    }
}

/// Arabic has no UD file in `shared/`: a short news text written for this test.
#[test]
fn arabic_news_is_detected_split_and_summarized() {
    let text = "ضربت عاصفة قوية الساحل الشرقي يوم الاثنين. انقطعت الكهرباء عن آلاف المنازل في \
                المدينة بسبب العاصفة. قال المسؤولون إن إصلاح شبكة الكهرباء سيستغرق أسبوعا. هل \
                كانت السلطات مستعدة للعاصفة؟ أغلقت المدارس أبوابها حتى نهاية الأسبوع. وحذرت \
                الأرصاد الجوية من أمطار غزيرة وعاصفة جديدة على الساحل.";
    let doc = Document::from_text(text, &ReadOptions::default()).unwrap();
    assert_eq!(doc.language().map(|l| l.code()), Some("ar"));
    assert_eq!(
        doc.len(),
        6,
        "{:?}",
        doc.sentence_texts().collect::<Vec<_>>()
    );
    assert!(doc.sentence(3).ends_with('؟'));
    assert_every_method_told_apart(&summarize_with_every_method(&doc, "ar"), "ar");
}
