"""Write coverage.py's own totals for one data file as JSON (the sidecar of a Cobertura XML).

usage: python coverage_totals.py DATA_FILE OUT_JSON [--rcfile RC] [--xml XML_PATH_FOR_THE_RECORD]

Run with the virtualenv's python from the directory the data was measured in. The numbers come
from `coverage json` (totals) and the TOTAL line of `coverage report`, both run on DATA_FILE with
the same configuration as the XML, so a Cobertura parser can be checked against them exactly.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import coverage


def run_coverage(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "coverage", *args], check=True, capture_output=True, text=True
    )
    return result.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_file")
    parser.add_argument("out_json")
    parser.add_argument("--rcfile")
    parser.add_argument("--xml", help="path of the XML these totals belong to, recorded as given")
    args = parser.parse_args()

    common = ["--data-file", args.data_file]
    if args.rcfile:
        common += ["--rcfile", args.rcfile]
    with tempfile.TemporaryDirectory() as tmp:
        json_path = Path(tmp) / "coverage.json"
        run_coverage("json", *common, "-o", str(json_path))
        report = json.loads(json_path.read_text(encoding="utf-8"))
    totals = report["totals"]
    branch = bool(report["meta"]["branch_coverage"])

    table = run_coverage("report", *common)
    total_lines = [line for line in table.splitlines() if line.startswith("TOTAL")]
    if len(total_lines) != 1:
        sys.exit(f"expected one TOTAL line in coverage report, got {total_lines!r}")
    total_line = total_lines[0].rstrip()
    percent = re.search(r"(\d+(?:\.\d+)?)%$", total_line)
    if percent is None:
        sys.exit(f"no percentage at the end of {total_line!r}")

    out = {
        "coverage_version": coverage.__version__,
        "branch": branch,
        "lines_valid": totals["num_statements"],
        "lines_covered": totals["covered_lines"],
        "lines_missing": totals["missing_lines"],
        "branches_valid": totals.get("num_branches", 0),
        "branches_covered": totals.get("covered_branches", 0),
        "branches_missing": totals.get("missing_branches", 0),
        "partial_branch_lines": totals.get("num_partial_branches", 0),
        "files": len(report["files"]),
        "percent_covered": totals["percent_covered"],
        "percent_covered_display": totals["percent_covered_display"],
        "report_total_line": total_line,
        "report_total_percent": percent.group(1),
        "percent_covered_note": (
            "(covered lines + covered branches) / (statements + branches) * 100"
            if branch
            else "covered lines / statements * 100"
        ),
    }
    if args.xml:
        out["xml"] = args.xml
    Path(args.out_json).write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
