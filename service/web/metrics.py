"""Prometheus metrics, correct across gunicorn's worker processes.

Under gunicorn each worker is its own process with its own counters, and a scrape reaches
only one of them. With ``PROMETHEUS_MULTIPROC_DIR`` set (``deploy/gunicorn.conf.py`` sets it
before the app is imported, and the container image sets it too) prometheus-client keeps
every worker's values in memory-mapped files in that directory, and ``/metrics`` sums the
files of all workers, dead ones included, so counts survive worker recycling. Without it
(``flask run``, tests, a single-process WSGI server) the metrics live in the process's own
registry.

The environment variable must be set before ``prometheus_client`` is first imported: it picks
its storage at import time.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_PLAIN_0_0_4,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

from service.models import STATUSES, Report

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4
# The route of a request that matched none: one label value, not one per URL a scanner tries.
UNMATCHED_ENDPOINT = "unmatched"

REQUESTS = Counter(
    "verbatim_http_requests",
    "HTTP requests answered, by route, method and status code.",
    ("endpoint", "method", "status"),
)
# From 5 ms (health checks) to the worker timeout's range (a long verification).
LATENCY = Histogram(
    "verbatim_http_request_duration_seconds",
    "Time from receiving a request to having its response, by route and method.",
    ("endpoint", "method"),
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0),
)
DOCUMENTS = Counter(
    "verbatim_documents_processed",
    "Documents the pipeline processed (a verification processes two), by operation.",
    ("operation",),
)
QUOTES = Counter(
    "verbatim_quotes_processed",
    "Quotations found (extract) or judged (verify: candidate quotes plus dropped source "
    "quotes), by operation.",
    ("operation",),
)
VERDICTS = Counter(
    "verbatim_verdicts",
    "Verdicts given, by status; `dropped` counts source quotes missing from the candidate.",
    ("status",),
)
BATCH_ITEMS = Counter(
    "verbatim_batch_items",
    "Items of POST /v1/verify/batch, by outcome (the item's own status code).",
    ("status",),
)


def multiprocess_dir() -> str | None:
    return os.environ.get(MULTIPROC_ENV) or None


def exposition() -> bytes:
    """Every metric in Prometheus text format: summed over all workers when under gunicorn."""
    directory = multiprocess_dir()
    if directory is None:
        return generate_latest(REGISTRY)
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=directory)  # type: ignore[no-untyped-call]
    return generate_latest(registry)


def record_extract(quote_count: int) -> None:
    DOCUMENTS.labels("extract").inc()
    QUOTES.labels("extract").inc(quote_count)


def record_verify(report: Report, operation: str = "verify") -> None:
    DOCUMENTS.labels(operation).inc(2)
    summary = report.summary
    QUOTES.labels(operation).inc(summary.quotes + summary.dropped)
    for status in STATUSES:
        count = getattr(summary, status)
        if count:
            VERDICTS.labels(status).inc(count)
    if summary.dropped:
        VERDICTS.labels("dropped").inc(summary.dropped)
