"""Type stubs of nutgraf's Rust extension module (``nutgraf._native``).

The public names are re-exported by the package: ``nutgraf.Document``, ``nutgraf.Summary``,
``nutgraf.SentenceResult``, ``nutgraf.OracleResult`` and
``nutgraf.rouge_score.rouge_scorer.RougeScorer``; the rest is used by the Python modules.
"""

from os import PathLike
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union, final

from .rouge_score.scoring import Score

__version__: str
ALL_CORES: int

_Summary = Union[str, Sequence[str]]
_DocumentLike = Union[str, Sequence[str], "Document"]

class RougeScorer:
    """rouge-score 0.1.2's ``RougeScorer``: equal results to the last bit."""

    def __new__(
        cls,
        rouge_types: Sequence[str],
        use_stemmer: bool = False,
        split_summaries: bool = False,
        tokenizer: Optional[Any] = None,
    ) -> "RougeScorer": ...
    @property
    def rouge_types(self) -> List[str]: ...
    @property
    def use_stemmer(self) -> bool: ...
    @property
    def split_summaries(self) -> bool: ...
    @property
    def tokenizer(self) -> Optional[Any]: ...
    def score(self, target: str, prediction: str) -> Dict[str, Score]:
        """rouge-score's ``score(target, prediction)``: ``{type: Score}``."""
    def score_multi(self, targets: Sequence[str], prediction: str) -> Dict[str, Score]:
        """Per rouge type, the scores of the target with the highest F (the first on ties)."""
    def score_batch(
        self,
        targets: Sequence[Union[str, Sequence[str]]],
        predictions: Sequence[str],
        threads: Optional[int] = None,
    ) -> List[Dict[str, Score]]:
        """``score`` (or ``score_multi`` for a list of targets) of every pair, on worker
        threads, in input order."""

def tokenize(text: str, tokenizer: str = "rouge-score", stem: bool = False) -> List[str]: ...
def bootstrap_aggregate(
    matrices: List[List[float]],
    widths: List[int],
    confidence_interval: float,
    n_samples: int,
    seed: int,
) -> List[Tuple[List[float], List[float], List[float]]]: ...
def unescape_ptb(text: str) -> str: ...
def to_json(obj: Any, what: str = "config") -> str: ...
def method_names() -> List[str]: ...
def after_fork_in_child() -> None: ...
def _document_from_state(
    text: str,
    spans: List[Tuple[int, int, int]],
    id: Optional[str],
    reference: Optional[List[str]],
    labels: Optional[List[int]],
) -> "Document": ...
def _sentence_from_state(
    index: int,
    text: str,
    span: Tuple[int, int],
    char_span: Tuple[int, int],
    score: float,
    selected: bool,
    explanation: Optional[str],
) -> "SentenceResult": ...
def _oracle_from_state(json: str, summary: List[str]) -> "OracleResult": ...

@final
class Rouge155:
    """ROUGE-1.5.5 with frozen options (the engine behind ``nutgraf.rouge155.Rouge155``)."""

    def __new__(cls, options: Optional[List[str]] = None, overrides: Optional[str] = None) -> "Rouge155": ...
    def config_json(self) -> str: ...
    def rouge_args(self) -> List[str]: ...
    def metric_names(self) -> List[str]: ...
    def score(
        self,
        candidates: Sequence[_Summary],
        references: Sequence[Any],
        eval_ids: Union[str, Sequence[str], None] = None,
        peer_id: str = "1",
        strip: bool = True,
        threads: Optional[int] = None,
    ) -> Tuple[List[str], List[Tuple[float, ...]], List[List[Tuple[float, float, float]]], List[str]]: ...

@final
class Document:
    """A document: its text and sentences (with byte and character spans), and optionally its
    id, reference summary and extractive labels."""

    def __new__(
        cls,
        text: Optional[str] = None,
        *,
        sentences: Optional[Sequence[str]] = None,
        id: Optional[str] = None,
        reference: Optional[_Summary] = None,
        format: Optional[str] = None,
        language: Optional[str] = None,
        keep_bylines: bool = False,
    ) -> "Document": ...
    @property
    def text(self) -> str: ...
    @property
    def sentences(self) -> List[str]: ...
    @property
    def spans(self) -> List[Tuple[int, int]]: ...
    @property
    def char_spans(self) -> List[Tuple[int, int]]: ...
    @property
    def paragraphs(self) -> List[int]: ...
    @property
    def id(self) -> Optional[str]: ...
    @property
    def reference(self) -> Optional[List[str]]: ...
    @property
    def language(self) -> Optional[str]: ...
    @property
    def labels(self) -> Optional[List[int]]: ...
    def __len__(self) -> int: ...
    def __getitem__(self, index: int, /) -> str: ...

