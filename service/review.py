"""The verification report as an HTML page editors can read: pure, no Flask.

The web service (``GET /``, ``POST /v1/verify`` with ``Accept: text/html``) and the CLI
(``verbatim verify … --html``) all render through :func:`render_report`, so the page is the
same wherever it comes from. Everything that came from the caller reaches the page through
Jinja2 with autoescaping on: this module never builds markup from caller text itself, it
only cuts the documents into typed pieces that the templates escape.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

import jinja2
import regex
from markupsafe import Markup

from service.models import STATUSES, Format, Quote, Report, Span, SpeakerMatch, Status

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
STYLESHEET = "review.css"
SCRIPT = "review.js"

PieceOp = Literal["equal", "delete", "insert"]
MarkKind = Literal["quote", "evidence"]


@dataclass(frozen=True, slots=True)
class StatusStyle:
    """How one status looks: a text label and an icon, never colour alone (colour-blind readers)."""

    key: str
    label: str
    icon: str
    description: str


STATUS_STYLES: Mapping[str, StatusStyle] = {
    style.key: style
    for style in (
        StatusStyle("intact", "Intact", "✓", "Same words (up to accepted edits), same speaker."),
        StatusStyle("altered", "Altered", "✎", "Same speaker, but the words were changed."),
        StatusStyle(
            "misattributed", "Misattributed", "⇄", "Same words, attributed to someone else."
        ),
        StatusStyle(
            "altered_misattributed",
            "Altered and misattributed",
            "✖",
            "Words changed and attributed to someone else.",
        ),
        StatusStyle(
            "unsourced",
            "Unsourced",
            "?",
            "No source quotation: invented, or reported speech turned into a quote.",
        ),
        StatusStyle(
            "dropped",
            "Dropped",
            "∅",
            "A source quotation the candidate no longer quotes.",
        ),
    )
}

SPEAKER_MATCH_LABELS: Mapping[SpeakerMatch, str] = {
    "same": "same",
    "different": "different",
    "unknown": "unknown (not named on both sides)",
}


@dataclass(frozen=True, slots=True)
class DiffPiece:
    """A run of words in a word-level diff; ``delete`` is source-only, ``insert`` candidate-only."""

    op: PieceOp
    text: str


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted span of the candidate text and the card it links to."""

    kind: MarkKind
    anchor_id: str
    card_id: str
    style: StatusStyle


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the candidate text as displayed; ``mark`` is None for unquoted text."""

    text: str
    mark: Mark | None = None


@dataclass(frozen=True, slots=True)
class QuoteView:
    text: str
    speaker: str | None
    mention: str | None  # the attributing words, when they differ from the name ("he")


@dataclass(frozen=True, slots=True)
class Card:
    """Everything one card shows; ``compare_label`` names what the diff compares against."""

    card_id: str
    anchor_id: str | None  # the highlight in the candidate text, when it could be placed
    label: str
    style: StatusStyle
    candidate: QuoteView | None
    source: QuoteView | None
    evidence: str | None
    compare_label: str | None
    diff: tuple[DiffPiece, ...]
    similarity: float | None
    severity: str | None
    speaker_match: str | None


@dataclass(frozen=True, slots=True)
class Count:
    style: StatusStyle
    count: int


@dataclass(frozen=True, slots=True)
class ReportView:
    total: int
    counts: tuple[Count, ...]
    segments: tuple[Segment, ...]
    cards: tuple[Card, ...]
    dropped_cards: tuple[Card, ...]
    fmt: Format


# Words (with inner apostrophes and hyphens) or single punctuation marks, each with the
# whitespace before it, so the diff can be rejoined exactly as the reader's text had it.
_DIFF_TOKEN = regex.compile(r"(\s*)(\w+(?:['’\-]\w+)*|[^\w\s]|\s+$)")
_LEADING_SPACE = regex.compile(r"\s*")
_WORD_START = regex.compile(r"\w")
# Typographic variants an editor does not count as a change of wording.
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _tokens(text: str) -> list[str]:
    return [match.group(0) for match in _DIFF_TOKEN.finditer(text)]


def _leading_space(text: str) -> str:
    match = _LEADING_SPACE.match(text)
    return match.group(0) if match else ""


def _diff_key(token: str) -> str:
    return token.strip().translate(_TYPOGRAPHY).casefold()


def word_diff(source: str, candidate: str) -> tuple[DiffPiece, ...]:
    """Word-level diff turning ``source`` into ``candidate``.

    Computed here rather than from ``Wording.changes`` because changes carry no positions, and
    the reader needs to see each edit in place. Case and typographic quote style are ignored
    when matching, as they are for the ``intact`` status; equal runs show the candidate's form.
    """
    source_tokens, candidate_tokens = _tokens(source), _tokens(candidate)
    matcher = difflib.SequenceMatcher(
        None,
        [_diff_key(token) for token in source_tokens],
        [_diff_key(token) for token in candidate_tokens],
        autojunk=False,
    )
    pieces: list[DiffPiece] = []
    for op, s_start, s_end, c_start, c_end in matcher.get_opcodes():
        removed = "".join(source_tokens[s_start:s_end])
        added = "".join(candidate_tokens[c_start:c_end])
        if op == "equal":
            pieces.append(DiffPiece("equal", added))
            continue
        # Keep the gap before a changed run outside the <del>/<ins>, so a struck word does
        # not drag a struck space with it.
        lead = _leading_space(added if op == "insert" else removed)
        pieces.append(DiffPiece("equal", lead))
        if op == "insert":
            pieces.append(DiffPiece("insert", added[len(lead) :]))
            continue
        pieces.append(DiffPiece("delete", removed[len(lead) :]))
        if op == "replace":
            pieces.append(DiffPiece("equal", " "))
            pieces.append(DiffPiece("insert", added.lstrip()))
    return _merge(pieces)


def _merge(pieces: Sequence[DiffPiece]) -> tuple[DiffPiece, ...]:
    merged: list[DiffPiece] = []
    for piece in pieces:
        if not piece.text:
            continue
        # A deletion at the very start leaves the next word without the space it had in the
        # source ("~~After three years,~~The"): give the reader that gap back.
        if merged and merged[-1].op == "delete" and _WORD_START.match(piece.text):
            merged.append(DiffPiece("equal", " "))
        if merged and merged[-1].op == piece.op:
            merged[-1] = DiffPiece(piece.op, merged[-1].text + piece.text)
        else:
            merged.append(piece)
    return tuple(merged)


class _PlainText(HTMLParser):
    """Text of an HTML fragment as a browser would lay it out, minus scripts and styles."""

    _BLOCKS = frozenset(
        {"p", "div", "section", "article", "header", "footer", "aside", "main", "nav",
         "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "table",
         "tr", "figure", "figcaption", "hr", "dd", "dt", "dl"}
    )  # fmt: skip
    _HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(_HTML_SPACE.sub(" ", data))


_HTML_SPACE = regex.compile(r"\s+")
# A run of spaces and line breaks produced by tags: at most one blank line survives.
_BREAKS = regex.compile(r" *\n[ \n]*")


def plain_text(raw: str, fmt: Format) -> str:
    """How a piece of a document reads: as is for text, tags stripped for HTML."""
    if fmt == "text":
        return raw
    parser = _PlainText()
    parser.feed(raw)
    parser.close()
    return _BREAKS.sub(
        lambda match: "\n\n" if match.group(0).count("\n") > 1 else "\n", "".join(parser.parts)
    )


def _speaker_view(quote: Quote, text: str) -> QuoteView:
    if quote.speaker is None:
        return QuoteView(text, None, None)
    mention = quote.speaker.mention.text
    # Show the attributing words only when they add something: a pronoun or a bare surname,
    # not the full name again with a title in front of it.
    named = quote.speaker.name.casefold() in mention.casefold()
    return QuoteView(text, quote.speaker.name, None if named else mention)


def _valid(span: Span | Quote, length: int) -> bool:
    return 0 <= span.start < span.end <= length


def candidate_segments(
    candidate: str, marks: Sequence[tuple[int, int, Mark]], fmt: Format
) -> tuple[Segment, ...]:
    """Cut the raw candidate at the marked spans; overlapping or out-of-range marks are skipped
    (their cards still show), so a surprising report never garbles the text."""
    segments: list[Segment] = []
    position = 0
    for start, end, mark in sorted(marks, key=lambda item: (item[0], item[1])):
        if start < position or not 0 <= start < end <= len(candidate):
            continue
        segments.append(Segment(plain_text(candidate[position:start], fmt)))
        segments.append(Segment(plain_text(candidate[start:end], fmt), mark))
        position = end
    segments.append(Segment(plain_text(candidate[position:], fmt)))
    if segments[0].mark is None:
        segments[0] = Segment(segments[0].text.lstrip())
    if segments[-1].mark is None:
        segments[-1] = Segment(segments[-1].text.rstrip())
    return tuple(segment for segment in segments if segment.text)


def build_view(report: Report, source: str, candidate: str, fmt: Format = "text") -> ReportView:
    """Turn a report into what the templates show; offsets are code points into the raw strings."""
    marks: list[tuple[int, int, Mark]] = []
    cards: list[Card] = []
    for number, verdict in enumerate(report.verdicts, start=1):
        style = STATUS_STYLES[verdict.status]
        card_id, anchor_id = f"card-{number}", f"quote-{number}"
        placed = _valid(verdict.candidate, len(candidate))
        if placed:
            mark = Mark("quote", anchor_id, card_id, style)
            marks.append((verdict.candidate.start, verdict.candidate.end, mark))
        candidate_text = plain_text(verdict.candidate.text, fmt).strip()
        source_view = None
        compare_with: str | None = None
        compare_label = None
        if verdict.source is not None:
            source_text = plain_text(verdict.source.text, fmt).strip()
            source_view = _speaker_view(verdict.source, source_text)
            compare_with, compare_label = source_text, "Changes from the source quotation"
        evidence = None
        if verdict.evidence is not None:
            evidence = plain_text(verdict.evidence.text, fmt).strip()
            if compare_with is None:
                compare_with = evidence
                compare_label = "Changes from the closest source passage"
        cards.append(
            Card(
                card_id=card_id,
                anchor_id=anchor_id if placed else None,
                label=f"Quote {number}",
                style=style,
                candidate=_speaker_view(verdict.candidate, candidate_text),
                source=source_view,
                evidence=evidence,
                compare_label=compare_label,
                diff=() if compare_with is None else word_diff(compare_with, candidate_text),
                similarity=verdict.wording.similarity if verdict.source is not None else None,
                severity=verdict.severity,
                speaker_match=SPEAKER_MATCH_LABELS[verdict.speaker_match],
            )
        )
    dropped_cards: list[Card] = []
    dropped_style = STATUS_STYLES["dropped"]
    for number, item in enumerate(report.dropped, start=1):
        card_id, anchor_id = f"dropped-{number}", f"dropped-text-{number}"
        source_text = plain_text(item.quote.text, fmt).strip()
        evidence = None
        placed = item.evidence is not None and _valid(item.evidence, len(candidate))
        if item.evidence is not None:
            evidence = plain_text(item.evidence.text, fmt).strip()
            if placed:
                mark = Mark("evidence", anchor_id, card_id, dropped_style)
                marks.append((item.evidence.start, item.evidence.end, mark))
        dropped_cards.append(
            Card(
                card_id=card_id,
                anchor_id=anchor_id if placed else None,
                label=f"Dropped {number}",
                style=dropped_style,
                candidate=None,
                source=_speaker_view(item.quote, source_text),
                evidence=evidence,
                compare_label=None if evidence is None else "Changes on the way into the prose",
                diff=() if evidence is None else word_diff(source_text, evidence),
                similarity=None,
                severity=None,
                speaker_match=None,
            )
        )
    summary = report.summary
    status_counts: Mapping[Status | Literal["dropped"], int] = {
        **{status: getattr(summary, status) for status in STATUSES},
        "dropped": summary.dropped,
    }
    return ReportView(
        total=summary.quotes,
        counts=tuple(Count(STATUS_STYLES[key], value) for key, value in status_counts.items()),
        segments=candidate_segments(candidate, marks, fmt),
        cards=tuple(cards),
        dropped_cards=tuple(dropped_cards),
        fmt=fmt,
    )


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True, slots=True)
class InlineAssets:
    """The stylesheet and script, inlined for a self-contained file, with their CSP hashes."""

    css: str
    js: str
    csp: str


def _csp_hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


@cache
def inline_assets() -> InlineAssets:
    css = (STATIC_DIR / STYLESHEET).read_text(encoding="utf-8")
    js = (STATIC_DIR / SCRIPT).read_text(encoding="utf-8")
    # Our own files, but an inlined "</" would end the element early; refuse loudly.
    if "</" in css or "</" in js:
        raise ValueError("inlined assets must not contain '</'")
    # Even a self-contained file keeps a policy: only these exact inline blocks may run.
    csp = (
        f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return InlineAssets(css, js, csp)


# Served pages load the assets from the service, so no inline code is allowed at all.
SERVED_CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def render_report(
    report: Report,
    source: str,
    candidate: str,
    *,
    standalone: bool,
    fmt: Format = "text",
) -> str:
    """The report as HTML.

    ``standalone=True``: a complete document with the CSS and JavaScript inlined, for a file
    or an HTTP response that must work on its own and offline. ``standalone=False``: the
    report section alone, for embedding in the service's review page.
    """
    view = build_view(report, source, candidate, fmt)
    if standalone:
        template = _environment().get_template("report_page.html")
        return template.render(view=view, assets=inline_assets(), styles=STATUS_STYLES)
    return _environment().get_template("report.html").render(view=view, styles=STATUS_STYLES)


@dataclass(frozen=True, slots=True)
class FormState:
    """What the review form shows: the caller's documents back, and any problems with them."""

    source: str = ""
    candidate: str = ""
    fmt: str = "text"
    errors: Mapping[str, tuple[str, ...]] | None = None


def render_form_page(
    form: FormState,
    report_html: str | None,
    *,
    stylesheet_url: str,
    script_url: str,
) -> str:
    """The service's review page: the paste/upload form, and the report below once verified.

    ``report_html`` must come from :func:`render_report` (``standalone=False``); it is the one
    piece inserted unescaped, because that function already escaped everything in it.
    """
    template = _environment().get_template("form_page.html")
    return template.render(
        form=form,
        errors=form.errors or {},
        report_html=None if report_html is None else Markup(report_html),
        stylesheet_url=stylesheet_url,
        script_url=script_url,
        styles=STATUS_STYLES,
    )
