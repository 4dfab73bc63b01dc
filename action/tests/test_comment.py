"""Tests of action/comment.py against a local stub of the GitHub REST API (http.server on 127.0.0.1, a random port).

Each test runs the real script as the action does (a subprocess with the action's environment) and checks what the
stub received: which requests, in which order, with which bodies.
"""

import json
import os
import subprocess
import sys
import tempfile
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

SCRIPT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "comment.py")
MARKER = "<!-- gatecheck -->"
REPO = "octo/rag-service"
PR = 42


class Stub:
    """The API's state: the pull request's comments, the requests received, and statuses to answer instead."""

    def __init__(self, comments, per_page_served=2, refuse=None):
        self.comments = comments
        self.per_page_served = per_page_served
        self.refuse = refuse or {}
        self.requests = []
        self.next_id = 1000


def make_handler(stub):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, status, payload, headers=None):
            data = json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def handle_any(self, method):
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            url = urlparse(self.path)
            stub.requests.append(
                {"method": method, "path": url.path, "query": parse_qs(url.query), "body": body,
                 "auth": self.headers.get("Authorization")})
            if method in stub.refuse:
                self.reply(stub.refuse[method], {"message": "Resource not accessible by integration"})
                return
            list_path = "/repos/%s/issues/%d/comments" % (REPO, PR)
            if method == "GET" and url.path == list_path:
                page = int(parse_qs(url.query).get("page", ["1"])[0])
                size = stub.per_page_served
                chunk = stub.comments[(page - 1) * size : page * size]
                headers = {}
                if page * size < len(stub.comments):
                    base = "http://%s:%d%s" % (self.server.server_address[0], self.server.server_address[1], list_path)
                    headers["Link"] = '<%s?per_page=100&page=%d>; rel="next", <%s?page=9>; rel="last"' % (
                        base, page + 1, base)
                self.reply(200, chunk, headers)
            elif method == "POST" and url.path == list_path:
                stub.next_id += 1
                comment = {"id": stub.next_id, "body": body["body"], "html_url": "https://example/c/%d" % stub.next_id}
                stub.comments.append(comment)
                self.reply(201, comment)
            elif method == "PATCH" and url.path.startswith("/repos/%s/issues/comments/" % REPO):
                number = int(url.path.rsplit("/", 1)[1])
                for comment in stub.comments:
                    if comment["id"] == number:
                        comment["body"] = body["body"]
                        self.reply(200, comment)
                        return
                self.reply(404, {"message": "Not Found"})
            else:
                self.reply(404, {"message": "Not Found"})

        def do_GET(self):
            self.handle_any("GET")

        def do_POST(self):
            self.handle_any("POST")

        def do_PATCH(self):
            self.handle_any("PATCH")

    return Handler


