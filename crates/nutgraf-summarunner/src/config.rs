//! Model configuration (`config.json`).

use serde::{Deserialize, Serialize};

use crate::error::{ModelError, Result};

/// Version of the on-disk model format (`config.json`, `vocab.json`, tensor names in
/// `model.safetensors`). Bump it when any of them changes incompatibly.
pub const FORMAT_VERSION: u32 = 1;

/// The word-level encoder: the paper's model and the two variants of the widely used open
/// implementation (hpzhao/SummaRuNNer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// The paper's model: word-level BiGRU, average pooling (RNN_RNN).
    #[default]
    RnnRnn,
    /// Convolutions of widths `1..=cnn_widths` with max pooling over time (CNN_RNN).
    CnnRnn,
    /// Word-level BiGRU with attention pooling of words and of sentences (AttnRNN).
    AttnRnn,
}

impl std::str::FromStr for Variant {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Variant> {
        match s.to_ascii_lowercase().replace('-', "_").as_str() {
            "rnn_rnn" | "rnnrnn" | "rnn" => Ok(Variant::RnnRnn),
            "cnn_rnn" | "cnnrnn" | "cnn" => Ok(Variant::CnnRnn),
            "attn_rnn" | "attnrnn" | "attn" => Ok(Variant::AttnRnn),
            other => Err(ModelError::Config(format!(
                "unknown variant `{other}` (expected rnn_rnn, cnn_rnn or attn_rnn)"
            ))),
        }
    }
}

/// Sizes and options of a model. Stored as `config.json` next to the weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelConfig {
    /// [`FORMAT_VERSION`] of the files.
    pub format_version: u32,
    /// Word-level encoder.
    pub variant: Variant,
    /// Vocabulary size, `<pad>` and `<unk>` included.
    pub vocab_size: usize,
    /// Word embedding size.
    pub embedding_dim: usize,
    /// GRU hidden size per direction (word and sentence level).
    pub hidden: usize,
    /// Size of the absolute and relative position embeddings.
    pub position_dim: usize,
    /// Absolute positions learned; later sentences share the last embedding.
    pub max_positions: usize,
    /// Number of relative-position segments the document is divided into.
    pub relative_buckets: usize,
    /// Words kept per sentence (the rest is cut).
    pub max_words: usize,
    /// Sentences scored per document; later ones get probability 0.
    pub max_sentences: usize,
    /// CNN_RNN: filter widths `1..=cnn_widths`.
    pub cnn_widths: usize,
    /// CNN_RNN: filters per width.
    pub cnn_filters: usize,
    /// Dropout rate on embeddings and sentence vectors during training.
    pub dropout: f32,
}

impl Default for ModelConfig {
    /// Small defaults for CPU training (the paper: embeddings 100, hidden 200).
    fn default() -> ModelConfig {
        ModelConfig {
            format_version: FORMAT_VERSION,
            variant: Variant::RnnRnn,
            vocab_size: 30_000,
            embedding_dim: 64,
            hidden: 64,
            position_dim: 32,
            max_positions: 100,
            relative_buckets: 10,
            max_words: 50,
            max_sentences: 100,
            cnn_widths: 3,
            cnn_filters: 64,
            dropout: 0.2,
        }
    }
}

impl ModelConfig {
    /// Checks sizes and the format version.
    pub fn validate(&self) -> Result<()> {
        if self.format_version != FORMAT_VERSION {
            return Err(ModelError::Version {
                what: "config.json".into(),
                found: self.format_version,
                expected: FORMAT_VERSION,
            });
        }
        let sizes = [
            ("vocab_size", self.vocab_size),
            ("embedding_dim", self.embedding_dim),
            ("hidden", self.hidden),
            ("position_dim", self.position_dim),
            ("max_positions", self.max_positions),
            ("relative_buckets", self.relative_buckets),
            ("max_words", self.max_words),
            ("max_sentences", self.max_sentences),
            ("cnn_widths", self.cnn_widths),
            ("cnn_filters", self.cnn_filters),
        ];
        if let Some((name, _)) = sizes.iter().find(|(_, v)| *v == 0) {
            return Err(ModelError::Config(format!("{name} must be at least 1")));
        }
        if self.vocab_size < 2 {
            return Err(ModelError::Config(
                "vocab_size must be at least 2 (<pad>, <unk>)".into(),
            ));
        }
        if !(0.0..1.0).contains(&self.dropout) {
            return Err(ModelError::Config(format!(
                "dropout must be in [0, 1), got {}",
                self.dropout
            )));
        }
        Ok(())
    }

