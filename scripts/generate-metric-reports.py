#!/usr/bin/env python3
"""Regenerate the accuracy, LLM cost and image reports of sample-reports/{passing,failing}/.

    python3 scripts/generate-metric-reports.py
    python3 scripts/generate-metric-reports.py --set failing --out DIR   # one set, elsewhere (scripts/pipeline-e2e.sh)

Standard library only: the sample service (sample-project/ragservice) has no dependencies, so no virtualenv is
needed. Everything written is deterministic except `generated_at`, which is the current UTC time unless
SOURCE_DATE_EPOCH is set.

For each set the script runs the real service over the 100 questions of sample-project/eval/questions.jsonl (each
with the document it is about) against the sample corpus, and writes:

  accuracy-report.json   gatecheck.accuracy/v1 with two per-question metrics:
                         retrieval   1 when the expected document is the top-ranked one the service retrieves
                                     (hit@1), else 0;
                         attribution 1 when the answer's first sentence is attributed to the expected document
                                     (its support reaches the composer's min_support), else 0.
                         Each metric's value is the mean over the 100 questions, and every question's scores are
                         listed under `samples`.
  llm-cost.json          the pipeline cost script's shape (`total_cost` and one object per model), from the
                         service's own token and price estimates for the run (sample-project/ragservice/cost.py).
  image-inspect.json     NOT produced by Docker: there is no Docker engine here. It is written in the exact shape
                         `docker image inspect` prints (a JSON array, four-space indentation, the Engine API 1.44+
                         field set), with a fixed, made-up image: ids and layer digests are sha256 of descriptive
                         text and the sizes are chosen (398,205,112 bytes passing; 612,143,580 bytes failing, which
                         `docker images` would show as 612MB).

  passing: the service's default configuration (min_support 0.5): retrieval 0.97, attribution 0.97.
  failing: the change under review raises the composer's min_support to 0.6 (RAGSERVICE_MIN_SUPPORT=0.6), so four
           answers whose best sentence covers exactly half of the question lose their attribution: attribution
           0.93 (below the 0.95 gate), retrieval unchanged at 0.97. The same change adds a heavy dependency to the
           runtime image, which grows to 612 MB (above the 500 MiB gate).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROJECT = REPO / "sample-project"
sys.path.insert(0, str(PROJECT))

from ragservice.config import load_config  # noqa: E402
from ragservice.documents import DocumentStore  # noqa: E402
from ragservice.service import RagService  # noqa: E402

CORPUS = PROJECT / "tests" / "data" / "corpus.jsonl"
QUESTIONS = PROJECT / "eval" / "questions.jsonl"
DATASET = "ragservice-support-qa"

SETS = {
    "passing": {"environ": {}, "tag": "ragservice:0.4.1", "size": 398_205_112},
    "failing": {"environ": {"RAGSERVICE_MIN_SUPPORT": "0.6"}, "tag": "ragservice:pr-128", "size": 612_143_580},
}


def generated_at() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def evaluate(environ: dict[str, str]) -> tuple[list[dict], dict[str, int | float]]:
    """Per-question scores and the run's token and cost totals."""
    store = DocumentStore()
    store.load_jsonl(CORPUS.read_text(encoding="utf-8"))
    service = RagService(store, load_config(environ=environ))
    questions = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    samples = []
    usage = {"input_tokens": 0, "output_tokens": 0, "cost": 0.0}
    for question in questions:
        retrieved = service.retrieve(question["question"])
        answer = service.answer(question["question"])
        first = answer.sentences[0] if answer.sentences else None
        scores = {
            "retrieval": int(bool(retrieved) and retrieved[0] == question["expected"]),
            "attribution": int(first is not None and first.source_id == question["expected"]),
        }
        samples.append({"id": question["id"], "scores": scores})
        usage["input_tokens"] += answer.cost.input_tokens
        usage["output_tokens"] += answer.cost.output_tokens
        usage["cost"] += answer.cost.usd
    usage["model"] = service.costs.model
    return samples, usage


