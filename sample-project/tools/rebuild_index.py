"""Rebuilds the search index from a directory of documents: a maintenance script, not part of the service.

Only the failing sample set scans this directory with Bandit. The script shells out with a command line built
from its argument, a real command-injection risk (Bandit B602, severity HIGH): a directory named
``docs; rm -rf ~`` runs the second command.
"""

import subprocess
import sys


def rebuild(source_dir: str) -> int:
    return subprocess.call(f"python -m ragservice.cli index {source_dir}", shell=True)


if __name__ == "__main__":
    sys.exit(rebuild(sys.argv[1] if len(sys.argv) > 1 else "data"))
