"""Start and stop this checkout's ``verbatim serve`` on loopback for the HTTP benchmarks.

Imported by ``bench/perf_http.py`` and ``bench/soak.py`` (run as ``python bench/x.py``, so
this folder is on ``sys.path``).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# `verbatim serve` of this checkout: the `verbatim` on PATH may belong to an installed (older)
# copy of the package, and would benchmark that instead.
SERVE_COMMAND = (sys.executable, "-c", "from service.cli import main; main()", "serve")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(
    port: int,
    workers: int | None,
    log: Path,
    env_changes: Mapping[str, str | None] | None = None,
) -> subprocess.Popen[bytes]:
    """``verbatim serve`` on 127.0.0.1:``port``, returned once ``/readyz`` answers 200.

    The caller's ``VERBATIM_*`` and ``WEB_CONCURRENCY`` are dropped so the server runs
    deploy/gunicorn.conf.py's defaults; ``env_changes`` then sets variables (None removes
    one). Output goes to ``log``; exits with the log when the server dies or is not ready
    within 60 s.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("VERBATIM_") and key not in {"WEB_CONCURRENCY"}
    }
    env["PYTHONPATH"] = str(ROOT)
    for key, value in (env_changes or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    command = [*SERVE_COMMAND, "--host", "127.0.0.1", "--port", str(port)]
    if workers is not None:
        command += ["--workers", str(workers)]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"verbatim serve exited:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5) as answer:
                if answer.status == 200:
                    return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"verbatim serve did not become ready:\n{log.read_text(errors='replace')}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM, and kill only if it has not stopped after gunicorn's graceful timeout."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
