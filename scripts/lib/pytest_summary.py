"""Parse pytest's terminal summary line into a JSON sidecar for a JUnit XML fixture.

usage: python pytest_summary.py LOG OUT_JSON --exit-code N --command "..." [--xml PATH]

LOG is pytest's full terminal output. The last line of the form
    ===== 2 failed, 5 passed, 1 skipped, 1 xfailed, 2 errors in 0.12s =====
(or the same without the ``=`` fences under ``-q``) is pytest's own count of the run; it is stored
verbatim as "summary_line" and split into counts. "error"/"warning" are normalised to their plural.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import pytest

SUMMARY = re.compile(r"^(?:=+ )?(?P<body>.+?) in \d+(?:\.\d+)?s(?: \([^)]*\))?(?: =+)?$")
PART = re.compile(r"^(?P<count>\d+) (?P<label>[a-z][a-z ]*)$")
PLURAL = {"error": "errors", "warning": "warnings", "subtest passed": "subtests passed"}
REQUIRED = ("passed", "failed", "errors", "skipped", "xfailed", "xpassed")


def parse(log: str) -> tuple[str, dict[str, int]]:
    for line in reversed(log.splitlines()):
        match = SUMMARY.match(line.strip())
        if not match:
            continue
        counts = {key: 0 for key in REQUIRED}
        if match.group("body") == "no tests ran":
            return line.strip(), counts
        for part in match.group("body").split(", "):
            item = PART.match(part)
            if item is None:
                break
            label = PLURAL.get(item.group("label"), item.group("label"))
            counts[label] = int(item.group("count"))
        else:
            return line.strip(), counts
    sys.exit("no pytest summary line found")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("log")
    parser.add_argument("out_json")
    parser.add_argument("--exit-code", type=int, required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("--xml")
    args = parser.parse_args()
    line, counts = parse(Path(args.log).read_text(encoding="utf-8"))
    out = dict(counts)
    out.update(
        {
            "summary_line": line,
            "pytest_version": pytest.__version__,
            "pytest_exit_code": args.exit_code,
            "command": args.command,
        }
    )
    if args.xml:
        out["xml"] = args.xml
    Path(args.out_json).write_text(json.dumps(out, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
