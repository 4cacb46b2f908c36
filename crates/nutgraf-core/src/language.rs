//! The languages nutgraf reads, and finding out which one a text is in.
//!
//! A [`Language`] picks the sentence splitter's rules (abbreviations, ordinals, CJK marks) and
//! the analysis (stemmer, stopwords, CJK character bigrams). [`LanguageChoice::Auto`], the
//! default everywhere, detects it per document with `whatlang` (trigram statistics, MIT
//! licence) among the languages below; see `docs/SPLITTER.md` for its accuracy and cost on the
//! Universal Dependencies dev documents.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;

/// A language nutgraf has rules for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Language {
    /// Arabic.
    Arabic,
    /// Danish.
    Danish,
    /// German.
    German,
    /// Greek.
    Greek,
    /// English.
    English,
    /// Spanish.
    Spanish,
    /// Finnish.
    Finnish,
    /// French.
    French,
    /// Hungarian.
    Hungarian,
    /// Italian.
    Italian,
    /// Japanese.
    Japanese,
    /// Dutch.
    Dutch,
    /// Norwegian (Bokmål).
    Norwegian,
    /// Portuguese.
    Portuguese,
    /// Romanian.
    Romanian,
    /// Russian.
    Russian,
    /// Swedish.
    Swedish,
    /// Turkish.
    Turkish,
    /// Chinese.
    Chinese,
}

/// Every language with its ISO 639-1 code and whatlang's name for it.
const LANGUAGES: &[(Language, &str, whatlang::Lang)] = &[
    (Language::Arabic, "ar", whatlang::Lang::Ara),
    (Language::Danish, "da", whatlang::Lang::Dan),
    (Language::German, "de", whatlang::Lang::Deu),
    (Language::Greek, "el", whatlang::Lang::Ell),
    (Language::English, "en", whatlang::Lang::Eng),
    (Language::Spanish, "es", whatlang::Lang::Spa),
    (Language::Finnish, "fi", whatlang::Lang::Fin),
    (Language::French, "fr", whatlang::Lang::Fra),
    (Language::Hungarian, "hu", whatlang::Lang::Hun),
    (Language::Italian, "it", whatlang::Lang::Ita),
    (Language::Japanese, "ja", whatlang::Lang::Jpn),
    (Language::Dutch, "nl", whatlang::Lang::Nld),
    (Language::Norwegian, "no", whatlang::Lang::Nob),
    (Language::Portuguese, "pt", whatlang::Lang::Por),
    (Language::Romanian, "ro", whatlang::Lang::Ron),
    (Language::Russian, "ru", whatlang::Lang::Rus),
    (Language::Swedish, "sv", whatlang::Lang::Swe),
    (Language::Turkish, "tr", whatlang::Lang::Tur),
    (Language::Chinese, "zh", whatlang::Lang::Cmn),
];

impl Language {
    /// Every language, in code order.
    pub fn all() -> impl Iterator<Item = Language> {
        LANGUAGES.iter().map(|&(l, _, _)| l)
    }

    /// Its ISO 639-1 code (`en`).
    pub fn code(self) -> &'static str {
        LANGUAGES
            .iter()
            .find(|(l, _, _)| *l == self)
            .map_or("en", |(_, code, _)| code)
    }

    /// Whether its text is written without spaces between words (Chinese, Japanese).
    pub fn is_cjk(self) -> bool {
        matches!(self, Language::Chinese | Language::Japanese)
    }

    /// Its position in [`Language::all`] (for tables indexed by language).
    pub(crate) fn index(self) -> usize {
        LANGUAGES
            .iter()
            .position(|(l, _, _)| *l == self)
            .unwrap_or(0)
    }

    /// The number of languages.
    pub(crate) const COUNT: usize = 19;

    /// The Snowball stemmer of `rust-stemmers` for it, if there is one (Chinese and Japanese
    /// have none).
    pub(crate) fn stemmer(self) -> Option<rust_stemmers::Algorithm> {
        use rust_stemmers::Algorithm as A;
        Some(match self {
            Language::Arabic => A::Arabic,
            Language::Danish => A::Danish,
            Language::German => A::German,
            Language::Greek => A::Greek,
            Language::English => A::English,
            Language::Spanish => A::Spanish,
            Language::Finnish => A::Finnish,
            Language::French => A::French,
            Language::Hungarian => A::Hungarian,
            Language::Italian => A::Italian,
            Language::Dutch => A::Dutch,
            Language::Norwegian => A::Norwegian,
            Language::Portuguese => A::Portuguese,
            Language::Romanian => A::Romanian,
            Language::Russian => A::Russian,
            Language::Swedish => A::Swedish,
            Language::Turkish => A::Turkish,
            Language::Japanese | Language::Chinese => return None,
        })
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = Error;
    fn from_str(s: &str) -> Result<Language, Error> {
        LANGUAGES
            .iter()
            .find(|(_, code, _)| *code == s)
            .map(|&(l, _, _)| l)
            .ok_or_else(|| {
                let codes: Vec<&str> = LANGUAGES.iter().map(|(_, c, _)| *c).collect();
                Error::config(
                    "language",
                    format!("{s:?}"),
                    format!("auto or one of: {}", codes.join(", ")),
                )
            })
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Language, D::Error> {
        let code = String::deserialize(d)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

/// Which language to read a text as: detected per document (the default), or given.
/// As JSON, `"auto"` or a code (`"de"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LanguageChoice {
    /// Detect it per document (English when the text gives too little to tell).
    #[default]
    Auto,
    /// This language.
    Is(Language),
}

impl LanguageChoice {
    /// The language of `text` under this choice.
    pub fn resolve(self, text: &str) -> Language {
        match self {
            LanguageChoice::Is(l) => l,
            LanguageChoice::Auto => detect(text).unwrap_or(Language::English),
        }
    }
}

impl fmt::Display for LanguageChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LanguageChoice::Auto => f.write_str("auto"),
            LanguageChoice::Is(l) => l.fmt(f),
        }
    }
}

