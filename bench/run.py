#!/usr/bin/env python3
"""The gatecheck benchmark: gatecheck against floors and peers, on the same inputs, in one run.

Measures every (input, tool) pair round-robin, takes the median of --runs runs (after
--warmup discarded rounds) of wall time, CPU time (user+sys) and peak RSS, checks every
tool's numbers against the generator's <name>.expected.json, prints a table and the
targets of issue 6, and writes the same as JSON.

Exit status: 0 when every run succeeded, every output matched and every enforced target
passed; 1 otherwise; 2 when gatecheck is not available (unless --allow-missing-gatecheck).
In --quick mode only correctness is enforced (expected numbers, identical outputs).

See bench/README.md.
"""
from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate  # noqa: E402

MIB = 1024 * 1024
CEILING_TOOL = "2 x --jobs 1 at once"

# gatecheck metric name -> how to read the expected value from <name>.expected.json totals.
# Adjust here if gatecheck's documented mapping differs (e.g. Bandit severity x confidence).
GATECHECK_METRICS = {
    "cobertura": {
        "coverage.lines_valid": ("lines_valid",),
        "coverage.lines_covered": ("lines_covered",),
        "coverage.branches_valid": ("branches_valid",),
        "coverage.branches_covered": ("branches_covered",),
    },
    "junit": {
        "tests.total": ("total",),
        "tests.failed": ("failed",),
        "tests.errors": ("errors",),
        "tests.skipped": ("skipped",),
        "tests.passed": ("passed",),
    },
    "sarif": {
        "findings.total": ("results",),
        "findings.critical": ("by_band", "critical"),
        "findings.high": ("by_band", "high"),
        "findings.medium": ("by_band", "medium"),
        "findings.low": ("by_band", "low"),
    },
    "accuracy": {
        "accuracy.retrieval": ("means", "retrieval"),
        "accuracy.attribution": ("means", "attribution"),
        "accuracy.answer_relevancy": ("means", "answer_relevancy"),
    },
    "bandit": {
        "findings.total": ("results",),
        "findings.high": ("by_severity", "HIGH"),
        "findings.medium": ("by_severity", "MEDIUM"),
        "findings.low": ("by_severity", "LOW"),
    },
}


def dig(obj, path):
    for key in path:
        obj = obj[key]
    return obj


# --------------------------------------------------------------------------------------------
# building the C helpers

C_PROGRAMS = {
    "sax_floor": ("floors/sax_floor.c", True),
    "read_floor": ("floors/read_floor.c", False),
    "measure": ("launcher/measure.c", False),
}


def build_helpers(bin_dir: str, log) -> dict:
    os.makedirs(bin_dir, exist_ok=True)
    paths = {}
    xml_flags = None
    for name, (src, needs_xml) in C_PROGRAMS.items():
        src_path = os.path.join(HERE, src)
        out = os.path.join(bin_dir, name)
        paths[name] = out
        if os.path.exists(out) and os.path.getmtime(out) >= os.path.getmtime(src_path):
            continue
        cmd = ["gcc", "-O2", "-Wall", "-Wextra", "-o", out, src_path]
        if needs_xml:
            if xml_flags is None:
                xml_flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libxml-2.0"], check=True,
                                           capture_output=True, text=True).stdout.split()
            cmd += xml_flags
        log(f"building {name}: {' '.join(cmd)}")
        subprocess.run(cmd, check=True)
    return paths


# --------------------------------------------------------------------------------------------
# measuring one run

class Measurer:
    def __init__(self, measure_bin: str, out_dir: str, timeout: float):
        self.measure_bin = measure_bin
        self.out_dir = out_dir
        self.timeout = timeout
        os.makedirs(out_dir, exist_ok=True)

    def run(self, argv: list[str], tag: str) -> dict:
        res_path = os.path.join(self.out_dir, tag + ".rusage")
        out_path = os.path.join(self.out_dir, tag + ".out")
        err_path = os.path.join(self.out_dir, tag + ".err")
        for p in (res_path,):
            if os.path.exists(p):
                os.remove(p)
        t0 = time.perf_counter()
        with open(out_path, "wb") as so, open(err_path, "wb") as se:
            proc = subprocess.Popen([self.measure_bin, res_path] + argv, stdout=so, stderr=se,
                                    stdin=subprocess.DEVNULL, start_new_session=True)
            try:
                proc.wait(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)  # our own session: the launcher and its child
                proc.wait()
                return {"ok": False, "error": f"timed out after {self.timeout:.0f} s", "out": out_path, "err": err_path}
        outer = time.perf_counter() - t0
        if proc.returncode != 0 or not os.path.exists(res_path):
            return {"ok": False, "error": f"launcher failed (exit {proc.returncode})", "out": out_path, "err": err_path}
        fields = dict(kv.split("=", 1) for kv in open(res_path).read().split())
        run = {
            "ok": True,
            "status": fields["status"],
            "code": int(fields["code"]),
            "wall_s": float(fields["wall_s"]),
            "outer_wall_s": round(outer, 6),
            "user_s": float(fields["user_s"]),
            "sys_s": float(fields["sys_s"]),
            "maxrss_kib": int(fields["maxrss_kib"]),
            "out": out_path,
            "err": err_path,
        }
        run["cpu_s"] = run["user_s"] + run["sys_s"]
        return run


