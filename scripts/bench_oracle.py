#!/usr/bin/env python3
"""Helpers of scripts/bench-oracle.sh: two Python greedy oracles, a command timer, and the report.

    bench_oracle.py head GZ_JSONL N OUT             first N records of a .jsonl.gz file
    bench_oracle.py set-greedy SPLIT RESULTS [--docs N] [--repeat R] [--labels OUT]
    bench_oracle.py rouge-score-greedy SPLIT RESULTS [--docs N] [--labels OUT]
    bench_oracle.py timecmd LABEL DOCS THREADS RESULTS [--repeat R] [--labels OUT] -- CMD...
    bench_oracle.py report RESULTS
    bench_oracle.py candidates SPLIT OUT [--labels LABELS]   oracle summaries as rouge JSONL
    bench_oracle.py quality NAME=ROUGE_JSON...               the labels' ROUGE as a table

SPLIT is `nutgraf oracle FILE --output summarunner` output: one JSON record a line, `doc` = the
document's sentences one per line, `summaries` = the reference sentences one per line. Both Python
oracles read their sentences from it, so every tool labels exactly the same sentences.
RESULTS is a JSON-lines file that each timing appends to; --labels writes `{"id","indices"}`
lines so that the report can count how often two tools pick the same sentences.
"""

import gzip
import json
import re
import subprocess
import sys
import time

MAX_SENTENCES = 3
# The row of bench-oracle.sh that times the whole training file, and the target for it.
FULL_LABEL = "nutgraf oracle, whole training file"
FULL_TARGET_S = 3.0


def read_split(path, limit=None):
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if limit is not None and len(docs) >= limit:
                break
            r = json.loads(line)
            sents = r["doc"].split("\n") if r["doc"] else []
            refs = r["summaries"].split("\n") if r["summaries"] else []
            docs.append((r.get("id"), sents, refs))
    return docs


def record(results, **kw):
    with open(results, "a") as f:
        f.write(json.dumps(kw) + "\n")
    print(json.dumps(kw), file=sys.stderr)


def write_labels(path, ids, labels):
    with open(path, "w") as f:
        for i, idx in zip(ids, labels):
            f.write(json.dumps({"id": i, "indices": sorted(idx)}) + "\n")


# --- (a) set-based greedy: the PreSumm (Liu & Lapata 2019, data_builder.py) shortcut -----------
# Written from its description: characters outside [a-zA-Z0-9 ] are deleted, each sentence becomes
# a SET of unigrams and of bigrams (bigrams never cross a candidate sentence boundary; the reference
# is one concatenated token list), ROUGE-N F = 2PR/(P+R) over set overlaps, objective R1 F + R2 F,
# and, as in PreSumm, the n-gram sets of selected+[i] are re-unioned for every candidate i.

_CLEAN = re.compile(r"[^a-zA-Z0-9 ]")


def _clean_tokens(text):
    return _CLEAN.sub("", text).split()


def _ngrams(n, tokens):
    return set(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def _set_f(evaluated, reference):
    if not evaluated or not reference:
        return 0.0
    overlap = len(evaluated & reference)
    p = overlap / len(evaluated)
    r = overlap / len(reference)
    return 2.0 * p * r / (p + r + 1e-8)


def set_greedy(sents, refs):
    abstract = _clean_tokens(" ".join(refs))
    ref1, ref2 = _ngrams(1, abstract), _ngrams(2, abstract)
    toks = [_clean_tokens(s) for s in sents]
    uni = [_ngrams(1, t) for t in toks]
    bi = [_ngrams(2, t) for t in toks]
    selected, best = [], 0.0
    for _ in range(MAX_SENTENCES):
        cur_best, cur_id = best, -1
        for i in range(len(sents)):
            if i in selected:
                continue
            c = selected + [i]
            score = (_set_f(set.union(*(uni[j] for j in c)), ref1)
                     + _set_f(set.union(*(bi[j] for j in c)), ref2))
            # Strictly greater: ties keep the earliest sentence, and no gain stops the search.
            if score > cur_best:
                cur_best, cur_id = score, i
        if cur_id == -1:
            break
        selected.append(cur_id)
        best = cur_best
    return sorted(selected)


# --- (b) greedy over Google's rouge-score --------------------------------------------------------

def rouge_score_greedy(scorer, sents, refs):
    target = "\n".join(refs)
    selected, best = [], 0.0
    for _ in range(MAX_SENTENCES):
        cur_best, cur_id = best, -1
        for i in range(len(sents)):
            if i in selected:
                continue
            # The summary in document order, so bigrams cross sentence boundaries as in nutgraf.
            pred = "\n".join(sents[j] for j in sorted(selected + [i]))
            s = scorer.score(target, pred)
            score = s["rouge1"].fmeasure + s["rouge2"].fmeasure
            if score > cur_best:
                cur_best, cur_id = score, i
        if cur_id == -1:
            break
        selected.append(cur_id)
        best = cur_best
    return sorted(selected)


def time_python(kind, split, results, docs_limit, repeat, labels_out):
    docs = read_split(split, docs_limit)
    if kind == "set":
        label = "Python set-based greedy (PreSumm style)"
        run = lambda: [set_greedy(s, r) for _, s, r in docs]
    else:
        from rouge_score import rouge_scorer
        scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
        label = "Python greedy over rouge-score 0.1.2"
        run = lambda: [rouge_score_greedy(scorer, s, r) for _, s, r in docs]
    times, labels = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        labels = run()
        times.append(time.perf_counter() - t0)
    if labels_out:
        write_labels(labels_out, [d[0] for d in docs], labels)
    record(results, tool=label, docs=len(docs), threads=1, seconds=min(times),
           runs=times, timed="greedy loop in-process (sentences pre-split; no start-up)",
           labels=labels_out)


def time_cmd(label, docs, threads, results, repeat, labels_out, cmd):
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t0)
        if p.returncode != 0:
            print("%s failed (%d): %s" % (label, p.returncode, p.stderr.decode()[-500:]),
                  file=sys.stderr)
            return 1
        out = p.stdout
    n = sum(1 for line in out.splitlines() if line.strip())
    if n != int(docs):
        print("%s: expected %s output lines, got %d" % (label, docs, n), file=sys.stderr)
        return 1
    if labels_out:
        with open(labels_out, "wb") as f:
            f.write(out)
    record(results, tool=label, docs=n, threads=int(threads), seconds=min(times),
           runs=times, timed="whole command (start-up, reading, splitting, labelling)",
           labels=labels_out)
    return 0


