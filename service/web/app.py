"""The Flask application factory."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from flask import Flask

from service import pipeline, resources
from service.web import (
    api,
    auth,
    config,
    cors,
    docs,
    errors,
    logs,
    observability,
    ops,
    review,
    stall,
)

logger = logging.getLogger("service")

# Run once at start so that readiness means "the rules compiled and produced an answer",
# and so that, with gunicorn's preload_app, any lazy initialisation happens before the fork.
_WARM_UP_SOURCE = '"We will reopen the bridge by Friday," Mayor Ana Ruiz said on Monday.'
_WARM_UP_CANDIDATE = 'Mayor Ana Ruiz said: "We will reopen the bridge by Friday."'


def _warm_up() -> str:
    """Why the pipeline is not usable, or ``""`` when it is."""
    try:
        pipeline.extract(_WARM_UP_SOURCE, "text")
        pipeline.verify(_WARM_UP_SOURCE, _WARM_UP_CANDIDATE, "text")
    except Exception as error:  # readiness must report any failure, not crash the factory
        logger.exception("warm-up run of the pipeline failed")
        return f"{type(error).__name__}: {error}"
    return ""


def create_app(overrides: Mapping[str, Any] | None = None) -> Flask:
    app = Flask("service")
    app.config.from_mapping(config.load(overrides))
    # Before anything touches app.logger (the "service" logger): Flask then adds no handler
    # of its own, and every line, the errors' included, is JSON.
    logs.configure(logger, app.config["LOG_LEVEL"])
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]

    reason = _warm_up()
    app.extensions[ops.EXTENSION] = ops.State(
        ready=not reason,
        not_ready_reason=reason,
        openapi=resources.openapi_path().read_bytes(),
    )
    errors.register(app)
    # First: a request turned away by authentication still gets its id, log line and count.
    observability.register(app)
    stall.register(app)
    cors.register(app)
    auth.register(app)
    app.register_blueprint(ops.bp)
    docs.register(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(review.bp)
    return app
