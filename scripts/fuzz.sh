#!/usr/bin/env bash
# Builds gatecheck's libFuzzer targets (fuzz/), seeds them from the corpus of real reports (Tests/GateCheckTests/Fixtures/corpus) and the project's own reports, runs
# each for a given time, and prints a summary. Exits 1 when any run found a crash, leak, timeout or out-of-memory.
# See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

usage() {
    cat <<'EOF'
usage: scripts/fuzz.sh [--seconds N] [--targets a,b,...] [--jobs 1|2] [--seed N] [--work DIR] [--no-build]
                      [--corpus DIR] [--scratch-path DIR] [--list]

  --seconds N     how long each target runs (default 60)
  --targets LIST  comma-separated targets (default: every target with a parser)
  --jobs N        targets run at once, at most 2 (default 2); every fuzzer runs under nice -n 19
  --seed N        libFuzzer's random seed (default: a new one each run)
  --fixed-runs    run each target for its number of inputs in the table below (about a minute here) instead of
                  --seconds; with --seed and a fresh --work folder the run is the same on every machine (CI uses this)
  --work DIR      the folder for corpora, artifacts and the ledger (default fuzz/work)
  --no-build      use the fuzzer already built
  --corpus DIR    the corpus of real reports (default Tests/GateCheckTests/Fixtures/corpus or $GATECHECK_CORPUS)
  --scratch-path DIR  SwiftPM's build folder for the fuzzer (default fuzz/.build); another one lets a new build
                  run while fuzzers still use the old binary
  --list          print the targets and exit

Work files (fuzz/work is gitignored): <work>/<target>/corpus (kept between runs), seeds (made anew each run),
artifacts (crash-*, leak-*, timeout-*, oom-* inputs), last.log; <work>/ledger.tsv adds up every run.
EOF
}

# target | dictionary | max_len | runs with --fixed-runs (about a minute on the 2-core machine) | seed sources (corpus folders as corpus:NAME, project paths relative to the root)
table() {
    cat <<'EOF'
cobertura|xml|16384|20000|corpus:cobertura Tests/GateCheckTests/Fixtures/coveragepy Tests/GateCheckTests/Fixtures/sample-totals sample-reports/passing/coverage.xml sample-reports/failing/coverage.xml
junit|xml|16384|40000|corpus:junit Tests/GateCheckTests/Fixtures/pytest sample-reports/passing/junit.xml sample-reports/failing/junit.xml
bandit|json|16384|40000|corpus:bandit sample-reports/passing/bandit.json sample-reports/failing/bandit.json
safety|json|16384|50000|corpus:safety
pip-audit|json|16384|60000|corpus:pip-audit
sarif|json|16384|60000|corpus:sarif corpus:trivy-sarif
trivy-json|json|16384|60000|corpus:trivy-json
accuracy|json|16384|40000|sample-reports/passing/accuracy-report.json sample-reports/failing/accuracy-report.json Tests/GateCheckCLITests/Scenarios/accuracy-boundary/reports Tests/GateCheckCLITests/Scenarios/accuracy-nan/reports Tests/GateCheckCLITests/Scenarios/accuracy-out-of-range/reports Tests/GateCheckCLITests/Scenarios/deepeval-mapping/reports
image|json|16384|120000|corpus:docker-inspect sample-reports/passing/image-inspect.json sample-reports/failing/image-inspect.json Tests/GateCheckCLITests/Scenarios/image-boundary/reports Tests/GateCheckCLITests/Scenarios/image-units/reports
llm-cost|json|16384|120000|sample-reports/passing/llm-cost.json sample-reports/failing/llm-cost.json
latency|json|16384|100000|Tests/GateCheckCLITests/Scenarios/latency-gates/reports
lcov|lcov|16384|100000|Tests/GateCheckTests/Fixtures/lcov
coverage-json|json|16384|40000|Tests/GateCheckTests/Fixtures/coverage-json
go-cover|lcov|16384|100000|Tests/GateCheckTests/Fixtures/go-cover
go-test-json|json|16384|40000|Tests/GateCheckTests/Fixtures/go-test-json
promptfoo|json|16384|40000|Tests/GateCheckTests/Fixtures/promptfoo
ragas|json|16384|40000|Tests/GateCheckTests/Fixtures/ragas
k6|json|16384|60000|Tests/GateCheckTests/Fixtures/k6
locust|csv|16384|100000|Tests/GateCheckTests/Fixtures/locust
json-reader|json|8192|15000|corpus:bandit corpus:pip-audit corpus:safety corpus:trivy-json sample-reports/gates.json schemas
configuration|json|4096|100000|sample-reports/gates.json Tests/GateCheckCLITests/Scenarios
detection|all|4096|48000|corpus:cobertura corpus:junit corpus:bandit corpus:safety corpus:pip-audit corpus:sarif corpus:trivy-json corpus:docker-inspect Tests/GateCheckTests/Fixtures/jacoco Tests/GateCheckTests/Fixtures/xunit
jacoco|xml|16384|20000|Tests/GateCheckTests/Fixtures/jacoco
nunit|xml|16384|40000|Tests/GateCheckTests/Fixtures/nunit
xunit|xml|16384|40000|Tests/GateCheckTests/Fixtures/xunit
trx|xml|16384|40000|Tests/GateCheckTests/Fixtures/trx
pipeline|all|16384|500|sample-reports/passing sample-reports/failing corpus:safety Tests/GateCheckCLITests/Scenarios/latency-gates/reports
EOF
}

