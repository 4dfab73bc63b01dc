"""A small load test of ragservice's HTTP endpoint that writes a gatecheck latency report (gatecheck.latency/v1).

    python tools/loadtest.py --url http://127.0.0.1:PORT --questions eval/questions.jsonl \
        --requests 400 --concurrency 8 --out reports/latency.json

Each client thread sends GET /answer?q=... for the evaluation questions in turn and times each request from
sending to the last byte of the answer. A request fails on a connection error, a timeout or a status other than 200.
Percentiles are nearest-rank over the successful requests' times (p50, p95, p99), in milliseconds. Standard library
only, so the pipeline needs no k6 or Locust to produce the report.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path


def nearest_rank(sorted_values: list[float], fraction: float) -> float:
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    questions = [json.loads(line)["question"] for line in args.questions.read_text().splitlines() if line.strip()]
    lock = threading.Lock()
    next_index = 0
    times: list[float] = []
    failures = 0

    def client() -> None:
        nonlocal next_index, failures
        while True:
            with lock:
                if next_index >= args.requests:
                    return
                index = next_index
                next_index += 1
            query = urllib.parse.urlencode({"q": questions[index % len(questions)]})
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(f"{args.url}/answer?{query}", timeout=args.timeout) as response:
                    response.read()
                    ok = response.status == 200
            except (urllib.error.URLError, OSError):
                ok = False
            elapsed_ms = (time.perf_counter() - started) * 1000
            with lock:
                if ok:
                    times.append(elapsed_ms)
                else:
                    failures += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.perf_counter() - started

    times.sort()
    if not times:
        print(f"loadtest: all {args.requests} requests failed; no latency to report")
        return 1
    report = {
        "schema": "gatecheck.latency/v1",
        "target": f"{args.url}/answer",
        "generated_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "p50_ms": round(nearest_rank(times, 0.50), 3),
        "p95_ms": round(nearest_rank(times, 0.95), 3),
        "p99_ms": round(nearest_rank(times, 0.99), 3),
        "requests": args.requests,
        "error_rate": failures / args.requests,
        "duration_seconds": round(duration, 3),
        "concurrency": args.concurrency,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"loadtest: {args.requests} requests, {failures} failed, p50 {report['p50_ms']} ms, "
          f"p95 {report['p95_ms']} ms, p99 {report['p99_ms']} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
