#!/usr/bin/env python3
"""Variants of every wrong-pass, hang and lost-output case of issue 11, run against the built executable.

The unit tests assert each rule on the files they were written with; this script builds other files for the same
classes (other kinds, other placements, other spellings) and checks that gatecheck still never passes them, never
hangs and never loses its output. It writes everything in a temporary directory and prints one line per case and a
closing 'N passed, N failed' line; it exits 1 when any case failed.

usage: scripts/trust-variants.py [--gatecheck PATH] [--keep] [--only SUBSTRING]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "sample-reports")

PASSING_JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" tests="3" failures="0" errors="0" skipped="0">
<testcase classname="t.a" name="one" time="0.1"/><testcase classname="t.a" name="two" time="0.1"/>
<testcase classname="t.b" name="three" time="0.1"/></testsuite></testsuites>
"""

FAILING_JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" tests="2" failures="1" errors="0">
<testcase classname="t.a" name="ok" time="0.1"/>
<testcase classname="t.a" name="broken" time="0.1"><failure message="assert 1 == 2">boom</failure></testcase>
</testsuite></testsuites>
"""


def coverage(lines_xml, root_attrs='line-rate="1.0" branch-rate="0" lines-covered="1" lines-valid="1"', dtd=""):
    return f"""<?xml version="1.0" ?>{dtd}
<coverage version="7.4" timestamp="1" {root_attrs} branches-covered="0" branches-valid="0" complexity="0">
<sources><source>/src</source></sources>
<packages><package name="app" line-rate="1" branch-rate="0" complexity="0">{lines_xml}</package></packages>
</coverage>
"""


def sarif(runs, sort_keys=False, pad=0):
    log = {"version": "2.1.0", "runs": runs}
    if pad:
        log["properties"] = {"padding": "x" * pad}
    return json.dumps(log, sort_keys=sort_keys)


def sarif_run(results=None, name="semgrep"):
    run = {"tool": {"driver": {"name": name, "rules": [
        {"id": "R1", "properties": {"security-severity": "9.1"}, "defaultConfiguration": {"level": "error"}}]}}}
    if results is not None:
        run["results"] = results
    return run


HIGH_RESULT = {"ruleId": "R1", "level": "error", "message": {"text": "command injection"},
               "locations": [{"physicalLocation": {"artifactLocation": {"uri": "app.py"},
                                                   "region": {"startLine": 3}}}]}

BANDIT_HIGH = {"errors": [], "generated_at": "2026-11-26T09:00:00Z", "metrics": {}, "results": [
    {"code": "x", "filename": "app.py", "issue_confidence": "HIGH", "issue_severity": "HIGH",
     "issue_text": "shell=True", "line_number": 3, "line_range": [3], "test_id": "B602",
     "test_name": "subprocess_popen_with_shell_equals_true"}]}


class Case:
    def __init__(self, name, setup, expect, timeout=20, check=None):
        self.name, self.setup, self.expect, self.timeout, self.check = name, setup, expect, timeout, check


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as handle:
        handle.write(text)
    return path


def gates(directory, gate_list, **extra):
    config = {"version": 1, "gates": gate_list}
    config.update(extra)
    return write(os.path.join(directory, "gates.json"), json.dumps(config))


# Each setup gets an empty directory and returns (arguments, environment additions or None).

def only_passing_warn_gate(d):
    write(os.path.join(d, "r", "cost.json"), json.dumps({"total_cost": 0.5, "m": {"cost": 0.5}}))
    return [os.path.join(d, "r")], None


def warn_gate_and_optional_blocking(d):
    write(os.path.join(d, "r", "junit.xml"), PASSING_JUNIT)
    g = gates(d, [{"id": "t", "metric": "tests.skipped", "max": 0, "level": "warn"},
                  {"id": "cov", "metric": "coverage.line_rate", "min": 0.8, "required": False}])
    return ["--config", g, os.path.join(d, "r")], None


def own_output_read_back(fmt, target, metric="tests.failed"):
    """A passing run writes its output among the reports; the real report is then gone, and the next run must not
    take gatecheck's own output for it."""
    def setup(d):
        reports = os.path.join(d, "r")
        real = os.path.join(reports, "junit.xml") if metric.startswith("tests") else os.path.join(reports, "b.json")
        write(real, PASSING_JUNIT if metric.startswith("tests") else json.dumps(dict(BANDIT_HIGH, results=[])))
        g = gates(d, [{"id": "g", "metric": metric, "max": 0}])
        out = os.path.join(reports, target)
        first = subprocess.run([GATECHECK, "--config", g, "--output", f"{fmt}={out}", reports], capture_output=True,
                               timeout=30)
        if first.returncode != 0 or not os.path.exists(out):
            raise RuntimeError(f"the first run did not pass and write {out}: exit {first.returncode}")
        os.remove(real)
        return ["--config", g, reports], None
    return setup


def companion(d):
    """A passing report beside the one under test: ignoring the latter would make the run pass."""
    write(os.path.join(d, "r", "zz-passing-junit.xml"), PASSING_JUNIT)


def deepeval_late_scores(d):
    cases = [{"name": f"case_{i}", "input": "q" * 200, "actualOutput": "a" * 200, "success": False,
              "metricsData": [{"name": "Contextual Recall", "threshold": 0.7, "success": False, "score": 0.1,
                               "strictMode": False}]} for i in range(600)]
    run = {"testCases": cases, "conversationalTestCases": [],
           "metricsScores": [{"metric": "Contextual Recall", "scores": [0.1] * 600, "passes": 0, "fails": 600,
                              "errors": 0}], "runDuration": 1.0}
    write(os.path.join(d, "r", "run.json"), json.dumps(run))
    companion(d)
    g = gates(d, [{"id": "recall", "metric": "accuracy.retrieval", "min": 0.9, "required": False},
                  {"id": "tests", "metric": "tests.failed", "max": 0}],
              accuracy_mapping={"Contextual Recall": "retrieval"})
    return ["--config", g, os.path.join(d, "r")], None


