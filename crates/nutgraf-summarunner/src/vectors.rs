//! Pretrained word vectors to start the word embedding from (`nutgraf train --word-vectors`).
//!
//! The file is the text format GloVe and word2vec share: one word per line, then its numbers,
//! separated by spaces; a first line of two integers (word2vec's `count dimensions` header) is
//! skipped. Only the vocabulary's words are kept, so a 400,000-word file costs the memory of
//! the vocabulary's rows. Words are matched as the vocabulary spells its tokens (lowercase,
//! PTB escapes undone: see [`crate::Vocab`]); the first line of a repeated word wins.

use std::io::{BufRead, BufReader};
use std::path::Path;

use crate::error::{ModelError, Result};
use crate::vocab::{Vocab, UNK};

/// The rows of a word embedding that a vector file gave.
#[derive(Debug, Clone, PartialEq)]
pub struct WordVectors {
    /// Dimensions per word.
    pub dim: usize,
    /// `(vocabulary id, vector)` for each vocabulary word the file has, in id order.
    pub rows: Vec<(u32, Vec<f32>)>,
}

impl WordVectors {
    /// Reads the vectors of `vocab`'s words from the text file at `path`.
    pub fn read(path: &Path, vocab: &Vocab) -> Result<WordVectors> {
        let file = std::fs::File::open(path).map_err(|e| ModelError::io(path, e))?;
        WordVectors::from_reader(BufReader::new(file), &path.display().to_string(), vocab)
    }

    /// The same from any reader; `name` is what errors call it.
    pub fn from_reader(reader: impl BufRead, name: &str, vocab: &Vocab) -> Result<WordVectors> {
        let bad =
            |line: usize, message: String| ModelError::Data(format!("{name}:{line}: {message}"));
        let mut dim = None;
        let mut found: Vec<Option<Vec<f32>>> = vec![None; vocab.len()];
        for (i, line) in reader.lines().enumerate() {
            let number = i + 1;
            let line = line.map_err(|e| bad(number, e.to_string()))?;
            let mut fields = line.split(' ').filter(|f| !f.is_empty());
            let Some(word) = fields.next() else { continue };
            let values: Vec<&str> = fields.collect();
            let header = number == 1
                && values.len() == 1
                && word.parse::<u64>().is_ok()
                && values[0].parse::<u64>().is_ok();
            if header {
                continue;
            }
            let expected = *dim.get_or_insert(values.len());
            if values.is_empty() || values.len() != expected {
                return Err(bad(
                    number,
                    format!("`{word}` has {} numbers, expected {expected}", values.len()),
                ));
            }
            let id = vocab.id(word);
            if (id == UNK && word != "<unk>") || found[id as usize].is_some() {
                continue;
            }
            let vector = values
                .iter()
                .map(|v| match v.parse::<f32>() {
                    Ok(x) if x.is_finite() => Ok(x),
                    _ => Err(bad(
                        number,
                        format!("`{word}`: `{v}` is not a finite number"),
                    )),
                })
                .collect::<Result<Vec<f32>>>()?;
            found[id as usize] = Some(vector);
        }
        let Some(dim) = dim else {
            return Err(ModelError::Data(format!("{name}: no word vectors")));
        };
        let rows = found
            .into_iter()
            .enumerate()
            .skip(1) // `<pad>` stays zero
            .filter_map(|(id, v)| Some((id as u32, v?)))
            .collect();
        Ok(WordVectors { dim, rows })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocab {
        Vocab::new(["the", "news", "today"].map(String::from)).unwrap()
    }

    #[test]
    fn keeps_the_vocabulary_rows_and_skips_a_header() {
        let text = "4 2\nthe 0.5 -1\nzebra 1 1\ntoday 2 3e-1\nthe 9 9\n";
        let v = WordVectors::from_reader(text.as_bytes(), "v.txt", &vocab()).unwrap();
        assert_eq!(v.dim, 2);
        let the = vocab().id("the");
        let today = vocab().id("today");
        assert_eq!(
            v.rows,
            vec![(the, vec![0.5, -1.0]), (today, vec![2.0, 0.3])]
        );
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let err = WordVectors::from_reader("the 1 2\nnews 1\n".as_bytes(), "v.txt", &vocab())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("v.txt:2") && err.contains("expected 2"),
            "{err}"
        );
        let err = WordVectors::from_reader("the 1 nan\n".as_bytes(), "v.txt", &vocab())
            .unwrap_err()
            .to_string();
        assert!(err.contains("v.txt:1") && err.contains("`nan`"), "{err}");
        let err = WordVectors::from_reader("".as_bytes(), "v.txt", &vocab())
            .unwrap_err()
            .to_string();
        assert!(err.contains("v.txt: no word vectors"), "{err}");
    }
}
