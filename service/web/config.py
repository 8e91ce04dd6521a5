"""Configuration: defaults, overridden by ``VERBATIM_*`` environment variables, overridden by
the mapping passed to ``create_app`` (tests).

Every setting is declared once in ``SETTINGS``: its environment variable, its config key, its
default, how to parse it and what it means. The README's configuration table is checked
against this list by the tests, so the documentation cannot drift from the code. A value that
does not parse stops the service at start with a message naming the variable, rather than
running with a setting the operator did not ask for.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import regex

LOG_LEVELS = frozenset({"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"})
MIN_API_KEY_LENGTH = 16
# scheme://host[:port], what a browser sends in Origin; no path, no trailing slash.
_ORIGIN = regex.compile(r"https?://[^\s/?#]+")


class ConfigError(ValueError):
    """An environment variable holds a value the service cannot use."""


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError("must be a positive integer")
    return number


def _port(value: str) -> int:
    number = int(value)
    if not 1 <= number <= 65535:
        raise ValueError("must be a TCP port between 1 and 65535")
    return number


def _log_level(value: str) -> str:
    level = value.strip().upper()
    if level not in LOG_LEVELS:
        raise ValueError(f"must be one of {', '.join(sorted(LOG_LEVELS))}")
    return level


def _keys(value: str) -> tuple[str, ...]:
    keys = tuple(key.strip() for key in value.split(","))
    if any(not key for key in keys):
        raise ValueError("must be a comma-separated list of non-empty keys")
    short = [key for key in keys if len(key) < MIN_API_KEY_LENGTH]
    if short:
        # A short key can be guessed; refusing it beats running with a false sense of safety.
        raise ValueError(f"every key must have at least {MIN_API_KEY_LENGTH} characters")
    return keys


def _origins(value: str) -> tuple[str, ...]:
    origins = tuple(origin.strip().rstrip("/") for origin in value.split(",") if origin.strip())
    for origin in origins:
        if origin != "*" and not _ORIGIN.fullmatch(origin):
            raise ValueError(f"{origin!r} is not an origin such as https://cms.example.com")
    return origins


def _host(value: str) -> str:
    host = value.strip()
    if not host:
        raise ValueError("must not be empty")
    return host


@dataclass(frozen=True, slots=True)
class Setting:
    env: str
    key: str
    default: Any
    parse: Callable[[str], Any]
    meaning: str

    def table_row(self) -> str:
        """This setting as a row of the README's configuration table (checked by the tests)."""
        default = "(unset)" if self.default is None else f"`{self.default}`"
        return f"| `{self.env}` | {default} | {self.meaning} |"


SETTINGS: tuple[Setting, ...] = (
    Setting("VERBATIM_HOST", "HOST", "127.0.0.1", _host, "Address `verbatim serve` binds to."),
    Setting("VERBATIM_PORT", "PORT", 8000, _port, "Port `verbatim serve` listens on."),
    Setting(
        "VERBATIM_WORKERS",
        "WORKERS",
        None,
        _positive_int,
        "gunicorn worker processes; unset: `WEB_CONCURRENCY`, else one per usable CPU.",
    ),
    Setting(
        "VERBATIM_TIMEOUT",
        "TIMEOUT",
        30,
        _positive_int,
        "Seconds a request may take before gunicorn restarts its worker.",
    ),
    Setting(
        "VERBATIM_MAX_BODY_BYTES",
        "MAX_CONTENT_LENGTH",
        10 * 1024 * 1024,
        _positive_int,
        "Largest request body accepted, in bytes; larger bodies get 413.",
    ),
    Setting(
        "VERBATIM_MAX_DOCUMENT_CHARS",
        "MAX_DOCUMENT_CHARS",
        # Measured (bench/perf_limits.py): the slowest text shape found, 6,000 short quotes
        # per document, verifies a 200,000-character pair in about 3.5 s on a busy 2-core
        # machine, well within the 30 s worker timeout.
        200_000,
        _positive_int,
        "Longest document accepted, in characters (code points); longer ones get 422.",
    ),
    Setting(
        "VERBATIM_MAX_BATCH_ITEMS",
        "MAX_BATCH_ITEMS",
        50,
        _positive_int,
        "Most items one `POST /v1/verify/batch` request may carry; more get 422.",
    ),
    Setting(
        "VERBATIM_MAX_BATCH_CHARS",
        "MAX_BATCH_CHARS",
        # Measured (bench/perf_limits.py): 50 items of the slowest shape adding up to
        # 1,000,000 characters took 9.3 s on a busy 2-core machine; half that keeps a full
        # batch near a single maximal verification (about 3-5 s).
        500_000,
        _positive_int,
        "Most characters (all sources and candidates) one batch may carry, so that it ends "
        "within the worker timeout; more get 422.",
    ),
    Setting(
        "VERBATIM_API_KEYS",
        "API_KEYS",
        None,
        _keys,
        "Comma-separated API keys (16+ characters each) accepted as `Authorization: Bearer`; "
        "unset: no authentication (a warning is logged at start).",
    ),
    Setting(
        "VERBATIM_CORS_ORIGINS",
        "CORS_ORIGINS",
        None,
        _origins,
        "Comma-separated browser origins (`https://cms.example.com`, or `*`) allowed to call "
        "the API from JavaScript; unset: none.",
    ),
    Setting(
        "VERBATIM_LOG_LEVEL",
        "LOG_LEVEL",
        "INFO",
        _log_level,
        "Logging threshold: DEBUG, INFO, WARNING, ERROR or CRITICAL.",
    ),
)

_BY_KEY = {setting.key: setting for setting in SETTINGS}


def usable_cpus() -> int:
    """CPUs this process may run on: sched_getaffinity honours taskset and cpusets, where
    cpu_count would count CPUs we may not use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def from_environment(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Every setting's value: its environment variable when set, else its default."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = env.get(setting.env)
        if raw is None or raw.strip() == "":
            values[setting.key] = setting.default
            continue
        try:
            values[setting.key] = setting.parse(raw)
        except ValueError as error:
            raise ConfigError(f"{setting.env}={raw!r}: {error}") from None
    return values


def load(
    overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Defaults < environment < ``overrides`` (which may also carry Flask's own keys)."""
    values = from_environment(environ)
    values.update(overrides or {})
    for key, setting in _BY_KEY.items():
        value = values[key]
        if (
            setting.default is not None
            and value is not None
            and type(value) is not type(setting.default)
        ):
            raise ConfigError(f"{key}={value!r}: expected {type(setting.default).__name__}")
    return values
