//! Reading news in other languages: the splitter's rules per language (hard cases taken from
//! the Universal Dependencies dev documents, never the test files), detection when reading,
//! and the analysis (stemmer, stopwords, CJK bigrams).

use nutgraf_core::analysis::{Analyzer, AnalyzerOptions};
use nutgraf_core::read::ReadOptions;
use nutgraf_core::segment::SentenceSplitter;
use nutgraf_core::{Document, Language, LanguageChoice};
use proptest::prelude::*;

fn split(text: &str, language: Language) -> Vec<&str> {
    SentenceSplitter::new()
        .split_as(text, language)
        .into_iter()
        .map(|s| &text[s.span])
        .collect()
}

#[test]
fn german_ordinals_and_abbreviations_do_not_end_sentences() {
    let text = "Die Ausgrabungszeit dauert vom 2. Juli bis 13. August. Die Kosten liegen bei 3,5 Mrd. Euro. \
                Das Restaurant im 6. Stock ist gut bzw. teuer. Der Bau begann 1990. Er dauerte lange.";
    assert_eq!(
        split(text, Language::German),
        [
            "Die Ausgrabungszeit dauert vom 2. Juli bis 13. August.",
            "Die Kosten liegen bei 3,5 Mrd. Euro.",
            "Das Restaurant im 6. Stock ist gut bzw. teuer.",
            "Der Bau begann 1990.",
            "Er dauerte lange.",
        ]
    );
    // English rules read `2. Juli` as a sentence end.
    assert!(split(text, Language::English).len() > 5);
}

#[test]
fn chinese_and_japanese_end_sentences_without_spaces() {
    assert_eq!(
        split(
            "周一风暴袭击了海岸。数千户家庭停电！他们何时恢复？",
            Language::Chinese
        ),
        ["周一风暴袭击了海岸。", "数千户家庭停电！", "他们何时恢复？"]
    );
    // Closing corner brackets stay with their sentence; half-width marks end it too.
    assert_eq!(
        split(
            "彼は「行こう。」と言った。これが美味!組内外から高い評価",
            Language::Japanese
        ),
        [
            "彼は「行こう。」と言った。",
            "これが美味!",
            "組内外から高い評価"
        ]
    );
    // The CJK marks end sentences whatever language the rules are for.
    assert_eq!(split("雨。风。", Language::English), ["雨。", "风。"]);
}

#[test]
fn dutch_low_quotes_open_a_sentence() {
    let text = "Hij concentreerde zich op de wedstrijd. ,,Mijn gedachten sprongen al vooruit.'' Dat zei hij.";
    assert_eq!(
        split(text, Language::Dutch),
        [
            "Hij concentreerde zich op de wedstrijd.",
            ",,Mijn gedachten sprongen al vooruit.''",
            "Dat zei hij.",
        ]
    );
}

#[test]
fn french_semicolons_end_sentences_before_a_capital() {
    let text = "Il adhère au Parti communiste palestinien ; Il est principalement connu pour ses romans ; \
                mais aussi pour ses essais.";
    assert_eq!(
        split(text, Language::French),
        [
            "Il adhère au Parti communiste palestinien ;",
            "Il est principalement connu pour ses romans ; mais aussi pour ses essais.",
        ]
    );
    // Not in English.
    assert_eq!(split(text, Language::English).len(), 1);
}

#[test]
fn russian_abbreviations() {
    let text = "Он родился в 1948 г. в Москве. Население составляет 13 тыс. чел. на км2. Это мало.";
    assert_eq!(
        split(text, Language::Russian),
        [
            "Он родился в 1948 г. в Москве.",
            "Население составляет 13 тыс. чел. на км2.",
            "Это мало.",
        ]
    );
}

#[test]
fn readers_detect_the_language_and_split_with_its_rules() {
    let german =
        "Die Ausgrabungszeit dauert vom 2. Juli bis 13. August. Die Frankfurter Rundschau \
                  berichtete darüber ausführlich und mit vielen Bildern.";
    let doc = Document::from_text(german, &ReadOptions::default()).unwrap();
    assert_eq!(doc.language(), Some(Language::German));
    assert_eq!(doc.len(), 2);
    let forced = ReadOptions {
        language: LanguageChoice::Is(Language::English),
        ..ReadOptions::default()
    };
    let doc = Document::from_text(german, &forced).unwrap();
    assert_eq!(doc.language(), Some(Language::English));
    assert_eq!(doc.len(), 4, "English rules split after `2.` and `13.`");
}

