#!/usr/bin/env python3
"""Apply gatecheck's JUnit counting rules to pytest fixtures and compare with pytest's own summary.

usage: python3 scripts/check-junit-counting.py [XML ...]
       (default: every Tests/GateCheckTests/Fixtures/pytest/*.xml and sample-reports/*/junit.xml)

gatecheck's rules (docs/pytest-outcomes.md): count <testcase> elements (through nested suites); a testcase's state
is its most severe child, error > failure > skipped > passed; tests.total = testcases, tests.failed / tests.errors /
tests.skipped = testcases in that state, tests.passed = the rest. pytest's summary is read from the XML's
*.summary.json sidecar (written by scripts/generate-pytest-fixtures.sh); sample-reports have no sidecar and are
compared with the <testsuite> attributes only. Prints a table; exit status is always 0 (this is a report, not a gate).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PRIORITY = ("error", "failure", "skipped")


def gatecheck_counts(path: Path) -> dict[str, int]:
    counts = {"total": 0, "failed": 0, "errors": 0, "skipped": 0, "passed": 0}
    for case in ET.parse(path).iter("testcase"):
        counts["total"] += 1
        tags = {child.tag for child in case}
        state = next((tag for tag in PRIORITY if tag in tags), "passed")
        counts[{"error": "errors", "failure": "failed", "skipped": "skipped", "passed": "passed"}[state]] += 1
    return counts


def suite_attributes(path: Path) -> dict[str, int]:
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in ET.parse(path).iter("testsuite"):
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    return totals


def compare(path: Path) -> None:
    ours = gatecheck_counts(path)
    attrs = suite_attributes(path)
    print(f"{path.relative_to(REPO)}")
    print(f"  gatecheck: total {ours['total']}, failed {ours['failed']}, errors {ours['errors']}, "
          f"skipped {ours['skipped']}, passed {ours['passed']}")
    print(f"  <testsuite> attributes: tests {attrs['tests']}, failures {attrs['failures']}, "
          f"errors {attrs['errors']}, skipped {attrs['skipped']}")
    sidecar = path.with_suffix(".summary.json")
    if not sidecar.exists():
        return
    summary = json.loads(sidecar.read_text(encoding="utf-8"))
    runs = [("default", summary)] + ([("-q", summary["quiet_run"])] if "quiet_run" in summary else [])
    for label, pytest_counts in runs:
        print(f"  pytest ({label}): {pytest_counts['summary_line'].strip('= ')}")
        checks = [
            ("failed", ours["failed"], pytest_counts["failed"]),
            ("errors", ours["errors"], pytest_counts["errors"]),
            ("skipped (pytest skipped+xfailed)", ours["skipped"], pytest_counts["skipped"] + pytest_counts["xfailed"]),
            ("passed (pytest passed+xpassed)", ours["passed"], pytest_counts["passed"] + pytest_counts["xpassed"]),
        ]
        for name, mine, theirs in checks:
            verdict = "equal" if mine == theirs else f"DIFFERS by {mine - theirs:+d}"
            print(f"    {name:34} gatecheck {mine:3}  pytest {theirs:3}  {verdict}")


def main() -> None:
    paths = [Path(p).resolve() for p in sys.argv[1:]] or sorted(
        list((REPO / "Tests/GateCheckTests/Fixtures/pytest").glob("*.xml")) + list((REPO / "sample-reports").glob("*/junit.xml"))
    )
    for path in paths:
        compare(path)


if __name__ == "__main__":
    main()
