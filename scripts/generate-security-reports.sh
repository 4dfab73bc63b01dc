#!/usr/bin/env bash
# Regenerates the security reports of sample-reports/{passing,failing}/ by running the real scanners, pinned in
# scripts/security-requirements.txt, from a virtualenv in sample-project/.venv-security (gitignored).
#
#   bandit.json     passing: `bandit -r ragservice` (clean: no finding at all, so no high one either).
#                   failing: `bandit -r ragservice tools`, which adds tools/rebuild_index.py and its real
#                   command injection (B602, severity HIGH): the high-severity-findings gate fails.
#   pip-audit.json  passing: sample-project/requirements.txt (current pins); failing: requirements-vulnerable.txt
#                   (jinja2 2.11.2). Written only when pip-audit's vulnerability service answers: where it cannot
#                   be reached, pip-audit marks every dependency "not audited", which is no sample of anything, so
#                   the script says so and leaves pip-audit.json out (PIP_AUDIT=require makes that an error).
#
# Rerunnable from the repository root on a fresh machine (needs python3 with venv, and PyPI).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
make_scratch

SECURITY_VENV="$PROJECT/.venv-security"
SECURITY_REQUIREMENTS="$REPO/scripts/security-requirements.txt"
OUT="$REPO/sample-reports"
mkdir -p "$OUT/passing" "$OUT/failing"

if ! [[ -x "$SECURITY_VENV/bin/python" ]] || ! cmp -s "$SECURITY_REQUIREMENTS" "$SECURITY_VENV/.requirements.txt"; then
    echo "creating $SECURITY_VENV"
    rm -rf "$SECURITY_VENV"
    "${PYTHON:-python3}" -m venv "$SECURITY_VENV"
    "$SECURITY_VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
        -r "$SECURITY_REQUIREMENTS"
    cp "$SECURITY_REQUIREMENTS" "$SECURITY_VENV/.requirements.txt"
fi

# bandit_set NAME EXPECTED_EXIT PATH...: Bandit exits 1 when it reports any result.
bandit_set() {
    local name=$1 expected=$2
    shift 2
    local status=0
    (cd "$PROJECT" && "$SECURITY_VENV/bin/bandit" -q -r "$@" -f json -o "$OUT/$name/bandit.json") || status=$?
    if [[ $status -ne $expected ]]; then
        echo "error: bandit for the $name set exited $status, expected $expected" >&2
        exit 1
    fi
    echo "  -> sample-reports/$name/bandit.json (bandit -r $*)"
}

echo "bandit:"
bandit_set passing 0 ragservice
bandit_set failing 1 ragservice tools

# audit_set NAME REQUIREMENTS: pip-audit exits 1 when it finds a vulnerability.
audit_set() {
    local name=$1 requirements=$2 report="$SCRATCH/$1.pip-audit.json"
    "$SECURITY_VENV/bin/pip-audit" -r "$requirements" --no-deps --disable-pip -f json -o "$report" \
        2>"$SCRATCH/$name.pip-audit.log" || true
    if ! [[ -s $report ]] || "$SECURITY_VENV/bin/python" - "$report" <<'PY'; then
import json, sys
deps = json.load(open(sys.argv[1]))["dependencies"]
sys.exit(0 if deps and all("skip_reason" in dep for dep in deps) else 1)
PY
        echo "  pip-audit could not reach its vulnerability service for the $name set (every dependency" \
            "\"not audited\"): sample-reports/$name/pip-audit.json left out" >&2
        tail -n 3 "$SCRATCH/$name.pip-audit.log" >&2
        rm -f "$OUT/$name/pip-audit.json"
        [[ ${PIP_AUDIT:-} != require ]] || exit 1
        return 0
    fi
    cp "$report" "$OUT/$name/pip-audit.json"
    echo "  -> sample-reports/$name/pip-audit.json (pip-audit -r ${requirements#"$REPO/"})"
}

echo "pip-audit:"
audit_set passing "$PROJECT/requirements.txt"
audit_set failing "$PROJECT/requirements-vulnerable.txt"
