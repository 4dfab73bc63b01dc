#!/usr/bin/env bash
# Regenerates the coverage.py Cobertura fixtures in Tests/GateCheckTests/Fixtures/coveragepy/ by running the sample
# project's pytest suite under `coverage run`, and for every X.xml writes X.totals.json with coverage.py's own numbers
# (`coverage json` totals and the TOTAL line of `coverage report`, same data file and configuration as the XML).
#
#   branch.xml               whole suite, branch coverage              (scripts/coveragerc/branch.ini)
#   statement-only.xml       whole suite, no branch measurement        (statement-only.ini, report precision 0)
#   partial-unit.xml         -m "not integration" only                 (branch.ini)
#   partial-integration.xml  -m integration only                       (branch.ini)
#   combined.xml             `coverage combine` of the two partial data files: what a merge of the two must equal
#   source-pkgs.xml          [run] source_pkgs = ragservice: empty <source>, packages named ragservice.*
#   package-depth-1.xml      as source-pkgs, with [xml] package_depth = 1
#   two-sources.xml          [run] source = ragservice, tests: two <source> elements
#
# Rerunnable from the repository root on a fresh machine (needs python3 with venv, and PyPI).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ensure_venv
make_scratch

OUT="$REPO/Tests/GateCheckTests/Fixtures/coveragepy"
RC="$REPO/scripts/coveragerc"
mkdir -p "$OUT"

coverage() { (cd "$PROJECT" && "$PY" -m coverage "$@"); }

# measure NAME RCFILE [PYTEST ARGS ...]: runs the suite under coverage.py into $SCRATCH/NAME.coverage
measure() {
    local name=$1 rc=$2
    shift 2
    local status=0
    coverage run --rcfile="$RC/$rc.ini" --data-file="$SCRATCH/$name.coverage" -m pytest -q "$@" \
        >"$SCRATCH/$name.log" 2>&1 || status=$?
    if [[ $status -ne 0 ]]; then
        cat "$SCRATCH/$name.log" >&2
        echo "error: pytest under coverage exited $status for $name" >&2
        exit 1
    fi
}

# report NAME RCFILE: writes $OUT/NAME.xml and $OUT/NAME.totals.json from $SCRATCH/NAME.coverage
report() {
    local name=$1 rc=$2
    coverage xml --rcfile="$RC/$rc.ini" --data-file="$SCRATCH/$name.coverage" -o "$OUT/$name.xml" --quiet
    (cd "$PROJECT" && "$PY" "$REPO/scripts/lib/coverage_totals.py" "$SCRATCH/$name.coverage" "$OUT/$name.totals.json" \
        --rcfile "$RC/$rc.ini" --xml "$name.xml")
    printf '%-24s %s\n' "$name.xml" "$(grep '"report_total_line"' "$OUT/$name.totals.json" | sed 's/.*: "//; s/",\{0,1\}$//')"
}

measure branch branch
report branch branch

measure statement-only statement-only
report statement-only statement-only

measure partial-unit branch -m "not integration"
report partial-unit branch
measure partial-integration branch -m integration
report partial-integration branch
coverage combine --keep --quiet --rcfile="$RC/branch.ini" --data-file="$SCRATCH/combined.coverage" \
    "$SCRATCH/partial-unit.coverage" "$SCRATCH/partial-integration.coverage"
report combined branch

measure source-pkgs source-pkgs
report source-pkgs source-pkgs
measure package-depth-1 package-depth-1
report package-depth-1 package-depth-1

measure two-sources two-sources
report two-sources two-sources
