"""Operational endpoints: liveness, readiness, metrics and the OpenAPI document."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response, current_app

from service.web import metrics
from service.web.errors import problem
from service.web.responses import json_response

bp = Blueprint("ops", __name__)

EXTENSION = "verbatim"


@dataclass(frozen=True, slots=True)
class State:
    """What the app factory learnt at start: whether the rules ran, and the API description."""

    ready: bool
    not_ready_reason: str
    openapi: bytes


def state() -> State:
    found: State = current_app.extensions[EXTENSION]
    return found


@bp.get("/livez")
def livez() -> Response:
    return json_response({"status": "ok"})


@bp.get("/readyz")
def readyz() -> Response:
    current = state()
    if not current.ready:
        return problem(503, f"The extraction rules are not loaded: {current.not_ready_reason}")
    return json_response({"status": "ready"})


@bp.get("/openapi.yaml")
def openapi() -> Response:
    return Response(state().openapi, mimetype="application/yaml")


@bp.get("/metrics", endpoint="metrics")
def metrics_text() -> Response:
    return Response(metrics.exposition(), content_type=metrics.CONTENT_TYPE)
