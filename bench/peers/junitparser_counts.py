"""Peer: junitparser, counting a JUnit XML file the way a user would.

Prints {"total", "failed", "errors", "skipped", "passed"} as JSON: one count per
<testcase> element over all suites (nested suites included), with the state priority
error > failure > skipped > passed.
"""
import json
import sys

from junitparser import Error, Failure, JUnitXml, Skipped, TestSuite


def walk(suite, counts):
    for item in suite:
        if isinstance(item, TestSuite):
            walk(item, counts)
            continue
        counts["total"] += 1
        results = item.result
        if any(isinstance(r, Error) for r in results):
            counts["errors"] += 1
        elif any(isinstance(r, Failure) for r in results):
            counts["failed"] += 1
        elif any(isinstance(r, Skipped) for r in results):
            counts["skipped"] += 1
        else:
            counts["passed"] += 1


def main() -> None:
    xml = JUnitXml.fromfile(sys.argv[1])
    counts = dict.fromkeys(("total", "failed", "errors", "skipped", "passed"), 0)
    suites = [xml] if isinstance(xml, TestSuite) else list(xml)
    for suite in suites:
        walk(suite, counts)
    print(json.dumps(counts, sort_keys=True))


if __name__ == "__main__":
    main()