def sarif_sorted_late_version(d):
    write(os.path.join(d, "r", "scan.sarif"), sarif([sarif_run([HIGH_RESULT])], sort_keys=True, pad=200_000))
    companion(d)
    return [os.path.join(d, "r")], None


def xml_after_long_prolog(kind):
    def setup(d):
        prolog = "<?xml version='1.0'?>\n" + "<!-- generated -->\n" * 8000 + "<?pi data?>\n"
        body = FAILING_JUNIT.split("\n", 1)[1] if kind == "junit" else coverage(
            '<classes><class name="a" filename="a.py" line-rate="0" branch-rate="0" complexity="0"><methods/><lines>'
            '<line number="1" hits="0"/></lines></class></classes>',
            'line-rate="0" branch-rate="0" lines-covered="0" lines-valid="1"').split("\n", 1)[1]
        write(os.path.join(d, "r", "report.xml"), prolog + body)
        if kind != "junit":
            companion(d)
        else:
            write(os.path.join(d, "r", "coverage.xml"), open(os.path.join(SAMPLES, "passing", "coverage.xml")).read())
        return [os.path.join(d, "r")], None
    return setup


def junit_with_nul(d):
    text = FAILING_JUNIT.replace('name="ok"', 'name="o\0k"')
    write(os.path.join(d, "r", "junit.xml"), text)
    write(os.path.join(d, "r", "coverage.xml"), open(os.path.join(SAMPLES, "passing", "coverage.xml")).read())
    return [os.path.join(d, "r")], None


def bandit_xml(d):
    write(os.path.join(d, "r", "bandit.xml"), '<?xml version="1.0" encoding="utf-8"?>\n'
          '<testsuite name="bandit" tests="1"><testcase classname="app.py" name="subprocess_popen_with_shell">'
          '<error message="shell=True" type="HIGH">Severity: HIGH Confidence: HIGH</error></testcase></testsuite>\n')
    companion(d)
    return [os.path.join(d, "r")], None


def non_utf8_name(d):
    reports = os.path.join(d, "r").encode()
    os.makedirs(reports + b"/sub\xff", exist_ok=True)
    with open(reports + b"/sub\xff/junit-\xfe.xml", "w") as handle:
        handle.write(FAILING_JUNIT)
    write(os.path.join(d, "r", "good.xml"), PASSING_JUNIT)
    return [os.path.join(d, "r")], None


def selector(tools):
    def setup(d):
        write(os.path.join(d, "r", "bandit.json"), json.dumps(BANDIT_HIGH))
        g = gates(d, [{"id": "sec", "metric": "findings.total", "max": 0, "min_severity": "high", "tools": tools}])
        return ["--config", g, os.path.join(d, "r")], None
    return setup


def same_file_twice(how):
    def setup(d):
        reports = os.path.join(d, "r")
        path = write(os.path.join(reports, "junit.xml"), PASSING_JUNIT)
        g = gates(d, [{"id": "total", "metric": "tests.total", "max": 3}])
        if how == "hardlink":
            os.makedirs(os.path.join(d, "other"))
            os.link(path, os.path.join(d, "other", "copy.xml"))
            return ["--config", g, reports, os.path.join(d, "other")], None
        if how == "dotdot":
            return ["--config", g, path, os.path.join(reports, "..", "r", ".", "junit.xml")], None
        os.symlink(reports, os.path.join(d, "linked"))
        return ["--config", g, reports, os.path.join(d, "linked", "junit.xml")], None
    return setup


def accuracy_contradiction(d):
    """The stated value is far better than the samples listed."""
    report = {"schema": "gatecheck.accuracy/v1", "dataset": {"name": "x", "size": 4},
              "generated_at": "2026-11-26T09:00:00Z",
              "metrics": {"retrieval": {"value": 0.99, "samples": 4, "unscored": 0}},
              "samples": [{"id": f"q{i}", "scores": {"retrieval": 0}} for i in range(4)]}
    write(os.path.join(d, "r", "acc.json"), json.dumps(report))
    g = gates(d, [{"id": "r", "metric": "accuracy.retrieval", "min": 0.9}])
    return ["--config", g, os.path.join(d, "r")], None


def accuracy_partial_list(d):
    """The stated value (0.40 over 50 samples) is worse than the three samples listed, which all score 1."""
    report = {"schema": "gatecheck.accuracy/v1", "dataset": {"name": "x", "size": 50},
              "generated_at": "2026-11-26T09:00:00Z",
              "metrics": {"retrieval": {"value": 0.40, "samples": 50, "unscored": 0}},
              "samples": [{"id": f"q{i}", "scores": {"retrieval": 1}} for i in range(3)]}
    write(os.path.join(d, "r", "acc.json"), json.dumps(report))
    g = gates(d, [{"id": "r", "metric": "accuracy.retrieval", "min": 0.9}])
    return ["--config", g, os.path.join(d, "r")], None


def cobertura_misplaced(variant):
    def setup(d):
        if variant == "methods-only":
            body = ('<classes><class name="a" filename="a.py" line-rate="0" branch-rate="0" complexity="0"><methods>'
                    '<method name="f" signature="()" line-rate="0" branch-rate="0"><lines><line number="2" hits="0"/>'
                    '</lines></method></methods><lines/></class></classes>')
        elif variant == "negative-number":
            body = ('<classes><class name="a" filename="a.py" line-rate="0" branch-rate="0" complexity="0"><methods/>'
                    '<lines><line number="-3" hits="0"/></lines></class></classes>')
        else:  # a <lines> directly under <package>
            body = '<lines><line number="4" hits="0"/></lines>'
        write(os.path.join(d, "r", "coverage.xml"), coverage(body))
        g = gates(d, [{"id": "c", "metric": "coverage.line_rate", "min": 0.8}])
        return ["--config", g, os.path.join(d, "r")], None
    return setup


