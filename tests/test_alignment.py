"""Alignment: speaker comparison and which source quote each candidate quote comes from."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service import alignment
from service.alignment import align, speaker_match
from service.models import Quote, Span, Speaker
from service.pipeline import verify
from service.wording import StemBag, keyed_bag, stems, stretch_stems
from tests.handmade import document, quotes_of


def _said_by(name: str | None) -> Quote:
    speaker = None if name is None else Speaker(name, Span(name, 0, len(name)))
    return Quote("q", "words", 0, 5, speaker, None)


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("Volker Turk", "Turk", "same"),
        ("Volker Türk", "Volker Turk", "same"),
        ("Amnesty", "Amnesty International", "same"),
        ("UN High Commissioner Volker Turk", "Volker Turk", "same"),
        ("Mr Hale", "John Hale", "same"),
        ("HRW", "Human Rights Watch", "same"),
        ("John Quinley III", "Quinley", "same"),
        ("Elaine Pearson", "Montse Ferrer", "different"),
        ("John Smith", "John Doe", "different"),
        ("the military", "the military", "same"),
        ("the defence chief", "John Hale", "unknown"),  # a description may be that person
        (None, "Volker Turk", "unknown"),
        ("he", "Volker Turk", "unknown"),
    ],
)
def test_speaker_match(left: str | None, right: str | None, expected: str) -> None:
    assert speaker_match(_said_by(left), _said_by(right)) == expected


SOURCE = (
    "Rebel leader Ana Ruiz said her forces had made “staggering progress” since the start of"
    " Operation Dawn, launched last year by an alliance of armed groups.\n"
    "“We will not stop until the capital is free,” Ruiz said on Tuesday.\n"
    "Army spokesman Ivo Marek rejected the claims. “These are lies,” he said.\n"
    "Any talks with the army should be treated with great caution, Ruiz added.\n"
    "“The people have suffered for too long,” Ruiz said."
)
CANDIDATE = (
    "Army spokesman Ivo Marek said: “These are lies.”\n"
    "Ana Ruiz, the rebel leader, said that since the beginning of Operation Dawn, launched last"
    " year by an alliance of armed groups, her forces have made “stunning gains.”\n"
    "“We will never stop until the capital is free,” Ruiz said on Tuesday.\n"
    "“Talks with the army must be treated with great caution,” Ruiz added.\n"
    "“Our patience is running out,” Ruiz said."
)


def _aligned() -> dict[str, tuple[str, ...]]:
    source_doc, candidate_doc = document(SOURCE), document(CANDIDATE)
    source_quotes = quotes_of(
        source_doc,
        [
            ("staggering progress", "Ana Ruiz"),
            ("We will not stop until the capital is free,", "Ana Ruiz"),
            ("These are lies,", "Ivo Marek"),
            ("The people have suffered for too long,", "Ana Ruiz"),
        ],
    )
    candidate_quotes = quotes_of(
        candidate_doc,
        [
            ("These are lies.", "Ivo Marek"),
            ("stunning gains.", "Ana Ruiz"),
            ("We will never stop until the capital is free,", "Ana Ruiz"),
            ("Talks with the army must be treated with great caution,", "Ana Ruiz"),
            ("Our patience is running out,", "Ana Ruiz"),
        ],
    )
    matches = align(source_doc, source_quotes, candidate_doc, candidate_quotes)
    return {
        candidate_quotes[m.candidate].text: tuple(source_quotes[i].text for i in m.sources)
        for m in matches
    }


@pytest.mark.parametrize(
    ("candidate", "sources"),
    [
        ("These are lies.", ("These are lies,",)),  # moved to the top
        ("stunning gains.", ("staggering progress",)),  # no shared word: setting and speaker
        (
            "We will never stop until the capital is free,",
            ("We will not stop until the capital is free,",),
        ),
        # Narration explains these words far better than Ruiz's remaining quote does.
        ("Talks with the army must be treated with great caution,", ()),
        # Invented: nothing in the source says it, not even the leftover quote of Ruiz.
        ("Our patience is running out,", ()),
    ],
)
def test_alignment_uses_every_signal(candidate: str, sources: tuple[str, ...]) -> None:
    assert _aligned()[candidate] == sources


def test_narration_is_evidence_for_a_quote_made_from_it() -> None:
    source_doc, candidate_doc = document(SOURCE), document(CANDIDATE)
    source_quotes = quotes_of(source_doc, [("The people have suffered for too long,", "Ana Ruiz")])
    candidate_quotes = quotes_of(
        candidate_doc, [("Talks with the army must be treated with great caution,", "Ana Ruiz")]
    )
    (match,) = align(source_doc, source_quotes, candidate_doc, candidate_quotes)
    assert match.sources == ()
    assert match.evidence is not None
    assert (
        match.evidence.text
        == "Any talks with the army should be treated with great caution, Ruiz added."
    )
    assert SOURCE[match.evidence.start : match.evidence.end] == match.evidence.text


def test_split_merge_and_repeat() -> None:
    source_doc = document(
        "“Every day the port stays closed, fruit rots,” said Olga Petrov. “Buyers go elsewhere.”\n"
        "“We are worried,” said Pieter Vos. Later he said: “Clinics will open late on Thursdays.”"
    )
    candidate_doc = document(
        "“Every day the port stays closed,” said Olga Petrov. “Fruit rots.”\n"
        "“Every day the port stays closed,” she repeated.\n"
        "“We are worried, so clinics will open late on Thursdays,” said Pieter Vos."
    )
    source_quotes = quotes_of(
        source_doc,
        [
            ("Every day the port stays closed, fruit rots,", "Olga Petrov"),
            ("Buyers go elsewhere.", "Olga Petrov"),
            ("We are worried,", "Pieter Vos"),
            ("Clinics will open late on Thursdays.", "Pieter Vos"),
        ],
    )
    candidate_quotes = quotes_of(
        candidate_doc,
        [
            ("Every day the port stays closed,", "Olga Petrov"),
            ("Fruit rots.", "Olga Petrov"),
            ("Every day the port stays closed,", "Olga Petrov"),
            ("We are worried, so clinics will open late on Thursdays,", "Pieter Vos"),
        ],
    )
    matches = align(source_doc, source_quotes, candidate_doc, candidate_quotes)
    assert [m.sources for m in matches] == [(0,), (0,), (0,), (2, 3)]


def test_headings_are_not_aligned() -> None:
    text = "“Where it ends”\n“It ends here,” said Ana Ruiz."
    doc = document(text)
    quotes = quotes_of(doc, [("Where it ends", None, "heading"), ("It ends here,", "Ana Ruiz")])
    matches = align(doc, quotes, doc, quotes)
    assert [(m.candidate, m.sources) for m in matches] == [(1, (1,))]


# --- the indexed search that keeps long documents linear --------------------------------

DATA = Path(__file__).resolve().parent / "data"
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
PAIR_DIRS = sorted(
    folder for name in ("pairs", "pairs_heldout") for folder in (DATA / name).iterdir()
    if folder.is_dir()
)  # fmt: skip


def _pair_texts(folder: Path) -> tuple[str, str]:
    return (folder / "source.txt").read_text(), (folder / "candidate.txt").read_text()


def _seed_texts() -> tuple[str, str]:
    found = sorted(SEEDS.glob("0*.txt"))
    if len(found) < 2:
        pytest.skip(f"seed documents not found in {SEEDS} (../shared/seeds next to the checkout)")
    return found[0].read_text(), found[1].read_text()


@pytest.mark.parametrize(
    "texts",
    [pytest.param(lambda f=folder: _pair_texts(f), id=folder.name) for folder in PAIR_DIRS]
    + [pytest.param(_seed_texts, id="seed")],
)
def test_long_document_search_agrees_on_articles(
    texts: Callable[[], tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search used past the exhaustive size (rare keys only, speaker, position) finds
    every pair that matters in an ordinary article: the whole report stays the same."""
    source, candidate = texts()
    exhaustive = verify(source, candidate)
    monkeypatch.setattr(alignment, "_EXHAUSTIVE_UNITS", 0)
    assert verify(source, candidate) == exhaustive


