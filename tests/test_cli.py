"""The ``verbatim`` command: tables, JSON, exit codes, input errors, and a real ``serve``.

Exit codes and tables are checked on hand-made reports (the pipeline is replaced), so they
test the CLI and not the quality of the rules; JSON output and ``serve`` run the real thing.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from service import cli, pipeline
from service.models import (
    Change,
    Dropped,
    Quote,
    Report,
    Span,
    Speaker,
    Status,
    Summary,
    Verdict,
    Wording,
)
from tests.conftest import (
    HARBOUR_CANDIDATE,
    HARBOUR_SOURCE,
    REPO,
    component_validator,
    stop_gracefully,
)
from tests.servers import free_port

ESC = "\x1b["


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``verbatim argv`` in this process: (exit status, stdout, stderr)."""
    capsys.readouterr()  # not what fixtures printed before (e.g. the app's start-up warning)
    try:
        status = cli.main(argv)
    except SystemExit as exit_:  # argparse exits on its own for --help and usage errors
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def documents(tmp_path: Path) -> tuple[str, str]:
    source = tmp_path / "source.txt"
    candidate = tmp_path / "candidate.txt"
    source.write_text(HARBOUR_SOURCE, encoding="utf-8")
    candidate.write_text(HARBOUR_CANDIDATE, encoding="utf-8")
    return str(source), str(candidate)


# ---- hand-made reports: exit codes and the table ----------------------------------------


def _quote(qid: str, text: str, speaker: str | None) -> Quote:
    who = None if speaker is None else Speaker(speaker, Span(speaker, 0, len(speaker)))
    return Quote(qid, text, 0, len(text), who, None)


def _verdict(
    status: Status,
    *,
    speaker: str = "Ingrid Solberg",
    source_speaker: str = "Ingrid Solberg",
    changes: tuple[Change, ...] = (),
    evidence: Span | None = None,
) -> Verdict:
    unsourced = status == "unsourced"
    return Verdict(
        id="q1",
        status=status,
        candidate=_quote("q1", "The ships are three times the size.", speaker),
        source=None if unsourced else _quote("q4", "The ships are twice the size.", source_speaker),
        wording=Wording(1.0 if not changes else 0.8, changes),
        speaker_match="different" if speaker != source_speaker else "same",
        severity="high" if status in ("altered", "altered_misattributed") else None,
        evidence=evidence,
    )


def _report(verdicts: tuple[Verdict, ...], dropped: tuple[Dropped, ...] = ()) -> Report:
    counts = {status: sum(v.status == status for v in verdicts) for status in cli._STATUS_COLOURS}
    summary = Summary(
        len(verdicts),
        counts["intact"],
        counts["altered"],
        counts["misattributed"],
        counts["altered_misattributed"],
        counts["unsourced"],
        len(dropped),
    )
    return Report(summary, verdicts, dropped)


DROPPED = Dropped(
    _quote("q2", "Without a deeper channel we lose them.", "Ingrid Solberg"),
    Span("we lose them", 10, 22),
)


@pytest.mark.parametrize(
    ("report", "status", "expected_lines"),
    [
        (_report(()), 0, ["The candidate has no quotations.", "0 candidate quote(s); 0 source"]),
        (
            _report((_verdict("intact"),)),
            0,
            ["q1  intact  Ingrid Solberg  “The ships", "1 candidate quote(s): 1 intact; 0 source"],
        ),
        (
            _report(
                (
                    _verdict(
                        "altered",
                        changes=(
                            Change("replace", "twice", "three times"),
                            Change("insert", "", "much"),
                            Change("delete", "very", ""),
                        ),
                    ),
                )
            ),
            1,
            ["altered (high)", "  twice → three times", "  + much", "  - very", "1 altered"],
        ),
        (
            _report((_verdict("misattributed", speaker="Tomas Berg"),)),
            1,
            ["Tomas Berg (source:", "Ingrid Solberg)", "1 misattributed"],
        ),
        (
            _report((_verdict("unsourced", evidence=Span("ships were twice as big", 3, 26)),)),
            1,
            ["closest in source: ships were twice as big", "1 unsourced"],
        ),
        (
            _report((_verdict("intact"),), (DROPPED,)),
            1,
            [
                "Dropped: 1 source quote(s) missing from the candidate",
                "q2  Ingrid Solberg  “Without a deeper channel we lose them.”",
                "survives unquoted: we lose them",
                "1 intact; 1 source quote(s) dropped",
            ],
        ),
    ],
)
def test_verify_table_and_exit_status(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    documents: tuple[str, str],
    report: Report,
    status: int,
    expected_lines: list[str],
) -> None:
    monkeypatch.setattr(pipeline, "verify", lambda source, candidate, fmt: report)
    code, out, err = run(["verify", *documents], capsys)
    assert (code, err) == (status, "")
    for line in expected_lines:
        assert line in out
    assert ESC not in out  # captured output is not a terminal


