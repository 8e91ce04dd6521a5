"""Quote records built by hand, so alignment and verdicts are tested apart from extraction."""

from __future__ import annotations

from collections.abc import Sequence

from service import quotes as quote_finder
from service import speakers
from service.document import Document, parse
from service.models import Quote, QuoteKind, Span, Speaker


def quotes_of(
    doc: Document, specs: Sequence[tuple[str, str | None] | tuple[str, str | None, QuoteKind]]
) -> tuple[Quote, ...]:
    """One quote per (words, speaker[, kind]), each located after the previous one.

    The speaker's mention is the first place the document names them (or an empty span).
    """
    quotes, cursor = [], 0
    for number, spec in enumerate(specs, start=1):
        words, name = spec[0], spec[1]
        kind: QuoteKind = spec[2] if len(spec) == 3 else "quotation"
        start = doc.text.index(words, cursor)
        cursor = start + len(words)
        speaker = None
        if name is not None:
            at = max(0, doc.text.find(name))
            speaker = Speaker(name, Span(doc.text[at : at + len(name)], at, at + len(name)))
        quotes.append(Quote(f"q{number}", words, start, start + len(words), speaker, None, kind))
    return tuple(quotes)


def document(text: str) -> Document:
    return parse(text, "text")


def attributed(text: str) -> list[tuple[str, str | None, str | None]]:
    """What extraction finds in ``text``: (quoted words, speaker name, mention) per quote, the
    shape of the speaker rules' (text, expected) tables."""
    doc = parse(text)
    return [
        (q.text, q.speaker.name if q.speaker else None,
         q.speaker.mention.text if q.speaker else None)
        for q in speakers.attribute(doc, quote_finder.find_quotes(doc))
    ]
