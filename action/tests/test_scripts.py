"""Tests of action/install.sh (download, .sha256 check, "latest") against a local stub of GitHub's release downloads
and API, and of action/run.sh with the real gatecheck executable on the sample reports.

The executable is $GATECHECK, else .build/release/gatecheck, else .build/debug/gatecheck (scripts/test-action.sh
says which).
"""

import hashlib
import io
import json
import os
import subprocess
import tarfile
import tempfile
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ACTION = os.path.join(ROOT, "action")
ARCH = os.uname().machine


def gatecheck_executable():
    for candidate in (os.environ.get("GATECHECK"), ".build/release/gatecheck", ".build/debug/gatecheck"):
        if candidate:
            path = os.path.join(ROOT, candidate)
            if os.access(path, os.X_OK):
                return path
    return None


def tarball(version):
    """A release-shaped tarball whose gatecheck is a script printing the version."""
    name = "gatecheck-%s-linux-%s" % (version, ARCH)
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w:gz") as archive:
        script = ("#!/bin/sh\necho %s\n" % version).encode()
        info = tarfile.TarInfo(name + "/gatecheck")
        info.size = len(script)
        info.mode = 0o755
        archive.addfile(info, io.BytesIO(script))
    return name + ".tar.gz", data.getvalue()


class ReleaseStub:
    def __init__(self, version, corrupt=False):
        self.files = {}
        file_name, content = tarball(version)
        digest = hashlib.sha256(content).hexdigest()
        base = "/octo/gatecheck/releases/download/v%s/" % version
        self.files[base + file_name] = content[:-1] + b"x" if corrupt else content
        self.files[base + file_name + ".sha256"] = ("%s  %s\n" % (digest, file_name)).encode()
        self.files["/api/repos/octo/gatecheck/releases/latest"] = json.dumps({"tag_name": "v" + version}).encode()
        self.requested = []

    def handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                stub.requested.append(self.path)
                content = stub.files.get(self.path)
                self.send_response(200 if content is not None else 404)
                self.send_header("Content-Length", str(len(content or b"")))
                self.end_headers()
                self.wfile.write(content or b"")

        return Handler


class InstallTests(unittest.TestCase):
    def install(self, stub, version):
        server = ThreadingHTTPServer(("127.0.0.1", 0), stub.handler())
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with tempfile.TemporaryDirectory() as work:
                path_file = os.path.join(work, "path")
                base = "http://127.0.0.1:%d" % server.server_address[1]
                env = dict(
                    os.environ, GATECHECK_VERSION=version, GATECHECK_REPOSITORY="octo/gatecheck",
                    GITHUB_SERVER_URL=base, GITHUB_API_URL=base + "/api", RUNNER_TEMP=work, GITHUB_PATH=path_file,
                    GITHUB_TOKEN="")
                result = subprocess.run(
                    ["bash", os.path.join(ACTION, "install.sh")], env=env, capture_output=True, text=True, timeout=120)
                added = open(path_file).read().split() if os.path.exists(path_file) else []
                return result, added
        finally:
            server.shutdown()
            server.server_close()

    def test_installs_the_release_and_puts_it_on_path(self):
        stub = ReleaseStub("0.3.1")
        result, added = self.install(stub, "0.3.1")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip().splitlines()[-1], "0.3.1")
        self.assertEqual(len(added), 1)
        self.assertTrue(added[0].endswith("gatecheck-0.3.1-linux-%s" % ARCH))

    def test_latest_is_resolved_through_the_api(self):
        stub = ReleaseStub("0.4.0")
        result, _ = self.install(stub, "latest")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("/api/repos/octo/gatecheck/releases/latest", stub.requested)
        self.assertEqual(result.stdout.strip().splitlines()[-1], "0.4.0")

    def test_a_tarball_that_does_not_match_its_sha256_is_refused(self):
        stub = ReleaseStub("0.3.1", corrupt=True)
        result, added = self.install(stub, "0.3.1")
        self.assertEqual(result.returncode, 2)
        self.assertIn("does not match its .sha256", result.stderr)
        self.assertEqual(added, [])

    def test_a_missing_release_is_refused(self):
        stub = ReleaseStub("0.3.1")
        result, added = self.install(stub, "9.9.9")
        self.assertEqual(result.returncode, 2)
        self.assertIn("could not download", result.stderr)
        self.assertEqual(added, [])


