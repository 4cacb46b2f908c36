#!/usr/bin/env python3
"""Helpers of scripts/bench-rouge.sh: prepare the pair sets, time the Python ROUGE peers and
external commands, and print the results as a markdown table.

    bench_rouge.py prepare SHARED OUTDIR
    bench_rouge.py python {rouge-score,rouge-score-rs} SET_PREFIX RESULTS [--threads N]
    bench_rouge.py timecmd LABEL SET_PREFIX THREADS RESULTS -- CMD...
    bench_rouge.py report RESULTS

SET_PREFIX names OUTDIR/<set>: files <prefix>.cand.txt and <prefix>.ref.txt, one summary per
line, sentences separated by " <q> ". RESULTS is a JSON-lines file that each run appends to.
"""

import gzip
import json
import os
import resource
import subprocess
import sys
import time

SEP = " <q> "
TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


def lead3(article):
    """First 3 sentences of a tokenized CNN/DM article, split on " . " boundaries."""
    parts = [p.strip() for p in article.replace("\n", " ").split(" . ")]
    sents = []
    for i, p in enumerate(parts):
        if not p:
            continue
        last = i == len(parts) - 1
        sents.append(p if last and p.endswith(".") else p + " .")
        if len(sents) == 3:
            break
    return sents


def clean(s):
    return " ".join(s.replace(SEP.strip(), " ").split())


def prepare(shared, out):
    os.makedirs(out, exist_ok=True)
    with gzip.open(os.path.join(shared, "data/cnndm/validation.jsonl.gz"), "rt") as f, \
            open(os.path.join(out, "lead3.cand.txt"), "w") as c, \
            open(os.path.join(out, "lead3.ref.txt"), "w") as r:
        n = 0
        for line in f:
            d = json.loads(line)
            c.write(SEP.join(clean(s) for s in lead3(d["article"])) + "\n")
            r.write(SEP.join(clean(s) for s in d["highlights"]) + "\n")
            n += 1
    print("lead3: %d pairs" % n, file=sys.stderr)
    for side in ("cand", "ref"):
        src = os.path.join(shared, "golden/synth/synth.%s.txt.gz" % side)
        with gzip.open(src, "rb") as f, open(os.path.join(out, "synth.%s.txt" % side), "wb") as o:
            o.write(f.read())


def read_pairs(prefix):
    def lines(path):
        with open(path, "rb") as f:
            d = f.read().decode("utf-8", "surrogateescape")
        if d.endswith("\n"):
            d = d[:-1]
        return d.split("\n") if d else []

    cands = lines(prefix + ".cand.txt")
    refs = lines(prefix + ".ref.txt")
    assert len(cands) == len(refs), (len(cands), len(refs))
    # "\n"-joined sentences: rougeLsum sees the sentences, rouge1/2/L the same tokens as with
    # " "-joined ones, so one call per pair gives the golden files' values.
    join = lambda s: "\n".join(x.strip() for x in s.split(SEP))
    return [join(c) for c in cands], [join(r) for r in refs]


def record(results, **kw):
    with open(results, "a") as f:
        f.write(json.dumps(kw) + "\n")
    print(json.dumps(kw), file=sys.stderr)


def time_python(impl, prefix, results, threads):
    cands, refs = read_pairs(prefix)
    if impl == "rouge-score":
        from rouge_score import rouge_scorer
    else:
        from rouge_score_rs import rouge_scorer
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    if impl == "rouge-score":
        out = [scorer.score(r, c) for c, r in zip(cands, refs)]
    else:
        out = scorer.score_batch(refs, cands)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    mean_f = {t: sum(o[t].fmeasure for o in out) / len(out) for t in TYPES}
    record(results, tool=impl, set=os.path.basename(prefix), threads=threads,
           pairs=len(out), seconds=wall, cpu_seconds=cpu, mean_f=mean_f)


def time_cmd(label, prefix, threads, results, cmd):
    n = len(read_pairs(prefix)[0])
    def children_cpu():
        u = resource.getrusage(resource.RUSAGE_CHILDREN)
        return u.ru_utime + u.ru_stime

    t0, c0 = time.perf_counter(), children_cpu()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall, cpu = time.perf_counter() - t0, children_cpu() - c0
    if p.returncode != 0:
        print("%s failed (%d): %s" % (label, p.returncode, p.stderr.decode()[-500:]),
              file=sys.stderr)
        return 1
    # The example prints "<metric> P <p> R <r> F <f>" lines: keep the mean F to cross-check.
    mean_f = {}
    for line in p.stdout.decode().splitlines():
        f = line.split()
        if len(f) == 7 and f[0] in TYPES and f[5] == "F":
            mean_f[f[0]] = float(f[6])
    record(results, tool=label, set=os.path.basename(prefix), threads=threads, pairs=n,
           seconds=wall, cpu_seconds=cpu, stdout_tail=p.stdout.decode()[-400:],
           **({"mean_f": mean_f} if len(mean_f) == len(TYPES) else {}))
    return 0


def report(results):
    rows = [json.loads(l) for l in open(results) if l.strip()]
    base = {}
    for r in rows:
        if r["tool"] == "rouge-score":
            base[r["set"]] = r["seconds"]
    print("| set | tool | threads | pairs | wall s | CPU s | pairs/s (wall) | vs rouge-score (wall)"
          " | mean F r1/r2/rL/rLsum |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        b = base.get(r["set"])
        ratio = "%.1fx" % (b / r["seconds"]) if b else "-"
        f = r.get("mean_f")
        fs = "/".join("%.4f" % f[t] for t in TYPES) if f else ""
        cpu = "%.3f" % r["cpu_seconds"] if "cpu_seconds" in r else "-"
        print("| %s | %s | %s | %d | %.3f | %s | %.0f | %s | %s |" % (
            r["set"], r["tool"], r["threads"], r["pairs"], r["seconds"], cpu,
            r["pairs"] / r["seconds"], ratio, fs))


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "prepare":
        prepare(argv[2], argv[3])
    elif cmd == "python":
        threads = argv[argv.index("--threads") + 1] if "--threads" in argv else "1"
        time_python(argv[2], argv[3], argv[4], threads)
    elif cmd == "timecmd":
        sep = argv.index("--")
        return time_cmd(argv[2], argv[3], argv[4], argv[5], argv[sep + 1:])
    elif cmd == "report":
        report(argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
