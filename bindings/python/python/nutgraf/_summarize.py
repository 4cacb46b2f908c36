"""The summarizers and the oracle: keyword arguments to nutgraf's configuration, results."""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterator, List, Optional, Sequence, Union

from . import _native
from ._native import Document, OracleResult, SentenceResult, Summary
from .errors import ConfigError, InputTypeError

__all__ = [
    "Summarizer",
    "summarize",
    "summarize_batch",
    "Oracle",
    "oracle",
    "oracle_batch",
    "read",
    "METHODS",
]

METHODS: List[str] = _native.method_names()
"""Every method name: lead, textrank, lexrank, lsa, luhn, sumbasic, klsum, centroid, pacsum,
summarunner, oracle."""

DocumentLike = Union[str, Sequence[str], Document]


def _strategy(value: Any) -> Any:
    return {"kind": value} if isinstance(value, str) else value


def _config(
    method: str = "lead",
    sentences: Optional[int] = None,
    *,
    words: Optional[int] = None,
    bytes: Optional[int] = None,
    ratio: Optional[float] = None,
    budget: Optional[Dict[str, Any]] = None,
    trigram_blocking: bool = False,
    mmr: Optional[float] = None,
    redundancy: Optional[Dict[str, Any]] = None,
    stem: Optional[bool] = None,
    stopwords: Optional[bool] = None,
    language: Optional[str] = None,
    analysis: Optional[Dict[str, Any]] = None,
    explain: bool = False,
    **params: Any,
) -> Dict[str, Any]:
    if not isinstance(method, str):
        raise InputTypeError(f"method: expected a str, got {type(method).__name__}")
    config: Dict[str, Any] = {"method": method}
    budgets = {
        "sentences": sentences,
        "words": words,
        "bytes": bytes,
        "ratio": ratio,
        "budget": budget,
    }
    given = [k for k, v in budgets.items() if v is not None]
    if len(given) > 1:
        raise ConfigError(f"give one budget, not {' and '.join(given)}")
    for name in ("sentences", "words", "bytes"):
        value = budgets[name]
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int):
                raise InputTypeError(f"{name}: expected an int, got {type(value).__name__}")
            if value < 0:
                raise ConfigError(f"{name}: expected an int >= 0, got {value}")
            config["budget"] = {"kind": name, "count": value}
    if ratio is not None:
        config["budget"] = {"kind": "ratio", "ratio": ratio}
    if budget is not None:
        config["budget"] = budget
    if sum(x is not None and x is not False for x in (trigram_blocking or None, mmr, redundancy)) > 1:
        raise ConfigError("give one redundancy control: trigram_blocking, mmr or redundancy")
    if trigram_blocking:
        config["redundancy"] = {"kind": "trigram_blocking"}
    if mmr is not None:
        config["redundancy"] = {"kind": "mmr", "lambda": mmr}
    if redundancy is not None:
        config["redundancy"] = redundancy
    shortcuts = {"stem": stem, "stopwords": stopwords, "language": language}
    shortcuts = {k: v for k, v in shortcuts.items() if v is not None}
    if analysis is not None and shortcuts:
        raise ConfigError(f"give analysis or {'/'.join(shortcuts)}, not both")
    if analysis is not None:
        config["analysis"] = analysis
    elif shortcuts:
        config["analysis"] = shortcuts
    if explain:
        config["explain"] = explain
    if "strategy" in params:
        params["strategy"] = _strategy(params["strategy"])
    config.update(params)
    return config


