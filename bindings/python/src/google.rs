//! `nutgraf.rouge_score.rouge_scorer.RougeScorer`: rouge-score 0.1.2's scorer on the engine's
//! google flavour, equal to it bit for bit.
//!
//! The usual case (rouge-score's own tokenizer, `split_summaries=False`) is one engine scorer
//! over every metric. Two cases need the metrics apart, because rougeLsum then sees other
//! sentences or tokens than rouge1..9 and rougeL:
//!
//! * `split_summaries=True`: rougeLsum's sentences come from nutgraf's sentence splitter
//!   (where rouge-score calls NLTK's punkt); the other metrics see the raw text.
//! * a tokenizer object of the caller's (anything with `tokenize(text)` but the package's own
//!   tokenizers): it is called as rouge-score calls it (the whole text for rouge1..9 and rougeL,
//!   each sentence for rougeLsum), and its tokens are scored by the engine. Tokens are compared
//!   as Python compares them (a dict interns them), then handed to the engine as words of
//!   `[0-9a-z]` that its tokenizer keeps as they are, one word per distinct token: the engine
//!   only ever compares tokens for equality, so the numbers are those of the tokens themselves.

use nutgraf::rouge::google::{GoogleConfig, Metric, RougeScorer, Scores, Tokenizer};
use nutgraf::rouge::Score;
use nutgraf::segment::SentenceSplitter;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple, PyType};

use crate::convert::{self, type_name};
use crate::errors;
use crate::limits::{self, Tokens};
use crate::pools;

static SCORE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static TUPLE_NEW: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `tuple.__new__`, which makes a namedtuple without calling its Python-level `__new__` (the
/// same object, in half the time).
fn tuple_new(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    TUPLE_NEW
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.get_type::<PyTuple>().getattr("__new__")?.unbind())
        })
        .map(|f| f.bind(py))
}

/// `nutgraf.rouge_score.scoring.Score`, the namedtuple of the results.
fn score_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    SCORE
        .get_or_try_init(py, || {
            let m = PyModule::import(py, "nutgraf.rouge_score.scoring")?;
            Ok::<_, PyErr>(m.getattr("Score")?.cast_into::<PyType>()?.unbind())
        })
        .map(|c| c.bind(py))
}

/// How the scorer tokenizes.
enum Tok {
    /// One of the engine's tokenizers, with stemming or not.
    Builtin(Tokenizer, bool),
    /// A tokenizer object of the caller's.
    Custom(Py<PyAny>),
}

/// rouge-score 0.1.2's `RougeScorer(rouge_types, use_stemmer=False, split_summaries=False,
/// tokenizer=None)`: `score(target, prediction)` and `score_multi(targets, prediction)` give
/// `{rouge_type: Score(precision, recall, fmeasure)}` equal to rouge-score's to the last bit;
/// `score_batch(targets, predictions, threads=None)` scores many pairs on worker threads.
/// Thread-safe, reusable and picklable. See `nutgraf.rouge_score.rouge_scorer`.
#[pyclass(module = "nutgraf._native", name = "RougeScorer", frozen, subclass)]
pub struct PyRougeScorer {
    /// Result keys, in the order asked (duplicates removed, as a dict would).
    types: Vec<String>,
    use_stemmer: bool,
    split_summaries: bool,
    /// The `tokenizer` argument as given (for pickling).
    tokenizer_arg: Option<Py<PyAny>>,
    tok: Tok,
    /// All metrics on one text (rouge-score's own tokenizer, no sentence splitting).
    fused: bool,
    /// rouge1..9 and rougeL (every metric when `fused`).
    main: Option<RougeScorer>,
    /// rougeLsum when not `fused`, and its position among `types`.
    lsum: Option<(RougeScorer, usize)>,
    splitter: SentenceSplitter,
}

/// One document's inputs, ready for the engine: the texts rouge1..9/rougeL see and the texts
/// rougeLsum sees (the same when fused), prediction first, then the targets.
struct Prepared {
    main: Vec<String>,
    lsum: Vec<String>,
    /// Several targets: rouge-score's `score_multi`.
    multi: bool,
}