def cobertura_contradicting_root(d):
    write(os.path.join(d, "r", "coverage.xml"), coverage(
        "", 'line-rate="0.95" branch-rate="0" lines-covered="12" lines-valid="100"'))
    g = gates(d, [{"id": "c", "metric": "coverage.line_rate", "min": 0.8}])
    return ["--config", g, os.path.join(d, "r")], None


def cobertura_bad_byte(encoding, bad):
    """A byte not valid in the declared encoding, before the lines: libxml2 halts there without an error callback."""
    def setup(d):
        lines = "".join(f'<line number="{n}" hits="0"/>' for n in range(1, 101))
        head = (f'<?xml version="1.0" encoding="{encoding}"?>\n<coverage line-rate="0.95" lines-valid="100" '
                'lines-covered="95"><packages><package name="p"><!-- ').encode()
        tail = (f' --><classes><class filename="a.py"><lines>{lines}</lines></class></classes></package>'
                '</packages></coverage>\n').encode()
        write(os.path.join(d, "r", "coverage.xml"), head + bad + tail, "wb")
        g = gates(d, [{"id": "c", "metric": "coverage.line_rate", "min": 0.8}])
        return ["--config", g, os.path.join(d, "r")], None
    return setup


def suite_level_failure(d):
    write(os.path.join(d, "r", "junit.xml"), '<testsuite name="com.x.ATest" tests="2" failures="0" errors="1">'
          '<testcase classname="com.x.ATest" name="a"/><testcase classname="com.x.ATest" name="b"/>'
          '<failure message="setUpClass failed" type="java.lang.IllegalStateException">trace</failure></testsuite>')
    return [os.path.join(d, "r")], None


def sarif_not_run(variant):
    def setup(d):
        runs = [] if variant == "no-runs" else [sarif_run([]), sarif_run(None, name="codeql")]
        write(os.path.join(d, "r", "scan.sarif"), sarif(runs))
        g = gates(d, [{"id": "f", "metric": "findings.total", "max": 0}])
        return ["--config", g, os.path.join(d, "r")], None
    return setup


def empty_shard(text):
    def setup(d):
        write(os.path.join(d, "r", "shard-1.xml"), PASSING_JUNIT)
        write(os.path.join(d, "r", "shard-2.xml"), text)
        return [os.path.join(d, "r")], None
    return setup


def dtd_default(variant):
    def setup(d):
        if variant == "junit-fixed":
            # A default that turns a failing testcase's classname into one a waiver-free gate would not notice is
            # not the point: any declaration that can change content is refused, whatever it declares.
            text = ('<?xml version="1.0"?>\n<!DOCTYPE testsuites [\n<!ATTLIST testcase classname CDATA "x">\n]>\n'
                    + PASSING_JUNIT.split("\n", 1)[1])
            write(os.path.join(d, "r", "junit.xml"), text)
            return [os.path.join(d, "r")], None
        dtd = '\n<!DOCTYPE coverage [ <!ATTLIST line hits CDATA #FIXED "7"> ]>'
        body = ('<classes><class name="a" filename="a.py" line-rate="0" branch-rate="0" complexity="0"><methods/>'
                '<lines><line number="1"/><line number="2"/></lines></class></classes>')
        write(os.path.join(d, "r", "coverage.xml"), coverage(body, dtd=dtd))
        g = gates(d, [{"id": "c", "metric": "coverage.line_rate", "min": 0.8}])
        return ["--config", g, os.path.join(d, "r")], None
    return setup


def output_over_input(how):
    def setup(d):
        reports = os.path.join(d, "r")
        path = write(os.path.join(reports, "junit.xml"), FAILING_JUNIT)
        if how == "symlink":
            os.symlink(path, os.path.join(d, "alias.xml"))
            return ["--output", f"markdown={os.path.join(d, 'alias.xml')}", reports], None
        if how == "two-outputs":
            return ["--output", f"json={d}/o.json", "--output", f"sarif={d}/./o.json", reports], None
        return ["--output", f"text={reports}/../r/junit.xml", reports], None
    return setup


def not_a_report_among_reports(d):
    reports = os.path.join(d, "repo")
    write(os.path.join(reports, "pyproject.toml"), '[tool.poetry]\nname = "svc"\n\n[tool.pytest.ini_options]\n')
    write(os.path.join(reports, "setup.cfg"), "[metadata]\nname = svc\n[options]\npackages = find:\n")
    write(os.path.join(reports, "tox.ini"), "[tox]\nenvlist = py311\n")
    write(os.path.join(reports, "numbers.json"), "[1, 2, 3]\n")
    write(os.path.join(reports, "requirements.txt"), "requests==2.32.0\n")
    write(os.path.join(reports, "reports", "junit.xml"), PASSING_JUNIT)
    return [reports], None


def pip_audit_nothing_audited(d):
    deps = [{"name": n, "version": "1.0", "skip_reason": "Dependency not found on PyPI and could not be audited: "
             f"{n} (1.0)"} for n in ("requests", "flask", "numpy")]
    write(os.path.join(d, "r", "audit.json"), json.dumps({"dependencies": deps, "fixes": []}))
    return [os.path.join(d, "r")], None


