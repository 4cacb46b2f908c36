"""Threads: results never depend on the thread count, objects are shared safely by Python
threads, and every call that does real work releases the GIL."""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import nutgraf
from nutgraf.rouge155 import PAPER, Rouge155
from nutgraf.rouge_score import rouge_scorer
from textgen import long_text, text

TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


def corpus(n=400, seed=1):
    rng = random.Random(seed)
    return [long_text(rng, 60) for _ in range(n)], [long_text(rng, 40) for _ in range(n)]


def test_score_batch_is_the_same_at_any_thread_count():
    targets, predictions = corpus()
    s = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    one = [s.score(t, p) for t, p in zip(targets, predictions)]
    for threads in (1, 2, 3, 8, None):
        assert s.score_batch(targets, predictions, threads=threads) == one
    r = Rouge155(PAPER, allow_empty_reference_w=True)
    base = r.score(predictions, targets, threads=1, per_document=True)
    for threads in (2, 5, None):
        assert r.score(predictions, targets, threads=threads, per_document=True) == base


def test_python_threads_share_objects():
    targets, predictions = corpus(200)
    s = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    summarizer = nutgraf.Summarizer("textrank", 2)
    expected = [s.score(t, p) for t, p in zip(targets, predictions)]
    expected_sum = [summarizer.summarize(t) for t in targets[:50]]

    def work(i):
        k = i % len(targets)
        return s.score(targets[k], predictions[k]), summarizer.summarize(targets[k % 50])

    with ThreadPoolExecutor(8) as ex:
        got = list(ex.map(work, range(800)))
    for i, (score, summary) in enumerate(got):
        assert score == expected[i % len(targets)]
        assert summary == expected_sum[(i % len(targets)) % 50]


def progress_during(call) -> int:
    """How often another Python thread could run while `call` ran: with the GIL held for the
    whole call it could not run at all."""
    started = threading.Event()
    done = threading.Event()
    count = [0]

    def spin():
        started.wait()
        while not done.is_set():
            count[0] += 1

    t = threading.Thread(target=spin)
    t.start()
    started.set()
    call()
    done.set()
    t.join()
    return count[0]


@pytest.mark.parametrize("what", ["score_batch", "rouge155", "summarize_batch", "score_long"])
def test_the_gil_is_released(what):
    targets, predictions = corpus(3000, seed=2)
    s = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    calls = {
        "score_batch": lambda: s.score_batch(targets, predictions, threads=1),
        "rouge155": lambda: Rouge155(PAPER, allow_empty_reference_w=True).score(predictions, targets, threads=1),
        "summarize_batch": lambda: nutgraf.Summarizer("lexrank").summarize_batch(targets, threads=1),
        "score_long": lambda: s.score("\n".join(targets[:400]), "\n".join(predictions[:400])),
    }
    # With the GIL released the other thread spins freely (millions of iterations a second);
    # held, it gets at most a few switch intervals' worth at the call's edges.
    best = max(progress_during(calls[what]) for _ in range(2))
    assert best > 20000, best
