"""ROUGE-1.5.5 from Python, with no Perl and no files: the official script's numbers exactly
(every per-document value, Average and confidence interval it prints), from nutgraf's engine.

::

    from nutgraf.rouge155 import Rouge155

    rouge = Rouge155("-c 95 -2 -1 -U -r 1000 -n 2 -w 1.2 -a -m")
    scores = rouge.score(candidates, references)
    scores["rouge_1_f_score"], scores["rouge_l_recall_cb"]

:meth:`Rouge155.score` gives the dict pyrouge's ``output_to_dict`` gives for the same
options: ``rouge_1_recall``, ``rouge_1_recall_cb``, ``rouge_1_recall_ce``,
``rouge_1_precision``, ..., ``rouge_1_f_score_ce``, for every metric the options ask for
(``rouge_2_*``, ``rouge_l_*``, ``rouge_w_1.2_*``, ``rouge_s*_*``, ``rouge_su*_*``).

Options are ROUGE-1.5.5's flags (a string or a list of arguments) and/or keyword arguments
named as the fields of nutgraf's ROUGE-1.5.5 configuration, which replace the flags' values
(``Rouge155(max_n=2, stem=True)``, ``Rouge155("-n 2", stem=True)``); with neither, pyrouge's
defaults (``-c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a``). ``pyrouge`` is the drop-in for scripts
written against pyrouge's directory-based class (:mod:`nutgraf.rouge155.pyrouge`).
"""

from __future__ import annotations

import re
import shlex
from typing import Any, Dict, List, Literal, Optional, Sequence, Tuple, Union, overload

from .. import _native
from ..errors import ConfigError, InputTypeError

__all__ = ["Rouge155", "PAPER", "PYROUGE", "output_to_dict", "unescape_ptb"]

unescape_ptb = _native.unescape_ptb
"""``unescape_ptb(text)``: PTB escapes (``-LRB-``, ``` `` ```, ``''``, ...) read as the characters
they stand for, as ``nutgraf eval`` reads summaries and references before scoring."""

PAPER = "-c 95 -2 -1 -U -r 1000 -n 2 -w 1.2 -a -m"
"""The options of the SummaRuNNer / pyrouge-era papers."""

PYROUGE = "-c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a"
"""pyrouge's default options."""

Summary = Union[str, Sequence[str]]
References = Union[str, Sequence[Summary]]

_FIELDS = {
    "max_n",
    "rouge_l",
    "rouge_w",
    "skip_bigram",
    "stem",
    "remove_stopwords",
    "length_limit",
    "formula",
    "alpha",
    "confidence",
    "resamples",
    "allow_empty_reference_w",
    "fix_lcs_byte_limit",
}


def _key(metric: str) -> str:
    """pyrouge's name of a metric: ``ROUGE-W-1.2`` -> ``rouge_w_1.2``."""
    return metric.lower().replace("-", "_")


def _five(x: float) -> float:
    """The value as ROUGE-1.5.5 prints it (5 decimals) and pyrouge reads it back."""
    return float("%.5f" % x)


