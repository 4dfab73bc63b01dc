#!/usr/bin/env bash
# Diff-coverage benchmark: the 200 MB Cobertura of bench/run.sh (bench/generate.py, input "cobertura") judged
#   plain:     one coverage.line_rate gate (the plain run)
#   diff:      coverage.diff_line_rate + diff_lines_missed with --diff, a 20,000-line diff over the report's files
#   per-file:  coverage.line_rate with "per_file": true
# Prints the median wall time of 3 runs, the ratio to the plain run and the peak RSS (GNU time's maximum resident
# set size). Targets (docs/diff-coverage.md): diff ≤ 1.2 × plain and ≤ 48 MiB; per-file ≤ 1.1 × plain.
#
#   bench/diff.sh [--quick]     (--quick: the small input, for a smoke test; timings are noise there)
# Needs the release build: swift build -c release --product gatecheck.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=${WORK:-/tmp/gatecheck-diff-bench}
bin=${GATECHECK:-$root/.build/release/gatecheck}
quick=false
[ "${1:-}" = "--quick" ] && quick=true
mkdir -p "$work"

python3 - "$here" "$work" "$quick" <<'PY'
import os, sys, random, re
here, work, quick = sys.argv[1], sys.argv[2], sys.argv[3] == "true"
sys.path.insert(0, here)
import generate
xml = os.path.join(work, "cobertura.xml")
if not os.path.exists(xml) or os.path.exists(xml + ".quick") != quick:
    generate.gen_cobertura(xml, 84 if quick else 5930, 1)
    if quick: open(xml + ".quick", "w").close()
    elif os.path.exists(xml + ".quick"): os.remove(xml + ".quick")
# A diff of 20,000 + lines over the report's files, at lines the report lists (and some it does not).
files = {}
current = None
pat_class = re.compile(r'<class [^>]*filename="([^"]+)"')
pat_line = re.compile(r'<line number="(\d+)"')
with open(xml, encoding="utf-8") as f:
    for text in f:
        m = pat_class.search(text)
        if m:
            current = files.setdefault(m.group(1), [])
            continue
        m = pat_line.search(text)
        if m and current is not None:
            current.append(int(m.group(1)))
rng = random.Random(13)
names = sorted(n for n, lines in files.items() if lines)
target = 20000
chosen = {}
while sum(len(v) for v in chosen.values()) < target:
    name = rng.choice(names)
    lines = files[name]
    start = rng.randrange(len(lines))
    picked = chosen.setdefault(name, set())
    for number in lines[start:start + rng.randint(5, 60)]:
        picked.add(number)
        picked.add(number + 1)
with open(os.path.join(work, "changes.diff"), "w") as out:
    for name in sorted(chosen):
        # The report's <source> is /home/runner/work/acme/acme/src: the repository path is src/ + filename.
        path = "src/" + name
        out.write(f"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n")
        numbers = sorted(chosen[name])
        i = 0
        while i < len(numbers):
            j = i
            while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
                j += 1
            count = j - i + 1
            out.write(f"@@ -{numbers[i] - 1},0 +{numbers[i]},{count} @@\n")
            for _ in range(count):
                out.write("+    changed()\n")
            i = j + 1
print(f"diff: {sum(len(v) for v in chosen.values())} + lines in {len(chosen)} files; "
      f"report: {os.path.getsize(xml) / 1e6:.0f} MB, {len(files)} files")
PY

cat >"$work/plain.json" <<'J'
{"version": 1, "gates": [{"id": "lines", "metric": "coverage.line_rate", "min": 0}]}
J
cat >"$work/diff.json" <<'J'
{"version": 1, "gates": [{"id": "new-code", "metric": "coverage.diff_line_rate", "min": 0},
 {"id": "missed", "metric": "coverage.diff_lines_missed", "min": 0}]}
J
cat >"$work/perfile.json" <<'J'
{"version": 1, "gates": [{"id": "each", "metric": "coverage.line_rate", "min": 0, "per_file": true}]}
J

measure() {  # name, args...: median seconds of 3 runs and the largest peak RSS
  local name=$1; shift
  local times=() rss=0
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/time.$name" "$bin" "$@" >"$work/out.$name" 2>&1 || {
      status=$?; [ $status -le 1 ] || { echo "$name: exit $status"; cat "$work/out.$name" | head -20; exit 1; }; }
    read -r seconds kib <"$work/time.$name"
    times+=("$seconds")
    [ "$kib" -gt "$rss" ] && rss=$kib
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  echo "$name $median $rss"
}
plain=$(measure plain -c "$work/plain.json" --jobs 1 "$work/cobertura.xml")
diff=$(measure diff -c "$work/diff.json" --jobs 1 --diff "$work/changes.diff" --root /home/runner/work/acme/acme "$work/cobertura.xml")
perfile=$(measure perfile -c "$work/perfile.json" --jobs 1 "$work/cobertura.xml")
grep -h "new-code\|missed\|each\|lines" "$work/out.diff" "$work/out.perfile" | head -6
python3 - "$plain" "$diff" "$perfile" <<'PY'
import sys
rows = [a.split() for a in sys.argv[1:]]
base = float(rows[0][1])
for name, seconds, kib in rows:
    print(f"{name:8} {float(seconds):7.2f} s  {float(seconds) / base:5.2f} x plain  peak RSS {int(kib) / 1024:6.1f} MiB")
PY
