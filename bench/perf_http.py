"""HTTP throughput and latency of ``verbatim serve`` (gunicorn, production config) under load.

Usage: python bench/perf_http.py [SEEDS] [--duration 15] [--connections 8] [--workers N]

Starts ``verbatim serve`` on 127.0.0.1 (a free port) with ``deploy/gunicorn.conf.py`` as it
ships (one sync worker per usable CPU, JSON access log at INFO, metrics in multiprocess mode),
then drives it with wrk for a fixed duration per endpoint, one after the other in this one
run: ``GET /livez`` and ``POST /v1/verify`` of the seed pair. Prints requests/s, p50 and p99
latency, errors, and the ratio of the two throughputs. Then, in this process, where one
``/v1/verify`` request's time goes (the pipeline against the web layer around it).

Targets (issue 6): ``/v1/verify`` throughput ≥ 25% of ``/livez``'s, and ``/v1/verify``'s
p99 ≤ 5× its p50 under load (``/livez``'s is printed too). Exit status 0 when both are met
and no request failed, 1 when not, 2 when the benchmark cannot run (no wrk).

SEEDS defaults to ../shared/seeds (``000_*.txt`` source, ``001_*.txt`` candidate); when it is
absent the script says so and uses an invented pair instead.

wrk is the load generator (C, event loop: it does not run out of CPU before the server):
``apt-get install -y wrk`` on Debian/Ubuntu, ``brew install wrk`` on macOS.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import regex
from _server import free_port, start_server, stop_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 0.25
TARGET_TAIL = 5.0

# Written for this benchmark (not taken from any corpus): a short wire story and a rewrite.
INVENTED_SOURCE = (
    "City council approves new tram line\n\n"
    "The city council on Thursday approved a 12-kilometre tram line linking the harbour to "
    "the university. “This is the biggest investment in public transport in forty years,” "
    "said Mayor Elena Brandt. “Construction starts in spring and the first trams will run "
    "in 2028.”\n\n"
    "Opposition councillor Paul Meyer voted against the plan. “The budget assumes that "
    "nothing will go wrong, and something always goes wrong,” he told reporters.\n\n"
    "Shop owners along the route asked for compensation. “We cannot survive two years of "
    "roadworks without help,” said Ana Lopez, who runs a bakery on Harbour Street.\n"
)
INVENTED_CANDIDATE = (
    "Tram line gets green light\n\n"
    "A 12-kilometre tram line from the harbour to the university was approved by the city "
    "council on Thursday. “This is the largest investment in public transport in forty "
    "years,” Mayor Elena Brandt said. “Construction starts in spring.”\n\n"
    "“The budget assumes that nothing will go wrong,” said councillor Paul Meyer, who voted "
    "against it.\n\n"
    "“We cannot survive two years of roadworks,” said Ana Lopez, a bakery owner.\n"
)

_REQUESTS_PER_SECOND = regex.compile(r"Requests/sec:\s+([\d.]+)")
_PERCENTILE = regex.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", regex.MULTILINE)
_TOTAL = regex.compile(r"(\d+) requests in")
_NON_2XX = regex.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
_SOCKET_ERRORS = regex.compile(
    r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
)
_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True, slots=True)
class LoadResult:
    label: str
    requests: int
    per_second: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def tail(self) -> float:
        return self.p99_ms / self.p50_ms if self.p50_ms else float("inf")

    def line(self) -> str:
        return (
            f"{self.label:16} {self.per_second:9.1f} req/s   p50 {self.p50_ms:8.2f} ms   "
            f"p99 {self.p99_ms:8.2f} ms   p99/p50 {self.tail:5.2f}   "
            f"requests {self.requests:7d}   errors {self.errors}"
        )


def _pair(seeds: Path) -> tuple[str, str, str]:
    sources = sorted(seeds.glob("000_*.txt"))
    candidates = sorted(seeds.glob("001_*.txt"))
    if not sources or not candidates:
        print(
            f"note: no seed pair (000_*.txt and 001_*.txt) under {seeds}; pass the seeds path "
            "as the first argument. Using an invented pair instead.",
            file=sys.stderr,
        )
        return "invented pair", INVENTED_SOURCE, INVENTED_CANDIDATE
    source = sources[0].read_text(encoding="utf-8")
    candidate = candidates[0].read_text(encoding="utf-8")
    return "seed pair", source, candidate


def _check(port: int, body: bytes) -> None:
    """One request of each kind, answered 200, before any load: a misconfigured server
    must not be benchmarked on its error path."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/v1/verify",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        report = json.loads(answer.read())
    print(
        f"POST /v1/verify answers 200: {report['summary']['quotes']} candidate quotes, "
        f"{report['summary']['dropped']} dropped"
    )


