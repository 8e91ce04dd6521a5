"""The contract's acceptable edits, word-level changes and severity."""

from __future__ import annotations

import pytest

from service.models import Change
from service.wording import acceptable, compare, stem, tokenize

ACCEPTABLE = [
    # (candidate, source quotes, acceptable)
    ("We will win.", ["We will win."], True),
    ("We will win,", ["We will win."], True),  # edge punctuation
    ("we will win", ["We will win."], True),  # first-letter case
    ("We don’t know — yet", ["We don't know - yet"], True),  # apostrophe and dash style
    ("We  will\nwin", ["We will win"], True),  # whitespace
    ("It said ‘no’ to us", ['It said "no" to us'], True),  # nested quote style
    ("will win the war", ["We will win the war."], True),  # contiguous fragment
    ("We will … win the war", ["We will, with patience, win the war"], True),  # ellipsis
    ("We will ... win the war", ["We will, with patience, win the war"], True),
    ("We will [...] win the war", ["We will, with patience, win the war"], True),
    ("win the war … We will", ["We will, with patience, win the war"], False),  # out of order
    ("We will … lose the war", ["We will, with patience, win the war"], False),
    ("[The army] will never crush us", ["It will never crush us"], True),  # bracket stands in
    ("We [the union] will strike", ["We will strike"], True),  # bracketed insertion
    ("The A. B.", ["The A,", "B."], True),  # two parts of a split quote joined
    ("terrorist", ["terrorists"], False),  # one letter
    ("We will not win", ["We will win"], False),  # negation
    ("About 30,000 people", ["About 3,000 people"], False),  # number
    ("We Will win", ["We will win"], False),  # case inside the quote
    ("Let's eat grandma", ["Let's eat, grandma"], False),  # punctuation inside the quote
    ("win will We", ["We will win"], False),  # reordered
    ("We will win the war", ["We will win"], False),  # added words
]


@pytest.mark.parametrize(("candidate", "sources", "expected"), ACCEPTABLE)
def test_acceptable_edits(candidate: str, sources: list[str], expected: bool) -> None:
    assert acceptable(candidate, sources) is expected


CHANGES = [
    # (candidate, source, changes, severity)
    ("terrorist,", "terrorists,", [Change("replace", "terrorists", "terrorist")], "low"),
    (
        "with the military routinely attacking",
        "with the military systematically attacking",
        [Change("replace", "systematically", "routinely")],
        "low",
    ),
    ("We will raise taxes", "We will not raise taxes", [Change("delete", "not", "")], "high"),
    ("About 30,000 fled", "About 3,000 fled", [Change("replace", "3,000", "30,000")], "high"),
    ("by Monday", "by Friday", [Change("replace", "Friday", "Monday")], "high"),
    ("We might go", "We will go", [Change("replace", "will", "might")], "high"),
    (
        "as Smith told them",
        "as Jones told them",
        [Change("replace", "Jones", "Smith")],
        "high",
    ),
    (
        "The results are worrying",
        "The results are alarming",
        [Change("replace", "alarming", "worrying")],
        "low",
    ),
    # A fragment of a long quote is compared with the part it reproduces.
    (
        "stronger than before",
        "After three years, the revolution is stronger than ever, and it grows.",
        [Change("replace", "ever", "before")],
        "low",
    ),
]


@pytest.mark.parametrize(("candidate", "source", "changes", "severity"), CHANGES)
def test_changes_and_severity(
    candidate: str, source: str, changes: list[Change], severity: str
) -> None:
    result = compare(candidate, [source])
    assert not result.acceptable
    assert list(result.wording.changes) == changes
    assert result.severity == severity
    assert 0.0 <= result.wording.similarity < 1.0


def test_acceptable_quote_has_no_changes() -> None:
    result = compare("will win", ["We will win."])
    assert result.acceptable
    assert result.wording.similarity == 1.0
    assert result.wording.changes == ()
    assert result.severity is None


@pytest.mark.parametrize(
    ("candidate", "source", "similar_above"),
    [("terrorist", "terrorists", 0.9), ("one two three four", "one two three five", 0.7)],
)
def test_similarity_reflects_size_of_change(
    candidate: str, source: str, similar_above: float
) -> None:
    assert compare(candidate, [source]).wording.similarity > similar_above


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("“It’s 4,468 — well-oiled…”", ('"', "It's", "4,468", "-", "well-oiled", "...", '"')),
        ("U.N. at 10:30", ("U", ".", "N", ".", "at", "10:30")),
    ],
)
def test_tokenize(text: str, tokens: tuple[str, ...]) -> None:
    assert tokenize(text) == tokens


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("attempts", "attempt"),
        ("ending", "end"),
        ("Türk's", "turk"),
        ("crises", "cris"),
        ("is", "is"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected
