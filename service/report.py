"""Report stage: count the verdicts and map every span back into the caller's strings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from service.document import Document
from service.models import Dropped, Quote, Report, Span, Speaker, Summary, Verdict


def span_to_raw(doc: Document, span: Span) -> Span:
    return doc.raw_span(span.start, span.end)


def quote_to_raw(doc: Document, quote: Quote) -> Quote:
    """The same quote with every offset pointing into ``doc.raw`` instead of ``doc.text``."""
    body = doc.raw_span(quote.start, quote.end)
    speaker = (
        None
        if quote.speaker is None
        else Speaker(quote.speaker.name, span_to_raw(doc, quote.speaker.mention))
    )
    cue = None if quote.cue is None else span_to_raw(doc, quote.cue)
    return replace(quote, text=body.text, start=body.start, end=body.end, speaker=speaker, cue=cue)


def build(
    source: Document,
    candidate: Document,
    verdicts: Sequence[Verdict],
    dropped: Sequence[Dropped],
) -> Report:
    """Assemble the report with offsets into the raw source and candidate strings."""
    raw_verdicts = tuple(
        replace(
            verdict,
            candidate=quote_to_raw(candidate, verdict.candidate),
            source=None if verdict.source is None else quote_to_raw(source, verdict.source),
            evidence=None if verdict.evidence is None else span_to_raw(source, verdict.evidence),
        )
        for verdict in verdicts
    )
    raw_dropped = tuple(
        Dropped(
            quote_to_raw(source, item.quote),
            None if item.evidence is None else span_to_raw(candidate, item.evidence),
        )
        for item in dropped
    )
    counts = Counter(verdict.status for verdict in raw_verdicts)
    summary = Summary(
        quotes=len(raw_verdicts),
        intact=counts["intact"],
        altered=counts["altered"],
        misattributed=counts["misattributed"],
        altered_misattributed=counts["altered_misattributed"],
        unsourced=counts["unsourced"],
        dropped=len(raw_dropped),
    )
    return Report(summary, raw_verdicts, raw_dropped)
