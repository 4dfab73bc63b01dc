"""Extractive answer composer: picks sentences and attributes each to a document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ragservice.documents import DocumentStore
from ragservice.retrieval.bm25 import Hit
from ragservice.retrieval.tokenize import tokenize

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'])")


def split_sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    if not text:
        return []
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


@dataclass(frozen=True)
class AttributedSentence:
    text: str
    source_id: str | None
    support: float

    @property
    def attributed(self) -> bool:
        return self.source_id is not None


class Composer:
    """Builds an answer from the best-matching sentences of the top hits."""

    def __init__(self, max_sentences: int = 3, min_support: float = 0.5) -> None:
        if max_sentences < 1:
            raise ValueError("max_sentences must be at least 1")
        self.max_sentences = max_sentences
        self.min_support = min_support

    @staticmethod
    def overlap(query_terms: set[str], sentence: str) -> float:
        if not query_terms:
            return 0.0
        return len(query_terms & set(tokenize(sentence))) / len(query_terms)

    def candidates(self, store: DocumentStore, query: str, hits: list[Hit]) -> list[tuple[float, int, str, str]]:
        terms = set(tokenize(query))
        scored = []
        for rank, hit in enumerate(hits):
            for sentence in split_sentences(store.get(hit.doc_id).text):
                score = self.overlap(terms, sentence)
                if score > 0:
                    scored.append((score, rank, hit.doc_id, sentence))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return scored

    def compose(self, store: DocumentStore, query: str, hits: list[Hit]) -> list[AttributedSentence]:
        chosen: list[AttributedSentence] = []
        seen: set[str] = set()
        for score, _rank, doc_id, sentence in self.candidates(store, query, hits):
            if sentence in seen:
                continue
            seen.add(sentence)
            source = doc_id if score >= self.min_support else None
            chosen.append(AttributedSentence(sentence, source, round(score, 4)))
            if len(chosen) == self.max_sentences:
                break
        return chosen

    @staticmethod
    def render(sentences: list[AttributedSentence]) -> str:
        if not sentences:
            return "I could not find an answer in the indexed documents."
        parts = []
        for sentence in sentences:
            marker = f" [{sentence.source_id}]" if sentence.attributed else " [unattributed]"
            parts.append(sentence.text + marker)
        return " ".join(parts)

    @staticmethod
    def attribution_rate(sentences: list[AttributedSentence]) -> float:
        if not sentences:
            return 0.0
        return sum(1 for s in sentences if s.attributed) / len(sentences)
