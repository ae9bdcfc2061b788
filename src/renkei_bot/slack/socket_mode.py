"""Running the app in Socket Mode, with an optional health endpoint reporting the websocket's state."""

from __future__ import annotations

import threading
from collections.abc import Callable

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

from renkei_bot.errors import ConfigError
from renkei_bot.health import HealthServer


class SocketModeRunner:
    """connect() opens the websocket through app.client (settings.api_url), so start-up failures
    surface there; wait() then serves until the process is stopped.

    With health_port, GET /healthz on it answers 200 while the websocket is connected, else 503; it
    also says how the state store is (an outage of the store does not stop answers).
    """

    def __init__(
        self,
        app: App,
        *,
        app_token: str,
        health_port: int | None = None,
        host: str = "0.0.0.0",
        state_health: Callable[[], str] | None = None,
    ) -> None:
        self._handler = SocketModeHandler(app, app_token=app_token)
        self._state_health = state_health
        self._health: HealthServer | None = None
        if health_port is not None:
            try:
                self._health = HealthServer(self._check, host=host, port=health_port)
            except OSError as exc:
                raise ConfigError(
                    f"RENKEI_HEALTH_PORT={health_port}: cannot listen there ({exc.strerror}); choose a free port"
                ) from None

    def _check(self) -> tuple[bool, dict[str, str]]:
        connected = bool(self._handler.client.is_connected())
        details = {"mode": "socket", "websocket": "connected" if connected else "disconnected"}
        if self._state_health is not None:
            details["state"] = self._state_health()
        return connected, details

    def connect(self) -> None:
        if self._health is not None:
            self._health.start()  # up before the websocket: it reports "disconnected" until then
        self._handler.connect()  # type: ignore[no-untyped-call]

    def wait(self) -> None:
        try:
            threading.Event().wait()
        finally:
            self.close()

    def close(self) -> None:
        if self._health is not None:
            self._health.stop()
        self._handler.close()  # type: ignore[no-untyped-call]
