"""openapi.yaml is the truth: valid OpenAPI 3.1, true to contract.md and to the code.

The ``client`` fixture validates every response against the spec; these tests make sure
that check can fail, and that the spec, the routes, the marshmallow schemas and the records
in service.models name the same things.
"""

from __future__ import annotations

import json
import re
from typing import Any, get_args

import jsonschema
import pytest
from flask import Flask
from flask.testing import FlaskClient
from marshmallow import Schema
from openapi_core.validation.response.exceptions import InvalidData
from openapi_spec_validator import validate
from werkzeug.test import TestResponse

from service import models
from service.web import schemas
from tests.conftest import (
    HARBOUR_CANDIDATE,
    HARBOUR_SOURCE,
    assert_matches_spec,
    component_validator,
    spec_document,
)


def test_spec_is_valid_openapi_3_1() -> None:
    spec = spec_document()
    assert spec["openapi"].startswith("3.1.")
    validate(spec)


def _flask_path(rule: str) -> str:
    return re.sub(r"<(?:[a-z]+:)?(\w+)>", r"{\1}", rule)


def test_spec_paths_are_exactly_the_routes_of_the_app(app: Flask) -> None:
    routes: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":  # Flask's default static folder; the app has none
            continue
        methods = (rule.methods or set()) - {"HEAD", "OPTIONS"}
        routes.setdefault(_flask_path(rule.rule), set()).update(m.lower() for m in methods)
    documented = {
        path: set(item) - {"parameters"} for path, item in spec_document()["paths"].items()
    }
    assert documented == routes


def test_statuses_and_enums_match_the_models() -> None:
    components = spec_document()["components"]["schemas"]
    assert components["Status"]["enum"] == list(models.STATUSES)
    assert components["Format"]["enum"] == list(get_args(models.Format))
    assert components["OffsetUnit"]["enum"] == list(get_args(models.OffsetUnit))
    assert components["Change"]["properties"]["op"]["enum"] == list(get_args(models.ChangeOp))
    assert components["QuoteFields"]["properties"]["kind"]["enum"] == list(
        get_args(models.QuoteKind)
    )
    verdict = components["Verdict"]["properties"]
    assert verdict["speaker"]["properties"]["match"]["enum"] == list(get_args(models.SpeakerMatch))
    assert verdict["severity"]["oneOf"][0]["enum"] == list(get_args(models.Severity))
    assert set(components["Summary"]["required"]) == {
        "quotes", *models.STATUSES, "dropped",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("component", "schema"),
    [
        ("Span", schemas.SpanSchema),
        ("Speaker", schemas.SpeakerSchema),
        ("QuoteFields", schemas.QuoteSchema),
        ("Change", schemas.ChangeSchema),
        ("Wording", schemas.WordingSchema),
        ("Verdict", schemas.VerdictSchema),
        ("Summary", schemas.SummarySchema),
        ("ExtractResponse", schemas.ExtractResponseSchema),
        ("VerifyResponse", schemas.VerifyResponseSchema),
        ("ExtractRequest", schemas.ExtractRequestSchema),
        ("VerifyRequest", schemas.VerifyRequestSchema),
    ],
)
def test_marshmallow_schemas_have_the_spec_fields_in_the_spec_order(
    component: str, schema: type[Schema]
) -> None:
    properties = list(spec_document()["components"]["schemas"][component]["properties"])
    assert list(schema._declared_fields) == properties


def test_dropped_quote_is_a_quote_plus_evidence() -> None:
    components = spec_document()["components"]["schemas"]
    assert list(components["DroppedQuote"]["properties"]) == ["evidence"]
    assert list(schemas.DroppedQuoteSchema._declared_fields) == [
        *schemas.QuoteSchema._declared_fields,
        "evidence",
    ]


# The contract's Quote object, with each field as contract.md shows it.
CONTRACT_QUOTE: dict[str, Any] = {
    "id": "q3",
    "text": "We lose them to Rotterdam.",
    "start": 120,
    "end": 146,
    "speaker": {"name": "Ingrid Solberg", "mention": {"text": "she", "start": 149, "end": 152}},
    "cue": {"text": "said", "start": 153, "end": 157},
    "kind": "quotation",
}


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        ({}, True),
        ({"speaker": None, "cue": None}, True),
        ({"kind": "heading"}, True),
        ({"surprise": 1}, False),  # undocumented field
        ({"start": "120"}, False),
        ({"kind": "headline"}, False),
        ({"speaker": {"name": "Ingrid Solberg"}}, False),
    ],
)
def test_quote_schema_accepts_the_contract_and_nothing_else(
    change: dict[str, Any], valid: bool
) -> None:
    quote = {**CONTRACT_QUOTE, **change}
    assert component_validator("Quote").is_valid(quote) is valid


def _response(client: FlaskClient) -> TestResponse:
    return client.post(
        "/v1/verify", json={"source": HARBOUR_SOURCE, "candidate": HARBOUR_CANDIDATE}
    )


def _tampered(response: TestResponse, edit: Any) -> TestResponse:
    body = response.get_json()
    edit(body)
    response.set_data(json.dumps(body))
    return response


@pytest.mark.parametrize(
    "edit",
    [
        lambda body: body.update(extra=1),
        lambda body: body["summary"].pop("dropped"),
        lambda body: body.update(offset_unit="bytes"),
        lambda body: body["summary"].update(intact=-1),
        lambda body: body["quotes"].append({"id": "q9"}),
    ],
)
def test_the_response_check_fails_on_a_response_that_drifted(
    client: FlaskClient, edit: Any
) -> None:
    response = _response(client)
    with pytest.raises(InvalidData):
        assert_matches_spec(_tampered(response, edit))


def test_the_response_check_fails_on_a_problem_of_the_wrong_shape(client: FlaskClient) -> None:
    response = client.post("/v1/extract", json={})
    assert response.status_code == 422
    with pytest.raises(InvalidData):
        assert_matches_spec(_tampered(response, lambda body: body.pop("detail")))
    not_found = client.get("/nowhere")
    assert not_found.status_code == 404
    with pytest.raises(jsonschema.ValidationError):
        assert_matches_spec(_tampered(not_found, lambda body: body.update(status="404")))


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "mimetype"),
    [
        ("GET", "/", {}, 200, "text/html"),
        (
            "POST",
            "/",
            {"data": {"source": HARBOUR_SOURCE, "candidate": HARBOUR_CANDIDATE, "format": "text"}},
            200,
            "text/html",
        ),
        ("POST", "/", {"data": {"source": "", "candidate": "x"}}, 422, "text/html"),
        (
            "POST",
            "/v1/verify",
            {
                "json": {"source": HARBOUR_SOURCE, "candidate": HARBOUR_CANDIDATE},
                "headers": {"Accept": "text/html"},
            },
            200,
            "text/html",
        ),
        ("GET", "/assets/review/review.css", {}, 200, "text/css"),
        ("GET", "/assets/review/missing.css", {}, 404, "application/problem+json"),
        ("GET", "/openapi.yaml", {}, 200, "application/yaml"),
    ],
)
def test_non_json_operations_answer_as_documented(
    client: FlaskClient,
    method: str,
    path: str,
    kwargs: dict[str, Any],
    status: int,
    mimetype: str,
) -> None:
    response = client.open(path, method=method, **kwargs)  # the client checks the spec
    assert (response.status_code, response.mimetype) == (status, mimetype)
