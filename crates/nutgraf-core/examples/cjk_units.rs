//! CJK word units for the methods: the character bigrams nutgraf uses (see
//! `nutgraf_core::analysis`) against a segmenter that needs no download, `jieba-rs` for
//! Chinese (its dictionary is embedded) and `tinysegmenter` for Japanese (its model is
//! embedded), on the Universal Dependencies dev documents (`../shared/data/ud/`).
//!
//! ```text
//! cargo run --release -p nutgraf-core --example cjk_units -- \
//!     ../shared/data/ud/zh.dev.jsonl.gz ../shared/data/ud/ja.dev.jsonl.gz
//! ```
//!
//! It prints, per file, (1) the speed of cutting the text into units (MB of text per second,
//! best of 5 passes; units only, then the whole analysis into an `Analyzed` document), and
//! (2) how far the choice of units moves a summary: for each document (its gold sentences)
//! and each of textrank, lexrank, centroid and sumbasic, the 3 selected sentences with the
//! segmenter's words as units against those with bigrams (for scale: with single characters,
//! a unit known to be poorer, and, for Chinese, with jieba's words cut without its HMM, about
//! as good), as the mean Jaccard index of the two selections.
//! The UD files hold no gold word tokens (their fields are `id`, `lang`, `text`, `sentences`
//! and `ends`), so the segmenter's words stand in for words.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::time::Instant;

use nutgraf_core::analysis::{is_cjk, Analyzed, Analyzer, AnalyzerOptions, Fill};
use nutgraf_core::methods::{
    Centroid, CentroidConfig, Input, LexRank, LexRankConfig, Method, SumBasic, TextRank,
    TextRankConfig,
};
use nutgraf_core::select::{Redundancy, Selector};
use nutgraf_core::{Budget, Document, Language};

#[derive(serde::Deserialize)]
struct Gold {
    lang: String,
    sentences: Vec<String>,
}

/// The units of one sentence under a scheme, as strings.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Scheme {
    /// Overlapping character bigrams of each CJK run (the library's units).
    Bigrams,
    /// The segmenter's words.
    Segmenter,
    /// jieba's words from its dictionary alone, without the HMM for unknown words (a second
    /// segmentation of about the same quality, for scale; Japanese: as `Segmenter`).
    SegmenterNoHmm,
    /// Single characters.
    Chars,
}

struct Units {
    jieba: jieba_rs::Jieba,
    /// The stopword list of the language (the one the library applies to bigrams).
    stop: std::collections::HashSet<&'static str>,
}

impl Units {
    /// Units of `sentence` (punctuation and whitespace dropped, Latin words lowercased).
    fn cut(&self, scheme: Scheme, language: Language, sentence: &str, out: &mut Vec<String>) {
        match scheme {
            Scheme::Bigrams | Scheme::Chars => {
                for word in sentence.split_whitespace() {
                    let chars: Vec<char> = word.chars().collect();
                    let mut i = 0;
                    while i < chars.len() {
                        let cjk = is_cjk(chars[i]);
                        let mut j = i;
                        while j < chars.len() && is_cjk(chars[j]) == cjk {
                            j += 1;
                        }
                        let run = &chars[i..j];
                        if !cjk {
                            for w in run
                                .iter()
                                .collect::<String>()
                                .split(|c: char| !c.is_alphanumeric())
                                .filter(|w| !w.is_empty())
                            {
                                out.push(w.to_lowercase());
                            }
                        } else if scheme == Scheme::Chars || run.len() == 1 {
                            out.extend(run.iter().map(|c| c.to_string()));
                        } else {
                            out.extend(run.windows(2).map(|p| p.iter().collect::<String>()));
                        }
                        i = j;
                    }
                }
            }
            Scheme::Segmenter | Scheme::SegmenterNoHmm => {
                let words: Vec<String> = if language == Language::Chinese {
                    self.jieba
                        .cut(sentence, scheme == Scheme::Segmenter)
                        .into_iter()
                        .map(|t| t.word.to_string())
                        .collect()
                } else {
                    tinysegmenter::tokenize(sentence)
                };
                for w in words {
                    let w = w.trim();
                    if w.chars().any(char::is_alphanumeric) {
                        out.push(w.to_lowercase());
                    }
                }
            }
        }
    }

    /// `doc` analyzed with the units of `scheme`, stopwords of the language's list dropped
    /// (the list the library applies to bigrams).
    fn analyze(&self, scheme: Scheme, language: Language, doc: &Document) -> Analyzed {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut out = Analyzed::default();
        let mut buf = Vec::new();
        for text in doc.sentence_texts() {
            buf.clear();
            self.cut(scheme, language, text, &mut buf);
            let mut sentence = Vec::with_capacity(buf.len());
            for u in buf.drain(..) {
                if self.stop.contains(u.as_str()) {
                    continue;
                }
                let next = ids.len() as u32;
                sentence.push(*ids.entry(u).or_insert(next));
            }
            out.words.push(text.chars().filter(|&c| is_cjk(c)).count());
            out.bytes.push(text.len());
            out.tokens.push(sentence.clone());
            out.sentences.push(sentence);
        }
        out.n_terms = ids.len();
        out
    }
}

/// The 3 sentences `method` selects from `doc` analyzed as `analyzed`, sorted.
fn select(method: &dyn Method, doc: &Document, analyzed: &Analyzed) -> Vec<usize> {
    let input = Input {
        document: doc,
        analyzed,
        explain: false,
    };
    let scores = method.score(&input).expect("scores");
    let mut selector = Selector::new(analyzed, Budget::Sentences(3), Redundancy::None);
    method
        .select(&input, &scores.values, &mut selector)
        .expect("selects");
    selector.into_sorted()
}

