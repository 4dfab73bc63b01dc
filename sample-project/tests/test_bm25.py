import math

import pytest

from ragservice.documents import Document
from ragservice.retrieval.bm25 import BM25Index


@pytest.fixture
def index(store):
    return BM25Index.build(store)


def test_search_ranks_matching_documents(index):
    hits = index.search("install python wheel")
    assert hits[0].doc_id == "d1"
    assert "wheel" in hits[0].matched_terms


def test_search_without_matches_is_empty(index):
    assert index.search("kubernetes") == []
    assert index.search("the and of") == []
    assert index.search("python", limit=0) == []


def test_idf_is_higher_for_rare_terms(index):
    assert index.idf("cargo") > index.idf("python")
    assert math.isclose(index.idf("absent"), math.log(1 + 4.5 / 0.5))


def test_add_replaces_and_remove_updates_document_frequency(index):
    index.add(Document("d3", "Go modules", "Go modules pin versions."))
    assert len(index) == 4
    assert index.search("cargo") == []
    index.remove("d3")
    assert index.idf("modul") == pytest.approx(math.log(1 + 3.5 / 0.5))


@pytest.mark.parametrize("k1, b", [(-1.0, 0.5), (1.2, 1.5)])
def test_invalid_parameters(k1, b):
    with pytest.raises(ValueError):
        BM25Index(k1=k1, b=b)
