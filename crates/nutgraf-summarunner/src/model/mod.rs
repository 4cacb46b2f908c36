//! The SummaRuNNer network (Nallapati, Zhai & Zhou, AAAI 2017).
//!
//! Faithful to the paper, with these choices:
//!
//! * **Words**: embeddings (learned from scratch, no word2vec: none ships with nutgraf) →
//!   word-level bidirectional GRU over each sentence → sentence vector = average of the hidden
//!   states over the sentence's words (the paper's average pooling). Variants (hpzhao's open
//!   implementation): CNN_RNN (convolutions of widths 1..=k, ReLU, max pooling over time) and
//!   AttnRNN (attention pooling with a learned query, for words and for the document).
//! * **Sentences**: bidirectional GRU over the sentence vectors; `h_j` = both directions'
//!   states concatenated. Document `d = tanh(W_d · avg_j h_j + b_d)`.
//! * **Classifier**: `P(y_j = 1) = σ(W_c h_j + h_jᵀ W_s d − h_jᵀ W_r tanh(s_j) + W_ap p^a_j +
//!   W_rp p^r_j + b)` with `s_j = Σ_{i<j} h_i P(y_i = 1)`, the model's own probabilities at
//!   training and at test time (the paper's choice, not teacher forcing with the labels).
//!   `p^a_j`: learned embedding of the absolute position (`max_positions`, later sentences share
//!   the last one); `p^r_j`: learned embedding of the segment, the document being cut into
//!   `relative_buckets` equal parts.
//! * **Truncation**: at most `max_words` words per sentence (the rest is dropped) and
//!   `max_sentences` sentences per document; later sentences get probability 0, so they are
//!   never selected before a scored one. A sentence with no token reads as one `<unk>`.
//! * **Regularization**: dropout on embeddings and on sentence vectors (training only).

pub(crate) mod batch;
pub(crate) mod infer;
pub(crate) mod net;
