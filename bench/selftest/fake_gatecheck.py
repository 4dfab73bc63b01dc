#!/usr/bin/env python3
"""A stand-in for the gatecheck CLI, to test the benchmark harness without a Swift build.

    fake_gatecheck.py --format json [--jobs N] PATH...

Reads Cobertura, JUnit, SARIF and Bandit files (a directory: every *.xml / *.json in it,
sorted) with the standard library, and prints a verdict with the contract's shape: "reports"
entries with "path", "kind" and "metrics". It is slow and not streaming-safe; it only exists
so that `run.py --gatecheck bench/selftest/fake_gatecheck.py --quick` exercises every code
path of the harness (checks, cov8 identity, growth, start-up). FAKE_GATECHECK_BREAK=1 makes
it report one wrong number, to see the harness fail.
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET


def cobertura(root):
    m = dict.fromkeys(("coverage.lines_valid", "coverage.lines_covered", "coverage.branches_valid",
                       "coverage.branches_covered"), 0)
    for cls in root.iter("class"):
        lines = cls.find("lines")
        for line in (lines if lines is not None else []):
            m["coverage.lines_valid"] += 1
            m["coverage.lines_covered"] += int(line.get("hits", "0")) > 0
            if line.get("branch", "").lower() == "true":
                a, b = re.search(r"\((\d+)/(\d+)\)", line.get("condition-coverage", "")).groups()
                m["coverage.branches_covered"] += int(a)
                m["coverage.branches_valid"] += int(b)
    return m


def junit(root):
    m = dict.fromkeys(("tests.total", "tests.failed", "tests.errors", "tests.skipped", "tests.passed"), 0)
    for case in root.iter("testcase"):
        tags = {child.tag for child in case}
        m["tests.total"] += 1
        key = ("tests.errors" if "error" in tags else "tests.failed" if "failure" in tags
               else "tests.skipped" if "skipped" in tags else "tests.passed")
        m[key] += 1
    return m


def findings(counts):
    return {"findings.total": sum(counts.values()), **{f"findings.{k}": v for k, v in counts.items()}}


def sarif(doc):
    counts = dict.fromkeys(("critical", "high", "medium", "low", "unknown"), 0)
    for run in doc["runs"]:
        rules = run["tool"]["driver"].get("rules", [])
        for res in run.get("results", []):
            s = float(rules[res["ruleIndex"]]["properties"]["security-severity"])
            counts["critical" if s >= 9 else "high" if s >= 7 else "medium" if s >= 4 else "low" if s > 0 else "unknown"] += 1
    return findings(counts)


def bandit(doc):
    counts = dict.fromkeys(("critical", "high", "medium", "low", "unknown"), 0)
    for res in doc["results"]:
        counts[{"HIGH": "high", "MEDIUM": "medium", "LOW": "low"}.get(res["issue_severity"], "unknown")] += 1
    return findings(counts)


def read(path):
    if path.endswith(".xml"):
        root = ET.parse(path).getroot()
        return ("cobertura", cobertura(root)) if root.tag == "coverage" else ("junit", junit(root))
    with open(path, "rb") as f:
        doc = json.load(f)
    return ("sarif", sarif(doc)) if "runs" in doc else ("bandit", bandit(doc))


def main():
    paths = [a for a in sys.argv[1:] if not a.startswith("--") and not a.isdigit() and a != "json"]
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith((".xml", ".json")))
        else:
            files.append(p)
    reports = []
    for f in files:
        kind, metrics = read(f)
        if os.environ.get("FAKE_GATECHECK_BREAK") and reports == []:
            first = sorted(metrics)[0]
            metrics[first] += 1
        reports.append({"path": f, "kind": kind, "metrics": metrics})
    verdict = {"schema": "gatecheck.verdict/v1", "status": "pass", "exit_code": 0, "gates": [],
               "reports": reports, "diagnostics": []}
    print(json.dumps(verdict, sort_keys=True, indent=2))


if __name__ == "__main__":
    main()
