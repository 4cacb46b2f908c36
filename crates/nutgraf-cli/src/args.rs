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
    /// Score candidate summaries against references with ROUGE (ROUGE-1.5.5 or rouge-score).
    Rouge(RougeArgs),
    /// Label each document with its oracle sentences: the set that maximizes ROUGE.
    Oracle(OracleArgs),
    /// Summarize a corpus and score it against its references in one pass.
    Eval(EvalArgs),
    /// Train a supervised model (SummaRuNNer) on a corpus with oracle labels.
    Train(TrainArgs),
    /// Serve the JSON API and the page on HTTP (127.0.0.1:8080 by default).
    Serve(ServeArgs),
}

/// How to react to a bad record in a corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnError {
    /// Report it, write everything done before it, and exit 1.
    Stop,
    /// Report it, count it, and go on. (An I/O or decompression error always ends the run.)
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
    /// Input files or directories (`-` = stdin; a directory = every file under it,
    /// recursively, hidden ones skipped). `.gz` and `.zst` are decompressed. Default: stdin.
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
    /// Keep a leading DailyMail byline block (`by . <author> . published : … . follow @… .`)
    /// among the sentences (by default it is not part of the story).
    #[arg(long)]
    pub keep_bylines: bool,
    /// Language of the texts, for sentence splitting and analysis: auto (detected per
    /// document) or a code: en, de, fr, es, it, pt, nl, ru, zh, ja, ar, tr, da, el, fi, hu,
    /// no, ro, sv.
    #[arg(long, value_name = "LANG", default_value = "auto")]
    pub language: String,
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

/// Method and analysis options shared by `summarize` and `eval`.
#[derive(Debug, Args)]
pub struct MethodArgs {
    /// Summarization method: lead (default), textrank, lexrank, lsa, luhn, sumbasic, klsum,
    /// centroid, pacsum, summarunner (and oracle in eval); best: the strongest shipped model
    /// on validation (today summarunner; the output's config names it).
    #[arg(long, short = 'm')]
    pub method: Option<String>,
    /// A summarizer configuration (JSON, as printed in the `config` of `--output json`);
    /// other flags given with it override its values.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Explain each sentence's score (in `--output json`).
    #[arg(long)]
    pub explain: bool,
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
    /// `--method summarunner`: the model directory (default: the model shipped in the binary).
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,
}

/// `nutgraf summarize`.
#[derive(Debug, Args)]
pub struct SummarizeArgs {
    /// Input selection.
    #[command(flatten)]
    pub input: InputArgs,
    /// Method options.
    #[command(flatten)]
    pub method: MethodArgs,
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
    /// Output format.
    #[arg(long, short = 'o', value_enum, default_value_t = OutputFormat::Text)]
    pub output: OutputFormat,
}

/// The ROUGE implementation whose numbers to reproduce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Flavor {
    /// The official ROUGE-1.5.5 Perl script (the numbers in papers).
    Perl,
    /// Google's rouge-score 0.1.2 (Python; behind Hugging Face `evaluate`).
    Google,
}

/// Tokenizers of the google flavour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RougeTokenizer {
    /// rouge-score's own: lowercase, `[a-z0-9]` runs (other scripts vanish).
    Default,
    /// Letters and digits of every script (CJK: one token per character). A different metric.
    Unicode,
}

/// `nutgraf rouge`. ROUGE-1.5.5's own flags are accepted as the script spells them
/// (`-c 95 -2 -1 -U -r 1000 -n 2 -w 1.2 -a -m`), each with a readable long name too.
#[derive(Debug, Args)]
pub struct RougeArgs {
    /// Candidate summaries: a text file with one summary per line, a JSONL file, or a directory
    /// with one summary per file.
    pub candidates: PathBuf,
    /// Reference summaries, in the same form; several = several references per document.
    #[arg(required = true)]
    pub references: Vec<PathBuf>,
    /// Whose numbers to reproduce.
    #[arg(long, value_enum, default_value_t = Flavor::Perl)]
    pub flavor: Flavor,
    /// Sentence separator inside a summary line.
    #[arg(long, default_value = " <q> ")]
    pub sep: String,
    /// JSONL field of the candidate summary (a string or a list of sentences).
    #[arg(long, default_value = "candidate")]
    pub candidates_field: String,
    /// JSONL field of the reference summary (a string or a list of sentences).
    #[arg(long, default_value = "reference")]
    pub references_field: String,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Worker threads (default: all cores). Results do not depend on it.
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,

