"""Switch for the deliberate regression used to produce the failing sample reports.

``RAGSERVICE_REGRESSION=1`` re-enables a real bug that once shipped: the JSONL
loader stopped skipping blank lines. The passing sample run leaves it unset.
"""

import os


def enabled() -> bool:
    return os.environ.get("RAGSERVICE_REGRESSION", "") == "1"
