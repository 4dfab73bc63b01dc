#!/usr/bin/env bash
# Builds Examples/Consumer (a package that links GateCheck as any other package would) and checks that it gives the
# CLI's verdict: the same exit code and the same JSON, byte for byte, on the sample reports. Also checks that the
# README's "As a library" snippet is the example's Check.swift word for word, so the README shows code CI compiles.
set -euo pipefail
cd "$(dirname "$0")/.."

snippet="$(awk '/^## As a library/ {on = 1; next} on && /^```swift$/ {code = 1; next}
    code && /^```$/ {exit} code {print}' README.md)"
if [ "$snippet" != "$(cat Examples/Consumer/Sources/GateCheckConsumer/Check.swift)" ]; then
    echo "FAIL: README's \"As a library\" snippet differs from Examples/Consumer/Sources/GateCheckConsumer/Check.swift:"
    diff <(printf '%s\n' "$snippet") Examples/Consumer/Sources/GateCheckConsumer/Check.swift || true
    exit 1
fi

# The CLI with .ci/run's release flags, so that its release build afterwards has nothing left to do.
nice swift build -c release --static-swift-stdlib --product gatecheck
# Its own scratch path: the example resolves gatecheck as a dependency, not as the root package.
nice swift build --package-path Examples/Consumer --scratch-path .build-consumer
cli=.build/release/gatecheck
consumer=.build-consumer/debug/GateCheckConsumer

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A configuration that cannot be used: both must give the same diagnostics (exit 2), not merely both fail.
printf '{"version": 1, "gates": [{"id": "x", "metric": "coverage.nope", "min": 2}]}\n' >"$work/broken-gates.json"

passed=0
failed=0
# name, expected exit code, config ("" for the built-in gates), reports directory
while read -r name expected config dir; do
    [ "$config" = "-" ] && config=""
    reports=("$dir"/*)
    set +e
    "$cli" ${config:+--config "$config"} --format json "${reports[@]}" >"$work/$name.cli.json"
    cli_code=$?
    "$consumer" ${config:+--config "$config"} "${reports[@]}" >"$work/$name.consumer.json"
    consumer_code=$?
    set -e
    if [ "$cli_code" -ne "$expected" ] || [ "$consumer_code" -ne "$expected" ]; then
        echo "FAIL $name: exit codes CLI $cli_code, consumer $consumer_code; expected $expected"
        failed=$((failed + 1))
    elif ! cmp -s "$work/$name.cli.json" "$work/$name.consumer.json"; then
        echo "FAIL $name: the JSON verdicts differ:"
        diff "$work/$name.cli.json" "$work/$name.consumer.json" | head -20 || true
        failed=$((failed + 1))
    else
        echo "ok   $name: exit $cli_code, $(wc -c <"$work/$name.cli.json") identical bytes of JSON"
        passed=$((passed + 1))
    fi
done <<CASES
passing 0 sample-reports/gates.json sample-reports/passing
failing 1 sample-reports/gates.json sample-reports/failing
built-in-gates 0 - sample-reports/passing
broken-gates 2 $work/broken-gates.json sample-reports/failing
CASES
echo "consumer: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
