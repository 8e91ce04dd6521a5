"""``GET /docs``: the API reference (Swagger UI over ``/openapi.yaml``), served offline.

Swagger UI's files come from the ``swagger-ui-py`` package (Swagger UI 5, which reads
OpenAPI 3.1), not from a CDN: a newsroom's internal network, or a laptop on a train, must
be able to read the reference. Only the files the page uses are served, read once at start;
the stylesheet's ``sourceMappingURL`` comment is dropped because the map it names is not
shipped, and a page must not point at files we cannot serve.
"""

from __future__ import annotations

import html
import mimetypes
from dataclasses import dataclass
from pathlib import Path

import regex
import swagger_ui  # type: ignore[import-untyped]
from flask import Blueprint, Flask, Response, current_app, url_for
from werkzeug.exceptions import NotFound

bp = Blueprint("docs", __name__)

_EXTENSION = "verbatim.docs"
_SWAGGER_DIR = Path(swagger_ui.__file__).resolve().parent / "static"
_OWN_DIR = Path(__file__).resolve().parent / "assets"
STYLESHEET = "swagger-ui.css"
BUNDLE = "swagger-ui-bundle.js"
INITIALISER = "docs.js"
ICONS = ("favicon-32x32.png", "favicon-16x16.png")
_FILES: dict[str, Path] = {
    STYLESHEET: _SWAGGER_DIR / STYLESHEET,
    BUNDLE: _SWAGGER_DIR / BUNDLE,
    **{icon: _SWAGGER_DIR / icon for icon in ICONS},
    INITIALISER: _OWN_DIR / INITIALISER,
}
_SOURCE_MAP_COMMENT = regex.compile(
    rb"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=[^*\s]+\s*\*/)\s*$"
)
_MIMETYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}

# Swagger UI sets style attributes from script, so styles need 'unsafe-inline'; scripts do not.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)


@dataclass(frozen=True, slots=True)
class Asset:
    content: bytes
    mimetype: str


def _load(path: Path) -> Asset:
    content = _SOURCE_MAP_COMMENT.sub(b"\n", path.read_bytes())
    mimetype = _MIMETYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
    return Asset(content, mimetype or "application/octet-stream")


def load_assets() -> dict[str, Asset]:
    return {name: _load(path) for name, path in _FILES.items()}


def _page() -> str:
    def asset(name: str) -> str:
        return html.escape(url_for("docs.asset", filename=name))

    icons = "\n".join(
        f'    <link rel="icon" type="image/png" href="{asset(icon)}" sizes="{icon[8:-4]}">'
        for icon in ICONS
    )
    spec = html.escape(url_for("ops.openapi"))
    return f"""<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Verbatim API reference</title>
    <link rel="stylesheet" href="{asset(STYLESHEET)}">
{icons}
  </head>
  <body>
    <div id="swagger-ui" data-spec-url="{spec}"></div>
    <script src="{asset(BUNDLE)}"></script>
    <script src="{asset(INITIALISER)}"></script>
  </body>
</html>
"""


def _secured(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/docs")
def page() -> Response:
    return _secured(Response(_page(), mimetype="text/html"))


@bp.get("/docs/assets/<filename>")
def asset(filename: str) -> Response:
    assets: dict[str, Asset] = current_app.extensions[_EXTENSION]
    found = assets.get(filename)
    if found is None:
        raise NotFound(f"/docs has no asset named {filename!r}.")
    response = Response(found.content, mimetype=found.mimetype)
    # The files change only with the installed package; let browsers keep them for a day.
    response.cache_control.public = True
    response.cache_control.max_age = 86400
    return _secured(response)


def register(app: Flask) -> None:
    app.extensions[_EXTENSION] = load_assets()
    app.register_blueprint(bp)
