#!/usr/bin/env bash
# The LCOV benchmark (issue 16): a generated 100 MB tracefile read by gatecheck against the read floor
# (floors/read_floor.c: read() in 256 KiB chunks, every byte touched) and `lcov --summary`, with peak RSS.
#   bench/lcov.sh GATECHECK_BINARY [MEGABYTES]     (default 100; needs cc, python3, GNU time; lcov if installed)
# Targets: gatecheck wall <= 2 x the read floor, >= 10 x faster than lcov --summary, <= 32 MiB peak RSS.
# Prints one line per tool: wall seconds (best of 3) and peak RSS; the generator's totals are checked against the
# verdict's coverage.lines_valid and lines_covered.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
gatecheck="${1:?usage: bench/lcov.sh GATECHECK_BINARY [MEGABYTES]}"
megabytes="${2:-100}"
work="${BENCH_WORK:-$here/work/lcov}"
mkdir -p "$work"
input="$work/lcov-${megabytes}mb.info"

cc -O2 -o "$work/read_floor" "$here/floors/read_floor.c"

# Records of 40 to 400 lines, two branches on every fourth line, ~30 % missed, a fifth of them a second record of a file.
if [ ! -s "$input" ]; then
    python3 - "$input" "$megabytes" <<'PY'
import random, sys, json
path, target = sys.argv[1], int(sys.argv[2]) * 1_000_000
rng = random.Random(16)
lines_valid = lines_covered = 0
seen = {}
with open(path, "w") as out:
    size, n = 0, 0
    while size < target:
        # Every fifth record is a second record of the file before: lcov -a style merging on the hot path.
        name = f"src/module{n - 1}/file{n - 1}.c" if n % 5 == 4 else f"src/module{n}/file{n}.c"
        n += 1
        count = rng.randint(40, 400)
        rec = ["TN:", f"SF:{name}"]
        hits = {}
        for line in range(1, count + 1):
            h = 0 if rng.random() < 0.3 else rng.randint(1, 5000)
            rec.append(f"DA:{line},{h}")
            hits[line] = h > 0
            if line % 4 == 0:
                rec.append(f"BRDA:{line},0,0,{h}")
                rec.append(f"BRDA:{line},0,1,{'-' if h == 0 else rng.randint(0, 3)}")
        covered = sum(hits.values())
        rec += [f"LF:{count}", f"LH:{covered}", "end_of_record"]
        text = "\n".join(rec) + "\n"
        out.write(text)
        size += len(text)
        prev = seen.get(name, {})
        for line, hit in hits.items():
            prev[line] = prev.get(line, False) or hit
        seen[name] = prev
lines_valid = sum(len(v) for v in seen.values())
lines_covered = sum(sum(v.values()) for v in seen.values())
with open(path + ".totals.json", "w") as f:
    json.dump({"lines_valid": lines_valid, "lines_covered": lines_covered}, f)
PY
fi
bytes=$(stat -c %s "$input")

measure() {  # name command...: best wall of 3 runs (nanosecond clock) and its peak RSS (KiB, GNU time)
    local name="$1" best="" rss="" start end wall kib
    shift
    for _ in 1 2 3; do
        start=$(date +%s%N)
        /usr/bin/time -f "%M" -o "$work/time.txt" "$@" > "$work/out.txt" 2>/dev/null || true
        end=$(date +%s%N)
        wall=$(awk "BEGIN{print ($end - $start) / 1e9}")
        kib=$(tail -n 1 "$work/time.txt")
        if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; rss=$kib; fi
    done
    printf '%-22s %8.3f s  %7.1f MiB peak RSS\n' "$name" "$best" "$(awk "BEGIN{print $rss/1024}")"
    eval "${name//[^a-z]/_}_wall=$best; ${name//[^a-z]/_}_rss=$rss"
}

echo "input: $input ($bytes bytes)"
measure read_floor "$work/read_floor" "$input"
measure gatecheck "$gatecheck" --format json "$input"
python3 - "$work/out.txt" "$input.totals.json" <<'PY'
import json, sys
verdict, expected = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
metrics = verdict["reports"][0]["metrics"]
got = {"lines_valid": metrics["coverage.lines_valid"], "lines_covered": metrics["coverage.lines_covered"]}
print("totals:", "match" if got == expected else f"MISMATCH gatecheck {got} generator {expected}")
PY
if command -v lcov > /dev/null; then
    measure lcov_summary lcov --summary "$input"
    awk "BEGIN{printf \"gatecheck vs lcov --summary: %.1fx faster (target >= 10)\n\", $lcov_summary_wall/$gatecheck_wall}"
fi
awk "BEGIN{printf \"gatecheck vs read floor: %.2fx (target <= 2)\n\", $gatecheck_wall/$read_floor_wall}"
awk "BEGIN{printf \"gatecheck peak RSS: %.1f MiB (target <= 32)\n\", $gatecheck_rss/1024}"
