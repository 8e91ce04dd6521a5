"""Quotation-mark rules: (text, expected quoted words) tables."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from service import document, quotes
from service.models import TextTooComplex


def _words(text: str) -> list[str]:
    doc = document.parse(text)
    return [text[span.start:span.end] for span in quotes.find_quotes(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” Jane Doe said.", ["We will win,"]),
        ('"We will win," Jane Doe said.', ["We will win,"]),
        ("‘We will win,’ Jane Doe said.", ["We will win,"]),
        ("'We will win,' Jane Doe said.", ["We will win,"]),
        ("«Nous gagnerons», a dit Jean.", ["Nous gagnerons"]),
        ("„Wir gewinnen“, sagte Jana.", ["Wir gewinnen"]),
        ("‚Wir gewinnen‘, sagte Jana.", ["Wir gewinnen"]),
        ("‹Wir gewinnen›, sagte Jana.", ["Wir gewinnen"]),
        ("「我们会赢」他说。", ["我们会赢"]),
        ("the ''Buffett rule'' he backed", ["Buffett rule"]),
        # A closing mark of another style still closes.
        ("“We will win. » Then she left.", ["We will win."]),
    ],
)
def test_quotation_mark_styles(text: str, expected: list[str]) -> None:
    assert _words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The people's choice isn't clear, Doe said.", []),
        ("It was a ’90s hit and rock ’n’ roll, she said.", []),
        ("The voters’ mood soured, and the Smiths’ house sold.", []),
        ("Don't say 'never' again, he said.", ["never"]),
    ],
)
def test_apostrophes_never_open_a_quote(text: str, expected: list[str]) -> None:
    assert _words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Unclosed: runs to the end of its paragraph.
        ("“We will win. Nothing stops us.\n\nThe crowd cheered.",
         ["We will win. Nothing stops us."]),
        # Multi-paragraph: the next paragraph opens with a mark; one object.
        ("“We will win.\n\n“Nothing stops us,” she said.",
         ["We will win.\n\n“Nothing stops us,"]),
        # Unclosed quote stops where an attribution clause begins.
        ('"Prices will rise, according to a report by economist Ann Lee, who urged "calm" now.',
         ["Prices will rise", "calm"]),
        ("“Prices will rise, Ann Lee said on Monday.", ["Prices will rise"]),
        # Straight marks paired by context, not by count.
        ('He said "yes" and "no" to "maybe," she wrote.', ["yes", "no", "maybe,"]),
        # UK single marks: a paragraph left open and re-opened with ‘ is one quote, its
        # apostrophes (can’t, isn’t) inside it.
        ("‘It wasn’t good enough,’ Kay said. ‘We can’t defend like that.\n\n‘But I’ve seen "
         "worse. This isn’t a crisis.’",
         ["It wasn’t good enough,",
          "We can’t defend like that.\n\n‘But I’ve seen worse. This isn’t a crisis."]),
        # ... but an unclosed single mark without a re-opening paragraph is no quote.
        ("‘We can’t defend like that.\n\nThe coach left early.", []),
    ],
)
def test_unclosed_and_multi_paragraph_quotes(text: str, expected: list[str]) -> None:
    assert _words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“He told me ‘never again’ and left,” she said.", ["He told me ‘never again’ and left,"]),
        ('"He told me \'never again\' and left," she said.',
         ["He told me 'never again' and left,"]),
    ],
)
def test_nested_quotes_belong_to_the_outer_quote(text: str, expected: list[str]) -> None:
    assert _words(text) == expected


def test_offsets_exclude_the_marks() -> None:
    text = "Doe said: “Go.”"
    (span,) = quotes.find_quotes(document.parse(text))
    assert (span.open_mark, span.start, span.end, span.close_mark) == (10, 11, 14, 14)


def test_regex_timeout_becomes_text_too_complex(monkeypatch: pytest.MonkeyPatch) -> None:
    from service import lexicon

    # Parsed first, so that the pattern timing out is the quotes stage's own (where an
    # unclosed quote stops), not the paragraph split's.
    doc = document.parse("“x " + "and more words " * 20000)
    monkeypatch.setattr(lexicon, "REGEX_TIMEOUT", 1e-9)
    with pytest.raises(TextTooComplex):
        quotes.find_quotes(doc)


def _marks_by_pattern(text: str) -> list[tuple[int, str]]:
    pattern = regex.compile(r"''|[“”\"«»„「」『』‘’'‚‹›]")
    return [(m.start(), m.group()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("no marks", []),
        ("“a” ‘b’", [(0, "“"), (2, "”"), (4, "‘"), (6, "’")]),
        ("«c» ‹d› „e“ ‚f‘ 「g」 『h』", [(0, "«"), (2, "»"), (4, "‹"), (6, "›"), (8, "„"),
                                      (10, "“"), (12, "‚"), (14, "‘"), (16, "「"), (18, "」"),
                                      (20, "『"), (22, "』")]),
        # two apostrophes are one mark, read left to right; one inside a word is still a mark
        ("''x'' '''y don't", [(0, "''"), (3, "''"), (6, "''"), (8, "'"), (14, "'")]),
        ("\ud800\"x\"", [(1, '"'), (3, '"')]),
    ],
)
def test_marks_are_found_as_one_pattern_finds_them(text: str,
                                                   expected: list[tuple[int, str]]) -> None:
    assert quotes._marks(text) == expected
    assert _marks_by_pattern(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("“”\"«»„「」『』‘’'‚‹› ax\n")), max_size=40))
def test_marks_equal_the_pattern_on_any_text(text: str) -> None:
    assert quotes._marks(text) == _marks_by_pattern(text)
