#!/usr/bin/env python3
"""Load benchmark of `nutgraf serve` (a benchmark, not a test): wrk against the server on
127.0.0.1 with CNN/DailyMail validation articles, and the CLI on the same articles.

  apt-get install -y wrk && cargo build --release
  scripts/server_load.py [--bin target/release/nutgraf] [--seconds 10] [--out docs/BENCHMARKS-server.md]

Phases:
  1. requests/s and latency for lead, textrank and summarunner at 1, 16 and 256 connections, one
     article per request (server --queue 256, so that 256 connections are admitted), the server's
     peak RSS;
  2. batches of 32 articles per request, documents/s, against the CLI's docs/s on the same
     articles and cores;
  3. overload: 1024 connections of SummaRuNNer against the default queue (64): only 2xx and 503
     allowed, RSS bounded, then recovery (all 200, latency back to normal, queue empty);
  4. slow clients while lead runs at 16 connections: headers that never end (cut at the header
     timeout), bodies that trickle (504 at --timeout) and bodies that never end (413 at --max-body).
Every request loop is bounded in time and only 127.0.0.1 is contacted.
"""

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VALIDATION = os.path.join(ROOT, "..", "shared", "data", "cnndm", "validation.jsonl.gz")
LUA = os.path.join(ROOT, "scripts", "server_load.lua")
METHODS = ["lead", "textrank", "summarunner"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary, *flags):
        self.port = free_port()
        self.proc = subprocess.Popen([binary, "serve", "--addr", f"127.0.0.1:{self.port}", *flags],
                                     stderr=subprocess.DEVNULL)
        for _ in range(300):
            try:
                with urllib.request.urlopen(self.url("/readyz"), timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        self.peak = 0
        self._stop = False
        threading.Thread(target=self._sample, daemon=True).start()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0

    def _sample(self):
        while not self._stop and self.proc.poll() is None:
            try:
                self.peak = max(self.peak, self.rss_mb())
            except OSError:
                return
            time.sleep(0.02)

    def reset_peak(self):
        self.peak = self.rss_mb()

    def metric(self, name):
        with urllib.request.urlopen(self.url("/metrics")) as r:
            for line in r.read().decode().splitlines():
                if line.startswith(name + " ") or line.startswith(name + "{"):
                    return float(line.rsplit(" ", 1)[1])
        return None

    def stop(self):
        self._stop = True
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=60)


