"""Small immutable records passed between the pipeline stages.

Every stage is a plain function from text (or these records) to these records, so the core
runs without Flask: in the web service, the CLI and batch jobs alike.

Offsets: inside the pipeline, spans point into ``Document.text`` (the plain text). The
``pipeline`` facade maps them back into the string the caller sent (``Document.raw``) before
anything leaves the core, so every record a caller sees has ``raw[start:end] == text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Format = Literal["text", "html"]
OffsetUnit = Literal["codepoint", "utf16"]
QuoteKind = Literal["quotation", "heading"]
Status = Literal["intact", "altered", "misattributed", "altered_misattributed", "unsourced"]
SpeakerMatch = Literal["same", "different", "unknown"]
Severity = Literal["high", "low"]
ChangeOp = Literal["replace", "insert", "delete"]

STATUSES: tuple[Status, ...] = (
    "intact",
    "altered",
    "misattributed",
    "altered_misattributed",
    "unsourced",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a document: ``document[start:end] == text`` (end exclusive)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to.

    ``name`` is canonical: the fullest form of the name the document uses, titles stripped,
    pronouns and bare surnames resolved. ``mention`` is the span that attributes this quote
    (the pronoun itself when a pronoun does).
    """

    name: str
    mention: Span


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: the quoted words without their quotation marks.

    ``kind`` is ``"heading"`` for a headline or section heading set in quotation marks: it is
    extracted (with ``speaker=None``) but nobody said it, so verification does not judge it.
    """

    id: str
    text: str
    start: int
    end: int
    speaker: Speaker | None
    cue: Span | None
    kind: QuoteKind = "quotation"


@dataclass(frozen=True, slots=True)
class Change:
    """One word-level edit turning the source quote's words into the candidate's."""

    op: ChangeOp
    source: str
    candidate: str


@dataclass(frozen=True, slots=True)
class Wording:
    """How the candidate's words compare with the source quote's."""

    similarity: float
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judgement on one candidate quote."""

    id: str
    status: Status
    candidate: Quote
    source: Quote | None
    wording: Wording
    speaker_match: SpeakerMatch
    severity: Severity | None = None  # set for altered and altered_misattributed quotes
    evidence: Span | None = None  # unsourced: the source span the words most resemble


@dataclass(frozen=True, slots=True)
class Dropped:
    """A source quote with no counterpart among the candidate's quotes."""

    quote: Quote
    evidence: Span | None = None  # where its words survive, unquoted, in the candidate


@dataclass(frozen=True, slots=True)
class Summary:
    quotes: int
    intact: int
    altered: int
    misattributed: int
    altered_misattributed: int
    unsourced: int
    dropped: int


@dataclass(frozen=True, slots=True)
class Report:
    """The result of verifying a candidate document against its source."""

    summary: Summary
    verdicts: tuple[Verdict, ...]
    dropped: tuple[Dropped, ...]


class PipelineError(Exception):
    """Base of the errors the core raises for input it cannot process (never a bug)."""


class TextTooComplex(PipelineError):
    """A rule ran past its time budget on this text (e.g. pathological input).

    The web layer answers it with a 422 problem naming the document field.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
