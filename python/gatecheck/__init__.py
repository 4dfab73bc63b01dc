"""gatecheck's verdict from Python: the C ABI (libGateCheckC.so) through ctypes, so no compiler is needed.

    import gatecheck
    verdict = gatecheck.check(["reports/"], config="gates.json")
    if verdict["exit_code"] != 0: ...

The verdict is the dict of schemas/verdict.schema.json, equal to what `gatecheck --format json` prints for the same
inputs. docs/c-and-python.md lists where this module differs from the command-line tool.
"""

from __future__ import annotations

import ctypes
import datetime
import functools
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

__all__ = ["check", "version", "library_path"]

#: A report file or directory, or a report in memory as (name, bytes).
Input = Union[str, "os.PathLike[str]", Tuple[str, bytes]]
#: gates.json as a path, a dict, JSON text (a str starting with "{") or bytes.
Config = Union[str, "os.PathLike[str]", Dict[str, Any], bytes]

_SUFFIX = ".dylib" if sys.platform == "darwin" else ".so"
_LIBRARY = "libGateCheckC" + _SUFFIX


def library_path() -> Path:
    """The library used: $GATECHECK_LIBRARY, else one next to this package, else the repository's .build/release."""
    configured = os.environ.get("GATECHECK_LIBRARY")
    if configured:
        return Path(configured)
    here = Path(__file__).resolve().parent
    for candidate in (here / _LIBRARY, here.parent.parent / ".build" / "release" / _LIBRARY):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"{_LIBRARY} not found next to the package or in .build/release; build it with scripts/build-c-abi.sh "
        "or set GATECHECK_LIBRARY to its path"
    )


@functools.lru_cache(maxsize=None)
def _library() -> ctypes.CDLL:
    library = ctypes.CDLL(str(library_path()))
    c = ctypes
    library.gatecheck_check_ex.argtypes = [
        c.c_char_p, c.c_size_t, c.c_size_t, c.POINTER(c.c_char_p), c.POINTER(c.c_char_p),
        c.POINTER(c.c_size_t), c.POINTER(c.c_uint8), c.c_char_p, c.POINTER(c.c_int),
    ]
    # A plain pointer, not c_char_p: ctypes would copy a c_char_p result and lose the pointer gatecheck_free needs.
    library.gatecheck_check_ex.restype = c.c_void_p
    library.gatecheck_free.argtypes = [c.c_void_p]
    library.gatecheck_free.restype = None
    library.gatecheck_version.restype = c.c_char_p
    return library


def version() -> str:
    """The library's version, as `gatecheck --version` prints it."""
    return _library().gatecheck_version().decode()


def check(
    paths_or_bytes: Union[Input, Iterable[Input]],
    config: Optional[Config] = None,
    today: Union[str, datetime.date, None] = None,
) -> Dict[str, Any]:
    """The verdict on the reports: a dict with "status", "exit_code" (0 pass, 1 fail, 2 cannot judge), "gates", ...

    paths_or_bytes: files, directories (walked recursively as the command-line tool does: sorted, hidden entries
        skipped, a file that is not a report ignored) and (name, bytes) pairs, or one of them.
    config: gates.json; None for the built-in gates. A bad configuration gives an exit-2 verdict.
    today: the UTC date that decides waiver expiry (a date or "YYYY-MM-DD"); None for today's.
    Raises OSError for a file or directory that cannot be read, ValueError for a name containing NUL.
    """
    if isinstance(paths_or_bytes, (str, os.PathLike, tuple)):
        paths_or_bytes = [paths_or_bytes]
    inputs = _collect(paths_or_bytes)
    config_bytes = _config_bytes(config)
    if today is None:
        today = datetime.datetime.now(datetime.timezone.utc).date()
    day = today.isoformat() if isinstance(today, datetime.date) else today
    names = [_encode_name(name) for name, _, _ in inputs]
    bodies = [body for _, body, _ in inputs]
    count = len(inputs)
    exit_code = ctypes.c_int(-1)
    library = _library()
    result = library.gatecheck_check_ex(
        config_bytes, len(config_bytes or b""), count,
        (ctypes.c_char_p * count)(*names), (ctypes.c_char_p * count)(*bodies),
        (ctypes.c_size_t * count)(*(len(body) for body in bodies)),
        (ctypes.c_uint8 * count)(*(1 if walked else 0 for _, _, walked in inputs)),
        day.encode("utf-8", "surrogatepass"), ctypes.byref(exit_code),
    )
    if not result:
        raise MemoryError("gatecheck could not allocate the verdict")
    try:
        verdict: Dict[str, Any] = json.loads(ctypes.string_at(result).decode())
    finally:
        library.gatecheck_free(result)
    verdict["exit_code"] = exit_code.value
    return verdict


def _collect(items: Iterable[Input]) -> List[Tuple[str, bytes, bool]]:
    """(name, bytes, found by a walk) for every input, each file once (the first path that reaches it)."""
    inputs: List[Tuple[str, bytes, bool]] = []
    seen = set()

    def add(path: str, walked: bool) -> None:
        status = os.stat(path)
        if (status.st_dev, status.st_ino) in seen:
            return
        seen.add((status.st_dev, status.st_ino))
        inputs.append((path, Path(path).read_bytes(), walked))

    def identity(path: str) -> Tuple[int, int]:
        status = os.stat(path)
        return (status.st_dev, status.st_ino)

    def ancestors(directory: str) -> set:
        """The directory and every directory above it, by identity: links to them are not followed."""
        found = set()
        path = os.path.abspath(directory)
        while identity(path) not in found:
            found.add(identity(path))
            path = os.path.dirname(path)
        return found

    def walk(directory: str, visited: set) -> None:
        visited.add(identity(directory))
        prefix = directory if directory.endswith("/") else directory + "/"
        for name in sorted(entry for entry in os.listdir(directory) if not entry.startswith(".")):
            path = prefix + name
            mode = os.lstat(path).st_mode
            if stat.S_ISDIR(mode):
                walk(path, visited)
            elif stat.S_ISLNK(mode) and os.path.isdir(path):
                # Linked directories are walked, as by the tool, unless they lead back to one already walked or to an
                # ancestor of the root (a loop, or far more than was asked).
                if identity(path) not in visited:
                    walk(path, visited)
            elif stat.S_ISREG(mode) or (stat.S_ISLNK(mode) and os.path.isfile(path)):
                add(path, walked=True)
            # FIFOs, sockets and devices are never opened, as by the tool.

    for item in items:
        if isinstance(item, tuple):
            name, body = item
            inputs.append((name, bytes(body), False))
        elif os.path.isdir(item):
            walk(os.fspath(item), ancestors(os.fspath(item)))
        else:
            add(os.fspath(item), walked=False)
    return inputs


def _config_bytes(config: Optional[Config]) -> Optional[bytes]:
    if config is None:
        return None
    if isinstance(config, dict):
        return json.dumps(config).encode()
    if isinstance(config, bytes):
        return config
    if isinstance(config, str) and config.lstrip().startswith("{"):
        return config.encode()
    return Path(config).read_bytes()


def _encode_name(name: str) -> bytes:
    if "\0" in name:
        raise ValueError(f"a report name cannot contain NUL: {name!r}")
    try:
        # A file name that is not UTF-8 goes down as its bytes, and is refused (exit 2) as by the tool.
        return name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogatepass")
