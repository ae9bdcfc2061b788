"""A tiny health endpoint for modes without an HTTP server of their own (Socket Mode): GET /healthz.

200 {"status": "ok", …} while `check()` says healthy, else 503 {"status": "unavailable", …}; the
details (for Socket Mode, the websocket's state) come from `check`. It runs on a daemon thread so it
never holds up the bot, and logs nothing per request.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HEALTH_PATH = "/healthz"
Check = Callable[[], tuple[bool, dict[str, str]]]


class HealthServer:
    def __init__(self, check: Check, *, host: str = "0.0.0.0", port: int = 0) -> None:
        self._server = ThreadingHTTPServer((host, port), _handler(check))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="renkei-health", daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> HealthServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(check: Check) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path.split("?", 1)[0] != HEALTH_PATH:
                self._send(404, {"status": "not found", "path": HEALTH_PATH})
                return
            try:
                healthy, details = check()
            except Exception as exc:  # a failing check is an unhealthy bot, never a crashed endpoint
                healthy, details = False, {"error": type(exc).__name__}
            self._send(200 if healthy else 503, {"status": "ok" if healthy else "unavailable", **details})

        def _send(self, status: int, body: dict[str, str]) -> None:
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(payload)

    return Handler
