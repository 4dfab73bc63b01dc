from ragservice.documents import Document, DocumentStore
from ragservice.retrieval.bm25 import Hit
from ragservice.retrieval.ranker import Ranker


def test_recent_documents_are_boosted(store):
    hits = [Hit("d4", 1.0, ("coverag",)), Hit("d1", 1.0, ("wheel",))]
    ranked = Ranker(current_year=2025).rerank(store, hits)
    assert [h.doc_id for h in ranked] == ["d1", "d4"]
    assert ranked[1].score == 1.0  # d4 is older than max_age_years


def test_tag_boosts_and_limit(store):
    hits = [Hit("d1", 1.0, ()), Hit("d3", 0.9, ()), Hit("d2", 0.8, ())]
    ranked = Ranker(tag_boosts={"rust": 2.0}).rerank(store, hits, limit=2)
    assert [h.doc_id for h in ranked] == ["d3", "d1"]


def test_near_duplicates_are_dropped():
    store = DocumentStore([
        Document("a", "A", "Backups run every night and are kept for two weeks."),
        Document("b", "B", "Backups run every night and are kept for two weeks!"),
        Document("c", "C", "Restores replace the current database."),
    ])
    hits = [Hit("a", 2.0, ()), Hit("b", 1.9, ()), Hit("c", 1.0, ())]
    assert [h.doc_id for h in Ranker().rerank(store, hits)] == ["a", "c"]


def test_jaccard_of_empty_sets():
    assert Ranker.jaccard(set(), set()) == 1.0
    assert Ranker.jaccard({"a"}, {"b"}) == 0.0
