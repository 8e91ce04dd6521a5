"""One error shape for everything: ``application/problem+json`` (RFC 9457).

``{"type", "title", "status", "detail"}``, plus ``"errors": {field: [messages]}`` when the
problem is about particular request fields. Every exception a request can raise ends here:
HTTP errors keep their status, validation errors are 422, the pipeline's own input errors
are 422, and anything else is a logged 500 that shows the caller no internals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, current_app, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from service.models import PipelineError, TextTooComplex
from service.web.responses import json_response

PROBLEM_MIMETYPE = "application/problem+json"

# marshmallow reports errors about the body as a whole (e.g. a JSON array instead of an
# object) under "_schema"; callers read "body" more easily.
_WHOLE_BODY_KEY = "_schema"
_WHOLE_BODY_NAME = "body"


def problem(
    status: int,
    detail: str,
    *,
    errors: Mapping[str, Sequence[str]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A problem+json response; ``type`` is ``about:blank``, so ``title`` is the status phrase."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = {field: list(messages) for field, messages in errors.items()}
    response = json_response(body, status, PROBLEM_MIMETYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _flatten(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """marshmallow's nested error dict as ``{"field.sub": [messages]}``."""
    if isinstance(messages, Mapping):
        flat: dict[str, list[str]] = {}
        for key, value in messages.items():
            name = _WHOLE_BODY_NAME if key == _WHOLE_BODY_KEY else str(key)
            flat.update(_flatten(value, f"{prefix}.{name}" if prefix else name))
        return flat
    if isinstance(messages, list) and all(isinstance(item, str) for item in messages):
        return {prefix or _WHOLE_BODY_NAME: list(messages)}
    return {prefix or _WHOLE_BODY_NAME: [str(messages)]}


def _http_error(error: HTTPException) -> Response | HTTPException:
    if error.code is None or error.code < 400:
        return error  # routing redirects are responses, not problems
    if isinstance(error, RequestEntityTooLarge):
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        return problem(
            413,
            f"The request body is larger than the limit of {limit} bytes "
            "(VERBATIM_MAX_BODY_BYTES).",
        )
    # Keep the headers that carry meaning (Allow on 405, WWW-Authenticate on 401, ...).
    headers = {name: value for name, value in error.get_headers() if name.lower() != "content-type"}
    return problem(error.code, error.description or HTTPStatus(error.code).phrase, headers=headers)


def _validation_error(error: ValidationError) -> Response:
    return problem(
        422,
        "The request does not match the schema; see errors for each field.",
        errors=_flatten(error.messages),
    )


def _text_too_complex(error: TextTooComplex) -> Response:
    errors = {error.field: [str(error)]} if error.field else None
    return problem(422, f"A document could not be processed in time: {error}", errors=errors)


def _pipeline_error(error: PipelineError) -> Response:
    return problem(422, f"A document could not be processed: {error}")


def _unexpected(error: Exception) -> Response:
    current_app.logger.exception(
        "unhandled %s on %s %s", type(error).__name__, request.method, request.path
    )
    return problem(500, "The server failed to process this request; the error has been logged.")


def register(app: Flask) -> None:
    # Flask picks the handler of the most specific class in the exception's MRO.
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(ValidationError, _validation_error)
    app.register_error_handler(TextTooComplex, _text_too_complex)
    app.register_error_handler(PipelineError, _pipeline_error)
    app.register_error_handler(Exception, _unexpected)
