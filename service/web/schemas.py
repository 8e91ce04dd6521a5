"""Every request the API accepts and every response it gives, as marshmallow schemas.

Requests are loaded into small frozen records; anything unexpected (an unknown field, a
wrong type, an empty document, an unknown format) is a ``ValidationError`` that the error
handlers turn into a 422 problem naming the field. Responses are dumped from the pipeline's
records (``service.models``), so the JSON shape is decided here and nowhere else.

This module imports marshmallow but not Flask: the CLI uses it for ``--json`` output.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, cast

import regex
from marshmallow import (
    RAISE,
    Schema,
    ValidationError,
    fields,
    missing,
    post_load,
    validate,
    validates_schema,
)
from marshmallow.decorators import POST_DUMP, PRE_DUMP

from service.models import (
    Dropped,
    Format,
    OffsetUnit,
    PipelineError,
    Quote,
    Report,
    TextTooComplex,
    Verdict,
)

FORMATS: tuple[Format, ...] = ("text", "html")
ITEM_ID_MAX_LENGTH = 200
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


class BatchRequestSchema(Schema):
    """The envelope of ``POST /v1/verify/batch``: only ``items`` is checked here.

    Each item is loaded on its own by ``BatchItemSchema`` so that one bad item gets its own
    problem instead of failing the whole batch.
    """

    class Meta:
        unknown = RAISE

    items = fields.List(fields.Raw(allow_none=True), required=True)

    def __init__(self, *, max_items: int, max_chars: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_items = max_items
        self.max_chars = max_chars

    @validates_schema
    def _count(self, data: dict[str, Any], **_kwargs: Any) -> None:
        count = len(data["items"])
        if count == 0:
            raise ValidationError({"items": ["The batch is empty; send at least one item."]})
        if count > self.max_items:
            raise ValidationError(
                {
                    "items": [
                        f"The batch has {count} items; the limit is {self.max_items} "
                        "(VERBATIM_MAX_BATCH_ITEMS). Split it into several requests."
                    ]
                }
            )
        # The whole batch runs in one request, within one worker timeout: bound its work.
        chars = sum(
            len(item[name])
            for item in data["items"]
            if isinstance(item, dict)
            for name in ("source", "candidate")
            if isinstance(item.get(name), str)
        )
        if chars > self.max_chars:
            raise ValidationError(
                {
                    "items": [
                        f"The batch's documents have {chars} characters in all; the limit is "
                        f"{self.max_chars} (VERBATIM_MAX_BATCH_CHARS). Split it into several "
                        "requests."
                    ]
                }
            )


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


@dataclass(frozen=True, slots=True)
class BatchItem:
    id: str
    request: VerifyRequest


class BatchItemSchema(RequestSchema):
    """One item of a batch: a verify request with the caller's ``id`` for it."""

    id = fields.String(required=True, validate=validate.Length(min=1, max=ITEM_ID_MAX_LENGTH))
    source = _document_field()
    candidate = _document_field()
    format = _format_field()
    offset_unit = _offset_unit_field()

    @post_load
    def _record(self, data: dict[str, Any], **_kwargs: Any) -> BatchItem:
        item_id = data.pop("id")
        return BatchItem(item_id, VerifyRequest(**data))


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


# ---- problems (RFC 9457) ---------------------------------------------------------------

# marshmallow reports errors about the body as a whole (e.g. a JSON array instead of an
# object) under "_schema"; callers read "body" more easily.
_WHOLE_BODY_KEY = "_schema"
WHOLE_BODY_NAME = "body"


