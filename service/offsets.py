"""Convert code-point offsets to UTF-16 code-unit offsets, for JavaScript editors.

The pipeline counts in Unicode code points (Python's ``str`` indices). JavaScript strings, and
so every browser-based CMS editor, index UTF-16 code units, where each character outside the
Basic Multilingual Plane (emoji, many CJK extensions, mathematical letters) takes two units.
A caller asking for ``"offset_unit": "utf16"`` gets every span shifted by the number of such
characters before it; ``text`` fields are unchanged because they are strings, not offsets.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

import regex

from service.models import Dropped, OffsetUnit, Quote, Report, Span, Speaker, Verdict

# Characters beyond U+FFFF are the ones UTF-16 encodes as a surrogate pair (two code units).
_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")


@dataclass(frozen=True, slots=True)
class Utf16Index:
    """Maps code-point offsets of one string to UTF-16 offsets in O(log n) per lookup.

    ``astral`` holds the code-point positions of the characters that need a surrogate pair;
    the UTF-16 offset of position ``i`` is ``i`` plus how many of them lie before ``i``.
    """

    length: int
    astral: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Utf16Index:
        if text.isascii():
            return cls(len(text), ())
        return cls(len(text), tuple(match.start() for match in _ASTRAL.finditer(text)))

    def offset(self, codepoint_offset: int) -> int:
        if not 0 <= codepoint_offset <= self.length:
            raise ValueError(f"offset {codepoint_offset} outside a string of {self.length}")
        return codepoint_offset + bisect_left(self.astral, codepoint_offset)


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes (what JavaScript's ``.length`` returns)."""
    return Utf16Index.of(text).offset(len(text))


def span_to_utf16(index: Utf16Index, span: Span) -> Span:
    return Span(span.text, index.offset(span.start), index.offset(span.end))


def quote_to_utf16(index: Utf16Index, quote: Quote) -> Quote:
    speaker = (
        None
        if quote.speaker is None
        else Speaker(quote.speaker.name, span_to_utf16(index, quote.speaker.mention))
    )
    return replace(
        quote,
        start=index.offset(quote.start),
        end=index.offset(quote.end),
        speaker=speaker,
        cue=None if quote.cue is None else span_to_utf16(index, quote.cue),
    )


def quotes_in_unit(raw: str, quotes: tuple[Quote, ...], unit: OffsetUnit) -> tuple[Quote, ...]:
    """The quotes of ``raw`` with offsets counted in ``unit``."""
    if unit == "codepoint":
        return quotes
    index = Utf16Index.of(raw)
    return tuple(quote_to_utf16(index, quote) for quote in quotes)


def report_in_unit(source: str, candidate: str, report: Report, unit: OffsetUnit) -> Report:
    """The report with every span counted in ``unit``.

    Candidate quotes and dropped-quote evidence point into ``candidate``; source quotes,
    dropped quotes and verdict evidence (the source span an unsourced quote resembles) point
    into ``source``.
    """
    if unit == "codepoint":
        return report
    source_index = Utf16Index.of(source)
    candidate_index = Utf16Index.of(candidate)

    def verdict(item: Verdict) -> Verdict:
        return replace(
            item,
            candidate=quote_to_utf16(candidate_index, item.candidate),
            source=None if item.source is None else quote_to_utf16(source_index, item.source),
            evidence=None if item.evidence is None else span_to_utf16(source_index, item.evidence),
        )

    def dropped(item: Dropped) -> Dropped:
        return Dropped(
            quote_to_utf16(source_index, item.quote),
            None if item.evidence is None else span_to_utf16(candidate_index, item.evidence),
        )

    return Report(
        report.summary,
        tuple(verdict(item) for item in report.verdicts),
        tuple(dropped(item) for item in report.dropped),
    )
