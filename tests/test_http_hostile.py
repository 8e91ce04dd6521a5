"""Hostile HTTP input: whatever a caller sends gets the right 4xx problem or a correct result,
within a bounded time, and never a 500.

In-process through the Flask test client (every response also checked against openapi.yaml
by ``conftest``), plus one test through a real gunicorn: a client that stalls mid-request
does not hold the worker beyond the timeout.

Times are bounds, not benchmarks: generous enough for a busy 2-core CI machine, tight
enough that a quadratic regression (or a hang) fails instead of passing slowly.
"""

from __future__ import annotations

import http.client
import json
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from werkzeug.test import Client, TestResponse

from tests.conftest import (
    PROBLEM_MIMETYPE,
    AppFactory,
    assert_matches_spec,
    component_validator,
)
from tests.servers import free_port, gunicorn

JSON = "application/json"
# Seconds one hostile request may take in-process.
BOUND = 10.0


def _post(
    client: FlaskClient,
    path: str,
    body: bytes | str,
    content_type: str | None = JSON,
    headers: dict[str, str] | None = None,
) -> tuple[TestResponse, float]:
    """The response and the seconds the app took to give it. Timed with a plain werkzeug
    client, then checked against the spec untimed."""
    plain = Client(client.application, TestResponse)
    started = time.perf_counter()
    response = plain.post(path, data=body, content_type=content_type, headers=headers or {})
    elapsed = time.perf_counter() - started
    if len(response.get_data()) < _WHOLE_CHECK_BYTES:
        assert_matches_spec(response)
    else:
        _assert_sample_matches_spec(response)
    return response, elapsed


# Validating a report of 10,000 verdicts against the spec takes several times longer than
# making it; past this size the summary and the first and last verdicts are checked.
_WHOLE_CHECK_BYTES = 200_000
_SAMPLE = 25


def _assert_sample_matches_spec(response: TestResponse) -> None:
    assert response.status_code == 200 and response.mimetype == JSON
    body = json.loads(response.get_data())
    sample = {
        **body,
        "quotes": body["quotes"][:_SAMPLE] + body["quotes"][-_SAMPLE:],
        "dropped": body["dropped"][:_SAMPLE] + body["dropped"][-_SAMPLE:],
    }
    component_validator("VerifyResponse").validate(sample)


def _problem(response: TestResponse) -> dict[str, Any]:
    assert response.mimetype == PROBLEM_MIMETYPE, response.get_data(as_text=True)[:300]
    problem: dict[str, Any] = json.loads(response.get_data())
    assert problem["status"] == response.status_code
    return problem


def _nested(depth: int, opener: bytes = b"[", closer: bytes = b"]") -> bytes:
    return opener * depth + closer * depth


# ---- malformed requests: (id, path, body, content type, status, field named, in detail) --

VERIFY = "/v1/verify"
EXTRACT = "/v1/extract"
BATCH = "/v1/verify/batch"
PAIR = b'"source": "\\"We will,\\" she said.", "candidate": "\\"We will,\\" she said."'

