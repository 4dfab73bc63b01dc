"""A deliberately simple English tokenizer with light suffix stripping."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

STOPWORDS = frozenset(
    """a an and are as at be by for from has have how in is it its of on or that the
    this to was were what when where which who why will with""".split()
)

_SUFFIXES = ("ing", "edly", "ed", "ies", "es", "s")


def stem(word: str) -> str:
    """Strip one common suffix, keeping at least three characters."""
    if "'" in word:
        word = word.split("'", 1)[0]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "ies":
                return word[: -len(suffix)] + "y"
            return word[: -len(suffix)]
    return word


def tokenize(text: str, *, keep_stopwords: bool = False) -> list[str]:
    tokens = []
    for match in _WORD.finditer(text.lower()):
        word = match.group(0)
        if not keep_stopwords and word in STOPWORDS:
            continue
        tokens.append(stem(word))
    return tokens
