#!/usr/bin/env python3
"""Recompute every coverage.py fixture from its <line> detail the way gatecheck specifies, compare with coverage.py's
own totals, and check how two merge rules reproduce `coverage combine` of the two partial runs.

usage: python3 scripts/check-coverage-fixtures.py

Counting (docs/formats.md 1.3): lines from class/lines/line, deduplicated by (filename, number) with max hits;
branches from the (covered/total) of condition-coverage; combined percent = (lines + branches covered) / (lines +
branches valid). Merge of partial-unit.xml + partial-integration.xml, per branch line:
  "max"   : covered = max(covered_a, covered_b)  (what a merge that only reads condition-coverage can do)
  "union" : covered = total - |missing_a ∩ missing_b|  (uses coverage.py's missing-branches attribute)
Prints a report; exit status 1 when a fixture disagrees with its totals.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "Tests/GateCheckTests/Fixtures/coveragepy"
CONDITION = re.compile(r"\((\d+)/(\d+)\)\s*$")


def read(path: Path) -> tuple[dict, dict]:
    lines: dict[tuple[str, int], int] = {}
    branches: dict[tuple[str, int], tuple[int, int, frozenset[str]]] = {}
    for cls in ET.parse(path).getroot().iter("class"):
        for line in cls.find("lines").iter("line"):
            key = (cls.get("filename"), int(line.get("number")))
            lines[key] = max(lines.get(key, 0), int(line.get("hits")))
            if line.get("branch", "").lower() == "true":
                covered, total = map(int, CONDITION.search(line.get("condition-coverage")).groups())
                missing = frozenset(filter(None, (line.get("missing-branches") or "").split(",")))
                branches[key] = (covered, total, missing)
    return lines, branches


def totals(lines: dict, branches: dict) -> dict:
    lv, lc = len(lines), sum(1 for hits in lines.values() if hits > 0)
    bv, bc = sum(b[1] for b in branches.values()), sum(b[0] for b in branches.values())
    return {"lines_valid": lv, "lines_covered": lc, "branches_valid": bv, "branches_covered": bc,
            "percent_covered": 100.0 * (lc + bc) / (lv + bv) if lv + bv else 100.0}


def check(xml: Path, sidecar: Path) -> bool:
    expected = json.loads(sidecar.read_text(encoding="utf-8"))
    mine = totals(*read(xml))
    keys = ("lines_valid", "lines_covered", "branches_valid", "branches_covered")
    ok = all(mine[k] == expected[k] for k in keys) and abs(mine["percent_covered"] - expected["percent_covered"]) < 1e-9
    print(f"{'ok ' if ok else 'BAD'} {xml.relative_to(REPO)}: " + ", ".join(f"{k} {mine[k]}" for k in keys)
          + f", percent {mine['percent_covered']:.4f} (coverage.py {expected['percent_covered']:.4f}, "
          f"TOTAL line {expected['report_total_percent']}%)")
    return ok


def merge_check() -> None:
    (la, ba), (lb, bb) = read(FIXTURES / "partial-unit.xml"), read(FIXTURES / "partial-integration.xml")
    combined = json.loads((FIXTURES / "combined.totals.json").read_text(encoding="utf-8"))
    lines = {k: max(la.get(k, 0), lb.get(k, 0)) for k in la.keys() | lb.keys()}
    lc = sum(1 for hits in lines.values() if hits > 0)
    by_max = by_union = valid = 0
    differing = []
    for key in sorted(ba.keys() | bb.keys()):
        a, b = ba.get(key), bb.get(key)
        total = max(x[1] for x in (a, b) if x)
        if a and b:
            missing = a[2] & b[2]
        else:
            missing = (a or b)[2]
        valid += total
        best = max(x[0] for x in (a, b) if x)
        by_max += best
        by_union += total - len(missing)
        if best != total - len(missing):
            differing.append(f"{key[0]}:{key[1]} unit {a[0]}/{a[1]} missing {sorted(a[2])}, "
                             f"integration {b[0]}/{b[1]} missing {sorted(b[2])}")
    print(f"merge partial-unit + partial-integration: lines {len(lines)}/{lc} (combined {combined['lines_valid']}/"
          f"{combined['lines_covered']}); branches valid {valid} (combined {combined['branches_valid']}), covered by "
          f"'max' {by_max}, by 'union' {by_union} (combined {combined['branches_covered']})")
    for line in differing:
        print(f"  differs: {line}")


def main() -> None:
    pairs = [(x, x.with_name(x.stem + ".totals.json")) for x in sorted(FIXTURES.glob("*.xml"))]
    pairs += [(REPO / f"sample-reports/{n}/coverage.xml", REPO / f"Tests/GateCheckTests/Fixtures/sample-totals/{n}.json")
              for n in ("passing", "failing")]
    ok = all([check(x, s) for x, s in pairs])
    merge_check()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
