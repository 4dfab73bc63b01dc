"""Peer: pycobertura, the way a user would total a Cobertura report.

Prints {"total_statements", "total_hits", "total_misses", "line_rate"} as JSON.
pycobertura builds an lxml tree of the whole file. Its "hit" excludes lines that are
only partly branch-covered (status "partial"), so total_hits = lines with hits > 0 minus
partial lines, and line_rate is the root element's line-rate attribute, not recomputed.
"""
import json
import sys

from pycobertura import Cobertura


def main() -> None:
    cov = Cobertura(sys.argv[1])
    out = {
        "total_statements": cov.total_statements(),
        "total_hits": cov.total_hits(),
        "total_misses": cov.total_misses(),
        "line_rate": cov.line_rate(),
    }
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
