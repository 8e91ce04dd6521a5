"""CORS for the browser-based CMS editors listed in ``VERBATIM_CORS_ORIGINS``.

An editor's JavaScript on ``https://cms.example.com`` may call the API only if the response
names its origin. No origins configured: no CORS headers, and browsers keep other sites'
scripts out (server-to-server callers are unaffected). Credentials are never allowed: the
API key travels in an explicit ``Authorization`` header, not in cookies.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request

from service.web.observability import REQUEST_ID_HEADER

ALLOWED_HEADERS = f"Authorization, Content-Type, {REQUEST_ID_HEADER}"
# Preflight answers may be cached this long by the browser (seconds).
PREFLIGHT_MAX_AGE = "600"


def _add_headers(response: Response) -> Response:
    origins: tuple[str, ...] = current_app.config.get("CORS_ORIGINS") or ()
    if not origins:
        return response
    # The answer depends on Origin: shared caches must not hand one site's answer to another.
    response.vary.add("Origin")
    origin = request.headers.get("Origin")
    if origin is None:
        return response
    if "*" in origins:
        allowed = "*"
    elif origin.rstrip("/") in origins:
        allowed = origin
    else:
        return response
    response.headers["Access-Control-Allow-Origin"] = allowed
    response.headers["Access-Control-Expose-Headers"] = REQUEST_ID_HEADER
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
        response.headers["Access-Control-Allow-Methods"] = response.headers.get("Allow", "POST")
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    return response


def register(app: Flask) -> None:
    app.after_request(_add_headers)
