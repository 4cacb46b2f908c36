//! Reader + splitter + every summarizer never panic, and their outputs keep their invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nutgraf::read::{parse_text, Format, ReadOptions};
use nutgraf::{Budget, MethodKind, Summarizer};

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
    let Ok(docs) = parse_text(&text, format, &ReadOptions::default()) else { return };
    for doc in &docs {
        for w in doc.sentences.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
        for &method in MethodKind::ALL {
            let summarizer = Summarizer::builder().method(method).budget(budget).build().unwrap();
            let summary = summarizer.summarize(doc);
            assert_eq!(summary.scores.len(), doc.len());
            assert!(summary.scores.iter().all(|s| s.is_finite()));
            assert!(summary.selected.windows(2).all(|w| w[0] < w[1]));
            assert!(summary.selected.iter().all(|&i| i < doc.len()));
        }
    }
});