def _lua_script(directory: Path, body_path: Path | None) -> Path:
    script = directory / ("get.lua" if body_path is None else "post.lua")
    if body_path is None:
        script.write_text('wrk.method = "GET"\n', encoding="utf-8")
        return script
    script.write_text(
        f'local file = io.open("{body_path}", "rb")\n'
        'wrk.body = file:read("*a")\n'
        "file:close()\n"
        'wrk.method = "POST"\n'
        'wrk.headers["Content-Type"] = "application/json"\n',
        encoding="utf-8",
    )
    return script


def _milliseconds(output: str, percentile: str) -> float:
    for found in _PERCENTILE.finditer(output):
        if found.group(1) == percentile:
            return float(found.group(2)) * _UNIT_MS[found.group(3)]
    raise SystemExit(f"wrk printed no {percentile}% latency:\n{output}")


def _wrk(
    label: str, url: str, script: Path, duration: int, connections: int, threads: int
) -> LoadResult:
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=30s",
        "--latency",
        f"--script={script}",
        url,
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, check=False, timeout=duration + 60
    )
    output = done.stdout + done.stderr
    if done.returncode != 0:
        raise SystemExit(f"wrk failed ({done.returncode}):\n{output}")
    per_second = _REQUESTS_PER_SECOND.search(output)
    total = _TOTAL.search(output)
    if per_second is None or total is None:
        raise SystemExit(f"cannot read wrk's output:\n{output}")
    errors = 0
    non_2xx = _NON_2XX.search(output)
    if non_2xx is not None:
        errors += int(non_2xx.group(1))
    sockets = _SOCKET_ERRORS.search(output)
    if sockets is not None:
        errors += sum(int(count) for count in sockets.groups())
    return LoadResult(
        label,
        int(total.group(1)),
        float(per_second.group(1)),
        _milliseconds(output, "50"),
        _milliseconds(output, "99"),
        errors,
    )