seconds=60
targets=""
jobs=2
build=1
corpus="${GATECHECK_CORPUS:-$root/Tests/GateCheckTests/Fixtures/corpus}"
scratch="$root/fuzz/.build"
seed=""
fixed_runs=0
work="$root/fuzz/work"
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --targets) targets="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --fixed-runs) fixed_runs=1; shift ;;
        --work) work="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
        --no-build) build=0; shift ;;
        --corpus) corpus="$2"; shift 2 ;;
        --scratch-path) scratch="$2"; shift 2 ;;
        --list) table | cut -d'|' -f1; exit 0 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 64 ;;
    esac
done
[ "$jobs" -ge 1 ] && [ "$jobs" -le 2 ] || { echo "--jobs must be 1 or 2 (the machine has 2 shared cores)" >&2; exit 64; }
[ -n "$targets" ] || targets=$(table | cut -d'|' -f1 | paste -sd, -)

mkdir -p "$work"
# SwiftPM hands -sanitize=fuzzer and -sanitize=address to the compiler as two flags and the last one wins, which
# leaves the code without coverage instrumentation; the combined flag keeps both (docs/fuzzing.md).
build_flags=(--package-path fuzz --scratch-path "$scratch" -c release --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address)
if [ "$build" = 1 ]; then
    echo "== building the fuzzer (release, libFuzzer + AddressSanitizer)"
    start=$(date +%s)
    nice -n 19 swift build "${build_flags[@]}"
    echo "   built in $(( $(date +%s) - start )) s"
fi
binary="$(swift build "${build_flags[@]}" --show-bin-path)/gatecheck-fuzz"
[ -x "$binary" ] || { echo "no fuzzer at $binary; run without --no-build" >&2; exit 1; }

cat fuzz/dict/xml.dict fuzz/dict/json.dict > "$work/all.dict"

