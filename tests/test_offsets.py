"""Code point → UTF-16 offsets, checked against Python's own UTF-16 encoder."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.models import Dropped, Quote, Report, Span, Speaker, Summary, Verdict, Wording
from service.offsets import (
    Utf16Index,
    quotes_in_unit,
    report_in_unit,
    utf16_length,
)


def encoded(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("", 0, 0),
        ("plain ascii", 5, 5),
        ("café", 4, 4),  # BMP accents: one unit each
        ("中文新闻", 3, 3),  # BMP CJK: one unit each
        ("😀", 0, 0),
        ("😀", 1, 2),  # an emoji takes a surrogate pair
        ("a😀b", 2, 3),
        ("a😀b", 3, 4),
        ("🇳🇱 flag", 2, 4),  # two regional indicators, each astral
        ("𝐀𝐁𝐂", 2, 4),  # mathematical bold letters
        ("👩‍👩‍👧 family", 5, 8),  # ZWJ sequence: 3 astral + 2 BMP joiners
        ("\U0010ffff", 1, 2),  # the last code point
        ("\uffff", 1, 1),  # the last BMP code point
    ],
)
def test_offsets(text: str, offset: int, expected: int) -> None:
    assert Utf16Index.of(text).offset(offset) == expected
    assert expected == encoded(text, offset)


@given(st.text(), st.data())
def test_offsets_agree_with_the_utf16_encoder(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    assert Utf16Index.of(text).offset(offset) == encoded(text, offset)


@given(st.text())
def test_length_is_what_javascript_reports(text: str) -> None:
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("offset", [-1, 4])
def test_offsets_outside_the_string_are_refused(offset: int) -> None:
    with pytest.raises(ValueError, match="outside"):
        Utf16Index.of("a😀c").offset(offset)


DOC = "😀 “Hi 🌍,” said Ana 🎉."


def _span(text: str) -> Span:
    start = DOC.index(text)
    return Span(text, start, start + len(text))


QUOTE = Quote(
    id="q1",
    text="Hi 🌍,",
    start=DOC.index("Hi"),
    end=DOC.index("Hi") + len("Hi 🌍,"),
    speaker=Speaker("Ana Lee", _span("Ana")),
    cue=_span("said"),
)
EXPECTED_QUOTE = Quote(
    id="q1",
    text="Hi 🌍,",
    start=encoded(DOC, QUOTE.start),
    end=encoded(DOC, QUOTE.end),
    speaker=Speaker(
        "Ana Lee", Span("Ana", encoded(DOC, DOC.index("Ana")), encoded(DOC, DOC.index("Ana") + 3))
    ),
    cue=Span("said", encoded(DOC, DOC.index("said")), encoded(DOC, DOC.index("said") + 4)),
)


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("codepoint", QUOTE), ("utf16", EXPECTED_QUOTE)],
)
def test_quotes_in_unit(unit: str, expected: Quote) -> None:
    assert quotes_in_unit(DOC, (QUOTE,), unit) == (expected,)  # type: ignore[arg-type]


def test_report_in_unit_converts_each_span_against_its_own_document() -> None:
    # The same quote stands in as candidate, source and dropped quote; the candidate string
    # has no astral characters, so only spans into the source may move.
    plain = DOC.replace("😀", "x").replace("🌍", "y").replace("🎉", "z")
    plain_quote = Quote("q1", "Hi y,", QUOTE.start, QUOTE.end, QUOTE.speaker, QUOTE.cue)
    evidence = _span("Ana")
    verdict = Verdict(
        "q1", "altered", plain_quote, QUOTE, Wording(0.5, ()), "same", "high", evidence
    )
    report = Report(Summary(1, 0, 1, 0, 0, 0, 1), (verdict,), (Dropped(QUOTE, Span("Hi", 3, 5)),))
    converted = report_in_unit(DOC, plain, report, "utf16")
    (verdict16,) = converted.verdicts
    assert verdict16.candidate == plain_quote
    assert verdict16.source == EXPECTED_QUOTE
    assert verdict16.evidence == EXPECTED_QUOTE.speaker.mention  # type: ignore[union-attr]
    (dropped16,) = converted.dropped
    assert dropped16 == Dropped(EXPECTED_QUOTE, Span("Hi", 3, 5))
    assert converted.summary == report.summary
    assert report_in_unit(DOC, plain, report, "codepoint") is report
