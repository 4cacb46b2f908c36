#!/usr/bin/env python3
"""Punkt-style abbreviation learning on the UD text, measured against the splitter's own tables.

For each language it learns abbreviations from raw text alone, as Punkt does (Kiss & Strunk
2006, "Unsupervised multilingual sentence boundary detection": a word type is an abbreviation
when it is followed by a period far more often than chance says, it is short, and it is seldom
seen without its period; score = log-likelihood ratio x exp(-length) x (inner periods + 1) x
length^-(count without period), threshold 0.3). It learns from the language's train file where
there is one (en, pt, tr), else from the dev file's text (Punkt is unsupervised: it learns from
the text it will split). Then it asks what the learned list would add to the splitter:

- "known": learned stems that the splitter's tables (the language's and the shared English
  one, parsed from the Rust source) already list, or that its shape rules cover (an initial,
  dotted letters);
- "new": the others; for each, on the dev files, the places where nutgraf ends a sentence
  right after `stem.`: "fix" where the gold has no end there (the abbreviation would remove a
  false end), "break" where the gold ends there too (it would remove a true one).

Usage: python3 scripts/abbrev-learn.py [--ud DIR] [--pred PRED.jsonl] [--min-count 2]
PRED is `split_ud`'s output for the dev files; without it the script builds the example and
runs it (languages detected per document, as `--language auto` does).
"""
import argparse
import collections
import gzip
import json
import math
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THRESHOLD = 0.3
# What the splitter recognizes by shape: one letter (an initial), or dotted letters (`u.s`,
# `e.g`, `j.-c`).
SHAPE = re.compile(r"^[^\W\d_](?:\.-?[^\W\d_]{1,2})*$")
TOKEN = re.compile(r"\S+")
# Leading quotes and brackets are not part of a word; trailing ones after the period end it.
LEAD = "\"'«»“”„‚‘’([{¿¡-–—"
TRAIL = ",;:!?\"'«»“”„’)]}"


def read(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def tokens(text):
    out = []
    for m in TOKEN.finditer(text):
        raw = m.group()
        tok = raw.lstrip(LEAD).rstrip(TRAIL)
        if not tok or not any(c.isalpha() for c in tok) or tok.endswith(".."):
            out.append((None, False, m.end()))
            continue
        period = tok.endswith(".")
        stem = tok[:-1].rstrip(TRAIL + ".") if period else tok
        # Byte offset just after the period, for comparing with the ends.
        cut = raw.rfind(".") + 1 if period else len(raw)
        end = len(text[: m.start()].encode("utf-8")) + len(raw[:cut].encode("utf-8"))
        out.append((stem.lower(), period, end))
    return out


def learn(docs, min_count):
    with_period = collections.Counter()
    without = collections.Counter()
    n = periods = 0
    for d in docs:
        for stem, period, _ in tokens(d["text"]):
            n += 1
            if stem is None:
                continue
            if period:
                with_period[stem] += 1
                periods += 1
            else:
                without[stem] += 1
    p = periods / max(n, 1)
    learned = {}
    for stem, k in with_period.items():
        if k < min_count or not re.search(r"[^\W\d_]", stem):
            continue
        c = k + without[stem]
        # Dunning's log-likelihood: the period after this type at chance rate p, or at 0.99.
        null = k * math.log(p) + (c - k) * math.log(1 - p)
        alt = k * math.log(0.99) + (c - k) * math.log(0.01)
        ll = -2.0 * (null - alt)
        inner = stem.count(".")
        length = len(stem) - inner
        score = ll * math.exp(-length) * (inner + 1) * length ** -without[stem]
        if score >= THRESHOLD:
            learned[stem] = (score, k, without[stem])
    return learned


def tables():
    """The splitter's abbreviation stems: {language: set}, "en" the shared table."""
    src = os.path.join(ROOT, "crates/nutgraf-core/src/segment")
    pair = re.compile(r'\("([^"]+)",\s*Kind::\w+\)')
    shared = set(pair.findall(open(os.path.join(src, "abbrev.rs"), encoding="utf-8").read()))
    lang_src = open(os.path.join(src, "lang.rs"), encoding="utf-8").read()
    out = {"en": shared}
    names = {"GERMAN": "de", "FRENCH": "fr", "SPANISH": "es", "ITALIAN": "it",
             "PORTUGUESE": "pt", "DUTCH": "nl", "RUSSIAN": "ru", "TURKISH": "tr"}
    for m in re.finditer(r"const (\w+): Rules = Rules \{(.*?)\n\};", lang_src, re.S):
        code = names.get(m.group(1))
        if code:
            out[code] = shared | set(pair.findall(m.group(2)))
    return out


def predictions(args):
    if args.pred:
        with open(args.pred, encoding="utf-8") as f:
            return f.read().splitlines()
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "nutgraf-core", "--example",
                    "split_ud", "--manifest-path", os.path.join(ROOT, "Cargo.toml")], check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    binary = os.path.join(target, "release/examples/split_ud")
    lines = []
    for name in sorted(os.listdir(args.ud)):
        if name.endswith(".dev.jsonl.gz"):
            run = subprocess.run([binary, os.path.join(args.ud, name), "--language", "auto"],
                                 check=True, capture_output=True, text=True)
            lines.extend(run.stdout.splitlines())
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ud", default=os.path.join(ROOT, "../shared/data/ud"))
    ap.add_argument("--pred")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--show", type=int, default=12)
    args = ap.parse_args()
    pred = {}
    for line in predictions(args):
        r = json.loads(line)
        pred[r["id"]] = set(r["ends"])
    known_tables = tables()
    rows = []
    for name in sorted(os.listdir(args.ud)):
        if not name.endswith(".dev.jsonl.gz"):
            continue
        lang = name.split(".")[0]
        dev = read(os.path.join(args.ud, name))
        train_path = os.path.join(args.ud, f"{lang}.train.jsonl.gz")
        source = "train" if os.path.exists(train_path) else "dev"
        learned = learn(read(train_path) if source == "train" else dev, args.min_count)
        table = known_tables.get(lang, known_tables["en"])
        known = {s for s in learned if s in table or SHAPE.match(s)}
        new = sorted(set(learned) - known, key=lambda s: -learned[s][0])
        fix = collections.Counter()
        brk = collections.Counter()
        for d in dev:
            gold = set(d["ends"])
            ends = pred[d["id"]]
            for stem, period, end in tokens(d["text"]):
                if period and stem in new and end in ends:
                    (brk if end in gold else fix)[stem] += 1
        rows.append((lang, source, len(learned), len(known), new, fix, brk))
    print("| lang | learned from | learned | in the tables or shapes | new | new: fixes on dev | new: breaks on dev |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for lang, source, n, k, new, fix, brk in rows:
        print(f"| {lang} | {source} | {n} | {k} | {len(new)} | {sum(fix.values())} | {sum(brk.values())} |")
    print()
    for lang, source, n, k, new, fix, brk in rows:
        if not new:
            continue
        shown = ", ".join(f"{s}. ({fix[s]}/{brk[s]})" for s in new[: args.show])
        more = f" and {len(new) - args.show} more" if len(new) > args.show else ""
        print(f"- {lang}: {shown}{more}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