class Summarizer:
    """A configured, reusable summarizer: thread-safe, picklable, cheap to call.

    ``Summarizer(method="lead", sentences=3, **options)``. The method is one of
    :data:`METHODS`, or ``"best"``: the strongest shipped model on validation (today
    ``summarunner``; :attr:`method` then says which). Budget (one of): ``sentences=K``,
    ``words=N``, ``bytes=N``, ``ratio=R``, or ``budget={"kind": ..., ...}``. Redundancy
    control: ``trigram_blocking=True`` or ``mmr=LAMBDA`` (or ``redundancy={...}``). Term
    analysis: ``stem``, ``stopwords`` (both on by default) and ``language`` (``"auto"``, the default, detects it per document; or a
    code such as ``"de"``: texts are split and analysed as that language). ``explain=True``
    adds each sentence's score explanation. Other keyword
    arguments are the method's parameters (``damping``, ``tolerance``, ``max_iterations``,
    ``threshold``, ...; ``model`` for summarunner: ``"embedded"``, the model shipped inside
    the package, or a directory; ``strategy``, ``objective``, ``max_sentences``, ``stem`` for
    the oracle), as in nutgraf's JSON configuration, whose errors name the field.

    :attr:`config` is that configuration as a dict with every default filled in; it
    round-trips: ``Summarizer.from_config(s.config)`` is the same summarizer, and the dict is
    the JSON ``nutgraf summarize --config`` reads and ``--output json`` prints.
    """

    def __init__(self, method: str = "lead", sentences: Optional[int] = None, **options: Any):
        config = _config(method, sentences, **options)
        self._native = _native.Summarizer(_native.to_json(config, "config"))

    @classmethod
    def from_config(cls, config: Union[Dict[str, Any], str]) -> "Summarizer":
        """The summarizer of a configuration: a dict, or its JSON text."""
        self = cls.__new__(cls)
        if isinstance(config, str):
            text = config
        elif isinstance(config, dict):
            text = _native.to_json(config, "config")
        else:
            raise InputTypeError(
                f"config: expected a dict or a JSON str, got {type(config).__name__}"
            )
        self._native = _native.Summarizer(text)
        return self

    @property
    def config(self) -> Dict[str, Any]:
        """The configuration, every default filled in (see the class docs)."""
        return json.loads(self._native.config_json())

    @property
    def method(self) -> str:
        """The method's name."""
        return self.config["method"]

    def summarize(
        self,
        document: DocumentLike,
        reference: Union[str, Sequence[str], None] = None,
        *,
        format: Optional[str] = None,
    ) -> Summary:
        """Summarizes one document: a :class:`Document`, a text (its format detected as
        ``nutgraf summarize`` detects it: one sentence per line, raw text, a ``.story``; or
        forced with ``format="text"``, ``"lines"``, ``"story"``) or a list of sentences.
        ``reference`` (a str with one sentence per line, or a list of sentences) is for the
        oracle method."""
        return self._native.summarize(document, reference, format)

    def summarize_batch(
        self,
        documents: Sequence[DocumentLike],
        references: Optional[Sequence[Union[str, Sequence[str], None]]] = None,
        *,
        threads: Optional[int] = None,
        format: Optional[str] = None,
    ) -> List[Summary]:
        """Summarizes every document on ``threads`` worker threads (``None``: all cores);
        results in input order, the same at any thread count."""
        return self._native.summarize_batch(documents, references, threads, format)

    __call__ = summarize

    def __reduce__(self):
        return (Summarizer.from_config, (self._native.config_json(),))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Summarizer) and other.config == self.config

    def __repr__(self) -> str:
        return f"Summarizer.from_config({self._native.config_json()})"


def summarize(
    document: DocumentLike,
    method: str = "lead",
    sentences: Optional[int] = None,
    *,
    reference: Union[str, Sequence[str], None] = None,
    format: Optional[str] = None,
    **options: Any,
) -> Summary:
    """Summarizes one document with ``Summarizer(method, sentences, **options)``."""
    return Summarizer(method, sentences, **options).summarize(document, reference, format=format)


def summarize_batch(
    documents: Sequence[DocumentLike],
    method: str = "lead",
    sentences: Optional[int] = None,
    *,
    references: Optional[Sequence[Union[str, Sequence[str], None]]] = None,
    threads: Optional[int] = None,
    format: Optional[str] = None,
    **options: Any,
) -> List[Summary]:
    """Summarizes every document with ``Summarizer(method, sentences, **options)`` on
    ``threads`` worker threads (``None``: all cores), in input order."""
    return Summarizer(method, sentences, **options).summarize_batch(
        documents, references, threads=threads, format=format
    )