    /// [perl] Confidence level of the bootstrap intervals, in percent (`-c`).
    #[arg(short = 'c', long = "confidence", value_name = "CF")]
    pub confidence: Option<f64>,
    /// [perl] ROUGE-S skip distance, -1 for unlimited (`-2`).
    #[arg(
        short = '2',
        long = "skip-distance",
        value_name = "N",
        allow_negative_numbers = true
    )]
    pub skip_distance: Option<i64>,
    /// [perl] Count unigrams in ROUGE-S, giving ROUGE-SU (`-u`).
    #[arg(short = 'u', long = "skip-unigrams")]
    pub skip_unigrams: bool,
    /// [perl] Like -u, and also report ROUGE-S without unigrams (`-U`).
    #[arg(short = 'U', long = "skip-unigrams-both")]
    pub skip_unigrams_both: bool,
    /// [perl] Bootstrap resamples (`-r`).
    #[arg(short = 'r', long = "resamples", value_name = "N")]
    pub resamples: Option<usize>,
    /// [perl] Compute ROUGE-N for n = 1..N (`-n`).
    #[arg(short = 'n', long = "max-n", value_name = "N")]
    pub max_n: Option<usize>,
    /// [perl] Compute ROUGE-W with this weight (`-w`).
    #[arg(short = 'w', long = "lcs-weight", value_name = "W")]
    pub lcs_weight: Option<f64>,
    /// [perl] Accepted for compatibility: nutgraf always evaluates every document (`-a`).
    #[arg(short = 'a', long = "all")]
    pub all: bool,
    /// [perl] Accepted for compatibility: nutgraf embeds ROUGE's data files (`-e`).
    #[arg(short = 'e', long = "data-dir", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Print per-document scores too (`-d`).
    #[arg(short = 'd', long = "per-doc")]
    pub per_doc: bool,
    /// Stem: ROUGE-1.5.5's Porter with the WordNet exceptions (perl), NLTK's Porter (google) (`-m`).
    #[arg(short = 'm', long = "stem")]
    pub stem: bool,
    /// [perl] Remove the SMART stopwords (`-s`).
    #[arg(short = 's', long = "remove-stopwords")]
    pub remove_stopwords: bool,
    /// [perl] Keep only the first N words of each summary (`-l`).
    #[arg(short = 'l', long = "limit-words", value_name = "N")]
    pub limit_words: Option<usize>,
    /// [perl] Keep only the first N bytes of each summary (`-b`).
    #[arg(short = 'b', long = "limit-bytes", value_name = "N")]
    pub limit_bytes: Option<usize>,
    /// [perl] Multiple references: A = pool them (default), B = best one (`-f`).
    #[arg(short = 'f', long = "formula", value_name = "A|B")]
    pub formula: Option<String>,
    /// [perl] Weight of recall against precision in F (`-p`, default 0.5).
    #[arg(short = 'p', long = "alpha", value_name = "ALPHA")]
    pub alpha: Option<f64>,
    /// [perl] Score ROUGE-W 0 against an empty reference (ROUGE-1.5.5 dies there).
    #[arg(long)]
    pub allow_empty_reference_w: bool,
    /// [perl] Count bytes correctly for ROUGE-L/W under `-b` (ROUGE-1.5.5 never increments its
    /// byte counter there, quirk 6; this gives different numbers from the script).
    #[arg(long)]
    pub fix_lcs_byte_limit: bool,
    /// [perl] Do not compute ROUGE-L (`-x`).
    #[arg(short = 'x', long = "no-lcs")]
    pub no_lcs: bool,

    /// [google] Metrics to compute (rouge1..rouge9, rougeL, rougeLsum; default rouge1,
    /// rouge2, rougeL, rougeLsum).
    #[arg(long, value_delimiter = ',')]
    pub metrics: Option<Vec<String>>,
    /// [google] Tokenizer (default: rouge-score's own).
    #[arg(long, value_enum)]
    pub tokenizer: Option<RougeTokenizer>,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,

    /// ROUGE-1.5.5's `-t` (count tokens by sentence or by file): not supported.
    #[arg(
        short = 't',
        value_name = "0|1|2",
        hide = true,
        allow_hyphen_values = true
    )]
    pub unsupported_t: Option<String>,
    /// ROUGE-1.5.5's `-3` (basic elements): not supported.
    #[arg(
        short = '3',
        value_name = "MODE",
        hide = true,
        allow_hyphen_values = true
    )]
    pub unsupported_3: Option<String>,
    /// ROUGE-1.5.5's `-z` (the input format; only `SEE` is supported, given by the files).
    #[arg(short = 'z', value_name = "FORMAT", hide = true)]
    pub input_format_z: Option<String>,
    /// ROUGE-1.5.5's `-M` (the maximum over references for each metric): not supported.
    #[arg(short = 'M', hide = true)]
    pub unsupported_m: bool,
}