def test_long_quotes_wrap_to_the_width(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], documents: tuple[str, str]
) -> None:
    long_quote = Quote("q1", "word " * 60, 0, 300, None, None)
    verdict = _verdict("intact")
    report = _report((Verdict("q1", "intact", long_quote, long_quote, verdict.wording, "unknown"),))
    monkeypatch.setattr(pipeline, "verify", lambda source, candidate, fmt: report)
    monkeypatch.setenv("COLUMNS", "72")
    _, out, _ = run(["verify", *documents], capsys)
    assert max(len(line) for line in out.splitlines()) <= 72
    assert out.count("word") == 60


# ---- colour ----------------------------------------------------------------------------


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("choice", "tty", "no_color", "expected"),
    [
        ("auto", True, None, True),
        ("auto", False, None, False),
        ("auto", True, "1", False),
        ("auto", True, "", True),  # NO_COLOR only counts when non-empty (no-color.org)
        ("always", False, "1", True),
        ("never", True, None, False),
    ],
)
def test_colour_only_on_a_terminal_without_no_color(
    monkeypatch: pytest.MonkeyPatch, choice: str, tty: bool, no_color: str | None, expected: bool
) -> None:
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert cli.use_colour(choice, _Stream(tty)) is expected


def test_colour_paints_statuses(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], documents: tuple[str, str]
) -> None:
    report = _report((_verdict("altered", changes=(Change("replace", "a", "b"),)),))
    monkeypatch.setattr(pipeline, "verify", lambda source, candidate, fmt: report)
    _, out, _ = run(["verify", *documents, "--color", "always"], capsys)
    assert f"{ESC}33;1maltered (high)" in out


# ---- the real pipeline: JSON output ------------------------------------------------------


def test_extract_json_is_the_api_response(
    capsys: pytest.CaptureFixture[str], documents: tuple[str, str], client: FlaskClient
) -> None:
    code, out, err = run(["extract", documents[0], "--json"], capsys)
    assert (code, err) == (0, "")
    body = json.loads(out)
    component_validator("ExtractResponse").validate(body)
    assert body == client.post("/v1/extract", json={"text": HARBOUR_SOURCE}).get_json()


def test_verify_json_is_the_api_response(
    capsys: pytest.CaptureFixture[str], documents: tuple[str, str], client: FlaskClient
) -> None:
    code, out, _ = run(["verify", *documents, "--json"], capsys)
    body = json.loads(out)
    component_validator("VerifyResponse").validate(body)
    api = client.post("/v1/verify", json={"source": HARBOUR_SOURCE, "candidate": HARBOUR_CANDIDATE})
    assert body == api.get_json()
    summary = body["summary"]
    assert code == (0 if summary["intact"] == summary["quotes"] and not summary["dropped"] else 1)


def test_extract_table_lists_every_quote(
    capsys: pytest.CaptureFixture[str], documents: tuple[str, str]
) -> None:
    code, out, _ = run(["extract", documents[0]], capsys)
    quotes = pipeline.extract(HARBOUR_SOURCE)
    assert code == 0
    assert f"{len(quotes)} quotation(s)" in out
    for quote in quotes:
        assert f"{quote.id} " in out


def test_stdin_is_read_for_dash(documents: tuple[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "service.cli", "verify", documents[0], "-", "--json"],
        input=HARBOUR_CANDIDATE.encode(),
        capture_output=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)["summary"]["quotes"] >= 1


