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
fn japanese_sentences_end_without_a_mark_after_a_polite_past_a_star_or_before_a_digit() {
    // The polite past before a kanji or katakana, a star after hiragana, and a half-width `?`
    // before a digit end a sentence (ja GSD dev).
    assert_eq!(
        split(
            "感じのいいところでした駅から遠く、行きたいお店です☆そのため、ロビー?2008年に入り、提携した。",
            Language::Japanese
        ),
        [
            "感じのいいところでした",
            "駅から遠く、行きたいお店です☆",
            "そのため、ロビー?",
            "2008年に入り、提携した。",
        ]
    );
    // A particle after the polite past, the honorific formula before `皆`, and a star
    // between Latin words go on.
    assert_eq!(
        split(
            "雨でしたが晴れた。ご来場いただきました皆様に感謝。Splash☆Starを見た。",
            Language::Japanese
        ),
        [
            "雨でしたが晴れた。",
            "ご来場いただきました皆様に感謝。",
            "Splash☆Starを見た。"
        ]
    );
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
fn russian_periods_after_full_words_quotes_and_escaped_quotes() {
    // ru GSD dev: a lowercase sentence after a full word's period; `и др.` closing an
    // enumeration before a quotation; a quotation mark then a period after `?` (one sentence);
    // the escaped quotation marks of web text (`&#39;&#39;`) after `!`.
    let text = "Они заметны в трёх сценах фильма. уровень программы: бакалавриат. \
                Это Стефен Хилл и др. ``12 (13) злобных зрителей&#39;&#39;. \
                Он спросил: ``Где теперь любовь? ``. Слава Харькову индустриальному!&#39;&#39; Река течёт.";
    assert_eq!(
        split(text, Language::Russian),
        [
            "Они заметны в трёх сценах фильма.",
            "уровень программы: бакалавриат.",
            "Это Стефен Хилл и др.",
            "``12 (13) злобных зрителей&#39;&#39;.",
            "Он спросил: ``Где теперь любовь? ``.",
            "Слава Харькову индустриальному!&#39;&#39;",
            "Река течёт.",
        ]
    );
    // Cuts go on before a lowercase word: short ones, the longer ones of the table, and a
    // Latin word (a web address, `pweination. соm`).
    let text = "Тираж 12 тыс. экземпляров, театральная касса и др. учреждения (англ. opening) \
                на сайте pweination. соm в марте.";
    assert_eq!(split(text, Language::Russian), [text]);
    // An opening quote and an ellipsis do not close the sentence before them (pt Bosque
    // train: `13 horas da «Rádio Nacional»). «... Os`).
    let text = "Das 13 horas da «Rádio Nacional»). «... Os laboratórios.";
    assert_eq!(
        split(text, Language::Portuguese)[0],
        "Das 13 horas da «Rádio Nacional»)."
    );
}

#[test]
fn turkish_sentences_may_open_lowercase_but_not_after_ordinals_or_verbs_of_saying() {
    // Cases of the UD IMST dev file: sentences that open lowercase, ordinals in words, a
    // verb of saying after the quotation, the pronoun `o`, a rank before a name.
    let text = "Kızı birbuçuk yaşındaydı. kirk yaşındayım. Göç onyedi. yüzyılda başladı. \
                Yeter. dedim. Ne yapıyor o. Anlatırım. Genelkurmay Başkanı Org. Hilmi Özkök geldi. \
                Elma, armut vb. meyveler aldı.";
    assert_eq!(
        split(text, Language::Turkish),
        [
            "Kızı birbuçuk yaşındaydı.",
            "kirk yaşındayım.",
            "Göç onyedi. yüzyılda başladı.",
            "Yeter. dedim.",
            "Ne yapıyor o.",
            "Anlatırım.",
            "Genelkurmay Başkanı Org. Hilmi Özkök geldi.",
            "Elma, armut vb. meyveler aldı.",
        ]
    );
    // Elsewhere a lowercase word after a period keeps the sentence going.
    assert_eq!(
        split("Born in 1948 in St. petersburg.", Language::English).len(),
        1
    );
}

#[test]
fn spanish_dashes_open_dialogue_but_continue_dates_and_punctuation() {
    // Cases of the UD AnCora dev file: a dash opening a line of dialogue, alone or doubled;
    // a dash before punctuation; a chronology's entry after its date.
    let text = "De allí las rebajas. - Ya sé qué ocurre - explicó. ¿Por qué tanto tiempo? - -. \
                Ha salido así. ¿Por qué? -, se pregunta. 6 de julio. - Barak presenta el Gobierno. \
                Pero ella nunca lo vio claro. - - Pero mira que eres burra.";
    assert_eq!(
        split(text, Language::Spanish),
        [
            "De allí las rebajas.",
            "- Ya sé qué ocurre - explicó.",
            "¿Por qué tanto tiempo? - -.",
            "Ha salido así.",
            "¿Por qué? -, se pregunta.",
            "6 de julio. - Barak presenta el Gobierno.",
            "Pero ella nunca lo vio claro.",
            "- - Pero mira que eres burra.",
        ]
    );
}

#[test]
fn portuguese_headlines_end_before_an_opener_but_not_after_a_speakers_dash() {
    let text = "Luta no Afeganistão deixa dez mortos Pelo menos dez pessoas morreram. \
                Folha -- O senhor acha que o usuário é culpado?";
    assert_eq!(
        split(text, Language::Portuguese),
        [
            "Luta no Afeganistão deixa dez mortos",
            "Pelo menos dez pessoas morreram.",
            "Folha -- O senhor acha que o usuário é culpado?",
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

#[test]
fn italian_colons_end_sentences_and_titles_do_not() {
    // it_isdt dev: a colon ends a sentence before a capital (ISDT's convention), and a title
    // abbreviation keeps its sentence going.
    assert_eq!(
        split(
            "Esodo controllato a Civitavecchia: In ospedale a Bolzano sono stati ricoverati \
             cinque feriti. Il dott. Rossi li ha visitati.",
            Language::Italian
        ),
        [
            "Esodo controllato a Civitavecchia:",
            "In ospedale a Bolzano sono stati ricoverati cinque feriti.",
            "Il dott. Rossi li ha visitati.",
        ]
    );
}

/// The analyzer's per-thread memo keeps each word's term keys per set of options: analyses with
/// different options, interleaved on one thread, give what each gives alone.
#[test]
fn options_interleaved_on_one_thread_do_not_mix() {
    let text = "The houses of the city were running without power, officials said.";
    let doc = Document::from_sentences([text]).with_language(Language::English);
    let all = [
        AnalyzerOptions::default(),
        AnalyzerOptions {
            stem: false,
            ..AnalyzerOptions::default()
        },
        AnalyzerOptions {
            stopwords: false,
            ..AnalyzerOptions::default()
        },
        AnalyzerOptions {
            stem: false,
            stopwords: false,
            ..AnalyzerOptions::default()
        },
    ];
    let first: Vec<Vec<String>> = all.iter().map(|&o| terms(&doc, o)).collect();
    assert_eq!(
        first[0],
        ["hous", "citi", "run", "without", "power", "offici", "said"]
    );
    assert_eq!(
        first[1],
        [
            "houses",
            "city",
            "running",
            "without",
            "power",
            "officials",
            "said"
        ]
    );
    assert_eq!(first[2][..3], ["the", "hous", "of"]);
    assert_eq!(first[3][..3], ["the", "houses", "of"]);
    for _ in 0..2 {
        for (o, expected) in all.iter().zip(&first).rev() {
            assert_eq!(&terms(&doc, *o), expected, "{o:?}");
        }
    }
}
