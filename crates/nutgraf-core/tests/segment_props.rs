//! Properties of the splitter on arbitrary input: spans partition the text and it never panics.

use nutgraf_core::segment::SentenceSplitter;
use proptest::prelude::*;

/// Checks that `spans` partition `text`: in order, non-overlapping, non-empty, trimmed, with
/// only whitespace between and around them, and paragraph numbers non-decreasing.
fn assert_partition(text: &str) {
    let sentences = SentenceSplitter::new().split(text);
    let mut pos = 0;
    let mut paragraph = 0;
    for s in &sentences {
        assert!(
            s.span.start >= pos && s.span.start < s.span.end,
            "{:?} in {text:?}",
            s.span
        );
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        assert!(
            text[pos..s.span.start].chars().all(char::is_whitespace),
            "gap {pos}..{:?}",
            s.span
        );
        let body = &text[s.span.clone()];
        assert_eq!(body, body.trim(), "untrimmed sentence");
        assert!(s.paragraph >= paragraph, "paragraphs go back");
        paragraph = s.paragraph;
        pos = s.span.end;
    }
    assert!(
        text[pos..].chars().all(char::is_whitespace),
        "text left over"
    );
    // Paragraph numbers are dense.
    for w in sentences.windows(2) {
        assert!(w[1].paragraph - w[0].paragraph <= 1);
    }
    if let Some(first) = sentences.first() {
        assert_eq!(first.paragraph, 0);
    }
}

/// News-like words, including every construct the rules look at.
fn newsy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "The", "the", "U.S.", "u.s.", "Mr.", "said", ".", "?", "!", "...", "…", "\"", "'", "''",
        "``", "-LRB-", "-RRB-", "(", ")", "(CNN)", "--", "Jan.", "5", "3.5", "No.", "J.", "He",
        "he", "said.\"", "below.)", ",", ":", "\n", "\n\n", "‘", "’", "“", "”", "Inc.", "a.m.",
        "LONDON,", "n't", "'s", "it.", "over.'", "\u{a0}", "\u{2029}", "\r\n",
    ]);
    prop::collection::vec(words, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn partition_on_arbitrary_unicode(text in "\\PC*") {
        assert_partition(&text);
    }

    #[test]
    fn partition_on_any_chars(text in any::<String>()) {
        assert_partition(&text);
    }

    #[test]
    fn partition_on_newsy_text(text in newsy()) {
        assert_partition(&text);
    }

    #[test]
    fn splitting_is_deterministic(text in newsy()) {
        let s = SentenceSplitter::new();
        prop_assert_eq!(s.split(&text), s.split(&text));
    }
}
