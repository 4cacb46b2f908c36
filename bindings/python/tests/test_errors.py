"""Every bad input is a nutgraf exception (a ValueError or TypeError subclass) naming the
argument, never a crash: None, bytes, non-strings, mismatched lengths, huge inputs, bad
options."""

from __future__ import annotations

import pytest

import nutgraf
from nutgraf import Document, Summarizer
from nutgraf.errors import ConfigError, InputError, InputTypeError, NutgrafError, ReadError
from nutgraf.evaluate import load, rouge
from nutgraf.rouge155 import PAPER, Rouge155
from nutgraf.rouge_score import rouge_scorer, scoring

BAD_TEXTS = [None, b"bytes", bytearray(b"x"), 3, 2.5, ["a list"], {"a": 1}, object()]


def test_exception_classes():
    assert issubclass(ConfigError, ValueError) and issubclass(InputError, ValueError)
    assert issubclass(InputTypeError, TypeError) and issubclass(ReadError, OSError)
    for cls in (ConfigError, InputError, InputTypeError, ReadError):
        assert issubclass(cls, NutgrafError)


@pytest.mark.parametrize("bad", BAD_TEXTS, ids=repr)
def test_rouge_scorer_texts(bad):
    s = rouge_scorer.RougeScorer(["rouge1", "rougeLsum"])
    with pytest.raises(InputTypeError, match="target"):
        s.score(bad, "x")
    with pytest.raises(InputTypeError, match="prediction"):
        s.score("x", bad)
    with pytest.raises(InputTypeError, match=r"predictions\[1\]"):
        s.score_batch(["a", "b"], ["a", bad])
    if not isinstance(bad, list):
        with pytest.raises(InputTypeError, match=r"targets(\[0\])?"):
            s.score_multi(["a", bad] if bad is not None else None, "x")


def test_bytes_get_a_hint():
    with pytest.raises(InputTypeError, match="decode"):
        rouge_scorer.RougeScorer(["rouge1"]).score(b"a", "b")


def test_rouge_scorer_arguments():
    with pytest.raises(ConfigError, match="rougeX"):
        rouge_scorer.RougeScorer(["rouge1", "rougeX"])
    with pytest.raises(ConfigError, match="rouge0"):
        rouge_scorer.RougeScorer(["rouge0"])
    with pytest.raises(InputTypeError, match="rouge_types"):
        rouge_scorer.RougeScorer("rouge1")
    with pytest.raises(InputTypeError, match="rouge_types"):
        rouge_scorer.RougeScorer(None)
    assert rouge_scorer.RougeScorer([]).score("a", "b") == {}  # as rouge-score
    with pytest.raises(InputTypeError, match="use_stemmer"):
        rouge_scorer.RougeScorer(["rouge1"], use_stemmer="yes")
    with pytest.raises(InputTypeError, match="tokenizer"):
        rouge_scorer.RougeScorer(["rouge1"], tokenizer=42)
    s = rouge_scorer.RougeScorer(["rouge1"])
    with pytest.raises(InputError, match="differ in length"):
        s.score_batch(["a", "b"], ["a"])
    with pytest.raises(InputError, match="no target"):
        s.score_multi([], "x")
    with pytest.raises(ConfigError, match="threads"):
        s.score_batch(["a"], ["a"], threads=0)
    with pytest.raises(InputTypeError, match="threads"):
        s.score_batch(["a"], ["a"], threads="2")


def test_custom_tokenizer_errors():
    class Broken:
        def tokenize(self, text):
            return 5

    class Raising:
        def tokenize(self, text):
            raise RuntimeError("boom")

    with pytest.raises(InputTypeError, match="tokenize"):
        rouge_scorer.RougeScorer(["rouge1"], tokenizer=Broken()).score("a", "b")
    with pytest.raises(RuntimeError, match="boom"):
        rouge_scorer.RougeScorer(["rouge1"], tokenizer=Raising()).score("a", "b")

    class Unhashable:
        def tokenize(self, text):
            return [[text]]

    with pytest.raises(InputTypeError, match="hashable"):
        rouge_scorer.RougeScorer(["rouge1"], tokenizer=Unhashable()).score("a", "b")


def test_lone_surrogates():
    with pytest.raises(InputError, match="surrogate"):
        rouge_scorer.RougeScorer(["rouge1"]).score("a\ud800", "b")


