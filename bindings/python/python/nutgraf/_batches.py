"""Batch functions shared by :mod:`nutgraf.spark` and :mod:`nutgraf.ray`: one Arrow batch of
records in, the same batch with nutgraf's result columns appended out.

Each function is a small picklable object holding a native engine (which pickles as its
configuration); the engines run one batch at a time in Rust (no Python call per record).
A bad record follows the CLI's error policy: ``on_error="stop"`` raises
:class:`~nutgraf.errors.InputError` naming the record (its id and index when the data has
them); ``on_error="skip"`` keeps the row with null results and the message in the error
column, and counts it.
"""

from __future__ import annotations

import json
import shlex
from typing import Any, Dict, List, Optional, Sequence, Tuple

from . import _native
from .errors import ConfigError, InputError, InputTypeError

ON_ERROR = ("stop", "skip")
FLAVORS = ("perl", "google")

ORACLE_METRICS = ("ROUGE-1", "ROUGE-2", "ROUGE-L")
SCORE_FIELDS = ("recall", "precision", "f")


def _pa():
    try:
        import pyarrow
    except ImportError as e:  # pragma: no cover - pyspark and ray[data] depend on it
        raise ImportError("nutgraf.spark and nutgraf.ray need pyarrow: pip install pyarrow") from e
    return pyarrow


# Configurations ---------------------------------------------------------------------------


def check_on_error(on_error: str) -> str:
    if on_error not in ON_ERROR:
        raise ConfigError(f"on_error: expected \"stop\" or \"skip\", got {on_error!r}")
    return on_error


def summarizer_config(config: Any, options: Dict[str, Any]) -> str:
    """The configuration JSON of ``config`` (a :class:`nutgraf.Summarizer`, a dict, a JSON
    str, or None for ``Summarizer(**options)``)."""
    from ._summarize import Summarizer

    if config is None:
        summarizer = Summarizer(**options)
    elif options:
        raise ConfigError(
            f"give config or keyword options, not both (got config and {', '.join(options)})"
        )
    elif isinstance(config, Summarizer):
        summarizer = config
    elif isinstance(config, (dict, str)):
        summarizer = Summarizer.from_config(config)
    else:
        raise InputTypeError(
            f"config: expected a nutgraf.Summarizer, a dict or a JSON str, got {type(config).__name__}"
        )
    return summarizer._native.config_json()


def oracle_config(options: Any, kwargs: Dict[str, Any]) -> str:
    """The options JSON of an oracle: a :class:`nutgraf.Oracle`, a dict, or keyword options."""
    from ._summarize import Oracle

    if options is None:
        oracle = Oracle(**kwargs)
    elif kwargs:
        raise ConfigError("give options or keyword options, not both")
    elif isinstance(options, Oracle):
        oracle = options
    elif isinstance(options, dict):
        oracle = Oracle(**options)
    else:
        raise InputTypeError(
            f"options: expected a nutgraf.Oracle or a dict, got {type(options).__name__}"
        )
    return oracle._native.config_json()