# --------------------------------------------------------------------------------------------
# checking outputs

def check_numbers(label: str, got: dict, want: dict) -> list[str]:
    problems = []
    for key, value in want.items():
        if key not in got:
            problems.append(f"{label}: missing {key} (expected {value})")
        elif isinstance(value, dict):
            problems += check_numbers(f"{label}.{key}", got[key] or {}, value)
        elif got[key] != value:
            problems.append(f"{label}: {key} = {got[key]}, expected {value}")
    return problems


def load_json_output(path: str):
    with open(path, "rb") as f:
        data = f.read()
    return json.loads(data), data


def make_peer_checker(peer: str, expected: dict):
    totals = expected["totals"]

    def check(run) -> tuple[list[str], list[str]]:
        got, _ = load_json_output(run["out"])
        notes = []
        if peer == "pycobertura":
            problems = check_numbers("pycobertura", got, {"total_statements": totals["lines_valid"]})
            partial = expected["facts"]["lines_partial"]
            if got.get("total_hits") == totals["lines_covered"] - partial:
                notes.append(f"pycobertura total_hits {got['total_hits']:,} = lines with hits>0 "
                             f"({totals['lines_covered']:,}) minus {partial:,} partly covered branch lines "
                             f"(pycobertura counts those as not hit); line_rate {got.get('line_rate')} is the "
                             "root attribute")
            else:
                notes.append(f"pycobertura total_hits {got.get('total_hits')} matches neither lines_covered "
                             f"{totals['lines_covered']} nor lines_covered - partial {totals['lines_covered'] - partial}")
            return problems, notes
        if peer == "junitparser":
            return check_numbers("junitparser", got, totals), notes
        if peer.startswith("sarif-"):
            return check_numbers(peer, got, totals), notes
        if peer.startswith("bandit-"):
            return check_numbers(peer, got, totals), notes
        if peer.startswith("accuracy-"):
            # Python sums floats; the expected means are exact fractions: equal to the last few bits.
            problems = check_numbers(peer, got, {k: v for k, v in totals.items() if k != "means"})
            for name, want in totals["means"].items():
                value = (got.get("means") or {}).get(name)
                if value is None or not math.isclose(value, want, rel_tol=1e-12):
                    problems.append(f"{peer}: means.{name} = {value}, expected {want}")
            return problems, notes
        return [], notes

    return check


def check_floor(run) -> tuple[list[str], list[str]]:
    return [], []


def gatecheck_reports(verdict) -> list[dict]:
    reports = verdict.get("reports")
    if not isinstance(reports, list):
        raise ValueError("verdict has no reports[] list")
    return reports


def find_report(reports: list[dict], filename: str):
    matches = [r for r in reports if os.path.basename(str(r.get("path", ""))) == filename]
    if len(matches) == 1:
        return matches[0]
    if len(reports) == 1 and not matches:
        return reports[0]
    return None


def check_report_metrics(label: str, report: dict, kind: str, totals: dict) -> list[str]:
    problems = []
    if report.get("kind") != kind:
        problems.append(f"{label}: kind {report.get('kind')!r}, expected {kind!r}")
    metrics = report.get("metrics") or {}
    for metric, path in GATECHECK_METRICS[kind].items():
        want = dig(totals, path)
        if metric not in metrics:
            problems.append(f"{label}: metric {metric} missing (expected {want})")
        elif metrics[metric] is None or not (
                float(metrics[metric]) == float(want)
                or (kind == "accuracy" and math.isclose(float(metrics[metric]), float(want), rel_tol=1e-12))):
            problems.append(f"{label}: {metric} = {metrics[metric]}, expected {want}")
    return problems


