#!/usr/bin/env bash
# Regenerates the pytest JUnit XML fixtures in Tests/GateCheckTests/Fixtures/pytest/ from the test modules in
# Tests/GateCheckTests/Fixtures/pytest/source/, one file per junit_family, each with a *.summary.json sidecar that
# holds pytest's OWN counts parsed from its terminal summary line (see scripts/lib/pytest_summary.py).
#
#   outcomes-xunit{1,2}.xml                   test_outcomes.py: every outcome pytest has (see docs/pytest-outcomes.md)
#   collection-error-xunit{1,2}.xml           collection_error/: one module fails to import; pytest aborts the run
#   collection-error-continue-xunit{1,2}.xml  the same with --continue-on-collection-errors: the healthy module runs
#
# The outcomes runs are also repeated with -q: pytest's summary line depends on the verbosity when subtests are
# involved, so the sidecar records both lines ("summary_line" and "quiet_run.summary_line").
#
# Rerunnable from the repository root on a fresh machine (needs python3 with venv, and PyPI).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ensure_venv
make_scratch

FIXTURES="$REPO/Tests/GateCheckTests/Fixtures/pytest"
SOURCE="$FIXTURES/source"
SUMMARY="$REPO/scripts/lib/pytest_summary.py"

# run NAME EXPECTED_EXIT FAMILY [PYTEST ARGS ...]: writes $FIXTURES/NAME.xml and NAME.summary.json
run() {
    local name=$1 expected=$2 family=$3
    shift 3
    local xml="$FIXTURES/$name.xml" log="$SCRATCH/$name.log" status=0
    local -a args=(-o "junit_family=$family" "$@")
    rm -f "$xml"
    (cd "$SOURCE" && "$PY" -m pytest --junitxml="$xml" "${args[@]}") >"$log" 2>&1 || status=$?
    if [[ $status -ne $expected ]]; then
        cat "$log" >&2
        echo "error: pytest run $name exited $status, expected $expected" >&2
        exit 1
    fi
    "$PY" "$SUMMARY" "$log" "$FIXTURES/$name.summary.json" --exit-code "$status" \
        --command "pytest --junitxml=$name.xml ${args[*]}" --xml "$name.xml"
    printf '%-34s %s\n' "$name.xml" "$(grep -E '^=+ .* in [0-9.]+s' "$log" | tail -n 1)"
}

# The same run with -q, recorded inside NAME.summary.json as "quiet_run" (its XML is not kept).
add_quiet_run() {
    local name=$1 expected=$2 family=$3
    shift 3
    local log="$SCRATCH/$name-q.log" status=0
    (cd "$SOURCE" && "$PY" -m pytest -q --junitxml="$SCRATCH/$name-q.xml" -o "junit_family=$family" "$@") \
        >"$log" 2>&1 || status=$?
    [[ $status -eq $expected ]] || { cat "$log" >&2; echo "error: -q run of $name exited $status" >&2; exit 1; }
    "$PY" "$SUMMARY" "$log" "$SCRATCH/$name-q.json" --exit-code "$status" --command "pytest -q ..."
    "$PY" - "$FIXTURES/$name.summary.json" "$SCRATCH/$name-q.json" "$FIXTURES/$name.xml" "$SCRATCH/$name-q.xml" <<'PY'
import json, sys, xml.etree.ElementTree as ET
main_path, quiet_path, main_xml, quiet_xml = sys.argv[1:]
def shape(path):  # testcase names and child tags: everything except times, timestamps and captured text
    return [(c.get("classname"), c.get("name"), [x.tag for x in c]) for c in ET.parse(path).iter("testcase")]
if shape(main_xml) != shape(quiet_xml):
    sys.exit("the -q run wrote different testcases than the default run")
main = json.load(open(main_path, encoding="utf-8"))
quiet = json.load(open(quiet_path, encoding="utf-8"))
quiet.pop("pytest_version")
quiet["command"] = main["command"].replace("pytest ", "pytest -q ", 1)
quiet["note"] = "same run with -q; its XML has the same testcases as the default run (checked when generated)"
main["quiet_run"] = quiet
with open(main_path, "w", encoding="utf-8") as f:
    f.write(json.dumps(main, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
PY
    printf '%-34s %s\n' "  (-q)" "$(tail -n 1 "$log")"
}

for family in xunit1 xunit2; do
    # pytest exits 1 when tests failed, 2 when collection errors interrupted the run.
    run "outcomes-$family" 1 "$family" test_outcomes.py
    add_quiet_run "outcomes-$family" 1 "$family" test_outcomes.py
    run "collection-error-$family" 2 "$family" collection_error
    run "collection-error-continue-$family" 1 "$family" --continue-on-collection-errors collection_error
done