impl RougeArgs {
    /// The ROUGE-1.5.5 flags these arguments stand for, as the script spells them.
    pub fn perl_flags(&self) -> Vec<String> {
        let mut f: Vec<String> = Vec::new();
        let mut push = |flag: &str, value: Option<String>| {
            f.push(flag.to_string());
            f.extend(value);
        };
        if let Some(c) = self.confidence {
            push("-c", Some(c.to_string()));
        }
        if let Some(d) = self.skip_distance {
            push("-2", Some(d.to_string()));
        }
        if self.skip_unigrams {
            push("-u", None);
        }
        if self.skip_unigrams_both {
            push("-U", None);
        }
        if let Some(r) = self.resamples {
            push("-r", Some(r.to_string()));
        }
        if let Some(n) = self.max_n {
            push("-n", Some(n.to_string()));
        }
        if let Some(w) = self.lcs_weight {
            push("-w", Some(w.to_string()));
        }
        if self.stem {
            push("-m", None);
        }
        if self.remove_stopwords {
            push("-s", None);
        }
        if let Some(l) = self.limit_words {
            push("-l", Some(l.to_string()));
        }
        if let Some(b) = self.limit_bytes {
            push("-b", Some(b.to_string()));
        }
        if let Some(formula) = &self.formula {
            push("-f", Some(formula.clone()));
        }
        if let Some(p) = self.alpha {
            push("-p", Some(p.to_string()));
        }
        if self.no_lcs {
            push("-x", None);
        }
        // Passed on so that the flag parser says what it does and that it is not supported.
        if let Some(t) = &self.unsupported_t {
            push("-t", Some(t.clone()));
        }
        if let Some(mode) = &self.unsupported_3 {
            push("-3", Some(mode.clone()));
        }
        if self.unsupported_m {
            push("-M", None);
        }
        if let Some(z) = &self.input_format_z {
            push("-z", Some(z.clone()));
        }
        f
    }
}

/// Oracle search strategies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OracleStrategy {
    /// Add the sentence that most increases the objective until none does.
    Greedy,
    /// Keep the best `--beam-size` sets of each size.
    Beam,
    /// Every subset of at most `--max-sentences` sentences.
    Exhaustive,
}

/// Oracle options shared by `oracle` and `eval --method oracle`.
#[derive(Debug, Args)]
pub struct OracleOptions {
    /// Search strategy (default greedy).
    #[arg(long, value_enum)]
    pub strategy: Option<OracleStrategy>,
    /// Beam width of `--strategy beam` (default 5).
    #[arg(long)]
    pub beam_size: Option<usize>,
    /// What to maximize: r1, r2, rl, r1+r2 (F of each, summed; the default) or mean.
    #[arg(long)]
    pub objective: Option<String>,
    /// At most this many sentences (default 3).
    #[arg(long)]
    pub max_sentences: Option<usize>,
    /// `--strategy exhaustive` refuses a document that needs more subsets than this (default
    /// 1,000,000).
    #[arg(long)]
    pub max_subsets: Option<u64>,
    /// Score without stemming (default: stemmed, as ROUGE-1.5.5 -m).
    #[arg(long)]
    pub no_rouge_stem: bool,
}

impl OracleOptions {
    /// Whether any oracle option was given.
    pub fn any(&self) -> bool {
        self.strategy.is_some()
            || self.beam_size.is_some()
            || self.objective.is_some()
            || self.max_sentences.is_some()
            || self.max_subsets.is_some()
            || self.no_rouge_stem
    }
}

/// Output formats of `oracle`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OracleOutput {
    /// One line per document: `id`, `indices`, `objective`, `rouge`.
    Jsonl,
    /// SummaRuNNer records `{"doc", "labels", "summaries"}` (plus `id`).
    Summarunner,
}

/// `nutgraf oracle`.
#[derive(Debug, Args)]
pub struct OracleArgs {
    /// Input selection.
    #[command(flatten)]
    pub input: InputArgs,
    /// Oracle options.
    #[command(flatten)]
    pub oracle: OracleOptions,
    /// Output format.
    #[arg(long, short = 'o', value_enum, default_value_t = OracleOutput::Jsonl)]
    pub output: OracleOutput,
}

/// Flavours `eval` can report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFlavor {
    /// ROUGE-1.5.5: ROUGE-1, ROUGE-2, ROUGE-L (`-c 95 -r 1000 -n 2 -m`).
    Perl,
    /// rouge-score: rouge1, rouge2, rougeL, rougeLsum (stemmed).
    Google,
    /// Both.
    Both,
}

