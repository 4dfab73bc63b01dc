#!/usr/bin/env bash
# Tests the CI integration without the network: the GitHub Action's scripts (action/comment.py against a local stub
# of the REST API; action/install.sh against a local stub of the release downloads; action/run.sh with the real
# gatecheck executable on the sample reports), then the CI files' YAML and the files they reference
# (scripts/check-ci-files.py). action/tests/test_gitlab.py runs the GitLab template's job in bash the same way.
# The executable is $GATECHECK, else .build/release/gatecheck, else
# .build/debug/gatecheck; the run.sh tests are skipped, saying so, when none is built.
set -euo pipefail
cd "$(dirname "$0")/.."

# PyYAML parses the CI files (GitHub's runners have it; Debian: python3-yaml).
if ! python3 -c "import yaml" 2>/dev/null; then
    echo "   installing PyYAML"
    python3 -m pip install --quiet pyyaml || { echo "PyYAML is needed: pip install pyyaml, or apt-get install python3-yaml" >&2; exit 1; }
fi

echo "== action/tests: comment.py, install.sh, run.sh, the GitLab job (python3 -m unittest)"
python3 -m unittest discover -s action/tests -v 2>&1 | sed 's/^/   /'

echo "== CI files: YAML and referenced files (scripts/check-ci-files.py)"
python3 scripts/check-ci-files.py
