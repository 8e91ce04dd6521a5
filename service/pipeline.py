"""The whole pipeline in one place: document → quotes → speakers → alignment → verdicts → report.

Each stage lives in the module of the same name and is a pure function; this facade only
chains them and maps offsets back into the string the caller sent. Nothing here imports Flask.
"""

from __future__ import annotations

from service import alignment, document, quotes, report, speakers, verdicts
from service.models import Format, Quote, Report


def extract_plain(doc: document.Document) -> tuple[Quote, ...]:
    """Quotes of a parsed document, with offsets into ``doc.text`` (the plain text)."""
    return speakers.attribute(doc, quotes.find_quotes(doc))


def extract(raw: str, fmt: Format = "text") -> tuple[Quote, ...]:
    """Quotes of a document as the caller sent it, offsets into ``raw`` (code points)."""
    doc = document.parse(raw, fmt)
    return tuple(report.quote_to_raw(doc, quote) for quote in extract_plain(doc))


def verify(source: str, candidate: str, fmt: Format = "text") -> Report:
    """Judge every quote of ``candidate`` against ``source``; offsets into the raw strings."""
    source_doc = document.parse(source, fmt)
    candidate_doc = document.parse(candidate, fmt)
    source_quotes = extract_plain(source_doc)
    candidate_quotes = extract_plain(candidate_doc)
    matches = alignment.align(source_doc, source_quotes, candidate_doc, candidate_quotes)
    judged, dropped = verdicts.judge(
        source_doc, source_quotes, candidate_doc, candidate_quotes, matches
    )
    return report.build(source_doc, candidate_doc, judged, dropped)
