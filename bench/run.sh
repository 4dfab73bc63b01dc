#!/usr/bin/env bash
# The gatecheck benchmark in one command (see bench/README.md):
#   bench/run.sh [--quick] [--gatecheck PATH | --no-build] [run.py options...]
# Creates bench/.venv with the pinned peers, builds gatecheck as it ships (`swift build -c release
# --static-swift-stdlib`)
# unless --gatecheck PATH or --no-build is given, then runs bench/run.py, which builds the
# C floors, generates the inputs if missing, measures and checks.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"

build=1
have_gatecheck=0
args=()
while (($#)); do
    case "$1" in
        --no-build) build=0 ;;
        --gatecheck) have_gatecheck=1; args+=("$1" "${2:?--gatecheck needs a path}"); shift ;;
        --gatecheck=*) have_gatecheck=1; args+=("$1") ;;
        *) args+=("$1") ;;
    esac
    shift
done

# 1. the peers' virtualenv (recreated when requirements.txt changes)
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$here/requirements.txt" "$venv/.requirements.txt"; then
    echo "creating $venv"
    "${PYTHON:-python3}" -m venv --clear "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
    cp "$here/requirements.txt" "$venv/.requirements.txt"
fi

# 2. gatecheck, release build, unless given or not wanted
if [ "$have_gatecheck" = 0 ] && [ "$build" = 1 ]; then
    echo "building gatecheck: swift build -c release --static-swift-stdlib --product gatecheck"
    (cd "$repo" && swift build -c release --static-swift-stdlib --product gatecheck)
    args+=(--gatecheck "$(cd "$repo" && swift build -c release --static-swift-stdlib --show-bin-path)/gatecheck")
fi

# 3. floors, inputs, measurements, checks
exec "$venv/bin/python" "$here/run.py" ${args[@]+"${args[@]}"}
