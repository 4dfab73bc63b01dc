#!/usr/bin/env bash
# Runs gatecheck for the action, in the working directory: annotations and the text verdict in the log and the
# Markdown verdict appended to the step summary (gatecheck's default on GitHub Actions, GITHUB_ACTIONS=true, which
# the runner sets), the Markdown verdict to a file for the comment,
# and the outputs asked for. Always exits 0: the exit code goes to the step's outputs, and the action's last step
# exits with it, so that the comment is posted on a failed gate too.
# Environment: GATECHECK_CONFIG, GATECHECK_PATHS, GATECHECK_OUTPUTS (one FORMAT=PATH per line), GATECHECK_ONLY,
# GATECHECK_SKIP, GATECHECK_SARIF, GATECHECK_ARGUMENTS (one argument per line), RUNNER_TEMP, GITHUB_OUTPUT; GATECHECK (the executable, default: on PATH).
set -uo pipefail

args=()
[ -n "${GATECHECK_CONFIG:-}" ] && args+=(--config "$GATECHECK_CONFIG")
[ -n "${GATECHECK_ONLY:-}" ] && args+=(--only "$GATECHECK_ONLY")
[ -n "${GATECHECK_SKIP:-}" ] && args+=(--skip "$GATECHECK_SKIP")
[ -n "${GATECHECK_SARIF:-}" ] && args+=(--output "sarif=$GATECHECK_SARIF")
while IFS= read -r line; do
    line=${line#"${line%%[![:space:]]*}"}
    line=${line%"${line##*[![:space:]]}"}
    [ -n "$line" ] && args+=(--output "$line")
done <<<"${GATECHECK_OUTPUTS:-}"
while IFS= read -r line; do
    line=${line#"${line%%[![:space:]]*}"}
    line=${line%"${line##*[![:space:]]}"}
    [ -n "$line" ] && args+=("$line")
done <<<"${GATECHECK_ARGUMENTS:-}"
markdown=${RUNNER_TEMP:-/tmp}/gatecheck-comment-$$.md
args+=(--output "markdown=$markdown")
paths=()
while IFS= read -r line; do
    line=${line#"${line%%[![:space:]]*}"}
    line=${line%"${line##*[![:space:]]}"}
    [ -n "$line" ] && paths+=("$line")
done <<<"${GATECHECK_PATHS:-.}"

"${GATECHECK:-gatecheck}" "${args[@]}" "${paths[@]}"
code=$?
echo "gatecheck exited $code"
{
    echo "exit-code=$code"
    if [ -s "$markdown" ]; then echo "markdown=$markdown"; fi
} >>"${GITHUB_OUTPUT:-/dev/null}"
exit 0
