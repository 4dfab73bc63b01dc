"""``python -m ragservice.cli corpus.jsonl "question"``: answer one question from a JSONL corpus."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ragservice.config import ConfigError, load_config
from ragservice.documents import DocumentFormatError, DocumentStore
from ragservice.service import RagService


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ragservice", description=__doc__)
    parser.add_argument("corpus", type=Path, help="JSONL file, one document per line")
    parser.add_argument("question")
    parser.add_argument("--config", type=Path, help="JSON configuration file")
    parser.add_argument("--json", action="store_true", help="print the answer as JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = load_config(args.config, environ=os.environ)
        store = DocumentStore()
        store.load_jsonl(args.corpus.read_text(encoding="utf-8"))
    except (ConfigError, DocumentFormatError, OSError) as exc:
        print(f"ragservice: {exc}", file=sys.stderr)
        return 2
    answer = RagService(store, config).answer(args.question)
    if args.json:
        payload = {
            "answer": answer.text,
            "sources": list(answer.sources),
            "attribution_rate": answer.attribution_rate,
            "cost_usd": answer.cost.usd,
        }
        print(json.dumps(payload, indent=2, sort_keys=True))
    else:
        print(answer.text)
        print(f"sources: {', '.join(answer.sources) or '-'}  cost: {answer.cost.usd:.6f} USD")
    return 0


if __name__ == "__main__":
    sys.exit(main())
