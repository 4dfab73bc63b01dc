#!/usr/bin/env python3
"""JaCoCo benchmark (issue 16): a generated JaCoCo XML report read by gatecheck against the libxml2 SAX2 floor.

    python3 bench/jacoco.py --gatecheck .build/release/gatecheck [--mb 100] [--runs 3]

Generates bench/work/full/jacoco.xml (seeded; written the way JaCoCo's XMLFormatter writes: one line, the DOCTYPE,
report > package > class/method counters, sourcefile > line + counters, and the report's counters last) with its
totals in jacoco.expected.json, builds the floors of bench/run.py, runs the SAX floor and
`gatecheck --format json --config <line-coverage gate>` on it, checks that gatecheck's figures equal the generator's
and prints wall time (median), the ratio to the floor and peak RSS. Targets: <= 1.25 x the floor, <= 32 MiB.
Exit status 0 when both hold and the figures match, 1 otherwise.
"""
import argparse
import json
import os
import random
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run as bench  # noqa: E402  (build_helpers, Measurer)

DOCTYPE = '<!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">'


def counter(kind: str, missed: int, covered: int) -> str:
    return f'<counter type="{kind}" missed="{missed}" covered="{covered}"/>' if missed + covered else ""


def generate(path: str, target_bytes: int, seed: int = 16) -> dict:
    rng = random.Random(seed)
    totals = {"lines": 0, "covered": 0, "branches": 0, "branches_covered": 0}
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{DOCTYPE}<report name="bench">'
        head += '<sessioninfo id="bench-1" start="1764000000000" dump="1764000060000"/>'
        out.write(head)
        written += len(head)
        package = 0
        while written < target_bytes:
            package += 1
            name = f"org/example/module{package // 50}/pkg{package}"
            parts = [f'<package name="{name}">']
            sources = []
            for f in range(rng.randint(4, 12)):
                cls = f"Class{f}"
                lines, covered, branches, bcovered = 0, 0, 0, 0
                body = []
                nr = rng.randint(1, 20)
                for _ in range(rng.randint(20, 400)):
                    nr += rng.randint(1, 3)
                    ci = rng.choice((0, 0, 3, 5, 8, 12)) if rng.random() < 0.9 else 0
                    mi = 0 if ci and rng.random() < 0.8 else rng.randint(1, 9)
                    mb, cb = 0, 0
                    if rng.random() < 0.12:
                        total = rng.choice((2, 2, 4))
                        cb = rng.randint(0, total) if ci else 0
                        mb = total - cb
                    body.append(f'<line nr="{nr}" mi="{mi}" ci="{ci}" mb="{mb}" cb="{cb}"/>')
                    lines += 1
                    covered += 1 if ci else 0
                    branches += mb + cb
                    bcovered += cb
                parts.append(f'<class name="{name}/{cls}" sourcefilename="{cls}.java">'
                             f'<method name="run" desc="()V" line="1">{counter("LINE", lines - covered, covered)}'
                             f'</method>{counter("LINE", lines - covered, covered)}</class>')
                sources.append(f'<sourcefile name="{cls}.java">' + "".join(body)
                               + counter("INSTRUCTION", lines, covered * 4)
                               + counter("BRANCH", branches - bcovered, bcovered)
                               + counter("LINE", lines - covered, covered) + "</sourcefile>")
                totals["lines"] += lines
                totals["covered"] += covered
                totals["branches"] += branches
                totals["branches_covered"] += bcovered
            chunk = "".join(parts) + "".join(sources) + "</package>"
            out.write(chunk)
            written += len(chunk)
        tail = (counter("BRANCH", totals["branches"] - totals["branches_covered"], totals["branches_covered"])
                + counter("LINE", totals["lines"] - totals["covered"], totals["covered"]) + "</report>")
        out.write(tail)
    totals["bytes"] = os.path.getsize(path)
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gatecheck", required=True)
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = os.path.join(HERE, "work", "full" if args.mb >= 100 else "quick")
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "jacoco.xml")
    expected_path = os.path.join(work, "jacoco.expected.json")
    expected = json.load(open(expected_path)) if os.path.exists(expected_path) else None
    if expected is None or expected.get("mb") != args.mb or not os.path.exists(path):
        print(f"generating {path} ({args.mb} MB)", flush=True)
        expected = generate(path, args.mb * 1_000_000)
        expected["mb"] = args.mb
        json.dump(expected, open(expected_path, "w"))
    bins = bench.build_helpers(os.path.join(HERE, "work", "bin"), lambda m: print(m, flush=True))
    measurer = bench.Measurer(bins["measure"], os.path.join(HERE, "work", "runs-jacoco"), 600)
    config = os.path.join(tempfile.mkdtemp(), "gates.json")
    with open(config, "w") as f:
        json.dump({"version": 1, "gates": [{"id": "line-coverage", "metric": "coverage.line_rate", "min": 0}]}, f)
    commands = {
        "sax_floor": [bins["sax_floor"], path],
        "gatecheck": [args.gatecheck, "--format", "json", "--config", config, path],
    }
    results = {name: [] for name in commands}
    for index in range(args.runs + 1):
        for name, argv in commands.items():
            run = measurer.run(argv, f"{name}-{index}")
            if not run["ok"]:
                print(f"{name}: {run['error']}")
                return 1
            if index > 0:  # the first round warms the page cache
                results[name].append(run)
    problems = []
    verdict = json.load(open(results["gatecheck"][-1]["out"]))
    gate = verdict["gates"][0]
    got = (gate.get("numerator"), gate.get("denominator"))
    if got != (expected["covered"], expected["lines"]):
        problems.append(f"gatecheck read {got}, the generator wrote {expected['covered']}/{expected['lines']} lines")
    wall = {name: statistics.median(r["wall_s"] for r in runs) for name, runs in results.items()}
    rss = max(r["maxrss_kib"] for r in results["gatecheck"]) / 1024
    ratio = wall["gatecheck"] / wall["sax_floor"]
    print(f"input: {expected['bytes'] / 1e6:.1f} MB, {expected['lines']} lines, {expected['branches']} branches")
    print(f"sax_floor: {wall['sax_floor']:.3f} s (median of {args.runs})")
    print(f"gatecheck: {wall['gatecheck']:.3f} s (median of {args.runs}), {ratio:.3f} x the floor "
          f"(target <= 1.25), peak RSS {rss:.1f} MiB (target <= 32)")
    if ratio > 1.25:
        problems.append(f"gatecheck takes {ratio:.3f} x the SAX floor (target <= 1.25)")
    if rss > 32:
        problems.append(f"gatecheck's peak RSS is {rss:.1f} MiB (target <= 32)")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