def eval_config(flavor: str, options: Any, unescape_ptb: bool) -> str:
    """The evaluator configuration of ``nutgraf rouge --flavor FLAVOR`` with ``options``.

    perl: ROUGE-1.5.5's flags as a str or a list (``"-c 95 -r 1000 -n 2 -m"``; None, or ``-m``
    alone, for pyrouge's defaults, as the CLI), or a :class:`nutgraf.rouge155.Rouge155`.
    google: a dict ``{"metrics": [...], "stem": bool, "tokenizer": "rouge_score"|"unicode"}``
    (the CLI's ``--metrics``, ``--stem``, ``--tokenizer``; default rouge1, rouge2, rougeL,
    rougeLsum, no stemming), or a :class:`nutgraf.rouge_score.rouge_scorer.RougeScorer`.
    """
    if flavor not in FLAVORS:
        raise ConfigError(f"flavor: expected \"perl\" or \"google\", got {flavor!r}")
    config: Dict[str, Any] = {"unescape_ptb": bool(unescape_ptb)}
    if flavor == "perl":
        from .rouge155 import Rouge155

        if isinstance(options, Rouge155):
            perl = options.config
        else:
            if options is None:
                flags: List[str] = []
            elif isinstance(options, str):
                flags = shlex.split(options)
            elif isinstance(options, (list, tuple)) and all(isinstance(f, str) for f in options):
                flags = list(options)
            else:
                raise InputTypeError(
                    "options: expected ROUGE-1.5.5 flags (a str or a list of str) or a "
                    f"nutgraf.rouge155.Rouge155, got {type(options).__name__}"
                )
            if flags in ([], ["-m"]):
                native = _native.Rouge155(None, json.dumps({"stem": flags == ["-m"]}))
            else:
                native = _native.Rouge155(flags, None)
            perl = json.loads(native.config_json())
        config["perl"] = perl
    else:
        from .rouge_score.rouge_scorer import RougeScorer

        if options is None:
            google: Dict[str, Any] = {}
        elif isinstance(options, RougeScorer):
            if options.tokenizer is not None or options.split_summaries:
                raise ConfigError(
                    "options: a RougeScorer with a tokenizer or split_summaries has no CLI "
                    "equivalent; give {\"metrics\", \"stem\", \"tokenizer\"}"
                )
            google = {"metrics": list(options.rouge_types), "stem": options.use_stemmer}
        elif isinstance(options, dict):
            unknown = set(options) - {"metrics", "stem", "tokenizer"}
            if unknown:
                raise ConfigError(
                    f"options: unknown google option(s) {', '.join(sorted(unknown))} "
                    "(expected metrics, stem, tokenizer)"
                )
            google = dict(options)
        else:
            raise InputTypeError(
                "options: expected a dict of google options or a RougeScorer, got "
                f"{type(options).__name__}"
            )
        config["google"] = google
    return _native.to_json(config, "options")


# Batches ----------------------------------------------------------------------------------


def _column(batch, name: str) -> List[Any]:
    i = batch.schema.get_field_index(name)
    if i < 0:
        raise ConfigError(f"no column {name!r} (columns: {', '.join(batch.schema.names)})")
    return batch.column(i).to_pylist()


def _record_name(batch, row: int, id_col: Optional[str], index_col: Optional[str]) -> str:
    parts = []
    for col, label in ((id_col, "id"), (index_col, "index")):
        if col and batch.schema.get_field_index(col) >= 0:
            value = batch.column(batch.schema.get_field_index(col))[row].as_py()
            parts.append(f"{label} {value!r}" if label == "id" else f"{label} {value}")
    if not parts:
        parts.append(f"row {row} of its batch")
    return "record " + ", ".join(parts)


def _first_error(batch, errors: Sequence[Optional[str]], id_col, index_col) -> None:
    for row, e in enumerate(errors):
        if e is not None:
            raise InputError(f"{_record_name(batch, row, id_col, index_col)}: {e}")


def _append(batch, columns: Sequence[Tuple[str, Any]]):
    pa = _pa()
    arrays = list(batch.columns) + [c for _, c in columns]
    names = list(batch.schema.names) + [n for n, _ in columns]
    if isinstance(batch, pa.Table):
        return pa.Table.from_arrays(arrays, names=names)
    return pa.RecordBatch.from_arrays(arrays, names=names)


def _mask(errors: Sequence[Optional[str]]):
    import numpy as np

    return np.fromiter((e is not None for e in errors), dtype=bool, count=len(errors))


class _Op:
    """What every batch function has: its columns, error policy and threads."""

    on_error: str
    error_col: str
    id_col: Optional[str]
    index_col: Optional[str]

    @classmethod
    def for_columns(cls, columns: Sequence[str], *args: Any, **kwargs: Any):
        """The batch function for data with ``columns``: the columns it reads must be there
        (:class:`ConfigError` before any work), ``id_col`` only names records if it is."""
        if kwargs.get("id_col") not in columns:
            kwargs["id_col"] = None
        op = cls(*args, **kwargs)
        check_columns(columns, op.input_columns())
        return op

    def _errors(self, batch, errors):
        if self.on_error == "stop":
            _first_error(batch, errors, self.id_col, self.index_col)
            return []
        pa = _pa()
        return [(self.error_col, pa.array(errors, type=pa.string()))]