def read_labels(path):
    with open(path) as f:
        return {r["id"]: sorted(r["indices"]) for r in map(json.loads, f) if r}


def report(results):
    rows = [json.loads(l) for l in open(results) if l.strip()]
    base = next((r for r in rows if r["tool"].startswith("nutgraf") and r["threads"] == 1), None)
    base_rate = base["docs"] / base["seconds"] if base else None
    print("| tool | threads | documents | seconds | docs/s | ms/doc | nutgraf -j1 is × faster "
          "per core |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        rate = r["docs"] / r["seconds"]
        per_core = rate / r["threads"]
        ratio = "%.3g×" % (base_rate / per_core) if base_rate else "–"
        print("| %s | %d | %d | %.3f | %.0f | %.3f | %s |" % (
            r["tool"], r["threads"], r["docs"], r["seconds"], rate, 1000 * r["seconds"] / r["docs"],
            ratio))
    full = [r for r in rows if r["tool"] == FULL_LABEL and r["threads"] == 2]
    if full:
        secs = full[-1]["seconds"]
        print()
        print("Whole training file (%d documents, read from .gz) with 2 threads: %.2f s; target "
              "under %.0f s: **%s**." % (full[-1]["docs"], secs, FULL_TARGET_S,
                                         "met" if secs < FULL_TARGET_S else "missed"))
    print()
    print("Python times: the greedy loop alone, best of its runs (sentences already split, no "
          "interpreter start-up); nutgraf times: the whole command, best of its runs (start-up, "
          "reading the .jsonl, tokenizing, labelling, writing JSONL; the raw-text rows also split "
          "the articles into sentences). The ratios are against the first nutgraf row, which "
          "labels the same pre-split sentences as the Python oracles.")
    if not base or not base.get("labels"):
        return
    ref = read_labels(base["labels"])
    print()
    for r in rows:
        if r is base or not r.get("labels") or not r["tool"].startswith("Python"):
            continue
        got = read_labels(r["labels"])
        same = sum(1 for k, v in got.items() if ref.get(k) == v)
        print("Agreement with nutgraf (greedy, R1 F + R2 F, clipped counts): %s picks the same "
              "sentence indices in %d of %d documents (%.1f%%)." % (
                  r["tool"], same, len(got), 100.0 * same / max(len(got), 1)))


def candidates(split, out, labels_path):
    """Write `{"candidate": [...], "reference": [...]}` lines: the oracle's sentences in document
    order, from LABELS (`{"id","indices"}` lines) or, without it, from the set-based greedy."""
    labels = read_labels(labels_path) if labels_path else None
    with open(out, "w") as f:
        for doc_id, sents, refs in read_split(split):
            idx = labels[doc_id] if labels is not None else set_greedy(sents, refs)
            f.write(json.dumps({"candidate": [sents[i] for i in sorted(idx)],
                                "reference": refs}) + "\n")


def quality(named):
    print("| labels | R-1 F | R-2 F | R-L F |")
    print("|---|---:|---:|---:|")
    for item in named:
        name, path = item.split("=", 1)
        with open(path) as f:
            c = json.load(f)["corpus"]
        print("| %s | %s |" % (name, " | ".join(
            "%.2f" % (100 * c[k]["f"]) for k in ("ROUGE-1", "ROUGE-2", "ROUGE-L"))))


def opt(argv, name, default=None):
    return argv[argv.index(name) + 1] if name in argv else default


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "head":
        n = int(argv[3])
        with gzip.open(argv[2], "rt", encoding="utf-8") as f, open(argv[4], "w") as o:
            for i, line in enumerate(f):
                if i >= n:
                    break
                o.write(line)
    elif cmd in ("set-greedy", "rouge-score-greedy"):
        docs = opt(argv, "--docs")
        time_python("set" if cmd == "set-greedy" else "rouge-score", argv[2], argv[3],
                    int(docs) if docs else None, int(opt(argv, "--repeat", "1")),
                    opt(argv, "--labels"))
    elif cmd == "timecmd":
        sep = argv.index("--")
        head = argv[:sep]
        return time_cmd(argv[2], argv[3], argv[4], argv[5], int(opt(head, "--repeat", "1")),
                        opt(head, "--labels"), argv[sep + 1:])
    elif cmd == "report":
        report(argv[2])
    elif cmd == "candidates":
        candidates(argv[2], argv[3], opt(argv, "--labels"))
    elif cmd == "quality":
        quality(argv[2:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