def test_aggregator_arguments():
    with pytest.raises(ConfigError):
        scoring.BootstrapAggregator(n_samples=0)
    with pytest.raises(ConfigError):
        scoring.BootstrapAggregator(confidence_interval=1.5)
    with pytest.raises(ConfigError, match="seed"):
        scoring.BootstrapAggregator(seed=-1)
    with pytest.raises(InputTypeError, match="seed"):
        scoring.BootstrapAggregator(seed="1")
    agg = scoring.BootstrapAggregator()
    with pytest.raises(InputTypeError):
        agg.add_scores([1, 2])
    agg.add_scores({"x": (1.0, 2.0, 3.0)})
    agg.add_scores({"x": (1.0, 2.0)})
    with pytest.raises(InputError, match="values"):
        agg.aggregate()
    assert scoring.BootstrapAggregator().aggregate() == {}


def test_evaluate_arguments():
    with pytest.raises(InputError, match="Mismatch"):
        rouge.compute(predictions=["a"], references=["a", "b"])
    with pytest.raises(InputTypeError, match="predictions"):
        rouge.compute(predictions="abc", references=["a"])
    with pytest.raises(InputTypeError, match=r"predictions\[0\]"):
        rouge.compute(predictions=[None], references=["a"])
    with pytest.raises(InputError, match="empty"):
        rouge.compute(predictions=[], references=[])
    assert rouge.compute(predictions=[], references=[], use_aggregator=False) == {
        "rouge1": [], "rouge2": [], "rougeL": [], "rougeLsum": []
    }
    with pytest.raises(ConfigError):
        rouge.compute(predictions=["a"], references=["a"], rouge_types=["rougeZ"])
    with pytest.raises(InputTypeError, match="tokenizer"):
        rouge.compute(predictions=["a"], references=["a"], tokenizer=5)
    with pytest.raises(ConfigError):
        load("bleu")


def test_summarizer_inputs():
    s = Summarizer()
    for bad in (None, b"x", 3, {"a": 1}):
        with pytest.raises(InputTypeError, match="document"):
            s.summarize(bad)
    with pytest.raises(InputTypeError, match=r"documents\[1\]"):
        s.summarize_batch(["a.", None])
    with pytest.raises(InputTypeError, match=r"documents\[0\]\[1\]"):
        s.summarize_batch([["a.", 3]])
    with pytest.raises(InputError, match="differ in length"):
        s.summarize_batch(["a."], references=["a", "b"])
    with pytest.raises(InputTypeError, match="config"):
        Summarizer.from_config(42)
    with pytest.raises(ConfigError):
        Summarizer.from_config("{not json")
    with pytest.raises(InputTypeError, match="config"):
        Summarizer("textrank", damping=object())
    with pytest.raises(ConfigError):
        Summarizer("textrank", damping=float("nan"))
    with pytest.raises(InputError, match="reference"):
        Summarizer("oracle").summarize("A b. C d.")
    with pytest.raises(InputTypeError, match="text"):
        Document(b"x")
    with pytest.raises(ConfigError, match="either"):
        Document("a", sentences=["a"])


def test_read_arguments(tmp_path):
    with pytest.raises(InputTypeError, match="path"):
        nutgraf.read([None])
    with pytest.raises(ReadError):
        nutgraf.read(tmp_path / "nope.jsonl")
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(InputError, match="binary"):
        list(nutgraf.read(tmp_path / "bin.dat"))
    with pytest.raises(ConfigError, match="format"):
        nutgraf.read(tmp_path, format="pdf")


def test_huge_inputs_are_refused_not_crashed():
    # One 20,000-token line each: rougeLsum's LCS table would need 4e8 cells.
    a = " ".join("w%d" % (i % 997) for i in range(20000))
    b = " ".join("w%d" % (i % 991) for i in range(20000))
    with pytest.raises(InputError, match="rougeLsum"):
        rouge_scorer.RougeScorer(["rougeLsum"]).score(a, b)
    with pytest.raises(InputError, match="ROUGE-L"):
        Rouge155("-n 1").score([a], [b])
    with pytest.raises(InputError, match="ROUGE-S"):
        Rouge155(PAPER).score([a.replace(" w1 ", "\n")], [b.replace(" w1 ", "\n")])
    # rougeL over 300,000 distinct tokens: its bit masks would need 10 GiB.
    c = " ".join("x%d" % i for i in range(300000))
    with pytest.raises(InputError, match="rougeL"):
        rouge_scorer.RougeScorer(["rougeL"]).score(c, c)
    # The same texts score where no table is needed, and as sentences.
    assert rouge_scorer.RougeScorer(["rouge2"]).score(c, c)["rouge2"].fmeasure == 1.0
    lines = a.replace(" w5 ", "\n")
    assert rouge_scorer.RougeScorer(["rougeLsum"]).score(lines, lines)["rougeLsum"].recall == 1.0