def bandit_scan_errors(d):
    report = dict(BANDIT_HIGH, results=[], errors=[{"filename": "app/core.py", "reason": "syntax error while parsing AST"}])
    write(os.path.join(d, "r", "bandit.json"), json.dumps(report))
    return [os.path.join(d, "r")], None


def fifo_in_directory(d):
    reports = os.path.join(d, "r")
    write(os.path.join(reports, "junit.xml"), PASSING_JUNIT)
    os.mkfifo(os.path.join(reports, "pipe.xml"))
    os.symlink(os.path.join(reports, "pipe.xml"), os.path.join(reports, "link-to-pipe.xml"))
    return [reports], None


def fifo_output(d):
    write(os.path.join(d, "r", "junit.xml"), PASSING_JUNIT)
    os.mkfifo(os.path.join(d, "out.json"))
    return ["--output", f"json={d}/out.json", os.path.join(d, "r")], None


def text_in_place_of_report(name, text):
    """A step that failed and wrote text where its report goes, beside a passing JUnit report."""
    def setup(d):
        write(os.path.join(d, "r", "junit.xml"), PASSING_JUNIT)
        write(os.path.join(d, "r", name), text)
        return [os.path.join(d, "r")], None
    return setup


def compressed_report(d):
    """trivy.json written gzip-compressed (a cache restore, a renamed artifact), beside a passing JUnit report."""
    import gzip
    write(os.path.join(d, "r", "junit.xml"), PASSING_JUNIT)
    with open(os.path.join(d, "r", "trivy.json"), "wb") as out:
        out.write(gzip.compress(b'{"SchemaVersion": 2, "Results": [{"Vulnerabilities": [{"Severity": "CRITICAL"}]}]}'))
    return [os.path.join(d, "r")], None


def all_skipped(d):
    """pytest under a skip condition that hid the whole suite: three tests, all skipped."""
    write(os.path.join(d, "r", "junit.xml"),
          '<testsuites><testsuite name="pytest" tests="3" skipped="3" failures="0" errors="0">'
          + "".join(f'<testcase classname="tests.test_db" name="test_{i}"><skipped type="pytest.skip" '
                    f'message="DATABASE_URL not set"/></testcase>' for i in range(3))
          + "</testsuite></testsuites>")
    return [os.path.join(d, "r")], None


def stated_failures_only(d):
    """A JUnit summary that states two failures over testcases that all passed (edited or damaged)."""
    write(os.path.join(d, "r", "junit.xml"),
          '<testsuites tests="2" failures="2"><testsuite name="s" tests="2" failures="2">'
          '<testcase classname="t" name="a"/><testcase classname="t" name="b"/></testsuite></testsuites>')
    return [os.path.join(d, "r")], None


def many_attributes(count):
    def setup(d):
        attrs = " ".join(f"a{i}=\"1\"" for i in range(count))
        write(os.path.join(d, "r", "junit.xml"), f"<testsuite name=\"s\" {attrs}><testcase name=\"t\"/></testsuite>")
        return [os.path.join(d, "r")], None
    return setup


def huge_attribute(d):
    path = os.path.join(d, "r", "coverage.xml")
    os.makedirs(os.path.dirname(path))
    with open(path, "w") as handle:
        handle.write('<coverage line-rate="1" lines-covered="1" lines-valid="1" version="')
        chunk = "9" * (1 << 20)
        for _ in range(300):
            handle.write(chunk)
        handle.write('"><packages/></coverage>')
    return [os.path.join(d, "r")], None


def atomic_output_replaced(d):
    """An output is written beside its target and renamed over it: the previous file (here also reachable through
    a hard link) is never truncated, so a run killed mid-write cannot leave a fragment in its place."""
    reports = os.path.join(d, "r")
    write(os.path.join(reports, "junit.xml"), PASSING_JUNIT)
    out = write(os.path.join(d, "out", "verdict.json"), '{"previous": true}')
    os.link(out, os.path.join(d, "out", "previous.json"))
    return ["--output", f"json={out}", reports], None


def check_replaced_not_rewritten(d, result):
    with open(os.path.join(d, "out", "previous.json")) as handle:
        untouched = handle.read() == '{"previous": true}'
    with open(os.path.join(d, "out", "verdict.json")) as handle:
        new = '"exit_code"' in handle.read()
    leftovers = [n for n in os.listdir(os.path.join(d, "out")) if n not in ("verdict.json", "previous.json")]
    return untouched and new and not leftovers, f"rewritten in place or left {leftovers}"


def output_symlink_replaced(d):
    reports = os.path.join(d, "r")
    write(os.path.join(reports, "junit.xml"), PASSING_JUNIT)
    victim = write(os.path.join(d, "victim.txt"), "keep me")
    os.symlink(victim, os.path.join(d, "out.json"))
    return ["--output", f"json={d}/out.json", reports], None


def check_victim(d, result):
    with open(os.path.join(d, "victim.txt")) as handle:
        return handle.read() == "keep me" and not os.path.islink(os.path.join(d, "out.json")), "wrote through the link"


def stdout_full(d):
    write(os.path.join(d, "r", "junit.xml"), PASSING_JUNIT)
    return [os.path.join(d, "r")], {"__stdout__": "/dev/full"}


FIXTURES = os.path.join(ROOT, "Tests", "GateCheckTests", "Fixtures")


def unread_result_beside_passing(name, fixture=None, text=None, companion_kind="coverage"):
    """A test or coverage result in a format gatecheck does not read, beside a passing report of the other kind:
    ignored, its failures were never seen and the run passed on the companion alone."""
    def setup(d):
        content = text if text is not None else open(os.path.join(FIXTURES, fixture), "rb").read().decode()
        write(os.path.join(d, "r", name), content)
        if companion_kind == "coverage":
            write(os.path.join(d, "r", "coverage.xml"), open(os.path.join(SAMPLES, "passing", "coverage.xml")).read())
        else:
            write(os.path.join(d, "r", "junit.xml"), PASSING_JUNIT)
        return [os.path.join(d, "r")], None
    return setup


