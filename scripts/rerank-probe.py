#!/usr/bin/env python3
"""Probe: does a MiniLM reranker of SummaRuNNer's top-K sentences beat SummaRuNNer?

Reads the per-document candidates written by the `rerank_features` example (SummaRuNNer's top-K
sentences, each with its probability, position, oracle label and all-MiniLM-L6-v2 embedding),
trains a small MLP (numpy, Adam, binary cross-entropy against the oracle labels) on the
training file's candidates, picks the top 3 of each document by the MLP's score, and scores the
picks with `nutgraf rouge` (ROUGE-1.5.5 -m, F) beside SummaRuNNer's own top 3. Validation
chooses the epoch; the held-out file is reported with that epoch.

    python3 scripts/rerank-probe.py target/data/rerank-{train,valid,heldout}.jsonl
"""

import json
import os
import subprocess
import sys
import tempfile

import numpy as np


def load(path):
    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    return [d for d in docs if d["cands"]]


def features(doc):
    cands = doc["cands"]
    emb = np.array([c["emb"] for c in cands], dtype=np.float32)
    p = np.array([c["p"] for c in cands], dtype=np.float32)
    pos = np.array([c["i"] for c in cands], dtype=np.float32)
    n = float(doc["n"])
    words = np.array([c["words"] for c in cands], dtype=np.float32)
    centroid = emb.mean(0)
    centroid /= np.linalg.norm(centroid) + 1e-9
    top = emb[int(np.argmax(p))]
    sims = emb @ emb.T
    np.fill_diagonal(sims, -1.0)
    rank = np.argsort(np.argsort(-p)).astype(np.float32)
    extra = np.stack(
        [p, np.log(p + 1e-6), rank / 4.0, pos / 10.0, pos / n, (pos == 0).astype(np.float32),
         np.log1p(pos), np.log1p(words) / 4.0, emb @ centroid, emb @ top, sims.max(1)],
        axis=1,
    )
    if os.environ.get("PROBE_NO_EMB"):
        return extra
    return np.concatenate([emb, extra], axis=1)


def matrix(docs):
    x = np.concatenate([features(d) for d in docs])
    y = np.array([c["label"] for d in docs for c in d["cands"]], dtype=np.float32)
    return x, y


class Mlp:
    def __init__(self, dim, hidden, seed):
        rng = np.random.default_rng(seed)
        self.w = [rng.normal(0, 1 / np.sqrt(dim), (dim, hidden)).astype(np.float32),
                  np.zeros(hidden, np.float32),
                  rng.normal(0, 1 / np.sqrt(hidden), (hidden, 1)).astype(np.float32),
                  np.zeros(1, np.float32)]
        self.m = [np.zeros_like(w) for w in self.w]
        self.v = [np.zeros_like(w) for w in self.w]
        self.t = 0

    def forward(self, x):
        h = np.maximum(x @ self.w[0] + self.w[1], 0)
        return h, (h @ self.w[2] + self.w[3])[:, 0]

    def step(self, x, y, lr, decay=1e-4, dropout=0.2, rng=None):
        keep = (rng.random(x.shape) > dropout).astype(np.float32) / (1 - dropout)
        x = x * keep
        h, z = self.forward(x)
        g = (1 / (1 + np.exp(-z)) - y)[:, None] / len(y)
        grads = [None] * 4
        grads[2] = h.T @ g
        grads[3] = g.sum(0)
        gh = (g @ self.w[2].T) * (h > 0)
        grads[0] = x.T @ gh
        grads[1] = gh.sum(0)
        self.t += 1
        for i, gr in enumerate(grads):
            gr = gr + decay * self.w[i]
            self.m[i] = 0.9 * self.m[i] + 0.1 * gr
            self.v[i] = 0.999 * self.v[i] + 0.001 * gr * gr
            mh = self.m[i] / (1 - 0.9 ** self.t)
            vh = self.v[i] / (1 - 0.999 ** self.t)
            self.w[i] -= lr * mh / (np.sqrt(vh) + 1e-8)

    def score(self, x):
        return self.forward(x)[1]


def picks(docs, scores, k=3):
    out, at = [], 0
    for d in docs:
        s = scores[at:at + len(d["cands"])]
        at += len(d["cands"])
        best = sorted(np.argsort(-s, kind="stable")[:k])
        out.append([d["cands"][j]["text"] for j in best])
    return out


def rouge(docs, summaries):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for d, s in zip(docs, summaries):
            f.write(json.dumps({"candidate": s, "reference": d["reference"].split("\n")}) + "\n")
    out = subprocess.run(["target/release/nutgraf", "rouge", f.name, f.name, "-n", "2", "-m",
                          "--json"], capture_output=True, text=True, check=True).stdout
    r = json.loads(out)["corpus"]
    return " / ".join(f"{100 * r[k]['f']:.2f}" for k in ("ROUGE-1", "ROUGE-2", "ROUGE-L"))


def main():
    train, valid, held = (load(p) for p in sys.argv[1:4])
    xt, yt = matrix(train)
    mu, sd = xt.mean(0), xt.std(0) + 1e-6
    norm = lambda x: (x - mu) / sd
    xt = norm(xt)
    xv, xh = norm(matrix(valid)[0]), norm(matrix(held)[0])
    base = lambda docs: np.concatenate([[c["p"] for c in d["cands"]] for d in docs])
    print("summarunner top-3  valid", rouge(valid, picks(valid, base(valid))),
          " held-out", rouge(held, picks(held, base(held))), flush=True)
    rng = np.random.default_rng(1)
    mlp = Mlp(xt.shape[1], 64, 1)
    for epoch in range(1, 9):
        order = rng.permutation(len(yt))
        for b in range(0, len(order), 256):
            i = order[b:b + 256]
            mlp.step(xt[i], yt[i], 1e-3, rng=rng)
        print(f"epoch {epoch}: valid", rouge(valid, picks(valid, mlp.score(xv))),
              " held-out", rouge(held, picks(held, mlp.score(xh))), flush=True)


if __name__ == "__main__":
    main()
