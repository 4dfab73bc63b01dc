#!/usr/bin/env python3
"""The GateCheck library's public API surface, measured from its symbol graph.

Prints the number of public types, the number of public symbols, and every public symbol without a doc comment.
With --max-undocumented N it exits 1 when more than N are undocumented (CI uses 0).

The rules:
- The graph is swift-symbolgraph-extract's with `-skip-synthesized-members` (public and open symbols only): members
  the compiler synthesizes (`==` of a Hashable struct, `init(from:)` of a Codable one) and default implementations
  from protocol extensions are nobody's source, so they are not counted.
- A type is a struct, class, actor, enum, protocol or typealias, at top level or nested.
- A symbol is documented when its doc comment is written in GateCheck. A member whose only doc comment is inherited
  from another module (Swift's `description`, `<`, `hash(into:)`, `init(rawValue:)`, `encode(to:)`, ...) implements
  that module's protocol requirement and means what the protocol says: it is counted but not listed.
- Enum cases need a doc comment like any other symbol: a consumer switches on them, and what a case means
  (`TestState.error` versus `.failed`) is not always its name.
"""

import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

MODULE = "GateCheck"
TYPE_KINDS = {"swift.struct", "swift.class", "swift.actor", "swift.enum", "swift.protocol", "swift.typealias"}


def dump_symbol_graph(root, folder):
    """Builds the library (debug) and extracts its public symbol graph into `folder`.

    Not `swift package dump-symbol-graph`: with Swift 6.3 it fails on the test modules (it cannot load
    gatecheckPackageTests), so the library's graph is extracted alone, with the build's own module paths.
    """
    build = subprocess.run(["swift", "build", "--target", MODULE], cwd=root, capture_output=True, text=True)
    if build.returncode != 0:
        sys.exit(f"swift build --target {MODULE} failed:\n{build.stdout}{build.stderr}")
    info = json.loads(subprocess.run(["swiftc", "-print-target-info"], capture_output=True, text=True, check=True).stdout)
    modules = subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=root, capture_output=True, text=True, check=True).stdout.strip()
    cflags = subprocess.run(["pkg-config", "--cflags", "libxml-2.0"], capture_output=True, text=True).stdout.split()
    command = ["swift-symbolgraph-extract", "-module-name", MODULE, "-target", info["target"]["triple"],
               "-I", os.path.join(modules, "Modules"), "-Xcc",
               "-fmodule-map-file=" + os.path.join(root, "Sources/CLibXML2/module.modulemap"),
               *cflags, "-minimum-access-level", "public", "-skip-synthesized-members", "-output-dir", folder]
    extract = subprocess.run(command, capture_output=True, text=True)
    if extract.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{extract.stdout}{extract.stderr}")
    return folder


def load_symbols(folder):
    """The module's own symbols, and its members of other modules' types (GateCheck@Swift.symbols.json, ...)."""
    paths = [os.path.join(folder, f"{MODULE}.symbols.json")] + glob.glob(os.path.join(folder, f"{MODULE}@*.symbols.json"))
    symbols = []
    for path in paths:
        with open(path, encoding="utf-8") as file:
            symbols += json.load(file)["symbols"]
    if not symbols:
        sys.exit(f"no symbols in {paths}: the graph is not the one this script knows")
    return symbols


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-undocumented", type=int, help="exit 1 when more public symbols lack a doc comment")
    parser.add_argument("--max-types", type=int, help="exit 1 when the library has more public types")
    parser.add_argument("--symbol-graphs", help="a folder with GateCheck.symbols.json already dumped (no build)")
    parser.add_argument("--types", action="store_true", help="also list every public type")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with tempfile.TemporaryDirectory() as folder:
        symbols = load_symbols(args.symbol_graphs or dump_symbol_graph(root, folder))

    types = sorted(".".join(s["pathComponents"]) for s in symbols if s["kind"]["identifier"] in TYPE_KINDS)
    kinds = collections.Counter(s["kind"]["identifier"].removeprefix("swift.") for s in symbols)
    undocumented, inherited = [], 0
    for symbol in symbols:
        doc = symbol.get("docComment")
        if doc and doc.get("module", MODULE) == MODULE:
            continue
        if doc:
            inherited += 1
            continue
        location = symbol.get("location", {})
        file = location.get("uri", "").split("/Sources/", 1)[-1]
        line = location.get("position", {}).get("line", -1) + 1
        undocumented.append(f"{'.'.join(symbol['pathComponents'])} ({symbol['kind']['displayName']}, {file}:{line})")

    print(f"public types: {len(types)}")
    print(f"public symbols: {len(symbols)} ({', '.join(f'{n} {k}' for k, n in kinds.most_common())})")
    print(f"documented by an outside protocol (not listed): {inherited}")
    print(f"undocumented: {len(undocumented)}")
    for entry in sorted(undocumented):
        print(f"  {entry}")
    if args.types:
        print("types:")
        for name in types:
            print(f"  {name}")
    if args.max_undocumented is not None and len(undocumented) > args.max_undocumented:
        print(f"FAIL: {len(undocumented)} public symbols lack a doc comment; at most {args.max_undocumented} may")
        return 1
    if args.max_types is not None and len(types) > args.max_types:
        print(f"FAIL: {len(types)} public types; at most {args.max_types} may be public (move machinery behind "
              "@_spi(Internals))")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