def make_gatecheck_checker(expected: dict, single_file: str | None):
    kind = expected["kind"]

    def check(run) -> tuple[list[str], list[str]]:
        try:
            verdict, _ = load_json_output(run["out"])
            reports = gatecheck_reports(verdict)
        except (ValueError, OSError) as exc:
            return [f"gatecheck output is not a JSON verdict: {exc}"], []
        problems = []
        if single_file is not None:
            rep = find_report(reports, single_file)
            if rep is None:
                return [f"gatecheck verdict has no report for {single_file}"], []
            problems += check_report_metrics(f"gatecheck {single_file}", rep, kind, expected["totals"])
        else:
            for fname, info in expected["files"].items():
                rep = find_report(reports, fname)
                if rep is None:
                    problems.append(f"gatecheck verdict has no report for {fname}")
                    continue
                problems += check_report_metrics(f"gatecheck {fname}", rep, kind, info["totals"])
        return problems, []

    return check


def check_exit_any(run) -> tuple[list[str], list[str]]:
    return [], []


# --------------------------------------------------------------------------------------------
# the plan: which tools run on which inputs

class Pair:
    def __init__(self, input_id, tool, role, argv, checker, ok_codes=(0,), nbytes=0):
        self.input_id = input_id
        self.tool = tool
        self.role = role  # floor | ref | peer | gatecheck | baseline
        self.argv = argv
        self.checker = checker
        self.ok_codes = ok_codes
        self.nbytes = nbytes
        self.runs: list[dict] = []
        self.problems: list[str] = []
        self.notes: list[str] = []
        self.outputs: list[bytes] = []

    @property
    def key(self):
        return f"{self.input_id}.{self.tool}"

    def summary(self):
        good = [r for r in self.runs if r.get("ok") and r.get("counted")]
        if not good:
            return None
        wall = statistics.median(r["wall_s"] for r in good)
        return {
            "n": len(good),
            "median_wall_s": wall,
            "median_cpu_s": statistics.median(r["cpu_s"] for r in good),
            "median_user_s": statistics.median(r["user_s"] for r in good),
            "median_sys_s": statistics.median(r["sys_s"] for r in good),
            "median_maxrss_mib": statistics.median(r["maxrss_kib"] for r in good) / 1024,
            "max_maxrss_mib": max(r["maxrss_kib"] for r in good) / 1024,
            "min_wall_s": min(r["wall_s"] for r in good),
            "max_wall_s": max(r["wall_s"] for r in good),
            "mb_per_s": (self.nbytes / 1e6 / wall) if self.nbytes and wall > 0 else None,
        }


def build_plan(args, inputs: dict, bins: dict, gatecheck: str | None, peer_python: str, base_python: str):
    pairs: list[Pair] = []
    peers_dir = os.path.join(HERE, "peers")
    for input_id in ("cobertura", "junit", "sarif", "bandit", "accuracy"):
        if input_id not in inputs:
            continue
        exp = inputs[input_id]
        path = exp["path"]
        n = exp["bytes"]
        is_xml = input_id in ("cobertura", "junit")
        if is_xml:
            pairs.append(Pair(input_id, "sax_floor", "floor", [bins["sax_floor"], path], check_floor, nbytes=n))
            pairs.append(Pair(input_id, "read_floor", "ref", [bins["read_floor"], path], check_floor, nbytes=n))
        else:
            pairs.append(Pair(input_id, "read_floor", "floor", [bins["read_floor"], path], check_floor, nbytes=n))
        if not args.no_peers:
            if input_id == "cobertura":
                pairs.append(Pair(input_id, "pycobertura", "peer",
                                  [peer_python, os.path.join(peers_dir, "pycobertura_totals.py"), path],
                                  make_peer_checker("pycobertura", exp), nbytes=n))
            elif input_id == "junit":
                pairs.append(Pair(input_id, "junitparser", "peer",
                                  [peer_python, os.path.join(peers_dir, "junitparser_counts.py"), path],
                                  make_peer_checker("junitparser", exp), nbytes=n))
            else:
                script = os.path.join(peers_dir, f"{input_id}_aggregate.py")
                for lib in ("json", "orjson"):
                    pairs.append(Pair(input_id, lib, "peer", [peer_python, script, lib, path],
                                      make_peer_checker(f"{input_id}-{lib}", exp), nbytes=n))
        if gatecheck:
            pairs.append(Pair(input_id, "gatecheck", "gatecheck", [gatecheck, "--format", "json", path],
                              make_gatecheck_checker(exp, os.path.basename(path)), ok_codes=(0, 1), nbytes=n))
    if "cov8" in inputs:
        exp = inputs["cov8"]
        d = exp["path"]
        files = sorted(os.path.join(d, f) for f in exp["files"])
        loop = 'for f in "$@"; do "$0" "$f" >/dev/null || exit 1; done'
        pairs.append(Pair("cov8", "sax_floor x8 sequential", "floor", ["/bin/sh", "-c", loop, bins["sax_floor"]] + files,
                          check_floor, nbytes=exp["bytes"]))
        if gatecheck:
            pairs.append(Pair("cov8", "gatecheck --jobs 1", "gatecheck", [gatecheck, "--format", "json", "--jobs", "1", d],
                              make_gatecheck_checker(exp, None), ok_codes=(0, 1), nbytes=exp["bytes"]))
            pairs.append(Pair("cov8", "gatecheck", "gatecheck", [gatecheck, "--format", "json", d],
                              make_gatecheck_checker(exp, None), ok_codes=(0, 1), nbytes=exp["bytes"]))
            # The machine's own two-core speedup on this work, in the same rounds: two single-threaded gatecheck
            # processes at once, half of the files each. Context for cov8.parallel, not a target.
            half = len(files) // 2
            halves = ('"$0" --format json --jobs 1 ' + " ".join(f'"${{{i}}}"' for i in range(1, half + 1))
                      + ' >/dev/null & pid=$!; "$0" --format json --jobs 1 '
                      + " ".join(f'"${{{i}}}"' for i in range(half + 1, len(files) + 1))
                      + ' >/dev/null; b=$?; wait $pid; a=$?; [ $a -le 1 ] && [ $b -le 1 ]')
            pairs.append(Pair("cov8", CEILING_TOOL, "ref", ["/bin/sh", "-c", halves, gatecheck] + files,
                              check_exit_any, nbytes=exp["bytes"]))
    for input_id, floor in (("cobertura_x2", "sax_floor"), ("sarif_x2", "read_floor")):
        if input_id not in inputs:
            continue
        exp = inputs[input_id]
        pairs.append(Pair(input_id, floor, "floor", [bins[floor], exp["path"]], check_floor, nbytes=exp["bytes"]))
        if gatecheck:
            pairs.append(Pair(input_id, "gatecheck", "gatecheck", [gatecheck, "--format", "json", exp["path"]],
                              make_gatecheck_checker(exp, os.path.basename(exp["path"])), ok_codes=(0, 1),
                              nbytes=exp["bytes"]))
    if "startup" in args.selected:
        pairs.append(Pair("startup", "python3 -c pass", "baseline", [base_python, "-c", "pass"], check_floor))
        if gatecheck and os.path.isdir(args.sample_reports):
            pairs.append(Pair("startup", "gatecheck", "gatecheck", [gatecheck, "--format", "json", args.sample_reports],
                              check_exit_any, ok_codes=(0, 1)))
    return pairs


