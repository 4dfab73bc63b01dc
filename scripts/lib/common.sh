# Sourced by scripts/generate-*.sh. Sets REPO, PROJECT, VENV, PY and a deterministic environment,
# and creates the virtualenv from sample-project/requirements.txt when it is missing or stale.
# shellcheck shell=bash

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PROJECT="$REPO/sample-project"
VENV="$PROJECT/.venv"
PY="$VENV/bin/python"
REQUIREMENTS="$PROJECT/requirements.txt"

# Nothing from the caller's shell may change what pytest or coverage.py write.
unset PYTEST_ADDOPTS PYTEST_PLUGINS COVERAGE_PROCESS_START COVERAGE_RCFILE COVERAGE_FILE RAGSERVICE_REGRESSION
export PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1
export COLUMNS=100 LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC NO_COLOR=1

ensure_venv() {
    local stamp="$VENV/.requirements.txt"
    if [[ -x "$PY" ]] && cmp -s "$REQUIREMENTS" "$stamp"; then
        return 0
    fi
    local python=${PYTHON:-python3}
    echo "creating $VENV with $("$python" --version 2>&1)"
    rm -rf "$VENV"
    "$python" -m venv "$VENV"
    "$PY" -m pip install --quiet --disable-pip-version-check --no-input -r "$REQUIREMENTS"
    cp "$REQUIREMENTS" "$stamp"
}

# A scratch directory removed when the calling script exits.
make_scratch() {
    SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/gatecheck-samples.XXXXXX")
    trap 'rm -rf "$SCRATCH"' EXIT
}
