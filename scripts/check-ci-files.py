#!/usr/bin/env python3
"""Checks the CI files gatecheck ships: each parses as YAML and references only files that exist.

- action.yml: a composite action; every input the issue asks for is declared, every `inputs.X` used is declared,
  every step has a shell, and every `$GITHUB_ACTION_PATH/...` file a step runs exists (and is executable or Python).
- ci/gitlab/gatecheck.gitlab-ci.yml: a hidden job `.gatecheck` with `artifacts:reports:junit` and `codequality`,
  each written by the job's own `--output`, and every variable it uses declared.
- every workflow under examples/**/.github/workflows and .github/workflows: parses, and every `./path` it uses
  (`uses: ./...`, `--config path`) exists.

PyYAML is needed (installed on GitHub's runners; `pip install pyyaml` or `apt-get install python3-yaml`).
Exit 0 when every check holds, 1 with each problem listed otherwise.
"""

import glob
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
problems = []


def problem(path, message):
    problems.append("%s: %s" % (os.path.relpath(path, ROOT), message))


def load(path):
    with open(path, encoding="utf-8") as handle:
        try:
            # BaseLoader: every scalar a string, as GitHub and GitLab read them (no `on:` turned into True).
            return yaml.load(handle, Loader=yaml.BaseLoader)
        except yaml.YAMLError as error:
            problem(path, "not valid YAML: %s" % error)
            return None


def check_action(path):
    action = load(path)
    if not isinstance(action, dict):
        return problem(path, "not a mapping") if action is not None else None
    runs = action.get("runs") or {}
    if runs.get("using") != "composite":
        problem(path, "runs.using is %r, expected composite" % runs.get("using"))
    declared = set((action.get("inputs") or {}).keys())
    wanted = {"version", "config", "paths", "outputs", "comment", "sarif", "working-directory", "only", "skip"}
    for name in sorted(wanted - declared):
        problem(path, "input %r is not declared" % name)
    text = open(path, encoding="utf-8").read()
    for name in sorted(set(re.findall(r"inputs\.([A-Za-z0-9_-]+)", text)) - declared):
        problem(path, "inputs.%s is used but not declared" % name)
    for index, step in enumerate(runs.get("steps") or []):
        if "run" in step and not step.get("shell"):
            problem(path, "step %d runs a command without a shell (composite actions need one)" % index)
        for referenced in re.findall(r"\$GITHUB_ACTION_PATH/([A-Za-z0-9_./-]+)", step.get("run", "")):
            target = os.path.join(os.path.dirname(path), referenced)
            if not os.path.isfile(target):
                problem(path, "step %d runs %s, which does not exist" % (index, referenced))
    for output, spec in (action.get("outputs") or {}).items():
        step_id = re.search(r"steps\.([A-Za-z0-9_-]+)\.outputs", spec.get("value", ""))
        if step_id and step_id.group(1) not in {s.get("id") for s in runs.get("steps") or []}:
            problem(path, "output %s reads step %s, which no step is" % (output, step_id.group(1)))


def check_gitlab(path):
    document = load(path)
    if not isinstance(document, dict):
        return problem(path, "not a mapping") if document is not None else None
    job = document.get(".gatecheck")
    if not isinstance(job, dict):
        return problem(path, "no hidden job .gatecheck to extend")
    reports = (job.get("artifacts") or {}).get("reports") or {}
    script = "\n".join(job.get("script") or [])
    for key, output_format in (("junit", "junit"), ("codequality", "gitlab")):
        target = reports.get(key)
        if not target:
            problem(path, "artifacts:reports:%s is missing" % key)
        elif "--output %s=%s" % (output_format, target) not in script:
            problem(path, "artifacts:reports:%s is %s, which the script does not write (--output %s=%s)" % (
                key, target, output_format, target))
    if (job.get("artifacts") or {}).get("when") != "always":
        problem(path, "artifacts:when should be always, so a failed gate keeps its outputs")
    declared = set((document.get("variables") or {}).keys())
    used = set(re.findall(r"\$\{?(GATECHECK_[A-Z_]+)", open(path, encoding="utf-8").read()))
    for name in sorted(used - declared):
        problem(path, "$%s is used but not declared in variables" % name)


def check_workflow(path, base):
    workflow = load(path)
    if not isinstance(workflow, dict):
        return problem(path, "not a mapping") if workflow is not None else None
    if "jobs" not in workflow:
        problem(path, "no jobs")
    text = open(path, encoding="utf-8").read()
    for referenced in re.findall(r"uses:\s*\./([A-Za-z0-9_./-]*)", text):
        if not os.path.exists(os.path.join(base, referenced)):
            problem(path, "uses ./%s, which does not exist" % referenced)


def main():
    check_action(os.path.join(ROOT, "action.yml"))
    check_gitlab(os.path.join(ROOT, "ci/gitlab/gatecheck.gitlab-ci.yml"))
    workflows = glob.glob(os.path.join(ROOT, ".github/workflows/*.y*ml"))
    workflows += glob.glob(os.path.join(ROOT, "examples/**/.github/workflows/*.y*ml"), recursive=True)
    for path in workflows:
        check_workflow(path, ROOT)
    for line in problems:
        print(line)
    checked = 2 + len(workflows)
    print("%d CI file(s) checked: %s" % (checked, "%d problem(s)" % len(problems) if problems else "all valid"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