def wrk(server, bodies, connections, seconds, threads=1, path="/v1/summarize"):
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", LUA,
         server.url(path), "--", bodies],
        capture_output=True, text=True, check=True)
    line = next(l for l in out.stdout.splitlines() if l.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


def cli_docs_per_s(binary, corpus, method, output):
    out = subprocess.run([binary, "summarize", corpus, "-m", method, "-o", output, "-j", "2"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    return float(re.search(r"([\d.]+) docs/s", out.stderr).group(1))


def slow_clients(server, seconds, results):
    """Opens misbehaving connections and records what the server did with each."""
    host, port = "127.0.0.1", server.port

    def slowloris(i):
        s = socket.create_connection((host, port))
        start = time.time()
        s.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\n")
        s.settimeout(0.5)
        outcome = "open"
        while time.time() - start < seconds + 15:
            try:
                s.sendall(b"X")
                if s.recv(1) == b"":
                    outcome = "closed"
                    break
            except socket.timeout:
                continue
            except OSError:
                outcome = "closed"
                break
        results.append(("headers never end", outcome, time.time() - start))
        s.close()

    def trickle(i, endless):
        s = socket.create_connection((host, port))
        start = time.time()
        s.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n")
        s.setblocking(False)
        chunk = b"2000\r\n" + b" " * 0x2000 + b"\r\n" if endless else b"1\r\n \r\n"
        answer = b""
        while time.time() - start < seconds + 15:
            try:
                answer += s.recv(4096)
                if b"\r\n\r\n" in answer:
                    break
            except BlockingIOError:
                pass
            except OSError:
                break
            try:
                s.send(chunk)
            except (BlockingIOError, OSError):
                pass
            time.sleep(0.0005 if endless else 0.2)
        status = answer.split(b" ", 2)[1].decode() if answer.startswith(b"HTTP/1.1") else "none"
        results.append(("body never ends" if endless else "body trickles", status, time.time() - start))
        s.close()

    threads = [threading.Thread(target=slowloris, args=(i,)) for i in range(100)]
    threads += [threading.Thread(target=trickle, args=(i, False)) for i in range(50)]
    threads += [threading.Thread(target=trickle, args=(i, True)) for i in range(10)]
    for t in threads:
        t.start()
    return threads


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "nutgraf"))
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--docs", type=int, default=4368)
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "BENCHMARKS-server.md"))
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    S = args.seconds
    tmp = tempfile.mkdtemp(prefix="nutgraf-load-")
    records = [json.loads(l) for l, _ in zip(gzip.open(VALIDATION, "rt", encoding="utf-8"), range(args.docs))]
    corpus = os.path.join(tmp, "corpus.jsonl")
    with open(corpus, "w") as f:
        for r in records:
            f.write(json.dumps({"id": r["id"], "article": r["article"]}) + "\n")
    bodies, batches = {}, {}
    for m in METHODS:
        bodies[m] = os.path.join(tmp, f"{m}.bodies")
        with open(bodies[m], "w") as f:
            for r in records:
                f.write(json.dumps({"text": r["article"], "config": {"method": m}}) + "\n")
        batches[m] = os.path.join(tmp, f"{m}.batches")
        with open(batches[m], "w") as f:
            for i in range(0, len(records), 32):
                docs = [{"text": r["article"]} for r in records[i:i + 32]]
                f.write(json.dumps({"documents": docs, "config": {"method": m}}) + "\n")
    load_before = os.getloadavg()

    def say(*a):
        print(*a, flush=True)

    # 1. One article per request.
    server = Server(binary, "--workers", "2", "--queue", "256")
    say(f"server up, RSS {server.rss_mb():.0f} MB")
    idle_rss = server.rss_mb()
    single = []
    for m in METHODS:
        for c in [1, 16, 256]:
            server.reset_peak()
            r = wrk(server, bodies[m], c, S)
            r.update(method=m, connections=c, rss_mb=server.peak)
            single.append(r)
            say(m, c, r)
    # 2. Batches of 32.
    batch = []
    for m in METHODS:
        server.reset_peak()
        r = wrk(server, batches[m], 4, S)
        r.update(method=m, connections=4, rss_mb=server.peak, docs_per_s=r["rps"] * 32)
        batch.append(r)
        say("batch", m, r)
    assert server.stop() == 0
    cli = {m: (cli_docs_per_s(binary, corpus, m, "jsonl"), cli_docs_per_s(binary, corpus, m, "json")) for m in METHODS}
    say("cli", cli)

    # 3. Overload against the default queue.
    server = Server(binary, "--workers", "2")
    server.reset_peak()
    overload = wrk(server, bodies["summarunner"], 1024, S, threads=2)
    overload["rss_mb"] = server.peak
    say("overload", overload)
    time.sleep(1)
    recovery = wrk(server, bodies["summarunner"], 1, 5)
    recovery["queue_depth_after"] = server.metric("nutgraf_queue_depth")
    recovery["rejections"] = server.metric('nutgraf_rejections_total{reason="queue_full"}')
    say("recovery", recovery)
    assert server.stop() == 0

    # 4. Slow clients during a lead run at 16 connections.
    server = Server(binary, "--workers", "2")
    server.reset_peak()
    results = []
    threads = slow_clients(server, S, results)
    time.sleep(0.5)
    under_attack = wrk(server, bodies["lead"], 16, S)
    under_attack["rss_mb"] = server.peak
    for t in threads:
        t.join()
    say("slow clients", under_attack)
    outcomes = {}
    for kind, outcome, secs in results:
        o = outcomes.setdefault((kind, outcome), [0, 0.0, 0.0])
        o[0] += 1
        o[1] = max(o[1], secs)
        o[2] += secs
    say(outcomes)
    assert server.stop() == 0

    loads = (load_before, os.getloadavg())
    write(args, binary, S, idle_rss, single, batch, cli, overload, recovery, under_attack, outcomes, loads)


