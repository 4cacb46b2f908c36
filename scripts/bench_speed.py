#!/usr/bin/env python3
"""Helpers of scripts/bench-speed.sh: the inputs, whole-process timing, the peers, the report.

    bench_speed.py prepare SHARED WORK [--pairs N] [--big-mb MB]
    bench_speed.py timecmd ROW LABEL UNITS UNIT RESULTS [--repeat R] [--stdin FILE] [--method M]
                          -- CMD...
    bench_speed.py rouge-score ROW PREFIX RESULTS
    bench_speed.py set-greedy ROW SPLIT RESULTS
    bench_speed.py sumy ROW DOCS RESULTS --methods a,b [--max-seconds S]
    bench_speed.py splitter ROW RESULTS -- CMD...
    bench_speed.py report RESULTS

`prepare` writes into WORK:
- docs.jsonl: the first 1,000 validation records as they are (raw JSONL, what users run);
- sents.jsonl: the same documents split for sumy (scripts/bench_sumy.py's split);
- validation.jsonl: the whole validation file, decompressed (the lead throughput input);
- pairs.cand.txt / pairs.ref.txt: N (default 11,260) Lead-3 / highlights pairs, one summary a
  line, sentences joined by " <q> ": the 4,368 validation documents, then the first training
  documents (scripts/bench_rouge.py's Lead-3);
- big.jsonl: one record whose article is training articles joined by " " until it holds
  MB (default 50) million bytes, and big-quarter.jsonl: the same built to a quarter of the size
  (for the memory slope).

Every timing appends a JSON line to RESULTS: the row of the table it belongs to (ROW), a label,
units done (documents, pairs or bytes), seconds (best of the repeats) and, for commands, the
peak resident set of the process (from wait4, so it is the command's own). `report` prints the
table: every row of issue 14 with nutgraf's rate, the peer's rate and their ratio.
"""

import gzip
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import bench_oracle  # noqa: E402
import bench_rouge  # noqa: E402
import bench_sumy  # noqa: E402

SEP = " <q> "


opt = bench_oracle.opt


def record(results, **kw):
    with open(results, "a") as f:
        f.write(json.dumps(kw) + "\n")
    print(json.dumps({k: v for k, v in kw.items() if k != "stdout_tail"}), file=sys.stderr)


# --- inputs ---------------------------------------------------------------------------------------