class SummarizeBatch(_Op):
    """Appends ``output_col`` (the summary's sentences, list<string>) and ``indices_col``
    (their indices, list<int32>): what ``nutgraf summarize --output jsonl`` writes."""

    def __init__(
        self,
        config_json: str,
        text_col: str = "article",
        reference_col: Optional[str] = None,
        output_col: str = "summary",
        indices_col: str = "indices",
        on_error: str = "stop",
        error_col: str = "error",
        id_col: Optional[str] = "id",
        index_col: Optional[str] = None,
        threads: Optional[int] = 1,
    ):
        self.engine = _native.RecordSummarizer(config_json)
        self.text_col, self.reference_col = text_col, reference_col
        self.output_col, self.indices_col = output_col, indices_col
        self.on_error, self.error_col = check_on_error(on_error), error_col
        self.id_col, self.index_col, self.threads = id_col, index_col, threads

    def input_columns(self) -> List[Tuple[str, str]]:
        refs = [("reference_col", self.reference_col)] if self.reference_col else []
        return [("text_col", self.text_col)] + refs

    def output_columns(self) -> List[str]:
        cols = [self.output_col, self.indices_col]
        return cols + ([self.error_col] if self.on_error == "skip" else [])

    def __call__(self, batch):
        pa = _pa()
        texts = _column(batch, self.text_col)
        refs = _column(batch, self.reference_col) if self.reference_col else None
        indices, summaries, errors = self.engine.run(
            texts, refs, self.threads, self.text_col, self.reference_col or "highlights"
        )
        extra = self._errors(batch, errors)
        return _append(
            batch,
            [
                (self.output_col, pa.array(summaries, type=pa.list_(pa.string()))),
                (self.indices_col, pa.array(indices, type=pa.list_(pa.int32()))),
            ]
            + extra,
        )


def score_type():
    pa = _pa()
    return pa.struct([(f, pa.float64()) for f in SCORE_FIELDS])


def oracle_type():
    pa = _pa()
    return pa.struct(
        [
            ("indices", pa.list_(pa.int32())),
            ("summary", pa.list_(pa.string())),
            ("objective", pa.float64()),
            ("rouge", pa.struct([(m, score_type()) for m in ORACLE_METRICS])),
        ]
    )


def rouge_type(metrics: Sequence[str]):
    pa = _pa()
    return pa.struct([(m, score_type()) for m in metrics])


def _scores_array(matrix, metrics: Sequence[str], mask):
    """A struct array ``{metric: {recall, precision, f}}`` from an (n, 3 * metrics) matrix;
    rows where ``mask`` is true are null."""
    pa = _pa()
    children = []
    for k, _ in enumerate(metrics):
        fields = [pa.array(matrix[:, 3 * k + j], type=pa.float64()) for j in range(3)]
        children.append(pa.StructArray.from_arrays(fields, names=list(SCORE_FIELDS)))
    return pa.StructArray.from_arrays(
        children, names=list(metrics), mask=pa.array(mask, type=pa.bool_())
    )


class OracleBatch(_Op):
    """Appends ``output_col``: a struct of the oracle set's ``indices``, ``summary``,
    ``objective`` and ``rouge`` (``{ROUGE-1, ROUGE-2, ROUGE-L: {recall, precision, f}}``),
    what ``nutgraf oracle`` writes. ``language``: ``"auto"`` (detected per document, the
    CLI's default) or a code such as ``"de"`` (``nutgraf oracle --language``)."""

    def __init__(
        self,
        options_json: str,
        text_col: str = "article",
        reference_col: str = "highlights",
        output_col: str = "oracle",
        on_error: str = "stop",
        error_col: str = "error",
        id_col: Optional[str] = "id",
        index_col: Optional[str] = None,
        threads: Optional[int] = 1,
        language: str = "auto",
    ):
        self.engine = _native.RecordOracle(options_json)
        self.language = language
        self.text_col, self.reference_col, self.output_col = text_col, reference_col, output_col
        self.on_error, self.error_col = check_on_error(on_error), error_col
        self.id_col, self.index_col, self.threads = id_col, index_col, threads

    def input_columns(self) -> List[Tuple[str, str]]:
        return [("text_col", self.text_col), ("reference_col", self.reference_col)]

    def output_columns(self) -> List[str]:
        return [self.output_col] + ([self.error_col] if self.on_error == "skip" else [])

    def __call__(self, batch):
        import numpy as np

        pa = _pa()
        texts = _column(batch, self.text_col)
        refs = _column(batch, self.reference_col)
        indices, summaries, objectives, rouge, errors = self.engine.run(
            texts, refs, self.threads, self.text_col, self.reference_col, self.language
        )
        extra = self._errors(batch, errors)
        mask = _mask(errors)
        matrix = np.array([r if r is not None else (0.0,) * 9 for r in rouge], dtype=np.float64)
        matrix = matrix.reshape(len(rouge), 9)
        no_mask = np.zeros(len(rouge), dtype=bool)
        struct = pa.StructArray.from_arrays(
            [
                pa.array(indices, type=pa.list_(pa.int32())),
                pa.array(summaries, type=pa.list_(pa.string())),
                pa.array(objectives, type=pa.float64()),
                _scores_array(matrix, ORACLE_METRICS, no_mask),
            ],
            names=["indices", "summary", "objective", "rouge"],
            mask=pa.array(mask, type=pa.bool_()),
        )
        return _append(batch, [(self.output_col, struct)] + extra)