def _in_process_breakdown(source: str, candidate: str, rounds: int) -> None:
    """Best-of-N milliseconds of the pipeline alone and of a whole request through the Flask
    app (test client: no sockets, no gunicorn), so the web layer's share is visible."""
    os.environ.pop("PROMETHEUS_MULTIPROC_DIR", None)
    from service import create_app, offsets, pipeline
    from service.web.schemas import dump_verify

    app = create_app({"TESTING": False, "LOG_LEVEL": "INFO"})
    client = app.test_client()
    body = json.dumps({"source": source, "candidate": candidate}, ensure_ascii=False).encode()

    def best(action: object) -> float:
        assert callable(action)
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            action()
            times.append(time.perf_counter() - started)
        return min(times) * 1000

    report = pipeline.verify(source, candidate, "text")
    stages = {
        "json.loads(body)": best(lambda: json.loads(body)),
        "pipeline.verify": best(lambda: pipeline.verify(source, candidate, "text")),
        "offsets.report_in_unit": best(
            lambda: offsets.report_in_unit(source, candidate, report, "codepoint")
        ),
        "schemas.dump_verify": best(lambda: dump_verify(report, "codepoint")),
    }
    with app.app_context():
        dumped = dump_verify(report, "codepoint")
        stages["json dumps (response)"] = best(lambda: app.json.dumps(dumped))
    whole = best(lambda: client.post("/v1/verify", data=body, content_type="application/json"))
    livez = best(lambda: client.get("/livez"))
    print(f"\nwhere one POST /v1/verify goes, in process (best of {rounds}):")
    print(f"  whole request (Flask test client)  {whole:8.2f} ms")
    for name, value in stages.items():
        print(f"  {name:34} {value:8.2f} ms  {value / whole:6.1%}")
    web = whole - stages["pipeline.verify"]
    print(f"  web layer (whole - pipeline)       {web:8.2f} ms  {web / whole:6.1%}")
    print(f"  GET /livez (Flask test client)     {livez:8.2f} ms")
    print(
        f"  ratio livez/verify in process      {livez / whole:8.3f} "
        "(the most the HTTP ratio can reach with the pipeline as it is)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", nargs="?", default=str(ROOT.parent / "shared" / "seeds"))
    parser.add_argument("--duration", type=int, default=15, help="seconds per endpoint")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--workers", type=int, default=None, help="default: the config's")
    parser.add_argument("--rounds", type=int, default=30, help="in-process breakdown rounds")
    args = parser.parse_args()

    if shutil.which("wrk") is None:
        print(
            "wrk is not installed: it is this benchmark's load generator. Install it with "
            "`apt-get install -y wrk` (Debian/Ubuntu) or `brew install wrk` (macOS).",
            file=sys.stderr,
        )
        return 2
    name, source, candidate = _pair(Path(args.seeds))
    body = json.dumps({"source": source, "candidate": candidate}, ensure_ascii=False).encode()
    print(
        f"{name}: {len(source) + len(candidate)} characters, request body {len(body)} bytes; "
        f"{args.duration} s per endpoint, {args.connections} connections, "
        f"{args.threads} wrk thread(s), {os.cpu_count()} CPUs"
    )
    with tempfile.TemporaryDirectory(prefix="verbatim-perf-http-") as scratch:
        directory = Path(scratch)
        body_path = directory / "verify.json"
        body_path.write_bytes(body)
        port = free_port()
        log = directory / "server.log"
        server = start_server(port, args.workers, log)
        try:
            _check(port, body)
            base = f"http://127.0.0.1:{port}"
            get_script = _lua_script(directory, None)
            post_script = _lua_script(directory, body_path)
            # A short warm-up of each, so neither pays for first-request costs.
            _wrk("warm-up", f"{base}/livez", get_script, 2, args.connections, args.threads)
            _wrk("warm-up", f"{base}/v1/verify", post_script, 2, args.connections, args.threads)
            livez = _wrk(
                "GET /livez", f"{base}/livez", get_script, args.duration, args.connections,
                args.threads,
            )  # fmt: skip
            verify = _wrk(
                "POST /v1/verify", f"{base}/v1/verify", post_script, args.duration,
                args.connections, args.threads,
            )  # fmt: skip
        finally:
            stop_server(server)
    workers = "config default" if args.workers is None else str(args.workers)
    print(f"\ngunicorn workers: {workers}")
    print(livez.line())
    print(verify.line())
    ratio = verify.per_second / livez.per_second
    ratio_ok = ratio >= TARGET_RATIO
    # The tail target is the API's (/v1/verify under load). /livez's sub-millisecond requests
    # are printed for reference: their p99 mostly measures the scheduler, with wrk, the
    # master and the workers sharing the machine's cores.
    tail_ok = verify.tail <= TARGET_TAIL
    errors_ok = livez.errors == 0 and verify.errors == 0
    print(
        f"throughput ratio verify/livez = {ratio:.3f} "
        f"({'meets' if ratio_ok else 'MISSES'} the >= {TARGET_RATIO:.2f} target)"
    )
    print(
        f"p99/p50 of /v1/verify {verify.tail:.2f} "
        f"({'meets' if tail_ok else 'MISSES'} the <= {TARGET_TAIL:g}x target; "
        f"/livez {livez.tail:.2f}, for reference)"
    )
    if not errors_ok:
        print("ERRORS: some requests failed (see counts above)")
    # The app's JSON log lines go to whatever sys.stderr is: to nowhere here, at the same
    # cost of formatting each record as in production.
    with open(os.devnull, "w") as nowhere, contextlib.redirect_stderr(nowhere):
        _in_process_breakdown(source, candidate, args.rounds)
    return 0 if ratio_ok and tail_ok and errors_ok else 1


if __name__ == "__main__":
    sys.exit(main())
