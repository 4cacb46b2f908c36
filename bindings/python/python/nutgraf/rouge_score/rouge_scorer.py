"""rouge-score 0.1.2's ``rouge_scorer`` module on nutgraf's engine.

``from rouge_score import rouge_scorer`` becomes ``from nutgraf.rouge_score import
rouge_scorer``; every precision, recall and F is rouge-score's to the last bit::

    scorer = rouge_scorer.RougeScorer(["rouge1", "rougeL"], use_stemmer=True)
    scores = scorer.score("The quick brown fox.", "The fast brown fox.")
    scores["rouge1"].fmeasure

:class:`RougeScorer` (implemented in Rust) takes rouge-score's arguments:

* ``rouge_types``: ``"rouge1"`` .. ``"rouge9"``, ``"rougeL"``, ``"rougeLsum"``;
* ``use_stemmer``: NLTK's Porter stemmer on tokens longer than 3 characters;
* ``split_summaries``: rougeLsum splits texts into sentences with nutgraf's sentence splitter
  (rouge-score calls NLTK's punkt, which needs its data downloaded); without it, sentences
  are the lines of the text;
* ``tokenizer``: ``None``, :class:`~nutgraf.rouge_score.tokenizers.DefaultTokenizer`,
  :class:`~nutgraf.rouge_score.tokenizers.UnicodeTokenizer` or any object with a
  ``tokenize(text)`` method.

Methods: ``score(target, prediction)``, ``score_multi(targets, prediction)`` and
``score_batch(targets, predictions, threads=None)`` (many pairs on worker threads, in input
order; a list of str as ``targets[i]`` is ``score_multi``). Differences from rouge-score: an
invalid rouge type is refused when the scorer is built (rouge-score refuses it at the first
``score``); ``bytes`` are refused (rouge-score decodes them as UTF-8); a sentence pair too large
to score (an LCS table over 2**28 cells) raises :class:`~nutgraf.errors.InputError`.
"""

from __future__ import annotations

from .._native import RougeScorer
from .scoring import BaseScorer, Score

__all__ = ["RougeScorer", "BaseScorer", "Score"]
