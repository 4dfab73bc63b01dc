#!/usr/bin/env bash
# Checks the wheel as a user gets it (docs/install.md): builds it with scripts/build-wheel.sh, or takes the one
# given, verifies its .sha256, installs it into a new virtual environment with pip (no index: nothing else is
# fetched) and then, with an empty environment (env -i: the venv's bin and /usr/bin:/bin on PATH, so no Swift
# toolchain and no LD_LIBRARY_PATH), checks that
#   - `gatecheck` is on PATH, is the wheel's executable and prints the wheel's version,
#   - `gatecheck --config sample-reports/gates.json sample-reports/failing` exits 1 and .../passing exits 0,
#   - `import gatecheck` loads the libGateCheckC.so installed with it (not the repository's), whose version is the
#     executable's, and gatecheck.check() gives the executable's JSON verdict on the same reports (same status,
#     exit code and gate results),
#   - pip uninstall removes the executable again.
#
#   scripts/test-wheel.sh [dist/gatecheck-VERSION-py3-none-manylinux_*.whl]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

fail() {
    echo "test-wheel.sh: FAIL: $*" >&2
    exit 1
}
if [ $# -gt 1 ]; then echo "usage: scripts/test-wheel.sh [WHEEL]" >&2; exit 64; fi
if [ $# -eq 1 ]; then
    wheel=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
else
    wheel=$(scripts/build-wheel.sh)
fi
[ -f "$wheel" ] || fail "no wheel $wheel"
echo "== $wheel"
(cd "$(dirname "$wheel")" && sha256sum -c "$(basename "$wheel").sha256") || fail "the sha256 does not match"
case $(basename "$wheel") in
    gatecheck-*-py3-none-manylinux_*.whl) ;;
    *) fail "the wheel's name has no manylinux tag: $(basename "$wheel")" ;;
esac
# The version in the name, as PEP 440 wrote it.
version=$(basename "$wheel" | sed 's/^gatecheck-\([^-]*\)-.*/\1/')

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --no-index --disable-pip-version-check "$wheel" || fail "pip install failed"

clean() { env -i HOME="$work" PATH="$work/venv/bin:/usr/bin:/bin" "$@"; }

found=$(clean sh -c 'command -v gatecheck') || fail "gatecheck is not on the venv's PATH"
[ "$found" = "$work/venv/bin/gatecheck" ] || fail "gatecheck found at $found, not in the venv"
shown=$(clean gatecheck --version) || fail "gatecheck --version exited $?"
[ "$shown" = "$version" ] || fail "gatecheck --version says '$shown', the wheel '$version'"
echo "   gatecheck --version: $shown"
if clean sh -c 'command -v swift' >/dev/null; then fail "swift is reachable from the clean PATH"; fi

status=0
clean gatecheck --config sample-reports/gates.json --format json sample-reports/failing >"$work/failing.json" \
    || status=$?
[ $status -eq 1 ] || fail "sample-reports/failing exited $status, expected 1"
status=0
clean gatecheck --config sample-reports/gates.json --format json sample-reports/passing >"$work/passing.json" \
    || status=$?
[ $status -eq 0 ] || fail "sample-reports/passing exited $status, expected 0"
echo "   gatecheck on sample-reports: failing exit 1, passing exit 0"

clean "$work/venv/bin/python" - "$root" "$work" <<'PY' || fail "the Python binding (above)"
import json, sys
from pathlib import Path

root, work = Path(sys.argv[1]), Path(sys.argv[2])
import gatecheck

library = gatecheck.library_path().resolve()
venv = (work / "venv").resolve()
assert venv in library.parents, f"gatecheck loaded {library}, not the wheel's library in {venv}"
assert str(root) not in str(library), library
for name, expected_exit in (("failing", 1), ("passing", 0)):
    verdict = gatecheck.check([str(root / "sample-reports" / name)], config=str(root / "sample-reports" / "gates.json"))
    cli = json.loads((work / f"{name}.json").read_text())
    assert verdict["exit_code"] == expected_exit, (name, verdict["exit_code"])
    assert verdict["status"] == cli["status"], (name, verdict["status"], cli["status"])
    gates = lambda v: [(g["id"], g["status"]) for g in v["gates"]]
    assert gates(verdict) == gates(cli), (name, gates(verdict), gates(cli))
print(f"   import gatecheck: {library.relative_to(venv)}, version {gatecheck.version()}; verdicts equal the CLI's")
PY
lib_version=$(clean "$work/venv/bin/python" -c 'import gatecheck; print(gatecheck.version())')
[ "$lib_version" = "$(clean gatecheck --version)" ] || fail "the library says '$lib_version', the executable '$shown'"

"$work/venv/bin/pip" uninstall --quiet --yes gatecheck || fail "pip uninstall failed"
[ ! -e "$work/venv/bin/gatecheck" ] || fail "pip uninstall left bin/gatecheck behind"
echo "   pip uninstall removes bin/gatecheck"
echo "test-wheel.sh: the wheel ($(stat -c %s "$wheel") bytes) installs and works without Swift"
