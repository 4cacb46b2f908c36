//! Abbreviation table of the sentence splitter.
//!
//! Small on purpose: dotted acronyms (`U.S.`, `a.m.`, `D.C.`) and single-letter initials are
//! recognized by shape, so the table only needs the common word abbreviations of news text.

/// How an abbreviation followed by a period behaves at a possible sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Always followed by a name: never ends a sentence (`Mr.`, `Sen.`, `Gen.`).
    Title,
    /// Only inside sentences (`vs.`, `approx.`, `et al.`).
    Internal,
    /// Before a number (`No. 10`, `Art. 5`); elsewhere an ordinary word.
    Numeric,
    /// A month: not a boundary before a number (`Jan. 5`), else like [`Kind::Ambiguous`].
    Month,
    /// Often at a true sentence end too (`Inc.`, `Jr.`, `U.S.`, `St.`): a boundary only when a
    /// typical sentence opener follows.
    Ambiguous,
    /// A word, not an abbreviation, though its shape says one (Turkish `o`, "he"/"that"):
    /// a language's table lists it to override the shape rules.
    Word,
}

/// Abbreviations by lowercase stem (without the final period).
#[rustfmt::skip]
const TABLE: &[(&str, Kind)] = &[
    // Titles before names.
    ("mr", Kind::Title), ("mrs", Kind::Title), ("ms", Kind::Title), ("messrs", Kind::Title),
    ("mme", Kind::Title), ("mlle", Kind::Title), ("prof", Kind::Title), ("gen", Kind::Title),
    ("sen", Kind::Title), ("sens", Kind::Title), ("rep", Kind::Title), ("reps", Kind::Title),
    ("gov", Kind::Title), ("lt", Kind::Title), ("col", Kind::Title), ("capt", Kind::Title),
    ("cpt", Kind::Title), ("sgt", Kind::Title), ("rev", Kind::Title), ("pres", Kind::Title),
    ("supt", Kind::Title), ("det", Kind::Title), ("insp", Kind::Title), ("cmdr", Kind::Title),
    ("cdr", Kind::Title), ("adm", Kind::Title), ("maj", Kind::Title), ("cpl", Kind::Title),
    ("pvt", Kind::Title), ("hon", Kind::Title), ("brig", Kind::Title), ("fr", Kind::Title),
    ("rt", Kind::Title), ("atty", Kind::Title), ("amb", Kind::Title), ("cllr", Kind::Title),
    ("supt", Kind::Title), ("sec", Kind::Title), ("lieut", Kind::Title), ("gens", Kind::Title),
    // Inside sentences only.
    ("vs", Kind::Internal), ("v", Kind::Internal), ("cf", Kind::Internal), ("approx", Kind::Internal),
    ("al", Kind::Internal), ("viz", Kind::Internal), ("incl", Kind::Internal), ("dept", Kind::Internal),
    ("univ", Kind::Internal), ("assn", Kind::Internal), ("ca", Kind::Internal),
    // Before numbers.
    ("no", Kind::Numeric), ("nos", Kind::Numeric), ("nr", Kind::Numeric), ("art", Kind::Numeric),
    ("ch", Kind::Numeric), ("pt", Kind::Numeric), ("op", Kind::Numeric), ("tel", Kind::Numeric),
    ("ext", Kind::Numeric), ("apt", Kind::Numeric), ("rm", Kind::Numeric), ("ste", Kind::Numeric),
    ("pp", Kind::Numeric), ("fig", Kind::Numeric), ("figs", Kind::Numeric),
    ("vol", Kind::Numeric), ("vols", Kind::Numeric), ("sect", Kind::Numeric), ("para", Kind::Numeric),
    // Months (May has no abbreviation).
    ("jan", Kind::Month), ("feb", Kind::Month), ("mar", Kind::Month), ("apr", Kind::Month),
    ("jun", Kind::Month), ("jul", Kind::Month), ("aug", Kind::Month), ("sep", Kind::Month),
    ("sept", Kind::Month), ("oct", Kind::Month), ("nov", Kind::Month), ("dec", Kind::Month),
    // Company and name suffixes, places, units: also seen at the end of sentences.
    ("inc", Kind::Ambiguous), ("corp", Kind::Ambiguous), ("ltd", Kind::Ambiguous), ("co", Kind::Ambiguous),
    ("plc", Kind::Ambiguous), ("llc", Kind::Ambiguous), ("bros", Kind::Ambiguous), ("jr", Kind::Ambiguous),
    ("sr", Kind::Ambiguous), ("esq", Kind::Ambiguous), ("etc", Kind::Ambiguous), ("dr", Kind::Ambiguous),
    ("st", Kind::Ambiguous), ("ave", Kind::Ambiguous), ("blvd", Kind::Ambiguous), ("rd", Kind::Ambiguous),
    ("mt", Kind::Ambiguous), ("ft", Kind::Ambiguous), ("sq", Kind::Ambiguous), ("hwy", Kind::Ambiguous),
    ("mph", Kind::Ambiguous), ("ph.d", Kind::Ambiguous), ("govt", Kind::Ambiguous), ("intl", Kind::Ambiguous),
    ("tue", Kind::Ambiguous), ("tues", Kind::Ambiguous),
    ("thu", Kind::Ambiguous), ("thur", Kind::Ambiguous), ("thurs", Kind::Ambiguous), ("fri", Kind::Ambiguous),
    ("calif", Kind::Ambiguous), ("fla", Kind::Ambiguous),
    ("conn", Kind::Ambiguous), ("penn", Kind::Ambiguous), ("ariz", Kind::Ambiguous),
    ("colo", Kind::Ambiguous), ("mich", Kind::Ambiguous),
    ("minn", Kind::Ambiguous), ("tenn", Kind::Ambiguous), ("wis", Kind::Ambiguous),
    ("okla", Kind::Ambiguous), ("ky", Kind::Ambiguous),
    ("md", Kind::Ambiguous), ("neb", Kind::Ambiguous), ("nev", Kind::Ambiguous),
    ("va", Kind::Ambiguous), ("ga", Kind::Ambiguous), ("ala", Kind::Ambiguous),
];

