"""Re-ranking of BM25 hits: recency and tag boosts, near-duplicate suppression."""

from __future__ import annotations

from dataclasses import dataclass, field

from ragservice.documents import DocumentStore
from ragservice.retrieval.bm25 import Hit
from ragservice.retrieval.tokenize import tokenize


@dataclass
class Ranker:
    current_year: int = 2025
    recency_weight: float = 0.05
    max_age_years: int = 10
    tag_boosts: dict[str, float] = field(default_factory=dict)
    duplicate_threshold: float = 0.8

    def _boost(self, store: DocumentStore, hit: Hit) -> float:
        doc = store.get(hit.doc_id)
        factor = 1.0
        if doc.year is not None:
            age = max(0, self.current_year - doc.year)
            if age < self.max_age_years:
                factor += self.recency_weight * (self.max_age_years - age) / self.max_age_years
        for tag in doc.tags:
            factor *= self.tag_boosts.get(tag, 1.0)
        return factor

    @staticmethod
    def jaccard(a: set[str], b: set[str]) -> float:
        if not a and not b:
            return 1.0
        return len(a & b) / len(a | b)

    def rerank(self, store: DocumentStore, hits: list[Hit], limit: int | None = None) -> list[Hit]:
        boosted = [Hit(h.doc_id, h.score * self._boost(store, h), h.matched_terms) for h in hits]
        boosted.sort(key=lambda hit: (-hit.score, hit.doc_id))
        kept: list[Hit] = []
        kept_terms: list[set[str]] = []
        for hit in boosted:
            terms = set(tokenize(store.get(hit.doc_id).text))
            if any(self.jaccard(terms, other) >= self.duplicate_threshold for other in kept_terms):
                continue
            kept.append(hit)
            kept_terms.append(terms)
            if limit is not None and len(kept) == limit:
                break
        return kept