fn terms(doc: &Document, options: AnalyzerOptions) -> Vec<String> {
    let analyzed = Analyzer::new(options).analyze(doc);
    analyzed.sentences[0]
        .iter()
        .map(|&t| analyzed.term(t).to_string())
        .collect()
}

#[test]
fn analysis_follows_the_language() {
    let doc = Document::from_sentences(["Die Häuser der Stadt waren ohne Strom"])
        .with_language(Language::German);
    // German stopwords (`die`, `der`, `ohne`) go; the Snowball German stemmer stems.
    assert_eq!(
        terms(&doc, AnalyzerOptions::default()),
        ["haus", "stadt", "strom"]
    );
    let doc = Document::from_sentences(["周一风暴袭击了海岸"]).with_language(Language::Chinese);
    let bigrams = terms(&doc, AnalyzerOptions::default());
    assert_eq!(bigrams[..3], ["周一", "一风", "风暴"]);
    assert_eq!(bigrams.len(), 8);
    // A document without a language is detected.
    let doc = Document::from_sentences([
        "La tempête a frappé la côte lundi et des milliers de foyers ont perdu le courant",
    ]);
    let french = terms(&doc, AnalyzerOptions::default());
    assert!(
        !french.contains(&"la".to_string()) && french.contains(&"tempêt".to_string()),
        "{french:?}"
    );
}

/// Text mixing scripts, marks and whitespace, as the fuzz target feeds it.
fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Der 12. März".to_string()),
        Just("周一风暴。".to_string()),
        Just("「行こう。」".to_string()),
        Just("美味!".to_string()),
        Just(",,Ja''".to_string()),
        Just(" ; ".to_string()),
        Just("т. е.".to_string()),
        Just("هل؟".to_string()),
        Just(" ".to_string()),
        Just("\n\n".to_string()),
        "[a-zA-Z]{1,6}".prop_map(String::from),
        "[.!?。！？」）]{1,2}".prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_partition_the_text_in_every_language(text in mixed_text(), l in 0usize..19) {
        let language = Language::all().nth(l).unwrap();
        let sentences = SentenceSplitter::new().split_as(&text, language);
        let mut end = 0;
        for s in &sentences {
            prop_assert!(s.span.start >= end && s.span.start < s.span.end);
            prop_assert!(text[end..s.span.start].trim().is_empty());
            let body = &text[s.span.clone()];
            prop_assert_eq!(body.trim(), body);
            end = s.span.end;
        }
        prop_assert!(text[end..].trim().is_empty());
        // Idempotent on its own output: the sentences, written out again (a space between
        // sentences, a blank line between paragraphs), split into the same sentences.
        let mut rejoined = String::new();
        for (i, s) in sentences.iter().enumerate() {
            if i > 0 {
                let new_paragraph = sentences[i - 1].paragraph != s.paragraph;
                rejoined.push_str(if new_paragraph { "\n\n" } else { " " });
            }
            rejoined.push_str(&text[s.span.clone()]);
        }
        let first: Vec<&str> = sentences.iter().map(|s| &text[s.span.clone()]).collect();
        let again: Vec<&str> = SentenceSplitter::new()
            .split_as(&rejoined, language)
            .into_iter()
            .map(|s| &rejoined[s.span])
            .collect();
        prop_assert_eq!(again, first);
    }
}

#[test]
fn list_items_are_sentences_of_their_own() {
    let text =
        "The plan has three parts:\n1. Build the dam\n2. Move the village\n3. Flood the valley\n\n\
                Critics list the costs:\n- higher rents\n- lost farmland\n• a longer commute";
    assert_eq!(
        split(text, Language::English),
        [
            "The plan has three parts:",
            "1. Build the dam",
            "2. Move the village",
            "3. Flood the valley",
            "Critics list the costs:",
            "- higher rents",
            "- lost farmland",
            "• a longer commute",
        ]
    );
    // A year opening a line inside a sentence is not an item.
    let wrapped = "He was born in\n1990. He left.\n\nThat was all.";
    assert_eq!(split(wrapped, Language::English).len(), 3);
}