@unittest.skipUnless(gatecheck_executable(), "no gatecheck executable built (swift build)")
class RunTests(unittest.TestCase):
    def run_action(self, paths, **extra):
        with tempfile.TemporaryDirectory() as work:
            outputs = os.path.join(work, "outputs")
            summary = os.path.join(work, "summary.md")
            env = dict(
                os.environ, GATECHECK=gatecheck_executable(), GATECHECK_CONFIG="sample-reports/gates.json",
                GATECHECK_PATHS=paths, RUNNER_TEMP=work, GITHUB_OUTPUT=outputs, GITHUB_STEP_SUMMARY=summary,
                GITHUB_ACTIONS="true")
            env.update(extra)
            result = subprocess.run(
                ["bash", os.path.join(ACTION, "run.sh")], env=env, cwd=ROOT, capture_output=True, text=True,
                timeout=300)
            values = dict(line.split("=", 1) for line in open(outputs).read().splitlines())
            markdown = open(values["markdown"], encoding="utf-8").read() if "markdown" in values else ""
            with open(summary, encoding="utf-8") as handle:
                summary_text = handle.read()
            sarif = extra.get("GATECHECK_SARIF")
            sarif_text = open(os.path.join(ROOT, sarif)).read() if sarif and os.path.exists(os.path.join(ROOT, sarif)) else ""
            return result, values, markdown, summary_text, sarif_text

    def test_failing_reports_give_exit_code_one_annotations_summary_and_markdown(self):
        with tempfile.TemporaryDirectory(dir=ROOT) as out:
            sarif = os.path.relpath(os.path.join(out, "gatecheck.sarif"), ROOT)
            result, values, markdown, summary, sarif_text = self.run_action(
                "sample-reports/failing", GATECHECK_SARIF=sarif)
        self.assertEqual(result.returncode, 0, result.stderr)  # run.sh always exits 0; the code is an output
        self.assertEqual(values["exit-code"], "1")
        self.assertIn("::error title=gatecheck line-coverage (failed)::", result.stdout)
        self.assertIn("FAIL   line-coverage", result.stdout)  # the text verdict follows the annotations
        self.assertIn("`line-coverage`", markdown)
        self.assertIn("`line-coverage`", summary)
        self.assertIn('"gatecheck.verdict"', sarif_text)

    def test_only_selects_the_gates_of_a_tag(self):
        result, values, markdown, _, _ = self.run_action(
            "sample-reports/passing\n  sample-reports/passing/junit.xml  \n", GATECHECK_ONLY="test",
            GATECHECK_CONFIG="")
        self.assertEqual(values["exit-code"], "0", result.stdout + result.stderr)
        self.assertIn("`failed-tests`", markdown)
        self.assertNotIn("`line-coverage`", markdown)

    def test_arguments_pass_one_per_line_unexpanded(self):
        with tempfile.TemporaryDirectory(dir=ROOT) as out:
            baseline = os.path.join(out, "base $HOME line.json")
            result, values, _, _, _ = self.run_action(
                "sample-reports/passing", GATECHECK_ARGUMENTS="  --explain\n\n--output=json=%s\n" % baseline)
            self.assertEqual(values["exit-code"], "0", result.stdout + result.stderr)
            self.assertTrue(os.path.exists(baseline), "the argument was split or expanded")
        self.assertIn("line-coverage", result.stdout)

    def test_an_unknown_tag_is_exit_two_and_still_a_verdict(self):
        result, values, markdown, _, _ = self.run_action("sample-reports/passing", GATECHECK_ONLY="secruity")
        self.assertEqual(values["exit-code"], "2")
        self.assertIn("secruity", markdown)


if __name__ == "__main__":
    unittest.main()
