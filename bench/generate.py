#!/usr/bin/env python3
"""Deterministic, seeded generators of large CI reports for the gatecheck benchmark.

Each generator writes one report in the exact shape its emitter writes, streaming (no DOM,
bounded memory), plus ``<name>.expected.json`` with the totals the generator counted while
writing. Shapes (see docs/reference/formats.md):

- ``cobertura.xml``: coverage.py 7.x ``coverage xml`` with branch measurement (minidom
  ``toprettyxml``, tab indentation, attributes in insertion order, ``<sources>``, packages =
  directories, ``<methods/>``, hits 0/1, branch lines with ``condition-coverage`` and
  ``missing-branches``).
- ``junit.xml``: pytest ``--junitxml`` (xunit2, ElementTree ``tostring``: one line, ``" />"``
  empty elements), root ``<testsuites name="pytest tests">`` with one ``<testsuite>``.
  Failure and error bodies alternate escaped text and CDATA, and failing tests carry a CDATA
  ``<system-out>``. (pytest itself never writes CDATA; other emitters do, and gatecheck's
  parser must handle both, so the benchmark exercises both paths.)
- ``sarif.json``: Trivy ``--format sarif`` of a container image (go-sarif, Go
  ``json.MarshalIndent`` with two spaces and HTML escaping), rules with help text,
  ``properties.security-severity`` and tags, results with ``ruleIndex``, ``level``, locations.
- ``bandit.json``: ``bandit -r -f json`` (``json.dumps(sort_keys=True, indent=2)``): ``errors``,
  ``generated_at``, per-file ``metrics`` plus ``_totals``, ``results[]`` sorted by filename.
- ``accuracy.json``: gatecheck's own ``gatecheck.accuracy/v1`` as an evaluation script writes it with
  ``json.dump(report, indent=2)``-like layout, one sample per line: three metrics with scores in
  ten-thousandths (``null`` for an unscored sample) and the stated means rounded to six decimals.
- ``cov8/``: eight coverage.py reports of one project (same files and lines, as a CI matrix
  would produce), each with its own seed for hits.
- ``cobertura_x2.xml``, ``sarif_x2.json``: the same generators at twice the size, for the
  growth test (written only with ``--growth`` or when named with ``--only``).

Usage: generate.py [--quick] [--out DIR] [--only a,b] [--growth] [--force]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import re
import shutil
import sys
import time
from array import array

GEN_VERSION = 1
HERE = os.path.dirname(os.path.abspath(__file__))

# name -> (generator key, file name, full-size parameters, quick parameters)
# Full sizes are calibrated to: cobertura ~200 MB, junit ~100 MB, sarif ~100 MB,
# bandit ~60 MB, cov8 8 x ~25 MB. Quick sizes are 2-5 MB per input.
INPUTS = {
    "cobertura": ("cobertura", "cobertura.xml", {"classes": 5930, "seed": 1}, {"classes": 84, "seed": 1}),
    "junit": ("junit", "junit.xml", {"tests": 500_000, "seed": 2}, {"tests": 12_000, "seed": 2}),
    "sarif": ("sarif", "sarif.json", {"results": 56_000, "seed": 3}, {"results": 1_700, "seed": 3}),
    "bandit": ("bandit", "bandit.json", {"results": 53_000, "seed": 4}, {"results": 1_600, "seed": 4}),
    "accuracy": ("accuracy", "accuracy.json", {"samples": 1_050_000, "seed": 6}, {"samples": 31_000, "seed": 6}),
    "cov8": ("cov8", "cov8", {"classes": 750, "files": 8, "seed": 5}, {"classes": 14, "files": 8, "seed": 5}),
    "cobertura_x2": ("cobertura", "cobertura_x2.xml", {"classes": 11860, "seed": 1}, {"classes": 168, "seed": 1}),
    "sarif_x2": ("sarif", "sarif_x2.json", {"results": 112_000, "seed": 3}, {"results": 3_400, "seed": 3}),
}
DEFAULT_SET = ["cobertura", "junit", "sarif", "bandit", "accuracy", "cov8"]
GROWTH_SET = ["cobertura_x2", "sarif_x2"]

# --------------------------------------------------------------------------------------------
# shared helpers

WORDS = (
    "account admin agent alert api archive asset audit auth backup batch billing blob bridge "
    "broker budget cache calendar campaign cart catalog channel checkout client cluster codec "
    "config connector console contract coupon crawler cron customer dashboard dataset delivery "
    "device digest dispatch document domain driver email engine event export feature feed "
    "filter forecast gateway geo graph grid handler health history hook identity image import "
    "index inventory invoice job journal kernel ledger license limit loader locale lock log "
    "mailer manifest mapper market media merge message meter metrics migration model monitor "
    "network node notify order outbox page parser partner payment payout permission pipeline "
    "plan plugin policy portal pricing print profile project promo proxy publisher query queue "
    "quota rate receipt record redis refund region registry release report request resolver "
    "retry review router rule runner sampler scheduler schema search secret segment sender "
    "session settings shard shipment signal sitemap snapshot socket source storage stream "
    "subscription supplier survey sync tag task tax template tenant theme ticket token tracker "
    "transfer translation upload user validator vault vendor version webhook widget worker "
    "workflow zone"
).split()
VERBS = (
    "accepts adds allows applies builds caches calculates cancels checks clears computes "
    "converts creates decodes deletes detects emits encodes expires exports fetches filters "
    "finds formats handles ignores imports keeps limits loads locks maps merges migrates "
    "normalizes parses persists publishes raises reads rejects renders resolves retries "
    "returns rounds saves schedules sends serializes skips sorts splits stores streams "
    "syncs truncates updates uploads validates writes"
).split()


def natural_key(text: str):
    """coverage.py's human_sorted key: digit runs compare as numbers."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text)]


def rate(hit: int, num: int) -> str:
    """coverage.py's rate(): '1' for an empty denominator, else '%.4g'."""
    return "1" if num == 0 else "%.4g" % (hit / num)


def xml_attr(text: str) -> str:
    """ElementTree attribute escaping (what pytest's junitxml writes)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "\t" in text:
        text = text.replace("\t", "&#09;")
    return text


def xml_text(text: str) -> str:
    """ElementTree text escaping."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def go_str(text: str) -> str:
    """A JSON string as Go's encoding/json writes it (HTML-escaped, UTF-8 kept)."""
    out = json.dumps(text, ensure_ascii=False)
    if "<" in out or ">" in out or "&" in out:
        out = out.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return out