/// Words that typically open a sentence, in their capitalized form. After an ambiguous
/// abbreviation (`U.S.`, `Inc.`, an initial) a boundary is assumed only before one of these:
/// `in the U.S. He said` splits, `the U.S. Army` does not.
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "The", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "This", "That",
    "These", "Those", "His", "Her", "Their", "Its", "Our", "My", "There", "Then", "When", "While",
    "After", "Before", "Now", "So", "If", "As", "At", "On", "For", "However", "Meanwhile", "A",
    "An", "Some", "Many", "Most", "Police", "Officials", "Mr", "Mrs", "Ms", "Dr", "What", "Why",
    "How", "Who", "Where", "Yet", "Still", "Also", "Last", "Earlier", "Later", "According",
    "Since", "During", "Although", "Despite", "Both", "Each", "Other", "Another", "One", "Two",
    "No", "Not", "Even", "Only", "Such", "Here", "Today", "Yesterday",
];

/// Openers that still signal a new sentence in all-lowercase text (conjunctions, articles and
/// prepositions are left out: `the u.s. and` or `l.l. doungal , a` continue the sentence).
#[rustfmt::skip]
const LOWER_OPENERS: &[&str] = &[
    "the", "he", "she", "it", "they", "we", "this", "these", "those", "his", "her", "their",
    "its", "our", "there", "however", "meanwhile", "police", "officials",
];

/// The [`Kind`] of a lowercase stem, if it is a known abbreviation.
pub(crate) fn lookup(lower_stem: &str) -> Option<Kind> {
    TABLE
        .iter()
        .find(|(s, _)| *s == lower_stem)
        .map(|&(_, kind)| kind)
}

/// True when `word` (openers stripped, trailing punctuation kept) is a typical sentence opener.
pub(crate) fn is_opener(word: &str, cased: bool) -> bool {
    let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    if cased {
        OPENERS.contains(&bare)
    } else {
        LOWER_OPENERS.contains(&bare)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_lowercase_unique_stems() {
        for (i, (s, _)) in TABLE.iter().enumerate() {
            assert_eq!(*s, s.to_lowercase());
            let dup = TABLE[..i].iter().any(|(t, k)| t == s && *k != TABLE[i].1);
            assert!(!dup, "{s} listed twice with different kinds");
        }
        assert_eq!(lookup("mr"), Some(Kind::Title));
        assert_eq!(lookup("jan"), Some(Kind::Month));
        assert_eq!(lookup("cat"), None);
    }

    #[test]
    fn openers_depend_on_case() {
        assert!(is_opener("The", true));
        assert!(!is_opener("Army", true));
        assert!(is_opener("he", false));
        assert!(!is_opener("and", false));
    }
}
