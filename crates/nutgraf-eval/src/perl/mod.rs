//! The ROUGE-1.5.5 flavour: the numbers of the official Perl script (`ROUGE-1.5.5.pl`), which
//! most summarization papers report.
//!
//! Every per-document value the script prints with `-d` is reproduced exactly, as are the
//! corpus Averages and confidence intervals it prints (a bootstrap with Perl's own random
//! generator, see [`EvalIds`]). The script's quirks are reproduced on purpose (see
//! `shared/golden/README.md`): reading SEE html (text stops at `<`), ASCII-only lower-casing,
//! tokens = runs of `[a-z0-9]`, the WordNet exception list + ROUGE's Porter variant for `-m`
//! ([`stem`]), n-grams across sentence boundaries, summary-level union LCS, ROUGE-W's double
//! weighting and its death on empty references, the never-incremented byte counter of ROUGE-L
//! under `-b`, 5-decimal rounding of R and P before F. Two opt-in fixes exist
//! ([`PerlConfig::allow_empty_reference_w`], [`PerlConfig::fix_lcs_byte_limit`]).
//!
//! Lin, C.-Y. (2004). ROUGE: A Package for Automatic Evaluation of Summaries.
//!
//! ```
//! use nutgraf_eval::perl::{EvalIds, PerlConfig};
//!
//! let rouge = PerlConfig::from_rouge_args(&["-c", "95", "-2", "-1", "-U", "-r", "1000", "-n", "2", "-w", "1.2", "-a", "-m"])?
//!     .build()?;
//! let doc = rouge.score(&["The cats sat on the mat."], &[&["A cat sat on the mat."]])?;
//! let r1 = doc.get("ROUGE-1").unwrap();
//! assert_eq!(format!("{:.5}", r1.recall), "0.83333"); // 5 of the 6 reference tokens
//! let corpus = rouge.corpus(&[doc], EvalIds::Pyrouge)?;
//! assert_eq!(corpus.get("ROUGE-1").unwrap().recall.average, r1.recall);
//! # Ok::<(), nutgraf_eval::Error>(())
//! ```

mod args;
mod bootstrap;
mod config;
mod doc;
pub(crate) mod lcs;
mod ngram;
mod presets;
mod scorer;
mod scores;
pub mod stem;
mod text;
mod to_args;

pub use bootstrap::{bootstrap, pyrouge_eval_ids, EvalIds};
pub use config::{PerlConfig, ScoringFormula, SkipBigram, SkipMetrics, Weight};
pub use doc::Tokenizer;
pub use scorer::Rouge155;
pub use scores::{CorpusScore, CorpusScores, DocScores, Estimate};
pub use text::{pyrouge_sentences, LengthLimit};

/// Rounds as Perl's `sprintf("%7.5f", x)` and reads the text back as a number, as the script
/// does with every per-document value. Rust's `{:.5}` rounds the exact binary value half to
/// even, like glibc's printf (`0.015625` -> `0.01562`).
pub(crate) fn round5(x: f64) -> f64 {
    let mut buf = [0u8; 48];
    let text = fmt5(x, &mut buf);
    text.parse().unwrap_or(x)
}

fn fmt5(x: f64, buf: &mut [u8; 48]) -> &str {
    use std::io::Write;
    let mut cur = std::io::Cursor::new(&mut buf[..]);
    if write!(cur, "{x:.5}").is_err() {
        return "";
    }
    let n = cur.position() as usize;
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_even_on_the_exact_value() {
        assert_eq!(round5(0.015625), 0.01562);
        assert_eq!(round5(3.0 / 64.0), 0.04688);
        assert_eq!(round5(1.0 / 3.0), 0.33333);
        // F from the rounded P and R (golden README quirk 7).
        let (p, r) = (1.0, round5(1.0 / 14.0));
        assert_eq!(round5(p * r / (0.5 * p + 0.5 * r)), 0.13334);
    }
}
