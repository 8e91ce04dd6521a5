"""The README tells the truth: its first commands, its configuration table, its examples."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from flask.testing import FlaskClient

from service import cli, pipeline
from service.web.config import SETTINGS
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _code_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, flags=re.S | re.M)


def test_readme_starts_with_the_two_commands() -> None:
    assert README.startswith("# Verbatim\n\n```sh\n")
    serve, test = _code_blocks("sh")[0].splitlines()
    assert serve == "pip install . && verbatim serve"
    assert test == "pip install '.[test]' && python -m pytest"


def test_ci_runs_the_readme_test_command() -> None:
    printed = subprocess.run(
        ["bash", str(REPO / ".ci" / "run"), "--print"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert printed.strip() == _code_blocks("sh")[0].splitlines()[1]


def test_configuration_table_is_the_settings() -> None:
    rows = [line for line in README.splitlines() if line.startswith("| `VERBATIM_")]
    assert rows == [setting.table_row() for setting in SETTINGS]


def _curl_example() -> dict[str, str]:
    block = next(b for b in _code_blocks("sh") if "/v1/verify" in b)
    body = block.split("<<'EOF'\n", 1)[1].rsplit("EOF", 1)[0]
    loaded: dict[str, str] = json.loads(body)
    return loaded


def _documented_verify_answer() -> str:
    return next(b for b in _code_blocks("json") if '"summary"' in b)


def test_curl_example_output_is_what_the_service_answers(client: FlaskClient) -> None:
    response = client.post("/v1/verify", json=_curl_example())
    assert response.status_code == 200
    body = response.get_json()
    documented = _documented_verify_answer()
    summary_line = next(line for line in documented.splitlines() if '"summary"' in line)
    assert json.loads("{" + summary_line.rstrip(",") + "}")["summary"] == body["summary"], (
        "README's curl example is stale: run it against `verbatim serve` and paste the answer"
    )
    for verdict in body["quotes"]:
        assert f'"id": "{verdict["id"]}", "status": "{verdict["status"]}"' in documented or (
            f'"id": "{verdict["id"]}",\n      "status": "{verdict["status"]}"' in documented
        )
        for side in ("candidate", "source"):
            quote = verdict[side]
            if quote is not None and f'"text": {json.dumps(quote["text"])},\n' in documented:
                for field in ("start", "end", "speaker", "cue"):
                    assert f'"{field}": {json.dumps(quote[field])}' in documented


def test_cli_example_output_is_what_the_cli_prints() -> None:
    block = next(b for b in _code_blocks("text") if "$ verbatim verify" in b)
    command, *expected = block.rstrip("\n").splitlines()
    example = _curl_example()
    report = pipeline.verify(example["source"], example["candidate"])
    printed = cli.render_verify(report, cli.Palette(enabled=False), width=100)
    assert command == "$ verbatim verify bridge-source.txt bridge-rewrite.txt"
    assert printed.rstrip("\n").splitlines() == expected, (
        "README's CLI example is stale: save the curl example's documents as "
        "bridge-source.txt and bridge-rewrite.txt, run the command and paste its output"
    )


def test_batch_example_output_is_what_the_service_answers(client: FlaskClient) -> None:
    block = next(b for b in _code_blocks("sh") if "/v1/verify/batch" in b)
    request = json.loads(block.split("<<'EOF'\n", 1)[1].rsplit("EOF", 1)[0])
    body = client.post("/v1/verify/batch", json=request).get_json()
    documented = next(b for b in _code_blocks("json") if '"succeeded"' in b)
    stale = "README's batch example is stale: run it against `verbatim serve` and paste the answer"
    assert f'"summary": {json.dumps(body["summary"])}' in documented, stale
    for result in body["results"]:
        head = f'{{"id": "{result["id"]}", "status": {result["status"]}, '
        if "problem" in result:
            assert head + f'"problem": {json.dumps(result["problem"])}}}' in documented, stale
        else:
            summary = json.dumps(result["result"]["summary"])
            assert head + f'"result": {{"summary": {summary}, ...}}}}' in documented, stale


def test_documented_log_line_has_the_fields_the_service_logs(
    client: FlaskClient, capsys: pytest.CaptureFixture[str]
) -> None:
    documented = json.loads(next(b for b in _code_blocks("json") if '"service.access"' in b))
    capsys.readouterr()
    client.post("/v1/verify/batch", json={"items": []}, headers={"X-Request-ID": "cms-7f3a"})
    logged = [
        json.loads(line)
        for line in capsys.readouterr().err.splitlines()
        if line.startswith("{") and '"service.access"' in line
    ]
    assert len(logged) == 1
    assert list(logged[0]) == list(documented)