def targets(w, single, batch, cli, overload, recovery):
    def at(m, c):
        return next(r for r in single if r["method"] == m and r["connections"] == c)
    w("## Targets (issue 10)")
    w("")
    w("| target | measured | met |")
    w("| --- | --- | --- |")
    for m in METHODS:
        ratio = at(m, 16)["rps"] / cli[m][0]
        best = max(at(m, c)["rps"] for c in [1, 16, 256])
        w(f"| {m}: server throughput >= 50% of the CLI's docs/s (`-o jsonl`) | one article per request, 16 connections: "
          f"{at(m, 16)['rps']:.0f} req/s = {100 * ratio:.0f}% of {cli[m][0]:.0f} (best over 1/16/256: {100 * best / cli[m][0]:.0f}%) | "
          f"{'yes' if ratio >= 0.5 else 'no'} |")
    for m in ["lead", "textrank"]:
        p99 = at(m, 16)["p99_ms"]
        w(f"| {m}: p99 < 50 ms at 16 connections | {p99:.1f} ms | {'yes' if p99 < 50 else 'no'} |")
    rss = max(r["rss_mb"] for r in single if r["connections"] == 256)
    w(f"| RSS < 300 MB at 256 connections | peak {rss:.0f} MB | {'yes' if rss < 300 else 'no'} |")
    only = set(overload["statuses"]) <= {"200", "503"} and not any(overload["errors"].values())
    w(f"| overload: only 2xx/429/503, no dropped connection | {status_text(overload['statuses'])}; socket errors {sum(overload['errors'].values())} | {'yes' if only else 'no'} |")
    w(f"| overload: RSS bounded | peak {overload['rss_mb']:.0f} MB at 1024 connections | {'yes' if overload['rss_mb'] < 300 else 'no'} |")
    ok = set(recovery["statuses"]) == {"200"} and recovery["queue_depth_after"] == 0
    w(f"| full recovery after overload | {status_text(recovery['statuses'])}, queue depth {recovery['queue_depth_after']:.0f} | {'yes' if ok else 'no'} |")


def status_text(statuses):
    return ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))


