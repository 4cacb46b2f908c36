"""Google's ``rouge-score`` 0.1.2, the same numbers from nutgraf's Rust engine.

Switch by changing the import: ``from rouge_score import rouge_scorer, scoring`` becomes
``from nutgraf.rouge_score import rouge_scorer, scoring``.
"""

from . import rouge_scorer, scoring, tokenizers

__all__ = ["rouge_scorer", "scoring", "tokenizers"]
