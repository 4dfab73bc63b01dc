#!/usr/bin/env bash
# Runs the RAG pipeline of examples/rag-pipeline locally on sample-project/, stage by stage, with the real tools,
# and gatecheck as the only judge (examples/rag-pipeline/gates.json, one tag per stage): zero custom gate scripts.
# For each stage it checks gatecheck's exit code on the healthy run and on a broken one, so that a stage that
# cannot fail is caught too:
#
#   test         pytest unit run with coverage, then the integration run with --cov-append; broken: the
#                sample's real regression (RAGSERVICE_REGRESSION=1)                               -> 0 / 1
#   security     Bandit and pip-audit; broken: Bandit over tools/ too (a real B602)             -> 0 / 1
#                pip-audit offline (every dependency "not audited") must not pass               -> not 0
#   accuracy     the evaluation over eval/questions.jsonl; broken: RAGSERVICE_MIN_SUPPORT=0.6    -> 0 / 1
#   deploy       the image's size (docker image inspect's shape; no Docker engine here)          -> 0 / 1
#   post-deploy  a real load run against the service started locally, and the LLM cost against a 7-day
#                history written by `gatecheck record`; broken: a cost 60 % above the median    -> 0, warn
#
#   scripts/pipeline-e2e.sh [--gatecheck PATH]     # default .build/release/gatecheck, else .build/debug/gatecheck
#
# Needs python3 with venv and PyPI (pytest, coverage, Bandit, pip-audit from the pinned requirements files).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
make_scratch

gatecheck=
if [ "${1:-}" = --gatecheck ]; then gatecheck=$2; fi
if [ -z "$gatecheck" ]; then
    for candidate in "$REPO/.build/release/gatecheck" "$REPO/.build/debug/gatecheck"; do
        if [ -x "$candidate" ]; then gatecheck=$candidate; break; fi
    done
fi
[ -x "$gatecheck" ] || { echo "pipeline-e2e.sh: no gatecheck executable (swift build first)" >&2; exit 64; }
CONFIG=$REPO/examples/rag-pipeline/gates.json
failures=0

# stage NAME TAG EXPECTED DIR [ARGS...]: gatecheck --only TAG on DIR must exit EXPECTED ("!0": anything but 0).
stage() {
    local name=$1 tag=$2 expected=$3 dir=$4 status=0
    shift 4
    "$gatecheck" --config "$CONFIG" --only "$tag" --format json "$@" "$dir" >"$SCRATCH/$name.json" 2>"$SCRATCH/$name.err" \
        || status=$?
    local verdict
    verdict=$(python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); print(v["status"], " ".join(g["id"]+"="+g["status"] for g in v["gates"]))' \
        "$SCRATCH/$name.json" 2>/dev/null || echo "(no verdict)")
    if [ "$expected" = "!0" ] && [ $status -ne 0 ] || [ "$expected" = "$status" ]; then
        echo "   ok    $name: exit $status — $verdict"
    else
        echo "   FAIL  $name: exit $status, expected $expected — $verdict" >&2
        sed 's/^/         /' "$SCRATCH/$name.err" >&2
        failures=$((failures + 1))
    fi
}

ensure_venv
export COVERAGE_FILE=$SCRATCH/.coverage

echo "== stage test"
R=$SCRATCH/test && mkdir -p "$R"
(cd "$PROJECT" && "$PY" -m pytest -q -p no:randomly -m "not integration" --cov=ragservice --cov-branch --cov-report= \
    --junitxml="$R/junit-unit.xml" >"$SCRATCH/unit.log")
(cd "$PROJECT" && "$PY" -m pytest -q -m integration --cov=ragservice --cov-branch --cov-append \
    --cov-report=xml:"$R/coverage.xml" --junitxml="$R/junit-integration.xml" >"$SCRATCH/integration.log")
stage test test 0 "$R"
B=$SCRATCH/test-broken && mkdir -p "$B"
(cd "$PROJECT" && RAGSERVICE_REGRESSION=1 "$PY" -m pytest -q --cov=ragservice --cov-branch \
    --cov-report=xml:"$B/coverage.xml" --junitxml="$B/junit.xml" >"$SCRATCH/broken.log") || true
stage test-regression test 1 "$B"

echo "== stage security"
SECURITY_VENV=$PROJECT/.venv-security
if ! [[ -x "$SECURITY_VENV/bin/bandit" ]] || ! cmp -s "$REPO/scripts/security-requirements.txt" "$SECURITY_VENV/.requirements.txt"; then
    rm -rf "$SECURITY_VENV"
    python3 -m venv "$SECURITY_VENV"
    "$SECURITY_VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REPO/scripts/security-requirements.txt"
    cp "$REPO/scripts/security-requirements.txt" "$SECURITY_VENV/.requirements.txt"
fi
R=$SCRATCH/security && mkdir -p "$R"
(cd "$PROJECT" && "$SECURITY_VENV/bin/bandit" -q -r ragservice -f json -o "$R/bandit.json" --exit-zero)
(cd "$PROJECT" && "$SECURITY_VENV/bin/pip-audit" -r requirements.txt --no-deps --disable-pip -f json \
    -o "$R/pip-audit.json" 2>"$SCRATCH/pip-audit.log") || true
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); deps=d["dependencies"] if isinstance(d,dict) else d
sys.exit(0 if deps and all("skip_reason" not in x for x in deps) else 1)' "$R/pip-audit.json" 2>/dev/null; then
    stage security security 0 "$R"
