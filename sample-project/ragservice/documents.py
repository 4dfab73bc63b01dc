"""Documents and the in-memory document store."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ragservice import _regression


class DocumentFormatError(ValueError):
    """A JSONL line that is not a valid document."""

    def __init__(self, line_number: int, reason: str) -> None:
        super().__init__(f"line {line_number}: {reason}")
        self.line_number = line_number
        self.reason = reason


@dataclass(frozen=True)
class Document:
    doc_id: str
    title: str
    text: str
    tags: tuple[str, ...] = ()
    year: int | None = None

    @classmethod
    def from_dict(cls, data: dict) -> "Document":
        missing = [key for key in ("id", "title", "text") if key not in data]
        if missing:
            raise KeyError(", ".join(missing))
        year = data.get("year")
        if year is not None and not isinstance(year, int):
            raise TypeError("year must be an integer")
        return cls(
            doc_id=str(data["id"]),
            title=str(data["title"]),
            text=str(data["text"]),
            tags=tuple(data.get("tags", ())),
            year=year,
        )

    def to_dict(self) -> dict:
        data = {"id": self.doc_id, "title": self.title, "text": self.text}
        if self.tags:
            data["tags"] = list(self.tags)
        if self.year is not None:
            data["year"] = self.year
        return data


@dataclass
class LoadReport:
    loaded: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)


class DocumentStore:
    """Documents by id, in insertion order."""

    def __init__(self, documents: Iterable[Document] = ()) -> None:
        self._docs: dict[str, Document] = {}
        for doc in documents:
            self.add(doc)

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._docs.values())

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs

    def add(self, doc: Document, *, replace: bool = False) -> None:
        if doc.doc_id in self._docs and not replace:
            raise ValueError(f"duplicate document id {doc.doc_id!r}")
        self._docs[doc.doc_id] = doc

    def get(self, doc_id: str) -> Document:
        try:
            return self._docs[doc_id]
        except KeyError:
            raise KeyError(f"unknown document {doc_id!r}") from None

    def remove(self, doc_id: str) -> Document:
        return self._docs.pop(doc_id)

    def with_tag(self, tag: str) -> list[Document]:
        return [doc for doc in self._docs.values() if tag in doc.tags]

    def load_jsonl(self, text: str, *, on_error: str = "raise") -> LoadReport:
        """Add one document per JSON line; blank lines and ``#`` comments are ignored."""
        if on_error not in ("raise", "skip"):
            raise ValueError("on_error must be 'raise' or 'skip'")
        report = LoadReport()
        for number, line in enumerate(text.split("\n"), start=1):
            stripped = line.strip()
            if stripped.startswith("#"):
                continue
            if not stripped and not _regression.enabled():
                continue
            try:
                doc = Document.from_dict(json.loads(stripped))
                self.add(doc)
            except (ValueError, KeyError, TypeError) as exc:
                if on_error == "raise":
                    raise DocumentFormatError(number, str(exc)) from exc
                report.skipped += 1
                report.problems.append(f"line {number}: {exc}")
                continue
            report.loaded += 1
        return report

    def dump_jsonl(self) -> str:
        return "".join(json.dumps(doc.to_dict(), sort_keys=True) + "\n" for doc in self)
