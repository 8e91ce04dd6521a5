"""Real servers for the tests that need sockets: a free loopback port and gunicorn started
with deploy/gunicorn.conf.py as it ships."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import REPO, stop_gracefully

GUNICORN_CONF = REPO / "deploy" / "gunicorn.conf.py"

# Settings of the environment the tests run in that would change the server under test.
_INHERITED = frozenset({"WEB_CONCURRENCY", "PROMETHEUS_MULTIPROC_DIR"})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _ready(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/readyz")
        response = connection.getresponse()
        response.read()
        return response.status == 200
    finally:
        connection.close()


@contextmanager
def gunicorn(
    port: int, log: Path, settings: Mapping[str, str]
) -> Iterator[subprocess.Popen[bytes]]:
    """gunicorn on 127.0.0.1:``port`` with the config file, ``settings`` (``VERBATIM_*``,
    ``TMPDIR``) as its only configuration, and its output in ``log``. Yields the process once
    ``/readyz`` answers 200 (it must within 60 s), and stops it gracefully afterwards."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("VERBATIM_") and key not in _INHERITED
    }
    env.update(settings, VERBATIM_PORT=str(port))
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", str(GUNICORN_CONF)],
            cwd=REPO, env=env, stdout=sink, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text(errors="replace")
            not_ready = "gunicorn did not become ready:\n"
            assert time.monotonic() < deadline, not_ready + log.read_text(errors="replace")
            try:
                if _ready(port):
                    break
            except OSError:
                time.sleep(0.2)
        yield process
    finally:
        stop_gracefully(process)
