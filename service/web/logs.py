"""Structured logs: one JSON object per line, carrying the request id of the request at hand.

Log collectors (Loki, Elasticsearch, Cloud Logging) parse a JSON line into fields without a
grok pattern, and the request id ties an access line to the error lines of the same request
and to what the caller saw in ``X-Request-ID``. Flask-free: gunicorn's own logger uses this
formatter too (``logconfig_dict`` in ``deploy/gunicorn.conf.py``), in the master process.
"""

from __future__ import annotations

import json
import logging
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

# Set for the duration of a request by the web layer; None outside requests (start-up, the
# gunicorn master), and then left out of the line.
REQUEST_ID: ContextVar[str | None] = ContextVar("verbatim_request_id", default=None)

# Extra fields of a log call go under this attribute: logger.info("...", extra={FIELDS: {...}}).
FIELDS = "fields"


class JsonFormatter(logging.Formatter):
    """``{"time", "level", "logger", "message", "request_id"?, ...fields, "exception"?}``."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "pid": record.process,
            "message": record.getMessage(),
        }
        request_id = REQUEST_ID.get()
        if request_id is not None:
            entry["request_id"] = request_id
        fields = getattr(record, FIELDS, None)
        if isinstance(fields, dict):
            entry.update(fields)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg,unused-ignore]
    """Writes to whatever ``sys.stderr`` is at the time of the record, not at creation
    (test runners and daemonising tools replace it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def _has_json_handler(logger: logging.Logger) -> bool:
    return any(isinstance(handler.formatter, JsonFormatter) for handler in logger.handlers)


def configure(logger: logging.Logger, level: str) -> None:
    """Give ``logger`` a JSON handler on stderr (once) and the configured level.

    Records still propagate to the root logger, which has no handler under gunicorn (its
    config routes everything through JSON handlers) and is how pytest's ``caplog`` sees them.
    """
    logger.setLevel(level)
    if not _has_json_handler(logger):
        handler = StderrHandler()
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
