"""Batch verification: ``POST /v1/verify/batch`` and ``verbatim verify-batch``.

One bad item gets its own problem and never costs the others their results; only a request
unusable as a whole fails. The CLI resumes from its output file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from service import cli, pipeline
from service.web.schemas import dump_verify
from tests.conftest import HARBOUR_CANDIDATE, HARBOUR_SOURCE, AppFactory

GOOD = {"source": HARBOUR_SOURCE, "candidate": HARBOUR_CANDIDATE}


def _expected_result(offset_unit: str = "codepoint") -> dict[str, Any]:
    from service import offsets

    report = pipeline.verify(HARBOUR_SOURCE, HARBOUR_CANDIDATE)
    converted = offsets.report_in_unit(HARBOUR_SOURCE, HARBOUR_CANDIDATE, report, offset_unit)  # type: ignore[arg-type]
    return dump_verify(converted, offset_unit)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("item", "status", "field"),
    [
        ({"id": "a", **GOOD}, 200, None),
        ({"id": "a", **GOOD, "offset_unit": "utf16"}, 200, None),
        ({"id": "a", "source": HARBOUR_SOURCE}, 422, "candidate"),
        ({"id": "a", **GOOD, "source": "  "}, 422, "source"),
        ({"id": "a", **GOOD, "format": "pdf"}, 422, "format"),
        ({"id": "a", **GOOD, "extra": 1}, 422, "extra"),
        ({**GOOD}, 422, "id"),
        ({"id": 7, **GOOD}, 422, "id"),
        ({"id": "", **GOOD}, 422, "id"),
        ("not an object", 422, "body"),
        (None, 422, "body"),
    ],
)
def test_each_item_gets_a_result_or_its_own_problem(
    client: FlaskClient, item: Any, status: int, field: str | None
) -> None:
    good_neighbour = {"id": "neighbour", **GOOD}
    response = client.post("/v1/verify/batch", json={"items": [good_neighbour, item]})
    assert response.status_code == 200
    body = response.get_json()
    neighbour, result = body["results"]
    assert neighbour == {"id": "neighbour", "status": 200, "result": _expected_result()}
    assert result["status"] == status
    if status == 200:
        assert result["result"] == _expected_result(item.get("offset_unit", "codepoint"))
    else:
        assert result["problem"]["status"] == status
        assert field in result["problem"]["errors"]
    failed = 0 if status == 200 else 1
    assert body["summary"] == {"items": 2, "succeeded": 2 - failed, "failed": failed}


def test_item_ids_are_kept_and_a_repeated_id_is_a_problem(client: FlaskClient) -> None:
    items = [{"id": "x", **GOOD}, {"id": "y", **GOOD}, {"id": "x", **GOOD}]
    results = client.post("/v1/verify/batch", json={"items": items}).get_json()["results"]
    assert [(r["id"], r["status"]) for r in results] == [("x", 200), ("y", 200), ("x", 422)]
    assert "id" in results[2]["problem"]["errors"]


def test_a_document_over_the_limit_fails_only_its_item(make_app: AppFactory) -> None:
    client = make_app({"MAX_DOCUMENT_CHARS": len(HARBOUR_SOURCE)}).test_client()
    long = {"id": "long", **GOOD, "candidate": HARBOUR_SOURCE + "x"}
    results = client.post(
        "/v1/verify/batch", json={"items": [long, {"id": "ok", **GOOD}]}
    ).get_json()["results"]
    assert [r["status"] for r in results] == [422, 200]
    assert "VERBATIM_MAX_DOCUMENT_CHARS" in results[0]["problem"]["errors"]["candidate"][0]


def test_a_bug_in_one_item_is_its_500(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.verify

    def flaky(source: str, candidate: str, fmt: Any = "text") -> Any:
        if "BOOM" in candidate:
            raise RuntimeError("bug")
        return real(source, candidate, fmt)

    monkeypatch.setattr(pipeline, "verify", flaky)
    items = [{"id": "bad", **GOOD, "candidate": "BOOM"}, {"id": "ok", **GOOD}]
    response = client.post("/v1/verify/batch", json={"items": items})
    assert response.status_code == 200
    assert [r["status"] for r in response.get_json()["results"]] == [500, 200]
    assert "bug" not in json.dumps(response.get_json()["results"][0])


@pytest.mark.parametrize(
    ("kwargs", "status", "field", "message"),
    [
        ({"data": "{", "content_type": "application/json"}, 400, None, "not valid JSON"),
        ({"data": "items", "content_type": "text/plain"}, 415, None, "application/json"),
        ({"json": {}}, 422, "items", "Missing data"),
        ({"json": {"items": []}}, 422, "items", "The batch is empty"),
        ({"json": {"items": {"id": "a"}}}, 422, "items", "Not a valid list"),
        ({"json": {"items": [{"id": "a", **GOOD}], "mode": "fast"}}, 422, "mode", "Unknown"),
        ({"json": [{"id": "a", **GOOD}]}, 422, "body", "Invalid input type"),
        (
            {"json": {"items": [{"id": str(n), **GOOD} for n in range(4)]}},
            422,
            "items",
            "the limit is 3 (VERBATIM_MAX_BATCH_ITEMS)",
        ),
        (
            {"json": {"items": [{"id": "a", **GOOD}, {"id": "b", **GOOD}]}},
            422,
            "items",
            "(VERBATIM_MAX_BATCH_CHARS)",
        ),
    ],
)
def test_whole_request_errors_still_fail_the_request(
    make_app: AppFactory, kwargs: dict[str, Any], status: int, field: str | None, message: str
) -> None:
    # Room for three items and for one pair's characters, not two.
    one_pair = len(HARBOUR_SOURCE) + len(HARBOUR_CANDIDATE)
    client = make_app({"MAX_BATCH_ITEMS": 3, "MAX_BATCH_CHARS": one_pair + 1}).test_client()
    response = client.post("/v1/verify/batch", **kwargs)
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    if field is None:
        assert message in problem["detail"]
    else:
        assert any(message in text for text in problem["errors"][field]), problem


def test_batch_body_over_the_byte_limit_is_413(make_app: AppFactory) -> None:
    client = make_app({"MAX_CONTENT_LENGTH": 1000}).test_client()
    response = client.post("/v1/verify/batch", json={"items": [{"id": "a", **GOOD}] * 3})
    assert response.status_code == 413
    assert "VERBATIM_MAX_BODY_BYTES" in response.get_json()["detail"]


# ---- verbatim verify-batch ---------------------------------------------------------------


def _write_pairs(path: Path, lines: list[Any]) -> None:
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
        encoding="utf-8",
    )


def _results(path: Path) -> dict[str | int, dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {row["id"] if row["id"] is not None else row["line"]: row for row in rows}


def test_cli_verifies_every_line_in_parallel_and_resumes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = tmp_path / "pairs.jsonl"
    output = tmp_path / "results.jsonl"
    _write_pairs(
        pairs,
        [
            {"id": "p1", **GOOD},
            {"id": "p2", "source": HARBOUR_SOURCE, "candidate": HARBOUR_SOURCE},
            "this line is not JSON",
            {"id": "p3", **GOOD, "source": ""},
            {"id": "p1", **GOOD},
        ],
    )
    status = cli.main(["verify-batch", str(pairs), "--jobs", "2", "--output", str(output)])
    err = capsys.readouterr().err
    assert status == cli.EXIT_USAGE  # some items could not be verified
    results = _results(output)
    assert set(results) == {"p1", "p2", 3, "p3"}
    assert results["p1"]["result"] == _expected_result()
    assert results["p2"]["result"]["summary"]["intact"] == results["p2"]["result"]["summary"][
        "quotes"
    ]
    assert results[3]["status"] == 400
    assert results["p3"]["problem"]["errors"] == {"source": ["The document is empty."]}
    assert len(output.read_text().splitlines()) == 5  # the repeated p1 gets a problem line
    assert "5 item(s) verified: 1 clean, 1 with findings, 3 problem(s)" in err

    # An interrupted run: the last line was cut short, and a new pair was added meanwhile.
    lines = output.read_text(encoding="utf-8").splitlines(keepends=True)
    (p2_line,) = (line for line in lines if json.loads(line)["id"] == "p2")
    others = [line for line in lines if line is not p2_line]
    output.write_text("".join(others) + p2_line[:20], encoding="utf-8")
    with pairs.open("a", encoding="utf-8") as file:
        file.write(json.dumps({"id": "p4", **GOOD}) + "\n")
    cli.main(["verify-batch", str(pairs), "--output", str(output), "--quiet"])
    err = capsys.readouterr().err
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows[len(others) :]] in (["p2", "p4"], ["p4", "p2"])
    assert len(rows) == 6
    assert "2 item(s) verified, 3 already in" in err  # p1 (twice), line 3, p3


def test_cli_batch_exit_status_follows_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = tmp_path / "pairs.jsonl"
    _write_pairs(pairs, [{"id": "same", "source": HARBOUR_SOURCE, "candidate": HARBOUR_SOURCE}])
    assert cli.main(["verify-batch", str(pairs), "--quiet"]) == cli.EXIT_OK
    line = json.loads(capsys.readouterr().out)
    assert (line["id"], line["status"]) == ("same", 200)
    _write_pairs(pairs, [{"id": "changed", **GOOD}])
    assert cli.main(["verify-batch", str(pairs), "--quiet"]) == cli.EXIT_PROBLEMS


def test_cli_batch_unreadable_input_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["verify-batch", str(tmp_path / "missing.jsonl")]) == cli.EXIT_USAGE
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("done", "total", "tty", "expected"),
    [
        (0, 4, False, ""),
        (1, 4, False, "[#######-----------------------] 1/4 items 25%"),
        (4, 4, True, "\r[##############################] 4/4 items 100%"),
    ],
)
def test_progress_bar(done: int, total: int, tty: bool, expected: str) -> None:
    import io

    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    stream = Stream()
    progress = cli.Progress(total, stream, enabled=True, interval=0.0)
    for _ in range(done):
        progress.advance()
    shown = stream.getvalue().splitlines()[-1] if not tty and done else stream.getvalue()
    if tty and done:
        shown = stream.getvalue()[stream.getvalue().rindex("\r") :]
    assert shown.startswith(expected)
