#!/bin/sh
# The history benchmark (bench/history.py): a generated 100,000-line history read and judged by one history gate,
# against Python's json.loads per line. Build the release CLI first: swift build -c release --product gatecheck
cd "$(dirname "$0")/.." && exec python3 bench/history.py "$@"
