"""gunicorn settings for Verbatim (`verbatim serve` and the container both run with these).

Values come from the same ``VERBATIM_*`` environment variables as the app
(``service.web.config``); ``verbatim serve --host/--port/--workers`` passes command-line
flags, which gunicorn ranks above this file.
"""

from __future__ import annotations

import os

from service.web.config import from_environment

_settings = from_environment()


def _usable_cpus() -> int:
    # sched_getaffinity honours taskset/cpusets; cpu_count would count CPUs we may not use.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _workers() -> int:
    if _settings["WORKERS"] is not None:
        return int(_settings["WORKERS"])
    concurrency = os.environ.get("WEB_CONCURRENCY", "").strip()
    if concurrency:
        return max(1, int(concurrency))
    return _usable_cpus()


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
accesslog = "-"
errorlog = "-"
# gunicorn >= 25.1 opens a control socket at one fixed per-user path by default: two instances
# on one machine would fight over it, and a read-only root filesystem cannot create it. We
# manage the server with signals (SIGTERM, SIGHUP, TTIN/TTOU) instead.
control_socket_disable = True
