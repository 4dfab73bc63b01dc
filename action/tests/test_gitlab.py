"""Runs ci/gitlab/gatecheck.gitlab-ci.yml's job as a GitLab runner would (before_script then script, in one bash
with -e), against a local stub of the release downloads, with the real gatecheck executable inside the tarball; and
checks the artifacts the template hands GitLab. Needs PyYAML (scripts/test-action.sh installs it when missing).
"""

import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from test_scripts import ARCH, ROOT, gatecheck_executable

try:
    import yaml
except ImportError:  # scripts/test-action.sh installs it; a bare unittest run without it says so
    yaml = None

TEMPLATE = os.path.join(ROOT, "ci/gitlab/gatecheck.gitlab-ci.yml")


def wrapper_tarball(version, executable):
    """A release-shaped tarball whose gatecheck runs the executable built here."""
    name = "gatecheck-%s-linux-%s" % (version, ARCH)
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w:gz") as archive:
        script = ('#!/bin/sh\nexec "%s" "$@"\n' % executable).encode()
        info = tarfile.TarInfo(name + "/gatecheck")
        info.size = len(script)
        info.mode = 0o755
        archive.addfile(info, io.BytesIO(script))
    content = data.getvalue()
    digest = hashlib.sha256(content).hexdigest()
    return {name + ".tar.gz": content, name + ".tar.gz.sha256": ("%s  %s.tar.gz\n" % (digest, name)).encode()}


@unittest.skipUnless(yaml and gatecheck_executable(), "needs PyYAML and a built gatecheck executable")
class GitLabTemplateTests(unittest.TestCase):
    def run_job(self, variables, files):
        with open(TEMPLATE, encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
        job = document[".gatecheck"]
        served = {"/octo/gatecheck/releases/download/v0.3.1/" + n: c for n, c in files.items()}

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                content = served.get(self.path)
                self.send_response(200 if content is not None else 404)
                self.send_header("Content-Length", str(len(content or b"")))
                self.end_headers()
                self.wfile.write(content or b"")

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            work = tempfile.mkdtemp()
            shutil.copytree(os.path.join(ROOT, "sample-reports"), os.path.join(work, "sample-reports"))
            env = {k: str(v) for k, v in document["variables"].items()}
            env.update(
                PATH=os.environ["PATH"], HOME=work, GATECHECK_VERSION="0.3.1", GATECHECK_REPOSITORY="octo/gatecheck",
                GATECHECK_RELEASES="http://127.0.0.1:%d/octo/gatecheck/releases/download" % server.server_address[1])
            env.update(variables)
            script = "set -eo pipefail\n" + "\n".join(job["before_script"] + job["script"]) + "\n"
            result = subprocess.run(["bash", "-c", script], cwd=work, env=env, capture_output=True, text=True,
                                    timeout=300)
            return result, work, job
        finally:
            server.shutdown()
            server.server_close()

    def test_the_job_writes_the_reports_gitlab_reads_and_exits_with_the_verdict(self):
        files = wrapper_tarball("0.3.1", gatecheck_executable())
        result, work, job = self.run_job(
            {"GATECHECK_CONFIG": "sample-reports/gates.json", "GATECHECK_PATHS": "sample-reports/failing"}, files)
        try:
            self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
            reports = job["artifacts"]["reports"]
            with open(os.path.join(work, reports["junit"]), encoding="utf-8") as handle:
                self.assertIn('<testcase name="line-coverage"', handle.read())
            with open(os.path.join(work, reports["codequality"]), encoding="utf-8") as handle:
                quality = json.load(handle)
            self.assertTrue(any(issue["check_name"] == "gatecheck/line-coverage" for issue in quality))
            for path in job["artifacts"]["paths"]:
                self.assertTrue(os.path.isfile(os.path.join(work, path)), path)
        finally:
            shutil.rmtree(work)

    def test_only_is_passed_through(self):
        files = wrapper_tarball("0.3.1", gatecheck_executable())
        result, work, _ = self.run_job({"GATECHECK_PATHS": "sample-reports/passing", "GATECHECK_ONLY": "test"}, files)
        shutil.rmtree(work)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("failed-tests", result.stdout)
        self.assertNotIn("line-coverage", result.stdout)

    def test_a_tampered_tarball_stops_the_job(self):
        files = wrapper_tarball("0.3.1", gatecheck_executable())
        name = next(n for n in files if n.endswith(".tar.gz"))
        files[name] = files[name][:-1] + b"x"
        result, work, _ = self.run_job({"GATECHECK_PATHS": "sample-reports/passing"}, files)
        shutil.rmtree(work)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("FAILED", result.stdout + result.stderr)

    def test_the_placeholder_repository_stops_the_job(self):
        result, work, _ = self.run_job({"GATECHECK_REPOSITORY": "OWNER/gatecheck"}, {})
        shutil.rmtree(work)
        self.assertEqual(result.returncode, 2)
        self.assertIn("set GATECHECK_REPOSITORY", result.stderr)


if __name__ == "__main__":
    unittest.main()
