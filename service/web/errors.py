"""One error shape for everything: ``application/problem+json`` (RFC 9457).

``{"type", "title", "status", "detail"}``, plus ``"errors": {field: [messages]}`` when the
problem is about particular request fields. Every exception a request can raise ends here:
HTTP errors keep their status, validation errors are 422, the pipeline's own input errors
are 422, and anything else is a logged 500 that shows the caller no internals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from http import HTTPStatus

from flask import Flask, Response, current_app, request
from marshmallow import ValidationError
from werkzeug.exceptions import ClientDisconnected, HTTPException, RequestEntityTooLarge

from service.models import PipelineError
from service.web import stall
from service.web.responses import json_response
from service.web.schemas import input_problem, problem_body

PROBLEM_MIMETYPE = "application/problem+json"


def problem(
    status: int,
    detail: str,
    *,
    errors: Mapping[str, Sequence[str]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A problem+json response (``schemas.problem_body``)."""
    response = json_response(problem_body(status, detail, errors), status, PROBLEM_MIMETYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


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
    if isinstance(error, ClientDisconnected):
        # werkzeug raises it from inside the failed read, so the cause is the context.
        if isinstance(error.__context__, TimeoutError):
            return problem(
                408,
                "The request body stopped arriving: no bytes for "
                f"{stall.idle_timeout(int(current_app.config['TIMEOUT'])):g} seconds.",
            )
        return problem(400, "The request body ended before the length its headers announced.")
    # Keep the headers that carry meaning (Allow on 405, WWW-Authenticate on 401, ...).
    headers = {name: value for name, value in error.get_headers() if name.lower() != "content-type"}
    return problem(error.code, error.description or HTTPStatus(error.code).phrase, headers=headers)


def _input_error(error: ValidationError | PipelineError) -> Response:
    body = input_problem(error)
    return json_response(body, body["status"], PROBLEM_MIMETYPE)


def _unexpected(error: Exception) -> Response:
    current_app.logger.exception(
        "unhandled %s on %s %s", type(error).__name__, request.method, request.path
    )
    return problem(500, "The server failed to process this request; the error has been logged.")


def register(app: Flask) -> None:
    # Flask picks the handler of the most specific class in the exception's MRO.
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(ValidationError, _input_error)
    app.register_error_handler(PipelineError, _input_error)
    app.register_error_handler(Exception, _unexpected)
