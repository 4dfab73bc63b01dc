#!/usr/bin/env bash
# Builds the C ABI, .build/release/libGateCheckC.so (header: Sources/GateCheckC/include/gatecheck.h).
#
# The Swift runtime and Foundation are linked into the library (Package.swift gives its link -static-stdlib), so it
# needs only system libraries (libc, libstdc++, libxml2, ICU's libicuuc) and loads in Python without
# LD_LIBRARY_PATH. --static-swift-stdlib is not what links it in (SwiftPM applies it to executables only); it is here
# so the modules are compiled with the flags of CI's `swift build -c release --static-swift-stdlib --product
# gatecheck`: with other flags every module would be compiled again, in each direction.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product GateCheckC "$@"
echo "built $(swift build -c release --static-swift-stdlib --show-bin-path)/libGateCheckC.so"
