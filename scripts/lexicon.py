#!/usr/bin/env python3
"""Writes crates/nutgraf-core/data/lexicon-en.txt: the commonest English tokens of news.

    python3 scripts/lexicon.py [../shared/data/cnndm/train.jsonl.gz] [50000]

The tokens are the whitespace words of the CNN/DailyMail training articles that are ASCII
letters and digits only (the analyzer's one-token words), lowercased, most frequent first (ties
in alphabetical order), the first N of them. The build analyzes them once (their stems, in
crates/nutgraf-core/build.rs) so that a run does not stem them again: the list changes speed,
never output. Validation and test documents are not read.
"""
import collections
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/cnndm/train.jsonl.gz"
N = int(sys.argv[2]) if len(sys.argv) > 2 else 50000
# The words the PTB tokenizer splits in two ("gonna" is "gon na"): not one token.
SPLIT = {"gonna", "wanna", "gotta", "cannot"}

counts = collections.Counter()
with gzip.open(SOURCE, "rt", encoding="utf-8") as f:
    for line in f:
        for word in json.loads(line)["article"].split():
            if word.isascii() and word.isalnum():
                counts[word.lower()] += 1
tokens = sorted((w for w in counts if w not in SPLIT), key=lambda w: (-counts[w], w))[:N]
out = ROOT / "crates/nutgraf-core/data/lexicon-en.txt"
out.write_text("\n".join(tokens) + "\n", encoding="utf-8")
print(f"{out}: {len(tokens)} tokens (least frequent: {counts[tokens[-1]]} occurrences)")
