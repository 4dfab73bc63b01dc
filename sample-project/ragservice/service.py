"""The service: retrieve, re-rank, compose, and account for cost."""

from __future__ import annotations

from dataclasses import dataclass

from ragservice.answer.composer import AttributedSentence, Composer
from ragservice.config import ServiceConfig
from ragservice.cost import CostEstimate, CostEstimator
from ragservice.documents import Document, DocumentStore
from ragservice.retrieval.bm25 import BM25Index
from ragservice.retrieval.ranker import Ranker


@dataclass(frozen=True)
class Answer:
    query: str
    text: str
    sentences: tuple[AttributedSentence, ...]
    sources: tuple[str, ...]
    cost: CostEstimate

    @property
    def attribution_rate(self) -> float:
        return Composer.attribution_rate(list(self.sentences))


class RagService:
    def __init__(self, store: DocumentStore, config: ServiceConfig | None = None, ranker: Ranker | None = None) -> None:
        self.config = (config or ServiceConfig()).validate()
        self.store = store
        self.ranker = ranker or Ranker()
        self.index = BM25Index.build(store, k1=self.config.bm25_k1, b=self.config.bm25_b)
        self.composer = Composer(self.config.max_sentences, self.config.min_support)
        self.costs = CostEstimator(self.config.model, self.config.budget_usd)

    def add_document(self, doc: Document) -> None:
        self.store.add(doc, replace=True)
        self.index.add(doc)

    def retrieve(self, query: str) -> list[str]:
        hits = self.index.search(query, limit=self.config.top_k * 2)
        return [hit.doc_id for hit in self.ranker.rerank(self.store, hits, limit=self.config.top_k)]

    def answer(self, query: str) -> Answer:
        if not query.strip():
            raise ValueError("empty query")
        hits = self.index.search(query, limit=self.config.top_k * 2)
        ranked = self.ranker.rerank(self.store, hits, limit=self.config.top_k)
        sentences = self.composer.compose(self.store, query, ranked)
        text = self.composer.render(sentences)
        context = "\n".join(self.store.get(hit.doc_id).text for hit in ranked)
        estimate = self.costs.estimate(prompt=query + "\n" + context, completion=text)
        self.costs.charge(estimate)
        sources = tuple(dict.fromkeys(s.source_id for s in sentences if s.source_id))
        return Answer(query, text, tuple(sentences), sources, estimate)