def go_float(value: float) -> str:
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def pretty(obj, indent: int, enc_str, fmt_float=repr) -> str:
    """Pretty-print like Python's json.dumps(indent=2) / Go's MarshalIndent(..., "", "  "),
    with the first line at column 0 and nested lines indented from ``indent``."""
    parts: list[str] = []
    append = parts.append

    def rec(o, ind):
        if isinstance(o, str):
            append(enc_str(o))
        elif isinstance(o, dict):
            if not o:
                append("{}")
                return
            inner = "\n" + " " * (ind + 2)
            sep = "{" + inner
            for k, v in o.items():
                append(sep)
                append(enc_str(k))
                append(": ")
                rec(v, ind + 2)
                sep = "," + inner
            append("\n" + " " * ind + "}")
        elif isinstance(o, (list, tuple)):
            if not o:
                append("[]")
                return
            inner = "\n" + " " * (ind + 2)
            sep = "[" + inner
            for v in o:
                append(sep)
                rec(v, ind + 2)
                sep = "," + inner
            append("\n" + " " * ind + "]")
        elif o is True:
            append("true")
        elif o is False:
            append("false")
        elif o is None:
            append("null")
        elif isinstance(o, int):
            append(str(o))
        elif isinstance(o, float):
            append(fmt_float(o))
        else:
            raise TypeError(type(o))

    rec(obj, indent)
    return "".join(parts)


def finish(tmp_path: str, final_path: str) -> None:
    os.replace(tmp_path, final_path)


def write_with_header(final_path: str, header: str, body_path: str, footer: str) -> None:
    """Write header + the body already streamed to body_path + footer, atomically."""
    tmp = final_path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        out.write(header)
        out.flush()
        with open(body_path, "r", encoding="utf-8", newline="") as body:
            shutil.copyfileobj(body, out, 4 << 20)
        out.write(footer)
    os.remove(body_path)
    finish(tmp, final_path)


# --------------------------------------------------------------------------------------------
# Cobertura as coverage.py writes it

COVERAGE_VERSION = "7.6.1"
LINE_INDENT = "\t" * 6


class CoverageMerge:
    """Union of several reports of the same project: per line max(hits), per branch line
    max(taken) of the same total. Only valid because cov8's runs share one structure."""

    def __init__(self):
        self.covered = bytearray()
        self.taken = array("H")
        self.total = array("H")
        self.started = False
        self.pos = 0
        self.bpos = 0

    def begin_file(self):
        self.pos = 0
        self.bpos = 0

    def line(self, hit: int):
        if not self.started:
            self.covered.append(hit)
        elif hit:
            self.covered[self.pos] = 1
        self.pos += 1

    def branch(self, taken: int, total: int):
        if not self.started:
            self.taken.append(taken)
            self.total.append(total)
        elif taken > self.taken[self.bpos]:
            self.taken[self.bpos] = taken
        self.bpos += 1

    def end_file(self):
        self.started = True

    def totals(self):
        return {
            "lines_valid": len(self.covered),
            "lines_covered": sum(self.covered),
            "branches_valid": sum(self.total),
            "branches_covered": sum(self.taken),
        }


def project_layout(srng: random.Random, n_classes: int):
    """Packages (dotted directory names) and the module file names in each, human-sorted."""
    n_packages = max(1, round(n_classes / 20))
    packages = {}
    top = "acme"
    while len(packages) < n_packages:
        depth = srng.choice((1, 2, 2, 3, 3, 3, 4))
        parts = [top] + [srng.choice(WORDS) for _ in range(depth - 1)]
        if len(packages) == 0:
            parts = ["."]
        name = ".".join(parts) if parts != ["."] else "."
        if name in packages:
            name = name + str(len(packages))
        packages[name] = []
    names = sorted(packages, key=natural_key)
    weights = [srng.lognormvariate(0, 0.7) for _ in names]
    total_w = sum(weights)
    remaining = n_classes
    for i, name in enumerate(names):
        count = max(1, round(n_classes * weights[i] / total_w)) if i < len(names) - 1 else max(1, remaining)
        count = min(count, max(1, remaining - (len(names) - 1 - i)))
        remaining -= count
        seen = set()
        files = ["__init__.py"]
        seen.add("__init__.py")
        while len(files) < count:
            base = srng.choice(WORDS)
            if srng.random() < 0.4:
                base = base + "_" + srng.choice(WORDS)
            fname = base + ".py"
            if fname in seen:
                fname = f"{base}{len(files)}.py"
            seen.add(fname)
            files.append(fname)
        packages[name] = sorted(files, key=natural_key)
    return [(name, packages[name]) for name in names]


def gen_cobertura(path: str, classes: int, seed: int, hits_seed: int | None = None, merge: CoverageMerge | None = None):
    """Write a coverage.py XML report. Structure (files, lines, branches) comes from ``seed``;
    hits from ``hits_seed`` (default: seed), so several reports can share one project."""
    srng = random.Random(seed * 1000003 + 17)
    hrng = random.Random((seed if hits_seed is None else hits_seed) * 7919 + 5)
    layout = project_layout(srng, classes)

    t = dict(lines_valid=0, lines_covered=0, branches_valid=0, branches_covered=0,
             lines_partial=0, branch_lines=0, packages=0, classes=0)
    body_path = path + ".body"
    if merge is not None:
        merge.begin_file()
    with open(body_path, "w", encoding="utf-8", newline="\n") as body:
        for pkg_name, files in layout:
            pkg_dir = "" if pkg_name == "." else pkg_name.replace(".", "/") + "/"
            p_lines = p_hits = p_br = p_br_hits = 0
            class_parts = []
            for fname in files:
                if fname == "__init__.py" and srng.random() < 0.7:
                    n_stmt = 0 if srng.random() < 0.6 else srng.randint(1, 12)
                else:
                    n_stmt = min(15000, max(1, int(srng.lognormvariate(6.31, 0.8))))
                # How well the project's tests cover this file is part of the project (srng);
                # each run (hrng) flips a few blocks, lines and branches, like the jobs of a
                # CI matrix (other Python versions, platforms, optional dependencies).
                r = srng.random()
                if r < 0.06:
                    p_block = 0.0          # module never imported by the tests
                elif r < 0.78:
                    p_block = 0.80 + 0.20 * srng.random()
                else:
                    p_block = 0.25 + 0.55 * srng.random()
                lines = []
                c_hits = c_br = c_br_hits = 0
                number = srng.randint(1, 12)
                block_left = 0
                block_hit = True
                for _ in range(n_stmt):
                    if block_left == 0:
                        block_left = srng.randint(3, 40)
                        block_hit = srng.random() < p_block
                        if hrng.random() < 0.04:
                            block_hit = not block_hit
                        number += srng.randint(2, 5)  # def line, docstring, blank
                    block_left -= 1
                    number += 1 if srng.random() < 0.72 else srng.randint(2, 4)
                    line_hit = srng.random() >= 0.035
                    if hrng.random() < 0.01:
                        line_hit = not line_hit
                    hit = 1 if (block_hit and line_hit) else 0
                    if merge is not None:
                        merge.line(hit)
                    c_hits += hit
                    if srng.random() < 0.16:
                        rb = srng.random()
                        total = 2 if rb < 0.86 else (3 if rb < 0.94 else srng.randint(4, 8))
                        targets = [str(number + 1)]
                        for k in range(total - 1):
                            if srng.random() < 0.08:
                                targets.append("exit")
                            else:
                                targets.append(str(number + srng.randint(2, 60) + k))
                        full = srng.random() < 0.66
                        partial = srng.randint(1, total - 1)
                        if hrng.random() < 0.08:
                            full = not full
                        if not hit:
                            taken = 0
                        elif full:
                            taken = total
                        else:
                            taken = partial
                        if merge is not None:
                            merge.branch(taken, total)
                        c_br += total
                        c_br_hits += taken
                        t["branch_lines"] += 1
                        if hit and taken < total:
                            t["lines_partial"] += 1
                        cc = "%d%% (%d/%d)" % (100 * taken // total, taken, total)
                        if taken < total:
                            lines.append(f'{LINE_INDENT}<line number="{number}" hits="{hit}" branch="true" '
                                         f'condition-coverage="{cc}" missing-branches="{",".join(targets[taken:])}"/>\n')
                        else:
                            lines.append(f'{LINE_INDENT}<line number="{number}" hits="{hit}" branch="true" '
                                         f'condition-coverage="{cc}"/>\n')
                    else:
                        lines.append(f'{LINE_INDENT}<line number="{number}" hits="{hit}"/>\n')
                rel = pkg_dir + fname
                head = (f'\t\t\t\t<class name="{fname}" filename="{rel}" complexity="0" '
                        f'line-rate="{rate(c_hits, n_stmt)}" branch-rate="{rate(c_br_hits, c_br)}">\n'
                        f"\t\t\t\t\t<methods/>\n")
                if lines:
                    class_parts.append(head + "\t\t\t\t\t<lines>\n" + "".join(lines) + "\t\t\t\t\t</lines>\n\t\t\t\t</class>\n")
                else:
                    class_parts.append(head + "\t\t\t\t\t<lines/>\n\t\t\t\t</class>\n")
                p_lines += n_stmt
                p_hits += c_hits
                p_br += c_br
                p_br_hits += c_br_hits
                t["classes"] += 1
            body.write(f'\t\t<package name="{pkg_name}" line-rate="{rate(p_hits, p_lines)}" '
                       f'branch-rate="{rate(p_br_hits, p_br)}" complexity="0">\n\t\t\t<classes>\n')
            body.write("".join(class_parts))
            body.write("\t\t\t</classes>\n\t\t</package>\n")
            t["packages"] += 1
            t["lines_valid"] += p_lines
            t["lines_covered"] += p_hits
            t["branches_valid"] += p_br
            t["branches_covered"] += p_br_hits
    if merge is not None:
        merge.end_file()
    timestamp = 1764000000000 + (hits_seed if hits_seed is not None else seed) * 3_600_000
    header = (
        '<?xml version="1.0" ?>\n'
        f'<coverage version="{COVERAGE_VERSION}" timestamp="{timestamp}" '
        f'lines-valid="{t["lines_valid"]}" lines-covered="{t["lines_covered"]}" '
        f'line-rate="{rate(t["lines_covered"], t["lines_valid"])}" '
        f'branches-valid="{t["branches_valid"]}" branches-covered="{t["branches_covered"]}" '
        f'branch-rate="{rate(t["branches_covered"], t["branches_valid"])}" complexity="0">\n'
        f"\t<!-- Generated by coverage.py: https://coverage.readthedocs.io/en/{COVERAGE_VERSION} -->\n"
        "\t<!-- Based on https://raw.githubusercontent.com/cobertura/web/master/htdocs/xml/coverage-04.dtd -->\n"
        "\t<sources>\n\t\t<source>/home/runner/work/acme/acme/src</source>\n\t</sources>\n"
        "\t<packages>\n"
    )
    write_with_header(path, header, body_path, "\t</packages>\n</coverage>\n")
    totals = {k: t[k] for k in ("lines_valid", "lines_covered", "branches_valid", "branches_covered")}
    facts = {k: t[k] for k in ("lines_partial", "branch_lines", "packages", "classes")}
    facts["line_elements"] = t["lines_valid"]
    return totals, facts


def gen_cov8(out_dir: str, classes: int, files: int, seed: int):
    os.makedirs(out_dir, exist_ok=True)
    merge = CoverageMerge()
    per_file = {}
    for i in range(1, files + 1):
        name = f"coverage-{i}.xml"
        totals, facts = gen_cobertura(os.path.join(out_dir, name), classes, seed, hits_seed=seed * 100 + i, merge=merge)
        per_file[name] = {"totals": totals, "facts": facts, "bytes": os.path.getsize(os.path.join(out_dir, name))}
    return per_file, merge.totals()


# --------------------------------------------------------------------------------------------
# JUnit as pytest writes it

EXCEPTIONS = [
    ("AssertionError", 0.62), ("KeyError", 0.06), ("ValueError", 0.07), ("TypeError", 0.07),
    ("AttributeError", 0.05), ("TimeoutError", 0.04), ("RuntimeError", 0.04),
    ("json.decoder.JSONDecodeError", 0.02), ("sqlalchemy.exc.IntegrityError", 0.03),
]
SKIP_REASONS = [
    "requires linux", "needs network access", "slow test, run with --runslow",
    "Python 3.12+ only", "not supported on this platform", "requires postgres",
    "feature flag billing_v2 disabled", "flaky on CI, see #4821",
]


def py_repr_value(rng: random.Random) -> str:
    c = rng.random()
    if c < 0.3:
        return str(rng.randint(-5, 100000))
    if c < 0.5:
        return "'%s-%d'" % (rng.choice(WORDS), rng.randint(1, 999))
    if c < 0.7:
        return "Decimal('%d.%02d')" % (rng.randint(0, 9999), rng.randint(0, 99))
    if c < 0.85:
        return "<%s.%s object at 0x7f%010x>" % (rng.choice(WORDS), rng.choice(WORDS).title(), rng.getrandbits(40))
    return "{'%s': %d, '%s': [%d, %d, %d]}" % (rng.choice(WORDS), rng.randint(0, 9), rng.choice(WORDS),
                                                 rng.randint(0, 9), rng.randint(0, 9), rng.randint(0, 9))


def traceback_text(rng: random.Random, test_file: str, func: str, exc: str, message_line: str) -> str:
    """A pytest long repr (--tb=long) of 1.5-7 KB: fixture values, source with '>' marker,
    'E' lines, and intermediate frames."""
    target = rng.randint(1000, 4200)
    out = []
    size = 0
    frame = 0
    lineno = rng.randint(20, 900)
    while size < target or frame == 0:
        if frame:
            out.append("\n" + "_ " * 40 + "\n\n")
        for _ in range(rng.randint(1, 4)):
            line = f"{rng.choice(WORDS)}_{rng.choice(WORDS)} = {py_repr_value(rng)}\n"
            out.append(line)
            size += len(line)
        out.append("\n")
        fname = func if frame == 0 else f"{rng.choice(VERBS[:20])}_{rng.choice(WORDS)}"
        out.append(f"    def {fname}(self, {rng.choice(WORDS)}, {rng.choice(WORDS)}_factory):\n")
        for _ in range(rng.randint(2, 9)):
            line = (f"        {rng.choice(WORDS)} = {rng.choice(WORDS)}_factory.{rng.choice(VERBS)}"
                    f"({rng.choice(WORDS)}={py_repr_value(rng)}, strict=True)\n")
            out.append(line)
            size += len(line)
        if rng.random() < 0.5:
            out.append(f"        if {rng.choice(WORDS)} is not None and {rng.choice(WORDS)} < 3 and x & mask:\n")
        out.append(f">       assert {rng.choice(WORDS)}.{rng.choice(WORDS)} == {py_repr_value(rng)}\n")
        path = test_file if frame == 0 else f"src/acme/{rng.choice(WORDS)}/{rng.choice(WORDS)}.py"
        out.append(f"\n{path}:{lineno}: in {fname}\n")
        size += 200
        frame += 1
        lineno = rng.randint(20, 900)
    out.append(f"E       {exc}: {message_line}\n")
    for _ in range(rng.randint(0, 6)):
        out.append(f"E        +  where {py_repr_value(rng)} = {py_repr_value(rng)}.{rng.choice(WORDS)}\n")
    out.append(f"\n{test_file}:{lineno}: {exc.rsplit('.', 1)[-1]}")
    return "".join(out)


def captured_output(rng: random.Random) -> str:
    lines = ["----------------------------- Captured stdout call -----------------------------"]
    for _ in range(rng.randint(3, 12)):
        lines.append(f"2025-11-20 10:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d},{rng.randint(0, 999):03d} "
                     f"{rng.choice(('DEBUG', 'INFO', 'WARNING', 'ERROR'))} acme.{rng.choice(WORDS)}: "
                     f"{rng.choice(VERBS)} {rng.choice(WORDS)} id={rng.randint(1, 99999)} <{rng.choice(WORDS)}> & done")
    return "\n".join(lines) + "\n"


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def gen_junit(path: str, tests: int, seed: int):
    rng = random.Random(seed * 104729 + 3)
    t = dict(total=0, failed=0, errors=0, skipped=0, passed=0)
    facts = dict(testcase_elements=0, xfail=0, double_reports=0, cdata_bodies=0, escaped_bodies=0,
                 system_out=0, suites=1, modules=0)
    total_time = 0.0
    body_path = path + ".body"
    failure_index = 0
    with open(body_path, "w", encoding="utf-8", newline="") as body:
        buf = []
        while t["total"] < tests:
            depth = rng.choice((1, 2, 2, 3))
            mod_parts = ["tests", rng.choice(("unit", "unit", "integration", "functional"))] + \
                [rng.choice(WORDS) for _ in range(depth - 1)] + ["test_" + rng.choice(WORDS)]
            module = ".".join(mod_parts)
            test_file = "/".join(mod_parts) + ".py"
            facts["modules"] += 1
            n_groups = rng.randint(1, 5)
            for _g in range(n_groups):
                classname = module + ("." + "Test" + rng.choice(WORDS).title() + rng.choice(WORDS).title()
                                      if rng.random() < 0.6 else "")
                classname_attr = xml_attr(classname)
                for _f in range(rng.randint(2, 14)):
                    func = f"test_{rng.choice(VERBS)}_{rng.choice(WORDS)}"
                    n_params = 1 if rng.random() < 0.65 else rng.randint(2, 24)
                    for p in range(n_params):
                        if t["total"] >= tests:
                            break
                        name = func if n_params == 1 else f"{func}[{rng.choice(WORDS)}-{p}]"
                        dur = rng.expovariate(1 / 0.02) if rng.random() < 0.97 else rng.uniform(0.5, 12.0)
                        total_time += dur
                        open_tag = f'<testcase classname="{classname_attr}" name="{xml_attr(name)}" time="{dur:.3f}"'
                        r = rng.random()
                        t["total"] += 1
                        facts["testcase_elements"] += 1
                        if r < 0.020:  # 1.5 % failures, 0.5 % setup errors
                            is_error = r >= 0.015
                            exc = rng.choices([e for e, _ in EXCEPTIONS], [w for _, w in EXCEPTIONS])[0]
                            if exc == "AssertionError":
                                msg_line = f"assert {py_repr_value(rng)} == {py_repr_value(rng)}"
                            else:
                                msg_line = f"{rng.choice(WORDS)} {rng.choice(VERBS)} {py_repr_value(rng)}"
                            message = f"{exc}: {msg_line}"
                            if rng.random() < 0.3:
                                # long assertion diff messages (pytest puts the whole crash repr)
                                extra = [f"  {'-+ '[k % 3]} {py_repr_value(rng)}" for k in range(rng.randint(8, 60))]
                                message += "\n" + "\n".join(extra)
                            tb = traceback_text(rng, test_file, func, exc, msg_line)
                            failure_index += 1
                            if failure_index % 2 == 0:
                                inner = cdata(tb)
                                facts["cdata_bodies"] += 1
                            else:
                                inner = xml_text(tb)
                                facts["escaped_bodies"] += 1
                            if is_error:
                                tag = "error"
                                message = f'failed on setup with "{message}"'
                                t["errors"] += 1
                            else:
                                tag = "failure"
                                t["failed"] += 1
                            sysout = "<system-out>" + cdata(captured_output(rng)) + "</system-out>"
                            facts["system_out"] += 1
                            buf.append(f'{open_tag}><{tag} message="{xml_attr(message)}">{inner}</{tag}>{sysout}</testcase>')
                            if not is_error and rng.random() < 0.02:
                                # call failed and teardown errored: pytest writes a second testcase
                                t["total"] += 1
                                t["errors"] += 1
                                facts["testcase_elements"] += 1
                                facts["double_reports"] += 1
                                td = f"{rng.choice(WORDS)} {rng.choice(VERBS)} {py_repr_value(rng)}"
                                td_message = f'failed on teardown with "RuntimeError: {td}"'
                                td_body = traceback_text(rng, test_file, func, "RuntimeError", td)[:1500]
                                buf.append(f'{open_tag}><error message="{xml_attr(td_message)}">{xml_text(td_body)}</error></testcase>')
                        elif r < 0.050:
                            t["skipped"] += 1
                            if r < 0.045:
                                reason = rng.choice(SKIP_REASONS)
                                buf.append(f'{open_tag}><skipped type="pytest.skip" message="{xml_attr(reason)}">'
                                           f"{xml_text(f'/home/runner/work/acme/acme/{test_file}:{rng.randint(10, 900)}: {reason}')}"
                                           "</skipped></testcase>")
                            else:
                                facts["xfail"] += 1
                                reason = f"known bug #{rng.randint(100, 9999)}"
                                buf.append(f'{open_tag}><skipped type="pytest.xfail" message="{xml_attr(reason)}" /></testcase>')
                        else:
                            t["passed"] += 1
                            buf.append(open_tag + " />")
                        if len(buf) >= 4096:
                            body.write("".join(buf))
                            buf.clear()
        body.write("".join(buf))
    t["passed"] = t["total"] - t["failed"] - t["errors"] - t["skipped"]
    header = (
        '<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests">'
        f'<testsuite name="pytest" errors="{t["errors"]}" failures="{t["failed"]}" skipped="{t["skipped"]}" '
        f'tests="{t["total"]}" time="{total_time + 3.2:.3f}" timestamp="2025-11-20T10:{seed % 60:02d}:07.123456+00:00" '
        'hostname="runner-7f3c9d-amd64">'
    )
    write_with_header(path, header, body_path, "</testsuite></testsuites>")
    return t, facts


# --------------------------------------------------------------------------------------------
# SARIF as Trivy writes it

SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"]
SEV_WEIGHTS = [0.06, 0.26, 0.44, 0.24]
SEV_LEVEL = {"CRITICAL": "error", "HIGH": "error", "MEDIUM": "warning", "LOW": "note"}
SEV_DEFAULT_SCORE = {"CRITICAL": 9.5, "HIGH": 8.0, "MEDIUM": 5.5, "LOW": 2.0}
SEV_SCORE_RANGE = {"CRITICAL": (9.0, 10.0), "HIGH": (7.0, 8.9), "MEDIUM": (4.0, 6.9), "LOW": (0.1, 3.9)}
OS_PKGS = ("openssl libssl3 libcrypto3 zlib1g libc6 libc-bin bash coreutils curl libcurl4 libexpat1 "
           "libxml2 libsqlite3-0 libgnutls30 libkrb5-3 libgssapi-krb5-2 libpam0g tar gzip perl-base "
           "libtiff6 libpng16-16 libjpeg62-turbo libwebp7 libfreetype6 libx11-6 git openssh-client "
           "libssh2-1 libnghttp2-14 libldap-2.5-0 libsystemd0 libudev1 util-linux login passwd "
           "libncursesw6 libtinfo6 libpcre2-8-0 libgcrypt20 libtasn1-6 libidn2-0 ncurses-base").split()
LANG_ECOSYSTEMS = [
    ("npm", "node_modules/{p}/package.json", "lodash axios minimist ws semver express qs tough-cookie "
     "follow-redirects jsonwebtoken node-fetch undici braces micromatch cross-spawn path-to-regexp "
     "body-parser cookie send serve-static tar ip word-wrap json5 postcss nanoid".split()),
    ("pip", "usr/local/lib/python3.11/site-packages/{p}.dist-info/METADATA", "requests urllib3 jinja2 "
     "werkzeug flask django cryptography pillow setuptools certifi idna aiohttp pyyaml sqlparse "
     "gunicorn starlette fastapi paramiko lxml protobuf".split()),
    ("gobinary", "usr/local/bin/{p}", "golang.org/x/net golang.org/x/crypto golang.org/x/text "
     "google.golang.org/grpc github.com/docker/docker stdlib github.com/golang-jwt/jwt".split()),
    ("jar", "opt/app/lib/{p}.jar", "org.springframework:spring-web com.fasterxml.jackson.core:jackson-databind "
     "org.apache.logging.log4j:log4j-core io.netty:netty-codec-http org.yaml:snakeyaml "
     "org.apache.commons:commons-text ch.qos.logback:logback-classic".split()),
]


def lorem(rng: random.Random, min_len: int, max_len: int) -> str:
    target = rng.randint(min_len, max_len)
    words = []
    size = 0
    while size < target:
        w = rng.choice(WORDS) if rng.random() < 0.6 else rng.choice(VERBS)
        if rng.random() < 0.03:
            w = "a crafted <" + w + "> payload & header"
        if rng.random() < 0.01:
            w = "caf\u00e9\u2019s"
        words.append(w)
        size += len(w) + 1
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def rand_version(rng: random.Random) -> str:
    return f"{rng.randint(0, 12)}.{rng.randint(0, 30)}.{rng.randint(0, 40)}"


def gen_sarif(path: str, results: int, seed: int):
    rng = random.Random(seed * 15485863 + 11)
    n_vulns = max(4, results // 9)
    # vulnerability database: each vuln belongs to one package
    vulns = []
    seen_ids = set()
    for i in range(n_vulns):
        if rng.random() < 0.45:
            pkg = rng.choice(OS_PKGS)
            eco = None
            vid = f"CVE-{rng.randint(2015, 2025)}-{rng.randint(1000, 59999)}"
            rname = "OsPackageVulnerability"
        else:
            eco = rng.randrange(len(LANG_ECOSYSTEMS))
            pkg = rng.choice(LANG_ECOSYSTEMS[eco][2])
            if rng.random() < 0.5:
                vid = f"CVE-{rng.randint(2015, 2025)}-{rng.randint(1000, 59999)}"
            else:
                alphabet = "23456789cfghjmpqrvwx"
                vid = "GHSA-" + "-".join("".join(rng.choice(alphabet) for _ in range(4)) for _ in range(3))
            rname = "LanguageSpecificPackageVulnerability"
        if vid in seen_ids:
            vid = f"{vid}-{i}"
        seen_ids.add(vid)
        sev = rng.choices(SEVERITIES, SEV_WEIGHTS)[0]
        if rng.random() < 0.85:
            lo, hi = SEV_SCORE_RANGE[sev if rng.random() < 0.82 else rng.choice(SEVERITIES)]
            score = round(rng.uniform(lo, hi), 1)
            v3 = score
        else:
            score = SEV_DEFAULT_SCORE[sev]
            v3 = None
        vulns.append(dict(id=vid, pkg=pkg, eco=eco, rule_name=rname, sev=sev, score=score, v3=v3,
                          title=f"{pkg}: {lorem(rng, 30, 90)[:-1]}",
                          desc=lorem(rng, 250, 1600), fixed=rand_version(rng) if rng.random() < 0.8 else ""))
    # targets of the image: OS packages, then language lock files / binaries
    image = "registry.example.com/acme/monolith:2025.11.20"
    n_targets = max(2, results // 60)
    targets = [("os", "library/acme-monolith", None)]
    for k in range(n_targets - 1):
        eco = rng.randrange(len(LANG_ECOSYSTEMS))
        targets.append(("lang", f"srv/app{k}/", eco))
    by_eco = {}
    os_vulns = []
    for idx, v in enumerate(vulns):
        if v["eco"] is None:
            os_vulns.append(idx)
        else:
            by_eco.setdefault(v["eco"], []).append(idx)
    # results in target order, each picking a vulnerability of a matching ecosystem (zipf-like)
    res = []
    per_target = [results // len(targets)] * len(targets)
    per_target[0] += results - sum(per_target)
    for (tkind, tname, teco), count in zip(targets, per_target):
        pool = os_vulns if tkind == "os" else by_eco.get(teco) or os_vulns
        for _ in range(count):
            vidx = pool[min(len(pool) - 1, int(rng.paretovariate(1.1)) - 1) if rng.random() < 0.3 else rng.randrange(len(pool))]
            v = vulns[vidx]
            installed = rand_version(rng)
            if tkind == "os":
                uris = [tname]
            else:
                tmpl = LANG_ECOSYSTEMS[teco][1]
                n_loc = 1 if rng.random() < 0.6 else rng.randint(2, 4)
                uris = [tname + ("" if j == 0 else f"packages/{rng.choice(WORDS)}/") + tmpl.format(p=v["pkg"].replace(":", "-"))
                        for j in range(n_loc)]
            res.append((vidx, installed, uris))
    # ruleIndex in first-seen order
    rule_index = {}
    rule_order = []
    for vidx, _, _ in res:
        if vidx not in rule_index:
            rule_index[vidx] = len(rule_order)
            rule_order.append(vidx)

    by_level = {"error": 0, "warning": 0, "note": 0, "none": 0}
    by_band = {"critical": 0, "high": 0, "medium": 0, "low": 0, "none": 0}
    locations = 0
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        out.write('{\n  "version": "2.1.0",\n  "$schema": '
                  '"https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json",\n'
                  '  "runs": [\n    {\n      "tool": {\n        "driver": {\n'
                  '          "fullName": "Trivy Vulnerability Scanner",\n'
                  '          "informationUri": "https://github.com/aquasecurity/trivy",\n'
                  '          "name": "Trivy",\n          "rules": [')
        sep = "\n            "
        for vidx in rule_order:
            v = vulns[vidx]
            url = f"https://avd.aquasec.com/nvd/{v['id'].lower()}"
            props = {}
            if v["v3"] is not None:
                props["cvssv3_baseScore"] = v["v3"]
                props["cvssv3_vector"] = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
            props["precision"] = "very-high"
            props["security-severity"] = "%.1f" % v["score"]
            props["tags"] = ["vulnerability", "security", v["sev"]]
            rule = {
                "id": v["id"],
                "name": v["rule_name"],
                "shortDescription": {"text": v["title"]},
                "fullDescription": {"text": v["desc"]},
                "defaultConfiguration": {"level": SEV_LEVEL[v["sev"]]},
                "helpUri": url,
                "help": {
                    "text": f"Vulnerability {v['id']}\nSeverity: {v['sev']}\nPackage: {v['pkg']}\n"
                            f"Fixed Version: {v['fixed']}\nLink: [{v['id']}]({url})\n{v['desc']}",
                    "markdown": f"**Vulnerability {v['id']}**\n| Severity | Package | Fixed Version | Link |\n"
                                f"| --- | --- | --- | --- |\n|{v['sev']}|{v['pkg']}|{v['fixed']}|[{v['id']}]({url})|\n\n{v['desc']}",
                },
                "properties": props,
            }
            out.write(sep)
            out.write(pretty(rule, 12, go_str, go_float))
            sep = ",\n            "
        out.write("\n          ],\n          \"version\": \"0.57.1\"\n        }\n      },\n      \"results\": [")
        sep = "\n        "
        buf = []
        for vidx, installed, uris in res:
            v = vulns[vidx]
            url = f"https://avd.aquasec.com/nvd/{v['id'].lower()}"
            level = SEV_LEVEL[v["sev"]]
            by_level[level] += 1
            s = v["score"]
            band = "critical" if s >= 9.0 else "high" if s >= 7.0 else "medium" if s >= 4.0 else "low" if s > 0 else "none"
            by_band[band] += 1
            locations += len(uris)
            result = {
                "ruleId": v["id"],
                "ruleIndex": rule_index[vidx],
                "level": level,
                "message": {"text": f"Package: {v['pkg']}\nInstalled Version: {installed}\nVulnerability {v['id']}\n"
                                    f"Severity: {v['sev']}\nFixed Version: {v['fixed']}\nLink: [{v['id']}]({url})"},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": u, "uriBaseId": "ROOTPATH"},
                                          "region": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}},
                     "message": {"text": f"{u}: {v['pkg']}@{installed}"}}
                    for u in uris
                ],
            }
            buf.append(sep)
            buf.append(pretty(result, 8, go_str, go_float))
            sep = ",\n        "
            if len(buf) > 2048:
                out.write("".join(buf))
                buf.clear()
        out.write("".join(buf))
        run_props = {"imageID": "sha256:" + hashlib.sha256(str(seed).encode()).hexdigest(),
                     "imageName": image, "repoDigests": [image.split(":")[0] + "@sha256:" + hashlib.sha256(image.encode()).hexdigest()],
                     "repoTags": [image]}
        out.write("\n      ],\n      \"columnKind\": \"utf16CodeUnits\",\n      \"originalUriBaseIds\": {\n"
                  "        \"ROOTPATH\": {\n          \"uri\": \"file:///\"\n        }\n      },\n      \"properties\": ")
        out.write(pretty(run_props, 6, go_str, go_float))
        out.write("\n    }\n  ]\n}")
    finish(tmp, path)
    totals = {"results": len(res), "by_level": by_level, "by_band": by_band}
    facts = {"rules": len(rule_order), "locations": locations, "runs": 1}
    return totals, facts


