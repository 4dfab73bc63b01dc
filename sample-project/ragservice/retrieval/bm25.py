"""Okapi BM25 over an in-memory document store."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from ragservice.documents import Document, DocumentStore
from ragservice.retrieval.tokenize import tokenize


@dataclass(frozen=True)
class Hit:
    doc_id: str
    score: float
    matched_terms: tuple[str, ...]


class BM25Index:
    """Indexes title and text; the title counts ``title_weight`` times."""

    def __init__(self, k1: float = 1.2, b: float = 0.75, title_weight: int = 2) -> None:
        if k1 < 0 or not 0 <= b <= 1:
            raise ValueError("k1 must be >= 0 and b within [0, 1]")
        self.k1 = k1
        self.b = b
        self.title_weight = title_weight
        self._tf: dict[str, Counter[str]] = {}
        self._lengths: dict[str, int] = {}
        self._df: Counter[str] = Counter()

    @classmethod
    def build(cls, store: DocumentStore, **params: float) -> "BM25Index":
        index = cls(**params)
        for doc in store:
            index.add(doc)
        return index

    def __len__(self) -> int:
        return len(self._tf)

    def _terms(self, doc: Document) -> list[str]:
        return tokenize(doc.title) * self.title_weight + tokenize(doc.text)

    def add(self, doc: Document) -> None:
        if doc.doc_id in self._tf:
            self.remove(doc.doc_id)
        terms = self._terms(doc)
        counts = Counter(terms)
        self._tf[doc.doc_id] = counts
        self._lengths[doc.doc_id] = len(terms)
        self._df.update(counts.keys())

    def remove(self, doc_id: str) -> None:
        counts = self._tf.pop(doc_id)
        del self._lengths[doc_id]
        for term in counts:
            self._df[term] -= 1
            if self._df[term] == 0:
                del self._df[term]

    def idf(self, term: str) -> float:
        n = len(self._tf)
        df = self._df.get(term, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def search(self, query: str, limit: int = 5) -> list[Hit]:
        if limit <= 0:
            return []
        terms = list(dict.fromkeys(tokenize(query)))
        if not terms or not self._tf:
            return []
        avg_len = sum(self._lengths.values()) / len(self._lengths)
        hits = []
        for doc_id, counts in self._tf.items():
            score = 0.0
            matched = []
            norm = self.k1 * (1 - self.b + self.b * self._lengths[doc_id] / avg_len)
            for term in terms:
                tf = counts.get(term, 0)
                if tf == 0:
                    continue
                matched.append(term)
                score += self.idf(term) * tf * (self.k1 + 1) / (tf + norm)
            if matched:
                hits.append(Hit(doc_id, score, tuple(matched)))
        hits.sort(key=lambda hit: (-hit.score, hit.doc_id))
        return hits[:limit]
