"""gunicorn for real, with deploy/gunicorn.conf.py, on a free loopback port.

- A request in flight when SIGTERM arrives still gets its 200, and the server exits 0.
- ``/metrics`` adds up across two worker processes (prometheus-client multiprocess mode).
- Logs are JSON lines: gunicorn's own and the app's access lines.
"""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from tests import servers
from tests.conftest import HARBOUR_CANDIDATE, HARBOUR_SOURCE
from tests.servers import free_port


@dataclass(frozen=True, slots=True)
class Server:
    process: subprocess.Popen[bytes]
    port: int
    metrics_dir: Path
    log: Path


@contextmanager
def gunicorn(workers: int, tmp_path: Path) -> Iterator[Server]:
    port = free_port()
    # The config makes its metrics directory with tempfile: under TMPDIR, so this test can
    # find (only) its own server's directory.
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    log = tmp_path / "gunicorn.log"
    settings = {"VERBATIM_WORKERS": str(workers), "TMPDIR": str(scratch)}
    with servers.gunicorn(port, log, settings) as process:
        (metrics_dir,) = scratch.glob("verbatim-metrics-*")
        yield Server(process, port, metrics_dir, log)


def _request(
    port: int, method: str, path: str, body: object = None, timeout: float = 60
) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = None if body is None else json.dumps(body).encode()
        headers = {} if body is None else {"Content-Type": "application/json"}
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _log_lines(log: Path) -> list[dict[str, object]]:
    lines = []
    for text in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if text.startswith("{"):
            lines.append(json.loads(text))
    return lines


def test_request_in_flight_at_sigterm_gets_its_200(tmp_path: Path) -> None:
    with gunicorn(1, tmp_path) as server:
        body = json.dumps({"source": HARBOUR_SOURCE, "candidate": HARBOUR_CANDIDATE}).encode()
        # Send the headers and half the body, so the worker has accepted the request and is
        # in the middle of it; then SIGTERM; then the rest. Deterministic, unlike racing a
        # slow computation against the signal.
        client = socket.create_connection(("127.0.0.1", server.port), timeout=60)
        head = (
            f"POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nX-Request-ID: in-flight\r\nConnection: close\r\n\r\n"
        ).encode()
        client.sendall(head + body[: len(body) // 2])
        time.sleep(1.0)
        server.process.send_signal(signal.SIGTERM)
        time.sleep(1.0)
        assert server.process.poll() is None, "gunicorn quit with a request in flight"
        client.sendall(body[len(body) // 2 :])
        received = b""
        while chunk := client.recv(65536):
            received += chunk
        client.close()
        status_line, _, rest = received.partition(b"\r\n")
        assert status_line == b"HTTP/1.1 200 OK", received[:500]
        payload = json.loads(rest.partition(b"\r\n\r\n")[2])
        assert payload["summary"]["quotes"] >= 1
        assert server.process.wait(timeout=40) == 0
        lines = _log_lines(server.log)
        access = [line for line in lines if line.get("logger") == "service.access"]
        assert any(
            line["request_id"] == "in-flight" and line["status"] == 200 for line in access
        )
        # gunicorn's own lines are JSON too (the formatter in logconfig_dict).
        assert any(line.get("logger") == "gunicorn.error" for line in lines)


def _counter(text: str, name: str, **labels: str) -> float:
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                return float(sample.value)
    return 0.0


def test_metrics_add_up_across_two_workers(tmp_path: Path) -> None:
    requests = 40
    with gunicorn(2, tmp_path) as server:
        def extract(_index: int) -> int:
            return _request(server.port, "POST", "/v1/extract", {"text": HARBOUR_SOURCE})[0]

        def verify(_index: int) -> int:
            body = {"source": HARBOUR_SOURCE, "candidate": HARBOUR_CANDIDATE}
            return _request(server.port, "POST", "/v1/verify", body)[0]

        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(extract, range(requests)))
            statuses += list(pool.map(verify, range(requests)))
        assert statuses == [200] * (2 * requests)
        # Both workers served: each has its own file of counters in the shared directory.
        pids = {path.stem.rpartition("_")[2] for path in server.metrics_dir.glob("counter_*.db")}
        assert len(pids) == 2, pids
        # Whichever worker answers the scrape, the counts are the sum over both.
        for _ in range(4):
            status, text_bytes = _request(server.port, "GET", "/metrics")
            assert status == 200
            text = text_bytes.decode()
            assert _counter(
                text, "verbatim_http_requests_total",
                endpoint="/v1/extract", method="POST", status="200",
            ) == requests  # fmt: skip
            assert _counter(
                text, "verbatim_http_request_duration_seconds_count",
                endpoint="/v1/verify", method="POST",
            ) == requests  # fmt: skip
            assert _counter(text, "verbatim_documents_processed_total", operation="verify") == (
                2 * requests
            )
            assert _counter(text, "verbatim_documents_processed_total", operation="extract") == (
                requests
            )
        metrics_dir = server.metrics_dir
    # The directory the config made for this server is gone after a clean exit.
    assert not metrics_dir.exists()
