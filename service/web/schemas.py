"""Every request the API accepts and every response it gives, as marshmallow schemas.

Requests are loaded into small frozen records; anything unexpected (an unknown field, a
wrong type, an empty document, an unknown format) is a ``ValidationError`` that the error
handlers turn into a 422 problem naming the field. Responses are dumped from the pipeline's
records (``service.models``), so the JSON shape is decided here and nowhere else.

This module imports marshmallow but not Flask: the CLI uses it for ``--json`` output.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import regex
from marshmallow import (
    RAISE,
    Schema,
    ValidationError,
    fields,
    post_load,
    validate,
    validates_schema,
)

from service.models import (
    Dropped,
    Format,
    OffsetUnit,
    Quote,
    Report,
    Verdict,
)

FORMATS: tuple[Format, ...] = ("text", "html")
OFFSET_UNITS: tuple[OffsetUnit, ...] = ("codepoint", "utf16")

# A JSON string may carry a lone surrogate escape ("\ud800"); it is not a character, cannot
# be encoded in the UTF-8 response, and no editor can highlight half of one.
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _document(value: str) -> None:
    if not value.strip():
        raise ValidationError("The document is empty.")
    surrogate = _SURROGATE.search(value)
    if surrogate is not None:
        raise ValidationError(
            f"The document contains an unpaired surrogate (U+{ord(surrogate.group()):04X}) "
            f"at position {surrogate.start()}; send valid Unicode text."
        )


def _document_field() -> fields.String:
    return fields.String(required=True, validate=_document)


def _format_field() -> fields.String:
    return fields.String(load_default="text", validate=validate.OneOf(FORMATS))


def _offset_unit_field() -> fields.String:
    return fields.String(load_default="codepoint", validate=validate.OneOf(OFFSET_UNITS))


@dataclass(frozen=True, slots=True)
class ExtractRequest:
    text: str
    format: Format
    offset_unit: OffsetUnit


@dataclass(frozen=True, slots=True)
class VerifyRequest:
    source: str
    candidate: str
    format: Format
    offset_unit: OffsetUnit


class RequestSchema(Schema):
    """Rejects unknown fields and documents longer than the configured limit."""

    class Meta:
        unknown = RAISE

    def __init__(self, *, max_document_chars: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_document_chars = max_document_chars

    @validates_schema(skip_on_field_errors=False)
    def _within_limit(self, data: dict[str, Any], **_kwargs: Any) -> None:
        errors: dict[str, list[str]] = {}
        for name, field in self.fields.items():
            value = data.get(name)
            if field.validate is not _document or not isinstance(value, str):
                continue
            if len(value) > self.max_document_chars:
                errors[name] = [
                    f"The document has {len(value)} characters; the limit is "
                    f"{self.max_document_chars} (VERBATIM_MAX_DOCUMENT_CHARS)."
                ]
        if errors:
            raise ValidationError(errors)


class ExtractRequestSchema(RequestSchema):
    text = _document_field()
    format = _format_field()
    offset_unit = _offset_unit_field()

    @post_load
    def _record(self, data: dict[str, Any], **_kwargs: Any) -> ExtractRequest:
        return ExtractRequest(**data)


class VerifyRequestSchema(RequestSchema):
    source = _document_field()
    candidate = _document_field()
    format = _format_field()
    offset_unit = _offset_unit_field()

    @post_load
    def _record(self, data: dict[str, Any], **_kwargs: Any) -> VerifyRequest:
        return VerifyRequest(**data)


# ---- responses -------------------------------------------------------------------------


class SpanSchema(Schema):
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()


class SpeakerSchema(Schema):
    name = fields.String()
    mention = fields.Nested(SpanSchema)


class QuoteSchema(Schema):
    id = fields.String()
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    speaker = fields.Nested(SpeakerSchema, allow_none=True)
    cue = fields.Nested(SpanSchema, allow_none=True)
    kind = fields.String()


class DroppedQuoteSchema(QuoteSchema):
    """A dropped source quote: the Quote object plus where its words survive unquoted."""

    evidence = fields.Nested(SpanSchema, allow_none=True)

    def get_attribute(self, obj: Any, attr: str, default: Any) -> Any:
        dropped = cast(Dropped, obj)
        if attr == "evidence":
            return dropped.evidence
        return super().get_attribute(dropped.quote, attr, default)


class ChangeSchema(Schema):
    op = fields.String()
    source = fields.String()
    candidate = fields.String()


class WordingSchema(Schema):
    similarity = fields.Method("_similarity")
    changes = fields.List(fields.Nested(ChangeSchema))

    def _similarity(self, wording: Any) -> float:
        # Four decimals are plenty for a ratio a person reads; more is noise in the JSON.
        return round(float(wording.similarity), 4)


class VerdictSchema(Schema):
    id = fields.String()
    status = fields.String()
    candidate = fields.Nested(QuoteSchema)
    source = fields.Nested(QuoteSchema, allow_none=True)
    wording = fields.Nested(WordingSchema)
    speaker = fields.Method("_speaker")
    severity = fields.String(allow_none=True)
    evidence = fields.Nested(SpanSchema, allow_none=True)

    def _speaker(self, verdict: Verdict) -> dict[str, str]:
        return {"match": verdict.speaker_match}


class SummarySchema(Schema):
    quotes = fields.Integer()
    intact = fields.Integer()
    altered = fields.Integer()
    misattributed = fields.Integer()
    altered_misattributed = fields.Integer()
    unsourced = fields.Integer()
    dropped = fields.Integer()


@dataclass(frozen=True, slots=True)
class ExtractResult:
    quotes: tuple[Quote, ...]
    offset_unit: OffsetUnit


@dataclass(frozen=True, slots=True)
class VerifyResult:
    report: Report
    offset_unit: OffsetUnit


class ExtractResponseSchema(Schema):
    quotes = fields.List(fields.Nested(QuoteSchema))
    offset_unit = fields.String()


class VerifyResponseSchema(Schema):
    summary = fields.Nested(SummarySchema, attribute="report.summary")
    quotes = fields.List(fields.Nested(VerdictSchema), attribute="report.verdicts")
    dropped = fields.List(fields.Nested(DroppedQuoteSchema), attribute="report.dropped")
    offset_unit = fields.String()


def dump_extract(quotes: tuple[Quote, ...], offset_unit: OffsetUnit) -> dict[str, Any]:
    return cast(dict[str, Any], _EXTRACT_RESPONSE.dump(ExtractResult(quotes, offset_unit)))


def dump_verify(report: Report, offset_unit: OffsetUnit) -> dict[str, Any]:
    return cast(dict[str, Any], _VERIFY_RESPONSE.dump(VerifyResult(report, offset_unit)))


_EXTRACT_RESPONSE = ExtractResponseSchema()
_VERIFY_RESPONSE = VerifyResponseSchema()
