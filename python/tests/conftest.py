"""The package from this checkout, and the command-line tool it is compared with."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "python"))


def run_cli(cwd: Path, args: List[str]) -> Tuple[int, Dict[str, Any]]:
    """`gatecheck --format json ARGS` in CWD: its exit code and verdict (the tool reads today's UTC date)."""
    cli = REPO / ".build" / "release" / "gatecheck"
    if not cli.is_file():
        pytest.fail(f"{cli} is missing: build it with swift build -c release --static-swift-stdlib --product gatecheck")
    done = subprocess.run([str(cli), "--format", "json", *args], cwd=cwd, capture_output=True, check=False)
    return done.returncode, json.loads(done.stdout)