def records(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield line, json.loads(line)


def prepare(shared, work, n_pairs, big_mb):
    os.makedirs(work, exist_ok=True)
    val = os.path.join(shared, "data/cnndm/validation.jsonl.gz")
    train = os.path.join(shared, "data/cnndm/train.jsonl.gz")
    with open(os.path.join(work, "validation.jsonl"), "w", encoding="utf-8") as all_out, \
            open(os.path.join(work, "docs.jsonl"), "w", encoding="utf-8") as docs, \
            open(os.path.join(work, "sents.jsonl"), "w", encoding="utf-8") as sents:
        for i, (line, d) in enumerate(records(val)):
            all_out.write(line)
            if i < 1000:
                docs.write(line)
                sents.write(json.dumps({"id": d["id"],
                                        "sentences": bench_sumy.split_article(d["article"])}) + "\n")
    n = 0
    with open(os.path.join(work, "pairs.cand.txt"), "w") as c, \
            open(os.path.join(work, "pairs.ref.txt"), "w") as r:
        for path in (val, train):
            for _, d in records(path):
                if n == n_pairs:
                    break
                c.write(SEP.join(bench_rouge.clean(s) for s in bench_rouge.lead3(d["article"])) + "\n")
                r.write(SEP.join(bench_rouge.clean(s) for s in d["highlights"]) + "\n")
                n += 1
    for name, size in (("big.jsonl", big_mb * 10**6), ("big-quarter.jsonl", big_mb * 10**6 // 4)):
        parts, total = [], 0
        for _, d in records(train):
            if total >= size:
                break
            a = " ".join(d["article"].split())
            parts.append(a)
            total += len(a.encode("utf-8")) + 1
        with open(os.path.join(work, name), "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": name, "article": " ".join(parts), "highlights": []}) + "\n")
    print("prepared %s: %d pairs, big document %d MB" % (work, n, big_mb), file=sys.stderr)


# --- timing ---------------------------------------------------------------------------------------

def time_cmd(row, label, units, unit, results, repeat, stdin, method, cmd):
    """Best wall time of REPEAT runs of CMD, and its peak RSS (wait4's rusage of that child)."""
    times, rss = [], 0
    out = b""
    for _ in range(repeat):
        t0 = time.perf_counter()
        inp = open(stdin, "rb") if stdin else subprocess.DEVNULL
        p = subprocess.Popen(cmd, stdin=inp, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        chunks = []
        while True:
            b = p.stdout.read(1 << 20)
            if not b:
                break
            chunks.append(b)
        err = p.stderr.read()
        _, status, usage = os.wait4(p.pid, 0)
        times.append(time.perf_counter() - t0)
        if stdin:
            inp.close()
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            print("%s failed (%d): %s" % (label, code, err.decode()[-800:]), file=sys.stderr)
            return 1
        rss = max(rss, usage.ru_maxrss)
        out = b"".join(chunks)
    record(results, row=row, tool=label, method=method, units=float(units), unit=unit,
           seconds=min(times), runs=times, peak_rss_kib=rss, stdout_bytes=len(out),
           stdout_tail=out[-300:].decode("utf-8", "replace"))
    return 0


def time_rouge_score(row, prefix, results):
    from rouge_score import rouge_scorer
    cands, refs = bench_rouge.read_pairs(prefix)
    types = ["rouge1", "rouge2", "rougeLsum"]
    scorer = rouge_scorer.RougeScorer(types, use_stemmer=True)
    t0 = time.perf_counter()
    out = [scorer.score(r, c) for c, r in zip(cands, refs)]
    secs = time.perf_counter() - t0
    mean_f = {t: sum(o[t].fmeasure for o in out) / len(out) for t in types}
    record(results, row=row, tool="rouge-score 0.1.2 (scoring loop in-process)",
           units=len(out), unit="pairs", seconds=secs, mean_f=mean_f)


def time_set_greedy(row, split, results):
    docs = bench_oracle.read_split(split)
    t0 = time.perf_counter()
    for _, s, r in docs:
        bench_oracle.set_greedy(s, r)
    secs = time.perf_counter() - t0
    record(results, row=row, tool="Python set-based greedy, pre-split sentences (loop in-process)",
           units=len(docs), unit="docs", seconds=secs)


def time_sumy(row, docs, results, methods, max_seconds):
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    p = subprocess.run([sys.executable, os.path.join(HERE, "bench_sumy.py"), "time", docs,
                        "--methods", methods, "--max-seconds", str(max_seconds)],
                       stdout=subprocess.PIPE, env=env, check=True)
    for line in p.stdout.decode().splitlines():
        name, n, secs, _ = line.split("\t")
        record(results, row="%s:%s" % (row, name), tool="sumy 0.13 %s (summarize only)" % name,
               units=int(n), unit="docs", seconds=float(secs))


def time_splitter(row, results, cmd):
    """The split_bench example prints `… in S s, X MB/s`: record its own measurement."""
    p = subprocess.run(cmd, stdout=subprocess.PIPE, check=True)
    line = p.stdout.decode().strip().splitlines()[-1]
    words = line.replace(",", "").split()
    mbs = float(words[words.index("MB/s") - 1])
    secs = float(words[words.index("s") - 1])
    record(results, row=row, tool="splitter alone (split_bench example, in-process)",
           units=mbs * secs * 1e6, unit="bytes", seconds=secs, note=line)


# --- report ---------------------------------------------------------------------------------------

def rate(r):
    return r["units"] / r["seconds"]


def fmt_rate(r):
    if r["unit"] == "bytes":
        return "%.1f MB/s" % (rate(r) / 1e6)
    return "%.0f %s/s" % (rate(r), r["unit"])


def report(results):
    rows = [json.loads(l) for l in open(results) if l.strip()]
    by = {}
    for r in rows:
        by.setdefault(r["row"], []).append(r)

    def get(row, prefix=""):
        return [r for r in by.get(row, []) if r["tool"].startswith(prefix)]

    print("| work | nutgraf (whole process, 1 thread) | peer | ratio | target | met |")
    print("|---|---|---|---:|---|---|")

    def ratio_row(work, ours, peer, target):
        if not ours or not peer:
            return
        ratio = rate(ours) / rate(peer)
        print("| %s | %s (%.3f s) | %s: %s | %.1f× | ≥ %g× | %s |" % (
            work, fmt_rate(ours), ours["seconds"], peer["tool"], fmt_rate(peer), ratio, target,
            "yes" if ratio >= target else "**no**"))

    peer = (get("rouge") or [None])[0]
    for r in get("rouge", "nutgraf"):
        ratio_row("`%s`" % r["tool"], r, peer, 100)
    peer = (get("oracle", "Python") or [None])[0]
    for r in get("oracle", "nutgraf"):
        ratio_row("`%s`" % r["tool"], r, peer, 20)
    for key in sorted(k for k in by if k.startswith("summarize:")):
        ours = (get(key, "nutgraf") or [None])[0]
        peer = (get(key, "sumy") or [None])[0]
        ratio_row("`%s`" % (ours["tool"] if ours else key), ours, peer, 100)
    for r in get("lead"):
        target = 150 if r["tool"].startswith("splitter") else 80
        mbs = rate(r) / 1e6
        print("| %s | %.1f MB/s (%.3f s) | – | – | ≥ %d MB/s | %s |" % (
            r["tool"] if r["tool"].startswith("splitter") else "`%s`" % r["tool"], mbs,
            r["seconds"], target, "yes" if mbs >= target else "**no**"))
    print()
    big = get("big")
    if big:
        print("| one document | method | wall s | peak RSS MB | RSS / input | target |")
        print("|---|---|---:|---:|---:|---|")
        for r in big:
            mb = r["peak_rss_kib"] * 1024 / 1e6
            graph = r["method"] in ("textrank", "lexrank", "pacsum")
            met = "yes" if r["seconds"] <= 10 and mb <= 600 else "**no**"
            print("| %.1f MB | %s | %.2f | %.0f | %.1f× | %s |" % (
                r["units"] / 1e6, r["method"], r["seconds"], mb, r["peak_rss_kib"] * 1024 / r["units"],
                ("≤ 10 s, ≤ 600 MB: " + met) if graph and r["units"] > 4e7 else "linear"))


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "prepare":
        prepare(argv[2], argv[3], int(opt(argv, "--pairs", "11260")), int(opt(argv, "--big-mb", "50")))
    elif cmd == "timecmd":
        sep = argv.index("--")
        head = argv[:sep]
        return time_cmd(argv[2], argv[3], argv[4], argv[5], argv[6], int(opt(head, "--repeat", "1")),
                        opt(head, "--stdin"), opt(head, "--method"), argv[sep + 1:])
    elif cmd == "rouge-score":
        time_rouge_score(argv[2], argv[3], argv[4])
    elif cmd == "set-greedy":
        time_set_greedy(argv[2], argv[3], argv[4])
    elif cmd == "sumy":
        time_sumy(argv[2], argv[3], argv[4], opt(argv, "--methods"), float(opt(argv, "--max-seconds", "120")))
    elif cmd == "splitter":
        sep = argv.index("--")
        time_splitter(argv[2], argv[3], argv[sep + 1:])
    elif cmd == "report":
        report(argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