class Rouge155:
    """A ROUGE-1.5.5 scorer with frozen options; reusable, thread-safe and picklable.

    ``Rouge155(options=None, **fields)``: ``options`` are ROUGE-1.5.5's flags (``"-n 2 -m"``
    or ``["-n", "2", "-m"]``; ``-a``, ``-d``, ``-e DIR`` and a trailing settings file are
    not needed); ``fields`` set nutgraf's configuration fields: ``max_n`` (int or None),
    ``rouge_l`` (bool), ``rouge_w`` (weight, e.g. 1.2, or None), ``skip_bigram``
    (``{"max_gap": None or int, "metrics": "skip" | "skip_unigram" | "both"}`` or None),
    ``stem``, ``remove_stopwords``, ``length_limit`` (``{"kind": "words" | "bytes",
    "count": N}``; also ``words=N`` / ``bytes=N``), ``formula`` (``"average"`` for ``-f A``,
    ``"best"`` for ``-f B``), ``alpha`` (``-p``), ``confidence`` (``-c``), ``resamples``
    (``-r``), and two opt-in fixes of ROUGE-1.5.5 bugs that change the numbers,
    ``allow_empty_reference_w`` and ``fix_lcs_byte_limit``.
    """

    def __init__(
        self, options: Union[str, Sequence[str], None] = None, **fields: Any
    ) -> None:
        if options is not None:
            if isinstance(options, str):
                args = shlex.split(options)
            elif isinstance(options, (list, tuple)) and all(isinstance(a, str) for a in options):
                args = list(options)
            else:
                raise InputTypeError(
                    f"options: expected a str of ROUGE-1.5.5 flags or a list of str, got "
                    f"{type(options).__name__}"
                )
            args = _drop_files(args)
        else:
            args = None
        words = fields.pop("words", None)
        nbytes = fields.pop("bytes", None)
        if words is not None and nbytes is not None:
            raise ConfigError("words and bytes cannot be used together (-l and -b)")
        if words is not None:
            fields["length_limit"] = {"kind": "words", "count": words}
        if nbytes is not None:
            fields["length_limit"] = {"kind": "bytes", "count": nbytes}
        unknown = sorted(set(fields) - _FIELDS)
        if unknown:
            raise ConfigError(
                f"unknown option {unknown[0]!r}; the options are: "
                + ", ".join(sorted(_FIELDS | {"words", "bytes"}))
            )
        overrides = _native.to_json(fields, "options") if fields else None
        self._native = _native.Rouge155(args, overrides)

    @property
    def config(self) -> Dict[str, Any]:
        """The options as nutgraf's configuration (a dict; ``Rouge155(**config)`` rebuilds)."""
        import json

        return json.loads(self._native.config_json())

    @property
    def options(self) -> str:
        """The options as ROUGE-1.5.5 flags."""
        return " ".join(self._native.rouge_args())

    @property
    def metrics(self) -> List[str]:
        """The metric names, as ROUGE-1.5.5 prints them (``ROUGE-1``, ..., ``ROUGE-SU*``)."""
        return self._native.metric_names()

    @overload
    def score(
        self,
        candidates: Sequence[Summary],
        references: Sequence[References],
        *,
        per_document: Literal[False] = ...,
        eval_ids: Union[str, Sequence[str], None] = ...,
        threads: Optional[int] = ...,
    ) -> Dict[str, float]: ...

    @overload
    def score(
        self,
        candidates: Sequence[Summary],
        references: Sequence[References],
        *,
        per_document: Literal[True],
        eval_ids: Union[str, Sequence[str], None] = ...,
        threads: Optional[int] = ...,
    ) -> Tuple[Dict[str, float], List[Dict[str, float]]]: ...

    def score(
        self,
        candidates: Sequence[Summary],
        references: Sequence[References],
        *,
        per_document: bool = False,
        eval_ids: Union[str, Sequence[str], None] = None,
        threads: Optional[int] = None,
    ):
        """Scores ``candidates[i]`` against ``references[i]`` and the corpus.

        A summary is a str (its sentences separated by ``"\\n"``) or a list of its sentence
        strings; each sentence is stripped and empty ones are dropped. ``references[i]`` is
        one reference (a summary), or several as a list of lists of sentences
        (``[["ref 1 sentence 1", "ref 1 sentence 2"], ["ref 2"]]``; ``-f`` says how they
        combine). Returns pyrouge's ``output_to_dict`` dict; with ``per_document=True``, also a
        list with one dict per document (``rouge_1_recall``, ``rouge_1_precision``,
        ``rouge_1_f_score``, ...: what ROUGE-1.5.5 prints with ``-d``).

        ``eval_ids`` decide the bootstrap's draws as ROUGE-1.5.5's EVAL IDs do: ``"pyrouge"``
        (the default: the IDs pyrouge gives files ``cand.0.txt``, ``cand.1.txt``, ... as
        PreSumm-style pipelines write them), ``"input_order"`` (1..N) or a list of str.
        """
        names, corpus, docs, _ = self._native.score(
            candidates, references, eval_ids=eval_ids, threads=threads
        )
        result = _corpus_dict(names, corpus)
        if not per_document:
            return result
        return result, [_doc_dict(names, d) for d in docs]

    def output(
        self,
        candidates: Sequence[Summary],
        references: Sequence[References],
        *,
        per_document: bool = False,
        eval_ids: Union[str, Sequence[str], None] = None,
        peer_id: str = "1",
        threads: Optional[int] = None,
    ) -> str:
        """What ROUGE-1.5.5 prints for these summaries (with ``-d``'s per-document lines when
        ``per_document``), line for line: what pyrouge's ``evaluate()`` returns."""
        names, corpus, docs, ids = self._native.score(
            candidates, references, eval_ids=eval_ids, peer_id=str(peer_id), threads=threads
        )
        return _report(
            names, corpus, docs, ids, self.config["confidence"], str(peer_id), per_document
        )

    def __reduce__(self):
        return (_rebuild, (self._native.config_json(),))

    def __repr__(self) -> str:
        return f"Rouge155({self.options!r})"


