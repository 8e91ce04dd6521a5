"""Properties of the core (``service.pipeline``) on generated text, checked with hypothesis.

For any text — arbitrary Unicode, lone surrogates included, or news-like text built from
quotation marks, reporting verbs, names and paragraph breaks, or HTML with markup and
entities — extraction must not raise (other than ``TextTooComplex``), every span it returns
must slice the caller's string to exactly its ``text``, quotes come in document order without
overlapping, results are deterministic, and a document verified against itself has every
quote intact and none dropped.
"""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service import pipeline
from service.models import Format, Quote, Report, Span, TextTooComplex

_SETTINGS = settings(
    max_examples=int(os.environ.get("VERBATIM_PROPERTY_EXAMPLES", "150")),
    deadline=timedelta(seconds=5),  # generous: a loaded CI machine, the first call's warm-up
    suppress_health_check=[HealthCheck.too_slow],
)

#: Any code point, lone surrogates and unassigned ones included (hypothesis leaves out Cs
#: unless asked).
_ANY_CHAR = st.characters(exclude_categories=())

#: Pieces of news copy that exercise the rules: every quotation mark style, apostrophes,
#: reporting verbs, names, pronouns, attributions and paragraph breaks.
_NEWS_PIECES = (
    "“", "”", '"', "'", "‘", "’", "«", "»", "„", "‹", "›", "「", "」", "『", "』", "''", "‚",
    " ", " ", " ", ", ", ". ", ": ", " — ", "\n", "\n\n", "(", ")", "...", "…",
    "said", "told reporters", "added", "according to", "wrote in a statement", "warned",
    "Ann Lee", "Volker Turk", "Dr Jane Doe", "Lee", "the ministry", "Amnesty International",
    "he", "she", "they", "We will win", "don't", "the people's", "’90s", "it is over",
    "Mr Turk, the UN rights chief,", "NUG acting president Duwa Lashi La",
)  # fmt: skip
_WORDS = st.lists(
    st.one_of(st.sampled_from(("we", "will", "win", "the", "people's", "army", "don't", "never",
                               "’90s", "crush", "victory", "it", "is", "over", "‘rebels’")),
              st.text(_ANY_CHAR, min_size=1, max_size=3)),
    min_size=1, max_size=8,
).map(" ".join)
#: A quotation as copy sets it (mark, words, mark, attribution), so most examples have quotes.
_QUOTATION = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(("", "Ann Lee said: ", "He told reporters ", "\n", " ")),
        st.sampled_from(("“", '"', "‘", "«", "„", "「", "''", "")),
        _WORDS,
        st.sampled_from((",", ".", "", "?", "…")),
        st.sampled_from(("”", '"', "’", "»", "“", "」", "''", "")),
        st.sampled_from((" said Ann Lee.", " she said.", " — Volker Turk", " according to Lee.",
                         ", the ministry said in a statement.", "", "\n", " ")),
    ),
)
_NEWS_TEXT = st.lists(
    st.one_of(_QUOTATION, st.sampled_from(_NEWS_PIECES), st.text(_ANY_CHAR, max_size=4)),
    max_size=40,
).map("".join)

_HTML_PIECES = (
    "<p>", "</p>", "<em>", "</em>", "<a href='x'>", "</a>", "<br>", "<br/>", "<h1>", "</h1>",
    "<div>", "</div>", "<blockquote>", "</blockquote>", "<script>“not” said Ann</script>",
    "<style>p{}</style>", "<!-- “hidden,” he said -->", "&ldquo;", "&rdquo;", "&#8217;",
    "&#x201C;", "&amp;", "&nbsp;", "&quot;", "&lt;", "&bogus;", "&#0;", "<", ">", "&",
    "<p class=\"lead\">", "<unclosed", "</b>",
)  # fmt: skip
_HTML_TEXT = st.lists(
    st.one_of(st.sampled_from(_HTML_PIECES), _QUOTATION, st.sampled_from(_NEWS_PIECES),
              st.text(_ANY_CHAR, max_size=3)),
    max_size=50,
).map("".join)

_TEXTS = st.one_of(st.text(_ANY_CHAR, max_size=300), _NEWS_TEXT)


def _spans(quote: Quote) -> list[Span]:
    spans = [Span(quote.text, quote.start, quote.end)]
    if quote.speaker is not None:
        spans.append(quote.speaker.mention)
    if quote.cue is not None:
        spans.append(quote.cue)
    return spans


def assert_spans_slice(raw: str, quotes: tuple[Quote, ...]) -> None:
    for quote in quotes:
        for span in _spans(quote):
            assert 0 <= span.start <= span.end <= len(raw), (span, len(raw))
            assert raw[span.start : span.end] == span.text, span


