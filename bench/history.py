#!/usr/bin/env python3
"""The history benchmark: read a generated 100,000-line history and judge one history gate.

Prints the time of `gatecheck --history` (the whole CLI run, and the run without the history to isolate what the
history costs) and of Python reading the same file with json.loads per line, and the ratio. The target
(docs/history.md, issue 12): a 100,000-line history is read in < 0.2 s.

    bench/history.sh [--gatecheck .build/release/gatecheck] [--lines 100000] [--runs 5] [--shape rag|full]
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time

NOW = "2026-12-03T06:00:00Z"
NOW_EPOCH = 1796277600

RAG_METRICS = {
    "llm.cost_usd": lambda r: {"value": round(r.uniform(2.5, 3.5), 6)},
    "llm.input_tokens": lambda r: {"value": r.randint(500_000, 900_000)},
    "llm.output_tokens": lambda r: {"value": r.randint(100_000, 300_000)},
    "accuracy.retrieval": lambda r: {"value": round(r.uniform(0.9, 1), 4)},
    "accuracy.attribution": lambda r: {"value": round(r.uniform(0.9, 1), 4)},
    "latency.p95_ms": lambda r: {"value": r.randint(150, 250)},
    "latency.p99_ms": lambda r: {"value": r.randint(250, 400)},
    "image.size_bytes": lambda r: {"value": r.randint(390_000_000, 410_000_000)},
}


def rate(r):
    denominator = r.randint(400, 600)
    numerator = r.randint(denominator * 8 // 10, denominator)
    return {"value": round(numerator / denominator, 17), "numerator": numerator, "denominator": denominator}


FULL_METRICS = dict(RAG_METRICS)
for name in ["coverage.line_rate", "coverage.branch_rate", "coverage.combined_rate"]:
    FULL_METRICS[name] = rate
for name in [
    "coverage.lines_valid", "coverage.lines_covered", "coverage.lines_missed", "coverage.branches_valid",
    "coverage.branches_covered", "tests.total", "tests.passed", "tests.failed", "tests.errors", "tests.skipped",
    "tests.flaky", "findings.total", "findings.critical", "findings.high", "findings.medium", "findings.low",
    "findings.unknown", "findings.waived", "findings.not_audited",
]:
    FULL_METRICS[name] = lambda r: {"value": r.randint(0, 500)}
FULL_METRICS["tests.duration_seconds"] = lambda r: {"value": round(r.uniform(1, 90), 3)}


def generate(path, lines, shape):
    """One line every 6 minutes back from NOW, alternating providers, as `gatecheck record` writes them."""
    metrics = RAG_METRICS if shape == "rag" else FULL_METRICS
    r = random.Random(12)
    with open(path, "w") as out:
        for index in range(lines):
            seconds = NOW_EPOCH - (lines - index) * 360
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))
            labels = {"provider": "anthropic" if index % 2 else "openai", "model": "m1", "runner": "linux"}
            line = {
                "schema": "gatecheck.history/v1",
                "time": stamp,
                "labels": dict(sorted(labels.items())),
                "metrics": {name: make(r) for name, make in sorted(metrics.items())},
            }
            out.write(json.dumps(line, separators=(",", ":")) + "\n")


def best(command, runs):
    """The fastest of `runs` wall-clock times of a command, and its exit code."""
    times = []
    code = None
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        times.append(time.perf_counter() - start)
    return min(times), code


PYTHON_READER = r"""
import json, sys
cost = []
for line in open(sys.argv[1], "rb"):
    if line.strip():
        value = json.loads(line)
        if value["labels"].get("provider") == "anthropic":
            cost.append(value["metrics"]["llm.cost_usd"]["value"])
cost.sort()
print(len(cost), cost[len(cost) // 2])
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gatecheck", default=".build/release/gatecheck")
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shape", choices=["rag", "full"], default="rag")
    parser.add_argument("--work", default="bench/work/history")
    args = parser.parse_args()
    os.makedirs(os.path.join(args.work, "reports"), exist_ok=True)
    history = os.path.join(args.work, f"history-{args.shape}-{args.lines}.jsonl")
    if not os.path.exists(history):
        generate(history, args.lines, args.shape)
    with open(os.path.join(args.work, "reports", "llm-cost.json"), "w") as out:
        out.write('{"total_cost": 3.10}\n')
    gates = {
        "version": 1,
        "gates": [
            {"id": "cost-cap", "metric": "llm.cost_usd", "max": 10},
            {"id": "cost-anomaly", "metric": "llm.cost_usd", "history": {
                "window": "400d", "max_increase_ratio": 0.5, "min_samples": 3, "labels": {"provider": "anthropic"}}},
        ],
    }
    with open(os.path.join(args.work, "gates.json"), "w") as out:
        json.dump(gates, out)
    plain = dict(gates, gates=gates["gates"][:1])
    with open(os.path.join(args.work, "plain.json"), "w") as out:
        json.dump(plain, out)

    reports = os.path.join(args.work, "reports")
    with_history, code = best(
        [args.gatecheck, "-c", os.path.join(args.work, "gates.json"), "--history", history, "--now", NOW, reports],
        args.runs)
    if code != 0:
        sys.exit(f"gatecheck exited {code} on the history run; expected 0 (the head is within 50 % of the median)")
    without, code = best([args.gatecheck, "-c", os.path.join(args.work, "plain.json"), reports], args.runs)
    python, code = best([sys.executable, "-c", PYTHON_READER, history], args.runs)
    size = os.path.getsize(history)
    print(f"history: {args.lines} lines ({args.shape} shape), {size / 1e6:.1f} MB; best of {args.runs} runs")
    print(f"gatecheck with the history gate:    {with_history:.3f} s")
    print(f"gatecheck without it (same report): {without:.3f} s")
    print(f"the history's share:                {with_history - without:.3f} s (target < 0.2 s)")
    print(f"python3 json.loads per line:        {python:.3f} s")
    print(f"ratio python / gatecheck (whole run): {python / with_history:.1f}x")
    sys.exit(0 if with_history - without < 0.2 else 1)


if __name__ == "__main__":
    main()
