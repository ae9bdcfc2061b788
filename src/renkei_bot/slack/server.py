"""Running the app in HTTP mode (starlette behind uvicorn); Socket Mode is in socket_mode.py.

HTTP mode serves POST /slack/events (events, slash commands, interactivity) and GET /healthz, which
says "ok" and, on its second line, how the state store is (a store outage does not stop answers, so
the status stays 200).
Every request passes the gate (slack/gate.py) on its raw bytes before bolt sees it. bolt's dispatch is
synchronous but short: it verifies the signature, acks and hands the listener to bolt's executor
(slack/app.py), so it runs on the event loop and every ack leaves at once.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from renkei_bot.health import HEALTH_PATH
from renkei_bot.slack import gate

EVENTS_PATH = "/slack/events"
REJECTION_LINES_PER_MINUTE = 60  # then one line says how many more were refused: junk cannot fill a disk

log = logging.getLogger("renkei_bot.slack.gate")


class RejectionLog:
    """One line per refused request (reason, status, size, a hash), at most `per_minute` a minute."""

    def __init__(
        self, *, per_minute: int = REJECTION_LINES_PER_MINUTE, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self._per_minute = per_minute
        self._now = monotonic
        self._lock = threading.Lock()
        self._window = 0.0
        self._written = 0
        self._hidden = 0

    def __call__(self, rejection: gate.Rejection, *, size: int, digest: str | None) -> None:
        with self._lock:
            now = self._now()
            if now - self._window >= 60:
                if self._hidden:
                    log.warning(
                        "refused %d more requests in the last minute (not logged one by one)", self._hidden
                    )
                self._window, self._written, self._hidden = now, 0, 0
            if self._written >= self._per_minute:
                self._hidden += 1
                return
            self._written += 1
        log.warning(
            "refused request: %s (HTTP %d, %d bytes%s)",
            rejection.reason,
            rejection.status,
            size,
            f", sha256 {digest}" if digest else "",
        )


async def _read_capped(request: Request, limit: int) -> bytes | None:
    """The body, or None as soon as it passes `limit`: a large body is never held in memory."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


def build_asgi(
    app: App,
    *,
    signing_secret: str,
    max_body: int = gate.MAX_BODY_BYTES,
    wall_clock: Callable[[], float] = time.time,
    rejections: RejectionLog | None = None,
    state_health: Callable[[], str] | None = None,
) -> Starlette:
    refused = rejections or RejectionLog()

    def refuse(rejection: gate.Rejection, *, size: int, body: bytes | None = None) -> Response:
        refused(rejection, size=size, digest=gate.fingerprint(body) if body else None)
        return PlainTextResponse(
            rejection.reason,
            status_code=rejection.status,
            headers={"Connection": "close"} if rejection.status == 413 else None,
        )

    async def events(request: Request) -> Response:
        declared = request.headers.get("content-length")
        if rejection := gate.check_size(declared, limit=max_body):
            return refuse(rejection, size=int(declared) if declared and declared.isdigit() else 0)
        body = await _read_capped(request, max_body)
        if body is None:
            return refuse(gate.Rejection(413, "too_large"), size=max_body + 1)
        headers = {k.lower(): v for k, v in request.headers.items()}
        if rejection := gate.check_signature(body, headers, secret=signing_secret, now=wall_clock()):
            return refuse(rejection, size=len(body), body=body)
        if rejection := gate.check_shape(body, request.headers.get("content-type")):
            return refuse(rejection, size=len(body), body=body)
        # bolt's dispatch only verifies, acks and hands the listener to its executor (about 0.2 ms):
        # run on the loop, it acks at once instead of queueing for a thread behind busy answers.
        try:
            bolt_response = app.dispatch(to_bolt_request(request, body))
        except Exception as exc:  # a signed body of a shape bolt cannot read: the sender's fault, not ours
            return refuse(gate.Rejection(400, f"unreadable_{type(exc).__name__}"), size=len(body), body=body)
        if bolt_response.status >= 500:
            # bolt failed before any listener ran (listeners run after the ack, in the executor): a
            # signed payload of a shape it cannot read. app.error has logged why; the sender gets a 400.
            return refuse(gate.Rejection(400, "unreadable"), size=len(body), body=body)
        return to_starlette_response(bolt_response)

    async def healthz(request: Request) -> Response:
        if state_health is None:
            return PlainTextResponse("ok")
        return PlainTextResponse(f"ok\nstate: {await run_in_threadpool(state_health)}\n")

    return Starlette(
        routes=[
            Route(EVENTS_PATH, events, methods=["POST"]),
            Route(HEALTH_PATH, healthz, methods=["GET"]),
        ]
    )


def http_server(
    app: App,
    *,
    signing_secret: str,
    host: str = "0.0.0.0",
    port: int = 3000,
    log_level: str = "info",
    state_health: Callable[[], str] | None = None,
) -> uvicorn.Server:
    """A uvicorn server for the app; call .run(), or .run(sockets=[…]) with a bound socket."""
    config = uvicorn.Config(
        build_asgi(app, signing_secret=signing_secret, state_health=state_health),
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
        log_config=None,  # uvicorn logs through ours (renkei_bot/logs.py)
    )
    return uvicorn.Server(config)


def serve_http(
    app: App, *, signing_secret: str, host: str, port: int, state_health: Callable[[], str] | None = None
) -> None:
    http_server(app, signing_secret=signing_secret, host=host, port=port, state_health=state_health).run()


def bound_socket(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A listening socket; port 0 picks a free port (see .getsockname())."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    return sock
