"""Soak: a bounded load run against gunicorn on loopback; zero errors, worker memory flat.

Usage: python bench/soak.py [--duration 180] [--concurrency 16] [--warm-up 30]
                            [--workers N] [--recycle]

Starts ``verbatim serve`` (deploy/gunicorn.conf.py) on a free 127.0.0.1 port and keeps
``--concurrency`` client threads busy for ``--duration`` seconds. Each thread sends a mix
of requests whose documents differ every time (invented news stories with new names and
numbers), so a cache or a per-request leak would grow: POST /v1/verify (70%), POST
/v1/extract (15%), POST /v1/verify/batch of three pairs (5%), GET /livez (5%) and a request
with a wrong field (5%, must get its 422). Every worker's RSS is sampled from /proc.

By default workers are *not* recycled (``--max-requests 0``): the production config
restarts a worker every ~2,000 requests, which would hide a leak. ``--recycle`` keeps the
config's recycling to soak exactly what ships.

Pass: zero errors (a status other than the expected one, a connection failure, a worker that
died), and each worker's RSS at the end within 10% of its RSS at the end of the warm-up.
Exit status 0 on pass, 1 on fail.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from _server import free_port, start_server, stop_server

TARGET_GROWTH = 0.10

# Invented for this benchmark: a story template, filled with new people, places and numbers
# for every request.
_PEOPLE = (
    "Elena Brandt", "Paul Meyer", "Ana Lopez", "Tomas Berg", "Ingrid Solberg", "Kofi Mensah",
    "Mei Lin", "Rafael Ortiz", "Sara Haddad", "Jonas Weber", "Priya Nair", "Lucas Moreau",
)  # fmt: skip
_PLACES = (
    "Harbour Street", "the old mill", "Riverside", "the north bridge", "Station Square",
    "the university", "Elm Park", "the ferry terminal",
)  # fmt: skip
_OUTCOMES = ("approved", "rejected", "postponed", "narrowly passed")
_SOFTENERS = ("largest", "biggest", "most ambitious", "costliest")


def _story(rng: random.Random) -> tuple[str, str]:
    """A source article and a rewrite that keeps, alters, misattributes and drops quotes."""
    mayor, critic, owner, other = rng.sample(_PEOPLE, 4)
    place, second = rng.sample(_PLACES, 2)
    km, year, years, million = (
        rng.randint(2, 40),
        rng.randint(2026, 2040),
        rng.randint(2, 9),
        (rng.randint(5, 900)),
    )
    outcome = rng.choice(_OUTCOMES)
    source = (
        f"Council {outcome} the {km}-kilometre tram line to {place}\n\n"
        f"The council on Thursday {outcome} a {km}-kilometre tram line linking {place} to "
        f"{second}, at a cost of {million} million euros. “This is the biggest investment in "
        f"public transport in {years * 10} years,” said Mayor {mayor}. “Construction starts in "
        f"spring and the first trams will run in {year}.”\n\n"
        f"Councillor {critic} voted against the plan. “The budget assumes that nothing will go "
        f"wrong, and something always goes wrong,” {critic.split()[1]} told reporters.\n\n"
        f"Shop owners near {place} asked for help. “We cannot survive {years} years of "
        f"roadworks without compensation,” said {owner}, who runs a bakery there.\n"
    )
    candidate = (
        f"Tram line to {place}: council says yes\n\n"
        f"A {km}-kilometre tram line from {place} to {second} was {outcome} on Thursday. "
        f"“This is the {rng.choice(_SOFTENERS)} investment in public transport in "
        f"{years * 10} years,” Mayor {mayor} said. “Construction starts in spring.”\n\n"
        f"“The budget assumes that nothing will go wrong,” said {other}, who voted against.\n\n"
        f"“We cannot survive {years} years of roadworks,” said {owner}, a bakery owner.\n"
    )
    return source, candidate


@dataclass(frozen=True, slots=True)
class Call:
    kind: str
    method: str
    path: str
    body: bytes | None
    expected: int


def _call(rng: random.Random) -> Call:
    roll = rng.random()
    if roll < 0.70:
        source, candidate = _story(rng)
        body = {"source": source, "candidate": candidate}
        if rng.random() < 0.2:
            body["offset_unit"] = "utf16"
        return Call("verify", "POST", "/v1/verify", json.dumps(body).encode(), 200)
    if roll < 0.85:
        text = _story(rng)[0]
        return Call("extract", "POST", "/v1/extract", json.dumps({"text": text}).encode(), 200)
    if roll < 0.90:
        items = []
        for index in range(3):
            source, candidate = _story(rng)
            items.append({"id": f"item-{index}", "source": source, "candidate": candidate})
        body_bytes = json.dumps({"items": items}).encode()
        return Call("batch", "POST", "/v1/verify/batch", body_bytes, 200)
    if roll < 0.95:
        return Call("livez", "GET", "/livez", None, 200)
    source, candidate = _story(rng)
    wrong = json.dumps({"source": source, "candidate": candidate, "language": "en"}).encode()
    return Call("invalid", "POST", "/v1/verify", wrong, 422)


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    done: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    first_errors: list[str] = field(default_factory=list)


def _client(port: int, deadline: float, seed: int, tally: Tally) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        call = _call(rng)
        headers = {"Content-Type": "application/json"} if call.body is not None else {}
        started = time.perf_counter()
        try:
            # A new connection each time: gunicorn's sync workers close after every response.
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            try:
                connection.request(call.method, call.path, body=call.body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                status = response.status
            finally:
                connection.close()
        except OSError as error:
            status, payload = -1, repr(error).encode()
        elapsed = time.perf_counter() - started
        with tally.lock:
            tally.done[call.kind] += 1
            tally.latencies.append(elapsed)
            if status != call.expected:
                tally.errors[f"{call.kind} -> {status}"] += 1
                if len(tally.first_errors) < 5:
                    tally.first_errors.append(f"{call.kind} {status}: {payload[:300]!r}")


def _workers_of(master: int) -> list[int]:
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return []
    return sorted(int(pid) for pid in children)


def _rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=180, help="seconds of load")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--warm-up", type=int, default=30, help="seconds before the baseline")
    parser.add_argument("--sample", type=float, default=5.0, help="seconds between samples")
    parser.add_argument("--workers", type=int, default=None, help="default: the config's")
    parser.add_argument("--recycle", action="store_true", help="keep max_requests recycling")
    args = parser.parse_args()
    if args.warm_up >= args.duration:
        parser.error("--warm-up must be shorter than --duration")

    port = free_port()
    with tempfile.TemporaryDirectory(prefix="verbatim-soak-") as scratch:
        log = Path(scratch) / "server.log"
        # Recycling off unless asked: a worker restarted every ~2,000 requests hides a leak.
        recycling = None if args.recycle else "--max-requests 0"
        server = start_server(port, args.workers, log, {"GUNICORN_CMD_ARGS": recycling})
        try:
            # Ready means one worker answered; wait until the master has forked them all.
            expected = args.workers
            settle = time.monotonic() + 30
            while time.monotonic() < settle:
                initial = _workers_of(server.pid)
                if expected is not None and len(initial) >= expected:
                    break
                time.sleep(1.0)
                if expected is None and _workers_of(server.pid) == initial:
                    break
            print(
                f"soak: {args.duration} s at concurrency {args.concurrency} against "
                f"127.0.0.1:{port}, {len(initial)} workers (pids {initial}), recycling "
                f"{'on (config)' if args.recycle else 'off'}; warm-up {args.warm_up} s"
            )
            tally = Tally()
            started = time.monotonic()
            deadline = started + args.duration
            threads = [
                threading.Thread(target=_client, args=(port, deadline, seed, tally), daemon=True)
                for seed in range(args.concurrency)
            ]
            for thread in threads:
                thread.start()
            samples: list[tuple[float, dict[int, float]]] = []
            print(f"{'t (s)':>6} {'requests':>9} {'req/s':>7}  worker RSS (MiB)")
            previous_count, previous_time = 0, started
            while time.monotonic() < deadline:
                time.sleep(min(args.sample, max(0.0, deadline - time.monotonic())))
                now = time.monotonic()
                rss = {pid: _rss_mib(pid) for pid in _workers_of(server.pid)}
                sample = {pid: value for pid, value in rss.items() if value is not None}
                samples.append((now - started, sample))
                with tally.lock:
                    count = sum(tally.done.values())
                rate = (count - previous_count) / (now - previous_time)
                previous_count, previous_time = count, now
                memory = "  ".join(f"{pid}:{value:6.1f}" for pid, value in sorted(sample.items()))
                print(f"{now - started:6.0f} {count:9d} {rate:7.1f}  {memory}", flush=True)
            for thread in threads:
                thread.join(timeout=90)
            final_workers = _workers_of(server.pid)
        finally:
            stop_server(server)
        timeouts = log.read_text(errors="replace").count("WORKER TIMEOUT")

    total = sum(tally.done.values())
    errors = sum(tally.errors.values())
    latencies = sorted(tally.latencies)
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    print(
        f"\nrequests {total} ({total / args.duration:.1f}/s): "
        + ", ".join(f"{kind} {count}" for kind, count in tally.done.most_common())
    )
    print(f"latency p50 {p50:.1f} ms, p99 {p99:.1f} ms (all kinds)")
    print(f"errors {errors}" + (f": {dict(tally.errors)}" if errors else ""))
    for line in tally.first_errors:
        print(f"  {line}")

    replaced = not args.recycle and set(final_workers) != set(initial)
    if replaced:
        print(f"workers replaced during the run: {initial} -> {final_workers}")
    if timeouts:
        print(f"gunicorn logged {timeouts} WORKER TIMEOUT(s)")

    baseline = next((values for t, values in samples if t >= args.warm_up), {})
    end = samples[-1][1] if samples else {}
    growths = []
    for pid in sorted(baseline):
        if pid in end:
            growth = (end[pid] - baseline[pid]) / baseline[pid]
            growths.append(growth)
            print(
                f"worker {pid}: RSS {baseline[pid]:.1f} MiB after warm-up -> {end[pid]:.1f} MiB "
                f"at the end ({growth:+.1%})"
            )
    flat = bool(growths) and max(growths) < TARGET_GROWTH
    passed = errors == 0 and not replaced and not timeouts and flat
    verdict = "PASS" if passed else "FAIL"
    worst = f"{max(growths):+.1%}" if growths else "n/a"
    print(
        f"{verdict}: {errors} errors, worst worker RSS growth after warm-up {worst} "
        f"(target < {TARGET_GROWTH:.0%})"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