impl PyRougeScorer {
    fn builtin_tokens(&self) -> Tokens {
        match self.tok {
            Tok::Builtin(Tokenizer::Unicode, _) => Tokens::Unicode,
            _ => Tokens::RougeScore,
        }
    }

    /// The texts rougeLsum sees for `text`: its sentences, one per line.
    fn lsum_text(&self, text: &str) -> String {
        if !self.split_summaries {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        for s in self.splitter.split(text) {
            if !out.is_empty() {
                out.push('\n');
            }
            // A line break inside a sentence would split it again.
            out.extend(
                text[s.span.clone()]
                    .chars()
                    .map(|c| if c == '\n' { ' ' } else { c }),
            );
        }
        out
    }

    /// Calls the caller's tokenizer on `text` and writes its tokens as engine words.
    fn encode(
        &self,
        tokenizer: &Bound<'_, PyAny>,
        text: &str,
        intern: &Bound<'_, PyDict>,
        out: &mut String,
    ) -> PyResult<()> {
        let py = tokenizer.py();
        let tokens = tokenizer.call_method1("tokenize", (text,))?;
        let iter = tokens.try_iter().map_err(|_| {
            errors::wrong_type(
                py,
                format!(
                    "tokenizer.tokenize returned {}, expected a list of tokens",
                    type_name(&tokens)
                ),
            )
        })?;
        for token in iter {
            let token = token?;
            let unhashable = |_| {
                errors::wrong_type(
                    py,
                    format!(
                        "tokenizer.tokenize returned a token of type {} that cannot be \
                         compared (it is not hashable)",
                        type_name(&token)
                    ),
                )
            };
            let id = match intern.get_item(&token).map_err(unhashable)? {
                Some(id) => id.extract::<usize>()?,
                None => {
                    let id = intern.len();
                    intern.set_item(&token, id).map_err(unhashable)?;
                    id
                }
            };
            if !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            push_word(out, id);
        }
        Ok(())
    }

    /// Prepares the texts of one document: `prediction` and its `targets`.
    fn prepare(
        &self,
        py: Python<'_>,
        prediction: String,
        targets: Vec<String>,
        multi: bool,
    ) -> PyResult<Prepared> {
        let mut texts = Vec::with_capacity(1 + targets.len());
        texts.push(prediction);
        texts.extend(targets);
        match &self.tok {
            Tok::Builtin(..) if self.fused => Ok(Prepared {
                lsum: Vec::new(),
                main: texts,
                multi,
            }),
            Tok::Builtin(..) => {
                let lsum = if self.lsum.is_some() {
                    texts.iter().map(|t| self.lsum_text(t)).collect()
                } else {
                    Vec::new()
                };
                Ok(Prepared {
                    main: texts,
                    lsum,
                    multi,
                })
            }
            Tok::Custom(tokenizer) => {
                let tokenizer = tokenizer.bind(py);
                let intern = PyDict::new(py);
                let mut main = Vec::new();
                let mut lsum = Vec::new();
                for text in &texts {
                    if self.main.is_some() {
                        let mut encoded = String::new();
                        self.encode(tokenizer, text, &intern, &mut encoded)?;
                        main.push(encoded);
                    }
                    if self.lsum.is_some() {
                        let lines = self.lsum_text(text);
                        let mut encoded = String::new();
                        for line in lines.split('\n').filter(|l| !l.is_empty()) {
                            if !encoded.is_empty() {
                                encoded.push('\n');
                            }
                            let start = encoded.len();
                            self.encode(tokenizer, line, &intern, &mut encoded)?;
                            if encoded.len() == start && start > 0 {
                                // A line without tokens adds nothing: drop its separator.
                                encoded.pop();
                            }
                        }
                        lsum.push(encoded);
                    }
                }
                Ok(Prepared { main, lsum, multi })
            }
        }
    }

    /// Checks the sizes of one prepared document; `what` names it.
    fn check(&self, p: &Prepared) -> Result<(), String> {
        let kind = match self.tok {
            // Encoded words: ASCII runs.
            Tok::Custom(_) => Tokens::Perl,
            Tok::Builtin(..) => self.builtin_tokens(),
        };
        let whole = self.types.iter().any(|t| t == "rougeL");
        let has_lsum = self.types.iter().any(|t| t == "rougeLsum");
        if !p.main.is_empty() {
            for target in &p.main[1..] {
                limits::check_google(&p.main[0], target, kind, whole, self.fused && has_lsum)?;
            }
        }
        if !p.lsum.is_empty() {
            for target in &p.lsum[1..] {
                limits::check_google(&p.lsum[0], target, kind, false, true)?;
            }
        }
        Ok(())
    }

    /// Scores one prepared document (no GIL needed).
    fn compute(&self, p: &Prepared) -> Result<Vec<Score>, String> {
        self.check(p)?;
        let run = |scorer: &RougeScorer, texts: &[String]| -> Result<Scores, String> {
            if p.multi {
                let refs: Vec<[&str; 1]> = texts[1..].iter().map(|t| [t.as_str()]).collect();
                scorer
                    .score_multi(&[texts[0].as_str()], &refs)
                    .map_err(|e| e.to_string())
            } else {
                Ok(scorer.score_text(&texts[0], &texts[1]))
            }
        };
        let mut out: Vec<Score> = match &self.main {
            Some(main) => run(main, &p.main)?.into_iter().map(|(_, s)| s).collect(),
            None => Vec::new(),
        };
        if let Some((lsum, at)) = &self.lsum {
            let s = run(lsum, &p.lsum)?;
            out.insert(*at, s[0].1);
        }
        Ok(out)
    }

    /// The result dict of one document.
    fn dict<'py>(&self, py: Python<'py>, scores: &[Score]) -> PyResult<Bound<'py, PyDict>> {
        let class = score_class(py)?;
        let new = tuple_new(py)?;
        let dict = PyDict::new(py);
        for (name, s) in self.types.iter().zip(scores) {
            let values = PyTuple::new(py, [s.precision, s.recall, s.f])?;
            let score = new.call1((class, values))?;
            dict.set_item(name, score)?;
        }
        Ok(dict)
    }

    /// Reads one document's arguments: a target (or several) and a prediction.
    fn read(
        &self,
        py: Python<'_>,
        target: &Bound<'_, PyAny>,
        prediction: &Bound<'_, PyAny>,
        multi: Option<bool>,
        what_target: &dyn Fn() -> String,
        what_prediction: &dyn Fn() -> String,
    ) -> PyResult<Prepared> {
        let prediction = convert::text(prediction, what_prediction)?;
        let is_multi = multi.unwrap_or(!convert::is_text(target));
        let targets = if is_multi {
            if convert::is_text(target) {
                return Err(errors::wrong_type(
                    py,
                    format!("{}: expected a list of str, got str", what_target()),
                ));
            }
            let name = what_target();
            let t = convert::texts(target, &name)?;
            if t.is_empty() {
                return Err(errors::input(
                    py,
                    format!("{name}: no target to score against (an empty list)"),
                ));
            }
            t
        } else {
            vec![convert::text(target, what_target)?]
        };
        self.prepare(py, prediction, targets, is_multi)
    }
}

