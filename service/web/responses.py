"""JSON responses written one way everywhere: UTF-8, not ASCII-escaped, fields in order."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app

JSON_MIMETYPE = "application/json"


def json_response(body: Any, status: int = 200, mimetype: str = JSON_MIMETYPE) -> Response:
    # The app's JSON provider carries the settings (ensure_ascii and sort_keys off).
    return Response(current_app.json.dumps(body) + "\n", status=status, mimetype=mimetype)
