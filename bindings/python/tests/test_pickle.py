"""Every public object pickles and comes back equal (multiprocessing, Spark, Ray ship them),
also across processes started by fork, spawn and forkserver."""

from __future__ import annotations

import multiprocessing
import pickle

import pytest

import nutgraf
from nutgraf import Document, Oracle, Summarizer
from nutgraf.errors import ConfigError, InputError, InputTypeError, ReadError
from nutgraf.evaluate import rouge
from nutgraf.rouge155 import PAPER, Rouge155
from nutgraf.rouge155.pyrouge import Rouge155 as PyRouge155
from nutgraf.rouge_score import rouge_scorer, scoring, tokenizers

TEXT = "The storm hit the coast. Thousands lost power. Repairs take a week. Schools closed."
PAIRS = [("the cat sat on the mat", "a cat sat"), ("Storms hit.\nPower out.", "storm hits power"), ("", "x")]


class SplitTokenizer:
    """A picklable caller's tokenizer."""

    def tokenize(self, text):
        return text.split()


def roundtrip(obj):
    return pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


def scorers():
    return [
        rouge_scorer.RougeScorer(["rouge1", "rougeL", "rougeLsum"]),
        rouge_scorer.RougeScorer(["rouge2", "rougeLsum"], use_stemmer=True, split_summaries=True),
        rouge_scorer.RougeScorer(["rouge1"], tokenizer=tokenizers.DefaultTokenizer(True)),
        rouge_scorer.RougeScorer(["rouge1", "rougeLsum"], tokenizer=tokenizers.UnicodeTokenizer()),
        rouge_scorer.RougeScorer(["rouge1", "rougeLsum"], tokenizer=SplitTokenizer()),
    ]


def test_rouge_scorers():
    for s in scorers():
        back = roundtrip(s)
        assert type(back) is type(s)
        if not isinstance(s.tokenizer, SplitTokenizer):
            assert repr(back) == repr(s)
        assert back.rouge_types == s.rouge_types
        for t, p in PAIRS:
            assert back.score(t, p) == s.score(t, p)


def test_scores_and_aggregator():
    s = rouge_scorer.RougeScorer(["rouge1"]).score("a b", "a c")["rouge1"]
    assert roundtrip(s) == s and type(roundtrip(s)) is scoring.Score
    agg = scoring.BootstrapAggregator(seed=5, n_samples=50)
    for t, p in PAIRS:
        agg.add_scores(rouge_scorer.RougeScorer(["rouge1"]).score(t, p))
    back = roundtrip(agg)
    assert back.aggregate() == agg.aggregate()
    a = agg.aggregate()["rouge1"]
    assert roundtrip(a) == a and type(roundtrip(a)) is scoring.AggregateScore


def test_rouge155_objects(tmp_path):
    r = Rouge155(PAPER, words=100)
    back = roundtrip(r)
    assert back.config == r.config
    assert back.score(["the cat sat"], ["a cat sat"]) == r.score(["the cat sat"], ["a cat sat"])
    p = PyRouge155(rouge_args="-n 2")
    p.system_dir = str(tmp_path)
    assert roundtrip(p).system_dir == str(tmp_path) and roundtrip(p).args == "-n 2"
    assert roundtrip(rouge) is rouge


def test_summarizer_objects():
    for method in nutgraf.METHODS:
        s = Summarizer(method)
        assert roundtrip(s) == s
    s = Summarizer("textrank", 2, explain=True)
    summary = s.summarize(TEXT)
    assert roundtrip(s).summarize(TEXT) == summary
    assert roundtrip(summary) == summary
    assert roundtrip(summary.sentences[0]) == summary.sentences[0]
    assert roundtrip(summary.sentences[0]).explanation == summary.sentences[0].explanation
    doc = Document(TEXT, id="d1", reference=["Storm cut power."])
    back = roundtrip(doc)
    assert back == doc and back.char_spans == doc.char_spans and back.reference == doc.reference
    o = Oracle(strategy="beam")
    assert roundtrip(o).config == o.config
    result = o.label(doc)
    assert roundtrip(result) == result and roundtrip(result).summary == result.summary


def test_reader_resumes_where_it_was(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text("".join('{"id": "%d", "article": "Text %d. More."}\n' % (i, i) for i in range(5)))
    it = nutgraf.read(f)
    next(it)
    next(it)
    back = roundtrip(it)
    assert [d.id for d in back] == ["2", "3", "4"]
    assert [d.id for d in it] == ["2", "3", "4"]


def test_errors():
    for e in (ConfigError("x"), InputError("y"), InputTypeError("z"), ReadError("w")):
        back = roundtrip(e)
        assert type(back) is type(e) and str(back) == str(e)


def _work(args):
    scorer, summarizer, rouge155, pairs = args
    return (
        scorer.score_batch([t for t, _ in pairs], [p for _, p in pairs]),
        summarizer.summarize_batch([TEXT, TEXT]),
        rouge155.score([p for _, p in pairs], [t for t, _ in pairs]),
    )


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_multiprocessing(method):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} is not available here")
    scorer = scorers()[1]
    summarizer = Summarizer("lexrank", 2)
    rouge155 = Rouge155("-n 2 -m")
    pairs = PAIRS * 5
    # Worker threads are running in this process before the children start (fork copies
    # their pool, which the child must not use).
    expected = _work((scorer, summarizer, rouge155, pairs))
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(2) as pool:
        results = pool.map_async(_work, [(scorer, summarizer, rouge155, pairs)] * 3).get(timeout=120)
    assert results == [expected] * 3
