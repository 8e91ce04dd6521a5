"""The review page editors use: ``GET /`` shows the form, ``POST /`` verifies and shows the report.

A plain HTML form posted to the page itself, so it works without JavaScript. The view only
translates the form to the same request record the API loads (same schema, same limits) and
the pipeline's report to HTML through ``service.review``; it holds no rules of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import regex
from flask import Blueprint, Response, current_app, request, url_for
from marshmallow import ValidationError
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import RequestEntityTooLarge

from service import pipeline, review
from service.models import Format, PipelineError, Report, TextTooComplex
from service.web.formtext import StrictFormDataParser, UndecodableText
from service.web.schemas import VerifyRequestSchema

bp = Blueprint(
    "review",
    __name__,
    static_folder=str(review.STATIC_DIR),
    static_url_path="/assets/review",
)

DOCUMENT_FIELDS = ("source", "candidate")
HTML_MIMETYPE = "text/html"
# Browsers submit a textarea with CRLF line breaks whatever was pasted (HTML's form
# serialisation); turning them back into LF gives the pipeline the text the person pasted.
_CRLF = regex.compile(r"\r\n?")


@bp.before_request
def _parse_form_strictly() -> None:
    # Set per request, before the view reads the form: only this page takes form bodies, and
    # text it cannot decode must reach the view marked as such, not repaired (see formtext).
    request.form_data_parser_class = StrictFormDataParser


@bp.after_request
def _protect(response: Response) -> Response:
    # The page shows caller documents: no inline code may run, and nothing is cached.
    response.headers.setdefault("Content-Security-Policy", review.SERVED_CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    if request.method == "POST":
        response.headers["Cache-Control"] = "no-store"
    return response


def _page(form: review.FormState, report_html: str | None, status: int) -> Response:
    body = review.render_form_page(
        form,
        report_html,
        stylesheet_url=url_for("review.static", filename=review.STYLESHEET),
        script_url=url_for("review.static", filename=review.SCRIPT),
    )
    return Response(body, status=status, mimetype=HTML_MIMETYPE)


@bp.get("/")
def form() -> Response:
    return _page(review.FormState(), None, 200)


def _read_upload(upload: FileStorage | None) -> str | None:
    """The uploaded file's text, or None when no file was chosen; raises on undecodable bytes."""
    if upload is None or not upload.filename:
        return None
    data: bytes = upload.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            f"The file {upload.filename!r} is not UTF-8 text (byte {error.start} is invalid)."
        ) from None


def _undecodable(value: str) -> list[str]:
    """Why a text field's value is refused: ``[]`` for text, one message for undecodable bytes."""
    if not isinstance(value, UndecodableText):
        return []
    charset = value.charset.upper()
    return [f"The text sent is not {charset} (byte {value.position} is invalid)."]


def _documents(form: Mapping[str, str], files: Mapping[str, FileStorage]) -> dict[str, Any]:
    """The form's fields as the API's request body: an uploaded file wins over the text box."""
    body: dict[str, Any] = {"format": form.get("format", "text")}
    errors: dict[str, list[str]] = {}
    if problems := _undecodable(body["format"]):
        errors["format"] = problems
    for name in DOCUMENT_FIELDS:
        try:
            uploaded = _read_upload(files.get(f"{name}_file"))
        except ValidationError as error:
            errors[name] = [str(message) for message in error.messages]
            continue
        if uploaded is not None:
            body[name] = uploaded
        elif problems := _undecodable(form.get(name, "")):
            errors[name] = problems
        else:
            body[name] = _CRLF.sub("\n", form.get(name, ""))
    if errors:
        raise ValidationError(errors)
    return body


def _field_errors(error: ValidationError) -> dict[str, tuple[str, ...]]:
    messages = error.messages if isinstance(error.messages, dict) else {"body": error.messages}
    return {
        str(field): tuple(str(item) for item in (value if isinstance(value, list) else [value]))
        for field, value in messages.items()
    }


def _shown_again(value: str) -> str:
    # Undecodable text comes back empty: shown with U+FFFD in place of the bad bytes, it would
    # be accepted when resubmitted, silently becoming text the caller never wrote.
    return "" if isinstance(value, UndecodableText) else value


@bp.post("/")
def verify() -> Response:
    try:
        form_data, files = request.form, request.files
    except RequestEntityTooLarge:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        state = review.FormState(
            errors={"body": (f"The documents are larger than the limit of {limit} bytes.",)}
        )
        return _page(state, None, 413)
    fmt = form_data.get("format", "text")
    try:
        body = _documents(form_data, files)
        schema = VerifyRequestSchema(max_document_chars=current_app.config["MAX_DOCUMENT_CHARS"])
        job = schema.load(body)
    except ValidationError as error:
        state = review.FormState(
            source=_shown_again(form_data.get("source", "")),
            candidate=_shown_again(form_data.get("candidate", "")),
            fmt=fmt,
            errors=_field_errors(error),
        )
        return _page(state, None, 422)
    state = review.FormState(source=job.source, candidate=job.candidate, fmt=job.format)
    try:
        report = pipeline.verify(job.source, job.candidate, job.format)
    except TextTooComplex as error:
        return _page(replace(state, errors={error.field or "body": (str(error),)}), None, 422)
    except PipelineError as error:
        problem = f"A document could not be processed: {error}"
        return _page(replace(state, errors={"body": (problem,)}), None, 422)
    report_html = review.render_report(
        report, job.source, job.candidate, standalone=False, fmt=job.format
    )
    return _page(state, report_html, 200)


def wants_html() -> bool:
    """Whether the caller of an API endpoint asked for the HTML report over JSON.

    JSON stays the default: ``*/*`` (curl) and a missing Accept header both get JSON; only an
    Accept that ranks ``text/html`` above ``application/json`` gets the page.
    """
    if not request.accept_mimetypes:
        return False
    best = request.accept_mimetypes.best_match(["application/json", HTML_MIMETYPE])
    return best == HTML_MIMETYPE


def report_page(report: Report, source: str, candidate: str, fmt: Format) -> Response:
    """The self-contained report page (CSS and JS inline) as an HTTP response."""
    page = review.render_report(report, source, candidate, standalone=True, fmt=fmt)
    response = Response(page, mimetype=HTML_MIMETYPE)
    response.headers["Content-Security-Policy"] = review.inline_assets().csp
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    return response
