#!/usr/bin/env python3
"""End-to-end checks of the real `nutgraf serve` binary (standard library only).

1. The server's answers equal the CLI's for the same input: `nutgraf summarize -o json` for every
   method, `nutgraf rouge --json`, `nutgraf oracle`.
2. Every `curl` example of the README's `nutgraf serve` section runs (against this server's port) and exits 0
   with some output.
3. SIGTERM lets a request in flight finish, the process exits 0, the port closes.

Usage: scripts/server_smoke.py [path/to/nutgraf]   (default: target/release/nutgraf)
"""

import gzip
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "examples", "000_4fe1697fc82e48a7.txt")
VALIDATION = os.path.join(ROOT, "..", "shared", "data", "cnndm", "validation.jsonl.gz")
METHODS = ["lead", "textrank", "lexrank", "lsa", "luhn", "sumbasic", "klsum", "centroid", "pacsum", "summarunner"]

failures = []
checks = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    checks.append(what)
    if not ok:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(binary, port):
    proc = subprocess.Popen(
        [binary, "serve", "--addr", f"127.0.0.1:{port}", "--workers", "2"],
        stderr=subprocess.PIPE, text=True)
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as r:
                if r.status == 200:
                    return proc
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("the server did not become ready")


def post(port, path, body):
    data = json.dumps(body).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def cli(binary, *args):
    out = subprocess.run([binary, *args], check=True, capture_output=True, text=True, cwd=ROOT)
    return out.stdout


def parity(binary, port):
    text = open(EXAMPLE, encoding="utf-8").read()
    for m in METHODS:
        expected = json.loads(cli(binary, "summarize", EXAMPLE, "-m", m, "-o", "json"))
        status, got = post(port, "/v1/summarize",
                           {"text": text, "id": "000_4fe1697fc82e48a7", "config": {"method": m}})
        check(status == 200 and got == expected, f"summarize {m} == nutgraf summarize -o json")
    records = [json.loads(l) for l, _ in zip(gzip.open(VALIDATION, "rt", encoding="utf-8"), range(5))]
    with tempfile.TemporaryDirectory() as tmp:
        cand = os.path.join(tmp, "cand.txt")
        ref = os.path.join(tmp, "ref.txt")
        corpus = os.path.join(tmp, "corpus.jsonl")
        with open(corpus, "w") as f:
            for r in records:
                f.write(json.dumps({"id": r["id"], "article": r["article"], "highlights": r["highlights"]}) + "\n")
        lead = [json.loads(l) for l in cli(binary, "summarize", corpus, "-o", "jsonl").splitlines()]
        cands = [" <q> ".join(l["summary"]) for l in lead]
        refs = [" <q> ".join(r["highlights"]) for r in records]
        open(cand, "w").write("\n".join(cands) + "\n")
        open(ref, "w").write("\n".join(refs) + "\n")
        for flavor in ["perl", "google"]:
            expected = json.loads(cli(binary, "rouge", cand, ref, "--json", "--flavor", flavor))
            status, got = post(port, "/v1/rouge", {"candidates": cands, "references": refs,
                                                   "separator": " <q> ", "flavor": flavor})
            check(status == 200 and got == expected, f"rouge {flavor} == nutgraf rouge --json")
        expected = [json.loads(l) for l in cli(binary, "oracle", corpus).splitlines()]
        docs = [{"text": r["article"], "id": r["id"], "reference": r["highlights"]} for r in records]
        status, got = post(port, "/v1/oracle", {"documents": docs})
        check(status == 200 and got == {"documents": expected}, "oracle == nutgraf oracle")


def is_error(output):
    try:
        value = json.loads(output)
    except ValueError:
        return False
    return isinstance(value, dict) and "error" in value


def curl_examples(port):
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    # The `nutgraf serve` section: from its heading to the next top-level one.
    readme = readme[readme.index("### `nutgraf serve`"):]
    readme = readme[: readme.index("\n## ")]
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    commands = []
    for block in blocks:
        # Lines ending in a backslash continue the command.
        for command in re.sub(r"\\\n\s*", " ", block).splitlines():
            command = command.split("  #")[0].strip()
            if "curl " in command and not command.startswith("#"):
                commands.append(command)
    check(len(commands) >= 10, f"{len(commands)} curl examples found")
    endpoints = set()
    for command in commands:
        run = command.replace("127.0.0.1:8080", f"127.0.0.1:{port}")
        out = subprocess.run(["bash", "-o", "pipefail", "-c", run], capture_output=True, text=True, cwd=ROOT)
        # Only the example that shows an error may answer one.
        answered = out.stdout.strip() != "" and (not is_error(out.stdout) or "http_code" in command)
        check(out.returncode == 0 and answered, f"runs: {command[:100]}")
        for path in re.findall(r"127\.0\.0\.1:8080(/[\w./]*)", command):
            endpoints.add(path)
    for path in ["/", "/v1/summarize", "/v1/rouge", "/v1/oracle", "/v1/methods", "/v1/openapi.json",
                 "/healthz", "/readyz", "/metrics"]:
        check(path in endpoints, f"a curl example for {path}")


def sigterm(binary):
    port = free_port()
    proc = start(binary, port)
    records = [json.loads(l) for l, _ in zip(gzip.open(VALIDATION, "rt", encoding="utf-8"), range(40))]
    docs = [{"text": records[i % 40]["article"]} for i in range(200)]
    result = {}

    def slow():
        result["answer"] = post(port, "/v1/summarize", {"documents": docs, "config": {"method": "summarunner"}})

    t = threading.Thread(target=slow)
    t.start()
    # Wait until the batch is running, then ask the server to stop.
    for _ in range(2000):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics") as r:
            if "nutgraf_jobs_running 1" in r.read().decode():
                break
        time.sleep(0.002)
    proc.send_signal(signal.SIGTERM)
    t.join()
    status, body = result["answer"]
    check(status == 200 and len(body["documents"]) == 200, "SIGTERM: the request in flight finishes")
    check(proc.wait(timeout=30) == 0, "SIGTERM: exit status 0")
    check("stopped" in proc.stderr.read(), "SIGTERM: says it stopped")
    with socket.socket() as s:
        check(s.connect_ex(("127.0.0.1", port)) != 0, "SIGTERM: the port is closed")


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "nutgraf"))
    port = free_port()
    proc = start(binary, port)
    try:
        parity(binary, port)
        curl_examples(port)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    sigterm(binary)
    print(f"server-smoke: {len(checks) - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
