"""Verbatim: checks whether a rewritten news article kept its quotes.

The core (``service.pipeline`` and the stage modules) is plain Python with no web framework;
``create_app`` imports Flask only when called, so the CLI and batch jobs never load it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

__all__ = ["create_app"]


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The WSGI application (``gunicorn 'service:create_app()'``).

    ``config`` overrides the defaults and the ``VERBATIM_*`` environment variables.
    """
    from service.web.app import create_app as create_web_app

    return create_web_app(config)
