//! Command-line arguments (clap derive). Raw flags here; `cmd::*` turns them into library
//! configurations, where invalid combinations are rejected.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// nutgraf: extractive summarization of news, and the metrics to score it.
#[derive(Debug, Parser)]
#[command(name = "nutgraf", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Pick the sentences that best summarize each document.
    Summarize(SummarizeArgs),
}

/// How to react to a bad record in a corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnError {
    /// Report it, write everything done before it, and exit non-zero.
    Stop,
    /// Report it, count it, and go on.
    Skip,
}

/// Output formats of `summarize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The selected sentences, one per line (a blank line between documents).
    Text,
    /// Method, configuration and every sentence with span, score and selection.
    Json,
    /// One line per document: `id`, `indices`, `summary`.
    Jsonl,
}

/// Input options shared by the commands that read documents.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Input files or directories (`-` = stdin; a directory = every file in it). `.gz` and
    /// `.zst` are decompressed. Default: stdin.
    pub inputs: Vec<PathBuf>,
    /// Force the input format instead of detecting it.
    #[arg(long, value_name = "FORMAT", value_parser = ["lines", "text", "story", "jsonl", "summarunner"])]
    pub input_format: Option<String>,
    /// JSONL field holding the article (a string or a list of sentences).
    #[arg(long, default_value = "article")]
    pub text_field: String,
    /// JSONL field holding the reference summary.
    #[arg(long, default_value = "highlights")]
    pub reference_field: String,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,
    /// What to do with a bad record in a corpus.
    #[arg(long, value_enum, default_value_t = OnError::Stop)]
    pub on_error: OnError,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Never show a progress bar (it is shown only when stderr is a terminal anyway).
    #[arg(long)]
    pub no_progress: bool,
}

/// `nutgraf summarize`.
#[derive(Debug, Args)]
pub struct SummarizeArgs {
    /// Input selection.
    #[command(flatten)]
    pub input: InputArgs,
    /// Summarization method.
    #[arg(long, short = 'm', default_value = "lead")]
    pub method: String,
    /// Budget: at most K sentences (default 3).
    #[arg(long, short = 'k', group = "budget")]
    pub sentences: Option<usize>,
    /// Budget: at most N words.
    #[arg(long, group = "budget")]
    pub words: Option<usize>,
    /// Budget: at most N bytes (one separator byte counted between sentences).
    #[arg(long, group = "budget")]
    pub bytes: Option<usize>,
    /// Budget: this fraction of the sentences, rounded up (0 < R <= 1).
    #[arg(long, group = "budget")]
    pub ratio: Option<f64>,
    /// Skip sentences sharing a trigram with an already selected one.
    #[arg(long, conflicts_with = "mmr")]
    pub trigram_blocking: bool,
    /// Maximal Marginal Relevance with this lambda (relevance weight, 0..1).
    #[arg(long, value_name = "LAMBDA")]
    pub mmr: Option<f64>,
    /// Do not stem terms.
    #[arg(long)]
    pub no_stem: bool,
    /// Keep stopwords as terms.
    #[arg(long)]
    pub keep_stopwords: bool,
    /// Convergence tolerance of iterative methods.
    #[arg(long)]
    pub tolerance: Option<f64>,
    /// Iteration cap of iterative methods.
    #[arg(long)]
    pub max_iterations: Option<usize>,
    /// Damping factor of graph methods (textrank, lexrank).
    #[arg(long)]
    pub damping: Option<f64>,
    /// Output format.
    #[arg(long, short = 'o', value_enum, default_value_t = OutputFormat::Text)]
    pub output: OutputFormat,
}