class RougeBatch(_Op):
    """Appends ``output_col``: the document's scores, ``{METRIC: {recall, precision, f}}``
    (what ``nutgraf rouge --json`` prints per document)."""

    def __init__(
        self,
        config_json: str,
        prediction_col: str,
        reference_col: str,
        output_col: str = "rouge",
        on_error: str = "stop",
        error_col: str = "error",
        id_col: Optional[str] = "id",
        index_col: Optional[str] = None,
        separator: str = " <q> ",
        threads: Optional[int] = 1,
    ):
        self.engine = _native.RecordEvaluator(config_json)
        self.metrics = self.engine.metric_names()
        self.prediction_col, self.reference_col = prediction_col, reference_col
        self.output_col, self.separator = output_col, separator
        self.on_error, self.error_col = check_on_error(on_error), error_col
        self.id_col, self.index_col, self.threads = id_col, index_col, threads

    def input_columns(self) -> List[Tuple[str, str]]:
        cols = [("prediction_col", self.prediction_col), ("reference_col", self.reference_col)]
        return cols + ([("order_col", self.index_col)] if self.index_col else [])

    def output_columns(self) -> List[str]:
        return [self.output_col] + ([self.error_col] if self.on_error == "skip" else [])

    def __call__(self, batch):
        import numpy as np

        cands = _column(batch, self.prediction_col)
        refs = _column(batch, self.reference_col)
        values, errors = self.engine.run(
            cands, refs, self.threads, self.prediction_col, self.reference_col, self.separator
        )
        extra = self._errors(batch, errors)
        matrix = np.frombuffer(values, dtype=np.float64).reshape(len(cands), 3 * len(self.metrics))
        struct = _scores_array(matrix, self.metrics, _mask(errors))
        return _append(batch, [(self.output_col, struct)] + extra)

    def corpus(self, table) -> Dict[str, Any]:
        """The corpus scores (``nutgraf rouge --json``'s ``"corpus"``) of a table holding
        ``output_col`` for the scored documents, in document order (null rows are left out)."""
        import numpy as np

        column = table.column(self.output_col)
        if isinstance(column, _pa().ChunkedArray):
            column = column.combine_chunks()
        valid = column.is_valid()
        column = column.filter(valid)
        cols = []
        for m in self.metrics:
            child = column.field(m)
            for f in SCORE_FIELDS:
                cols.append(child.field(f).to_numpy(zero_copy_only=False))
        if not len(column):
            return {}
        matrix = np.ascontiguousarray(np.column_stack(cols), dtype=np.float64)
        return json.loads(self.engine.corpus_json(matrix.tobytes()))


class RougeResult:
    """What ``rouge`` returns: ``documents`` (the data with the per-document scores column,
    lazy: it is computed again when used), ``corpus`` (``nutgraf rouge --json``'s
    ``"corpus"``: ``{METRIC: {recall, precision, f[, *_lower, *_upper]}}``), ``count`` (the
    documents scored) and ``skipped`` (the bad records left out under ``on_error="skip"``)."""

    def __init__(self, documents: Any, corpus: Dict[str, Any], count: int, skipped: int):
        self.documents, self.corpus, self.count, self.skipped = documents, corpus, count, skipped

    def __iter__(self):
        return iter((self.documents, self.corpus))

    def __repr__(self) -> str:
        return f"RougeResult(count={self.count}, skipped={self.skipped}, corpus={self.corpus!r})"


def check_new_columns(existing: Sequence[str], new: Sequence[str]) -> None:
    clash = [c for c in new if c in existing]
    if clash:
        raise ConfigError(
            f"output column(s) {', '.join(map(repr, clash))} already in the data; "
            "choose other names (output_col=..., indices_col=..., error_col=...)"
        )


def check_columns(existing: Sequence[str], wanted: Sequence[Tuple[str, str]]) -> None:
    for arg, col in wanted:
        if col not in existing:
            raise ConfigError(
                f"{arg}: no column {col!r} (columns: {', '.join(existing)})"
            )

