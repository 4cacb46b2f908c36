#!/usr/bin/env python3
"""Helpers of scripts/bench-python.sh: nutgraf's Python package against its Python peers.

    bench_python.py run WORK RESULTS [--sumy-docs N] [--sumy-max-seconds S]
    bench_python.py child KIND ARGS_JSON        (one measurement, in its own process)
    bench_python.py report RESULTS

`run` times, each in a process of its own (so that "whole process" is start-up, imports,
reading the inputs, the work and exit, as a user's script pays it):

* ROUGE on the two pair sets of scripts/bench-rouge.sh (Lead-3 vs highlights of the 4,368
  validation documents, and the 10,000 synthetic pairs of shared/golden/synth), in two
  configurations: rouge-score's usual one (rouge1, rouge2, rougeL, rougeLsum with the stemmer)
  and the one rouge-rust supports (rouge1, rouge2, rougeL, no stemmer). Tools: rouge-score 0.1.2
  (its `.score()` loop), rouge-score-rs (its `.score()` loop and `score_batch` on 1 thread and
  all), rouge-rust (its `score()` loop and `score_batch`), nutgraf.rouge_score (the drop-in
  `.score()` loop, and `score_batch` with threads=1 and all);
* ROUGE-1.5.5 with the papers' flags through nutgraf.rouge155 on both sets (1 thread and all),
  beside the Perl script's recorded time (shared/golden/README.md: 167 s for synth);
* the summarizers on the same pre-split CNN/DailyMail sentences as scripts/bench-summarize.sh:
  sumy (one thread), nutgraf.Summarizer.summarize_batch with threads=1 and all, and a
  `.summarize()` loop.

Every ROUGE run reports its mean F per metric, and the table shows them, so that a fast wrong
answer is seen: all tools must agree.
"""

import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

CONFIGS = {
    "standard": (["rouge1", "rouge2", "rougeL", "rougeLsum"], True),
    "r12L-nostem": (["rouge1", "rouge2", "rougeL"], False),
}
PAPER = "-c 95 -2 -1 -U -r 1000 -n 2 -w 1.2 -a -m"
PERL_RECORDED = {"synth": 167.0}  # ROUGE-1.5.5, paper flags, one core (golden README)
METHODS = ["lead", "textrank", "lexrank", "lsa", "luhn", "sumbasic", "klsum", "centroid", "pacsum", "summarunner"]
SUMY_METHODS = ["textrank", "lexrank", "lsa", "luhn", "sumbasic", "klsum"]


def cpu_count():
    return os.cpu_count() or 1


# --- children: one measurement each --------------------------------------------------------


def child_rouge(a):
    from bench_rouge import read_pairs

    cands, refs = read_pairs(a["prefix"])
    types, stem = CONFIGS[a["config"]]
    tool, mode = a["tool"], a["mode"]
    if tool == "rouge-score":
        from rouge_score import rouge_scorer

        scorer = rouge_scorer.RougeScorer(types, use_stemmer=stem)
    elif tool == "rouge-score-rs":
        from rouge_score_rs import rouge_scorer

        scorer = rouge_scorer.RougeScorer(types, use_stemmer=stem)
    elif tool == "nutgraf":
        from nutgraf.rouge_score import rouge_scorer

        scorer = rouge_scorer.RougeScorer(types, use_stemmer=stem)
    elif tool == "rouge-rust":
        import fast_rouge

        assert not stem and "rougeLsum" not in types
    t0, c0 = time.perf_counter(), time.process_time()
    if tool == "rouge-rust":
        if mode == "loop":
            out = [fast_rouge.score(r, c) for c, r in zip(cands, refs)]
        else:
            out = fast_rouge.score_batch(refs, cands)
        out = [{t: o[t] for t in types} for o in out]
    elif mode == "loop":
        out = [scorer.score(r, c) for c, r in zip(cands, refs)]
    elif tool == "nutgraf":
        out = scorer.score_batch(refs, cands, threads=a["threads"])
    else:
        out = scorer.score_batch(refs, cands)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    mean_f = {t: sum(o[t].fmeasure for o in out) / len(out) for t in types}
    return {"pairs": len(out), "seconds": seconds, "cpu": cpu, "mean_f": mean_f}


