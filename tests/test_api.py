"""The HTTP API: request validation, response shape, offsets, errors.

These tests assert what the HTTP layer promises (contract.md), not how well the rules find
quotes: where a response's content matters they feed the view a report built by hand.
Every response is also validated against openapi.yaml by the ``client`` fixture.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service import pipeline
from service.models import (
    Change,
    Dropped,
    Quote,
    Report,
    Span,
    Speaker,
    Summary,
    TextTooComplex,
    Verdict,
    Wording,
)
from tests.conftest import HARBOUR_CANDIDATE, HARBOUR_SOURCE, REPO, AppFactory

JSON = "application/json"


def utf16(text: str, codepoint_offset: int) -> int:
    """Independent oracle: UTF-16 code units before ``codepoint_offset``."""
    return len(text[:codepoint_offset].encode("utf-16-le")) // 2


def spans_of_quote(quote: dict[str, Any]) -> list[dict[str, Any]]:
    spans = [quote]
    if quote["speaker"] is not None:
        spans.append(quote["speaker"]["mention"])
    if quote["cue"] is not None:
        spans.append(quote["cue"])
    return spans


def assert_slices(document: str, spans: list[dict[str, Any]]) -> None:
    for span in spans:
        assert document[span["start"] : span["end"]] == span["text"], span


# ---- the real pipeline behind the API -----------------------------------------------------


def test_extract_returns_quotes_whose_offsets_slice_the_text(client: FlaskClient) -> None:
    response = client.post("/v1/extract", json={"text": HARBOUR_SOURCE})
    assert response.status_code == 200
    body = response.get_json()
    assert body["offset_unit"] == "codepoint"
    assert body["quotes"], "a document with three “…,” said Name quotes has quotes"
    for quote in body["quotes"]:
        assert list(quote) == ["id", "text", "start", "end", "speaker", "cue", "kind"]
        assert_slices(HARBOUR_SOURCE, spans_of_quote(quote))
    assert len({quote["id"] for quote in body["quotes"]}) == len(body["quotes"])


def test_extract_html_offsets_point_into_the_html_string(client: FlaskClient) -> None:
    html = (
        "<article><h1>Dredging</h1><p>&ldquo;The ships are <em>twice</em> the size,&rdquo; "
        "said Ingrid Solberg.</p><p>“Nobody asked us,” said Tomas Berg.</p></article>"
    )
    response = client.post("/v1/extract", json={"text": html, "format": "html"})
    assert response.status_code == 200
    quotes = response.get_json()["quotes"]
    assert quotes, "two quotes with “…,” said Name"
    for quote in quotes:
        assert_slices(html, spans_of_quote(quote))


def test_verify_report_offsets_point_into_their_own_documents(client: FlaskClient) -> None:
    response = client.post(
        "/v1/verify", json={"source": HARBOUR_SOURCE, "candidate": HARBOUR_CANDIDATE}
    )
    assert response.status_code == 200
    body = response.get_json()
    assert list(body) == ["summary", "quotes", "dropped", "offset_unit"]
    summary = body["summary"]
    assert summary["quotes"] == len(body["quotes"])
    assert summary["dropped"] == len(body["dropped"])
    statuses = ("intact", "altered", "misattributed", "altered_misattributed", "unsourced")
    assert sum(summary[status] for status in statuses) == summary["quotes"]
    for verdict in body["quotes"]:
        assert_slices(HARBOUR_CANDIDATE, spans_of_quote(verdict["candidate"]))
        if verdict["source"] is not None:
            assert_slices(HARBOUR_SOURCE, spans_of_quote(verdict["source"]))
        if verdict["evidence"] is not None:
            assert_slices(HARBOUR_SOURCE, [verdict["evidence"]])
    for dropped in body["dropped"]:
        assert_slices(HARBOUR_SOURCE, spans_of_quote(dropped))
        if dropped["evidence"] is not None:
            assert_slices(HARBOUR_CANDIDATE, [dropped["evidence"]])


def test_utf16_offsets_from_the_real_pipeline(client: FlaskClient) -> None:
    text = "🚢🚢 Harbour news 🌊\n\n“We lose them to Rotterdam 🇳🇱,” said Ingrid Solberg."
    by_codepoint = client.post("/v1/extract", json={"text": text}).get_json()
    by_utf16 = client.post("/v1/extract", json={"text": text, "offset_unit": "utf16"})
    assert by_utf16.status_code == 200
    body = by_utf16.get_json()
    assert body["offset_unit"] == "utf16"
    assert by_codepoint["quotes"], "the quote is found either way"
    for plain, converted in zip(by_codepoint["quotes"], body["quotes"], strict=True):
        for span, span16 in zip(spans_of_quote(plain), spans_of_quote(converted), strict=True):
            assert span16["text"] == span["text"]
            assert span16["start"] == utf16(text, span["start"])
            assert span16["end"] == utf16(text, span["end"])


def test_json_is_utf8_and_not_ascii_escaped(client: FlaskClient) -> None:
    text = "“Ça coûte 40 millions d’euros,” a déclaré Ingrid Solberg."
    response = client.post("/v1/extract", json={"text": text})
    raw = response.get_data()
    assert "Ça coûte".encode() in raw
    assert b"\\u" not in raw


# ---- every span of a report, converted to UTF-16 -----------------------------------------

# Astral characters (two UTF-16 units each) before and inside every kind of span.
SOURCE = "🎉 “Nous 🚀 gagnerons,” dit Élodie Roux. 😀 Elle a ajouté: “Jamais.”"
CANDIDATE = "👍 “Nous gagnerons 🚀,” a dit Élodie Roux. Jamais, a-t-elle ajouté 😀."


def span_in(document: str, text: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = document.index(text, start + 1)
    return Span(text, start, start + len(text))


def quote_in(document: str, qid: str, text: str, mention: str, cue: str | None) -> Quote:
    body = span_in(document, text)
    return Quote(
        id=qid,
        text=text,
        start=body.start,
        end=body.end,
        speaker=Speaker("Élodie Roux", span_in(document, mention)),
        cue=None if cue is None else span_in(document, cue),
    )


def handmade_report() -> Report:
    source_q1 = quote_in(SOURCE, "q1", "Nous 🚀 gagnerons,", "Élodie Roux", "dit")
    source_q2 = quote_in(SOURCE, "q2", "Jamais.", "Elle", "a ajouté")
    candidate_q1 = quote_in(CANDIDATE, "q1", "Nous gagnerons 🚀,", "Élodie Roux", "a dit")
    verdict = Verdict(
        id="q1",
        status="altered",
        candidate=candidate_q1,
        source=source_q1,
        wording=Wording(0.6666666, (Change("delete", "🚀", ""), Change("insert", "", "🚀"))),
        speaker_match="same",
        severity="low",
        evidence=span_in(SOURCE, "gagnerons"),
    )
    return Report(
        Summary(1, 0, 1, 0, 0, 0, 1),
        (verdict,),
        (Dropped(source_q2, span_in(CANDIDATE, "Jamais")),),
    )


@pytest.fixture
def handmade(monkeypatch: pytest.MonkeyPatch) -> Report:
    report = handmade_report()
    monkeypatch.setattr(pipeline, "verify", lambda source, candidate, fmt: report)
    return report


@pytest.mark.parametrize("unit", ["codepoint", "utf16"])
def test_every_span_of_a_report_is_counted_in_the_unit_asked(
    client: FlaskClient, handmade: Report, unit: str
) -> None:
    response = client.post(
        "/v1/verify", json={"source": SOURCE, "candidate": CANDIDATE, "offset_unit": unit}
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["offset_unit"] == unit

    def expected(document: str, span: Span) -> dict[str, Any]:
        convert = (lambda i: i) if unit == "codepoint" else (lambda i: utf16(document, i))
        return {"text": span.text, "start": convert(span.start), "end": convert(span.end)}

    def quote_spans(quote: Quote) -> list[Span]:
        assert quote.speaker is not None and quote.cue is not None
        return [Span(quote.text, quote.start, quote.end), quote.speaker.mention, quote.cue]

    def seen(quote: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            {key: span[key] for key in ("text", "start", "end")} for span in spans_of_quote(quote)
        ]

    verdict, report_verdict = body["quotes"][0], handmade.verdicts[0]
    assert report_verdict.source is not None and report_verdict.evidence is not None
    assert seen(verdict["candidate"]) == [
        expected(CANDIDATE, span) for span in quote_spans(report_verdict.candidate)
    ]
    assert seen(verdict["source"]) == [
        expected(SOURCE, span) for span in quote_spans(report_verdict.source)
    ]
    assert verdict["evidence"] == expected(SOURCE, report_verdict.evidence)
    dropped, report_dropped = body["dropped"][0], handmade.dropped[0]
    assert report_dropped.evidence is not None
    assert seen(dropped) == [expected(SOURCE, span) for span in quote_spans(report_dropped.quote)]
    assert dropped["evidence"] == expected(CANDIDATE, report_dropped.evidence)


def test_verdict_fields_are_shaped_as_the_contract(client: FlaskClient, handmade: Report) -> None:
    body = client.post("/v1/verify", json={"source": SOURCE, "candidate": CANDIDATE}).get_json()
    verdict = body["quotes"][0]
    assert list(verdict) == [
        "id", "status", "candidate", "source", "wording", "speaker", "severity", "evidence",
    ]  # fmt: skip
    assert verdict["speaker"] == {"match": "same"}
    assert verdict["severity"] == "low"
    assert verdict["wording"] == {
        "similarity": 0.6667,
        "changes": [
            {"op": "delete", "source": "🚀", "candidate": ""},
            {"op": "insert", "source": "", "candidate": "🚀"},
        ],
    }
    assert body["summary"] == {
        "quotes": 1, "intact": 0, "altered": 1, "misattributed": 0,
        "altered_misattributed": 0, "unsourced": 0, "dropped": 1,
    }  # fmt: skip
    assert list(body["dropped"][0]) == [
        "id", "text", "start", "end", "speaker", "cue", "kind", "evidence",
    ]  # fmt: skip


# ---- bad requests ------------------------------------------------------------------------

LONG = "x" * 200


@pytest.mark.parametrize(
    ("path", "body", "content_type", "status", "fields"),
    [
        # 400: not JSON at all
        ("/v1/extract", b'{"text": "a', JSON, 400, None),
        ("/v1/extract", b"", JSON, 400, None),
        ("/v1/extract", b"   ", JSON, 400, None),
        ("/v1/extract", b"\xff\xfe\xfa", JSON, 400, None),
        ("/v1/extract", b"[" * 100_000 + b"]" * 100_000, JSON, 400, None),
        ("/v1/verify", b"{'source': 'a'}", JSON, 400, None),
        # 415: not declared as JSON
        ("/v1/extract", b'{"text": "a"}', None, 415, None),
        ("/v1/extract", b'{"text": "a"}', "text/plain", 415, None),
        ("/v1/verify", b"source=a&candidate=b", "application/x-www-form-urlencoded", 415, None),
        # 422: JSON that does not match the schema
        ("/v1/extract", b"[]", JSON, 422, ["body"]),
        ("/v1/extract", b'"text"', JSON, 422, ["body"]),
        ("/v1/extract", b"{}", JSON, 422, ["text"]),
        ("/v1/extract", b'{"text": 42}', JSON, 422, ["text"]),
        ("/v1/extract", b'{"text": null}', JSON, 422, ["text"]),
        ("/v1/extract", b'{"text": ["a"]}', JSON, 422, ["text"]),
        ("/v1/extract", b'{"text": ""}', JSON, 422, ["text"]),
        ("/v1/extract", b'{"text": " \\n\\t "}', JSON, 422, ["text"]),
        ("/v1/extract", b'{"text": "a \\ud83d b"}', JSON, 422, ["text"]),
        ("/v1/extract", b'{"text": "a", "format": "pdf"}', JSON, 422, ["format"]),
        ("/v1/extract", b'{"text": "a", "format": "HTML"}', JSON, 422, ["format"]),
        ("/v1/extract", b'{"text": "a", "format": null}', JSON, 422, ["format"]),
        ("/v1/extract", b'{"text": "a", "offset_unit": "bytes"}', JSON, 422, ["offset_unit"]),
        ("/v1/extract", b'{"text": "a", "txt": "b"}', JSON, 422, ["txt"]),
        ("/v1/extract", b'{"source": "a"}', JSON, 422, ["source", "text"]),
        ("/v1/verify", b'{"source": "a"}', JSON, 422, ["candidate"]),
        ("/v1/verify", b'{"source": "", "candidate": 1}', JSON, 422, ["candidate", "source"]),
        ("/v1/verify", b'{"source": "a", "candidate": "b", "lang": "en"}', JSON, 422, ["lang"]),
        ("/v1/extract", b'{"text": "a", "text": "b"}', JSON, 422, ["text"]),
        ("/v1/extract?format=html", b'{"text": "a"}', JSON, 422, ["query.format"]),
        (
            "/v1/verify",
            json.dumps({"source": LONG, "candidate": "b"}).encode(),
            JSON,
            422,
            ["source"],
        ),
    ],
)
def test_bad_requests_get_a_problem_naming_the_fields(
    make_app: AppFactory,
    path: str,
    body: bytes,
    content_type: str | None,
    status: int,
    fields: list[str] | None,
) -> None:
    client = make_app({"MAX_DOCUMENT_CHARS": 100}).test_client()
    headers = {} if content_type is None else {"Content-Type": content_type}
    response = client.post(path, data=body, headers=headers)
    assert response.status_code == status
    problem = response.get_json(force=True)
    assert problem["status"] == status
    assert problem["type"] == "about:blank"
    assert problem["detail"]
    if fields is None:
        assert "errors" not in problem
    else:
        assert sorted(problem["errors"]) == sorted(fields)
        assert all(problem["errors"][field] for field in fields)


def test_document_over_the_character_limit_names_the_limit(make_app: AppFactory) -> None:
    client = make_app({"MAX_DOCUMENT_CHARS": 100}).test_client()
    response = client.post("/v1/extract", json={"text": "é" * 101})
    assert response.status_code == 422
    (message,) = response.get_json()["errors"]["text"]
    assert "101" in message and "100" in message and "VERBATIM_MAX_DOCUMENT_CHARS" in message


def test_body_over_the_byte_limit_is_413(make_app: AppFactory) -> None:
    client = make_app({"MAX_CONTENT_LENGTH": 1000}).test_client()
    response = client.post("/v1/extract", json={"text": "word " * 400})
    assert response.status_code == 413
    assert "1000 bytes" in response.get_json()["detail"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/v1/nothing-here", 404),
        ("GET", "/v1/extract/", 404),
        ("GET", "/v1/verify", 405),
        ("PUT", "/v1/extract", 405),
        ("DELETE", "/livez", 405),
        ("POST", "/openapi.yaml", 405),
    ],
)
def test_unknown_routes_and_methods_are_problems(
    client: FlaskClient, method: str, path: str, status: int
) -> None:
    response = client.open(path, method=method)
    assert response.status_code == status
    assert response.get_json(force=True)["status"] == status
    if status == 405:
        assert response.headers["Allow"]


@pytest.mark.parametrize(
    ("path", "body", "field_raised", "field_reported"),
    [
        ("/v1/extract", {"text": "a"}, None, "text"),
        ("/v1/verify", {"source": "a", "candidate": "b"}, "candidate", "candidate"),
    ],
)
def test_text_too_complex_is_a_422_naming_the_document(
    client: FlaskClient,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    body: dict[str, str],
    field_raised: str | None,
    field_reported: str,
) -> None:
    def too_complex(*_args: object) -> object:
        raise TextTooComplex("quote rules ran past their time budget", field=field_raised)

    monkeypatch.setattr(pipeline, "extract", too_complex)
    monkeypatch.setattr(pipeline, "verify", too_complex)
    response = client.post(path, json=body)
    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == [field_reported]


def test_a_bug_is_a_logged_500_without_internals(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_args: object) -> object:
        raise KeyError("secret-internal-detail")

    monkeypatch.setattr(pipeline, "verify", broken)
    with caplog.at_level(logging.ERROR):
        response = client.post("/v1/verify", json={"source": "a", "candidate": "b"})
    assert response.status_code == 500
    text = response.get_data(as_text=True)
    assert "secret-internal-detail" not in text and "Traceback" not in text
    assert "secret-internal-detail" in caplog.text


# ---- operations --------------------------------------------------------------------------


def test_livez_and_readyz(client: FlaskClient) -> None:
    assert client.get("/livez").get_json() == {"status": "ok"}
    assert client.get("/readyz").get_json() == {"status": "ready"}


def test_readyz_is_503_when_the_pipeline_fails_at_start(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> object:
        raise RuntimeError("rules failed to compile")

    monkeypatch.setattr(pipeline, "extract", broken)
    client = make_app().test_client()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "rules failed to compile" in response.get_json()["detail"]
    assert client.get("/livez").status_code == 200


def test_openapi_yaml_is_served(client: FlaskClient) -> None:
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert response.mimetype == "application/yaml"
    assert response.get_data() == (REPO / "openapi.yaml").read_bytes()


def test_app_factory_rejects_a_bad_environment(
    monkeypatch: pytest.MonkeyPatch, make_app: AppFactory
) -> None:
    monkeypatch.setenv("VERBATIM_MAX_DOCUMENT_CHARS", "lots")
    with pytest.raises(ValueError, match="VERBATIM_MAX_DOCUMENT_CHARS"):
        make_app()


def test_environment_configures_the_app(
    monkeypatch: pytest.MonkeyPatch, make_app: AppFactory
) -> None:
    monkeypatch.setenv("VERBATIM_MAX_DOCUMENT_CHARS", "7")
    monkeypatch.setenv("VERBATIM_MAX_BODY_BYTES", "4096")
    app: Flask = make_app()
    assert app.config["MAX_DOCUMENT_CHARS"] == 7
    assert app.config["MAX_CONTENT_LENGTH"] == 4096
    response = app.test_client().post("/v1/extract", json={"text": "12345678"})
    assert response.status_code == 422
