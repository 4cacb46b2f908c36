//! What the splitter's rules change per language: abbreviations, the words that open
//! sentences, ordinal numbers, and whether a colon or semicolon can end a sentence.
//!
//! The lists are written by hand for this splitter from each language's common news and
//! reference abbreviations and from the errors on the Universal Dependencies dev documents
//! (`../shared/data/ud/`, never the test files); they are part of nutgraf, under its licence.
//! English is the default and its rules are the splitter's own (`abbrev.rs`): other languages
//! add to them.

use super::abbrev::Kind;
use crate::language::Language;

/// The language-specific part of the rules.
#[derive(Debug)]
pub(crate) struct Rules {
    /// Abbreviations by lowercase stem, looked up before the shared table.
    pub abbreviations: &'static [(&'static str, Kind)],
    /// Words (capitalized) that typically open a sentence, beside the English ones.
    pub openers: &'static [&'static str],
    /// `12. März`, `im 6. Stock`: a number of up to three digits with a period is an ordinal
    /// and ends a sentence only before a typical opener.
    pub ordinals: bool,
    /// Marks among `:` and `;` that end a sentence before a capitalized word (the convention
    /// of the language's reference corpora).
    pub colon: &'static [char],
    /// Sentences may start lowercase (Italian ISDT's convention): a lowercase word after a
    /// sentence-final mark does not keep the sentence going.
    pub lowercase_starts: bool,
    /// A lowercase word after a word-final period starts a sentence (Turkish IMST, whose
    /// sentences often open lowercase), except a verb of saying that continues the quotation
    /// (`Yeter. dedim.`): one of these prefixes.
    pub period_lowercase_starts: bool,
    /// The words whose period `period_lowercase_starts` lets a lowercase word follow as a new
    /// sentence (any in Turkish; full words of the script in Russian, see [`full_cyrillic_word`]).
    pub lowercase_stem: fn(&str) -> bool,
    /// Prefixes of the verbs of saying that `period_lowercase_starts` spares.
    pub speech_prefixes: &'static [&'static str],
    /// Number words that, with a period, are ordinals (Turkish `onyedi. yüzyıl`): a word
    /// made of them is treated as a numeral ordinal is.
    pub number_words: &'static [&'static str],
    /// A lone dash after a sentence-final mark continues the sentence when punctuation
    /// follows it (Spanish dialogue: `¿Por qué? - -.`, `¿Por qué? -, se pregunta`) or when it follows a date (chronologies: `6 de julio. - Barak presenta...`);
    /// before a word it opens a line of dialogue, a new sentence (`rebajas. - Ya sé`).
    pub dash_continues: bool,
    /// Month names (lowercase), for the dates of `dash_continues`.
    pub months: &'static [&'static str],
    /// A run of three or more words in capitals is a headline, ended before a word in title
    /// case (`REGRESA A ZONA EUROPEA El Athletic...`).
    pub caps_headlines: bool,
    /// A headline without final punctuation (two to fifteen words) ends before a typical
    /// opener (`Luta no Afeganistão deixa dez mortos Pelo menos dez pessoas...`).
    pub headlines: bool,
    /// `caps_headlines || headlines`: one test on the path of every word.
    pub any_headlines: bool,
}

/// English: the splitter's own rules, and the defaults every other language starts from.
const ENGLISH: Rules = Rules {
    abbreviations: &[],
    openers: &[],
    ordinals: false,
    colon: &[],
    lowercase_starts: false,
    period_lowercase_starts: false,
    lowercase_stem: any_word,
    speech_prefixes: &[],
    number_words: &[],
    dash_continues: false,
    months: &[],
    caps_headlines: false,
    headlines: false,
    any_headlines: false,
};