def child_perl(a):
    from bench_rouge import SEP

    def lines(path):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        return [line.split(SEP) for line in text.rstrip("\n").split("\n")]

    from nutgraf.rouge155 import Rouge155

    cands = lines(a["prefix"] + ".cand.txt")
    refs = lines(a["prefix"] + ".ref.txt")
    rouge = Rouge155(PAPER)
    t0, c0 = time.perf_counter(), time.process_time()
    scores = rouge.score(cands, refs, threads=a["threads"])
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "pairs": len(cands),
        "seconds": seconds,
        "cpu": cpu,
        "f": {m: scores[f"rouge_{m}_f_score"] for m in ("1", "2", "l")},
    }


def read_docs(path, limit=None):
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line)["sentences"] for line in f if line.strip()]
    return docs[:limit] if limit else docs


def child_sumy(a):
    """sumy on the documents, one method, one thread (as scripts/bench_sumy.py times it)."""
    from bench_sumy import PreSplitTokenizer, summarizers
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    docs = read_docs(a["docs_path"])
    tokenizer = PreSplitTokenizer()
    summarizer = summarizers()[a["method"]](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    done = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for sentences in docs:
        document = ObjectDocumentModel((Paragraph([Sentence(s, tokenizer) for s in sentences]),))
        assert len(summarizer(document, 3)) <= 3
        done += 1
        if time.perf_counter() - t0 > a["max_seconds"]:
            break
    return {"docs": done, "seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0}


def child_summarize(a):
    import nutgraf

    docs = read_docs(a["docs_path"], a.get("limit"))
    summarizer = nutgraf.Summarizer(a["method"], 3)
    passes = []
    # The first pass builds the per-thread caches of the analysis (word -> terms memo); the
    # second runs with them built, as in a long-running process (and as the Rust benchmark
    # examples/bench_methods.rs measures, after its analysis pass).
    for _ in range(2):
        t0, c0 = time.perf_counter(), time.process_time()
        if a["mode"] == "loop":
            out = [summarizer.summarize(d) for d in docs]
        else:
            out = summarizer.summarize_batch(docs, threads=a["threads"])
        passes.append((time.perf_counter() - t0, time.process_time() - c0))
        assert all(len(s.summary) <= 3 for s in out)
    (seconds, cpu), (warm, warm_cpu) = passes
    return {"docs": len(out), "seconds": seconds, "cpu": cpu, "warm": warm, "warm_cpu": warm_cpu}


CHILDREN = {"rouge": child_rouge, "perl": child_perl, "sumy": child_sumy, "summarize": child_summarize}


# --- the runner ----------------------------------------------------------------------------


def measure(results, kind, env=None, **args):
    """Runs one child, timing the whole process; appends its record to RESULTS."""
    cmd = [sys.executable, os.path.abspath(__file__), "child", kind, json.dumps(args)]
    environment = dict(os.environ, **(env or {}))
    import resource

    def children_cpu():
        u = resource.getrusage(resource.RUSAGE_CHILDREN)
        return u.ru_utime + u.ru_stime

    t0, c0 = time.perf_counter(), children_cpu()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)
    whole, whole_cpu = time.perf_counter() - t0, children_cpu() - c0
    if p.returncode != 0:
        print(f"{kind} {args} failed: {p.stderr.decode()[-800:]}", file=sys.stderr)
        return
    record = dict(
        json.loads(p.stdout.decode().strip().splitlines()[-1]), kind=kind, whole=whole, whole_cpu=whole_cpu, **args
    )
    with open(results, "a") as f:
        f.write(json.dumps(record) + "\n")
    print(json.dumps(record), file=sys.stderr, flush=True)


def run(args):
    from bench_rouge import prepare
    from bench_sumy import split_article

    import gzip

    work, results = args.work, args.results
    shared = os.environ.get("SHARED", os.path.join(HERE, "..", "..", "shared"))
    prepare(shared, work)
    # The summarizers' documents, split as scripts/bench_sumy.py splits them.
    docs_path = os.path.join(work, "docs.jsonl")
    with gzip.open(os.path.join(shared, "data/cnndm/validation.jsonl.gz"), "rt", encoding="utf-8") as src, open(
        docs_path, "w", encoding="utf-8"
    ) as out:
        for line in src:
            out.write(json.dumps({"sentences": split_article(json.loads(line)["article"])}) + "\n")
    sumy_docs = os.path.join(work, "sumy_docs.jsonl")
    with open(docs_path, encoding="utf-8") as src, open(sumy_docs, "w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i >= args.sumy_docs:
                break
            out.write(line)
    all_cores = cpu_count()
    only = set(args.only.split(",")) if args.only else {"rouge", "perl", "summarize"}
    one = {"RAYON_NUM_THREADS": "1"}
    every = {"RAYON_NUM_THREADS": str(all_cores)}
    for set_name in ("lead3", "synth") if only & {"rouge", "perl"} else ():
        prefix = os.path.join(work, set_name)
        for config in CONFIGS if "rouge" in only else ():
            common = dict(prefix=prefix, set=set_name, config=config)
            measure(results, "rouge", tool="rouge-score", mode="loop", threads=1, **common)
            measure(results, "rouge", one, tool="rouge-score-rs", mode="loop", threads=1, **common)
            measure(results, "rouge", one, tool="rouge-score-rs", mode="batch", threads=1, **common)
            measure(results, "rouge", every, tool="rouge-score-rs", mode="batch", threads=all_cores, **common)
            if config == "r12L-nostem":
                measure(results, "rouge", one, tool="rouge-rust", mode="loop", threads=1, **common)
                measure(results, "rouge", one, tool="rouge-rust", mode="batch", threads=1, **common)
                measure(results, "rouge", every, tool="rouge-rust", mode="batch", threads=all_cores, **common)
            measure(results, "rouge", tool="nutgraf", mode="loop", threads=1, **common)
            measure(results, "rouge", tool="nutgraf", mode="batch", threads=1, **common)
            measure(results, "rouge", tool="nutgraf", mode="batch", threads=all_cores, **common)
        for threads in (1, all_cores) if "perl" in only else ():
            measure(results, "perl", prefix=prefix, set=set_name, threads=threads)
    if "summarize" not in only:
        return
    for method in SUMY_METHODS:
        measure(results, "sumy", docs_path=sumy_docs, method=method, max_seconds=args.sumy_max_seconds)
    for method in METHODS:
        measure(results, "summarize", docs_path=sumy_docs, method=method, mode="loop", threads=1)
        measure(results, "summarize", docs_path=sumy_docs, method=method, mode="batch", threads=1)
        measure(results, "summarize", docs_path=docs_path, method=method, mode="batch", threads=all_cores)


# --- the report ----------------------------------------------------------------------------


def report(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    rouge = [r for r in rows if r["kind"] == "rouge"]
    print("### ROUGE (rouge-score's metrics)\n")
    print(
        "Scoring = the scoring call(s) alone; whole process = `python` start-up, imports, reading the"
        " pairs, scoring, exit. Ratios are rouge-score's time over the row's (same set, same"
        " configuration).\n"
    )
    print(
        "| set | metrics | tool | call | threads | pairs | scoring s (CPU s) | pairs/s | vs rouge-score |"
        " whole process s (CPU s) | vs rouge-score (whole) | mean F |"
    )
    print("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
    base = {(r["set"], r["config"]): r for r in rouge if r["tool"] == "rouge-score"}
    for r in rouge:
        b = base.get((r["set"], r["config"]))
        call = ".score() loop" if r["mode"] == "loop" else "score_batch"
        if r["tool"] == "rouge-rust":
            call = "score() loop" if r["mode"] == "loop" else "score_batch"
        metrics = "r1/r2/rL/rLsum, stem" if r["config"] == "standard" else "r1/r2/rL, no stem"
        ratio = f"{b['seconds'] / r['seconds']:.0f}×" if b else "–"
        wratio = f"{b['whole'] / r['whole']:.1f}×" if b else "–"
        f = "/".join(f"{v:.4f}" for v in r["mean_f"].values())
        print(
            f"| {r['set']} | {metrics} | {r['tool']} | {call} | {r['threads']} | {r['pairs']} |"
            f" {r['seconds']:.3f} ({r['cpu']:.3f}) | {r['pairs'] / r['seconds']:.0f} | {ratio} |"
            f" {r['whole']:.2f} ({r['whole_cpu']:.2f}) | {wratio} | {f} |"
        )
    perl = [r for r in rows if r["kind"] == "perl"]
    print("\n### ROUGE-1.5.5 with the papers' flags (`-c 95 -2 -1 -U -r 1000 -n 2 -w 1.2 -a -m`)\n")
    print("| set | tool | threads | pairs | scoring s (CPU s) | whole process s | ROUGE-1.5.5 (Perl), recorded | ratio | F R-1/R-2/R-L |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for r in perl:
        rec = PERL_RECORDED.get(r["set"])
        f = "/".join(f"{v:.5f}" for v in r["f"].values())
        recorded = "%.0f s" % rec if rec else "–"
        ratio = "%.0f×" % (rec / r["seconds"]) if rec else "–"
        print(
            f"| {r['set']} | nutgraf.rouge155 | {r['threads']} | {r['pairs']} | {r['seconds']:.3f} ({r['cpu']:.3f}) | {r['whole']:.2f} |"
            f" {recorded} | {ratio} | {f} |"
        )
    sumy = {r["method"]: r for r in rows if r["kind"] == "sumy"}
    summ = [r for r in rows if r["kind"] == "summarize"]
    print("\n### Summarizers (3 sentences, the same pre-split sentences, docs/s)\n")
    print(
        "First pass: the first call in a fresh process, which also fills the analysis's per-thread"
        " caches; second pass: the same call again. sumy runs once (its cost does not change).\n"
    )
    print(
        "| method | sumy (docs) | `.summarize()` loop, 1st / 2nd pass | vs sumy | `summarize_batch` 1 thread,"
        " 1st / 2nd pass | vs sumy | `summarize_batch` all threads, whole validation set, 1st / 2nd pass |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for method in METHODS:
        mine = {(r["mode"], r["threads"] == 1): r for r in summ if r["method"] == method}
        loop, batch1, batch_all = mine.get(("loop", True)), mine.get(("batch", True)), mine.get(("batch", False))
        s = sumy.get(method)
        rate = lambda r, k="seconds": r["docs"] / r[k]
        cell = lambda r: f"{rate(r):.0f} / {rate(r, 'warm'):.0f}" if r else "–"
        vs = lambda r: f"{rate(r) / rate(s):.0f}× / {rate(r, 'warm') / rate(s):.0f}×" if r and s else "–"
        sumy_cell = f"{rate(s):.1f} ({s['docs']})" if s else "–"
        all_cell = (
            f"{batch_all['seconds']:.2f} s / {batch_all['warm']:.2f} s ({batch_all['docs']} docs, {batch_all['threads']} threads)"
            if batch_all
            else "–"
        )
        print(f"| {method} | {sumy_cell} | {cell(loop)} | {vs(loop)} | {cell(batch1)} | {vs(batch1)} | {all_cell} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("work")
    r.add_argument("results")
    r.add_argument("--sumy-docs", type=int, default=1000)
    r.add_argument("--sumy-max-seconds", type=float, default=60.0)
    r.add_argument("--only", default="", help="comma-separated: rouge, perl, summarize")
    c = sub.add_parser("child")
    c.add_argument("kind")
    c.add_argument("args")
    p = sub.add_parser("report")
    p.add_argument("results")
    args = parser.parse_args()
    if args.command == "run":
        run(args)
    elif args.command == "child":
        print(json.dumps(CHILDREN[args.kind](json.loads(args.args))))
    else:
        report(args.results)


if __name__ == "__main__":
    main()