def _best_total(edges: list[list[tuple[int, float]]]) -> float:
    """The heaviest matching by trying every choice (tiny graphs only)."""
    options = [[None, *(column for column, _ in row)] for row in edges]
    weight = [dict(row) for row in edges]
    best = 0.0
    for choice in itertools.product(*options):
        taken = [column for column in choice if column is not None]
        if len(taken) == len(set(taken)):
            total = sum(weight[r][c] for r, c in enumerate(choice) if c is not None)
            best = max(best, total)
    return best


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=5).flatmap(
        lambda columns: st.tuples(
            st.just(columns),
            st.lists(
                st.dictionaries(
                    st.integers(0, columns - 1),
                    st.integers(1, 20).map(lambda w: w / 10),
                    max_size=columns,
                ),
                max_size=5,
            ),
        )
    )
)
def test_sparse_assignment_is_a_heaviest_matching(
    graph: tuple[int, list[dict[int, float]]],
) -> None:
    columns, rows = graph
    edges = [sorted(row.items()) for row in rows]
    chosen = alignment._assignment(edges, columns)
    taken = [column for column in chosen if column is not None]
    assert len(taken) == len(set(taken))  # one-to-one
    assert all(c is None or c in dict(edges[r]) for r, c in enumerate(chosen))  # real edges
    total = sum(dict(edges[r])[c] for r, c in enumerate(chosen) if c is not None)
    assert total == pytest.approx(_best_total(edges))


