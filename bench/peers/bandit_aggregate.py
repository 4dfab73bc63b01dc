"""Peer: load a Bandit JSON report with json or orjson and count results by severity.

    bandit_aggregate.py json|orjson FILE

Prints {"results", "by_severity"} as JSON, counted from results[] (metrics._totals is
counted before Bandit's severity/confidence filters, so it is not used).
"""
import json
import sys

LIB = sys.argv[1]
if LIB == "orjson":
    import orjson

    def load(path):
        with open(path, "rb") as f:
            return orjson.loads(f.read())
elif LIB == "json":
    def load(path):
        with open(path, "rb") as f:
            return json.load(f)
else:
    sys.exit(f"unknown library {LIB!r}")


def main() -> None:
    doc = load(sys.argv[2])
    by_severity = {"HIGH": 0, "MEDIUM": 0, "LOW": 0}
    results = doc.get("results") or []
    for res in results:
        sev = res.get("issue_severity", "UNDEFINED")
        by_severity[sev] = by_severity.get(sev, 0) + 1
    print(json.dumps({"results": len(results), "by_severity": by_severity}, sort_keys=True))


if __name__ == "__main__":
    main()
