//! Reader + splitter + every summarizer never panic, and their outputs keep their invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nutgraf::methods::NAMES;
use nutgraf::read::{parse_text, Format, ReadOptions};
use nutgraf::{Budget, Language, LanguageChoice, MethodConfig, Summarizer};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let format = Format::ALL[selector as usize % Format::ALL.len()];
    let budget = match selector / 8 % 4 {
        0 => Budget::Sentences(3),
        1 => Budget::Words(40),
        2 => Budget::Bytes(200),
        _ => Budget::Ratio(0.3),
    };
    let explain = selector & 0x80 != 0;
    // Every language's rules (and detection) on any text: scripts and marks mixed at will.
    let language = match rest.first().copied().unwrap_or(0) as usize % 20 {
        19 => LanguageChoice::Auto,
        n => LanguageChoice::Is(Language::all().nth(n).unwrap_or(Language::English)),
    };
    let options = ReadOptions { language, ..ReadOptions::default() };
    let Ok(docs) = parse_text(&text, format, &options) else { return };
    for doc in &docs {
        for w in doc.sentences().windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
        assert_eq!(doc.char_spans().len(), doc.len());
        for &name in NAMES {
            let summarizer = Summarizer::builder()
                .method(MethodConfig::named(name).unwrap())
                .budget(budget)
                .explain(explain)
                .build()
                .unwrap();
            // A classic method never fails and keeps its contract on any text.
            let summary = summarizer.summarize(doc).unwrap();
            assert_eq!(summary.scores.len(), doc.len());
            assert!(summary.scores.iter().all(|s| s.is_finite()));
            assert!(summary.selected.windows(2).all(|w| w[0] < w[1]));
            assert!(summary.selected.iter().all(|&i| i < doc.len()));
            let record = summary.record(doc, summarizer.shared_config());
            assert!(serde_json::to_string(&record).is_ok());
        }
    }
});
