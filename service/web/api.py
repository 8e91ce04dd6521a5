"""The versioned API: ``POST /v1/extract``, ``POST /v1/verify`` and ``POST /v1/verify/batch``.

Views only translate HTTP to and from the pipeline: read a JSON body, load it through a
schema, call ``service.pipeline``, convert offsets to the unit asked for, dump the records.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, current_app, request
from marshmallow import ValidationError
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

from service import batch, offsets, pipeline
from service.models import TextTooComplex
from service.web import metrics, review
from service.web.responses import json_response
from service.web.schemas import (
    BatchRequestSchema,
    ExtractRequestSchema,
    RequestSchema,
    VerifyRequestSchema,
    dump_extract,
    dump_verify,
)

bp = Blueprint("api", __name__, url_prefix="/v1")


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads keeps the last of two equal keys; we refuse to pick one silently.
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise _DuplicateKey(key)
        obj[key] = value
    return obj


@bp.before_request
def _no_query_parameters() -> None:
    """The API takes everything in the body; a query parameter would be silently ignored."""
    if request.args:
        raise ValidationError(
            {
                f"query.{name}": ["Unknown query parameter; send fields in the JSON body."]
                for name in request.args
            }
        )


# No field of the API is a number, so an integer's value never matters, only that it is not
# a string. Past this many digits it is parsed as a float: int() of a long digit string
# costs time quadratic in its length, and Python refuses more than 4,300 digits (a
# ValueError that would tell the caller their valid JSON is invalid).
_MAX_INT_DIGITS = 64


def _json_int(digits: str) -> int | float:
    return int(digits) if len(digits) <= _MAX_INT_DIGITS else float(digits)


def _not_json_constant(name: str) -> Any:
    # json.loads accepts NaN and Infinity by default; RFC 8259 has no such tokens.
    raise ValueError(f"{name} is not a JSON value")


def _json_body() -> Any:
    """The request body parsed as JSON, or the 415/400/413 problem that explains why not."""
    if not request.is_json:
        sent = request.mimetype or "no Content-Type"
        raise UnsupportedMediaType(f"Send the request body as application/json, not {sent}.")
    body = request.get_data(cache=False)  # beyond MAX_CONTENT_LENGTH this raises 413
    if not body.strip():
        raise BadRequest("The request body is empty; send a JSON object.")
    try:
        return json.loads(
            body,
            object_pairs_hook=_unique_keys,
            parse_int=_json_int,
            parse_constant=_not_json_constant,
        )
    except _DuplicateKey as duplicate:
        raise ValidationError({duplicate.key: ["Duplicate field: sent more than once."]}) from None
    except RecursionError:
        raise BadRequest("The request body is nested too deeply to be parsed.") from None
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError alike
        raise BadRequest(f"The request body is not valid JSON: {error}.") from None


def _load(schema_class: type[RequestSchema]) -> Any:
    schema = schema_class(max_document_chars=current_app.config["MAX_DOCUMENT_CHARS"])
    return schema.load(_json_body())


@bp.post("/extract")
def extract() -> Response:
    job = _load(ExtractRequestSchema)
    try:
        quotes = pipeline.extract(job.text, job.format)
    except TextTooComplex as error:
        raise TextTooComplex(str(error), field=error.field or "text") from error
    metrics.record_extract(len(quotes))
    return json_response(
        dump_extract(offsets.quotes_in_unit(job.text, quotes, job.offset_unit), job.offset_unit)
    )


@bp.post("/verify")
def verify() -> Response:
    job = _load(VerifyRequestSchema)
    report = pipeline.verify(job.source, job.candidate, job.format)
    metrics.record_verify(report)
    if review.wants_html():  # the self-contained review page instead of JSON
        return review.report_page(report, job.source, job.candidate, job.format)
    converted = offsets.report_in_unit(job.source, job.candidate, report, job.offset_unit)
    return json_response(dump_verify(converted, job.offset_unit))


@bp.post("/verify/batch")
def verify_batch() -> Response:
    """One result or one problem per item, in request order; the batch itself fails only
    when the request as a whole is unusable (not JSON, too large, no ``items`` list, too
    many items or characters)."""
    schema = BatchRequestSchema(
        max_items=current_app.config["MAX_BATCH_ITEMS"],
        max_chars=current_app.config["MAX_BATCH_CHARS"],
    )
    envelope = schema.load(_json_body())
    results = []
    succeeded = 0
    for outcome in batch.verify_items(
        envelope["items"], max_document_chars=current_app.config["MAX_DOCUMENT_CHARS"]
    ):
        metrics.BATCH_ITEMS.labels(str(outcome.status)).inc()
        if outcome.report is not None:
            metrics.record_verify(outcome.report, "verify_batch")
            succeeded += 1
        results.append(outcome.as_json())
    summary = {"items": len(results), "succeeded": succeeded, "failed": len(results) - succeeded}
    return json_response({"summary": summary, "results": results})