# --------------------------------------------------------------------------------------------
# Bandit JSON

BANDIT_TESTS = [
    # test_id, test_name, severity, confidence, cwe, text, url tail, weight
    ("B101", "assert_used", "LOW", "HIGH", 703, "Use of assert detected. The enclosed code will be removed when compiling to optimised byte code.", "plugins/b101_assert_used.html", 0.38),
    ("B105", "hardcoded_password_string", "LOW", "MEDIUM", 259, "Possible hardcoded password: '{w}'", "plugins/b105_hardcoded_password_string.html", 0.05),
    ("B106", "hardcoded_password_funcarg", "LOW", "MEDIUM", 259, "Possible hardcoded password: '{w}'", "plugins/b106_hardcoded_password_funcarg.html", 0.03),
    ("B108", "hardcoded_tmp_directory", "MEDIUM", "MEDIUM", 377, "Probable insecure usage of temp file/directory.", "plugins/b108_hardcoded_tmp_directory.html", 0.04),
    ("B110", "try_except_pass", "LOW", "HIGH", 703, "Try, Except, Pass detected.", "plugins/b110_try_except_pass.html", 0.08),
    ("B113", "request_without_timeout", "MEDIUM", "LOW", 400, "Call to requests without timeout", "plugins/b113_request_without_timeout.html", 0.07),
    ("B104", "hardcoded_bind_all_interfaces", "MEDIUM", "MEDIUM", 605, "Possible binding to all interfaces.", "plugins/b104_hardcoded_bind_all_interfaces.html", 0.02),
    ("B301", "blacklist", "MEDIUM", "HIGH", 502, "Pickle and modules that wrap it can be unsafe when used to deserialize untrusted data, possible security issue.", "blacklists/blacklist_calls.html#b301-pickle", 0.03),
    ("B311", "blacklist", "LOW", "HIGH", 330, "Standard pseudo-random generators are not suitable for security/cryptographic purposes.", "blacklists/blacklist_calls.html#b311-random", 0.06),
    ("B324", "hashlib", "HIGH", "HIGH", 327, "Use of weak MD5 hash for security. Consider usedforsecurity=False", "plugins/b324_hashlib.html", 0.03),
    ("B404", "blacklist", "LOW", "HIGH", 78, "Consider possible security implications associated with the subprocess module.", "blacklists/blacklist_imports.html#b404-import-subprocess", 0.05),
    ("B506", "yaml_load", "MEDIUM", "HIGH", 20, "Use of unsafe yaml load. Allows instantiation of arbitrary objects. Consider yaml.safe_load().", "plugins/b506_yaml_load.html", 0.02),
    ("B602", "subprocess_popen_with_shell_equals_true", "HIGH", "HIGH", 78, "subprocess call with shell=True identified, security issue.", "plugins/b602_subprocess_popen_with_shell_equals_true.html", 0.02),
    ("B603", "subprocess_without_shell_equals_true", "LOW", "HIGH", 78, "subprocess call - check for execution of untrusted input.", "plugins/b603_subprocess_without_shell_equals_true.html", 0.06),
    ("B608", "hardcoded_sql_expressions", "MEDIUM", "LOW", 89, "Possible SQL injection vector through string-based query construction.", "plugins/b608_hardcoded_sql_expressions.html", 0.05),
    ("B501", "request_with_no_cert_validation", "HIGH", "HIGH", 295, "Call to requests with verify=False disabling SSL certificate checks, security issue.", "plugins/b501_request_with_no_cert_validation.html", 0.01),
]
BANDIT_VERSION = "1.8.6"
METRIC_KEYS = ["CONFIDENCE.HIGH", "CONFIDENCE.LOW", "CONFIDENCE.MEDIUM", "CONFIDENCE.UNDEFINED",
               "SEVERITY.HIGH", "SEVERITY.LOW", "SEVERITY.MEDIUM", "SEVERITY.UNDEFINED",
               "loc", "nosec", "skipped_tests"]