# fmt: off
MALFORMED: list[tuple[str, str, bytes, str | None, int, str | None, str]] = [
    ("truncated JSON", VERIFY, b'{"source": "a", "candid', JSON, 400, None, "not valid JSON"),
    ("single quotes", EXTRACT, b"{'text': 'a'}", JSON, 400, None, "not valid JSON"),
    ("trailing comma", EXTRACT, b'{"text": "a",}', JSON, 400, None, "not valid JSON"),
    ("two documents", EXTRACT, b'{"text": "a"} {"text": "b"}', JSON, 400, None, "not valid JSON"),
    ("NaN is not JSON", EXTRACT, b'{"text": NaN}', JSON, 400, None, "NaN"),
    ("Infinity is not JSON", VERIFY, b"{" + PAIR + b', "format": -Infinity}', JSON, 400, None,
     "Infinity"),
    ("empty body", VERIFY, b"", JSON, 400, None, "empty"),
    ("whitespace body", VERIFY, b" \r\n\t ", JSON, 400, None, "empty"),
    ("invalid UTF-8", EXTRACT, b'{"text": "caf\xe9 \xff\xfe"}', JSON, 400, None, "utf-8"),
    ("overlong UTF-8 NUL", EXTRACT, b'{"text": "a\xc0\x80b"}', JSON, 400, None, "utf-8"),
    ("raw NUL byte in string", EXTRACT, b'{"text": "a\x00b"}', JSON, 400, None,
     "control character"),
    ("raw newline in string", EXTRACT, b'{"text": "a\nb"}', JSON, 400, None, "control character"),
    ("body null", VERIFY, b"null", JSON, 422, "body", "schema"),
    ("body array", VERIFY, b'["a", "b"]', JSON, 422, "body", "schema"),
    ("body string", EXTRACT, b'"a"', JSON, 422, "body", "schema"),
    ("body number", BATCH, b"42", JSON, 422, "body", "schema"),
    ("text null", EXTRACT, b'{"text": null}', JSON, 422, "text", "schema"),
    ("text number", EXTRACT, b'{"text": 5}', JSON, 422, "text", "schema"),
    ("text 5000-digit integer", EXTRACT, b'{"text": ' + b"7" * 5000 + b"}", JSON, 422, "text",
     "schema"),
    ("text 1e999", EXTRACT, b'{"text": 1e999}', JSON, 422, "text", "schema"),
    ("text array", EXTRACT, b'{"text": ["a"]}', JSON, 422, "text", "schema"),
    ("text object", EXTRACT, b'{"text": {"a": 1}}', JSON, 422, "text", "schema"),
    ("text bool", EXTRACT, b'{"text": true}', JSON, 422, "text", "schema"),
    ("text empty", EXTRACT, b'{"text": ""}', JSON, 422, "text", "schema"),
    ("text only whitespace", EXTRACT, b'{"text": " \\u2003\\n\\u3000 "}', JSON, 422, "text",
     "schema"),
    ("candidate missing", VERIFY, b'{"source": "a"}', JSON, 422, "candidate", "schema"),
    ("candidate null", VERIFY, b'{"source": "a", "candidate": null}', JSON, 422, "candidate",
     "schema"),
    ("format null", VERIFY, b"{" + PAIR + b', "format": null}', JSON, 422, "format", "schema"),
    ("format unknown", VERIFY, b"{" + PAIR + b', "format": "pdf"}', JSON, 422, "format",
     "schema"),
    ("offset unit unknown", VERIFY, b"{" + PAIR + b', "offset_unit": "bytes"}', JSON, 422,
     "offset_unit", "schema"),
    ("unknown field", VERIFY, b"{" + PAIR + b', "lang": "en"}', JSON, 422, "lang", "schema"),
    ("field twice", EXTRACT, b'{"text": "a", "text": "b"}', JSON, 422, "text", "schema"),
    ("lone high surrogate", EXTRACT, b'{"text": "ab \\ud800 cd"}', JSON, 422, "text", "schema"),
    ("lone low surrogate", VERIFY, b'{"source": "\\udfff", "candidate": "a"}', JSON, 422,
     "source", "schema"),
    ("reversed surrogate pair", EXTRACT, b'{"text": "\\udc00\\ud800"}', JSON, 422, "text",
     "schema"),
    ("query parameter", VERIFY + "?format=html", b"{" + PAIR + b"}", JSON, 422, "query.format",
     "schema"),
    ("text/plain", VERIFY, b"{" + PAIR + b"}", "text/plain", 415, None, "application/json"),
    ("no Content-Type", VERIFY, b"{" + PAIR + b"}", None, 415, None, "application/json"),
    ("form-encoded", VERIFY, b"source=a&candidate=b", "application/x-www-form-urlencoded", 415,
     None, "application/json"),
    ("multipart", EXTRACT, b"--b\r\n\r\n--b--\r\n", "multipart/form-data; boundary=b", 415, None,
     "application/json"),
    ("text/html", EXTRACT, b"<p>hi</p>", "text/html", 415, None, "application/json"),
    ("batch items not a list", BATCH, b'{"items": "a"}', JSON, 422, "items", "schema"),
    ("batch items empty", BATCH, b'{"items": []}', JSON, 422, "items", "schema"),
    ("batch items null", BATCH, b'{"items": null}', JSON, 422, "items", "schema"),
]
# fmt: on


