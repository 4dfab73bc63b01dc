from pathlib import Path

import pytest

from ragservice.config import ServiceConfig
from ragservice.documents import Document, DocumentStore
from ragservice.service import RagService

DATA = Path(__file__).parent / "data"

DOCS = [
    Document("d1", "Python packaging", "Wheels are built archives. A wheel installs without running setup code.", ("python",), 2024),
    Document("d2", "Python virtual environments", "A virtual environment isolates installed packages. Create one with the venv module.", ("python",), 2023),
    Document("d3", "Rust cargo", "Cargo builds crates and resolves dependencies. Cargo also runs tests.", ("rust",), 2022),
    Document("d4", "Coverage measurement", "Coverage measures which lines and branches the tests executed.", ("testing",), 2012),
]


@pytest.fixture
def docs():
    return list(DOCS)


@pytest.fixture
def store(docs):
    return DocumentStore(docs)


@pytest.fixture
def service(store):
    return RagService(store, ServiceConfig(top_k=3, max_sentences=2, min_support=0.5))


@pytest.fixture
def corpus_text():
    return (DATA / "corpus.jsonl").read_text(encoding="utf-8")


@pytest.fixture
def corpus_store(corpus_text):
    store = DocumentStore()
    store.load_jsonl(corpus_text)
    return store
