import json

import pytest

from ragservice.documents import Document, DocumentFormatError, DocumentStore


def test_store_keeps_insertion_order(store):
    assert [doc.doc_id for doc in store] == ["d1", "d2", "d3", "d4"]
    assert len(store) == 4 and "d3" in store


def test_duplicate_id_is_rejected(store, docs):
    with pytest.raises(ValueError, match="duplicate document id 'd1'"):
        store.add(docs[0])
    store.add(docs[0], replace=True)
    assert len(store) == 4


def test_get_unknown_document(store):
    with pytest.raises(KeyError, match="unknown document 'nope'"):
        store.get("nope")


def test_remove_and_tags(store):
    assert [d.doc_id for d in store.with_tag("python")] == ["d1", "d2"]
    store.remove("d1")
    assert [d.doc_id for d in store.with_tag("python")] == ["d2"]


@pytest.mark.parametrize(
    "data, error",
    [
        ({"title": "t", "text": "x"}, KeyError),
        ({"id": 1, "title": "t", "text": "x", "year": "2020"}, TypeError),
    ],
    ids=["missing-id", "year-not-int"],
)
def test_from_dict_rejects_bad_input(data, error):
    with pytest.raises(error):
        Document.from_dict(data)


def test_load_jsonl_skips_blank_lines_and_comments():
    text = '# header\n{"id": "a", "title": "A", "text": "alpha"}\n\n{"id": "b", "title": "B", "text": "beta"}\n'
    store = DocumentStore()
    report = store.load_jsonl(text)
    assert report.loaded == 2
    assert [d.doc_id for d in store] == ["a", "b"]


def test_load_jsonl_reports_line_numbers():
    text = '{"id": "a", "title": "A", "text": "alpha"}\n{"id": "b", "title": "B"}\n'
    with pytest.raises(DocumentFormatError) as info:
        DocumentStore().load_jsonl(text)
    assert info.value.line_number == 2


def test_load_jsonl_skip_mode_counts_only_bad_lines():
    text = '{"id": "a", "title": "A", "text": "alpha"}\n\nnot json\n\n{"id": "c", "title": "C", "text": "gamma"}\n'
    report = DocumentStore().load_jsonl(text, on_error="skip")
    assert report.skipped == 1
    assert report.loaded == 2


def test_load_jsonl_rejects_unknown_mode():
    with pytest.raises(ValueError):
        DocumentStore().load_jsonl("", on_error="ignore")


def test_dump_and_load_round_trip(store):
    dumped = store.dump_jsonl()
    assert json.loads(dumped.splitlines()[0])["id"] == "d1"
    copy = DocumentStore()
    copy.load_jsonl(dumped)
    assert [d.to_dict() for d in copy] == [d.to_dict() for d in store]


def test_sample_corpus_is_complete(corpus_store):
    assert len(corpus_store) == 7
    assert {tag for doc in corpus_store for tag in doc.tags} == {"account", "security", "billing", "storage", "operations"}
