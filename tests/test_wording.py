"""The contract's acceptable edits, word-level changes and severity."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.models import Change
from service.wording import (
    _ASCII_TOKEN,
    _EDGE_TRIM_COST,
    _TOKEN,
    StemBag,
    _window,
    acceptable,
    candidate_form,
    compare,
    keyed_bag,
    meet_key,
    near_copy,
    source_form,
    stem,
    stems,
    stems_meet,
    stretch_stems,
    tokenize,
    tokenize_all,
)

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
    # Brackets the source holds are its own words, reproduced: read literally first.
    (
        "The plan [for the new bridge over the river] failed",
        ["The plan [for the new bridge over the river] failed."],
        True,
    ),
    (
        "The plan [for the new bridge over the river] failed",
        ["The plan [for the new bridge] failed"],
        False,
    ),
    ("The plan [for the bridge] failed", ["The plan [for the new bridge over the river] failed"],
     False),  # the candidate's own bracket still stands in for at most a few words
    ("plan [for the new bridge] … failed", ["The plan [for the new bridge] has failed"], True),
    ("We \x00 will win", ["We \x00 will win"], True),  # a NUL is a character, not a marker
    # A quote over two paragraphs re-opens the second with a mark: typography, either style.
    ("the ferry is late. Again it", ["The ferry is late.\n\n‘Again it sails"], True),
    ("the ferry is late. Again it", ["The ferry is late.\n\n“Again it sails"], True),
    ("late.\n\n“Again it", ["The ferry is late. Again it sails"], True),
    ("late. ‘Again it", ["The ferry is late.\n\n‘Again it sails"], False),  # a mark mid-line
    ("We \x00 will win", ["We will win"], False),  # ... and one the source lacks is a change
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
        ("late.\n\n ‘Again “so”", ("late", ".", "Again", '"', "so", '"')),
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


_STEMS = st.text(alphabet="abcde", min_size=1, max_size=8)


@settings(max_examples=300)
@given(st.lists(_STEMS, max_size=12), st.lists(_STEMS, max_size=12))
def test_stem_bag_answers_exactly_as_stems_meet(held: list[str], needles: list[str]) -> None:
    """Lookups by truncation agree with comparing every pair (short alphabet: many meet)."""
    bag, other = StemBag.of(held), StemBag.of(needles)
    expected = {n for n in needles if any(stems_meet(n, h) for h in held)}
    assert {n for n in needles if bag.has(n)} == expected
    assert bag.meets(other) == len(expected)
    assert bag.mutual(other) == (bag.meets(other), other.meets(bag))


@settings(max_examples=500)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_ascii_tokenizer_matches_the_unicode_one_on_ascii(text: str) -> None:
    assert _ASCII_TOKEN.findall(text) == _TOKEN.findall(text)


def _window_by_tracking(source: list[str], candidate: list[str]) -> tuple[int, int]:
    """The same table with the start carried in every cell: the straightforward method."""
    m = len(source)
    previous = [_EDGE_TRIM_COST * j for j in range(m + 1)]
    starts_prev = list(range(m + 1))
    for i, word in enumerate(candidate, start=1):
        left, left_start = float(i), 0
        diagonal, diagonal_start = previous[0], starts_prev[0]
        current, starts = [left], [left_start]
        for other, up, up_start in zip(source, previous[1:], starts_prev[1:], strict=True):
            best, start = diagonal + (0.0 if word == other else 1.0), diagonal_start
            if up + 1.0 < best:
                best, start = up + 1.0, up_start
            if left + 1.0 < best:
                best, start = left + 1.0, left_start
            current.append(best)
            starts.append(start)
            left, left_start = best, start
            diagonal, diagonal_start = up, up_start
        previous, starts_prev = current, starts
    end = min(range(m + 1), key=lambda j: previous[j] + _EDGE_TRIM_COST * (m - j))
    return starts_prev[end], end


_WORDS = st.lists(st.sampled_from("abcdxy"), min_size=1, max_size=14)


@settings(max_examples=500)
@given(_WORDS, _WORDS)
def test_window_walked_back_equals_window_tracked(source: list[str], candidate: list[str]) -> None:
    """Few distinct words make many ties: the walk back must break them the same way."""
    assert _window(source, candidate) == _window_by_tracking(source, candidate)


# Characters that normalisation folds, joins or drops, next to letters and whitespace.
_TRICKY = st.sampled_from(
    [*"ab .-'’“…\n", "\u0301", "\ufb01", "\u00ad", "\u200b", "\u00a0", "\x1c", "\x00", "--",
     "walks ", "Türk", "4,468", "\u00a8", "\u2028"]
)


@settings(max_examples=300)
@given(st.lists(_TRICKY, max_size=40).map("".join), st.data())
def test_stretches_tokenised_in_one_pass_as_each_alone(text: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    spans = list(zip(cuts[::2], cuts[1::2], strict=False))
    assert stretch_stems(text, spans) == [stems(text[start:end]) for start, end in spans]


# Besides, digits next to the separators numbers keep, and characters that normalise to
# whitespace ("\u00a8" is a space and a combining mark) or are whitespace only to str.split.
_TRICKY_WORDS = st.sampled_from(
    [*"ab1 .,:/-'\n[]", "\u00a8", "\u00bd", "\u2028", "\x1c", "\u3000", "\ufb01", "\u0301",
     "The", "walks", "10am", "a1-b", "4,468", "U.S.", "don't", "…"]
)


@settings(max_examples=500)
@given(st.lists(_TRICKY_WORDS, max_size=40).map("".join))
def test_bag_by_chunks_equals_the_bag_of_the_whole(text: str) -> None:
    found = stems(text)
    assert keyed_bag(text) == (StemBag.of(found), frozenset(map(meet_key, found)))


@settings(max_examples=300)
@given(st.lists(st.lists(_TRICKY, max_size=8).map("".join), max_size=6))
def test_texts_tokenised_by_chunks_as_each_whole(texts: list[str]) -> None:
    assert tokenize_all(texts) == [tokenize(text) for text in texts]


@pytest.mark.parametrize(
    ("candidate", "source", "kept"),
    [
        ("about five minutes", "We had about ten minutes. I ran.", 2),
        ("About ten minutes, I", "We had about ten minutes. I ran.", 4),  # case, punctuation
        ("minutes. I ran", "We had about ten minutes. I ran.", 3),
        ("about five hours", "We had about ten minutes. I ran.", 0),  # two words changed
        ("ten minutes", "We had about ten minutes. I ran.", 0),  # too short to place
        ("had about … minutes", "We had about ten minutes. I ran.", 0),  # gapped
        ("we had to", "We had about ten minutes. I ran.", 0),  # function words only kept
        ("minutes ten about", "We had about ten minutes. I ran.", 0),  # reordered
    ],
)
def test_near_copy(candidate: str, source: str, kept: int) -> None:
    assert near_copy(candidate_form(candidate), source_form([source])) == kept