# Letters, sentence ends, every kind of whitespace, and the characters normalisation moves or
# joins (combining marks, ligatures, dashes, soft hyphens, zero-width spaces, "…").
_PROSE_CHARS = st.sampled_from(
    [*"ab cd.!?\n\"'’”“-—…", "\u0301", "\ufb01", "\u00ad", "\u200b", "\u00a0", "\x1c",
     "\u2028", "e\u0301", "--", "the ", "walks ", "walked "]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PROSE_CHARS, max_size=60).map("".join), st.data())
def test_stems_of_a_stretch_read_from_sentences_equal_tokenising_it(
    text: str, data: st.DataObject
) -> None:
    """Quote contexts are read from the prose's sentences: exactly the stems of the slice."""
    prose = alignment.prose(document(text), ())
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert prose.stems_between(start, end) == frozenset(stems(prose.masked[start:end]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_PROSE_CHARS, max_size=60).map("".join), st.data())
def test_stems_of_many_stretches_read_at_once_equal_tokenising_each(
    text: str, data: st.DataObject
) -> None:
    """Every quote's context is read in one pass: the same stems as each stretch alone."""
    prose = alignment.prose(document(text), ())
    bounds = st.integers(0, len(text))
    stretches = [
        (start, data.draw(st.integers(start, len(text))))
        for start in data.draw(st.lists(bounds, max_size=5))
    ]
    expected = [stems(prose.masked[start:end]) for start, end in stretches]
    assert prose.bags_within(stretches) == [
        (StemBag.of(found), frozenset(word[:4] for word in found)) for found in expected
    ]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Ruiz said      that   the talks failed.", [(0, 39)]),  # a blanked quotation
        ("She said\t\tno. It ended\u00a0\u00a0today.", [(0, 15), (16, 40)]),
        ("a\x1cb and c\u2028d walked", [(0, 19)]),  # separators that are punctuation tokens
        ("well -- \u00ad known  ", [(0, 15), (3, 11)]),  # dashes and soft hyphens by blanks
        ("", [(0, 0)]),
    ],
)
def test_stems_with_blank_runs_read_as_one_space_equal_the_text_as_it_is(
    text: str, spans: list[tuple[int, int]]
) -> None:
    expected = [
        (StemBag.of(found), frozenset(word[:4] for word in found))
        for found in stretch_stems(text, spans)
    ]
    assert [keyed_bag(text[start:end]) for start, end in spans] == expected
