"""Schema fuzzing: schemathesis generates requests from ``openapi.yaml`` and sends them to the
Flask app in-process (WSGI), valid ones and deliberately invalid ones.

Every response must pass all of schemathesis's checks: no 5xx; a status code, content type,
headers and body the spec documents for that operation; invalid input rejected with a 4xx
(negative data rejection); valid input accepted (positive data acceptance); auth really
enforced when keys are configured (ignored auth); other methods answered 405. The few checks
that cannot hold for one operation are excluded there with the reason, and replaced by a
stronger check of our own where one is possible.

Bounded so CI stays fast (about 10-20 s): ``VERBATIM_SCHEMA_EXAMPLES`` examples per operation
(default 40). Set it to a few hundred for a deep run. Generation is derandomized unless
``VERBATIM_SCHEMA_RANDOM=1``, so a CI failure reproduces on a laptop.
"""

from __future__ import annotations

import json
import os
import re
import sys
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from tests.conftest import SPEC_PATH, AppFactory, component_validator, spec_document

API_KEY = "schemathesis-key-0123456789"
EXAMPLES = int(os.environ.get("VERBATIM_SCHEMA_EXAMPLES", "40"))
RANDOM = os.environ.get("VERBATIM_SCHEMA_RANDOM") == "1"

# Checks that cannot hold for one operation, and why.
_EXCLUDED: dict[tuple[str, str], tuple[Any, ...]] = {
    # The batch answers 200 with a problem per item for an item that is not a BatchItem:
    # one bad item never fails the batch (documented). _batch_items_judged_one_by_one
    # checks instead that exactly the invalid items got their problem.
    ("POST", "/v1/verify/batch"): (negative_data_rejection,),
    # The review form's rule "each document from its text box or its file, not blank, UTF-8"
    # spans two fields and the bytes of a file: JSON Schema cannot say it, and the form
    # answers 422 (documented) with the message beside the field. And a form carries text
    # only: the number schemathesis puts in a text field to make it invalid arrives as its
    # digits, a valid text.
    ("POST", "/"): (positive_data_acceptance, negative_data_rejection),
}


@pytest.fixture
def api_schema(make_app: AppFactory) -> schemathesis.schemas.BaseSchema:
    # With a key configured, schemathesis's ignored_auth check proves requests without one
    # are refused on every operation the spec marks as secured.
    app: Flask = make_app({"API_KEYS": (API_KEY,)})
    schema = schemathesis.openapi.from_path(SPEC_PATH)
    schema.app = app
    schema.config.generation.update(max_examples=EXAMPLES, deterministic=not RANDOM)
    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


def _batch_items_judged_one_by_one(case: schemathesis.Case[Any], body: Any) -> None:
    """A 200 batch answer has one entry per item, in order, and an item that violates
    ``BatchItem`` (or repeats an earlier id) got a 422 problem, not a result."""
    request_body: Any = case.body
    items = request_body["items"]
    results = body["results"]
    assert len(results) == len(items) == body["summary"]["items"]
    validator = component_validator("BatchItem")
    seen: set[str] = set()
    for item, result in zip(items, results, strict=True):
        invalid = not validator.is_valid(item)
        item_id = item.get("id") if isinstance(item, dict) else None
        repeated = isinstance(item_id, str) and item_id in seen
        if isinstance(item_id, str):
            seen.add(item_id)
        if invalid or repeated:
            assert result["status"] == 422 and "problem" in result, (item, result)
    succeeded = sum(1 for result in results if result["status"] == 200)
    assert body["summary"]["succeeded"] == succeeded


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not RANDOM,
    database=None,
    # Schemathesis filters generated data heavily for some media types (multipart files).
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_response_conforms_to_the_spec(case: schemathesis.Case[Any]) -> None:
    excluded = _EXCLUDED.get((case.method.upper(), case.path), ())
    response = case.call_and_validate(
        headers={"Authorization": f"Bearer {API_KEY}"}, excluded_checks=list(excluded)
    )
    if (case.method.upper(), case.path) == ("POST", "/v1/verify/batch") and (
        response.status_code == 200
    ):
        _batch_items_judged_one_by_one(case, json.loads(response.content))


# ---- the spec's document rule and the code's agree ----------------------------------------


def test_document_pattern_is_pythons_whitespace_rule() -> None:
    """``Document.pattern`` (a non-whitespace character somewhere) accepts exactly the
    strings the service does not call empty (``str.strip``), for every character."""
    pattern = re.compile(spec_document()["components"]["schemas"]["Document"]["pattern"])
    disagree = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if not 0xD800 <= code <= 0xDFFF  # surrogates are refused on their own
        and (pattern.search(chr(code)) is not None) != bool(chr(code).strip())
    ]
    assert disagree == []
