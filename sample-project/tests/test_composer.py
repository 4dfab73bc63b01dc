import pytest

from ragservice.answer.composer import AttributedSentence, Composer, split_sentences
from ragservice.retrieval.bm25 import Hit


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        ("  spaced   out.  Next one.", ["spaced out.", "Next one."]),
        ("version 1.2 is out. 3 bugs fixed.", ["version 1.2 is out.", "3 bugs fixed."]),
        ("", []),
    ],
    ids=["punctuation", "whitespace", "decimal-number", "empty"],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_compose_attributes_sentences(store):
    hits = [Hit("d1", 2.0, ()), Hit("d2", 1.0, ())]
    sentences = Composer(max_sentences=2, min_support=0.5).compose(store, "wheel installs", hits)
    assert sentences[0] == AttributedSentence("A wheel installs without running setup code.", "d1", 1.0)
    assert all(s.attributed for s in sentences)


def test_weak_support_is_unattributed(store):
    hits = [Hit("d2", 1.0, ())]
    sentences = Composer(min_support=0.9).compose(store, "virtual machine images", hits)
    assert sentences and not sentences[0].attributed
    assert "[unattributed]" in Composer.render(sentences)
    assert Composer.attribution_rate(sentences) == 0.0


def test_render_without_sentences():
    assert Composer.render([]).startswith("I could not find")
    assert Composer.attribution_rate([]) == 0.0


def test_composer_rejects_zero_sentences():
    with pytest.raises(ValueError):
        Composer(max_sentences=0)