impl FromStr for LanguageChoice {
    type Err = Error;
    fn from_str(s: &str) -> Result<LanguageChoice, Error> {
        match s {
            "auto" => Ok(LanguageChoice::Auto),
            code => code.parse().map(LanguageChoice::Is),
        }
    }
}

impl Serialize for LanguageChoice {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LanguageChoice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<LanguageChoice, D::Error> {
        let code = String::deserialize(d)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

/// How much of a text detection looks at: enough for trigram statistics to settle, little
/// enough that detecting costs a fraction of reading.
const SAMPLE_BYTES: usize = 1024;

/// Whether `word` (ASCII letters, any case) is one of the English function words that other
/// languages written in Latin script rarely use. Not `in`, `an`, `on`, `at`, `by`, `he`: words
/// of German, French, Danish or Finnish too.
#[rustfmt::skip]
fn is_english_marker(word: &str) -> bool {
    if word.len() > 5 {
        return false;
    }
    let mut lower = [0u8; 5];
    for (l, b) in lower.iter_mut().zip(word.bytes()) {
        *l = b.to_ascii_lowercase();
    }
    matches!(
        &lower[..word.len()],
        b"the" | b"of" | b"and" | b"to" | b"is" | b"that" | b"for" | b"was" | b"with" | b"said"
            | b"his" | b"her" | b"they" | b"from" | b"have" | b"has" | b"been" | b"are"
            | b"were" | b"this" | b"it" | b"which" | b"would" | b"will" | b"she" | b"who"
            | b"but" | b"not" | b"had" | b"their" | b"after" | b"when" | b"about" | b"there"
            | b"what"
    )
}

/// A quick test for English, which most news nutgraf reads is in: among the first 60 words,
/// at least one in six is an English marker, or one in nine with `the` at least twice (`the`
/// is the one marker no other language uses; news ledes full of names and places, `london ,
/// england ( cnn ) -- a ...`, have fewer markers). It spares the statistics that cost some
/// 80 µs per document (`docs/SPLITTER.md` has the measurements).
fn looks_english(text: &str) -> bool {
    let mut words = 0usize;
    let mut markers = 0usize;
    let mut the = 0usize;
    for word in text.split_whitespace().take(60) {
        let word = word.trim_matches(|c: char| !c.is_ascii_alphabetic());
        if word.is_empty() {
            continue;
        }
        words += 1;
        markers += usize::from(is_english_marker(word));
        the += usize::from(word.eq_ignore_ascii_case("the"));
    }
    words >= 20 && (markers * 6 >= words || (the >= 2 && markers * 9 >= words))
}

/// The language of `text` among [`Language::all`], or `None` when the text is too short or
/// too mixed to tell.
pub fn detect(text: &str) -> Option<Language> {
    if looks_english(text) {
        return Some(Language::English);
    }
    thread_local! {
        static DETECTOR: whatlang::Detector = whatlang::Detector::with_allowlist(
            LANGUAGES.iter().map(|&(_, _, w)| w).collect(),
        );
    }
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = DETECTOR.with(|d| d.detect(&text[..end]))?;
    LANGUAGES
        .iter()
        .find(|(_, _, w)| *w == info.lang())
        .map(|&(l, _, _)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_complete() {
        assert_eq!(LANGUAGES.len(), Language::COUNT);
        for (i, l) in Language::all().enumerate() {
            assert_eq!(l.index(), i);
        }
    }

    #[test]
    fn codes_round_trip() {
        for l in Language::all() {
            assert_eq!(l.code().parse::<Language>().unwrap(), l);
            let json = serde_json::to_string(&LanguageChoice::Is(l)).unwrap();
            assert_eq!(json, format!("\"{}\"", l.code()));
        }
        assert_eq!(
            "auto".parse::<LanguageChoice>().unwrap(),
            LanguageChoice::Auto
        );
        assert!("xx".parse::<LanguageChoice>().is_err());
    }

    #[test]
    fn detects_news_languages() {
        let cases = [
            (
                "The storm hit the coast on Monday and thousands of homes lost power.",
                Language::English,
            ),
            (
                "Der Sturm traf am Montag die Küste, und tausende Häuser waren ohne Strom.",
                Language::German,
            ),
            (
                "La tempête a frappé la côte lundi et des milliers de foyers ont perdu le courant.",
                Language::French,
            ),
            (
                "La tormenta golpeó la costa el lunes y miles de hogares se quedaron sin luz.",
                Language::Spanish,
            ),
            (
                "Буря обрушилась на побережье в понедельник, тысячи домов остались без света.",
                Language::Russian,
            ),
            ("周一风暴袭击了海岸，数千户家庭停电。", Language::Chinese),
            (
                "月曜日に嵐が海岸を襲い、数千戸が停電した。",
                Language::Japanese,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), Some(want), "{text}");
        }
        assert_eq!(LanguageChoice::Auto.resolve(""), Language::English);
    }
}