#[rustfmt::skip]
const GERMAN: Rules = Rules {
    abbreviations: &[
        ("bzw", Kind::Internal), ("usw", Kind::Ambiguous), ("vgl", Kind::Internal),
        ("ca", Kind::Internal), ("std", Kind::Internal), ("mio", Kind::Internal),
        ("mrd", Kind::Internal), ("nr", Kind::Numeric), ("hr", Kind::Title), ("fr", Kind::Title),
        ("dr", Kind::Title), ("prof", Kind::Title), ("jh", Kind::Ambiguous),
        ("jhd", Kind::Ambiguous), ("abs", Kind::Numeric), ("tel", Kind::Numeric),
        ("evtl", Kind::Internal), ("ggf", Kind::Internal), ("inkl", Kind::Internal),
        ("zzgl", Kind::Internal), ("max", Kind::Internal), ("min", Kind::Internal),
        ("bspw", Kind::Internal), ("sog", Kind::Internal), ("str", Kind::Ambiguous),
        ("gr", Kind::Internal), ("az", Kind::Internal),
    ],
    openers: &[
        "Der", "Die", "Das", "Ich", "Er", "Sie", "Es", "Wir", "Ihr", "Man", "Ein", "Eine",
        "Auch", "Aber", "Doch", "Dann", "Nach", "Im", "In", "Am", "Mit", "Bei", "Seit", "Als",
        "Wenn", "Dieser", "Diese", "Dieses", "Zum", "Zur", "Auf", "Für", "Von",
    ],
    ordinals: true,
    colon: &[':', ';'],
    ..ENGLISH
};

#[rustfmt::skip]
const FRENCH: Rules = Rules {
    abbreviations: &[
        ("m", Kind::Title), ("mm", Kind::Title), ("mgr", Kind::Title), ("me", Kind::Title),
        ("av", Kind::Internal), ("apr", Kind::Internal), ("env", Kind::Internal),
        ("cf", Kind::Internal), ("etc", Kind::Ambiguous), ("p", Kind::Numeric),
        ("n°", Kind::Numeric), ("vol", Kind::Numeric), ("chap", Kind::Numeric),
        ("boul", Kind::Internal), ("bd", Kind::Internal),
    ],
    openers: &[
        "Le", "La", "Les", "Il", "Elle", "Ils", "Elles", "On", "Un", "Une", "Ce", "Cette",
        "En", "Dans", "Mais", "Puis", "Depuis", "Après", "Selon", "Pour", "Ces", "Son", "Sa",
    ],
    colon: &[';'],
    ..ENGLISH
};

#[rustfmt::skip]
const SPANISH: Rules = Rules {
    abbreviations: &[
        ("sr", Kind::Title), ("sra", Kind::Title), ("srta", Kind::Title), ("dña", Kind::Title),
        ("d", Kind::Title), ("dr", Kind::Title), ("dra", Kind::Title), ("lic", Kind::Title),
        ("ing", Kind::Title), ("pág", Kind::Numeric), ("págs", Kind::Numeric),
        ("núm", Kind::Numeric), ("art", Kind::Numeric), ("aprox", Kind::Internal),
        ("etc", Kind::Ambiguous), ("ee.uu", Kind::Ambiguous), ("uu", Kind::Ambiguous),
        ("c", Kind::Internal), ("avda", Kind::Internal), ("gral", Kind::Title),
    ],
    openers: &[
        "El", "La", "Los", "Las", "Un", "Una", "En", "Por", "Pero", "Con", "Para", "Según",
        "Este", "Esta", "Ese", "Esa", "Además", "También", "Sin", "Así", "Tras",
    ],
    dash_continues: true,
    months: &[
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
    ],
    caps_headlines: true,
    any_headlines: true,
    ..ENGLISH
};