def linked_directory(d):
    """The test results behind a link to a directory outside the tree (test-results -> $RUNNER_TEMP/results)."""
    elsewhere = os.path.join(d, "elsewhere")
    write(os.path.join(elsewhere, "junit.xml"), FAILING_JUNIT)
    write(os.path.join(d, "r", "coverage.xml"), open(os.path.join(SAMPLES, "passing", "coverage.xml")).read())
    os.symlink(elsewhere, os.path.join(d, "r", "test-results"))
    os.symlink("..", os.path.join(d, "r", "up"))
    return [os.path.join(d, "r")], None


def ctest_not_run(d):
    """ctest --output-junit of a run where one test's executable was never built: CTest counts it as failed."""
    write(os.path.join(d, "r", "ctest.xml"), open(os.path.join(FIXTURES, "ctest", "ctest-notrun.xml")).read())
    return [os.path.join(d, "r")], None


def tests_total_is(expected):
    def check(d, result):
        try:
            verdict = json.loads(result.stdout)
        except ValueError:
            return False, "no JSON verdict"
        totals = [g.get("actual") for g in verdict.get("gates", []) if g.get("metric") == "tests.total"]
        return totals == [expected], f"tests.total {totals}, expected [{expected}]"
    return check



def sarif_failed_run(d):
    """semgrep or CodeQL that stopped half way: the run says executionSuccessful false, its results are empty."""
    run = sarif_run([])
    run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": [
        {"level": "error", "message": {"text": "Fatal error: out of memory"}}]}]
    write(os.path.join(d, "r", "semgrep.sarif"), sarif([run]))
    return [os.path.join(d, "r")], None


def trivy_image_not_scanned(d):
    """trivy image on an image whose OS it did not detect: no Results at all, OS family none."""
    report = {"SchemaVersion": 2, "ArtifactName": "registry.example.com/app:pr-7", "ArtifactType": "container_image",
              "Metadata": {"Size": 5796352, "OS": {"Family": "none", "Name": ""}, "ImageID": "sha256:0b"}}
    write(os.path.join(d, "r", "trivy.json"), json.dumps(report, indent=2))
    return [os.path.join(d, "r")], None


def pip_audit_unaudited_dependency(d):
    deps = [{"name": "django", "version": "4.2", "vulns": []}, {"name": "jinja2", "version": "2.10"}]
    write(os.path.join(d, "r", "pip-audit.json"), json.dumps({"dependencies": deps, "fixes": []}))
    return [os.path.join(d, "r")], None


def safety_nothing_checked(d):
    """safety check -r requirements.txt --output json on unpinned requirements: nothing found, nothing checked."""
    report = {"report_meta": {"scan_target": "files", "scanned": ["requirements.txt"], "api_key": False,
                              "packages_found": 0, "timestamp": "2026-12-03 08:00:00", "safety_version": "2.3.5"},
              "scanned_packages": {}, "affected_packages": {}, "announcements": [], "vulnerabilities": [],
              "ignored_vulnerabilities": [], "remediations": {}}
    write(os.path.join(d, "r", "safety.json"), json.dumps(report, indent=4))
    return [os.path.join(d, "r")], None


def diff_paths_unmapped(d):
    """Coverage written in a container (/build/src/calc.py), a diff of the repository (service/src/calc.py): no
    changed line is measured only because the paths do not map, so diff_lines_missed is 0."""
    reports = os.path.join(d, "r")
    write(os.path.join(reports, "coverage.xml"), coverage(
        '<classes><class name="calc.py" filename="calc.py" line-rate="0.5" branch-rate="0" complexity="0"><methods/>'
        '<lines><line number="1" hits="1"/><line number="2" hits="0"/></lines></class></classes>',
        root_attrs='line-rate="0.5" branch-rate="0" lines-covered="1" lines-valid="2"').replace("/src", "/build/src"))
    diff = write(os.path.join(d, "changes.diff"), "diff --git a/service/src/calc.py b/service/src/calc.py\n"
                 "--- a/service/src/calc.py\n+++ b/service/src/calc.py\n@@ -1,0 +2 @@\n+    return x / 0\n")
    g = gates(d, [{"id": "no-untested", "metric": "coverage.diff_lines_missed", "max": 0}])
    return ["--config", g, "--diff", diff, "--root", d, reports], None


def bandit_nothing_scanned(d):
    """bandit -r srcc -f json: a mistyped path, no Python file, nothing scanned, results []."""
    totals = {"CONFIDENCE.HIGH": 0, "CONFIDENCE.LOW": 0, "CONFIDENCE.MEDIUM": 0, "CONFIDENCE.UNDEFINED": 0,
              "SEVERITY.HIGH": 0, "SEVERITY.LOW": 0, "SEVERITY.MEDIUM": 0, "SEVERITY.UNDEFINED": 0, "loc": 0,
              "nosec": 0, "skipped_tests": 0}
    write(os.path.join(d, "r", "bandit.json"), json.dumps(
        {"errors": [], "generated_at": "2026-12-03T08:00:00Z", "metrics": {"_totals": totals}, "results": []}, indent=2))
    return [os.path.join(d, "r")], None


def sarif_null_suppression(d):
    result = dict(HIGH_RESULT, suppressions=[None])
    write(os.path.join(d, "r", "semgrep.sarif"), sarif([sarif_run([result])]))
    return [os.path.join(d, "r")], None


