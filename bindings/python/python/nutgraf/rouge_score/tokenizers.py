"""rouge-score's ``tokenizers`` module: :class:`Tokenizer` (the interface a custom tokenizer
implements) and :class:`DefaultTokenizer`, plus nutgraf's :class:`UnicodeTokenizer`.

A :class:`~nutgraf.rouge_score.rouge_scorer.RougeScorer` given :class:`DefaultTokenizer` or
:class:`UnicodeTokenizer` tokenizes in Rust; any other object with a ``tokenize(text)`` method
is called from the scorer exactly as rouge-score calls it.
"""

from __future__ import annotations

from typing import List

from .. import _native

__all__ = ["Tokenizer", "DefaultTokenizer", "UnicodeTokenizer"]


class Tokenizer:
    """Abstract base class of tokenizers: ``tokenize(text)`` returns a list of tokens."""

    def tokenize(self, text: str) -> List[str]:
        raise NotImplementedError("Tokenizer must override tokenize() method")


class DefaultTokenizer(Tokenizer):
    """rouge-score's tokenizer: Python's ``lower()``, runs of ``[a-z0-9]``, and with
    ``use_stemmer`` NLTK's Porter stemmer on tokens longer than 3 characters."""

    def __init__(self, use_stemmer: bool = False) -> None:
        self.use_stemmer = bool(use_stemmer)

    @property
    def _nutgraf_tokenizer(self):
        return ("rouge-score", self.use_stemmer)

    def tokenize(self, text: str) -> List[str]:
        return _native.tokenize(text, "rouge-score", self.use_stemmer)

    def __repr__(self) -> str:
        return f"DefaultTokenizer(use_stemmer={self.use_stemmer})"


class UnicodeTokenizer(Tokenizer):
    """nutgraf's tokenizer that keeps every script: runs of Unicode letters, digits and marks
    after lower-casing, each CJK ideograph, Hiragana or Katakana character a token of its own.

    Not rouge-score's metric (rouge-score's tokenizer drops every non-ASCII letter, so Chinese
    or Russian text scores 0): numbers made with it must not be reported as rouge-score's.
    Only ASCII tokens are stemmed with ``use_stemmer``.
    """

    def __init__(self, use_stemmer: bool = False) -> None:
        self.use_stemmer = bool(use_stemmer)

    @property
    def _nutgraf_tokenizer(self):
        return ("unicode", self.use_stemmer)

    def tokenize(self, text: str) -> List[str]:
        return _native.tokenize(text, "unicode", self.use_stemmer)

    def __repr__(self) -> str:
        return f"UnicodeTokenizer(use_stemmer={self.use_stemmer})"