else
    echo "   pip-audit could not audit (offline?): the stage must not pass"
    stage security-offline security '!0' "$R"
fi
B=$SCRATCH/security-broken && mkdir -p "$B"
(cd "$PROJECT" && "$SECURITY_VENV/bin/bandit" -q -r ragservice tools -f json -o "$B/bandit.json" --exit-zero)
stage security-b602 security 1 "$B"

echo "== stage accuracy"
R=$SCRATCH/accuracy && B=$SCRATCH/accuracy-broken
python3 "$REPO/scripts/generate-metric-reports.py" --set passing --out "$R" >/dev/null
python3 "$REPO/scripts/generate-metric-reports.py" --set failing --out "$B" >/dev/null
rm -f "$R/image-inspect.json" "$B/image-inspect.json"
stage accuracy accuracy 0 "$R"
stage accuracy-min-support accuracy 1 "$B"

echo "== stage deploy"
R=$SCRATCH/deploy && B=$SCRATCH/deploy-broken
python3 "$REPO/scripts/generate-metric-reports.py" --set passing --out "$R" >/dev/null
python3 "$REPO/scripts/generate-metric-reports.py" --set failing --out "$B" >/dev/null
stage deploy deploy 0 "$R/image-inspect.json"
stage deploy-heavy-image deploy 1 "$B/image-inspect.json"

echo "== stage post-deploy"
R=$SCRATCH/post-deploy && mkdir -p "$R"
(cd "$PROJECT" && exec "$PY" -m ragservice.server tests/data/corpus.jsonl --port 0 >"$SCRATCH/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$SCRATCH"' EXIT
port=
for _ in $(seq 100); do
    port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$SCRATCH/server.log")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "pipeline-e2e.sh: the service did not start" >&2; cat "$SCRATCH/server.log" >&2; exit 1; }
(cd "$PROJECT" && "$PY" tools/loadtest.py --url "http://127.0.0.1:$port" --questions eval/questions.jsonl \
    --requests 500 --concurrency 4 --out "$R/latency.json")
kill $server
python3 "$REPO/scripts/generate-metric-reports.py" --set passing --out "$SCRATCH/cost" >/dev/null
cp "$SCRATCH/cost/llm-cost.json" "$R/llm-cost.json"
# The seven nightly runs before this one, recorded by gatecheck itself; their spend varies by a few per cent.
history=$SCRATCH/history.jsonl
now=2026-12-03T06:00:00Z
for day in 1 2 3 4 5 6 7; do
    mkdir -p "$SCRATCH/night$day"
    python3 - "$R/llm-cost.json" "$SCRATCH/night$day/llm-cost.json" "$day" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
factor = 1 + (int(sys.argv[3]) % 3 - 1) * 0.04
for key, value in report.items():
    if isinstance(value, dict):
        value["cost"] = round(value["cost"] * factor, 8)
report["total_cost"] = round(sum(v["cost"] for v in report.values() if isinstance(v, dict)), 8)
json.dump(report, open(sys.argv[2], "w"))
PY
    "$gatecheck" record --history "$history" --at "$(date -u -d "$now - $day days" +%Y-%m-%dT%H:%M:%SZ)" \
        --label provider=anthropic "$SCRATCH/night$day" >/dev/null
done
[ "$(wc -l <"$history")" -eq 7 ] || { echo "pipeline-e2e.sh: record wrote $(wc -l <"$history") lines, not 7" >&2; exit 1; }
stage post-deploy post-deploy 0 "$R" --history "$history" --now "$now"
python3 -c 'import json; v=json.load(open("'"$SCRATCH"'/post-deploy.json")); g={x["id"]: x["status"] for x in v["gates"]}
assert g["cost-anomaly"] == "pass", g' || { echo "   FAIL  the cost anomaly gate did not pass on a normal spend" >&2; failures=$((failures + 1)); }
# The same run spending 60 % more: the anomaly gate (level warn) warns, the stage still exits 0.
B=$SCRATCH/post-deploy-costly && mkdir -p "$B" && cp "$R/latency.json" "$B/"
python3 - "$R/llm-cost.json" "$B/llm-cost.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
for value in report.values():
    if isinstance(value, dict):
        value["cost"] = round(value["cost"] * 1.6, 8)
report["total_cost"] = round(sum(v["cost"] for v in report.values() if isinstance(v, dict)), 8)
json.dump(report, open(sys.argv[2], "w"))
PY
stage post-deploy-cost-up60 post-deploy 0 "$B" --history "$history" --now "$now"
python3 -c 'import json; v=json.load(open("'"$SCRATCH"'/post-deploy-cost-up60.json")); g={x["id"]: x["status"] for x in v["gates"]}
assert g["cost-anomaly"] == "warn", g' || { echo "   FAIL  the cost anomaly gate did not warn on +60 %" >&2; failures=$((failures + 1)); }

if [ $failures -gt 0 ]; then
    echo "pipeline-e2e.sh: $failures stage check(s) failed" >&2
    exit 1
fi
echo "pipeline-e2e.sh: every stage judged as expected by gatecheck alone"