def problem_body(
    status: int, detail: str, errors: Mapping[str, Sequence[str]] | None = None
) -> dict[str, Any]:
    """A problem object; ``type`` is ``about:blank``, so ``title`` is the status phrase."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = {field: list(messages) for field, messages in errors.items()}
    return body


def flatten_errors(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """marshmallow's nested error dict as ``{"field.sub": [messages]}``."""
    if isinstance(messages, Mapping):
        flat: dict[str, list[str]] = {}
        for key, value in messages.items():
            name = WHOLE_BODY_NAME if key == _WHOLE_BODY_KEY else str(key)
            flat.update(flatten_errors(value, f"{prefix}.{name}" if prefix else name))
        return flat
    if isinstance(messages, list) and all(isinstance(item, str) for item in messages):
        return {prefix or WHOLE_BODY_NAME: list(messages)}
    return {prefix or WHOLE_BODY_NAME: [str(messages)]}


def input_problem(error: ValidationError | PipelineError) -> dict[str, Any]:
    """The 422 problem for input the service cannot use: a schema violation, or a document
    the pipeline refused (``TextTooComplex`` names its field)."""
    if isinstance(error, ValidationError):
        return problem_body(
            422,
            "The request does not match the schema; see errors for each field.",
            flatten_errors(error.messages),
        )
    if isinstance(error, TextTooComplex):
        errors = {error.field: [str(error)]} if error.field else None
        return problem_body(422, f"A document could not be processed in time: {error}", errors)
    return problem_body(422, f"A document could not be processed: {error}")


def dump_extract(quotes: tuple[Quote, ...], offset_unit: OffsetUnit) -> dict[str, Any]:
    return cast(dict[str, Any], _DUMP_EXTRACT(ExtractResult(quotes, offset_unit)))


def dump_verify(report: Report, offset_unit: OffsetUnit) -> dict[str, Any]:
    return cast(dict[str, Any], _DUMP_VERIFY(VerifyResult(report, offset_unit)))


# ---- fast dumping ----------------------------------------------------------------------

_Dump = Callable[[Any], Any]


def compile_dump(schema: Schema) -> _Dump:
    """A function giving what ``schema.dump`` gives, built once from the same field list.

    marshmallow walks its generic field machinery for every value it dumps: about 0.9 ms
    for a 22-quote report, as much as a whole pipeline stage, on every request. The schema
    stays the one description of the response shape; this only resolves, ahead of time,
    how each declared field reads and converts its value. Strings, integers and nested
    schemas (alone or in a list) get a direct path; any other field is dumped by the field
    itself, so a field added later comes out the same either way (tests/test_schemas.py
    compares both on real reports). Schemas with dump hooks are refused: none is needed.
    """
    if schema._hooks.get(PRE_DUMP) or schema._hooks.get(POST_DUMP):
        raise TypeError(f"{type(schema).__name__} has hooks; dump it with marshmallow")
    parts = [
        (field.data_key or name, _field_dump(schema, name, field))
        for name, field in schema.dump_fields.items()
    ]

    def dump(obj: Any) -> dict[str, Any]:
        return {key: part(obj) for key, part in parts}

    return dump


def _field_dump(schema: Schema, name: str, field: fields.Field[Any]) -> _Dump:
    if type(schema).get_attribute is Schema.get_attribute:
        read: _Dump = operator.attrgetter(field.attribute or name)
    else:
        def read(obj: Any) -> Any:
            return schema.get_attribute(obj, field.attribute or name, missing)

    convert: _Dump | None = None
    if type(field) is fields.String:
        convert = str
    elif type(field) is fields.Integer and not field.as_string:
        convert = int
    elif type(field) is fields.Nested and not field.many and isinstance(field.schema, Schema):
        convert = compile_dump(field.schema)
    elif type(field) is fields.List and type(field.inner) is fields.Nested \
            and isinstance(field.inner.schema, Schema):
        item = compile_dump(field.inner.schema)

        def convert(values: Any) -> list[Any]:
            return [item(value) for value in values]

    if convert is None:
        def through_field(obj: Any) -> Any:
            return field.serialize(name, obj, accessor=schema.get_attribute)

        return through_field
    checked = convert

    def direct(obj: Any) -> Any:
        value = read(obj)
        return None if value is None else checked(value)

    return direct


_DUMP_EXTRACT = compile_dump(ExtractResponseSchema())
_DUMP_VERIFY = compile_dump(VerifyResponseSchema())
