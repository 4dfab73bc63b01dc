#!/usr/bin/env bash
# Builds the library's DocC documentation (Sources/GateCheck/GateCheck.docc and every public symbol's doc comment)
# with swift-docc-plugin, and fails on any DocC warning: a link to a symbol that does not exist, an undocumented
# parameter, a broken article reference. The archive is .build/plugins/Swift-DocC/outputs/GateCheck.doccarchive.
set -euo pipefail
cd "$(dirname "$0")/.."
nice swift package generate-documentation --target GateCheck --warnings-as-errors "$@"
