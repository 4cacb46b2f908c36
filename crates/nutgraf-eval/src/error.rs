//! The crate's error type.
//!
//! Variants carry fields, so that a caller (the CLI, an HTTP server, Python bindings) can match
//! on the kind and point at the offending option without parsing messages. Messages name
//! options as the input named them: a ROUGE-1.5.5 flag (`-p`) when the options came from
//! [`PerlConfig::from_rouge_args`](crate::perl::PerlConfig::from_rouge_args), the
//! configuration field (`alpha`) otherwise. They never name a command-line flag of nutgraf's own
//! CLI: the CLI adds its own hints on top.

/// Errors of the evaluation crate.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A ROUGE option (of either flavour) has an invalid value; rejected when the scorer is
    /// built, or when a flag string or a name is parsed.
    #[error("invalid value {value:?} for ROUGE option {option}: expected {expected}")]
    InvalidOption {
        /// The ROUGE-1.5.5 flag (`-p`) or the configuration field (`alpha`, `metrics`).
        option: String,
        /// The value as given.
        value: String,
        /// What would have been accepted.
        expected: String,
    },
    /// An oracle option has an invalid value.
    #[error("invalid value {value:?} for oracle option {option}: expected {expected}")]
    InvalidOracleOption {
        /// The [`OracleConfig`](crate::oracle::OracleConfig) field (`max_sentences`,
        /// `strategy.size`, `objective`).
        option: String,
        /// The value as given.
        value: String,
        /// What would have been accepted.
        expected: String,
    },
    /// A flag that ROUGE-1.5.5 does not have.
    #[error("unknown ROUGE-1.5.5 option {flag}")]
    UnknownFlag {
        /// The flag, with its dash (`-q`).
        flag: String,
    },
    /// A real ROUGE-1.5.5 flag (or flag value) whose behaviour nutgraf does not implement;
    /// accepting it would give numbers the script does not give.
    #[error("ROUGE-1.5.5 option {flag} ({feature}) is not supported")]
    UnsupportedFlag {
        /// The flag, with its dash (`-3`; `-t` for `-t 1`, whose value `-t 0` is supported).
        flag: String,
        /// What the flag (with that value) does in ROUGE-1.5.5.
        feature: String,
    },
    /// A ROUGE-1.5.5 flag that takes a value was given none.
    #[error("ROUGE-1.5.5 option {flag} needs a value")]
    MissingValue {
        /// The flag, with its dash.
        flag: String,
    },
    /// Something that is not a flag among ROUGE-1.5.5 flags (a file name, say).
    #[error("unexpected argument {argument:?} among ROUGE-1.5.5 options")]
    UnexpectedArgument {
        /// The argument.
        argument: String,
    },
    /// Two options that exclude each other.
    #[error("ROUGE options {first} and {second} cannot be used together")]
    ConflictingOptions {
        /// The first option (flag or field).
        first: String,
        /// The second option.
        second: String,
    },
    /// An [`EvalConfig`](crate::EvalConfig) with neither flavour.
    #[error("no ROUGE flavour configured: set perl, google or both")]
    NoFlavour,
    /// A document scored without any reference summary.
    #[error("no reference summary")]
    NoReference,
    /// ROUGE-W of a document with an empty reference, which ROUGE-1.5.5 cannot compute (it
    /// dies); opt in with
    /// [`PerlConfig::allow_empty_reference_w`](crate::perl::PerlConfig::allow_empty_reference_w).
    #[error(
        "ROUGE-W: reference {reference} has no tokens; ROUGE-1.5.5 dies on this document \
         (\"Illegal division by zero at ROUGE-1.5.5.pl line 2454\"); set \
         allow_empty_reference_w to score it 0"
    )]
    EmptyReferenceW {
        /// Index of the reference among the document's references (0-based).
        reference: usize,
    },
    /// An exhaustive oracle search that would try more subsets than allowed.
    #[error(
        "exhaustive oracle over {sentences} sentences would try {subsets} subsets of at most \
         {max_sentences} sentences (max_subsets = {max_subsets}); lower max_sentences or use \
         the beam strategy"
    )]
    TooManySubsets {
        /// Sentences that could be selected.
        sentences: usize,
        /// Subsets the search would try.
        subsets: u64,
        /// The configured `max_sentences`.
        max_sentences: usize,
        /// The configured `max_subsets`.
        max_subsets: u64,
    },
    /// The error of one document of a batch. The message includes the document's error (so it
    /// is not also reported as the `source`, which would print it twice in error chains).
    #[error("document {index}: {error}")]
    Document {
        /// The document's position in the batch (0-based).
        index: usize,
        /// What went wrong.
        error: Box<Error>,
    },
    /// Malformed input (inconsistent documents, unreadable files, wrong counts).
    #[error("{0}")]
    Input(String),
}

impl Error {
    /// An [`Error::InvalidOption`].
    pub(crate) fn invalid(
        option: impl Into<String>,
        value: impl ToString,
        expected: impl Into<String>,
    ) -> Error {
        Error::InvalidOption {
            option: option.into(),
            value: value.to_string(),
            expected: expected.into(),
        }
    }

    /// An [`Error::InvalidOracleOption`].
    pub(crate) fn invalid_oracle(
        option: impl Into<String>,
        value: impl ToString,
        expected: impl Into<String>,
    ) -> Error {
        Error::InvalidOracleOption {
            option: option.into(),
            value: value.to_string(),
            expected: expected.into(),
        }
    }

    /// This error as the error of document `index` of a batch.
    pub(crate) fn in_document(self, index: usize) -> Error {
        Error::Document {
            index,
            error: Box::new(self),
        }
    }
}

/// Result alias of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_option_and_the_value() {
        let e = Error::invalid("-p", 2, "a number within [0, 1]");
        assert_eq!(
            e.to_string(),
            "invalid value \"2\" for ROUGE option -p: expected a number within [0, 1]"
        );
        let e = Error::invalid_oracle("max_sentences", 0, "at least 1");
        assert!(e
            .to_string()
            .starts_with("invalid value \"0\" for oracle option"));
        let e = Error::EmptyReferenceW { reference: 1 }.in_document(3);
        assert!(
            e.to_string()
                .starts_with("document 3: ROUGE-W: reference 1"),
            "{e}"
        );
    }
}