def accuracy_sample_twice(d):
    """The failing sample replaced by a second copy of a passing one: the counts still agree."""
    samples = [{"id": f"q-{i:03}", "scores": {"retrieval": 1, "attribution": 1}} for i in range(1, 10)]
    samples.append({"id": "q-009", "scores": {"retrieval": 1, "attribution": 1}})
    metrics = {m: {"value": 1, "samples": 10, "unscored": 0} for m in ("retrieval", "attribution")}
    write(os.path.join(d, "r", "accuracy.json"), json.dumps(
        {"schema": "gatecheck.accuracy/v1", "dataset": {"name": "qa", "size": 10},
         "generated_at": "2026-12-03T08:00:00Z", "metrics": metrics, "samples": samples}))
    return [os.path.join(d, "r")], None


def baseline_negative_value(d):
    """A coverage ratchet against a hand-edited baseline whose value is -100/473."""
    reports = os.path.join(d, "r")
    write(os.path.join(reports, "coverage.xml"), coverage(
        '<classes><class name="a" filename="a.py" line-rate="0" branch-rate="0" complexity="0"><methods/><lines>'
        '<line number="1" hits="0"/></lines></class></classes>',
        root_attrs='line-rate="0" branch-rate="0" lines-covered="0" lines-valid="1"'))
    g = gates(d, [{"id": "ratchet", "metric": "coverage.line_rate", "min": 0, "baseline": {"max_drop": 0}}])
    first = subprocess.run([GATECHECK, "--config", g, "--output", f"baseline={d}/base.json", reports],
                           capture_output=True, timeout=30)
    if not os.path.exists(f"{d}/base.json"):
        raise RuntimeError(f"no baseline written: exit {first.returncode}")
    with open(f"{d}/base.json") as handle:
        baseline = json.load(handle)
    baseline["gates"]["ratchet"]["value"] = {"numerator": -100, "denominator": 473}
    write(f"{d}/base.json", json.dumps(baseline))
    return ["--config", g, "--baseline", f"{d}/base.json", reports], None


def history_lines(d, values, copies=1, metric="llm.cost_usd"):
    lines = []
    for day, value in enumerate(values, start=1):
        lines.append(json.dumps({"schema": "gatecheck.history/v1", "time": f"2026-12-0{day}T06:00:00Z",
                                 "metrics": {metric: {"value": value}}}))
    write(os.path.join(d, "history.jsonl"), "\n".join(lines * copies) + "\n")


def history_negative_reference(d):
    """A coverage ratchet over hand-edited history lines whose line rate is -5: 0 % coverage is 'no drop'."""
    write(os.path.join(d, "r", "coverage.xml"), coverage(
        '<classes><class name="a" filename="a.py" line-rate="0" branch-rate="0" complexity="0"><methods/><lines>'
        '<line number="1" hits="0"/></lines></class></classes>',
        root_attrs='line-rate="0" branch-rate="0" lines-covered="0" lines-valid="1"'))
    history_lines(d, [-5, -5, -5], metric="coverage.line_rate")
    g = gates(d, [{"id": "ratchet", "metric": "coverage.line_rate", "history": {"window": "7d", "max_drop": 0}}])
    return ["--config", g, "--history", f"{d}/history.jsonl", "--now", "2026-12-04T00:00:00Z",
            os.path.join(d, "r")], None


def history_one_run_copied(d):
    """One run's line three times fills min_samples 3; the cost doubled but is within 2x of that one run."""
    write(os.path.join(d, "r", "cost.json"), json.dumps({"total_cost": 4.0, "m": {"cost": 4.0}}))
    history_lines(d, [2.5], copies=3)
    g = gates(d, [{"id": "spend", "metric": "llm.cost_usd",
                   "history": {"window": "7d", "max_increase_ratio": 1, "min_samples": 3}}])
    return ["--config", g, "--history", f"{d}/history.jsonl", "--now", "2026-12-04T00:00:00Z",
            os.path.join(d, "r")], None