#[rustfmt::skip]
const ITALIAN: Rules = Rules {
    abbreviations: &[
        ("sig", Kind::Title), ("sigg", Kind::Title), ("sig.ra", Kind::Title), ("dott", Kind::Title),
        ("dott.ssa", Kind::Title), ("prof", Kind::Title), ("ing", Kind::Title), ("avv", Kind::Title),
        ("on", Kind::Title), ("mons", Kind::Title), ("art", Kind::Numeric), ("artt", Kind::Numeric),
        ("pag", Kind::Numeric), ("pagg", Kind::Numeric), ("n", Kind::Numeric),
        ("ecc", Kind::Ambiguous), ("cfr", Kind::Internal), ("es", Kind::Internal),
        ("ca", Kind::Internal), ("c.d", Kind::Internal),
    ],
    openers: &[
        "Il", "Lo", "La", "I", "Gli", "Le", "Un", "Una", "In", "Ma", "E", "Per", "Con", "Nel",
        "Nella", "Non", "Questo", "Questa", "Dopo", "Anche", "Secondo",
    ],
    colon: &[':'],
    lowercase_starts: true,
    ..ENGLISH
};

#[rustfmt::skip]
const PORTUGUESE: Rules = Rules {
    abbreviations: &[
        ("sr", Kind::Title), ("sra", Kind::Title), ("srta", Kind::Title), ("dr", Kind::Title),
        ("dra", Kind::Title), ("prof", Kind::Title), ("profa", Kind::Title), ("eng", Kind::Title),
        ("pág", Kind::Numeric), ("págs", Kind::Numeric), ("p", Kind::Numeric),
        ("n", Kind::Numeric), ("nº", Kind::Numeric), ("art", Kind::Numeric),
        ("av", Kind::Internal), ("etc", Kind::Ambiguous), ("aprox", Kind::Internal),
        ("ex", Kind::Internal), ("cia", Kind::Ambiguous),
    ],
    openers: &[
        "O", "A", "Os", "As", "Um", "Uma", "Em", "No", "Na", "Mas", "Para", "Com", "Segundo",
        "Ele", "Ela", "Eles", "Este", "Esta", "Esse", "Essa", "De", "Do", "Da", "Pelo", "Pela",
        "Já", "Depois", "Além", "Segundo", "Desde", "Quando", "Hoje", "Ontem", "Uns", "Umas",
    ],
    colon: &[':'],
    headlines: true,
    any_headlines: true,
    ..ENGLISH
};

#[rustfmt::skip]
const DUTCH: Rules = Rules {
    abbreviations: &[
        ("mgr", Kind::Title), ("dhr", Kind::Title), ("mevr", Kind::Title), ("mr", Kind::Title),
        ("drs", Kind::Title), ("ir", Kind::Title), ("ing", Kind::Title), ("prof", Kind::Title),
        ("bv", Kind::Internal), ("bijv", Kind::Internal), ("o.a", Kind::Internal),
        ("d.w.z", Kind::Internal), ("e.d", Kind::Ambiguous), ("enz", Kind::Ambiguous),
        ("nr", Kind::Numeric), ("blz", Kind::Numeric), ("ca", Kind::Internal),
    ],
    openers: &[
        "De", "Het", "Een", "Ik", "Hij", "Zij", "Ze", "We", "Wij", "Er", "In", "Op", "Maar",
        "Dat", "Dit", "Die", "Ook", "Toen", "Na", "Volgens",
    ],
    ..ENGLISH
};