# --------------------------------------------------------------------------------------------
# targets

class Target:
    def __init__(self, tid, description, op, threshold, unit="", correctness=False):
        self.id = tid
        self.description = description
        self.op = op
        self.threshold = threshold
        self.unit = unit
        self.correctness = correctness
        self.measured = None
        self.cpu_measured = None
        self.status = "NOT MEASURED"
        self.reason = ""
        self.enforced = True

    def evaluate(self, value, cpu_value=None):
        self.measured = value
        self.cpu_measured = cpu_value
        if self.op == "<=":
            ok = value <= self.threshold
        elif self.op == ">=":
            ok = value >= self.threshold
        elif self.op == "<":
            ok = value < self.threshold
        elif self.op == "within":
            ok = abs(value - 1.0) <= self.threshold
        elif self.op == "==":
            ok = value == self.threshold
        else:
            raise ValueError(self.op)
        self.status = "PASS" if ok else "FAIL"

    def as_dict(self):
        return {"id": self.id, "description": self.description, "op": self.op, "threshold": self.threshold,
                "unit": self.unit, "measured": self.measured, "cpu_measured": self.cpu_measured,
                "status": self.status, "reason": self.reason, "enforced": self.enforced,
                "correctness": self.correctness}


def evaluate_targets(args, pairs: list[Pair], gatecheck: str | None) -> list[Target]:
    s = {p.key: p.summary() for p in pairs}
    by_key = {p.key: p for p in pairs}

    def get(key):
        return s.get(key)

    targets: list[Target] = []

    def ratio_target(tid, desc, op, threshold, num_key, den_key, unit="x", field="median_wall_s"):
        t = Target(tid, desc, op, threshold, unit)
        a, b = get(num_key), get(den_key)
        if a and b and b[field] > 0:
            cpu = None
            if field == "median_wall_s" and b["median_cpu_s"] > 0:
                cpu = a["median_cpu_s"] / b["median_cpu_s"]
            t.evaluate(a[field] / b[field], cpu)
        targets.append(t)
        return t

    def rss_target(tid, desc, threshold, key):
        t = Target(tid, desc, "<=", threshold, "MiB")
        a = get(key)
        if a:
            t.evaluate(a["median_maxrss_mib"])
        targets.append(t)
        return t

    ratio_target("cobertura.floor", "Cobertura 200 MB: gatecheck wall <= 1.25 x libxml2 SAX2 floor", "<=", 1.25,
                 "cobertura.gatecheck", "cobertura.sax_floor")
    ratio_target("cobertura.pycobertura", "Cobertura 200 MB: >= 10 x faster than pycobertura", ">=", 10.0,
                 "cobertura.pycobertura", "cobertura.gatecheck")
    rss_target("cobertura.rss", "Cobertura 200 MB: gatecheck peak RSS <= 32 MiB", 32, "cobertura.gatecheck")
    ratio_target("junit.floor", "JUnit 100 MB: gatecheck wall <= 1.25 x libxml2 SAX2 floor", "<=", 1.25,
                 "junit.gatecheck", "junit.sax_floor")
    ratio_target("junit.junitparser", "JUnit 100 MB: >= 10 x faster than junitparser", ">=", 10.0,
                 "junit.junitparser", "junit.gatecheck")
    rss_target("junit.rss", "JUnit 100 MB: gatecheck peak RSS <= 32 MiB", 32, "junit.gatecheck")
    ratio_target("sarif.orjson", "SARIF 100 MB: >= 3 x faster than orjson load + aggregate", ">=", 3.0,
                 "sarif.orjson", "sarif.gatecheck")
    rss_target("sarif.rss", "SARIF 100 MB: gatecheck peak RSS <= 64 MiB", 64, "sarif.gatecheck")
    ratio_target("bandit.orjson", "Bandit 60 MB: >= 3 x faster than orjson load + aggregate", ">=", 3.0,
                 "bandit.orjson", "bandit.gatecheck")
    rss_target("bandit.rss", "Bandit 60 MB: gatecheck peak RSS <= 64 MiB", 64, "bandit.gatecheck")
    ratio_target("accuracy.json", "Accuracy 100 MB: >= 1 x as fast as json.load + aggregate", ">=", 1.0,
                 "accuracy.json", "accuracy.gatecheck")
    rss_target("accuracy.rss", "Accuracy 100 MB: gatecheck peak RSS <= 64 MiB", 64, "accuracy.gatecheck")
    cores = os.cpu_count()
    t = ratio_target("cov8.parallel", f"8 x 25 MB coverage: default >= 1.7 x faster than --jobs 1 (machine has {cores} cores)",
                     ">=", 1.7, "cov8.gatecheck --jobs 1", "cov8.gatecheck")
    t.cpu_measured = None
    t = Target("cov8.identical", "8 x 25 MB coverage: --jobs 1 and default output byte-identical", "==", True, correctness=True)
    a, b = by_key.get("cov8.gatecheck --jobs 1"), by_key.get("cov8.gatecheck")
    if a and b and a.outputs and b.outputs:
        t.evaluate(len(set(a.outputs) | set(b.outputs)) == 1)
    targets.append(t)
    for input_id, small in (("cobertura_x2", "cobertura"), ("sarif_x2", "sarif")):
        name = small.capitalize() if small == "cobertura" else small.upper()
        ratio_target(f"growth.{small}.time", f"Growth {name}: time(2x input) <= 2.1 x time(input)", "<=", 2.1,
                     f"{input_id}.gatecheck", f"{small}.gatecheck")
        ratio_target(f"growth.{small}.rss", f"Growth {name}: peak RSS(2x input) within 10 % of RSS(input)", "within",
                     0.10, f"{input_id}.gatecheck", f"{small}.gatecheck", unit="x", field="median_maxrss_mib")
    ratio_target("startup", "Start-up: gatecheck on sample-reports < 0.5 x python3 -c pass", "<", 0.5,
                 "startup.gatecheck", "startup.python3 -c pass")

    for t in targets:
        if t.status != "NOT MEASURED":
            if args.quick and not t.correctness:
                t.enforced = False
                t.reason = "timings of tiny inputs are noise: not enforced in --quick"
            continue
        t.enforced = False
        if not gatecheck:
            t.reason = "gatecheck not available"
        elif t.id == "startup" and not os.path.isdir(args.sample_reports):
            t.reason = f"sample reports not found: {args.sample_reports}"
        else:
            t.reason = "input not selected or a run failed"
    return targets


