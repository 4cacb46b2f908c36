//! From flags to the library's typed configuration, and from the library's typed errors back
//! to messages that name the flags.

use std::path::PathBuf;

use anyhow::Context;
use nutgraf::corpus::{OnError as Policy, Runner};
use nutgraf::methods::{LexRankConfig, LsaConfig, TextRankConfig};
use nutgraf::oracle::OracleMethodConfig;
use nutgraf::read::{Format, ReadOptions};
use nutgraf::rouge::oracle::{Objective, Strategy};
use nutgraf::select::Redundancy;
use nutgraf::{Budget, CoreError, MethodConfig, SummarizerConfig, SummarunnerConfig};

use crate::args::{InputArgs, MethodArgs, OnError, OracleOptions, OracleStrategy};

/// The inputs, stdin when none is given.
pub fn inputs(args: &InputArgs) -> Vec<PathBuf> {
    if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    }
}

/// The reader options of the flags.
pub fn read_options(args: &InputArgs) -> anyhow::Result<ReadOptions> {
    let format = args
        .input_format
        .as_deref()
        .map(str::parse::<Format>)
        .transpose()
        .map_err(|e| anyhow::anyhow!("{}", message(&e.into())))?;
    Ok(ReadOptions {
        format,
        text_field: args.text_field.clone(),
        reference_field: args.reference_field.clone(),
        lossy: args.lossy,
        keep_bylines: args.keep_bylines,
        language: args
            .language
            .parse()
            .map_err(|e: nutgraf::CoreError| anyhow::anyhow!("{}", message(&e.into())))?,
    })
}

/// The corpus runner of the flags.
pub fn runner(args: &InputArgs) -> anyhow::Result<Runner> {
    let policy = match args.on_error {
        OnError::Stop => Policy::Stop,
        OnError::Skip => Policy::Skip,
    };
    let runner = Runner::new().on_error(policy);
    match args.threads {
        Some(n) => runner.threads(n).map_err(library),
        None => Ok(runner),
    }
}

/// A worker pool of `threads` threads (all cores by default).
pub fn pool(threads: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        anyhow::ensure!(
            n > 0,
            "invalid value for --threads: 0 (expected at least 1)"
        );
        builder = builder.num_threads(n);
    }
    builder.build().context("cannot start worker threads")
}

/// The budget flags (clap makes them mutually exclusive).
#[derive(Debug, Clone, Copy, Default)]
pub struct BudgetFlags {
    /// `-k`.
    pub sentences: Option<usize>,
    /// `--words` / `--budget-words`.
    pub words: Option<usize>,
    /// `--bytes` / `--budget-bytes`.
    pub bytes: Option<usize>,
    /// `--ratio`.
    pub ratio: Option<f64>,
}

impl BudgetFlags {
    fn budget(self) -> Option<Budget> {
        match self {
            BudgetFlags { words: Some(n), .. } => Some(Budget::Words(n)),
            BudgetFlags { bytes: Some(n), .. } => Some(Budget::Bytes(n)),
            BudgetFlags { ratio: Some(r), .. } => Some(Budget::Ratio(r)),
            BudgetFlags {
                sentences: Some(k), ..
            } => Some(Budget::Sentences(k)),
            _ => None,
        }
    }
}

/// The summarizer configuration of the flags: `--config FILE` if given, then every flag given
/// on top of it. A flag that does not apply to the method is refused.
pub fn summarizer_config(
    args: &MethodArgs,
    budget: BudgetFlags,
    oracle: Option<&OracleOptions>,
) -> anyhow::Result<SummarizerConfig> {
    let mut config = match &args.config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read", path.display()))?;
            let config = SummarizerConfig::from_json(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            // Its own values are checked here, so that a bad one is blamed on the file (by its
            // field), not on a flag that was not given.
            config
                .validate()
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            config
        }
        None => SummarizerConfig::default(),
    };
    if let Some(name) = &args.method {
        if name != config.method.name() {
            config.method = MethodConfig::named(name)
                .map_err(|e| anyhow::anyhow!("{} (--method)", message(&e)))?;
        }
    }
    if let Some(b) = budget.budget() {
        if matches!(config.method, MethodConfig::Oracle(_)) {
            anyhow::bail!(
                "the oracle set is taken whole: its size is --max-sentences, not a budget flag"
            );
        }
        config.budget = b;
    }
    if args.trigram_blocking {
        config.redundancy = Redundancy::TrigramBlocking;
    }
    if let Some(lambda) = args.mmr {
        config.redundancy = Redundancy::Mmr { lambda };
    }
    if args.no_stem {
        config.analysis.stem = false;
    }
    if args.keep_stopwords {
        config.analysis.stopwords = false;
    }
    config.explain |= args.explain;
    apply_method_flags(&mut config.method, args)?;
    if let Some(options) = oracle.filter(|o| o.any()) {
        match &mut config.method {
            MethodConfig::Oracle(c) => apply_oracle_flags(c, options)?,
            other => anyhow::bail!(
                "the oracle options (--strategy, --objective, ...) go with --method oracle, not {}",
                other.name()
            ),
        }
    }
    config
        .validate()
        .map_err(|e| anyhow::anyhow!("{}", message(&e)))?;
    Ok(config)
}

