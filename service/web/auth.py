"""Optional API keys: ``Authorization: Bearer <key>`` against ``VERBATIM_API_KEYS``.

With no keys configured the service is open (and says so in a warning at start): a
newsroom running it on a private network behind its CMS may want exactly that. With keys,
every route needs one except those an orchestrator, a scraper or a person reading the API
reference must reach without a secret: health probes, metrics, the OpenAPI document and the
``/docs`` page with its assets. CORS preflight requests carry no credentials by design and
are answered without one too.
"""

from __future__ import annotations

import hashlib
import hmac
import logging

from flask import Flask, current_app, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Unauthorized

from service.web import logs

logger = logging.getLogger("service")

# Endpoints (blueprint.view) reachable without a key.
OPEN_ENDPOINTS = frozenset(
    {"ops.livez", "ops.readyz", "ops.metrics", "ops.openapi", "docs.page", "docs.asset"}
)
_SCHEME = "bearer"
REALM = "verbatim"


def _digest(key: str) -> bytes:
    # Comparing fixed-length digests keeps compare_digest's time independent of the key's
    # length as well as its content.
    return hashlib.sha256(key.encode("utf-8")).digest()


def key_matches(sent: str, digests: tuple[bytes, ...]) -> bool:
    """Whether ``sent`` is one of the keys; every key is compared, so the time taken does
    not tell which key (or how much of one) matched."""
    sent_digest = _digest(sent)
    matched = False
    for digest in digests:
        matched |= hmac.compare_digest(sent_digest, digest)
    return matched


def _unauthorized(detail: str, *, invalid: bool = False) -> Unauthorized:
    # RFC 6750: the challenge names the realm, and error=invalid_token when a key was sent
    # but is wrong (so a client knows retrying with the same key is pointless).
    parameters: dict[str, str | None] = {"realm": REALM}
    if invalid:
        parameters["error"] = "invalid_token"
    return Unauthorized(detail, www_authenticate=WWWAuthenticate("Bearer", parameters))


def _require_key() -> None:
    digests: tuple[bytes, ...] = current_app.extensions[_EXTENSION]
    if not digests or request.method == "OPTIONS" or request.endpoint in OPEN_ENDPOINTS:
        return
    header = request.headers.get("Authorization", "")
    scheme, _, credentials = header.partition(" ")
    if not header:
        raise _unauthorized("This service requires an API key: send Authorization: Bearer <key>.")
    if scheme.lower() != _SCHEME or not credentials.strip():
        raise _unauthorized("Send the API key as Authorization: Bearer <key>.")
    if not key_matches(credentials.strip(), digests):
        raise _unauthorized("The API key is not valid.", invalid=True)


_EXTENSION = "verbatim.api_keys"


def register(app: Flask) -> None:
    keys: tuple[str, ...] | None = app.config.get("API_KEYS")
    app.extensions[_EXTENSION] = tuple(_digest(key) for key in keys or ())
    if not keys:
        logger.warning(
            "VERBATIM_API_KEYS is not set: the API accepts requests without authentication",
            extra={logs.FIELDS: {"event": "auth_disabled"}},
        )
    app.before_request(_require_key)
