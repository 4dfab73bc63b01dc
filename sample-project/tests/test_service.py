import pytest

from ragservice import Document, RagService, ServiceConfig

pytestmark = pytest.mark.integration


def test_answer_cites_the_right_document(service):
    answer = service.answer("create a virtual environment")
    assert answer.sources == ("d2",)
    assert "[d2]" in answer.text
    assert answer.sentences[0].source_id == "d2"
    assert answer.attribution_rate == 0.5  # "Create one with the venv module." is weak support
    assert answer.cost.input_tokens > 0


def test_retrieve_respects_top_k(service):
    assert service.retrieve("python packages cargo") == ["d3", "d1", "d2"]


def test_added_documents_are_searchable(service):
    service.add_document(Document("d9", "Gatecheck", "Gatecheck turns CI reports into one verdict."))
    assert service.retrieve("gatecheck verdict")[0] == "d9"


def test_empty_query_is_rejected(service):
    with pytest.raises(ValueError, match="empty query"):
        service.answer("   ")


def test_answers_from_corpus_file(corpus_store):
    service = RagService(corpus_store, ServiceConfig(top_k=2))
    answer = service.answer("When is the reset link emailed?")
    assert answer.sources[0] == "kb-001"
    assert service.retrieve("refund annual plan")[0] == "kb-004"
