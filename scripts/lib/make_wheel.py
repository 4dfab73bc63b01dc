#!/usr/bin/env python3
"""Writes gatecheck's wheel before auditwheel repairs it (scripts/build-wheel.sh calls this).

    make_wheel.py --version V --binary PATH --library PATH --package DIR --readme PATH --out DIR

The wheel holds what ruff's wheels hold, for the same reason: the executable goes to the installing environment's
bin/ through the wheel's `.data/scripts/` folder (pip copies it there and keeps it executable), so `pip install
gatecheck` puts `gatecheck` on PATH without a Python entry point in between. Beside it, the ctypes binding
(python/gatecheck) and libGateCheckC.so, which `gatecheck.library_path()` finds next to `__init__.py`.

The tag is linux_<arch>: auditwheel then checks which manylinux policy the ELF files meet, copies the libraries
outside that policy into the wheel and retags it. The wheel is py3-none: no Python extension module, only ctypes.
Written with the standard library alone, with fixed times and order, so the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import platform
import re
import sys
import zipfile
from pathlib import Path

# 1980-01-01, the earliest time a zip entry can carry: no build time in the wheel.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def pep440(version: str) -> str:
    """The release version (`0.1.0+untagged.abc`, `0.2.0-rc1`) as PEP 440 wants it; refuses what it cannot map."""
    match = re.fullmatch(r"(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.]+))?(?:\+([0-9A-Za-z.]+))?", version)
    if not match:
        sys.exit(f"make_wheel.py: version {version!r} is not MAJOR.MINOR.PATCH[-PRE][+LOCAL]")
    release, pre, local = match.groups()
    text = release
    if pre:
        pre_match = re.fullmatch(r"(a|b|rc|alpha|beta)\.?(\d+)", pre)
        if not pre_match:
            sys.exit(f"make_wheel.py: pre-release {pre!r} is not aN, bN or rcN")
        kind = {"alpha": "a", "beta": "b"}.get(pre_match.group(1), pre_match.group(1))
        text += kind + pre_match.group(2)
    if local:
        text += "+" + local
    return text


def record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", required=True)
    parser.add_argument("--binary", required=True, type=Path)
    parser.add_argument("--library", required=True, type=Path)
    parser.add_argument("--package", required=True, type=Path)
    parser.add_argument("--readme", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args()

    version = pep440(args.version)
    # The distribution's name in file names: lower case, runs of -_. as one underscore (PEP 427, PEP 503).
    dist = "gatecheck"
    tag = f"py3-none-linux_{platform.machine()}"
    info = f"{dist}-{version}.dist-info"
    data = f"{dist}-{version}.data"

    files: list[tuple[str, bytes, int]] = []  # (name in the wheel, content, unix mode)
    for source in sorted(args.package.iterdir()):
        if source.is_file() and source.suffix in {".py", ".typed"}:
            files.append((f"gatecheck/{source.name}", source.read_bytes(), 0o644))
    files.append(("gatecheck/libGateCheckC.so", args.library.read_bytes(), 0o755))
    files.append((f"{data}/scripts/gatecheck", args.binary.read_bytes(), 0o755))

    readme = args.readme.read_text(encoding="utf-8")
    metadata = "\n".join([
        "Metadata-Version: 2.1",
        f"Name: {dist}",
        f"Version: {version}",
        "Summary: One trustworthy pass/fail verdict from the reports a CI pipeline writes",
        "Requires-Python: >=3.8",
        "Description-Content-Type: text/markdown",
        "",
        readme,
    ])
    wheel = "\n".join([
        "Wheel-Version: 1.0",
        "Generator: gatecheck scripts/lib/make_wheel.py",
        "Root-Is-Purelib: false",
        f"Tag: {tag}",
        "",
    ])
    files.append((f"{info}/METADATA", metadata.encode(), 0o644))
    files.append((f"{info}/WHEEL", wheel.encode(), 0o644))
    record = [record_line(name, content) for name, content, _ in files]
    record.append(f"{info}/RECORD,,")
    files.append((f"{info}/RECORD", ("\n".join(record) + "\n").encode(), 0o644))

    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"{dist}-{version}-{tag}.whl"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content, mode in files:
            entry = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            entry.external_attr = (0o100000 | mode) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, content)
    print(path)


if __name__ == "__main__":
    main()
