"""Keyword retrieval: tokenizer, BM25 index and re-ranker."""

from ragservice.retrieval.bm25 import BM25Index, Hit
from ragservice.retrieval.ranker import Ranker
from ragservice.retrieval.tokenize import tokenize

__all__ = ["BM25Index", "Hit", "Ranker", "tokenize"]
