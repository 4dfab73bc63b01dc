"""Answer composition with per-sentence source attribution."""

from ragservice.answer.composer import AttributedSentence, Composer, split_sentences

__all__ = ["AttributedSentence", "Composer", "split_sentences"]
