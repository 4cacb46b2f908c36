"""nutgraf.rouge_score against Google's rouge-score 0.1.2 on thousands of generated pairs:
every precision, recall and F equal to the last bit (unicode, empty, very long texts, numbers,
hyphens, punctuation, several references; with and without the stemmer; custom tokenizers;
the bootstrap aggregator after numpy.random.seed)."""

from __future__ import annotations

import random

import pytest

rs_scorer = pytest.importorskip("rouge_score.rouge_scorer")
rs_scoring = pytest.importorskip("rouge_score.scoring")
np = pytest.importorskip("numpy")

from nutgraf.rouge_score import rouge_scorer, scoring, tokenizers  # noqa: E402
from textgen import long_text, text  # noqa: E402

TYPES = ["rouge1", "rouge2", "rouge3", "rouge4", "rouge9", "rougeL", "rougeLsum"]


def as_tuples(d):
    return {k: (v.precision, v.recall, v.fmeasure) for k, v in d.items()}


def assert_same(ours, theirs, context):
    assert list(ours) == list(theirs), context
    assert as_tuples(ours) == as_tuples(theirs), context


@pytest.mark.parametrize("stem", [False, True])
def test_generated_pairs(stem):
    rng = random.Random(20261201 + stem)
    pairs = [(text(rng), text(rng)) for _ in range(4000)]
    ours = rouge_scorer.RougeScorer(TYPES, use_stemmer=stem)
    theirs = rs_scorer.RougeScorer(TYPES, use_stemmer=stem)
    batch = ours.score_batch([t for t, _ in pairs], [p for _, p in pairs])
    for i, (t, p) in enumerate(pairs):
        expected = theirs.score(t, p)
        assert_same(ours.score(t, p), expected, (i, t, p))
        assert_same(batch[i], expected, (i, t, p))


