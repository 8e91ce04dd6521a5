"""Operations: API keys, request ids, JSON logs, metrics, CORS and the offline /docs page.

Every response still passes the openapi.yaml check of the test client (conftest.py).
"""

from __future__ import annotations

import json
import logging
from html.parser import HTMLParser
from typing import Any

import pytest
import regex
from flask import Flask
from flask.testing import FlaskClient
from prometheus_client.parser import text_string_to_metric_families

from service.web import auth, logs
from service.web.config import ConfigError, load
from tests.conftest import HARBOUR_CANDIDATE, HARBOUR_SOURCE, AppFactory

KEY = "k3y-for-tests-0123456789"
OTHER_KEY = "another-key-abcdefghijk"

# ---- API keys ----------------------------------------------------------------------------


@pytest.fixture
def locked(make_app: AppFactory) -> FlaskClient:
    return make_app({"API_KEYS": (KEY, OTHER_KEY)}).test_client()


@pytest.mark.parametrize(
    ("headers", "status", "challenge"),
    [
        ({}, 401, 'Bearer realm=verbatim'),
        ({"Authorization": f"Bearer {KEY}"}, 200, None),
        ({"Authorization": f"bearer {OTHER_KEY}"}, 200, None),  # scheme is case-insensitive
        ({"Authorization": f"Bearer  {KEY} "}, 200, None),
        ({"Authorization": "Bearer wrong-key-0123456789"}, 401, "invalid_token"),
        ({"Authorization": f"Bearer {KEY}x"}, 401, "invalid_token"),
        ({"Authorization": f"Basic {KEY}"}, 401, 'Bearer realm=verbatim'),
        ({"Authorization": "Bearer"}, 401, 'Bearer realm=verbatim'),
    ],
)
def test_api_keys_guard_the_api(
    locked: FlaskClient, headers: dict[str, str], status: int, challenge: str | None
) -> None:
    response = locked.post("/v1/extract", json={"text": HARBOUR_SOURCE}, headers=headers)
    assert response.status_code == status
    if challenge is not None:
        assert response.mimetype == "application/problem+json"
        assert challenge in response.headers["WWW-Authenticate"]
        assert "Bearer" in response.get_json()["detail"] or "key" in response.get_json()["detail"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/livez", 200),
        ("/readyz", 200),
        ("/metrics", 200),
        ("/openapi.yaml", 200),
        ("/docs", 200),
        ("/docs/assets/swagger-ui.css", 200),
        ("/", 401),  # the review page verifies documents: it needs the key like the API
        ("/assets/review/review.css", 401),
    ],
)
def test_probes_metrics_and_docs_stay_open(locked: FlaskClient, path: str, status: int) -> None:
    assert locked.get(path).status_code == status


def test_every_route_is_guarded_unless_declared_open(locked: FlaskClient, app: Flask) -> None:
    # A new route must be a conscious choice: either in OPEN_ENDPOINTS or behind the key.
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()} - {"static"}
    assert endpoints >= auth.OPEN_ENDPOINTS
    assert {"api.extract", "api.verify", "api.verify_batch", "review.form"} <= (
        endpoints - auth.OPEN_ENDPOINTS
    )


def test_key_comparison() -> None:
    digests = (auth._digest(KEY), auth._digest(OTHER_KEY))
    assert auth.key_matches(KEY, digests)
    assert auth.key_matches(OTHER_KEY, digests)
    assert not auth.key_matches(KEY[:-1], digests)
    assert not auth.key_matches("", digests)


def test_no_keys_logs_a_warning_at_start(
    make_app: AppFactory, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="service"):
        make_app()
    assert any("VERBATIM_API_KEYS is not set" in record.message for record in caplog.records)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="service"):
        make_app({"API_KEYS": (KEY,)})
    assert not any("VERBATIM_API_KEYS" in record.message for record in caplog.records)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"VERBATIM_API_KEYS": f"{KEY}, {OTHER_KEY}"}, {"API_KEYS": (KEY, OTHER_KEY)}),
        ({"VERBATIM_API_KEYS": "short"}, ConfigError),
        ({"VERBATIM_API_KEYS": f"{KEY},,"}, ConfigError),
        (
            {"VERBATIM_CORS_ORIGINS": "https://cms.example.com/, http://localhost:3000"},
            {"CORS_ORIGINS": ("https://cms.example.com", "http://localhost:3000")},
        ),
        ({"VERBATIM_CORS_ORIGINS": "cms.example.com"}, ConfigError),
        ({"VERBATIM_MAX_BATCH_ITEMS": "0"}, ConfigError),
        ({"VERBATIM_MAX_BATCH_ITEMS": "7"}, {"MAX_BATCH_ITEMS": 7}),
    ],
)
def test_new_settings_parse_or_stop_the_start(
    environ: dict[str, str], expected: dict[str, Any] | type[Exception]
) -> None:
    if isinstance(expected, dict):
        values = load(environ=environ)
        assert {key: values[key] for key in expected} == expected
    else:
        with pytest.raises(expected, match=next(iter(environ))):
            load(environ=environ)


