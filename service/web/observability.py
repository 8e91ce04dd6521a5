"""Per-request bookkeeping: the request id, one JSON access-log line, the HTTP metrics.

Registered on the app before anything else (``app.py``), so even a request that
authentication or routing turns away gets its id, its log line and its count.
"""

from __future__ import annotations

import logging
import time
import uuid

import regex
from flask import Flask, Response, g, request

from service.web import logs, metrics

REQUEST_ID_HEADER = "X-Request-ID"
# What we accept from a caller (or a proxy in front of us): UUIDs, hex and base64 ids, trace
# ids like "Root=1-5f84c7a4-...". No spaces, quotes or control characters, so the id is safe to
# echo in a header and to write into a log line; bounded, so it cannot bloat every line.
REQUEST_ID = regex.compile(r"[A-Za-z0-9._:=+/-]{1,128}")

access_log = logging.getLogger("service.access")


def _request_id() -> tuple[str, bool]:
    """The caller's id when valid, else a fresh one; and whether the caller's was refused."""
    sent = request.headers.get(REQUEST_ID_HEADER)
    if sent is not None and REQUEST_ID.fullmatch(sent):
        return sent, False
    return uuid.uuid4().hex, sent is not None


def _start() -> None:
    g.started = time.perf_counter()
    g.request_id, g.request_id_refused = _request_id()
    g.request_id_token = logs.REQUEST_ID.set(g.request_id)


def _finish(response: Response) -> Response:
    elapsed = time.perf_counter() - g.get("started", time.perf_counter())
    response.headers[REQUEST_ID_HEADER] = g.request_id
    endpoint = request.url_rule.rule if request.url_rule is not None else None
    label = endpoint or metrics.UNMATCHED_ENDPOINT
    metrics.REQUESTS.labels(label, request.method, str(response.status_code)).inc()
    metrics.LATENCY.labels(label, request.method).observe(elapsed)
    fields = {
        "type": "access",
        "method": request.method,
        "path": request.path,
        "endpoint": endpoint,
        "status": response.status_code,
        "duration_ms": round(elapsed * 1000, 2),
        "request_bytes": request.content_length,
        "response_bytes": response.calculate_content_length(),
        "remote_addr": request.remote_addr,
        "user_agent": request.user_agent.string or None,
    }
    if g.request_id_refused:
        fields["request_id_refused"] = True
    access_log.info(
        "%s %s %s", request.method, request.path, response.status_code, extra={logs.FIELDS: fields}
    )
    return response


def _forget(_error: BaseException | None) -> None:
    token = g.pop("request_id_token", None)
    if token is not None:
        logs.REQUEST_ID.reset(token)


def register(app: Flask) -> None:
    app.before_request(_start)
    app.after_request(_finish)
    app.teardown_request(_forget)