def write(args, binary, S, idle_rss, single, batch, cli, overload, recovery, under_attack, outcomes, loads):
    cpu = "unknown CPU"
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.splitlines()[0].split(" [")[0]
    lines = []
    w = lines.append
    w("# `nutgraf serve` under load")
    w("")
    w(f"Measured {datetime.date.today().isoformat()} on {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, "
      f"with `{wrk_version}` on the same machine (its one thread shares the two cores with the server).")
    w(f"Command: `scripts/server_load.py --seconds {S} --docs {args.docs}` (release build; `nutgraf serve --workers 2`).")
    w(f"Articles: the first {args.docs} of CNN/DailyMail validation (`../shared/data/cnndm/validation.jsonl.gz`), "
      "one per request unless said, cycled; each answer is the full record (every sentence with spans and score).")
    w(f"Load average (1 min) before and after the run: {loads[0][0]:.2f}, {loads[1][0]:.2f} "
      "(other work on the machine takes cores from both the server and wrk; numbers move by 10-30% between runs).")
    w("")
    targets(w, single, batch, cli, overload, recovery)
    w("")
    w("## One article per request (`--queue 256`, so that 256 connections are all admitted)")
    w("")
    w("| method | connections | requests/s | p50 ms | p99 ms | statuses | server peak RSS MB |")
    w("| --- | ---: | ---: | ---: | ---: | --- | ---: |")
    for r in single:
        w(f"| {r['method']} | {r['connections']} | {r['rps']:.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {status_text(r['statuses'])} | {r['rss_mb']:.0f} |")
    w("")
    w(f"Idle RSS after start: {idle_rss:.0f} MB.")
    w("")
    w("## Throughput against the CLI (same articles, 2 cores)")
    w("")
    w("The CLI: `nutgraf summarize corpus.jsonl -m M -j 2 -o jsonl` (brief lines) and `-o json` (the full record the server returns), docs/s from its final line. "
      "The server: batches of 32 articles per request at 4 connections, and one article per request at 16 connections.")
    w("")
    w("| method | CLI -o jsonl docs/s | CLI -o json docs/s | server, batches of 32: docs/s | server, 1 per request at 16 conns: docs/s | server / CLI json (batch; single) |")
    w("| --- | ---: | ---: | ---: | ---: | ---: |")
    for b in batch:
        m = b["method"]
        s16 = next(r for r in single if r["method"] == m and r["connections"] == 16)
        jl, js = cli[m]
        w(f"| {m} | {jl:.0f} | {js:.0f} | {b['docs_per_s']:.0f} | {s16['rps']:.0f} | {100 * b['docs_per_s'] / js:.0f}% ; {100 * s16['rps'] / js:.0f}% |")
    w("")
    w("## Overload: 1024 connections of SummaRuNNer against the default queue (64) and 2 workers")
    w("")
    w(f"- {overload['requests']} answers in {overload['seconds']:.1f} s: {status_text(overload['statuses'])}; "
      f"socket errors: {overload['errors']}; p50 {overload['p50_ms']:.1f} ms, p99 {overload['p99_ms']:.1f} ms; server peak RSS {overload['rss_mb']:.0f} MB.")
    w(f"- Recovery, 1 s later, one connection for 5 s: {recovery['requests']} answers, {status_text(recovery['statuses'])}, "
      f"p50 {recovery['p50_ms']:.1f} ms, p99 {recovery['p99_ms']:.1f} ms; queue depth {recovery['queue_depth_after']:.0f}; "
      f"queue_full rejections counted in /metrics: {recovery['rejections']:.0f}.")
    w("")
    w("## Slow clients, during a lead run at 16 connections")
    w("")
    w("100 connections send request headers one byte at a time and never finish them; 50 send a chunked body one byte every 200 ms; "
      "10 send a chunked body that never ends, as fast as they can. Server defaults: `--timeout 10`, `--max-body 2097152`.")
    w("")
    w("| client | outcome | connections | longest s | mean s |")
    w("| --- | --- | ---: | ---: | ---: |")
    for (kind, outcome), (n, longest, total) in sorted(outcomes.items()):
        shown = {"closed": "closed by the server", "open": "still open at the end"}.get(outcome, f"HTTP {outcome}")
        w(f"| {kind} | {shown} | {n} | {longest:.1f} | {total / n:.1f} |")
    w("")
    base = next(r for r in single if r["method"] == "lead" and r["connections"] == 16)
    w(f"Meanwhile lead at 16 connections: {under_attack['rps']:.0f} requests/s (alone: {base['rps']:.0f}), "
      f"p50 {under_attack['p50_ms']:.2f} ms, p99 {under_attack['p99_ms']:.2f} ms, {status_text(under_attack['statuses'])}; "
      f"server peak RSS {under_attack['rss_mb']:.0f} MB.")
    w("")
    cap = next(r for r in single if r["method"] == "summarunner" and r["connections"] == 16)["rps"]
    good = overload["statuses"].get("200", 0) / overload["seconds"]
    w("## Reading the numbers")
    w("")
    w("- A full queue answers 503 with `Retry-After: 1` (the queue is the server's, not a per-client quota, so not 429), "
      "at once: during the overload run p50 stays in milliseconds while the admitted requests wait their turn.")
    w(f"- During the overload run the server answered {good:.0f} SummaRuNNer requests/s with 200, below its {cap:.0f}/s at 16 connections: "
      "wrk's two threads, producing thousands of requests a second on the same two cores, take about one of them, and each refusal still costs "
      "reading a request. Clients on other machines would leave the server both cores.")
    w("- Latency at 256 connections is queueing: 256 requests in line for 2 workers, p50 about 256 / throughput.")
    w("- The CLI's docs/s include reading and decompressing the corpus and writing its output; the server's include HTTP, "
      "parsing each request's JSON and serializing the full record. Batches of 32 documents per request amortize the HTTP part.")
    w("- RSS stays flat: bodies are bounded by `--max-body`, the queue by `--queue`, connections by a cap of 2048, and an answer "
      "is held only until it is written.")
    w("")
    with open(args.out, "w") as f:
        f.write("\n".join(lines))
    print("wrote", args.out)


if __name__ == "__main__":
    main()