CASES = [
    Case("1 only a passing warn-level gate judged (cost report)", only_passing_warn_gate, {2}),
    Case("1 warn gate judged, the blocking gate optional and skipped", warn_gate_and_optional_blocking, {2}),
    Case("2 own junit output read back, real junit gone", own_output_read_back("junit", "gatecheck/verdict.xml"), {2}),
    Case("2 own sarif output read back, real bandit report gone",
         own_output_read_back("sarif", "gc.sarif", metric="findings.total"), {2}),
    Case("2 own gitlab output read back, real bandit report gone",
         own_output_read_back("gitlab", "gl-code-quality.json", metric="findings.total"), {2}),
    Case("2 own json output read back, real junit gone", own_output_read_back("json", "verdict.json"), {2}),
    Case("3 DeepEval run with metricsScores after 100+ KiB of testCases", deepeval_late_scores, {1, 2}),
    Case("3 SARIF with sorted keys, no $schema, version after 200 KB", sarif_sorted_late_version, {1, 2}),
    Case("3 JUnit after a 150 KB prolog of comments", xml_after_long_prolog("junit"), {1, 2}),
    Case("3 Cobertura after a 150 KB prolog of comments", xml_after_long_prolog("cobertura"), {1, 2}),
    Case("3 JUnit with a NUL byte in a test name", junit_with_nul, {1, 2}),
    Case("3 Bandit XML output with a HIGH finding", bandit_xml, {1, 2}),
    Case("4 failing JUnit under a directory and file name that are not UTF-8", non_utf8_name, {1, 2}),
    Case("5 tools selector with a near-miss name", selector(["Bandit-scanner"]), {1, 2}),
    Case("5 tools selector empty", selector([]), {2}),
    Case("6 the same JUnit through a hard link", same_file_twice("hardlink"), {0, 1},
         check=tests_total_is(3)),
    Case("6 the same JUnit as path and dir/../dir/./path", same_file_twice("dotdot"), {0, 1},
         check=tests_total_is(3)),
    Case("6 the same JUnit through a linked directory", same_file_twice("symlink-dir"), {0, 1},
         check=tests_total_is(3)),
    Case("7 accuracy value 0.99 over samples that all score 0", accuracy_contradiction, {1, 2}),
    Case("7 accuracy 0.40 over 50 samples, three listed samples scoring 1", accuracy_partial_list, {1, 2}),
    Case("8 Cobertura lines only under <method>, root says 1.0", cobertura_misplaced("methods-only"), {1, 2}),
    Case("8 Cobertura line number -3, root says 1.0", cobertura_misplaced("negative-number"), {1, 2}),
    Case("8 Cobertura <lines> directly under <package>, root says 1.0", cobertura_misplaced("under-package"), {1, 2}),
    Case("8 Cobertura summary line-rate 0.95 but 12 of 100 lines", cobertura_contradicting_root, {1, 2}),
    Case("8 Cobertura EUC-JP with an invalid byte before 100 unhit lines, root 0.95",
         cobertura_bad_byte("EUC-JP", b"\xff\xff"), {1, 2}),
    Case("8 Cobertura windows-1252 with undefined byte 0x81 before 100 unhit lines, root 0.95",
         cobertura_bad_byte("windows-1252", b"\x81"), {1, 2}),
    Case("9 suite-level <failure> beside passing testcases", suite_level_failure, {1, 2}),
    Case("10 SARIF with runs: []", sarif_not_run("no-runs"), {2}),
    Case("10 SARIF with a second run without results", sarif_not_run("one-not-run"), {2}),
    Case("11 <testsuites/> shard next to a good shard", empty_shard("<testsuites/>\n"), {2}),
    Case("11 testsuite with tests=0 next to a good shard",
         empty_shard('<testsuite name="s" tests="0" failures="0" errors="0"></testsuite>\n'), {2}),
    Case("12 Cobertura ATTLIST #FIXED hits", dtd_default("cobertura-fixed"), {2}),
    Case("12 JUnit ATTLIST defaults", dtd_default("junit-fixed"), {2}),
    Case("13 --output through a symlink to an input", output_over_input("symlink"), {64, 2}),
    Case("13 --output as dir/../dir/input", output_over_input("dotdot"), {64, 2}),
    Case("13 two --outputs to one file", output_over_input("two-outputs"), {64, 2}),
    Case("new user: pyproject.toml, setup.cfg, tox.ini, [1,2,3] beside a good report", not_a_report_among_reports, {0}),
    Case("pip-audit where nothing was audited", pip_audit_nothing_audited, {1, 2}),
    Case("Bandit errors[]: a file it could not scan", bandit_scan_errors, {1, 2}),
    Case("text: go < 1.24 test -json where the only package does not build",
         text_in_place_of_report("go-test.jsonl", "FAIL\texample.com/m/pkg [build failed]\n"), {1, 2}),
    Case("text: the same with stderr in the file, under a .txt name",
         text_in_place_of_report("go-test.txt", "# example.com/m/pkg [example.com/m/pkg.test]\n"
                                 "pkg/a.go:3:9: undefined: x\nFAIL\texample.com/m/pkg [build failed]\n"), {1, 2}),
    Case("text: safety.json holding Safety's network error",
         text_in_place_of_report("safety.json", "Unhandled exception happened: HTTPSConnectionPool(host='pyup.io')\n"),
         {1, 2}),
    Case("text: coverage.xml holding 'No data to report.'",
         text_in_place_of_report("coverage.xml", "No data to report.\n"), {1, 2}),
    Case("text: trivy.sarif holding a FATAL log line",
         text_in_place_of_report("trivy.sarif", "2026-12-03T08:00:00Z\tFATAL\tFatal error: image scan error\n"), {1, 2}),
    Case("binary: trivy.json holding a gzip-compressed report", compressed_report, {1, 2}),
    Case("every test skipped (a skip condition hid the whole suite)", all_skipped, {1, 2}),
    Case("JUnit attributes state failures, every testcase passed", stated_failures_only, {1, 2}),
    Case("unread: TestNG testng-results.xml with a failing test, beside passing coverage",
         unread_result_beside_passing("testng-results.xml", "unread-formats/testng-failed-tests.xml"), {1, 2}),
    Case("unread: Jest --json results with a failing test, beside passing coverage",
         unread_result_beside_passing("jest-results.json", text=json.dumps(
             {"numFailedTestSuites": 1, "numFailedTests": 1, "numPassedTestSuites": 0, "numPassedTests": 1,
              "numPendingTestSuites": 0, "numPendingTests": 0, "numTotalTests": 2, "success": False,
              "testResults": [{"name": "a.test.js", "status": "failed", "message": "boom"}]})), {1, 2}),
    Case("unread: pytest-json-report with a failing test, beside passing coverage",
         unread_result_beside_passing("report.json", "unread-formats/pytest-json-report.json"), {1, 2}),
    Case("unread: gcovr JSON at 2 of 6 lines, beside a passing JUnit report",
         unread_result_beside_passing("coverage.json", "unread-formats/gcovr.json", companion_kind="junit"), {1, 2}),
    Case("unread: Clover XML (gcovr --clover), beside a passing JUnit report",
         unread_result_beside_passing("clover.xml", "unread-formats/gcovr-clover.xml", companion_kind="junit"), {1, 2}),
    Case("unread: Kover XML at 10% line coverage (no JaCoCo DOCTYPE), beside a passing JUnit report",
         unread_result_beside_passing("report.xml", text='<?xml version="1.0" ?>\n<report name="Intellij Coverage '
                                      'Report">\n<counter type="LINE" missed="9" covered="1"/>\n</report>\n',
                                      companion_kind="junit"), {1, 2}),
    Case("error page: junit.xml holding a 404 HTML page (curl without -f), beside passing coverage",
         unread_result_beside_passing("junit.xml", text="<!DOCTYPE html>\n<html><head><title>404 Not Found</title>"
                                      "</head><body><h1>Not Found</h1></body></html>\n"), {1, 2}),
    Case("error page: coverage.xml holding S3's NoSuchKey error, beside a passing JUnit report",
         unread_result_beside_passing("coverage.xml", text='<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>'
                                      'NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>\n',
                                      companion_kind="junit"), {1, 2}),
    Case("walk: a failing JUnit behind a linked directory, beside passing coverage (and a link to ..)",
         linked_directory, {1}, timeout=20),
    Case("CTest: a test whose executable was not built (Not Run) beside one that passed", ctest_not_run, {1, 2}),
    Case("hang: a FIFO and a link to it in a scanned directory", fifo_in_directory, {0, 1, 2}, timeout=20),
    Case("hang: --output to a FIFO", fifo_output, {2}, timeout=20),
    Case("hang: 200,000 attributes on one element", many_attributes(200_000), {2}, timeout=20),
    Case("hang: a 300 MB attribute value", huge_attribute, {2}, timeout=30),
    Case("output: replaced by rename, the previous file never truncated", atomic_output_replaced, {0},
         check=check_replaced_not_rewritten),
    Case("output: a symlink at the output path is replaced, not written through", output_symlink_replaced, {0},
         check=check_victim),
    Case("output: stdout is /dev/full", stdout_full, {2}),
    Case("evidence: SARIF run with executionSuccessful false and empty results", sarif_failed_run, {2}),
    Case("evidence: Trivy image report without Results (OS not detected)", trivy_image_not_scanned, {2}),
    Case("evidence: pip-audit dependency with neither vulns nor skip_reason", pip_audit_unaudited_dependency, {1, 2}),
    Case("evidence: Safety check that found no package (unpinned requirements)", safety_nothing_checked, {2}),
    Case("diff: report paths of a container, diff paths of the repository (no rule maps them)", diff_paths_unmapped,
         {2}),
    Case("evidence: Bandit run that scanned no file (mistyped path)", bandit_nothing_scanned, {2}),
    Case("evidence: SARIF high result whose suppressions are [null]", sarif_null_suppression, {1, 2}),
    Case("accuracy: a sample listed twice in place of the failing one", accuracy_sample_twice, {2}),
    Case("baseline: a hand-edited negative coverage value", baseline_negative_value, {2}),
    Case("history: a negative reference", history_negative_reference, {2}),
    Case("history: one run's line copied three times to fill min_samples", history_one_run_copied, {2}),
]