@pytest.mark.parametrize(
    ("path", "body", "content_type", "status", "field", "detail"),
    [pytest.param(*row[1:], id=row[0]) for row in MALFORMED],
)
def test_malformed_request_gets_its_problem(
    client: FlaskClient,
    path: str,
    body: bytes,
    content_type: str | None,
    status: int,
    field: str | None,
    detail: str,
) -> None:
    response, _ = _post(client, path, body, content_type)
    assert response.status_code == status
    problem = _problem(response)
    assert detail.lower() in problem["detail"].lower()
    if field is not None:
        assert field in problem["errors"], problem


# ---- deeply nested JSON: never a RecursionError (500) --------------------------------------

NESTINGS: list[tuple[str, str, Callable[[int], bytes]]] = [
    ("arrays as the body", EXTRACT, lambda d: _nested(d)),
    ("objects as the body", VERIFY, lambda d: _nested(d, b'{"a":', b"}")[:-d] + b"1" + b"}" * d),
    ("arrays in a field", EXTRACT, lambda d: b'{"text": ' + _nested(d) + b"}"),
    ("unclosed arrays", VERIFY, lambda d: b"[" * d),
    ("arrays as batch items", BATCH, lambda d: b'{"items": ' + _nested(d) + b"}"),
    (
        "arrays as a batch item's id",
        BATCH,
        lambda d: b'{"items": [{"id": ' + _nested(d) + b", " + PAIR + b"}]}",
    ),
]


@pytest.mark.parametrize("depth", [100, 900, 1_000, 5_000, 100_000])
@pytest.mark.parametrize(
    ("path", "build"), [pytest.param(path, build, id=name) for name, path, build in NESTINGS]
)
def test_deeply_nested_json_is_refused_not_crashed(
    client: FlaskClient, path: str, build: Callable[[int], bytes], depth: int
) -> None:
    """Deep enough to exhaust the parser's stack: 400. Shallower: the schema refuses the
    value (422), or the batch refuses that one item (its own 422)."""
    response, _ = _post(client, path, build(depth))
    if response.status_code == 400:
        assert "nested too deeply" in _problem(response)["detail"] or depth < 1000
        return
    if response.status_code == 200:
        assert path == BATCH
        results = json.loads(response.get_data())["results"]
        assert [result["status"] for result in results] == [422] * len(results)
        return
    assert response.status_code == 422
    assert _problem(response)["errors"]


# ---- hostile documents: a correct result, in bounded time ---------------------------------

SCRIPTED_HTML = (
    '<html><head><script>var q = "</p><p>“Fake,” said nobody.";</script>'
    "<style>p::before { content: '“'; }</style></head><body>\n"
    "<p>“We will rebuild the pier,” said Harbour Master Lena Voss.\n"
    "<p><b>“It opens in May,<i> she added.\n"
    "<div><!-- “Not a quote,” said a comment. --><p>Nothing else"
)


def _spans(report_or_extract: Any) -> Iterator[dict[str, Any]]:
    """Every span of a response body: quotes, speaker mentions, cues, evidence."""
    if isinstance(report_or_extract, dict):
        if {"text", "start", "end"} <= report_or_extract.keys():
            yield report_or_extract
        for value in report_or_extract.values():
            yield from _spans(value)
    elif isinstance(report_or_extract, list):
        for value in report_or_extract:
            yield from _spans(value)


def _assert_spans_slice(document: str, body: dict[str, Any]) -> None:
    for span in _spans(body):
        assert document[span["start"] : span["end"]] == span["text"], span