def parallel_context(pairs: list[Pair]) -> dict | None:
    """The machine's 2-core speedup on cov8 (two single-threaded processes at once against one doing it all),
    and how much of it gatecheck's threads reach."""
    s = {p.key: p.summary() for p in pairs}
    one, default, both = (s.get(f"cov8.{tool}") for tool in ("gatecheck --jobs 1", "gatecheck", CEILING_TOOL))
    if not (one and default and both) or both["median_wall_s"] <= 0 or default["median_wall_s"] <= 0:
        return None
    machine = one["median_wall_s"] / both["median_wall_s"]
    reached = one["median_wall_s"] / default["median_wall_s"]
    return {"ceiling_wall_s": both["median_wall_s"], "machine_speedup": machine, "parallel": reached,
            "share": reached / machine}


# --------------------------------------------------------------------------------------------
# output

def fmt(v, spec):
    if v is None:
        width = "".join(ch for ch in spec.split(".")[0] if ch.isdigit())
        return "-".rjust(int(width or 0))
    return format(v, spec)


def print_table(pairs: list[Pair], inputs: dict, log):
    summaries = {p.key: p.summary() for p in pairs}
    header = (f"{'input':<13} {'tool':<24} {'n':>2} {'wall s':>8} {'cpu s':>8} {'RSS MiB':>8} {'MB/s':>7} "
              f"{'x floor':>8} {'x floor':>8}  peer time / this time")
    log(header)
    log(f"{'':<13} {'':<24} {'':>2} {'median':>8} {'median':>8} {'median':>8} {'':>7} {'(wall)':>8} {'(cpu)':>8}")
    log("-" * len(header))
    by_input: dict[str, list[Pair]] = {}
    for p in pairs:
        by_input.setdefault(p.input_id, []).append(p)
    for input_id, group in by_input.items():
        floor = next((p for p in group if p.role in ("floor", "baseline")), None)
        fs = summaries.get(floor.key) if floor else None
        peers = [p for p in group if p.role == "peer"]
        for p in group:
            sm = summaries[p.key]
            if sm is None:
                log(f"{input_id:<13} {p.tool:<24}  (no successful run)")
                continue
            xw = sm["median_wall_s"] / fs["median_wall_s"] if fs and fs["median_wall_s"] > 0 else None
            xc = sm["median_cpu_s"] / fs["median_cpu_s"] if fs and fs["median_cpu_s"] > 0 else None
            vs = []
            if p.role in ("floor", "gatecheck", "ref"):
                for q in peers:
                    qs = summaries[q.key]
                    if qs and sm["median_wall_s"] > 0:
                        vs.append(f"{q.tool} {qs['median_wall_s'] / sm['median_wall_s']:.1f}x")
            log(f"{input_id:<13} {p.tool:<24} {sm['n']:>2} {sm['median_wall_s']:>8.3f} {sm['median_cpu_s']:>8.3f} "
                f"{sm['median_maxrss_mib']:>8.1f} {fmt(sm['mb_per_s'], '7.0f')} {fmt(xw, '8.2f')} {fmt(xc, '8.2f')}  "
                + ", ".join(vs))