def accuracy_report(samples: list[dict]) -> dict:
    metrics = {}
    for name in ("retrieval", "attribution"):
        scores = [sample["scores"][name] for sample in samples]
        metrics[name] = {"value": round(sum(scores) / len(scores), 6), "samples": len(scores), "unscored": 0}
    return {
        "schema": "gatecheck.accuracy/v1",
        "dataset": {"name": DATASET, "size": len(samples)},
        "generated_at": generated_at(),
        "metrics": metrics,
        "samples": samples,
    }


def cost_report(usage: dict) -> dict:
    cost = round(usage["cost"], 8)
    return {
        "total_cost": cost,
        usage["model"]: {"input_tokens": usage["input_tokens"], "output_tokens": usage["output_tokens"], "cost": cost},
    }


def sha256(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def image_inspect(tag: str, size: int) -> list[dict]:
    """One image in `docker image inspect`'s shape (field order as the Engine API returns it)."""
    layers = [sha256(f"{tag} layer {index}") for index in range(6)]
    return [
        {
            "Id": sha256(f"{tag} image"),
            "RepoTags": [tag],
            "RepoDigests": [],
            "Parent": "",
            "Comment": "buildkit.dockerfile.v0",
            "Created": "2026-11-20T09:14:03.512345678Z",
            "DockerVersion": "",
            "Author": "",
            "Config": {
                "User": "app",
                "ExposedPorts": {"8080/tcp": {}},
                "Env": [
                    "PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "PYTHONDONTWRITEBYTECODE=1",
                ],
                "Entrypoint": ["python", "-m", "ragservice.cli"],
                "WorkingDir": "/app",
                "Labels": {"org.opencontainers.image.source": "https://example.invalid/ragservice"},
            },
            "Architecture": "amd64",
            "Os": "linux",
            "Size": size,
            "GraphDriver": {
                "Data": {
                    "LowerDir": ":".join(f"/var/lib/docker/overlay2/{layer[7:19]}/diff" for layer in layers[:-1]),
                    "MergedDir": f"/var/lib/docker/overlay2/{layers[-1][7:19]}/merged",
                    "UpperDir": f"/var/lib/docker/overlay2/{layers[-1][7:19]}/diff",
                    "WorkDir": f"/var/lib/docker/overlay2/{layers[-1][7:19]}/work",
                },
                "Name": "overlay2",
            },
            "RootFS": {"Type": "layers", "Layers": layers},
            "Metadata": {"LastTagTime": "2026-11-20T09:14:04.021876543Z"},
        }
    ]


def write(path: Path, document: object, indent: int) -> None:
    path.write_text(json.dumps(document, indent=indent) + "\n", encoding="utf-8")


def write_accuracy(path: Path, report: dict) -> None:
    """Pretty-printed, with one line per sample so that the file stays readable."""
    head = json.dumps({key: value for key, value in report.items() if key != "samples"}, indent=2)
    samples = ",\n".join("    " + json.dumps(sample) for sample in report["samples"])
    path.write_text(head[: -len("\n}")] + ',\n  "samples": [\n' + samples + "\n  ]\n}\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description="Regenerate the metric reports of sample-reports/ (see above).")
    parser.add_argument("--set", choices=sorted(SETS), help="only this set (default: every set)")
    parser.add_argument("--out", type=Path, help="write into this directory instead of sample-reports/SET (needs --set)")
    args = parser.parse_args()
    if args.out and not args.set:
        parser.error("--out needs --set")
    for name, spec in SETS.items():
        if args.set and name != args.set:
            continue
        out = args.out or REPO / "sample-reports" / name
        out.mkdir(parents=True, exist_ok=True)
        samples, usage = evaluate(spec["environ"])
        report = accuracy_report(samples)
        write_accuracy(out / "accuracy-report.json", report)
        write(out / "llm-cost.json", cost_report(usage), 2)
        write(out / "image-inspect.json", image_inspect(spec["tag"], spec["size"]), 4)
        values = ", ".join(f"{metric} {body['value']}" for metric, body in report["metrics"].items())
        print(f"{name}: {values}; {usage['cost']:.6f} USD; image {spec['size']} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
