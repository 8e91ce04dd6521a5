"""Report stage: count the verdicts and map every span back into the caller's strings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from service.document import Document
from service.models import Dropped, Quote, Report, Span, Speaker, Summary, Verdict


def span_to_raw(doc: Document, span: Span) -> Span:
    if doc.format == "text" and _kept(doc.raw, span.text, span.start, span.end):
        return span
    return doc.raw_span(span.start, span.end)


def _kept(raw: str, text: str, start: int, end: int) -> bool:
    """Whether a plain-text document maps ``text`` at ``start:end`` onto itself.

    Plain text is its own raw string, so a span whose text is what the raw string holds there
    comes back as it is: the same record, not a copy of it (``raw_span`` would build one).
    """
    return 0 <= start <= end <= len(raw) and raw[start:end] == text


def quote_to_raw(doc: Document, quote: Quote) -> Quote:
    """The same quote with every offset pointing into ``doc.raw`` instead of ``doc.text``."""
    speaker, cue = quote.speaker, quote.cue
    if (
        doc.format == "text"
        and _kept(doc.raw, quote.text, quote.start, quote.end)
        and (speaker is None or _kept(doc.raw, *_fields(speaker.mention)))
        and (cue is None or _kept(doc.raw, *_fields(cue)))
    ):
        return quote
    body = doc.raw_span(quote.start, quote.end)
    if speaker is not None:
        speaker = Speaker(speaker.name, span_to_raw(doc, speaker.mention))
    if cue is not None:
        cue = span_to_raw(doc, cue)
    return Quote(quote.id, body.text, body.start, body.end, speaker, cue, quote.kind)


def _fields(span: Span) -> tuple[str, int, int]:
    return span.text, span.start, span.end


def build(
    source: Document,
    candidate: Document,
    verdicts: Sequence[Verdict],
    dropped: Sequence[Dropped],
) -> Report:
    """Assemble the report with offsets into the raw source and candidate strings."""
    raw_verdicts = tuple(_verdict_to_raw(source, candidate, verdict) for verdict in verdicts)
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


def _verdict_to_raw(source: Document, candidate: Document, verdict: Verdict) -> Verdict:
    mine = quote_to_raw(candidate, verdict.candidate)
    origin = None if verdict.source is None else quote_to_raw(source, verdict.source)
    evidence = None if verdict.evidence is None else span_to_raw(source, verdict.evidence)
    if mine is verdict.candidate and origin is verdict.source and evidence is verdict.evidence:
        return verdict
    return Verdict(
        verdict.id,
        verdict.status,
        mine,
        origin,
        verdict.wording,
        verdict.speaker_match,
        verdict.severity,
        evidence,
    )