fn jaccard(a: &[usize], b: &[usize]) -> f64 {
    let inter = a.iter().filter(|i| b.contains(i)).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

/// The expected Jaccard index of two selections of 3 of `n` sentences drawn at random (the
/// agreement of chance): the overlap is hypergeometric.
fn chance(n: usize) -> f64 {
    let k = 3.min(n);
    let choose = |n: usize, r: usize| -> f64 {
        if r > n {
            return 0.0;
        }
        (0..r).map(|i| (n - i) as f64 / (i + 1) as f64).product()
    };
    (0..=k)
        .map(|i| {
            let p = choose(k, i) * choose(n - k, k - i) / choose(n, k);
            p * i as f64 / (2 * k - i) as f64
        })
        .sum()
}

/// Best of 5 passes of `f` over the documents, in MB of text per second.
fn speed(bytes: usize, mut f: impl FnMut()) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    bytes as f64 / 1e6 / best
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let t = Instant::now();
    let mut units = Units {
        jieba: jieba_rs::Jieba::new(),
        stop: Default::default(),
    };
    println!(
        "jieba dictionary load: {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let methods: Vec<Box<dyn Method>> = vec![
        Box::new(TextRank::new(TextRankConfig::default())?),
        Box::new(LexRank::new(LexRankConfig::default())?),
        Box::new(Centroid::new(CentroidConfig::default())?),
        Box::new(SumBasic),
    ];
    for path in std::env::args().skip(1) {
        let file = std::fs::File::open(&path)?;
        let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
        let mut docs = Vec::new();
        let mut language = Language::Chinese;
        for line in reader.lines() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let gold: Gold = serde_json::from_str(&line)?;
            language = if gold.lang == "ja" {
                Language::Japanese
            } else {
                Language::Chinese
            };
            docs.push(Document::from_sentences(&gold.sentences).with_language(language));
        }
        units.stop = stop_words::lookup(language.code())
            .unwrap_or(&[])
            .iter()
            .copied()
            .collect();
        let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
        let segmenter = if language == Language::Chinese {
            "jieba-rs"
        } else {
            "tinysegmenter"
        };
        println!(
            "\n{path}: {} documents, {} sentences, {:.1} kB",
            docs.len(),
            docs.iter().map(Document::len).sum::<usize>(),
            bytes as f64 / 1e3
        );
        // (1) Speed.
        let mut sink = 0usize;
        let mut buf = Vec::new();
        let mut units_only = |scheme: Scheme| {
            speed(bytes, || {
                for doc in &docs {
                    for s in doc.sentence_texts() {
                        buf.clear();
                        units.cut(scheme, language, s, &mut buf);
                        sink += buf.len();
                    }
                }
            })
        };
        let bigram_units = units_only(Scheme::Bigrams);
        let segmenter_units = units_only(Scheme::Segmenter);
        let analyzer = Analyzer::new(AnalyzerOptions::default());
        let library = speed(bytes, || {
            for doc in &docs {
                sink += analyzer.analyze_with(doc, Fill::default()).n_terms;
            }
        });
        let segmenter_analysis = speed(bytes, || {
            for doc in &docs {
                sink += units.analyze(Scheme::Segmenter, language, doc).n_terms;
            }
        });
        println!("speed, MB/s (units only | whole analysis):");
        println!("  bigrams        {bigram_units:>7.1} | {library:>7.1} (the library's Analyzer)");
        println!("  {segmenter:<14} {segmenter_units:>7.1} | {segmenter_analysis:>7.1}");
        // (2) Agreement of the selections.
        println!("mean Jaccard of the 3 selected sentences ({segmenter} words as the reference):");
        let random = docs.iter().map(|d| chance(d.len())).sum::<f64>() / docs.len() as f64;
        println!("  method     bigrams  library  chars  no-HMM   (bigrams vs library's Analyzer)");
        println!("  (chance)   {random:>7.3}");
        for method in &methods {
            let mut sums = [0.0; 5];
            for doc in &docs {
                let words = select(
                    method.as_ref(),
                    doc,
                    &units.analyze(Scheme::Segmenter, language, doc),
                );
                let bigrams = select(
                    method.as_ref(),
                    doc,
                    &units.analyze(Scheme::Bigrams, language, doc),
                );
                let library = select(method.as_ref(), doc, &analyzer.analyze(doc));
                let chars = select(
                    method.as_ref(),
                    doc,
                    &units.analyze(Scheme::Chars, language, doc),
                );
                sums[0] += jaccard(&words, &bigrams);
                sums[1] += jaccard(&words, &library);
                sums[2] += jaccard(&words, &chars);
                sums[3] += jaccard(&bigrams, &library);
                let no_hmm = select(
                    method.as_ref(),
                    doc,
                    &units.analyze(Scheme::SegmenterNoHmm, language, doc),
                );
                sums[4] += jaccard(&words, &no_hmm);
            }
            let n = docs.len() as f64;
            println!(
                "  {:<10} {:>7.3}  {:>7.3}  {:>5.3}  {:>6.3}   {:.3}",
                method.name(),
                sums[0] / n,
                sums[1] / n,
                sums[2] / n,
                sums[4] / n,
                sums[3] / n
            );
        }
        std::hint::black_box(sink);
    }
    Ok(())
}
