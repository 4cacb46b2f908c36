//! The readers never panic, whatever the input, and always yield typed results.

use nutgraf_core::analysis::{tokens, word_count};
use nutgraf_core::read::{detect_format, parse_text, Format, ReadOptions};
use proptest::prelude::*;

fn jsonish() -> impl Strategy<Value = String> {
    let parts = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        "\"article\"",
        "\"highlights\"",
        "\"doc\"",
        "\"labels\"",
        "\"summaries\"",
        "\"id\"",
        ":",
        ",",
        "\"a . b .\"",
        "\"1\\n0\"",
        "null",
        "3",
        "\n",
        " ",
        "\"x\\ny\"",
        "@highlight",
        "\u{fffd}",
    ]);
    prop::collection::vec(parts, 0..40).prop_map(|p| p.concat())
}

fn exercise(text: &str) {
    let options = ReadOptions::default();
    for &format in Format::ALL {
        if let Ok(docs) = parse_text(text, format, &options) {
            for doc in docs {
                for s in doc.sentences() {
                    assert!(doc.text().get(s.span.clone()).is_some());
                }
                if let (Some(labels), Format::Summarunner) = (&doc.labels(), format) {
                    assert_eq!(labels.len(), doc.len());
                }
            }
        }
    }
    let _ = detect_format(text, &options);
    let _ = tokens(text).count();
    let _ = word_count(text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        exercise(&text);
    }

    #[test]
    fn json_like_text_never_panics(text in jsonish()) {
        exercise(&text);
    }
}
