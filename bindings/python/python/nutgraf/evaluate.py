"""Hugging Face ``evaluate``'s ``rouge`` metric on nutgraf's engine.

``rouge = evaluate.load("rouge")`` becomes ``from nutgraf.evaluate import rouge`` (or
``nutgraf.evaluate.load("rouge")``); :meth:`Rouge.compute` takes the same arguments and gives
results of the same shapes::

    rouge.compute(predictions=["the cat sat"], references=["the cat sat down"])
    # {'rouge1': 0.857..., 'rouge2': 0.8, 'rougeL': 0.857..., 'rougeLsum': 0.857...}

* ``references[i]`` is a str, or a list of str (several references: per rouge type the one
  with the best F, rouge-score's ``score_multi``);
* ``use_aggregator=True`` (the default) gives the ``mid`` F of rouge-score's
  ``BootstrapAggregator``, seeded here (``seed=0``; Hugging Face's is unseeded, so its numbers
  move from run to run by the bootstrap's noise, evaluate#186); ``use_aggregator=False``
  gives a list of per-prediction F;
* ``tokenizer`` is a callable ``text -> list of tokens`` as in Hugging Face's;
* added: ``precision_recall=True`` also returns ``{type}_precision`` and ``{type}_recall``
  (evaluate#148), and ``threads`` (``None``: all cores).

Scoring runs on worker threads in Rust; the numbers do not depend on the thread count.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Union

from .errors import ConfigError, InputError, InputTypeError
from .rouge_score import rouge_scorer, scoring

__all__ = ["Rouge", "rouge", "load"]

_DEFAULT_TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


class _CallableTokenizer:
    """Hugging Face's wrapper: a callable as an object with ``tokenize``."""

    def __init__(self, func: Callable[[str], List[str]]) -> None:
        self.func = func

    def tokenize(self, text: str) -> List[str]:
        return self.func(text)


class Rouge:
    """The ``rouge`` metric: :meth:`compute` as Hugging Face ``evaluate``'s."""

    name = "rouge"

    def compute(
        self,
        *,
        predictions: Sequence[str],
        references: Sequence[Union[str, Sequence[str]]],
        rouge_types: Optional[Sequence[str]] = None,
        use_aggregator: bool = True,
        use_stemmer: bool = False,
        tokenizer: Optional[Callable[[str], List[str]]] = None,
        precision_recall: bool = False,
        seed: int = 0,
        threads: Optional[int] = None,
    ) -> Dict[str, Any]:
        """ROUGE of ``predictions`` against ``references``: ``{type: F}`` aggregated, or
        ``{type: [F, ...]}`` with ``use_aggregator=False``; see the module docs."""
        if rouge_types is None:
            rouge_types = _DEFAULT_TYPES
        wrapped = None
        if tokenizer is not None:
            if not callable(tokenizer):
                raise InputTypeError(
                    f"tokenizer: expected a callable text -> tokens, got {type(tokenizer).__name__}"
                )
            wrapped = _CallableTokenizer(tokenizer)
        for name, value in (("predictions", predictions), ("references", references)):
            if value is None or isinstance(value, (str, bytes, dict)):
                raise InputTypeError(
                    f"{name}: expected a list, got {type(value).__name__}"
                )
        predictions = list(predictions)
        references = list(references)
        if len(predictions) != len(references):
            raise InputError(
                "Mismatch in the number of predictions "
                f"({len(predictions)}) and references ({len(references)})"
            )
        scorer = rouge_scorer.RougeScorer(
            rouge_types=list(rouge_types), use_stemmer=use_stemmer, tokenizer=wrapped
        )
        if not isinstance(use_aggregator, bool):
            raise InputTypeError(
                f"use_aggregator: expected a bool, got {type(use_aggregator).__name__}"
            )
        # A list of references per prediction is rouge-score's score_multi.
        refs = [list(r) if isinstance(r, (list, tuple)) else r for r in references]
        scores = scorer.score_batch(refs, predictions, threads=threads)
        keys = scorer.rouge_types
        if use_aggregator:
            if not scores:
                raise InputError("predictions: nothing to aggregate (an empty list)")
            aggregator = scoring.BootstrapAggregator(seed=seed)
            for s in scores:
                aggregator.add_scores(s)
            aggregated = aggregator.aggregate()
            result: Dict[str, Any] = {k: aggregated[k].mid.fmeasure for k in keys}
            if precision_recall:
                for k in keys:
                    result[f"{k}_precision"] = aggregated[k].mid.precision
                    result[f"{k}_recall"] = aggregated[k].mid.recall
            return result
        result = {k: [s[k].fmeasure for s in scores] for k in keys}
        if precision_recall:
            for k in keys:
                result[f"{k}_precision"] = [s[k].precision for s in scores]
                result[f"{k}_recall"] = [s[k].recall for s in scores]
        return result

    def __reduce__(self):
        return (load, ("rouge",))

    def __repr__(self) -> str:
        return "nutgraf.evaluate.rouge"


rouge = Rouge()
"""The metric, ready to use: ``rouge.compute(predictions=..., references=...)``."""


def load(path: str, *args: Any, **kwargs: Any) -> Rouge:
    """``evaluate.load("rouge")``: the :data:`rouge` metric (the only one this module has)."""
    if path != "rouge":
        raise ConfigError(f'path: nutgraf.evaluate has only the "rouge" metric, not {path!r}')
    return rouge