/// `--damping`, `--tolerance`, `--max-iterations` and `--model`, where the method has them.
fn apply_method_flags(method: &mut MethodConfig, args: &MethodArgs) -> anyhow::Result<()> {
    let name = method.name().to_string();
    let refuse = |flag: &str, methods: &str| {
        anyhow::anyhow!("{flag} applies to {methods}, not to --method {name}")
    };
    if let Some(d) = args.damping {
        match method {
            MethodConfig::TextRank(TextRankConfig { damping, .. })
            | MethodConfig::LexRank(LexRankConfig { damping, .. }) => *damping = d,
            _ => return Err(refuse("--damping", "textrank and lexrank")),
        }
    }
    if let Some(t) = args.tolerance {
        match method {
            MethodConfig::TextRank(TextRankConfig { tolerance, .. })
            | MethodConfig::LexRank(LexRankConfig { tolerance, .. }) => *tolerance = t,
            _ => return Err(refuse("--tolerance", "textrank and lexrank")),
        }
    }
    if let Some(n) = args.max_iterations {
        match method {
            MethodConfig::TextRank(TextRankConfig { max_iterations, .. })
            | MethodConfig::LexRank(LexRankConfig { max_iterations, .. })
            | MethodConfig::Lsa(LsaConfig { max_iterations, .. }) => *max_iterations = n,
            _ => return Err(refuse("--max-iterations", "textrank, lexrank and lsa")),
        }
    }
    if let Some(dir) = &args.model {
        match method {
            MethodConfig::Summarunner(c) => {
                *c = SummarunnerConfig {
                    model: Some(dir.clone()),
                }
            }
            _ => return Err(refuse("--model", "summarunner")),
        }
    }
    Ok(())
}

/// The oracle configuration of the flags.
pub fn oracle_config(options: &OracleOptions) -> anyhow::Result<OracleMethodConfig> {
    let mut config = OracleMethodConfig::default();
    apply_oracle_flags(&mut config, options)?;
    nutgraf::oracle::Oracle::new(config.clone()).map_err(|e| anyhow::anyhow!("{}", message(&e)))?;
    Ok(config)
}

fn apply_oracle_flags(config: &mut OracleMethodConfig, o: &OracleOptions) -> anyhow::Result<()> {
    let beam = o.beam_size.unwrap_or(5);
    let subsets = o.max_subsets.unwrap_or(1_000_000);
    if let Some(strategy) = o.strategy {
        config.strategy = match strategy {
            OracleStrategy::Greedy => Strategy::Greedy,
            OracleStrategy::Beam => Strategy::Beam { size: beam },
            OracleStrategy::Exhaustive => Strategy::Exhaustive {
                max_subsets: subsets,
            },
        };
    }
    match config.strategy {
        Strategy::Beam { ref mut size } if o.beam_size.is_some() => *size = beam,
        Strategy::Exhaustive {
            ref mut max_subsets,
        } if o.max_subsets.is_some() => *max_subsets = subsets,
        _ if o.beam_size.is_some() => anyhow::bail!("--beam-size goes with --strategy beam"),
        _ if o.max_subsets.is_some() => {
            anyhow::bail!("--max-subsets goes with --strategy exhaustive")
        }
        _ => {}
    }
    if let Some(objective) = &o.objective {
        config.objective = objective
            .parse::<Objective>()
            .map_err(|e| anyhow::anyhow!("{} (--objective)", message(&nutgraf::Error::from(e))))?;
    }
    if let Some(k) = o.max_sentences {
        config.max_sentences = k;
    }
    if o.no_rouge_stem {
        config.stem = false;
    }
    Ok(())
}

/// Configuration fields and the flags that set them, for messages.
const FLAGS: &[(&str, &str)] = &[
    ("damping", "--damping"),
    ("tolerance", "--tolerance"),
    ("max_iterations", "--max-iterations"),
    ("budget.ratio", "--ratio"),
    ("redundancy.lambda", "--mmr"),
    ("threads", "--threads"),
    ("format", "--input-format"),
    ("language", "--language"),
    ("max_sentences", "--max-sentences"),
    ("strategy.size", "--beam-size"),
    ("objective", "--objective"),
];

/// The message of a library error, with configuration fields named by their flags and the
/// hints that only a command line can give.
pub fn message(err: &nutgraf::Error) -> String {
    let full = err.to_string();
    let root = err.root();
    let plain = root.to_string();
    // The flag that sets `field`, in the message of a bad value.
    let by_flag =
        |field: &str, value: &str, expected: &str| match FLAGS.iter().find(|(f, _)| *f == field) {
            Some((_, flag)) => format!("invalid value for {flag}: {value} (expected {expected})"),
            None => plain.clone(),
        };
    let better = match root {
        nutgraf::Error::Core(e @ CoreError::InvalidUtf8 { .. }) => {
            format!("{e} (use --lossy to replace invalid bytes)")
        }
        nutgraf::Error::Core(CoreError::InvalidConfig {
            field,
            value,
            expected,
        }) => by_flag(field, value, expected),
        nutgraf::Error::Eval(nutgraf::rouge::Error::InvalidOracleOption {
            option,
            value,
            expected,
        }) => by_flag(option, value, expected),
        nutgraf::Error::Eval(nutgraf::rouge::Error::EmptyReferenceW { .. }) => plain.replace(
            "set allow_empty_reference_w to",
            "use --allow-empty-reference-w to",
        ),
        nutgraf::Error::Eval(nutgraf::rouge::Error::TooManySubsets { .. }) => {
            format!("{plain} (--max-sentences, --strategy beam)")
        }
        _ => plain.clone(),
    };
    full.replace(&plain, &better)
}

/// A library error as an `anyhow` error with [`message`]'s text.
pub fn library(err: nutgraf::Error) -> anyhow::Error {
    anyhow::anyhow!("{}", message(&err))
}