@final
class SentenceResult:
    """One sentence of a summarized document."""

    @property
    def index(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def span(self) -> Tuple[int, int]: ...
    @property
    def char_span(self) -> Tuple[int, int]: ...
    @property
    def score(self) -> float: ...
    @property
    def selected(self) -> bool: ...
    @property
    def explanation(self) -> Optional[Dict[str, Any]]: ...

@final
class Summary:
    """The summary of one document."""

    @property
    def id(self) -> Optional[str]: ...
    @property
    def language(self) -> Optional[str]: ...
    @property
    def method(self) -> str: ...
    @property
    def summary(self) -> List[str]: ...
    @property
    def text(self) -> str: ...
    @property
    def selected(self) -> List[int]: ...
    @property
    def scores(self) -> List[float]: ...
    @property
    def sentences(self) -> List[SentenceResult]: ...
    @property
    def config(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    @staticmethod
    def from_json(json: str) -> "Summary": ...
    def __len__(self) -> int: ...

@final
class Summarizer:
    def __new__(cls, config_json: str) -> "Summarizer": ...
    def config_json(self) -> str: ...
    def summarize(
        self, document: _DocumentLike, reference: Optional[_Summary] = None, format: Optional[str] = None
    ) -> Summary: ...
    def summarize_batch(
        self,
        documents: Sequence[_DocumentLike],
        references: Optional[Sequence[Optional[_Summary]]] = None,
        threads: Optional[int] = None,
        format: Optional[str] = None,
    ) -> List[Summary]: ...

@final
@final
class OracleResult:
    """The oracle labels of one document."""

    @property
    def id(self) -> Optional[str]: ...
    @property
    def indices(self) -> List[int]: ...
    @property
    def objective(self) -> float: ...
    @property
    def summary(self) -> List[str]: ...
    @property
    def rouge(self) -> Dict[str, Dict[str, float]]: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Oracle:
    def __new__(cls, config_json: str) -> "Oracle": ...
    def config_json(self) -> str: ...
    def label(self, document: _DocumentLike, reference: Optional[_Summary] = None) -> OracleResult: ...
    def label_batch(
        self,
        documents: Sequence[_DocumentLike],
        references: Optional[Sequence[Optional[_Summary]]] = None,
        threads: Optional[int] = None,
    ) -> List[OracleResult]: ...

@final
@final
class DocumentReader(Iterator[Document]):
    def __new__(
        cls,
        paths: Sequence[Union[str, "PathLike[str]"]],
        options_json: str,
        skip_errors: bool = False,
        skip: int = 0,
    ) -> "DocumentReader": ...
    def __iter__(self) -> "DocumentReader": ...
    def __next__(self) -> Document: ...

# The record engines of nutgraf.spark and nutgraf.ray: columns of records in, one result or
# error message per record out (see nutgraf/_batches.py).

_Column = Sequence[Any]

@final
class RecordSummarizer:
    def __new__(cls, config_json: str) -> "RecordSummarizer": ...
    def config_json(self) -> str: ...
    def run(
        self,
        texts: _Column,
        references: Optional[_Column] = None,
        threads: Optional[int] = None,
        text_field: str = "article",
        reference_field: str = "highlights",
    ) -> Tuple[List[Optional[List[int]]], List[Optional[List[str]]], List[Optional[str]]]: ...

@final
class RecordOracle:
    def __new__(cls, config_json: str) -> "RecordOracle": ...
    def config_json(self) -> str: ...
    def run(
        self,
        texts: _Column,
        references: _Column,
        threads: Optional[int] = None,
        text_field: str = "article",
        reference_field: str = "highlights",
        language: Optional[str] = None,
    ) -> Tuple[
        List[Optional[List[int]]],
        List[Optional[List[str]]],
        List[Optional[float]],
        List[Optional[Tuple[float, ...]]],
        List[Optional[str]],
    ]: ...

@final
class RecordEvaluator:
    def __new__(cls, config_json: str) -> "RecordEvaluator": ...
    def config_json(self) -> str: ...
    def metric_names(self) -> List[str]: ...
    def run(
        self,
        candidates: _Column,
        references: _Column,
        threads: Optional[int] = None,
        candidate_field: str = "candidate",
        reference_field: str = "reference",
        separator: str = " <q> ",
    ) -> Tuple[bytes, List[Optional[str]]]: ...
    def corpus_json(self, values: bytes) -> str: ...