# Copies every file of the seed sources into one flat folder (names made unique from their paths).
prepare_seeds() {
    local target="$1" sources="$2" seeds="$work/$1/seeds"
    rm -rf "$seeds"
    mkdir -p "$seeds" "$work/$target/corpus" "$work/$target/artifacts"
    local source path
    for source in $sources "fuzz/seeds/$target" "Tests/GateCheckTests/Fixtures/fuzz-regressions/$target"; do
        case "$source" in
            corpus:*) path="$corpus/${source#corpus:}" ;;
            *) path="$root/$source" ;;
        esac
        [ -e "$path" ] || continue
        find "$path" -type f ! -name 'LICENSE*' ! -name '*.md' -print0 | while IFS= read -r -d '' file; do
            cp "$file" "$seeds/$(echo "${file#"$root"/}" | tr '/ ' '__' | tail -c 200)"
        done
    done
    if [ "$target" = pipeline ]; then
        # Whole runs: the sample reports of one outcome, joined as the pipeline target splits them.
        local outcome
        for outcome in passing failing; do
            local joined="$seeds/joined-$outcome" first=1 file
            : > "$joined"
            for file in sample-reports/$outcome/*; do
                [ "$first" = 1 ] || printf '\n--8<--\n' >> "$joined"
                cat "$file" >> "$joined"
                first=0
            done
        done
    fi
}

# Runs one target; writes "target execs seconds execs_per_s corpus findings" to $work/<target>/result.
run_target() {
    local target="$1" dict="$2" max_len="$3" runs="$4" dir="$work/$1"
    # --fixed-runs: a set number of inputs, so that the run does not depend on the machine's speed (the time limit
    # is then only a guard against a machine far slower than this one)
    local limits=(-max_total_time="$seconds")
    [ "$fixed_runs" = 1 ] && limits=(-runs="$runs" -max_total_time=$((seconds * 5)))
    local marker="$dir/.started" start end
    touch "$marker"
    start=$(date +%s)
    set +e
    # SWIFT_BACKTRACE: the Swift runtime's crash backtracer reads memory that AddressSanitizer then reports.
    GATECHECK_FUZZ_TARGET="$target" SWIFT_BACKTRACE=enable=no nice -n 19 "$binary" \
        "${limits[@]}" -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 \
        -dict="$( [ "$dict" = all ] && echo "$work/all.dict" || echo "$root/fuzz/dict/$dict.dict" )" \
        -artifact_prefix="$dir/artifacts/" -print_final_stats=1 ${seed:+-seed="$seed"} \
        "$dir/corpus" "$dir/seeds" > "$dir/last.log" 2>&1
    local status=$?
    set -e
    end=$(date +%s)
    local execs rate corpus_size findings
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$dir/last.log" | grep -o '[0-9]*$' || true)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$dir/last.log" | grep -o '[0-9]*$' || true)
    corpus_size=$(find "$dir/corpus" -type f | wc -l)
    findings=$(find "$dir/artifacts" -type f -newer "$marker" \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
    if [ "$status" -ne 0 ] && [ "$findings" -eq 0 ]; then findings=1; fi   # a failure that left no artifact
    echo "$target ${execs:-0} $((end - start)) ${rate:-0} $corpus_size $findings" > "$dir/result"
    printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$((end - start))" "${execs:-0}" "$findings" >> "$work/ledger.tsv"
}

echo "== seeds from $corpus and the project's reports"
selected=()
IFS=, read -ra wanted <<< "$targets"
for target in "${wanted[@]}"; do
    line=$(table | grep "^$target|" || true)
    [ -n "$line" ] || { echo "unknown target: $target (see --list)" >&2; exit 64; }
    IFS='|' read -r name dict max_len runs sources <<< "$line"
    prepare_seeds "$name" "$sources"
    selected+=("$name|$dict|$max_len|$runs")
done

budget="$seconds s each"
[ "$fixed_runs" = 1 ] && budget="the table's number of inputs each"
echo "== running ${#selected[@]} target(s) for $budget, $jobs at a time (load: $(cut -d' ' -f1-3 /proc/loadavg))"
running=0
for entry in "${selected[@]}"; do
    IFS='|' read -r name dict max_len runs <<< "$entry"
    rm -f "$work/$name/result"
    run_target "$name" "$dict" "$max_len" "$runs" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait || true

echo
printf '%-14s %12s %8s %9s %8s %9s\n' target executions seconds exec/s corpus findings
total_findings=0
for entry in "${selected[@]}"; do
    name=${entry%%|*}
    if [ -f "$work/$name/result" ]; then
        read -r target execs secs rate corpus_size findings < "$work/$name/result"
    else
        target=$name execs=0 secs=0 rate=0 corpus_size=0 findings=1
    fi
    printf '%-14s %12s %8s %9s %8s %9s\n' "$target" "$execs" "$secs" "$rate" "$corpus_size" "$findings"
    total_findings=$((total_findings + findings))
    if [ "$findings" -gt 0 ]; then
        grep -m1 -E 'ERROR:|Fatal error|invariant broken|deadly signal' "$work/$name/last.log" | sed 's/^/    /' || true
        find "$work/$name/artifacts" -type f -newer "$work/$name/.started" | while read -r artifact; do
            echo "    artifact: $artifact"
            # A CI machine's temporary folder is gone when its log is read: the input itself (inputs are at most
            # 16 KiB) makes the finding reproducible anywhere (base64 -d > input; run the fuzzer on it).
            if [ "$(wc -c < "$artifact")" -le 16384 ]; then
                echo "    base64 of the input:"
                base64 -w 100 "$artifact" | sed 's/^/      /'
            fi
        done
    fi
done
if [ "$total_findings" -gt 0 ]; then
    echo "FAILED: $total_findings finding(s); reproduce one with: GATECHECK_FUZZ_TARGET=<target> $binary <artifact>"
    exit 1
fi
echo "no findings"