/// Writes `id` as a word of `[0-9a-z]` (base 36, least significant digit first).
fn push_word(out: &mut String, mut id: usize) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    loop {
        out.push(DIGITS[id % 36] as char);
        id /= 36;
        if id == 0 {
            break;
        }
    }
}

fn metric_names(py: Python<'_>, rouge_types: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if convert::is_text(rouge_types) {
        return Err(errors::wrong_type(
            py,
            "rouge_types: expected a list of rouge type names such as [\"rouge1\", \"rougeL\"], got str",
        ));
    }
    let names = convert::texts(rouge_types, "rouge_types")?;
    let mut types: Vec<String> = Vec::new();
    for name in names {
        if let Err(e) = name.parse::<Metric>() {
            return Err(errors::config(py, format!("rouge_types: {e}")));
        }
        if !types.contains(&name) {
            types.push(name);
        }
    }
    Ok(types)
}

fn build(
    py: Python<'_>,
    metrics: Vec<Metric>,
    tokenizer: Tokenizer,
    stem: bool,
) -> PyResult<RougeScorer> {
    GoogleConfig {
        metrics,
        stem,
        tokenizer,
    }
    .build()
    .map_err(|e| errors::eval(py, &e, "rouge_types"))
}

#[pymethods]
impl PyRougeScorer {
    #[new]
    #[pyo3(
        signature = (rouge_types, use_stemmer=None, split_summaries=None, tokenizer=None),
        text_signature = "(rouge_types, use_stemmer=False, split_summaries=False, tokenizer=None)"
    )]
    fn new(
        py: Python<'_>,
        rouge_types: &Bound<'_, PyAny>,
        use_stemmer: Option<&Bound<'_, PyAny>>,
        split_summaries: Option<&Bound<'_, PyAny>>,
        tokenizer: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let types = metric_names(py, rouge_types)?;
        let use_stemmer = match use_stemmer {
            Some(b) => convert::flag(b, "use_stemmer")?,
            None => false,
        };
        let split_summaries = match split_summaries {
            Some(b) => convert::flag(b, "split_summaries")?,
            None => false,
        };
        let tokenizer = tokenizer.filter(|t| !t.is_none());
        let tok = match tokenizer {
            None => Tok::Builtin(Tokenizer::RougeScore, use_stemmer),
            Some(t) => match t.getattr("_nutgraf_tokenizer") {
                // The package's own tokenizers: (name, stem).
                Ok(spec) => {
                    let (name, stem): (String, bool) = spec.extract()?;
                    let kind = name
                        .parse::<Tokenizer>()
                        .map_err(|e| errors::eval(py, &e, "tokenizer"))?;
                    Tok::Builtin(kind, stem)
                }
                Err(_) => {
                    let callable = t
                        .getattr("tokenize")
                        .map(|f| f.is_callable())
                        .unwrap_or(false);
                    if !callable {
                        return Err(errors::wrong_type(
                            py,
                            format!(
                                "tokenizer: expected None or an object with a tokenize(text) \
                                 method, got {}",
                                type_name(t)
                            ),
                        ));
                    }
                    Tok::Custom(t.clone().unbind())
                }
            },
        };
        let metrics: Vec<Metric> = types
            .iter()
            .map(|t| t.parse())
            .collect::<Result<_, _>>()
            .map_err(|e| errors::eval(py, &e, "rouge_types"))?;
        let (tokenizer_kind, stem) = match &tok {
            Tok::Builtin(k, s) => (*k, *s),
            // Encoded words: never stemmed, kept as they are.
            Tok::Custom(_) => (Tokenizer::RougeScore, false),
        };
        let fused = matches!(tok, Tok::Builtin(..)) && !split_summaries;
        let (main, lsum) = if metrics.is_empty() {
            // rouge-score scores nothing then: every result is `{}`.
            (None, None)
        } else if fused {
            (Some(build(py, metrics, tokenizer_kind, stem)?), None)
        } else {
            let at = metrics.iter().position(|m| *m == Metric::RougeLsum);
            let rest: Vec<Metric> = metrics
                .iter()
                .copied()
                .filter(|m| *m != Metric::RougeLsum)
                .collect();
            let main = if rest.is_empty() {
                None
            } else {
                Some(build(py, rest, tokenizer_kind, stem)?)
            };
            let lsum = match at {
                Some(at) => Some((
                    build(py, vec![Metric::RougeLsum], tokenizer_kind, stem)?,
                    at,
                )),
                None => None,
            };
            (main, lsum)
        };
        Ok(PyRougeScorer {
            types,
            use_stemmer,
            split_summaries,
            tokenizer_arg: tokenizer.map(|t| t.clone().unbind()),
            tok,
            fused,
            main,
            lsum,
            splitter: SentenceSplitter::new(),
        })
    }

    /// The rouge types, in the order of the results.
    #[getter]
    fn rouge_types(&self) -> Vec<String> {
        self.types.clone()
    }

    /// Whether rouge-score's tokenizer stems (the `use_stemmer` argument).
    #[getter]
    fn use_stemmer(&self) -> bool {
        self.use_stemmer
    }

    /// Whether rougeLsum splits texts into sentences (the `split_summaries` argument).
    #[getter]
    fn split_summaries(&self) -> bool {
        self.split_summaries
    }

    /// The `tokenizer` argument.
    #[getter]
    fn tokenizer(&self, py: Python<'_>) -> Py<PyAny> {
        match &self.tokenizer_arg {
            Some(t) => t.clone_ref(py),
            None => py.None(),
        }
    }

    /// rouge-score's `score(target, prediction)`.
    fn score<'py>(
        &self,
        py: Python<'py>,
        target: &Bound<'py, PyAny>,
        prediction: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let p = self.read(
            py,
            target,
            prediction,
            Some(false),
            &|| "target".into(),
            &|| "prediction".into(),
        )?;
        let scores = py
            .detach(|| self.compute(&p))
            .map_err(|e| errors::input(py, e))?;
        self.dict(py, &scores)
    }

    /// rouge-score's `score_multi(targets, prediction)`: per rouge type, the scores of the
    /// target with the highest F (the first on ties).
    fn score_multi<'py>(
        &self,
        py: Python<'py>,
        targets: &Bound<'py, PyAny>,
        prediction: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let p = self.read(
            py,
            targets,
            prediction,
            Some(true),
            &|| "targets".into(),
            &|| "prediction".into(),
        )?;
        let scores = py
            .detach(|| self.compute(&p))
            .map_err(|e| errors::input(py, e))?;
        self.dict(py, &scores)
    }

    /// Scores many pairs on worker threads: `targets[i]` (a str, or a list of str for
    /// `score_multi`) against `predictions[i]`. Results in input order, equal to `score` /
    /// `score_multi` one by one, at any thread count.
    #[pyo3(signature = (targets, predictions, threads=None))]
    fn score_batch<'py>(
        &self,
        py: Python<'py>,
        targets: &Bound<'py, PyAny>,
        predictions: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let threads = convert::threads(threads)?;
        let targets = convert::items(targets, "targets")?;
        let predictions = convert::items(predictions, "predictions")?;
        if targets.len() != predictions.len() {
            return Err(errors::input(
                py,
                format!(
                    "targets and predictions differ in length ({} targets, {} predictions)",
                    targets.len(),
                    predictions.len()
                ),
            ));
        }
        let docs = targets
            .iter()
            .zip(&predictions)
            .enumerate()
            .map(|(i, (t, p))| {
                self.read(py, t, p, None, &|| format!("targets[{i}]"), &|| {
                    format!("predictions[{i}]")
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        let results = pools::run(py, threads, || {
            use rayon::prelude::*;
            docs.par_iter().map(|d| self.compute(d)).collect::<Vec<_>>()
        })?;
        let list = PyList::empty(py);
        for (i, r) in results.into_iter().enumerate() {
            let scores = r.map_err(|e| errors::input(py, format!("pair {i}: {e}")))?;
            list.append(self.dict(py, &scores)?)?;
        }
        Ok(list)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let me = slf.get();
        let args = (
            PyList::new(py, &me.types)?,
            me.use_stemmer,
            me.split_summaries,
            me.tokenizer(py),
        );
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                args.into_pyobject(py)?.into_any(),
            ],
        )
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let tokenizer = match &self.tokenizer_arg {
            Some(t) => t
                .bind(py)
                .repr()
                .map(|r| r.to_string())
                .unwrap_or_else(|_| "?".into()),
            None => "None".into(),
        };
        let py_bool = |b: bool| if b { "True" } else { "False" };
        format!(
            "RougeScorer({:?}, use_stemmer={}, split_summaries={}, tokenizer={tokenizer})",
            self.types,
            py_bool(self.use_stemmer),
            py_bool(self.split_summaries)
        )
    }
}

/// rouge-score's `tokenize`: the tokens `tokenizer` (`"rouge_score"` or `"unicode"`) makes of
/// `text`, stemmed with `stem`.
#[pyfunction]
#[pyo3(signature = (text, tokenizer="rouge-score", stem=false))]
pub fn tokenize(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    tokenizer: &str,
    stem: bool,
) -> PyResult<Vec<String>> {
    let text = convert::text(text, || "text".into())?;
    let kind = tokenizer
        .parse::<Tokenizer>()
        .map_err(|e| errors::eval(py, &e, "tokenizer"))?;
    Ok(py.detach(|| nutgraf::rouge::google::tokens(&text, kind, stem)))
}
