"""rouge-score's ``scoring`` module: :class:`Score`, :class:`AggregateScore` and a seeded
:class:`BootstrapAggregator`.

:class:`BootstrapAggregator` follows rouge-score's algorithm step for step: ``n_samples``
resamples of the documents with replacement, the mean of each resample, and the
``(1 - confidence_interval) / 2``, 50th and ``1 - (1 - confidence_interval) / 2`` percentiles
of those means (numpy's ``linear`` method) as ``low``, ``mid`` and ``high``. rouge-score draws
the resamples from numpy's global random state, so its intervals change from run to run unless
the caller seeds numpy. Here the draws come from a generator of their own seeded by ``seed``
(default 0): the intervals are the same on every run and in every process, and they are
exactly the ones rouge-score gives after ``numpy.random.seed(seed)`` (with nothing else
drawing from numpy's global state in between; numpy >= 1.22's percentile). numpy is not
needed.
"""

from __future__ import annotations

import collections
from typing import Any, Dict, List, Mapping

from .. import _native
from ..errors import ConfigError, InputError, InputTypeError

__all__ = ["Score", "AggregateScore", "BaseScorer", "BootstrapAggregator", "fmeasure"]


class Score(collections.namedtuple("Score", ["precision", "recall", "fmeasure"])):
    """Precision, recall and F-measure of one rouge type (a namedtuple, as rouge-score's)."""

    __slots__ = ()


class AggregateScore(collections.namedtuple("AggregateScore", ["low", "mid", "high"])):
    """The confidence interval of a score: ``low``, ``mid`` and ``high`` :class:`Score`."""

    __slots__ = ()


class BaseScorer:
    """rouge-score's abstract scorer: ``score(target, prediction)`` returns a dict of scores."""

    def score(self, target: str, prediction: str) -> Dict[str, Score]:
        raise NotImplementedError


def fmeasure(precision: float, recall: float) -> float:
    """``2 * p * r / (p + r)``, 0 when ``p + r`` is 0 (rouge-score's ``scoring.fmeasure``)."""
    if precision + recall > 0:
        return 2 * precision * recall / (precision + recall)
    return 0.0


def _seed(seed: Any) -> int:
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InputTypeError(f"seed: expected an int, got {type(seed).__name__}")
    if not 0 <= seed <= 2**32 - 1:
        raise ConfigError(f"seed: expected an int in [0, 2**32 - 1], got {seed}")
    return seed


class BootstrapAggregator:
    """Aggregates scores by bootstrap resampling into confidence intervals.

    ``BootstrapAggregator(confidence_interval=0.95, n_samples=1000, seed=0)``; add the score
    dicts of each document with :meth:`add_scores`, then :meth:`aggregate` gives
    ``{type: AggregateScore(low, mid, high)}``. Deterministic: the same scores and seed give the
    same intervals, on every call of :meth:`aggregate` (rouge-score's continue its global
    random stream instead). See the module docs for how it relates to rouge-score's.
    """

    def __init__(
        self, confidence_interval: float = 0.95, n_samples: int = 1000, seed: int = 0
    ) -> None:
        if isinstance(n_samples, bool) or not isinstance(n_samples, int):
            raise InputTypeError(f"n_samples: expected an int, got {type(n_samples).__name__}")
        if n_samples <= 0:
            raise ConfigError("n_samples must be positive: %d" % n_samples)
        if isinstance(confidence_interval, bool) or not isinstance(
            confidence_interval, (int, float)
        ):
            raise InputTypeError(
                "confidence_interval: expected a float, got "
                f"{type(confidence_interval).__name__}"
            )
        if not 0 <= confidence_interval <= 1:
            raise ConfigError(
                "confidence_interval must be in range [0, 1]: %f" % confidence_interval
            )
        self._n_samples = n_samples
        self._confidence_interval = float(confidence_interval)
        self._seed = _seed(seed)
        self._scores: Dict[str, list] = collections.defaultdict(list)

    def add_scores(self, scores: Mapping[str, Any]) -> None:
        """Adds the scores of one document: ``{type: Score}`` (any tuple of numbers, or a
        number, per type)."""
        if not isinstance(scores, Mapping):
            raise InputTypeError(
                f"scores: expected a dict of scores, got {type(scores).__name__}"
            )
        for score_type, score in scores.items():
            self._scores[score_type].append(score)

    def aggregate(self) -> Dict[str, AggregateScore]:
        """The interval of every score type added, in the order the types were first added."""
        types = list(self._scores)
        matrices = []
        widths = []
        classes: List[Any] = []
        for t in types:
            scores = self._scores[t]
            first = scores[0]
            width = len(first) if isinstance(first, tuple) else 1
            flat: list = []
            for i, s in enumerate(scores):
                row = tuple(s) if isinstance(s, tuple) else (s,)
                if len(row) != width:
                    raise InputError(
                        f"scores[{t!r}][{i}]: {len(row)} values where the first score has {width}"
                    )
                try:
                    flat.extend(float(v) for v in row)
                except (TypeError, ValueError):
                    raise InputTypeError(
                        f"scores[{t!r}][{i}]: expected numbers, got {row!r}"
                    ) from None
            matrices.append(flat)
            widths.append(width)
            classes.append(first.__class__ if isinstance(first, tuple) else float)
        if not types:
            return {}
        bounds = _native.bootstrap_aggregate(
            matrices, widths, self._confidence_interval, self._n_samples, self._seed
        )
        result = {}
        for t, cls, (low, mid, high) in zip(types, classes, bounds):
            if cls is float:
                result[t] = AggregateScore(low=low[0], mid=mid[0], high=high[0])
            else:
                result[t] = AggregateScore(low=cls(*low), mid=cls(*mid), high=cls(*high))
        return result

    def __getstate__(self) -> dict:
        return {
            "n_samples": self._n_samples,
            "confidence_interval": self._confidence_interval,
            "seed": self._seed,
            "scores": dict(self._scores),
        }

    def __setstate__(self, state: dict) -> None:
        self._n_samples = state["n_samples"]
        self._confidence_interval = state["confidence_interval"]
        self._seed = state["seed"]
        self._scores = collections.defaultdict(list, state["scores"])

    def __repr__(self) -> str:
        return (
            f"BootstrapAggregator(confidence_interval={self._confidence_interval}, "
            f"n_samples={self._n_samples}, seed={self._seed})"
        )