# ---- request ids and JSON logs -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "echoed"),
    [
        ("req-42", True),
        ("Root=1-5f84c7a4-05e2a4f4;", False),  # ';' is not allowed
        ("550e8400-e29b-41d4-a716-446655440000", True),
        ("x" * 128, True),
        ("x" * 129, False),
        ("has space", False),
        ('quote"', False),
        (None, False),
    ],
)
def test_request_id_is_echoed_when_valid_else_generated(
    client: FlaskClient, sent: str | None, echoed: bool
) -> None:
    headers = {} if sent is None else {"X-Request-ID": sent}
    response = client.get("/livez", headers=headers)
    returned = response.headers["X-Request-ID"]
    if echoed:
        assert returned == sent
    else:
        assert returned != sent
        assert regex.fullmatch(r"[0-9a-f]{32}", returned)


def _json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_one_json_access_line_per_request_with_the_request_id(
    client: FlaskClient, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    client.post("/v1/extract", json={"text": HARBOUR_SOURCE}, headers={"X-Request-ID": "abc"})
    client.post("/v1/extract", data="{", content_type="application/json")
    client.get("/nowhere")
    lines = [
        line for line in _json_lines(capsys.readouterr().err) if line["logger"] == "service.access"
    ]
    assert [(line["path"], line["status"], line["endpoint"]) for line in lines] == [
        ("/v1/extract", 200, "/v1/extract"),
        ("/v1/extract", 400, "/v1/extract"),
        ("/nowhere", 404, None),
    ]
    assert lines[0]["request_id"] == "abc"
    assert lines[0]["type"] == "access"
    assert lines[0]["method"] == "POST"
    assert lines[0]["duration_ms"] >= 0
    assert len({line["request_id"] for line in lines}) == 3


def test_errors_are_json_lines_with_the_request_id_and_the_traceback(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("service.pipeline.extract", broken)
    capsys.readouterr()
    response = client.post("/v1/extract", json={"text": "x"}, headers={"X-Request-ID": "bug-1"})
    assert response.status_code == 500
    lines = [line for line in _json_lines(capsys.readouterr().err) if line["level"] == "ERROR"]
    assert len(lines) == 1
    assert lines[0]["request_id"] == "bug-1"
    assert "RuntimeError: a bug" in lines[0]["exception"]


def test_formatter_outside_a_request() -> None:
    record = logging.LogRecord(
        "gunicorn.error", logging.INFO, __file__, 1, "Booting %s", ("w",), None
    )
    line = json.loads(logs.JsonFormatter().format(record))
    assert {key: line[key] for key in ("level", "logger", "message")} == {
        "level": "INFO",
        "logger": "gunicorn.error",
        "message": "Booting w",
    }
    assert "request_id" not in line


# ---- metrics -----------------------------------------------------------------------------

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def _samples(client: FlaskClient) -> Samples:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    samples = {}
    for family in text_string_to_metric_families(response.get_data(as_text=True)):
        for sample in family.samples:
            samples[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return samples


def _value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def test_metrics_count_requests_documents_quotes_and_verdicts(client: FlaskClient) -> None:
    before = _samples(client)
    extracted = client.post("/v1/extract", json={"text": HARBOUR_SOURCE}).get_json()
    verified = client.post(
        "/v1/verify", json={"source": HARBOUR_SOURCE, "candidate": HARBOUR_CANDIDATE}
    ).get_json()
    client.post("/v1/verify", json={"source": ""})
    after = _samples(client)

    def delta(name: str, **labels: str) -> float:
        return _value(after, name, **labels) - _value(before, name, **labels)

    requests = "verbatim_http_requests_total"
    assert delta(requests, endpoint="/v1/extract", method="POST", status="200") == 1
    assert delta(requests, endpoint="/v1/verify", method="POST", status="200") == 1
    assert delta(requests, endpoint="/v1/verify", method="POST", status="422") == 1
    assert delta(requests, endpoint="/metrics", method="GET", status="200") == 1
    latency = "verbatim_http_request_duration_seconds_count"
    assert delta(latency, endpoint="/v1/verify", method="POST") == 2
    assert delta("verbatim_documents_processed_total", operation="extract") == 1
    assert delta("verbatim_documents_processed_total", operation="verify") == 2
    assert delta("verbatim_quotes_processed_total", operation="extract") == len(
        extracted["quotes"]
    )
    summary = verified["summary"]
    assert delta("verbatim_quotes_processed_total", operation="verify") == (
        summary["quotes"] + summary["dropped"]
    )
    for status in ("intact", "altered", "misattributed", "unsourced", "dropped"):
        assert delta("verbatim_verdicts_total", status=status) == summary[status]


def test_unmatched_urls_share_one_label(client: FlaskClient) -> None:
    client.get("/wp-login.php")
    client.get("/.env")
    samples = _samples(client)
    endpoints = {dict(labels).get("endpoint") for (_name, labels) in samples}
    assert "unmatched" in endpoints
    assert not {"/wp-login.php", "/.env"} & endpoints


# ---- CORS --------------------------------------------------------------------------------

CMS = "https://cms.example.com"


@pytest.mark.parametrize(
    ("origins", "origin", "allowed"),
    [
        (None, CMS, None),
        ((CMS,), CMS, CMS),
        ((CMS,), "https://evil.example.net", None),
        (("*",), "https://anyone.example.org", "*"),
    ],
)
def test_cors_names_only_configured_origins(
    make_app: AppFactory, origins: tuple[str, ...] | None, origin: str, allowed: str | None
) -> None:
    client = make_app({"CORS_ORIGINS": origins}).test_client()
    response = client.post(
        "/v1/extract", json={"text": HARBOUR_SOURCE}, headers={"Origin": origin}
    )
    assert response.headers.get("Access-Control-Allow-Origin") == allowed
    if allowed is not None:
        assert response.headers["Access-Control-Expose-Headers"] == "X-Request-ID"


def test_cors_preflight_needs_no_key(make_app: AppFactory) -> None:
    app = make_app({"CORS_ORIGINS": (CMS,), "API_KEYS": (KEY,)})
    # OPTIONS is answered by Flask itself and is not an operation of the spec: plain client.
    client = FlaskClient(app, app.response_class)
    response = client.options(
        "/v1/verify",
        headers={
            "Origin": CMS,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == CMS
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in response.headers["Access-Control-Allow-Headers"]


# ---- /docs -------------------------------------------------------------------------------


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.spec_url: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "href"):
            if values.get(name):
                self.urls.append(str(values[name]))
        if values.get("data-spec-url"):
            self.spec_url = values["data-spec-url"]


_CSS_URL = regex.compile(r"""url\(\s*["']?([^"')]+)""")
_SOURCE_MAP = regex.compile(r"sourceMappingURL=(\S+)")


def test_docs_page_uses_only_assets_the_service_serves(client: FlaskClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    parser = _References()
    parser.feed(page.get_data(as_text=True))
    assert parser.spec_url == "/openapi.yaml"
    assert client.get(parser.spec_url).status_code == 200
    assert len(parser.urls) >= 4  # stylesheet, icons, bundle, initialiser
    for url in parser.urls:
        assert url.startswith("/docs/assets/"), f"{url} is not served by the service"
        asset = client.get(url)
        assert asset.status_code == 200, url
        text = asset.get_data().decode("utf-8", errors="replace")
        # Nothing the browser would fetch next may live elsewhere (or be missing).
        for reference in _CSS_URL.findall(text) if url.endswith(".css") else []:
            assert reference.startswith("data:"), f"{url} loads {reference}"
        assert not _SOURCE_MAP.search(text), f"{url} points at a source map we do not serve"


def test_docs_initialiser_turns_off_the_online_validator(client: FlaskClient) -> None:
    script = client.get("/docs/assets/docs.js").get_data(as_text=True)
    assert "validatorUrl: null" in script
    assert "http" not in script  # no URL of another host


def test_unknown_docs_asset_is_a_404_problem(client: FlaskClient) -> None:
    response = client.get("/docs/assets/swagger-ui-es-bundle.js")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