class CommentTests(unittest.TestCase):
    def run_script(self, stub, markdown, *extra):
        server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(stub))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            with tempfile.TemporaryDirectory() as work:
                verdict = os.path.join(work, "gatecheck.md")
                with open(verdict, "w", encoding="utf-8") as handle:
                    handle.write(markdown)
                event = os.path.join(work, "event.json")
                with open(event, "w", encoding="utf-8") as handle:
                    json.dump({"pull_request": {"number": PR}}, handle)
                summary = os.path.join(work, "summary.md")
                env = {
                    "PATH": os.environ.get("PATH", ""),
                    "GITHUB_API_URL": "http://127.0.0.1:%d" % server.server_address[1],
                    "GITHUB_TOKEN": "test-token",
                    "GITHUB_REPOSITORY": REPO,
                    "GITHUB_EVENT_PATH": event,
                    "GITHUB_SERVER_URL": "https://github.example",
                    "GITHUB_RUN_ID": "777",
                    "GITHUB_STEP_SUMMARY": summary,
                }
                result = subprocess.run(
                    [sys.executable, SCRIPT, "--markdown", verdict, *extra], env=env, capture_output=True, text=True,
                    timeout=60)
                summary_text = ""
                if os.path.exists(summary):
                    with open(summary, encoding="utf-8") as handle:
                        summary_text = handle.read()
                return result, summary_text
        finally:
            server.shutdown()
            server.server_close()

    def test_creates_one_comment_when_none_is_marked(self):
        stub = Stub([{"id": 1, "body": "LGTM"}, {"id": 2, "body": "a comment that mentions gatecheck"}])
        result, _ = self.run_script(stub, "## gatecheck: FAIL\n")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual([r["method"] for r in stub.requests], ["GET", "POST"])
        self.assertEqual(stub.requests[0]["query"].get("per_page"), ["100"])
        self.assertEqual(stub.requests[1]["body"]["body"], MARKER + "\n## gatecheck: FAIL\n")
        self.assertEqual(stub.requests[1]["auth"], "Bearer test-token")
        self.assertEqual(len(stub.comments), 3)

    def test_updates_the_marked_comment_found_on_page_two(self):
        comments = [{"id": n, "body": "comment %d" % n} for n in range(1, 4)]
        comments.append({"id": 4, "body": MARKER + "\n## gatecheck: FAIL (old)\n"})
        comments.append({"id": 5, "body": "later " + MARKER})  # not at the start: not the sticky comment
        stub = Stub(comments, per_page_served=3)
        result, _ = self.run_script(stub, "## gatecheck: PASS\n")
        self.assertEqual(result.returncode, 0, result.stderr)
        methods = [(r["method"], r["query"].get("page", ["1"])[0]) for r in stub.requests]
        self.assertEqual(methods, [("GET", "1"), ("GET", "2"), ("PATCH", "1")])
        self.assertEqual(stub.requests[2]["path"], "/repos/%s/issues/comments/4" % REPO)
        self.assertEqual(stub.comments[3]["body"], MARKER + "\n## gatecheck: PASS\n")
        self.assertEqual(len(stub.comments), 5)  # no new comment

    def test_each_stage_keeps_a_comment_of_its_own(self):
        stub = Stub([{"id": 7, "body": MARKER + "\nall gates\n"}])
        result, _ = self.run_script(stub, "test stage\n", "--only", "test")
        self.assertEqual(result.returncode, 0, result.stderr)
        result, _ = self.run_script(stub, "security stage\n", "--only", "security,image", "--skip", "slow")
        result, _ = self.run_script(stub, "test stage, again\n", "--only", "test")
        bodies = [comment["body"] for comment in stub.comments]
        self.assertEqual(
            bodies,
            [
                MARKER + "\nall gates\n",
                "<!-- gatecheck only=test -->\ntest stage, again\n",
                "<!-- gatecheck only=security,image skip=slow -->\nsecurity stage\n",
            ])
        # A tag cannot end the hidden comment early, whatever the input holds.
        self.run_script(stub, "odd\n", "--only", "a-->b <x>")
        self.assertTrue(stub.comments[-1]["body"].startswith("<!-- gatecheck only=a-_b__x_ -->\n"))

    def test_permission_denied_is_a_warning_and_exit_zero(self):
        for method in ("GET", "POST"):
            with self.subTest(refused=method):
                stub = Stub([], refuse={method: 403})
                result, summary = self.run_script(stub, "## gatecheck: FAIL\n")
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn("::warning", result.stdout)
                self.assertIn("HTTP 403", result.stdout)
                self.assertIn("workflow_run", result.stdout)
                self.assertIn("could not comment", summary)
                self.assertEqual(stub.comments, [])

    def test_fork_not_found_is_a_warning_too(self):
        stub = Stub([], refuse={"GET": 404})
        result, summary = self.run_script(stub, "x\n")
        self.assertEqual(result.returncode, 0)
        self.assertIn("HTTP 404", result.stdout)
        self.assertIn("could not comment", summary)

    def test_a_verdict_over_the_limit_is_cut_with_a_note_and_the_run_link(self):
        row = "| ❌ | `gate-%05d` | `tests.failed` | 3 | ≤ 0 | **fail** |\n"
        markdown = "## gatecheck: FAIL\n\n" + "".join(row % n for n in range(2000))
        self.assertGreater(len(markdown), 65536)
        stub = Stub([])
        result, _ = self.run_script(stub, markdown)
        self.assertEqual(result.returncode, 0, result.stderr)
        body = stub.requests[-1]["body"]["body"]
        self.assertLessEqual(len(body), 65536)
        self.assertGreater(len(body), 60000)
        self.assertTrue(body.startswith(MARKER + "\n## gatecheck: FAIL"))
        self.assertIn("https://github.example/%s/actions/runs/777" % REPO, body)
        self.assertIn("it is cut here", body)
        # Cut at a line end: every table row kept is whole.
        kept = [line for line in body.splitlines() if line.startswith("| ")]
        self.assertTrue(all(line.endswith("**fail** |") for line in kept))

    def test_a_verdict_at_the_limit_is_kept_whole(self):
        markdown = "a" * (65536 - len(MARKER) - 1)
        stub = Stub([])
        result, _ = self.run_script(stub, markdown)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(stub.requests[-1]["body"]["body"], MARKER + "\n" + markdown)


if __name__ == "__main__":
    unittest.main()