def run_case(case, base):
    directory = tempfile.mkdtemp(prefix="case-", dir=base)
    try:
        arguments, env_extra = case.setup(directory)
    except Exception as error:  # a setup that cannot run here (e.g. no FIFO support) is a failure to report
        return False, f"setup failed: {error}"
    env = dict(os.environ)
    env.pop("GITHUB_ACTIONS", None)
    stdout_path = None
    if env_extra:
        stdout_path = env_extra.pop("__stdout__", None)
        env.update(env_extra)
    wants_json = case.check is not None and case.check.__name__ == "check" and "--output" not in arguments
    command = [GATECHECK] + (["--format", "json"] if wants_json else []) + arguments
    started = time.monotonic()
    try:
        if stdout_path:
            with open(stdout_path, "w") as out:
                result = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, text=True, env=env,
                                        timeout=case.timeout, stdin=subprocess.DEVNULL)
                result.stdout = ""
        else:
            result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=case.timeout,
                                    stdin=subprocess.DEVNULL, errors="replace")
    except subprocess.TimeoutExpired:
        return False, f"did not finish within {case.timeout} s"
    elapsed = time.monotonic() - started
    if result.returncode not in case.expect:
        tail = (result.stderr or result.stdout or "").strip().splitlines()[-3:]
        return False, f"exit {result.returncode}, expected {sorted(case.expect)}: {' | '.join(tail)}"
    if case.check:
        good, why = case.check(directory, result)
        if not good:
            return False, why
    tail = (result.stdout or result.stderr or "").strip().splitlines()[-1:] if VERBOSE else []
    return True, f"exit {result.returncode} in {elapsed:.2f} s" + (f" [{tail[0]}]" if tail else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gatecheck", default=os.path.join(ROOT, ".build", "debug", "gatecheck"))
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    parser.add_argument("--verbose", action="store_true", help="show the last line of output of passing cases")
    options = parser.parse_args()
    global GATECHECK, VERBOSE
    VERBOSE = options.verbose
    GATECHECK = os.path.abspath(options.gatecheck)
    base = tempfile.mkdtemp(prefix="gatecheck-variants-")
    passed = failed = 0
    for case in CASES:
        if options.only not in case.name:
            continue
        good, detail = run_case(case, base)
        print(f"{'ok  ' if good else 'FAIL'}  {case.name}: {detail}")
        passed, failed = passed + good, failed + (not good)
    if options.keep:
        print(f"cases kept in {base}")
    else:
        subprocess.run(["chmod", "-R", "u+rwx", base])
        shutil.rmtree(base, ignore_errors=True)
    print(f"variants: {passed} passed, {failed} failed")
    return 1 if failed else 0


GATECHECK = ""
VERBOSE = False

if __name__ == "__main__":
    sys.exit(main())
