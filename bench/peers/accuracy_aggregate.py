"""Peer: load a gatecheck.accuracy/v1 report with json or orjson and recompute each metric.

    accuracy_aggregate.py json|orjson FILE

Prints {"samples", "means", "unscored"} as JSON: per metric of `metrics`, the mean of the
samples' non-null scores and how many samples have none, as gatecheck recomputes them.
"""
import json
import math
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
    names = list(doc["metrics"])
    scores = {name: [] for name in names}
    unscored = dict.fromkeys(names, 0)
    samples = doc.get("samples") or []
    for sample in samples:
        given = sample["scores"]
        for name in names:
            score = given.get(name)
            if score is None or (isinstance(score, float) and math.isnan(score)):
                unscored[name] += 1
            else:
                scores[name].append(score)
    means = {name: math.fsum(values) / len(values) for name, values in scores.items() if values}
    print(json.dumps({"samples": len(samples), "means": means, "unscored": unscored}, sort_keys=True))


if __name__ == "__main__":
    main()