def print_targets(targets: list[Target], quick: bool, log):
    log("")
    log("Targets (ratios of medians from this run; wall time, with the CPU-time ratio in brackets):")
    log(f"  {'target':<22} {'measured':<26} {'threshold':<11} {'status':<13} description")
    for t in targets:
        if t.measured is None:
            value = "-"
        elif isinstance(t.measured, bool):
            value = "yes" if t.measured else "NO"
        elif t.unit == "MiB":
            value = f"{t.measured:.1f} MiB"
        else:
            value = f"{t.measured:.2f}x"
            if t.cpu_measured is not None:
                value += f" [cpu {t.cpu_measured:.2f}x]"
        thr = ("identical" if t.op == "==" else f"1 ± {t.threshold:.2f}" if t.op == "within"
               else f"{t.op} {t.threshold:g}{' MiB' if t.unit == 'MiB' else 'x'}")
        if t.status == "NOT MEASURED":
            status = "not measured"
            desc = f"{t.description} [{t.reason}]"
        else:
            status = t.status if t.enforced else f"{t.status} (quick)"
            desc = t.description
        log(f"  {t.id:<22} {value:<26} {thr:<11} {status:<13} {desc}")
    if quick:
        log("  (quick): timing targets on tiny inputs are reported, not enforced; correctness is enforced.")


def machine_info(gatecheck: str | None, loadavg_start) -> dict:
    info = {
        "hostname": platform.node(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "python": sys.version.split()[0],
        "loadavg_start": loadavg_start,
        "loadavg_end": os.getloadavg(),
    }
    try:
        with open("/proc/cpuinfo") as f:
            info["cpu_model"] = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), None)
    except OSError:
        pass
    try:
        info["libxml2"] = subprocess.run(["pkg-config", "--modversion", "libxml-2.0"], capture_output=True,
                                         text=True).stdout.strip()
    except OSError:
        pass
    try:
        info["repo_commit"] = subprocess.run(["git", "-C", REPO, "rev-parse", "HEAD"], capture_output=True,
                                             text=True).stdout.strip()
    except OSError:
        pass
    if gatecheck:
        try:
            p = subprocess.run([gatecheck, "--version"], capture_output=True, text=True, timeout=10)
            info["gatecheck_version"] = (p.stdout or p.stderr).strip()[:200]
        except (OSError, subprocess.TimeoutExpired):
            pass
    return info