def _rebuild(config_json: str) -> Rouge155:
    import json

    return Rouge155(**json.loads(config_json))


def _drop_files(args: List[str]) -> List[str]:
    """Drops what pyrouge-style scripts pass beside the scoring flags: ``-e DIR`` and a
    trailing settings file (a positional argument after the flags)."""
    out: List[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "-e" and i + 1 < len(args):
            i += 2
            continue
        out.append(a)
        i += 1
    # A trailing settings file (`... -a settings.xml` or `-m settings.xml`).
    if len(out) >= 2 and not out[-1].startswith("-") and out[-2] in ("-a", "-m", "-d", "-x", "-u", "-U", "-s", "-v"):
        out.pop()
    return out


def _corpus_dict(names: List[str], corpus: List[tuple]) -> Dict[str, float]:
    result: Dict[str, float] = {}
    for name, row in zip(names, corpus):
        key = _key(name)
        for measure, (avg, low, high) in (
            ("recall", row[0:3]),
            ("precision", row[3:6]),
            ("f_score", row[6:9]),
        ):
            k = f"{key}_{measure}"
            result[k] = _five(avg)
            result[f"{k}_cb"] = _five(low)
            result[f"{k}_ce"] = _five(high)
    return result


def _doc_dict(names: List[str], doc: List[tuple]) -> Dict[str, float]:
    result: Dict[str, float] = {}
    for name, (r, p, f) in zip(names, doc):
        key = _key(name)
        result[f"{key}_recall"] = _five(r)
        result[f"{key}_precision"] = _five(p)
        result[f"{key}_f_score"] = _five(f)
    return result


def _report(names, corpus, docs, ids, confidence, peer, per_document) -> str:
    c = float(confidence)
    conf = str(int(c)) if c.is_integer() else repr(c)
    lines = []
    order = sorted(range(len(docs)), key=lambda i: ids[i])
    for m, (name, row) in enumerate(zip(names, corpus)):
        lines.append("-" * 45)
        for letter, (avg, low, high) in (("R", row[0:3]), ("P", row[3:6]), ("F", row[6:9])):
            lines.append(
                f"{peer} {name} Average_{letter}: {avg:.5f} ({conf}%-conf.int. {low:.5f} - {high:.5f})"
            )
        if per_document:
            lines.append("." * 45)
            for i in order:
                r, p, f = docs[i][m]
                lines.append(f"{peer} {name} Eval {ids[i]}.{peer} R:{r:.5f} P:{p:.5f} F:{f:.5f}")
    lines.append("-" * 45)
    return "\n".join(lines) + "\n"


_LINE = re.compile(
    r"(\d+) (ROUGE-\S+) (Average_\w): (\d.\d+) \((\d+(?:\.\d+)?)%-conf.int. (\d.\d+) - (\d.\d+)\)"
)


def output_to_dict(output: str) -> Dict[str, float]:
    """pyrouge's ``output_to_dict``: the dict of ROUGE-1.5.5's printed Averages and intervals
    (any confidence level, where pyrouge only reads lines of 95% intervals)."""
    results: Dict[str, float] = {}
    measures = {"Average_R": "recall", "Average_P": "precision", "Average_F": "f_score"}
    for line in output.split("\n"):
        match = _LINE.match(line)
        if match:
            _, rouge_type, measure, result, _, low, high = match.groups()
            key = "{}_{}".format(_key(rouge_type), measures[measure])
            results[key] = float(result)
            results[f"{key}_cb"] = float(low)
            results[f"{key}_ce"] = float(high)
    return results