    /// Size of a sentence vector out of the word-level encoder.
    pub fn sentence_dim(&self) -> usize {
        match self.variant {
            Variant::CnnRnn => self.cnn_widths * self.cnn_filters,
            Variant::RnnRnn | Variant::AttnRnn => 2 * self.hidden,
        }
    }

    /// Every weight of the model with its shape, in a fixed order. This is the format's
    /// schema: loading checks the file against it.
    pub fn parameter_shapes(&self) -> Vec<(String, Vec<usize>)> {
        let (e, h, d2) = (self.embedding_dim, self.hidden, 2 * self.hidden);
        let mut out = vec![("embedding".to_string(), vec![self.vocab_size, e])];
        let gru = |out: &mut Vec<(String, Vec<usize>)>, prefix: &str, input: usize| {
            for dir in ["fw", "bw"] {
                out.push((format!("{prefix}.{dir}.w_ih"), vec![input, 3 * h]));
                out.push((format!("{prefix}.{dir}.w_hh"), vec![h, 3 * h]));
                out.push((format!("{prefix}.{dir}.b_ih"), vec![3 * h]));
                out.push((format!("{prefix}.{dir}.b_hh"), vec![3 * h]));
            }
        };
        match self.variant {
            Variant::CnnRnn => {
                for w in 1..=self.cnn_widths {
                    out.push((format!("conv{w}.weight"), vec![w * e, self.cnn_filters]));
                    out.push((format!("conv{w}.bias"), vec![self.cnn_filters]));
                }
            }
            Variant::RnnRnn => gru(&mut out, "word_gru", e),
            Variant::AttnRnn => {
                gru(&mut out, "word_gru", e);
                out.push(("word_query".into(), vec![d2, 1]));
                out.push(("sent_query".into(), vec![d2, 1]));
            }
        }
        gru(&mut out, "sent_gru", self.sentence_dim());
        let pd = self.position_dim;
        out.extend([
            ("doc.weight".into(), vec![d2, d2]),
            ("doc.bias".into(), vec![d2]),
            ("content.weight".into(), vec![d2, 1]),
            ("salience.weight".into(), vec![d2, d2]),
            ("novelty.weight".into(), vec![d2, d2]),
            ("abs_pos.embedding".into(), vec![self.max_positions, pd]),
            ("abs_pos.weight".into(), vec![pd, 1]),
            ("rel_pos.embedding".into(), vec![self.relative_buckets, pd]),
            ("rel_pos.weight".into(), vec![pd, 1]),
            ("bias".into(), vec![1]),
        ]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_valid_and_round_trips() {
        let c = ModelConfig::default();
        c.validate().unwrap();
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<ModelConfig>(&json).unwrap(), c);
    }

    #[test]
    fn bad_configs_are_rejected() {
        let c = ModelConfig {
            hidden: 0,
            ..ModelConfig::default()
        };
        assert!(matches!(c.validate(), Err(ModelError::Config(_))));
        let c = ModelConfig {
            format_version: 99,
            ..ModelConfig::default()
        };
        assert!(matches!(
            c.validate(),
            Err(ModelError::Version { found: 99, .. })
        ));
        let c = ModelConfig {
            dropout: 1.0,
            ..ModelConfig::default()
        };
        assert!(c.validate().is_err());
    }

    #[test]
    fn variants_parse() {
        assert_eq!("cnn_rnn".parse::<Variant>().unwrap(), Variant::CnnRnn);
        assert_eq!("AttnRNN".parse::<Variant>().unwrap(), Variant::AttnRnn);
        assert!("lstm".parse::<Variant>().is_err());
    }
}