#[rustfmt::skip]
const RUSSIAN: Rules = Rules {
    abbreviations: &[
        ("г", Kind::Ambiguous), ("гг", Kind::Numeric), ("т", Kind::Internal),
        ("п", Kind::Numeric),
        ("т.е", Kind::Internal), ("т.д", Kind::Ambiguous), ("т.п", Kind::Ambiguous),
        ("т.к", Kind::Internal),
        // `и др.` (and others) closes an enumeration as `и т. п.` does (its `п` is
        // `Numeric`): a sentence end unless a lowercase word goes on (`и др. учреждения`), so
        // also before a quotation (`Хилл и др. ``12 (13) злобных зрителей''`).
        ("др", Kind::Word), ("см", Kind::Internal),
        ("ул", Kind::Title), ("им", Kind::Title), ("ок", Kind::Internal), ("ум", Kind::Internal),
        ("род", Kind::Internal), ("чел", Kind::Internal), ("руб", Kind::Internal),
        ("млн", Kind::Internal), ("млрд", Kind::Internal), ("тыс", Kind::Internal),
        ("проф", Kind::Title), ("акад", Kind::Title), ("д", Kind::Numeric), ("с", Kind::Internal),
        ("в", Kind::Internal), ("н.э", Kind::Ambiguous), ("до", Kind::Internal),
        ("стр", Kind::Numeric), ("рис", Kind::Numeric), ("ср", Kind::Internal),
        // Four letters or more, which `full_cyrillic_word` would take for words: the cuts of
        // reference texts (`сокр.`, `напр.`) and of etymologies (`англ. opening`).
        ("сокр", Kind::Internal), ("напр", Kind::Internal), ("англ", Kind::Internal),
        ("франц", Kind::Internal), ("греч", Kind::Internal), ("итал", Kind::Internal),
        ("букв", Kind::Internal), ("прим", Kind::Internal), ("совр", Kind::Internal),
    ],
    openers: &[
        "В", "На", "Он", "Она", "Они", "Это", "Этот", "Эта", "По", "С", "Но", "А", "И", "Так",
        "После", "Однако", "Также", "Его", "Её", "Их",
    ],
    // GSD's sentences (from Wikipedia) may open lowercase (`в трёх сценах фильма. уровень
    // программы: бакалавриат`): a period after a full word ends the sentence whatever the case
    // of the next word. Russian cuts words to one to three letters (`г.`, `т. е.`, `тыс.`,
    // `ул.`), so only a word of four Cyrillic letters or more counts as full, the longer cuts
    // being in the table above.
    period_lowercase_starts: true,
    lowercase_stem: full_cyrillic_word,
    ..ENGLISH
};

#[rustfmt::skip]
const TURKISH: Rules = Rules {
    abbreviations: &[
        ("dr", Kind::Title), ("prof", Kind::Title), ("doç", Kind::Title), ("av", Kind::Title),
        ("vb", Kind::Ambiguous), ("vs", Kind::Ambiguous), ("no", Kind::Numeric),
        ("s", Kind::Numeric), ("yy", Kind::Ambiguous), ("bkz", Kind::Internal),
        ("org", Kind::Title), ("korg", Kind::Title), ("tümg", Kind::Title), ("tuğg", Kind::Title),
        ("alb", Kind::Title), ("yrd", Kind::Title), ("o", Kind::Word),
    ],
    openers: &["Bu", "Bir", "O", "Ben", "Biz", "Ama", "Ve", "Şimdi", "Sonra"],
    ordinals: true,
    period_lowercase_starts: true,
    speech_prefixes: &["diye", "dedi", "dedim", "demiş", "deyip", "der", "dey"],
    number_words: &[
        "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz", "on", "yirmi",
        "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan", "yüz", "bin",
    ],
    ..ENGLISH
};

/// Any word: `lowercase_stem` of the languages without a restriction.
fn any_word(_: &str) -> bool {
    true
}

/// A word of four Cyrillic letters or more (`фильма`, not `тыс` or the Latin `pweination`
/// of a web address).
fn full_cyrillic_word(stem: &str) -> bool {
    stem.chars().count() >= 4
        && stem
            .chars()
            .all(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё'))
}

/// The rules of `language` (English ones for a language without its own).
pub(crate) fn rules(language: Language) -> &'static Rules {
    match language {
        Language::German => &GERMAN,
        Language::French => &FRENCH,
        Language::Spanish => &SPANISH,
        Language::Italian => &ITALIAN,
        Language::Portuguese => &PORTUGUESE,
        Language::Dutch => &DUTCH,
        Language::Russian => &RUSSIAN,
        Language::Turkish => &TURKISH,
        _ => &ENGLISH,
    }
}

/// The English rules: the splitter's default.
pub(crate) fn english() -> &'static Rules {
    &ENGLISH
}