@pytest.mark.parametrize("stem", [False, True])
def test_several_references(stem):
    rng = random.Random(7 + stem)
    ours = rouge_scorer.RougeScorer(TYPES, use_stemmer=stem)
    theirs = rs_scorer.RougeScorer(TYPES, use_stemmer=stem)
    docs = []
    for _ in range(500):
        targets = [text(rng) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.2:
            targets.append(targets[0])  # ties: the first best is taken
        docs.append((targets, text(rng)))
    batch = ours.score_batch([t for t, _ in docs], [p for _, p in docs])
    for i, (targets, p) in enumerate(docs):
        expected = theirs.score_multi(targets, p)
        assert_same(ours.score_multi(targets, p), expected, (i, targets, p))
        assert_same(batch[i], expected, (i, targets, p))


def test_very_long_texts():
    rng = random.Random(3)
    ours = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    theirs = rs_scorer.RougeScorer(TYPES, use_stemmer=True)
    for words in (300, 1000, 2500):
        t, p = long_text(rng, words), long_text(rng, words // 2)
        assert_same(ours.score(t, p), theirs.score(t, p), words)
    # One long line each: rougeLsum over a single long sentence pair.
    t = " ".join(long_text(rng, 1500).split("\n"))
    p = " ".join(long_text(rng, 1500).split("\n"))
    assert_same(ours.score(t, p), theirs.score(t, p), "one line")


def test_rouge_types_order_subsets_and_duplicates():
    rng = random.Random(11)
    for types in (["rougeLsum"], ["rougeL", "rouge1"], ["rouge2", "rouge2", "rougeLsum", "rouge5"]):
        ours = rouge_scorer.RougeScorer(types)
        theirs = rs_scorer.RougeScorer(types)
        for _ in range(100):
            t, p = text(rng), text(rng)
            assert_same(ours.score(t, p), theirs.score(t, p), types)


class WhitespaceTokenizer:
    """A caller's tokenizer, as rouge-score takes it."""

    def tokenize(self, text):
        return text.lower().split()


class CharTokenizer:
    def tokenize(self, text):
        return [c for c in text if not c.isspace()]


@pytest.mark.parametrize("tok", [WhitespaceTokenizer(), CharTokenizer()])
def test_custom_tokenizer(tok):
    rng = random.Random(5)
    ours = rouge_scorer.RougeScorer(TYPES, tokenizer=tok)
    theirs = rs_scorer.RougeScorer(TYPES, tokenizer=tok)
    pairs = [(text(rng, 30), text(rng, 30)) for _ in range(400)]
    batch = ours.score_batch([t for t, _ in pairs], [p for _, p in pairs])
    for i, (t, p) in enumerate(pairs):
        expected = theirs.score(t, p)
        assert_same(ours.score(t, p), expected, (t, p))
        assert_same(batch[i], expected, (t, p))
    targets = [text(rng, 20) for _ in range(3)]
    assert_same(ours.score_multi(targets, "the cat"), theirs.score_multi(targets, "the cat"), "multi")


def test_default_tokenizer_objects():
    from rouge_score import tokenize as rs_tokenize
    from rouge_score import tokenizers as rs_tokenizers
    from nltk.stem import porter

    rng = random.Random(9)
    stemmer = porter.PorterStemmer()
    for stem in (False, True):
        ours = tokenizers.DefaultTokenizer(use_stemmer=stem)
        theirs = rs_tokenizers.DefaultTokenizer(use_stemmer=stem)
        for _ in range(300):
            t = text(rng)
            assert ours.tokenize(t) == theirs.tokenize(t) == rs_tokenize.tokenize(
                t, stemmer if stem else None
            )
        # A tokenizer object decides stemming, as in rouge-score.
        a = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=not stem, tokenizer=ours)
        b = rs_scorer.RougeScorer(["rouge1"], use_stemmer=not stem, tokenizer=theirs)
        assert_same(a.score("the cats running", "cat ran"), b.score("the cats running", "cat ran"), stem)


@pytest.mark.parametrize("seed", [0, 1, 42, 2**32 - 1])
def test_bootstrap_equals_rouge_score_after_numpy_seed(seed):
    rng = random.Random(seed % 1000)
    theirs_scorer = rs_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    ours_agg = scoring.BootstrapAggregator(seed=seed)
    theirs_agg = rs_scoring.BootstrapAggregator()
    for n in range(rng.choice([1, 2, 7, 300])):
        s = theirs_scorer.score(text(rng), text(rng))
        ours_agg.add_scores(s)
        theirs_agg.add_scores(s)
    np.random.seed(seed)
    expected = theirs_agg.aggregate()
    got = ours_agg.aggregate()
    assert list(got) == list(expected)
    for k in expected:
        for part in ("low", "mid", "high"):
            assert tuple(getattr(got[k], part)) == tuple(
                float(x) for x in getattr(expected[k], part)
            ), (k, part)
    # Deterministic: aggregating again gives the same intervals.
    assert ours_agg.aggregate() == got


@pytest.mark.parametrize("ci,n", [(0.9, 10), (0.5, 1), (1.0, 100), (0.0, 3)])
def test_bootstrap_other_intervals(ci, n):
    rng = random.Random(1)
    ours_agg = scoring.BootstrapAggregator(confidence_interval=ci, n_samples=n, seed=3)
    theirs_agg = rs_scoring.BootstrapAggregator(confidence_interval=ci, n_samples=n)
    for _ in range(50):
        s = {"x": rs_scoring.Score(rng.random(), rng.random(), rng.random())}
        ours_agg.add_scores(s)
        theirs_agg.add_scores(s)
    np.random.seed(3)
    e = theirs_agg.aggregate()["x"]
    g = ours_agg.aggregate()["x"]
    for part in ("low", "mid", "high"):
        assert tuple(getattr(g, part)) == tuple(float(v) for v in getattr(e, part))


def huggingface_compute(predictions, references, rouge_types=None, use_aggregator=True, use_stemmer=False, tokenizer=None):
    """Hugging Face evaluate's rouge ``_compute`` (evaluate 0.4), restated on rouge-score."""
    if rouge_types is None:
        rouge_types = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    multi_ref = isinstance(references[0], list)

    class Tok:
        def __init__(self, f):
            self.f = f

        def tokenize(self, text):
            return self.f(text)

    scorer = rs_scorer.RougeScorer(
        rouge_types=rouge_types, use_stemmer=use_stemmer, tokenizer=Tok(tokenizer) if tokenizer else None
    )
    if use_aggregator:
        aggregator = rs_scoring.BootstrapAggregator()
    else:
        scores = []
    for ref, pred in zip(references, predictions):
        score = scorer.score_multi(ref, pred) if multi_ref else scorer.score(ref, pred)
        if use_aggregator:
            aggregator.add_scores(score)
        else:
            scores.append(score)
    if use_aggregator:
        result = aggregator.aggregate()
        for key in result:
            result[key] = result[key].mid.fmeasure
    else:
        result = {}
        for key in scores[0]:
            result[key] = list(score[key].fmeasure for score in scores)
    return result


@pytest.mark.parametrize("multi", [False, True])
@pytest.mark.parametrize("aggregate", [False, True])
def test_evaluate_compute_equals_huggingface(multi, aggregate):
    from nutgraf.evaluate import rouge

    rng = random.Random(17 + multi)
    predictions = [text(rng) for _ in range(200)]
    if multi:
        references = [[text(rng) for _ in range(rng.randint(1, 3))] for _ in predictions]
    else:
        references = [text(rng) for _ in predictions]
    np.random.seed(0)
    expected = huggingface_compute(predictions, references, use_aggregator=aggregate, use_stemmer=True)
    got = rouge.compute(predictions=predictions, references=references, use_aggregator=aggregate, use_stemmer=True)
    assert list(got) == list(expected)
    for k in expected:
        if aggregate:
            assert got[k] == float(expected[k]), k
        else:
            assert got[k] == expected[k], k
    # A callable tokenizer, as Hugging Face's `tokenizer=` takes it.
    np.random.seed(0)
    expected = huggingface_compute(predictions, references, use_aggregator=aggregate, tokenizer=str.split)
    got = rouge.compute(predictions=predictions, references=references, use_aggregator=aggregate, tokenizer=str.split)
    assert got == {k: (float(v) if aggregate else v) for k, v in expected.items()}
