"""Peer: load a SARIF file with json or orjson and aggregate it as a gate would.

    sarif_aggregate.py json|orjson FILE

Prints {"results", "by_level", "by_band"} as JSON. Effective level: result.level, else the
rule's defaultConfiguration.level, else "warning" (kind other than "fail" -> "none").
Band from the rule's properties["security-severity"] (looked up by ruleIndex, then by
ruleId): >= 9 critical, >= 7 high, >= 4 medium, > 0 low, otherwise none. Suppressed
results (a non-empty suppressions list with no underReview/rejected entry) are skipped.
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


def band(score):
    if score >= 9.0:
        return "critical"
    if score >= 7.0:
        return "high"
    if score >= 4.0:
        return "medium"
    if score > 0.0:
        return "low"
    return "none"


def suppressed(result):
    sups = result.get("suppressions")
    return bool(sups) and not any(s.get("status") in ("underReview", "rejected") for s in sups)


def main() -> None:
    doc = load(sys.argv[2])
    by_level = dict.fromkeys(("error", "warning", "note", "none"), 0)
    by_band = dict.fromkeys(("critical", "high", "medium", "low", "none"), 0)
    total = 0
    for run in doc.get("runs") or []:
        rules = ((run.get("tool") or {}).get("driver") or {}).get("rules") or []
        by_id = {r.get("id"): r for r in rules}
        for res in run.get("results") or []:
            if suppressed(res):
                continue
            idx = res.get("ruleIndex", -1)
            rule = rules[idx] if isinstance(idx, int) and 0 <= idx < len(rules) else by_id.get(res.get("ruleId"), {})
            kind = res.get("kind", "fail")
            level = res.get("level") or (rule.get("defaultConfiguration") or {}).get("level") or "warning"
            if kind != "fail":
                level = "none"
            by_level[level] = by_level.get(level, 0) + 1
            try:
                score = float((rule.get("properties") or {}).get("security-severity"))
            except (TypeError, ValueError):
                score = 0.0
            by_band[band(score)] += 1
            total += 1
    print(json.dumps({"results": total, "by_level": by_level, "by_band": by_band}, sort_keys=True))


if __name__ == "__main__":
    main()