def test_html_with_scripts_and_unclosed_tags(client: FlaskClient) -> None:
    response, _ = _post(
        client, EXTRACT, json.dumps({"text": SCRIPTED_HTML, "format": "html"}), JSON
    )
    assert response.status_code == 200
    body = json.loads(response.get_data())
    _assert_spans_slice(SCRIPTED_HTML, body)
    texts = [quote["text"] for quote in body["quotes"]]
    # Nothing from the script, the style or the comment; both paragraphs' quotes, whatever
    # the unclosed tags.
    assert texts[0] == "We will rebuild the pier,"
    assert body["quotes"][0]["speaker"]["name"].endswith("Lena Voss")
    assert all("Fake" not in text and "Not a quote" not in text for text in texts)
    assert any(text.startswith("It opens in May") for text in texts)


def test_html_report_page_escapes_the_callers_markup(client: FlaskClient) -> None:
    document = (
        '<script>alert("x")</script> "We must act," she said. </textarea>'
        "<img src=x onerror=alert(1)>"
    )
    for fmt in ("text", "html"):
        response = client.post(
            VERIFY,
            json={"source": document, "candidate": document, "format": fmt},
            headers={"Accept": "text/html"},
        )
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        assert '<script>alert("x")' not in page
        assert "<img src=x" not in page
        assert "</textarea><img" not in page


