"""Shared fixtures: the app, a test client that holds every response to openapi.yaml, and
small invented news documents.

Every response any test receives through ``client`` (or an app made by ``make_app``) is
validated against ``openapi.yaml`` with openapi-core before the test sees it, so a field the
code emits but the spec does not describe (or the reverse) fails the suite. Responses to
paths or methods the spec does not have (404, 405) must still be problems of the spec's
``Problem`` shape.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient
from openapi_core import Config, OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_core.templating.paths.exceptions import PathError
from openapi_schema_validator import OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from werkzeug.test import TestResponse

from service import create_app

REPO = Path(__file__).resolve().parents[1]
SPEC_PATH = REPO / "openapi.yaml"
SEEDS = REPO.parent / "shared" / "seeds"
PROBLEM_MIMETYPE = "application/problem+json"
_SPEC_URI = "urn:verbatim:openapi"


def _utf8(data: bytes) -> str:
    return data.decode("utf-8")


@cache
def openapi_spec() -> OpenAPI:
    # openapi-core decodes application/json only; problems are JSON too (RFC 9457).
    # Text documents (the YAML spec, the review page's assets) are described as strings:
    # check that they decode as UTF-8.
    as_text = {
        mimetype: _utf8
        for mimetype in ("application/yaml", "text/css", "text/javascript", "text/plain")
    }
    config = Config(extra_media_type_deserializers={PROBLEM_MIMETYPE: json.loads, **as_text})
    return OpenAPI.from_path(SPEC_PATH, config=config)


@cache
def spec_document() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


def component_validator(name: str) -> OAS31Validator:
    """A JSON Schema validator for ``#/components/schemas/<name>``, $refs resolved."""
    spec = Resource.from_contents(spec_document(), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(_SPEC_URI, spec)
    return OAS31Validator({"$ref": f"{_SPEC_URI}#/components/schemas/{name}"}, registry=registry)


class _SentRequest(WerkzeugOpenAPIRequest):
    """The request as openapi-core sees it when judging the response.

    The app has already consumed the body stream, and response validation needs only the
    path and method (requests are deliberately malformed in many tests).
    """

    @property
    def body(self) -> bytes | None:
        return None


def assert_matches_spec(response: TestResponse) -> None:
    """Raise if ``response`` is not what openapi.yaml says this request can get."""
    request = _SentRequest(response.request)
    try:
        openapi_spec().validate_response(request, WerkzeugOpenAPIResponse(response))
    except PathError:  # no such path, method or server in the spec
        # Not an operation of the API: only a 404/405 problem is an acceptable answer.
        assert response.status_code in (404, 405), (
            f"{response.request.method} {response.request.path} is not in openapi.yaml "
            f"but answered {response.status_code}"
        )
        assert response.mimetype == PROBLEM_MIMETYPE
        component_validator("Problem").validate(json.loads(response.get_data()))


class SpecCheckedClient(FlaskClient):
    """A Flask test client whose every response has passed ``assert_matches_spec``."""

    def open(self, *args: Any, **kwargs: Any) -> TestResponse:
        response = super().open(*args, **kwargs)
        assert_matches_spec(response)
        return response


AppFactory = Callable[..., Flask]


@pytest.fixture(autouse=True)
def _every_test_client_checks_the_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any app's ``test_client()`` in any test, not only ``client``, checks the spec."""
    monkeypatch.setattr(Flask, "test_client_class", SpecCheckedClient)


@pytest.fixture
def make_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[AppFactory]:
    """Build an app with config overrides; the environment cannot leak into tests."""
    for name in list(os.environ):
        if name.startswith("VERBATIM_"):
            monkeypatch.delenv(name)

    def build(overrides: Mapping[str, Any] | None = None) -> Flask:
        return create_app({"TESTING": True, **(overrides or {})})

    yield build


@pytest.fixture
def app(make_app: AppFactory) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def stop_gracefully(process: subprocess.Popen[bytes], timeout: float = 40) -> int:
    """SIGTERM a server and wait for it (longer than gunicorn's graceful_timeout); kill it
    only if it does not stop, so a hung server cannot hang the suite. Its exit status."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            return process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.wait()


# ---- invented news fixtures --------------------------------------------------------------
# Written for these tests; they exercise the HTTP layer, not the quality of the rules.

HARBOUR_SOURCE = (
    "Port authority approves harbour dredging\n\n"
    "The port authority on Tuesday approved a €40 million plan to deepen the harbour "
    "channel. “The ships that call here today are twice the size they were in 1990,” "
    "said Ingrid Solberg, the authority's director. “Without a deeper channel we lose "
    "them to Rotterdam.”\n\n"
    "Fishermen's groups objected. “Nobody asked us where the silt will go,” said Tomas "
    "Berg, who chairs the local fishing cooperative.\n"
)
HARBOUR_CANDIDATE = (
    "Harbour to be dredged\n\n"
    "A €40 million plan to deepen the harbour channel was approved on Tuesday. "
    '"The ships that call here today are three times the size they were in 1990," '
    "said Ingrid Solberg, the authority's director.\n\n"
    '"Nobody asked us where the silt will go," said Tomas Berg, who chairs the local '
    "fishing cooperative.\n"
)