class Oracle:
    """The extractive oracle: the sentence set that maximizes ROUGE (ROUGE-1.5.5's
    tokenization) against a reference summary.

    ``Oracle(strategy="greedy", objective="r1+r2", max_sentences=3, stem=True)``: ``strategy``
    ``"greedy"``, ``"beam"`` (or ``{"kind": "beam", "size": B}``) or ``"exhaustive"`` (or
    ``{"kind": "exhaustive", "max_subsets": N}``); ``objective`` ``"r1"``, ``"r2"``, ``"rl"``,
    ``"r1+r2"`` or ``"mean"``; at most ``max_sentences`` sentences; ``stem`` as ROUGE-1.5.5's
    ``-m``.
    """

    def __init__(self, **options: Any) -> None:
        if "strategy" in options:
            options["strategy"] = _strategy(options["strategy"])
        self._native = _native.Oracle(_native.to_json(options, "options"))

    @property
    def config(self) -> Dict[str, Any]:
        """The options, every default filled in."""
        return json.loads(self._native.config_json())

    def label(
        self, document: DocumentLike, reference: Union[str, Sequence[str], None] = None
    ) -> OracleResult:
        """The oracle set of one document against ``reference`` (a str with one sentence per
        line, or a list of sentences; default: the document's own reference)."""
        return self._native.label(document, reference)

    def label_batch(
        self,
        documents: Sequence[DocumentLike],
        references: Optional[Sequence[Union[str, Sequence[str], None]]] = None,
        *,
        threads: Optional[int] = None,
    ) -> List[OracleResult]:
        """The oracle sets of many documents on worker threads, in input order."""
        return self._native.label_batch(documents, references, threads)

    def __reduce__(self):
        return (_oracle_from_config, (self._native.config_json(),))

    def __repr__(self) -> str:
        return f"Oracle(**{self.config!r})"


def _oracle_from_config(config_json: str) -> Oracle:
    return Oracle(**json.loads(config_json))


def oracle(
    document: DocumentLike, reference: Union[str, Sequence[str], None] = None, **options: Any
) -> OracleResult:
    """The oracle set of one document: ``Oracle(**options).label(document, reference)``."""
    return Oracle(**options).label(document, reference)


def oracle_batch(
    documents: Sequence[DocumentLike],
    references: Optional[Sequence[Union[str, Sequence[str], None]]] = None,
    *,
    threads: Optional[int] = None,
    **options: Any,
) -> List[OracleResult]:
    """The oracle sets of many documents on worker threads, in input order."""
    return Oracle(**options).label_batch(documents, references, threads=threads)


def read(
    path: Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]],  # noqa: F821
    *,
    format: Optional[str] = None,
    text_field: str = "article",
    reference_field: str = "highlights",
    lossy: bool = False,
    skip_errors: bool = False,
    language: str = "auto",
    keep_bylines: bool = False,
) -> Iterator[Document]:
    """The documents of a file, a directory (every file under it, in path order) or several
    of them, read lazily: every format ``nutgraf summarize`` reads (one sentence per line, raw
    text, CNN/DailyMail ``.story``, JSONL, SummaRuNNer's records; ``.gz`` and ``.zst``
    decompressed), detected per file or forced with ``format``; each text split as
    ``language`` says (``"auto"``: detected per document, as ``Document.language`` then
    tells); a DailyMail byline block at the start of a text is dropped unless ``keep_bylines``.
    A malformed record raises
    :class:`~nutgraf.errors.InputError` naming its file and line, or is skipped with
    ``skip_errors=True``; a file that cannot be read raises :class:`~nutgraf.errors.ReadError`.
    The iterator is picklable (it reopens the files and skips what it had read).
    """
    paths = [path] if isinstance(path, (str, os.PathLike)) else list(path)
    for i, p in enumerate(paths):
        if not isinstance(p, (str, os.PathLike)):
            raise InputTypeError(
                f"path[{i}]: expected a str or os.PathLike, got {type(p).__name__}"
            )
    options = {
        "text_field": text_field,
        "reference_field": reference_field,
        "lossy": bool(lossy),
        "language": language,
        "keep_bylines": bool(keep_bylines),
    }
    if format is not None:
        formats = ("lines", "text", "story", "jsonl", "summarunner")
        if format not in formats:
            raise ConfigError(f"format: expected one of {', '.join(formats)}, got {format!r}")
        options["format"] = format
    return _native.DocumentReader(
        [os.fspath(p) for p in paths], _native.to_json(options, "options"), bool(skip_errors)
    )
