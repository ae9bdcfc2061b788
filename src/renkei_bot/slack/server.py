"""Running the app in HTTP mode (starlette behind uvicorn); Socket Mode is in socket_mode.py.

HTTP mode serves POST /slack/events (events, slash commands, interactivity) and GET /healthz.
bolt's dispatch is synchronous but short: it verifies the signature, acks and hands the listener to
bolt's executor (slack/app.py), so it runs on the event loop and every ack leaves at once.
"""

from __future__ import annotations

import socket

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"


def build_asgi(app: App) -> Starlette:
    async def events(request: Request) -> Response:
        body = await request.body()
        # bolt's dispatch only verifies, acks and hands the listener to its executor (about 0.2 ms):
        # run on the loop, it acks at once instead of queueing for a thread behind busy answers.
        bolt_response = app.dispatch(to_bolt_request(request, body))
        return to_starlette_response(bolt_response)

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("ok")

    return Starlette(
        routes=[
            Route(EVENTS_PATH, events, methods=["POST"]),
            Route(HEALTH_PATH, healthz, methods=["GET"]),
        ]
    )


def http_server(
    app: App, *, host: str = "0.0.0.0", port: int = 3000, log_level: str = "info"
) -> uvicorn.Server:
    """A uvicorn server for the app; call .run(), or .run(sockets=[…]) with a bound socket."""
    config = uvicorn.Config(  # log_config=None: uvicorn logs through ours (renkei_bot/logs.py)
        build_asgi(app), host=host, port=port, log_level=log_level, access_log=False, log_config=None
    )
    return uvicorn.Server(config)


def serve_http(app: App, *, host: str, port: int) -> None:
    http_server(app, host=host, port=port).run()


def bound_socket(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A listening socket; port 0 picks a free port (see .getsockname())."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    return sock