def py_enc(text: str) -> str:
    return json.dumps(text)  # ensure_ascii=True, as bandit's json.dumps


def gen_bandit(path: str, results: int, seed: int):
    rng = random.Random(seed * 32452843 + 7)
    # files of the scanned tree: many have no finding (they still get a metrics entry)
    n_files = max(4, int(results * 0.75))
    files = set()
    while len(files) < n_files:
        top = rng.choice(("src/acme", "src/acme", "tests", "tools", "scripts"))
        depth = rng.randint(0, 3)
        parts = [top] + [rng.choice(WORDS) for _ in range(depth)]
        name = rng.choice(WORDS) + ("_" + rng.choice(VERBS) if rng.random() < 0.3 else "")
        if top == "tests":
            name = "test_" + name
        files.add("/".join(parts) + "/" + name + ".py")
    files = sorted(files)
    weights = [w for *_, w in BANDIT_TESTS]
    metrics = {}
    by_sev = {"HIGH": 0, "MEDIUM": 0, "LOW": 0}
    by_conf = {"HIGH": 0, "MEDIUM": 0, "LOW": 0}
    # distribute results over files: a skewed few files hold most of them
    counts = [0] * len(files)
    for _ in range(results):
        if rng.random() < 0.5:
            counts[min(len(files) - 1, int(rng.paretovariate(0.8)) - 1) * 7 % len(files)] += 1
        else:
            counts[rng.randrange(len(files))] += 1
    body_path = path + ".body"
    written = 0
    with open(body_path, "w", encoding="utf-8", newline="\n") as body:
        sep = "\n    "
        buf = []
        for fname, count in zip(files, counts):
            loc = rng.randint(5, 1800)
            m = dict.fromkeys(METRIC_KEYS, 0)
            m["loc"] = loc + count
            m["nosec"] = 1 if rng.random() < 0.03 else 0
            m["skipped_tests"] = 1 if rng.random() < 0.02 else 0
            # issues below the default LOW filter never reach results[] but are in metrics
            if rng.random() < 0.01:
                m["SEVERITY.UNDEFINED"] += 1
                m["CONFIDENCE.UNDEFINED"] += 1
            is_test = fname.startswith("tests/")
            lines = sorted(rng.sample(range(1, m["loc"] + 1), count)) if count else []
            for line in lines:
                test = BANDIT_TESTS[0] if is_test and rng.random() < 0.8 else rng.choices(BANDIT_TESTS, weights)[0]
                tid, tname, sev, conf, cwe, text, tail, _ = test
                if "{w}" in text:
                    text = text.format(w=rng.choice(WORDS) + str(rng.randint(0, 99)))
                m["SEVERITY." + sev] += 1
                m["CONFIDENCE." + conf] += 1
                by_sev[sev] += 1
                by_conf[conf] += 1
                start = max(1, line - rng.randint(0, 2))
                n_code = rng.randint(2, 6)
                code_lines = []
                for ln in range(start, start + n_code):
                    code_lines.append(f"{ln}     {rng.choice(WORDS)} = {rng.choice(WORDS)}.{rng.choice(VERBS)}("
                                      f"\"{rng.choice(WORDS)}\", timeout={rng.randint(1, 60)})\n")
                col = rng.randint(0, 24)
                span = [line] if rng.random() < 0.85 else list(range(line, line + rng.randint(2, 5)))
                result = {
                    "code": "".join(code_lines),
                    "col_offset": col,
                    "end_col_offset": col + rng.randint(5, 60),
                    "filename": fname,
                    "issue_confidence": conf,
                    "issue_cwe": {"id": cwe, "link": f"https://cwe.mitre.org/data/definitions/{cwe}.html"},
                    "issue_severity": sev,
                    "issue_text": text,
                    "line_number": line,
                    "line_range": span,
                    "more_info": f"https://bandit.readthedocs.io/en/{BANDIT_VERSION}/{tail}",
                    "test_id": tid,
                    "test_name": tname,
                }
                buf.append(sep)
                buf.append(pretty(result, 4, py_enc))
                sep = ",\n    "
                written += 1
            if len(buf) > 2048:
                body.write("".join(buf))
                buf.clear()
            metrics[fname] = m
        body.write("".join(buf))
    totals_m = dict.fromkeys(METRIC_KEYS, 0)
    for m in metrics.values():
        for k in METRIC_KEYS:
            totals_m[k] += m[k]
    metrics["_totals"] = totals_m
    errors = [{"filename": f"src/acme/legacy/py2_{rng.choice(WORDS)}.py",
               "reason": "syntax error while parsing AST from file"} for _ in range(3)]
    head = ['{\n  "errors": ', pretty(errors, 2, py_enc), ',\n  "generated_at": "2025-11-20T10:04:05Z",\n  "metrics": {']
    sep = "\n    "
    for key in sorted(metrics):
        head.append(sep)
        head.append(py_enc(key))
        head.append(": ")
        head.append(pretty(metrics[key], 4, py_enc))
        sep = ",\n    "
    head.append('\n  },\n  "results": [')
    footer = "\n  ]\n}" if written else "]\n}"
    write_with_header(path, "".join(head), body_path, footer)
    totals = {"results": written, "by_severity": by_sev}
    facts = {"by_confidence": by_conf, "files_in_metrics": len(files), "errors": len(errors),
             "metrics_totals_severity": {k.split(".")[1]: totals_m[k] for k in METRIC_KEYS if k.startswith("SEVERITY.")}}
    return totals, facts


