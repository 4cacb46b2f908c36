"""nutgraf: extractive summarization of news, and ROUGE with exactly the numbers of ROUGE-1.5.5
and Google's rouge-score, from a Rust engine.

* :class:`Summarizer`, :func:`summarize`, :func:`summarize_batch`: every method (Lead, TextRank,
  LexRank, LSA, Luhn, SumBasic, KL-Sum, Centroid, PacSum, the shipped SummaRuNNer model, the
  oracle) from one configuration; results with each sentence's text, spans, score and
  selection (:class:`Summary`).
* :class:`Oracle`, :func:`oracle`: the sentence sets that maximize ROUGE (training labels).
* :func:`read`: documents from files in every format the CLI reads.
* Drop-ins: :mod:`nutgraf.rouge_score` (Google's rouge-score), :mod:`nutgraf.evaluate`
  (Hugging Face evaluate's ``rouge``), :mod:`nutgraf.rouge155` (ROUGE-1.5.5 and pyrouge).

Every object is picklable; every call that does real work releases the GIL; errors are
:mod:`nutgraf.errors` exceptions (``ValueError``/``TypeError`` subclasses) naming the argument.
"""

import os as _os

from . import _native, errors
from ._native import Document, OracleResult, SentenceResult, Summary
from ._summarize import (
    METHODS,
    Oracle,
    Summarizer,
    oracle,
    oracle_batch,
    read,
    summarize,
    summarize_batch,
)

__version__: str = _native.__version__

__all__ = [
    "Document",
    "Summary",
    "SentenceResult",
    "Summarizer",
    "summarize",
    "summarize_batch",
    "Oracle",
    "OracleResult",
    "oracle",
    "oracle_batch",
    "read",
    "METHODS",
    "errors",
]

if hasattr(_os, "register_at_fork"):
    # Worker threads do not survive fork(): the child builds its own (see src/pools.rs).
    _os.register_at_fork(after_in_child=_native.after_fork_in_child)
