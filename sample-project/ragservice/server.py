"""``python -m ragservice.server corpus.jsonl --port N``: the service over HTTP, for the post-deploy load test.

    GET /answer?q=QUESTION   -> 200 {"answer", "sources", "cost_usd"}; 400 for an empty question
    GET /healthz             -> 200 "ok" once the index is built

Standard library only (ThreadingHTTPServer): the sample's stand-in for the real deployment. It binds to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from ragservice.config import ConfigError, load_config
from ragservice.documents import DocumentFormatError, DocumentStore
from ragservice.service import RagService


def make_handler(service: RagService) -> type[BaseHTTPRequestHandler]:
    # RagService charges every answer to its cost estimator, which is not thread-safe.
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            url = urlparse(self.path)
            if url.path == "/healthz":
                self._send(200, "text/plain", b"ok")
                return
            if url.path != "/answer":
                self._send(404, "text/plain", b"not found")
                return
            question = parse_qs(url.query).get("q", [""])[0]
            if not question.strip():
                self._send(400, "text/plain", b"empty question")
                return
            with lock:
                answer = service.answer(question)
            body = json.dumps({"answer": answer.text, "sources": list(answer.sources), "cost_usd": answer.cost.usd})
            self._send(200, "application/json", body.encode())

        def _send(self, status: int, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
            pass

    return Handler


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ragservice.server", description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port; the port is printed")
    parser.add_argument("--config", type=Path)
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config, environ=os.environ)
        store = DocumentStore()
        store.load_jsonl(args.corpus.read_text(encoding="utf-8"))
    except (ConfigError, DocumentFormatError, OSError) as exc:
        print(f"ragservice.server: {exc}", file=sys.stderr)
        return 2
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(RagService(store, config)))
    print(f"listening on 127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