def assert_in_order(quotes: tuple[Quote, ...]) -> None:
    previous_end = 0
    for quote in quotes:
        assert quote.start < quote.end
        assert quote.start >= previous_end, "quotes overlap or are out of order"
        previous_end = quote.end
    assert len({quote.id for quote in quotes}) == len(quotes)


def _extract(raw: str, fmt: Format) -> tuple[Quote, ...] | None:
    try:
        return pipeline.extract(raw, fmt)
    except TextTooComplex:  # a clear, bounded refusal is an acceptable answer
        return None


@pytest.mark.parametrize(("fmt", "texts"), [("text", _TEXTS), ("html", _HTML_TEXT)])
def test_extraction_spans_slice_the_input_in_order(
    fmt: Format, texts: st.SearchStrategy[str]
) -> None:
    @_SETTINGS
    @given(texts)
    def check(raw: str) -> None:
        quotes = _extract(raw, fmt)
        if quotes is None:
            return
        assert_spans_slice(raw, quotes)
        assert_in_order(quotes)
        assert _extract(raw, fmt) == quotes, "extraction must be deterministic"

    check()


def _report_spans(report: Report, source: str, candidate: str) -> list[tuple[str, Span]]:
    spans: list[tuple[str, Span]] = []
    for verdict in report.verdicts:
        spans += [(candidate, span) for span in _spans(verdict.candidate)]
        if verdict.source is not None:
            spans += [(source, span) for span in _spans(verdict.source)]
        if verdict.evidence is not None:
            spans.append((source, verdict.evidence))
    for dropped in report.dropped:
        spans += [(source, span) for span in _spans(dropped.quote)]
        if dropped.evidence is not None:
            spans.append((candidate, dropped.evidence))
    return spans


@pytest.mark.parametrize(("fmt", "texts"), [("text", _NEWS_TEXT), ("html", _HTML_TEXT)])
def test_verify_spans_slice_both_documents_and_are_deterministic(
    fmt: Format, texts: st.SearchStrategy[str]
) -> None:
    @_SETTINGS
    @given(texts, texts)
    def check(source: str, candidate: str) -> None:
        try:
            report = pipeline.verify(source, candidate, fmt)
        except TextTooComplex:
            return
        for document, span in _report_spans(report, source, candidate):
            assert document[span.start : span.end] == span.text, span
        summary = report.summary
        assert summary.quotes == len(report.verdicts)
        assert summary.dropped == len(report.dropped)
        assert (summary.intact + summary.altered + summary.misattributed
                + summary.altered_misattributed + summary.unsourced) == summary.quotes
        assert pipeline.verify(source, candidate, fmt) == report, "verify must be deterministic"

    check()


# A NUL the caller sent is an ordinary character of the quote, never the marker wording
# puts between merged source quotes.
@pytest.mark.parametrize("raw", ["“we \x00,’ said Ann Lee.", "“We \x00, will win,” she said."])
def test_a_quote_with_a_nul_verified_against_itself_is_intact(raw: str) -> None:
    report = pipeline.verify(raw, raw)
    assert [verdict.status for verdict in report.verdicts] == ["intact"]


# Brackets the source itself holds are reproduced words, not an editor's insertion that may
# stand in for only a few source words.
@pytest.mark.parametrize(
    "raw",
    [
        "“The plan [for the new bridge over the river] failed,” said Ann Lee.",
        "“0[ we we 0]1,” said Ann Lee.",
    ],
)
def test_a_quote_with_a_long_bracket_verified_against_itself_is_intact(raw: str) -> None:
    report = pipeline.verify(raw, raw)
    assert [verdict.status for verdict in report.verdicts] == ["intact"]


@pytest.mark.parametrize(
    ("fmt", "texts"),
    [
        ("text", _NEWS_TEXT),
        ("html", _HTML_TEXT),
    ],
)
def test_a_document_verified_against_itself_is_all_intact(
    fmt: Format, texts: st.SearchStrategy[str]
) -> None:
    @_SETTINGS
    @given(texts)
    def check(raw: str) -> None:
        try:
            report = pipeline.verify(raw, raw, fmt)
            quotes = pipeline.extract(raw, fmt)
        except TextTooComplex:
            return
        judged = [quote for quote in quotes if quote.kind == "quotation"]
        assert [verdict.candidate for verdict in report.verdicts] == judged
        assert [verdict.status for verdict in report.verdicts] == ["intact"] * len(judged)
        assert report.dropped == ()

    check()
