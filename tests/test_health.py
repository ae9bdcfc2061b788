"""The health endpoint of Socket Mode: 200 while the check passes, 503 when it fails or raises."""

from __future__ import annotations

import httpx

from renkei_bot.health import HealthServer


def test_health_follows_the_check() -> None:
    state = {"up": False}

    def check() -> tuple[bool, dict[str, str]]:
        if state.get("broken"):
            raise RuntimeError("no client")
        return state["up"], {"websocket": "connected" if state["up"] else "disconnected"}

    server = HealthServer(check, host="127.0.0.1", port=0).start()
    url = f"http://127.0.0.1:{server.port}/healthz"
    try:
        down = httpx.get(url)
        assert (down.status_code, down.json()) == (
            503,
            {"status": "unavailable", "websocket": "disconnected"},
        )
        state["up"] = True
        up = httpx.get(url)
        assert (up.status_code, up.json()) == (200, {"status": "ok", "websocket": "connected"})
        state["broken"] = True
        broken = httpx.get(url)
        assert (broken.status_code, broken.json()["error"]) == (503, "RuntimeError")
        assert httpx.get(url.replace("/healthz", "/")).status_code == 404
    finally:
        server.stop()