/// `nutgraf eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Input selection.
    #[command(flatten)]
    pub input: InputArgs,
    /// Method options (`--method oracle` for the upper bound).
    #[command(flatten)]
    pub method: MethodArgs,
    /// Oracle options, for `--method oracle`.
    #[command(flatten)]
    pub oracle: OracleOptions,
    /// Budget: at most K sentences (default 3).
    #[arg(long, short = 'k', group = "budget")]
    pub sentences: Option<usize>,
    /// Budget: at most N words.
    #[arg(long, group = "budget")]
    pub budget_words: Option<usize>,
    /// Budget: at most N bytes.
    #[arg(long, group = "budget")]
    pub budget_bytes: Option<usize>,
    /// Budget: this fraction of the sentences.
    #[arg(long, group = "budget")]
    pub ratio: Option<f64>,
    /// Which ROUGE.
    #[arg(long, value_enum, default_value_t = EvalFlavor::Perl)]
    pub flavor: EvalFlavor,
    /// Score only the first N bytes of each summary (ROUGE-1.5.5 `-b N`; SummaRuNNer's 75 and
    /// 275-byte recall).
    #[arg(long, value_name = "N")]
    pub bytes: Option<usize>,
    /// Score only the first N words of each summary (ROUGE-1.5.5 `-l N`).
    #[arg(long, value_name = "N", conflicts_with = "bytes")]
    pub words: Option<usize>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Write per-document scores (JSONL: `id`, `indices`, scores) to this file.
    #[arg(long, value_name = "FILE")]
    pub per_doc: Option<PathBuf>,
}

/// `nutgraf train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// The model to train (only `summarunner` so far).
    #[arg(long, default_value = "summarunner", value_parser = ["summarunner"])]
    pub model: String,
    /// Training corpus (JSONL with references: labels come from the greedy oracle; or
    /// SummaRuNNer records with their labels).
    #[arg(long)]
    pub train: PathBuf,
    /// Validation corpus, for the ROUGE check after each epoch.
    #[arg(long)]
    pub valid: PathBuf,
    /// Output directory: the best model, `train.log`-style records, `checkpoints/last`.
    #[arg(long)]
    pub out: PathBuf,
    /// Epochs.
    #[arg(long, default_value_t = 4)]
    pub epochs: usize,
    /// Documents per mini-batch.
    #[arg(long, default_value_t = 32)]
    pub batch_size: usize,
    /// Adam learning rate.
    #[arg(long, default_value_t = 1e-3)]
    pub lr: f64,
    /// Multiply the learning rate by this after each epoch (1: constant).
    #[arg(long, default_value_t = 1.0, value_name = "FACTOR")]
    pub lr_decay: f64,
    /// Validate and save a moving average of the weights with this decay (0: the last
    /// weights; 0.998 spans about the last 500 steps).
    #[arg(long, default_value_t = 0.0, value_name = "DECAY")]
    pub average: f64,
    /// Random seed (initialization, data order, dropout).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Vocabulary size, `<pad>` and `<unk>` included.
    #[arg(long)]
    pub vocab_size: Option<usize>,
    /// Dropout rate on the word embeddings and sentence vectors while training (default 0.2).
    #[arg(long, value_name = "RATE")]
    pub dropout: Option<f32>,
    /// Word encoder: rnn (the paper's RNN_RNN), cnn (CNN_RNN) or attn (AttnRNN).
    #[arg(long)]
    pub variant: Option<String>,
    /// Start the word embedding from pretrained vectors: a GloVe/word2vec text file (a word,
    /// then its numbers, per line); its dimension sets the embedding size.
    #[arg(long, value_name = "FILE")]
    pub word_vectors: Option<PathBuf>,
    /// Use only the first N training documents.
    #[arg(long)]
    pub max_train_docs: Option<usize>,
    /// Use only the first N validation documents.
    #[arg(long)]
    pub max_valid_docs: Option<usize>,
    /// Save `OUT/checkpoints/last` every this many batches (and at each epoch's end).
    #[arg(long, default_value_t = 200)]
    pub checkpoint_every: usize,
    /// Continue from `OUT/checkpoints/last`.
    #[arg(long)]
    pub resume: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Never show a progress bar (it is shown only when stderr is a terminal anyway).
    #[arg(long)]
    pub no_progress: bool,
}

/// `nutgraf serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0: one the system picks, printed at start).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// The SummaRuNNer model for `{"method": "summarunner"}` (default: the model shipped in the
    /// binary).
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,
    /// The largest request body, in bytes (413 above).
    #[arg(long, value_name = "BYTES", default_value_t = 2 * 1024 * 1024)]
    pub max_body: usize,
    /// The longest a request may take, in seconds, reading its body and waiting for a worker
    /// included (504 after).
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    pub timeout: f64,
    /// Worker threads for summarizing and scoring (default: all cores).
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,
    /// Requests that may wait for a worker; when full, requests get 503 with Retry-After.
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub queue: usize,
}