def test_the_cli_does_not_import_flask(documents: tuple[str, str]) -> None:
    code = (
        "import sys; from service import cli; "
        f"status = cli.main(['verify', {documents[0]!r}, {documents[1]!r}, '--json']); "
        "assert 'flask' not in sys.modules, 'flask was imported'; print(status)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] in ("0", "1")


# ---- bad usage and unreadable input: exit 2, one line ------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "required"),
        (["frobnicate"], "invalid choice"),
        (["extract"], "FILE"),
        (["extract", "{missing}"], "cannot read"),
        (["extract", "{dir}"], "cannot read"),
        (["extract", "{latin1}"], "not UTF-8"),
        (["extract", "{empty}"], "is empty"),
        (["extract", "{source}", "--format", "pdf"], "invalid choice"),
        (["extract", "{source}", "--verbose"], "unrecognized arguments"),
        (["verify", "{source}"], "CANDIDATE"),
        (["verify", "-", "-"], "only one of SOURCE and CANDIDATE"),
        (["verify", "{source}", "{missing}"], "cannot read"),
        (["serve", "--port", "0"], "must be at least 1"),
        (["serve", "--port", "70000"], "not a TCP port"),
        (["serve", "--workers", "two"], "not a whole number"),
    ],
)
def test_bad_usage_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    documents: tuple[str, str],
    argv: list[str],
    message: str,
) -> None:
    (tmp_path / "latin1.txt").write_bytes("“Ça coûte cher,” dit-elle.".encode("latin-1", "replace"))
    (tmp_path / "empty.txt").write_text(" \n", encoding="utf-8")
    paths = {
        "missing": str(tmp_path / "missing.txt"),
        "dir": str(tmp_path),
        "latin1": str(tmp_path / "latin1.txt"),
        "empty": str(tmp_path / "empty.txt"),
        "source": documents[0],
    }
    code, out, err = run([arg.format(**paths) for arg in argv], capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("verbatim")
    assert err.count("\n") == 1, err
    assert message in err


def test_serve_rejects_a_bad_environment_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VERBATIM_PORT", "eighty")
    code, _, err = run(["serve"], capsys)
    assert code == 2
    assert err.count("\n") == 1 and "VERBATIM_PORT" in err


# ---- serve ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flags", "env", "bind", "workers"),
    [
        ([], {}, None, None),
        (["--port", "9001"], {}, "127.0.0.1:9001", None),
        (["--port", "9001"], {"VERBATIM_HOST": "0.0.0.0"}, "0.0.0.0:9001", None),
        (["--host", "::1"], {"VERBATIM_PORT": "9002"}, "[::1]:9002", None),
        (["--workers", "3"], {}, None, "3"),
    ],
)
def test_gunicorn_command_line(
    monkeypatch: pytest.MonkeyPatch,
    flags: list[str],
    env: dict[str, str],
    bind: str | None,
    workers: str | None,
) -> None:
    for name in ("VERBATIM_HOST", "VERBATIM_PORT", "VERBATIM_WORKERS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    args: argparse.Namespace = cli.build_parser().parse_args(["serve", *flags])
    argv = cli.gunicorn_argv(args)
    assert argv[:3] == [sys.executable, "-m", "gunicorn"]
    assert Path(argv[argv.index("--config") + 1]).name == "gunicorn.conf.py"
    assert argv[-1] == "service:create_app()"
    assert (argv[argv.index("--bind") + 1] if "--bind" in argv else None) == bind
    assert (argv[argv.index("--workers") + 1] if "--workers" in argv else None) == workers


def _get(url: str, body: dict[str, Any] | None = None) -> tuple[int, bytes]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.parametrize("port_from", ["flag", "environment"])
def test_serve_runs_gunicorn_and_stops_on_sigterm(port_from: str) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("VERBATIM_")}
    argv = [sys.executable, "-m", "service.cli", "serve", "--workers", "1"]
    if port_from == "flag":
        argv += ["--port", str(port)]
    else:
        env["VERBATIM_PORT"] = str(port)
    server = subprocess.Popen(
        argv, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        status = 0
        while time.monotonic() < deadline and server.poll() is None:
            try:
                status, _ = _get(f"http://127.0.0.1:{port}/readyz")
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200, "the server did not become ready"
        status, body = _get(f"http://127.0.0.1:{port}/v1/extract", {"text": HARBOUR_SOURCE})
        assert status == 200
        assert json.loads(body)["offset_unit"] == "codepoint"
        status, body = _get(f"http://127.0.0.1:{port}/v1/extract", {"text": ""})
        assert status == 422
    finally:
        stop_gracefully(server)
        errors = server.stderr.read().decode() if server.stderr else ""
    assert server.returncode == 0, errors


# ---- packaging: an installed (non-editable) service finds its files ----------------------


def test_wheel_ships_openapi_and_gunicorn_conf(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(tmp_path / "dist"), str(REPO)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    (wheel,) = (tmp_path / "dist").glob("verbatim-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert archive.read("service/openapi.yaml") == (REPO / "openapi.yaml").read_bytes()
        conf = (REPO / "deploy" / "gunicorn.conf.py").read_bytes()
        assert archive.read("service/gunicorn.conf.py") == conf
        (entry_points,) = (name for name in names if name.endswith(".dist-info/entry_points.txt"))
        scripts = archive.read(entry_points).decode()
        archive.extractall(tmp_path / "site")
    assert "service/cli.py" in names
    assert "verbatim = service.cli:main" in scripts
    probe = (
        "from service import resources; "
        "print(resources.openapi_path()); print(resources.gunicorn_conf_path())"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True, text=True, cwd=tmp_path, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for line in result.stdout.splitlines():
        assert Path(line).is_relative_to(tmp_path / "site" / "service"), line
