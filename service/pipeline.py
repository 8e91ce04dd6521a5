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
    # Both stages read the same tokenised quotes and sentences: prepared once, here.
    source_side = alignment.prepare_source(source_doc, extract_plain(source_doc))
    candidate_side = alignment.prepare_candidate(candidate_doc, extract_plain(candidate_doc))
    matches = alignment.align_prepared(source_side, candidate_side)
    judged, dropped = verdicts.judge_prepared(source_side, candidate_side, matches)
    return report.build(source_doc, candidate_doc, judged, dropped)