# --------------------------------------------------------------------------------------------
# accuracy (gatecheck.accuracy/v1)

ACCURACY_METRICS = ("retrieval", "attribution", "answer_relevancy")


def score_text(k: int) -> str:
    """A score of k ten-thousandths as an evaluation script prints it (0, 1, 0.83, 0.9123)."""
    if k in (0, 10000):
        return str(k // 10000)
    return f"{k / 10000:.4f}".rstrip("0")


def gen_accuracy(path: str, samples: int, seed: int):
    """Scores are whole ten-thousandths, summed as integers, so the expected means are exact fractions."""
    from fractions import Fraction

    rng = random.Random(seed * 7919 + 5)
    sums = dict.fromkeys(ACCURACY_METRICS, 0)
    scored = dict.fromkeys(ACCURACY_METRICS, 0)
    body_path = path + ".body"
    with open(body_path, "w", encoding="utf-8", newline="\n") as body:
        buf = []
        sep = "\n    "
        for i in range(samples):
            scores = []
            for metric in ACCURACY_METRICS:
                if metric == "attribution" and rng.random() < 0.02:
                    scores.append(f'"{metric}": null')
                    continue
                if metric == "retrieval":
                    k = 10000 if rng.random() < 0.93 else 0
                elif metric == "attribution":
                    k = rng.choice((0, 5000, 10000, 10000, 10000)) if rng.random() < 0.5 else rng.randrange(0, 101) * 100
                else:
                    k = rng.randrange(4000, 10001)
                sums[metric] += k
                scored[metric] += 1
                scores.append(f'"{metric}": {score_text(k)}')
            buf.append(f'{sep}{{"id": "q-{i:07d}", "scores": {{{", ".join(scores)}}}}}')
            sep = ",\n    "
            if len(buf) > 4096:
                body.write("".join(buf))
                buf.clear()
        body.write("".join(buf))
    means = {m: Fraction(sums[m], 10000 * scored[m]) for m in ACCURACY_METRICS}
    metrics = ",".join(
        f'\n    "{m}": {{"value": {float(means[m]):.6f}, "samples": {samples}, "unscored": {samples - scored[m]}}}'
        for m in ACCURACY_METRICS)
    head = ('{\n  "schema": "gatecheck.accuracy/v1",\n  "dataset": {"name": "support-qa", "size": ' + str(samples)
            + '},\n  "generated_at": "2026-11-26T10:00:00Z",\n  "metrics": {' + metrics + '\n  },\n  "samples": [')
    write_with_header(path, head, body_path, "\n  ]\n}\n")
    totals = {"samples": samples, "means": {m: float(means[m]) for m in ACCURACY_METRICS},
              "unscored": {m: samples - scored[m] for m in ACCURACY_METRICS}}
    facts = {"means_exact": {m: f"{means[m].numerator}/{means[m].denominator}" for m in ACCURACY_METRICS}}
    return totals, facts


# --------------------------------------------------------------------------------------------
# driver

def source_digest() -> str:
    with open(os.path.abspath(__file__), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def params_digest(kind: str, params: dict) -> str:
    """Changes whenever the parameters or this file change, so stale inputs are rewritten."""
    key = {"v": GEN_VERSION, "kind": kind, "params": params, "source": source_digest()}
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:16]


def expected_path(out_dir: str, name: str) -> str:
    return os.path.join(out_dir, name + ".expected.json")


def is_current(out_dir: str, name: str, kind: str, params: dict) -> bool:
    try:
        with open(expected_path(out_dir, name)) as f:
            exp = json.load(f)
    except (OSError, ValueError):
        return False
    target = os.path.join(out_dir, exp.get("file", ""))
    return exp.get("params_digest") == params_digest(kind, params) and os.path.exists(target)


def generate_one(out_dir: str, name: str, quick: bool, force: bool = False, log=print) -> dict:
    kind, fname, full, small = INPUTS[name]
    params = small if quick else full
    if not force and is_current(out_dir, name, kind, params):
        with open(expected_path(out_dir, name)) as f:
            return json.load(f)
    os.makedirs(out_dir, exist_ok=True)
    target = os.path.join(out_dir, fname)
    t0 = time.perf_counter()
    exp = {"name": name, "kind": "cobertura" if kind == "cov8" else kind, "file": fname,
           "generator_version": GEN_VERSION, "params": params, "params_digest": params_digest(kind, params)}
    if kind == "cobertura":
        totals, facts = gen_cobertura(target, params["classes"], params["seed"])
    elif kind == "junit":
        totals, facts = gen_junit(target, params["tests"], params["seed"])
    elif kind == "sarif":
        totals, facts = gen_sarif(target, params["results"], params["seed"])
    elif kind == "bandit":
        totals, facts = gen_bandit(target, params["results"], params["seed"])
    elif kind == "accuracy":
        totals, facts = gen_accuracy(target, params["samples"], params["seed"])
    elif kind == "cov8":
        if os.path.isdir(target):
            shutil.rmtree(target)
        per_file, merged = gen_cov8(target, params["classes"], params["files"], params["seed"])
        exp["files"] = per_file
        exp["merged"] = merged
        totals, facts = None, {"files": len(per_file)}
    else:
        raise ValueError(kind)
    if totals is not None:
        exp["totals"] = totals
    exp["facts"] = facts
    if kind == "cov8":
        exp["bytes"] = sum(v["bytes"] for v in exp["files"].values())
    else:
        exp["bytes"] = os.path.getsize(target)
    exp["seconds_to_generate"] = round(time.perf_counter() - t0, 2)
    tmp = expected_path(out_dir, name) + ".tmp"
    with open(tmp, "w") as f:
        json.dump(exp, f, indent=2, sort_keys=True)
        f.write("\n")
    os.replace(tmp, expected_path(out_dir, name))
    log(f"generated {name}: {exp['bytes'] / 1e6:.1f} MB in {exp['seconds_to_generate']:.1f} s")
    return exp


def default_out(quick: bool) -> str:
    return os.path.join(HERE, "work", "quick" if quick else "full")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small (2-5 MB) inputs")
    ap.add_argument("--out", help="output directory (default bench/work/full or bench/work/quick)")
    ap.add_argument("--only", help="comma-separated input names: " + ",".join(INPUTS))
    ap.add_argument("--growth", action="store_true", help="also write the doubled inputs (cobertura_x2, sarif_x2)")
    ap.add_argument("--force", action="store_true", help="regenerate even if up to date")
    args = ap.parse_args(argv)
    names = args.only.split(",") if args.only else DEFAULT_SET + (GROWTH_SET if args.growth else [])
    for n in names:
        if n not in INPUTS:
            ap.error(f"unknown input {n!r}; known: {', '.join(INPUTS)}")
    out = args.out or default_out(args.quick)
    for n in names:
        exp = generate_one(out, n, args.quick, args.force)
        summary = exp.get("totals") or exp.get("merged")
        print(f"{n}: {exp['bytes'] / 1e6:.1f} MB  {json.dumps(summary, sort_keys=True)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
