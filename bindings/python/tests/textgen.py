"""Generated summaries for the differential tests: seeded, so every run tests the same
pairs."""

from __future__ import annotations

import random
from typing import List

WORDS = (
    "the a an of to in cat cats dog dogs running ran runs run generously agreed agreement "
    "was has had been being governmental institutionalizing sentimental days enjoy always "
    "skies news ties died uses owed dying children went gone data feet lives best better "
    "worse worst said reuters monday storm coast power officials repairs week"
).split()
NUMBERS = "1 2 10 1990s 3.14 1,000 $5bn 50% 2024 007 4th 19.5".split()
HYPHENS = "state-of-the-art covid-19 well-known re-election e-mail -- - x-ray".split()
PUNCT = ". , ; : ! ? ' \" ( ) [ ] ... ` '' -LRB- -RRB- <q> & &amp; / _ @ # *".split()
UNICODE = (
    "café naïve résumé 北京 大学 Москва ПРИВЕТ İstanbul \u212aelvin ΟΔΟΣ οδος नमस्ते "
    "日本語 ﬁne Straße 🙂 ａｂｃ \u00a0 \u2009 \u200b \u0301 µ Å"
).split(" ")
SPACES = [" ", "  ", "\t", "\n", "\n\n", " \n ", "\r\n", "\r"]


def word(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.6:
        w = rng.choice(WORDS)
    elif r < 0.7:
        w = rng.choice(NUMBERS)
    elif r < 0.8:
        w = rng.choice(HYPHENS)
    elif r < 0.9:
        w = rng.choice(UNICODE)
    else:
        w = rng.choice(PUNCT)
    if rng.random() < 0.15:
        w = w.upper() if rng.random() < 0.5 else w.capitalize()
    return w


def text(rng: random.Random, max_words: int = 60) -> str:
    n = rng.choice([0, 0, 1, 2, 3, 5, 8, 13, 21, 34, max_words])
    n = min(n, max_words)
    out: List[str] = []
    for _ in range(n):
        out.append(word(rng))
        out.append(rng.choice(SPACES) if rng.random() < 0.2 else " ")
    t = "".join(out)
    r = rng.random()
    if r < 0.05:
        return ""
    if r < 0.08:
        return rng.choice(SPACES) * 3
    return t


def long_text(rng: random.Random, words: int) -> str:
    sentences = []
    while words > 0:
        k = min(words, rng.randint(5, 40))
        sentences.append(" ".join(word(rng) for _ in range(k)) + " .")
        words -= k
    return rng.choice(["\n", " "]).join(sentences)