# --------------------------------------------------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small inputs, 3 runs, only correctness enforced")
    ap.add_argument("--runs", type=int, help="measured runs per pair (default 5; 3 with --quick)")
    ap.add_argument("--warmup", type=int, default=1, help="discarded rounds before the measured ones (default 1)")
    ap.add_argument("--gatecheck", help="path of the gatecheck release binary")
    ap.add_argument("--allow-missing-gatecheck", action="store_true",
                    help="exit 0 without gatecheck (floors and peers only)")
    ap.add_argument("--sample-reports", default=os.path.join(REPO, "sample-reports", "passing"),
                    help="directory for the start-up measurement (default: sample-reports/passing)")
    ap.add_argument("--only", help="comma-separated: cobertura,junit,sarif,bandit,accuracy,cov8,growth,startup")
    ap.add_argument("--growth", action="store_true",
                    help="generate and measure the doubled inputs even without gatecheck (floors only)")
    ap.add_argument("--no-peers", action="store_true", help="skip the Python peers")
    ap.add_argument("--peer-python", help="interpreter with the peers installed (default bench/.venv/bin/python)")
    ap.add_argument("--python", help="interpreter for the 'python3 -c pass' baseline (default: the real base python)")
    ap.add_argument("--work", help="directory for inputs, binaries and outputs (default bench/work)")
    ap.add_argument("--json-out", help="also write the results JSON here")
    ap.add_argument("--timeout", type=float, default=900, help="seconds before one run is killed (default 900)")
    args = ap.parse_args(argv)

    def log(msg=""):
        print(msg, flush=True)

    loadavg_start = os.getloadavg()

    runs = args.runs or (3 if args.quick else 5)
    if runs < 1:
        ap.error("--runs must be >= 1")
    work = os.path.abspath(args.work or os.path.join(HERE, "work"))
    all_sections = ["cobertura", "junit", "sarif", "bandit", "accuracy", "cov8", "growth", "startup"]
    args.selected = args.only.split(",") if args.only else all_sections
    for sec in args.selected:
        if sec not in all_sections:
            ap.error(f"unknown section {sec!r}; known: {', '.join(all_sections)}")
    args.sample_reports = os.path.abspath(args.sample_reports)

    gatecheck = None
    if args.gatecheck:
        if os.path.isfile(args.gatecheck) and os.access(args.gatecheck, os.X_OK):
            gatecheck = os.path.abspath(args.gatecheck)
        else:
            log(f"error: --gatecheck {args.gatecheck}: not an executable file")
            return 2
    if not gatecheck:
        log("*** gatecheck is NOT available: measuring floors and peers only; gatecheck targets are not measured. ***")

    peer_python = args.peer_python or os.path.join(HERE, ".venv", "bin", "python")
    if not os.path.exists(peer_python):
        if not args.no_peers:
            log(f"note: {peer_python} not found; using {sys.executable} for the peers (run bench/run.sh to create the venv)")
        peer_python = sys.executable
    base_python = args.python or os.path.realpath(getattr(sys, "_base_executable", sys.executable))

    bins = build_helpers(os.path.join(work, "bin"), log)

    # inputs
    in_dir = os.path.join(work, "quick" if args.quick else "full")
    wanted = [n for n in ("cobertura", "junit", "sarif", "bandit", "accuracy", "cov8") if n in args.selected]
    if "growth" in args.selected and (gatecheck or args.growth):
        wanted += ["cobertura_x2", "sarif_x2"]
    inputs = {}
    for name in wanted:
        exp = generate.generate_one(in_dir, name, args.quick, log=log)
        exp["path"] = os.path.join(in_dir, exp["file"])
        inputs[name] = exp
    if "growth" in args.selected and not (gatecheck or args.growth):
        log("growth inputs (2x) not generated: no gatecheck to measure (use --growth to measure the floors on them)")

    # warm the page cache
    for exp in inputs.values():
        paths = [os.path.join(exp["path"], f) for f in exp["files"]] if "files" in exp else [exp["path"]]
        for p in paths:
            with open(p, "rb") as f:
                while f.read(8 << 20):
                    pass

    pairs = build_plan(args, inputs, bins, gatecheck, peer_python, base_python)
    measurer = Measurer(bins["measure"], os.path.join(work, "out"), args.timeout)
    total_rounds = args.warmup + runs
    log(f"{len(pairs)} (input, tool) pairs, {args.warmup} warm-up + {runs} measured rounds, round-robin; "
        f"inputs in {in_dir}")
    started = time.time()
    for rnd in range(total_rounds):
        counted = rnd >= args.warmup
        t_round = time.perf_counter()
        for p in pairs:
            tag = p.key.replace(" ", "_").replace("/", "_")
            run = measurer.run(p.argv, tag)
            run["round"] = rnd
            run["counted"] = counted
            if run["ok"] and not (run["status"] == "exited" and run["code"] in p.ok_codes):
                run["ok"] = False
                err = open(run["err"], "rb").read()[-600:].decode("utf-8", "replace").strip()
                run["error"] = f"{run['status']} with code {run['code']}" + (f": {err}" if err else "")
            if run["ok"]:
                try:
                    problems, notes = p.checker(run)
                except Exception as exc:  # a peer printing garbage must not stop the benchmark
                    problems, notes = [f"{p.key}: cannot check output: {exc}"], []
                for msg in problems:
                    msg = f"[{p.key}] {msg}"
                    if msg not in p.problems:
                        p.problems.append(msg)
                for msg in notes:
                    if msg not in p.notes:
                        p.notes.append(msg)
                with open(run["out"], "rb") as f:
                    p.outputs.append(f.read())
            else:
                msg = f"{p.key}: run failed: {run['error']}"
                if msg not in p.problems:
                    p.problems.append(msg)
            for k in ("out", "err"):
                run.pop(k, None)
            p.runs.append(run)
        log(f"  round {rnd + 1}/{total_rounds}{' (warm-up)' if not counted else ''} "
            f"{time.perf_counter() - t_round:.1f} s")

    # deterministic outputs across runs
    for p in pairs:
        if p.role in ("peer", "gatecheck") and len(set(p.outputs)) > 1:
            p.problems.append(f"{p.key}: output differs between runs")

    log("")
    print_table(pairs, inputs, log)
    targets = evaluate_targets(args, pairs, gatecheck)
    print_targets(targets, args.quick, log)
    context = parallel_context(pairs)
    if context:
        log(f"  context: two --jobs 1 processes at once, half of the cov8 files each, take "
            f"{context['ceiling_wall_s']:.3f} s: this machine's own 2-core speedup on this work is "
            f"{context['machine_speedup']:.2f}x in this run; cov8.parallel is {context['share']:.0%} of it.")

    failures = [msg for p in pairs for msg in p.problems]
    missed = [t for t in targets if t.enforced and t.status == "FAIL"]
    notes = [msg for p in pairs for msg in p.notes]
    if notes:
        log("")
        log("Notes:")
        for msg in notes:
            log(f"  - {msg}")
    if failures:
        log("")
        log("FAILED RUNS / WRONG NUMBERS:")
        for msg in failures:
            log(f"  - {msg}")

    if failures or missed:
        exit_code = 1
    elif not gatecheck and not args.allow_missing_gatecheck:
        exit_code = 2
    else:
        exit_code = 0

    result = {
        "schema": "gatecheck.bench/v1",
        "mode": "quick" if args.quick else "full",
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "duration_s": round(time.time() - started, 1),
        "runs": runs,
        "warmup": args.warmup,
        "machine": machine_info(gatecheck, loadavg_start),
        "gatecheck": gatecheck,
        "peer_python": peer_python,
        "baseline_python": base_python,
        "inputs": {k: {kk: vv for kk, vv in v.items() if kk not in ("params_digest",)} for k, v in inputs.items()},
        "results": [
            {"input": p.input_id, "tool": p.tool, "role": p.role, "argv": p.argv, "summary": p.summary(),
             "runs": p.runs, "problems": p.problems, "notes": p.notes}
            for p in pairs
        ],
        "targets": [t.as_dict() for t in targets],
        "context": {"cov8": context},
        "failures": failures,
        "exit_code": exit_code,
    }
    out_path = os.path.join(work, "results-quick.json" if args.quick else "results.json")
    for path in [out_path] + ([args.json_out] if args.json_out else []):
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "w") as f:
            json.dump(result, f, indent=2, sort_keys=True)
            f.write("\n")
    log("")
    log(f"results written to {out_path}" + (f" and {args.json_out}" if args.json_out else ""))
    if not gatecheck:
        log("gatecheck was NOT measured (no --gatecheck binary): "
            + ("exit 0 because of --allow-missing-gatecheck" if args.allow_missing_gatecheck and exit_code == 0
               else "gatecheck targets above are 'not measured'"))
    if missed:
        log(f"{len(missed)} target(s) missed: {', '.join(t.id for t in missed)}")
    log(f"exit {exit_code}")
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
