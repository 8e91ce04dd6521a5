"""gunicorn settings for Verbatim (`verbatim serve` and the container both run with these).

Values come from the same ``VERBATIM_*`` environment variables as the app
(``service.web.config``); ``verbatim serve --host/--port/--workers`` passes command-line
flags, which gunicorn ranks above this file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from service.web.config import from_environment, usable_cpus

_settings = from_environment()

# prometheus-client picks multiprocess storage when this variable is set at its import, which
# comes later (preload_app imports the app after this file runs): so set it here. The image
# sets it to a path on its writable /tmp; elsewhere (`verbatim serve`) each server gets its own
# fresh directory, removed again at exit, so two servers on one machine never mix counts.
_METRICS_ENV = "PROMETHEUS_MULTIPROC_DIR"
_made_metrics_dir = _METRICS_ENV not in os.environ
if _made_metrics_dir:
    os.environ[_METRICS_ENV] = tempfile.mkdtemp(prefix="verbatim-metrics-")


def _workers() -> int:
    if _settings["WORKERS"] is not None:
        return int(_settings["WORKERS"])
    concurrency = os.environ.get("WEB_CONCURRENCY", "").strip()
    if concurrency:
        return max(1, int(concurrency))
    return usable_cpus()


wsgi_app = "service:create_app()"
bind = [f"{_settings['HOST']}:{_settings['PORT']}"]
# Extraction is CPU-bound pure Python: one sync worker per CPU, no threads (the GIL).
worker_class = "sync"
workers = _workers()
# Compile the rules and run the warm-up once in the master, then fork: workers share the
# memory copy-on-write and each starts ready.
preload_app = True
# Recycle workers now and then so a slow leak cannot grow without bound; the jitter keeps
# them from all restarting at once.
max_requests = 2000
max_requests_jitter = 200
# The heartbeat file on tmpfs: a worker blocked on a slow disk is not a dead worker.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
timeout = int(_settings["TIMEOUT"])
# On SIGTERM, stop accepting and give in-flight requests this long to finish.
graceful_timeout = 30
keepalive = 5
loglevel = str(_settings["LOG_LEVEL"]).lower()
# The app writes one JSON access line per request itself (with the request id, the route and
# the latency), so gunicorn's own plain-text access log stays off; its error log (start,
# worker boot and exit, timeouts) goes through the same JSON formatter.
accesslog = None
errorlog = "-"
_JSON_HANDLER = {
    "class": "logging.StreamHandler",
    "formatter": "json",
    "stream": "ext://sys.stderr",
}
logconfig_dict: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "service.web.logs.JsonFormatter"}},
    "handlers": {"json": _JSON_HANDLER, "console": _JSON_HANDLER, "error_console": _JSON_HANDLER},
    "root": {"level": "WARNING", "handlers": ["json"]},
    "loggers": {
        "gunicorn.error": {"level": loglevel.upper(), "handlers": ["json"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": [], "propagate": False},
        "service": {
            "level": str(_settings["LOG_LEVEL"]),
            "handlers": ["json"],
            "propagate": False,
        },
    },
}
# gunicorn >= 25.1 opens a control socket at one fixed per-user path by default: two instances
# on one machine would fight over it, and a read-only root filesystem cannot create it. We
# manage the server with signals (SIGTERM, SIGHUP, TTIN/TTOU) instead.
control_socket_disable = True


# ---- server hooks -----------------------------------------------------------------------


def on_starting(server: Any) -> None:
    """Start every run's metrics from zero: files a previous run (or a crashed one) left in
    the directory would otherwise be summed into this run's counts."""
    directory = Path(os.environ[_METRICS_ENV])
    directory.mkdir(parents=True, exist_ok=True)
    for leftover in directory.glob("*.db"):
        leftover.unlink()


def child_exit(server: Any, worker: Any) -> None:
    """A worker died or was recycled: its counters stay (they are history), but its live
    gauges must stop counting. Runs in the master."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]


def on_exit(server: Any) -> None:
    if _made_metrics_dir:
        shutil.rmtree(os.environ[_METRICS_ENV], ignore_errors=True)
