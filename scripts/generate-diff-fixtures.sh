#!/usr/bin/env bash
# Regenerates Tests/GateCheckTests/Fixtures/diff-cover: for each layout, a git repository with a base and a head
# commit, its coverage.xml written by the real coverage.py (pytest-cov), `git diff -U0 base head`, and diff-cover's own
# --format json output over them. The tests rebuild the repository from base/ and head/ and compare gatecheck's
# figures with diff-cover's.
#
# Needs: python3 -m venv /tmp/dc && /tmp/dc/bin/pip install diff-cover coverage pytest pytest-cov
set -euo pipefail
VENV=${VENV:-/tmp/dc}
OUT=$(cd "$(dirname "$0")/.." && pwd)/Tests/GateCheckTests/Fixtures/diff-cover
WORK=/tmp/gatecheck-diff-fixtures
rm -rf "$WORK"
mkdir -p "$WORK"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME=T GIT_AUTHOR_EMAIL=t@e GIT_COMMITTER_NAME=T GIT_COMMITTER_EMAIL=t@e

# layout name, the directory (inside the repo) coverage runs from, its pytest-cov arguments
layouts=(
  "src-layout|.|--cov=src"
  "flat-layout|.|--cov=calc"
  "multi-root|.|--cov=src/alpha --cov=src/beta"
  "subdirectory|backend|--cov=app"
  "branch|.|--cov=src --cov-branch"
)
for spec in "${layouts[@]}"; do
  IFS='|' read -r name rundir covargs <<<"$spec"
  repo="$WORK/$name"
  mkdir -p "$repo"
  cp -R "$OUT/$name/base/." "$repo/"
  git -C "$repo" init -q -b main
  git -C "$repo" add -A
  git -C "$repo" commit -q -m base
  cp -R "$OUT/$name/head/." "$repo/"
  # head/ lists the files head deletes in .deleted, one per line
  if [ -f "$repo/.deleted" ]; then while read -r f; do rm -f "$repo/$f"; done <"$repo/.deleted"; rm "$repo/.deleted"; fi
  git -C "$repo" add -A
  git -C "$repo" commit -q -m head
  (cd "$repo/$rundir" && "$VENV/bin/python" -m pytest -q -p no:cacheprovider $covargs --cov-report=xml:coverage.xml tests >/dev/null)
  git -C "$repo" diff --no-color --no-ext-diff -U0 HEAD~1 HEAD >"$OUT/$name/changes.diff"
  cp "$repo/$rundir/coverage.xml" "$OUT/$name/coverage.xml"
  (cd "$repo" && "$VENV/bin/diff-cover" "$rundir/coverage.xml" --compare-branch=HEAD~1 \
      --format "json:$OUT/$name/diff-cover.json" >/dev/null)
  echo "$name: $(cat "$OUT/$name/diff-cover.json" | head -c 300)"
done
