"""A client that stops sending its request body gets 408, instead of holding a worker.

gunicorn's sync worker reads the body on a blocking socket with no timeout of its own: a
client that sends its headers and then nothing (or a trickle; "slowloris") holds the worker
until the arbiter kills it at the worker timeout, and the client then gets gunicorn's own
HTML 500. So before the view reads the body, the socket gets an idle timeout of a third of
the worker timeout: a stalled read raises, werkzeug turns that into ``ClientDisconnected``,
and ``errors`` answers it with a 408 problem while the worker is still healthy. The idle
timeout bounds each wait for bytes, not the whole upload; the worker timeout still bounds
that. Under servers that do not expose the socket (the test client) this does nothing.
"""

from __future__ import annotations

import socket

from flask import Flask, current_app, request

# The WSGI environ key under which gunicorn hands the application the client's socket.
_GUNICORN_SOCKET = "gunicorn.socket"


def idle_timeout(worker_timeout: int) -> float:
    """Seconds a body read may wait for the next bytes: well inside the worker timeout, so
    the 408 is sent before the arbiter gives up on the worker."""
    return max(1.0, worker_timeout / 3)


def _arm() -> None:
    client = request.environ.get(_GUNICORN_SOCKET)
    if isinstance(client, socket.socket):
        client.settimeout(idle_timeout(int(current_app.config["TIMEOUT"])))


def register(app: Flask) -> None:
    app.before_request(_arm)
