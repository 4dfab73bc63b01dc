#!/usr/bin/env bash
# Checks the C ABI (libGateCheckC.so, gatecheck.h) against the command-line tool: a C program (Tests/CABI/
# check_samples.c) compiled with cc gives, on the same inputs, the same exit code and byte-identical JSON verdict as
# `gatecheck --format json`: both sample sets with sample-reports/gates.json and with the built-in gates, and a
# waived finding (Tests/CABI/waived). Then every bad call gives exit 2 and a JSON verdict naming the problem, and
# eight threads calling at once get the single-threaded verdict. Exits 1 on the first difference.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

scripts/build-c-abi.sh
swift build -c release --static-swift-stdlib --product gatecheck
cli=$root/.build/release/gatecheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Linked in, the Swift runtime must not be needed from the toolchain: a Python process would not find it.
if ldd .build/release/libGateCheckC.so | grep -i swift; then fail "libGateCheckC.so needs the Swift toolchain's libraries"; fi
cc -std=c11 -Wall -Wextra -Werror -pthread -I Sources/GateCheckC/include Tests/CABI/check_samples.c \
    -L .build/release -lGateCheckC -o "$work/check_samples"
# Only the library's own folder is on the path, no toolchain folder.
export LD_LIBRARY_PATH=$root/.build/release
c=$work/check_samples
echo "   library version $("$c" version)"
# The command-line tool reads the clock; the C call is given the same UTC date.
today=$(date -u +%F)

# compare DIR EXPECTED_EXIT CONFIG|- PATH...: run both in DIR, where the CLI's paths are the names the C call gets.
compare() {
    local dir=$1 expected=$2 config=$3
    shift 3
    local label="$dir: ${config/#-/built-in gates} on $*" cli_code=0 c_code=0 files=()
    local config_args=()
    [ "$config" = - ] || config_args=(--config "$config")
    (cd "$dir" && "$cli" "${config_args[@]}" --format json "$@") >"$work/cli.json" || cli_code=$?
    # The C call gets each file the CLI walks, in its order (sorted, hidden entries skipped).
    for path in "$@"; do
        if [ -d "$dir/$path" ]; then
            while IFS= read -r file; do files+=("$file"); done < <(cd "$dir" && find "$path" -type f -not -name '.*' | LC_ALL=C sort)
        else
            files+=("$path")
        fi
    done
    (cd "$dir" && "$c" check "$config" "$today" "${files[@]}") >"$work/c.json" || c_code=$?
    [ "$cli_code" = "$expected" ] || fail "$label: the CLI exits $cli_code, expected $expected"
    [ "$c_code" = "$cli_code" ] || fail "$label: C exits $c_code, the CLI $cli_code"
    cmp -s "$work/c.json" "$work/cli.json" || { diff "$work/cli.json" "$work/c.json" | head -20; fail "$label: verdicts differ"; }
    echo "   same verdict, exit $c_code: $label ($(wc -c <"$work/c.json") bytes)"
}

echo "== the C ABI and the CLI on the same inputs"
compare sample-reports 0 gates.json passing
compare sample-reports 1 gates.json failing
compare sample-reports 0 - passing
compare sample-reports 1 - failing
compare Tests/CABI/waived 0 gates.json bandit.json
grep -q '"waived"' "$work/c.json" || fail "the waived run's verdict lists no waived finding"

echo "== the waiver expires: the same call a day after its expiry date fails"
code=0
(cd Tests/CABI/waived && "$c" check gates.json 2100-01-01 bandit.json) >"$work/expired.json" || code=$?
[ "$code" = 1 ] || fail "after the waiver's expiry the C call exits $code, expected 1"
grep -q '"waiver.expired"' "$work/expired.json" || fail "no waiver.expired warning after the expiry"
echo "   exit 1 with warning waiver.expired"

echo "== bad calls: exit 2 and a JSON verdict whose diagnostics name the problem"
for case in null-config-no-reports:verdict.nothing-judged bad-config:config.unknown-metric \
    bad-date:api.invalid-argument null-date:api.invalid-argument null-name:api.invalid-argument \
    null-arrays:api.invalid-argument null-body:api.invalid-argument non-utf8-name:input.unreadable \
    huge-config-length:config.too-large huge-count:api.invalid-argument; do
    code=0
    "$c" error "${case%%:*}" >"$work/error.json" || code=$?
    [ "$code" = 2 ] || fail "${case%%:*}: exit $code, expected 2"
    python3 - "$work/error.json" "${case#*:}" <<'PY' || fail "${case%%:*}: the verdict is not as expected"
import json, sys
verdict = json.load(open(sys.argv[1]))
codes = [d["code"] for d in verdict["diagnostics"] if d["severity"] == "error"]
assert verdict["status"] == "error" and verdict["exit_code"] == 2, verdict["status"]
assert sys.argv[2] in codes, codes
PY
    echo "   ${case%%:*}: exit 2, error ${case#*:}"
done

echo "== eight threads at once"
(cd sample-reports && "$c" threads 8 gates.json "$today" failing/*) || fail "threads got different verdicts"
echo "== C ABI: every check passed"
