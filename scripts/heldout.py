#!/usr/bin/env python3
"""Carve the held-out set out of the training file, by chunk.

The held-out set is the DailyMail chunks train_219, train_220 and train_221 of
../shared/data/cnndm/train.jsonl.gz (3,000 documents, named by each record's `article_from`):
never trained on, never used to choose anything, reported beside validation. Every other
record goes to the training file. Lines are copied byte for byte, in order, and the gzip
headers carry no time, so both outputs are the same on every run.

Usage: scripts/heldout.py [--train FILE] [--out DIR]
       (defaults: ../shared/data/cnndm/train.jsonl.gz, target/data)
Writes DIR/train-fit.jsonl.gz and DIR/heldout.jsonl.gz; standard library only.
"""
import argparse
import gzip
import json
import os
import re
import sys

HELD_OUT_CHUNKS = {219, 220, 221}
CHUNK = re.compile(r"chunked/train_(\d+)\.bin#")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", default=os.path.join(root, "..", "shared", "data", "cnndm", "train.jsonl.gz"))
    parser.add_argument("--out", default=os.path.join(root, "target", "data"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    paths = {name: os.path.join(args.out, f"{name}.jsonl.gz") for name in ("train-fit", "heldout")}
    counts = {name: 0 for name in paths}
    outputs = {name: gzip.GzipFile(path + ".tmp", "wb", mtime=0) for name, path in paths.items()}
    with gzip.open(args.train, "rb") as source:
        for number, line in enumerate(source, 1):
            if not line.strip():
                continue
            try:
                origin = json.loads(line)["article_from"]
            except (ValueError, KeyError, TypeError) as e:
                sys.exit(f"{args.train}:{number}: no \"article_from\" field ({e})")
            match = CHUNK.search(origin)
            if match is None:
                sys.exit(f"{args.train}:{number}: no chunk in \"article_from\": {origin!r}")
            name = "heldout" if int(match.group(1)) in HELD_OUT_CHUNKS else "train-fit"
            outputs[name].write(line if line.endswith(b"\n") else line + b"\n")
            counts[name] += 1
    for name, out in outputs.items():
        out.close()
        os.replace(paths[name] + ".tmp", paths[name])
        print(f"{paths[name]}: {counts[name]} documents", file=sys.stderr)
    if counts["heldout"] != 3000:
        sys.exit(f"expected 3000 held-out documents, found {counts['heldout']}: is this the shared train file?")


if __name__ == "__main__":
    main()
