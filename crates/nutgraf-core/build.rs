//! Analyzes the common English tokens of `data/lexicon-en.txt` once, at build time: each
//! token's stem (Snowball English, the analyzer's stemmer) and whether it is a term, as static
//! tables the analyzer's memo starts from (`src/analysis/lexicon.rs`). A word in them is not
//! lowercased, stemmed or interned again at run time; output is the same either way.
//!
//! The tables hold no pointers (one text, offsets into it, and an open-addressing table of
//! ids), so the binary carries no relocation for them and a process starts as fast as without.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

include!("src/analysis/lexicon_hash.rs");

fn main() {
    let source = Path::new("data/lexicon-en.txt");
    println!("cargo::rerun-if-changed={}", source.display());
    println!("cargo::rerun-if-changed=src/analysis/lexicon_hash.rs");
    println!("cargo::rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(source).expect("data/lexicon-en.txt is readable");

    let mut names: Vec<String> = Vec::new();
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut add = |token: &str, names: &mut Vec<String>| -> u32 {
        *ids.entry(token.to_string()).or_insert_with(|| {
            names.push(token.to_string());
            (names.len() - 1) as u32
        })
    };
    for token in text.lines().map(str::trim).filter(|t| !t.is_empty()) {
        add(token, &mut names);
    }
    // Every stem is a token too, with its own stem (the closure is short: stems are nearly
    // fixed points of the stemmer).
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut stems = Vec::new();
    let mut i = 0;
    while i < names.len() {
        let stem = stemmer.stem(&names[i]).into_owned();
        stems.push(add(&stem, &mut names));
        i += 1;
    }

    // At most half full, so a miss (a rare word) ends after a probe or two. A slot holds what
    // the analyzer needs of a token, so that a hit touches the slot and the text only.
    let bits = (2 * names.len()).next_power_of_two().trailing_zeros();
    // By id: the stem's id, with the top bit set for a term (a token with a letter or digit).
    let info: Vec<u32> = names
        .iter()
        .zip(&stems)
        .map(|(name, &stem)| stem | u32::from(name.chars().any(char::is_alphanumeric)) << 31)
        .collect();
    let ends: Vec<u32> = names
        .iter()
        .scan(0, |end, name| {
            *end += name.len() as u32;
            Some(*end)
        })
        .collect();
    let mut slots = vec![[0u32; 4]; 1 << bits];
    for (id, name) in names.iter().enumerate() {
        let mut i = (lexicon_hash(name.as_bytes()) >> (64 - bits)) as usize;
        while slots[i][0] != 0 {
            i = (i + 1) & (slots.len() - 1);
        }
        let len = name.len() as u32;
        let content = info[id] & 1 << 31;
        slots[i] = [id as u32 + 1, ends[id] - len, len | content, stems[id]];
    }

    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out_dir = Path::new(&out_dir);
    std::fs::write(out_dir.join("lexicon_en.txt"), names.concat()).expect("OUT_DIR is writable");
    let mut out = String::new();
    let list = |out: &mut String, name: &str, doc: &str, values: &[u32]| {
        let values: Vec<String> = values.iter().map(u32::to_string).collect();
        writeln!(out, "/// {doc}").unwrap();
        writeln!(
            out,
            "static {name}: [u32; {}] = [{}];",
            values.len(),
            values.join(",")
        )
        .unwrap();
    };
    writeln!(out, "/// Number of tokens in the lexicon.").unwrap();
    writeln!(out, "pub(super) const LEN: u32 = {};", names.len()).unwrap();
    writeln!(out, "/// The tokens' texts, one after another in id order.").unwrap();
    writeln!(out, "static TEXT: &str = include_str!(\"lexicon_en.txt\");").unwrap();
    list(
        &mut out,
        "ENDS",
        "Where each token's text ends in [`TEXT`], by id.",
        &ends,
    );
    list(
        &mut out,
        "INFO",
        "By id: the stem's id, with [`CONTENT`] set for a term.",
        &info,
    );
    writeln!(out, "/// Bits of the slot index of a hash (its top bits).").unwrap();
    writeln!(out, "const BITS: u32 = {bits};").unwrap();
    let slots: Vec<String> = slots
        .iter()
        .map(|s| format!("[{},{},{},{}]", s[0], s[1], s[2], s[3]))
        .collect();
    writeln!(
        out,
        "/// Open addressing, linear probing: [id + 1 (0: empty), start in [`TEXT`], length"
    )
    .unwrap();
    writeln!(out, "/// with [`CONTENT`] set for a term, the stem's id].").unwrap();
    writeln!(
        out,
        "static SLOTS: [[u32; 4]; {}] = [{}];",
        slots.len(),
        slots.join(",")
    )
    .unwrap();
    std::fs::write(out_dir.join("lexicon_en.rs"), out).expect("OUT_DIR is writable");
}