def _repeat(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


HOSTILE_DOCUMENTS: list[tuple[str, str]] = [
    ("100k straight quotation marks", '"' * 100_000),
    ("100k curly quotation marks", "“”" * 50_000),
    ("100k opening marks, never closed", "“" * 100_000),
    ("NUL bytes around a quote", '\x00\x00"We will, \x00" she said.\x00'),
    ("every quote a one-word quote", _repeat('"a" ', 50_000)),
    ("quotes ending in a comma, no cue", _repeat('"a,', 50_000)),
    ("said said said", _repeat("said ", 100_000)),
    ("capitalised words before a cue", _repeat("Mr. A B C D E F G said ", 50_000)),
    ("one word, no spaces", "a" * 200_000),
    ("spaces between two letters", "a" + " " * 199_998 + "b"),
    ("nested marks of every kind", _repeat("“‘«‹„‚「『", 100_000)),
    ("ellipses inside an open quote", _repeat('"… … …', 50_000)),
    ("brackets inside open quotes", _repeat('"[a] [', 50_000)),
    ("apostrophes and primes", _repeat("rock 'n' roll 5′10″ ", 50_000)),
    ("newlines only, then a quote", "\n" * 100_000 + '"Here," he said.'),
    ("combining marks on quote marks", _repeat('"\u0301a\u0301"\u0301 ', 50_000)),
]


@pytest.mark.parametrize(
    "document", [pytest.param(doc, id=name) for name, doc in HOSTILE_DOCUMENTS]
)
def test_hostile_document_verifies_in_bounded_time(client: FlaskClient, document: str) -> None:
    """Verified against itself: a 200 (or the documented 422 for text too complex) in
    bounded time, every span slicing the document, the summary counting the verdicts."""
    response, elapsed = _post(
        client, VERIFY, json.dumps({"source": document, "candidate": document}), JSON
    )
    assert elapsed < BOUND, f"{elapsed:.1f} s"
    if response.status_code == 422:
        assert "could not be processed" in _problem(response)["detail"]
        return
    assert response.status_code == 200
    body = json.loads(response.get_data())
    _assert_spans_slice(document, body)
    summary = body["summary"]
    assert summary["quotes"] == len(body["quotes"])
    assert summary["dropped"] == len(body["dropped"])
    statuses = ("intact", "altered", "misattributed", "altered_misattributed", "unsourced")
    assert sum(summary[status] for status in statuses) == summary["quotes"]


def test_nul_escaped_in_json_is_text_like_any_other(client: FlaskClient) -> None:
    document = '\x00"We will reopen the bridge," she said.\x00'
    response, _ = _post(client, EXTRACT, json.dumps({"text": document}), JSON)
    assert response.status_code == 200
    (quote,) = json.loads(response.get_data())["quotes"]
    assert quote["text"] == "We will reopen the bridge,"
    assert (quote["start"], quote["speaker"]["mention"]["text"]) == (2, "she")


def test_document_over_the_limit_and_body_over_the_limit(make_app: AppFactory) -> None:
    client = make_app({"MAX_DOCUMENT_CHARS": 1_000, "MAX_CONTENT_LENGTH": 50_000}).test_client()
    response, _ = _post(client, EXTRACT, json.dumps({"text": "a" * 1_001}))
    assert response.status_code == 422
    assert "1001 characters" in _problem(response)["errors"]["text"][0]
    response, _ = _post(client, EXTRACT, json.dumps({"text": "a" * 60_000}))
    assert response.status_code == 413
    assert "50000 bytes" in _problem(response)["detail"]


HOSTILE_HEADERS: list[tuple[str, dict[str, str], int]] = [
    ("10k-character request id", {"X-Request-ID": "x" * 10_000}, 200),
    ("request id with spaces and quotes", {"X-Request-ID": 'a b"c'}, 200),
    ("request id not ASCII", {"X-Request-ID": "r\u00e9sum\u00e9"}, 200),
    ("garbage Accept", {"Accept": ";;;,,q=x,text/html;q=abc,*/*;q=-1"}, 200),
    ("charset no one has", {"Content-Type": "application/json; charset=klingon"}, 200),
    ("JSON subtype", {"Content-Type": "application/vnd.verbatim+json"}, 200),
]


@pytest.mark.parametrize(
    ("headers", "status"), [pytest.param(h, s, id=name) for name, h, s in HOSTILE_HEADERS]
)
def test_hostile_headers(client: FlaskClient, headers: dict[str, str], status: int) -> None:
    content_type = headers.pop("Content-Type", JSON)
    body = json.dumps({"text": '"We will," she said.'})
    response, _ = _post(client, EXTRACT, body, content_type, headers)
    assert response.status_code == status
    assert response.mimetype == JSON
    sent_id = headers.get("X-Request-ID")
    if sent_id is not None:
        assert response.headers["X-Request-ID"] != sent_id  # refused, replaced
        assert len(response.headers["X-Request-ID"]) == 32


# ---- a real gunicorn: a stalled client does not hold the worker ------------------------

WORKER_TIMEOUT = 6


def _get(port: int, path: str, timeout: float) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@contextmanager
def _one_worker(tmp_path: Path) -> Iterator[int]:
    port = free_port()
    settings = {
        "VERBATIM_WORKERS": "1",
        "VERBATIM_TIMEOUT": str(WORKER_TIMEOUT),
        "TMPDIR": str(tmp_path),
    }
    with gunicorn(port, tmp_path / "gunicorn.log", settings):
        yield port


def _read_all(client: socket.socket) -> bytes:
    chunks = []
    while chunk := client.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_gunicorn_stalled_clients_do_not_hold_the_only_worker(tmp_path: Path) -> None:
    with _one_worker(tmp_path) as port:
        # 1. Headers and half a body, then silence: a 408 problem once the idle timeout
        #    (a third of the worker timeout) passes; the worker lives on.
        stalled = socket.create_connection(("127.0.0.1", port), timeout=WORKER_TIMEOUT * 3)
        stalled.sendall(
            b"POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b'Content-Length: 1000\r\n\r\n{"source": "We'
        )
        started = time.monotonic()
        answer = _read_all(stalled)
        stalled.close()
        assert time.monotonic() - started < WORKER_TIMEOUT
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 408"), answer[:300]
        assert b"application/problem+json" in head
        assert json.loads(body)["status"] == 408

        # 2. Half a request line, then silence: gunicorn is still reading headers, so only
        #    the worker timeout frees the worker (the arbiter replaces it); meanwhile a
        #    health check waits, and is answered within the timeout plus a restart.
        silent = socket.create_connection(("127.0.0.1", port), timeout=WORKER_TIMEOUT * 3)
        silent.sendall(b"POST /v1/ver")
        time.sleep(0.5)
        started = time.monotonic()
        assert _get(port, "/livez", WORKER_TIMEOUT * 4) == 200
        assert time.monotonic() - started < WORKER_TIMEOUT * 2 + 5
        silent.close()

        # 3. The server is whole afterwards.
        assert _get(port, "/readyz", 10) == 200
