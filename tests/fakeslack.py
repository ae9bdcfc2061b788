"""A fake Slack Web API on 127.0.0.1: records every call (method, body, headers) and answers like Slack.

    with FakeSlack() as slack:
        client = WebClient(token="xoxb-test", base_url=slack.url)
        slack.fail("chat.postMessage", status=429, times=1, retry_after=1)
        ...
        slack.calls("chat.postMessage")  # -> [Call(method, body, headers), ...]

It keeps posted messages per channel, so conversations.history returns them (with metadata when
asked), and it implements the files_upload_v2 flow (getUploadURLExternal → upload → complete).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"


@dataclass
class Call:
    method: str
    body: dict[str, Any]
    headers: dict[str, str]
    raw: bytes = b""
    at: float = field(default_factory=time.monotonic)


@dataclass
class _Failure:
    status: int
    times: int
    retry_after: int | None
    error: str | None = None
    channel: str | None = None  # None: any call of the method
    stored: bool = False  # do the call, then answer with the failure (Slack stored it and still failed)
    delay: float = 0.0


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # the default listen backlog of 5 drops concurrent connects (a 1 s SYN retry)


class FakeSlack:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: list[Call] = []
        self._failures: dict[str, list[_Failure]] = {}
        self._messages: dict[str, list[dict[str, Any]]] = {}
        self._uploads: dict[str, bytes] = {}
        self._ts = itertools.count(1)
        self.wss_url: str | None = None  # what apps.connections.open answers (Socket Mode)
        self._server = _Server(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # --- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> FakeSlack:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        """Base URL for slack_sdk. It ends in / because slack_sdk joins method names with urljoin."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/api/"

    # --- programming and inspecting --------------------------------------------------------
    def fail(
        self,
        method: str,
        *,
        status: int = 429,
        times: int = 1,
        retry_after: int | None = 1,
        error: str | None = None,
        channel: str | None = None,
        stored: bool = False,
        delay: float = 0.0,
    ) -> None:
        """Answer the next `times` calls of `method` (to `channel` only, if given) with `status`
        (429 carries Retry-After). stored=True carries the call out first (a post Slack keeps although it
        answers 500); delay holds the answer back that many seconds (status 200 with stored: a slow but
        good answer)."""
        with self._lock:
            self._failures.setdefault(method, []).append(
                _Failure(status, times, retry_after, error, channel, stored, delay)
            )

    def calls(self, method: str | None = None) -> list[Call]:
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def messages(self, channel: str) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._messages.get(channel, []))

    def uploads(self) -> dict[str, bytes]:
        with self._lock:
            return dict(self._uploads)

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.calls(method)
            if len(found) >= count:
                return found
            time.sleep(0.01)
        raise AssertionError(f"expected {count} call(s) of {method}, got {len(self.calls(method))}")

    # --- the API ---------------------------------------------------------------------------
    def _answer(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "team_id": "T1", "user": "renkei"}
        if method in ("chat.postMessage", "chat.postEphemeral", "chat.update"):
            channel = str(body.get("channel", ""))
            ts = body.get("ts") or f"{int(time.time())}.{next(self._ts):06d}"
            message = {"type": "message", "ts": ts, "text": body.get("text", ""), "bot_id": BOT_ID}
            for key in ("blocks", "thread_ts", "metadata"):
                if key in body:
                    message[key] = _maybe_json(body[key])
            if method == "chat.postMessage":
                self._messages.setdefault(channel, []).append(message)
            return {"ok": True, "channel": channel, "ts": ts, "message": message}
        if method == "apps.connections.open" and self.wss_url:
            return {"ok": True, "url": self.wss_url}
        if method == "conversations.history":
            channel = str(body.get("channel", ""))
            msgs = list(reversed(self._messages.get(channel, [])))
            include = str(body.get("include_all_metadata", "")).lower() in ("1", "true")
            out = [m if include else {k: v for k, v in m.items() if k != "metadata"} for m in msgs]
            return {"ok": True, "messages": out, "has_more": False}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ts):06d}"
            host, port = self._server.server_address[:2]
            return {"ok": True, "upload_url": f"http://{host!s}:{port}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = _maybe_json(body.get("files", "[]"))
            return {"ok": True, "files": [{"id": f.get("id"), "title": f.get("title")} for f in files]}
        return {"ok": True}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                if self.path.startswith("/upload/"):
                    file_id = self.path.rsplit("/", 1)[-1]
                    with fake._lock:
                        fake._uploads[file_id] = raw
                        fake._calls.append(Call("upload", {"file_id": file_id}, headers, raw))
                    self._send(200, b"OK - " + str(len(raw)).encode(), "text/plain")
                    return
                method = self.path.removeprefix("/api/").strip("/")
                body = _parse_body(raw, headers.get("content-type", ""))
                with fake._lock:
                    fake._calls.append(Call(method, body, headers, raw))
                    queue = fake._failures.get(method, [])
                    failure = next(
                        (f for f in queue if f.channel is None or f.channel == body.get("channel")), None
                    )
                    if failure:
                        failure.times -= 1
                        if failure.times <= 0:
                            queue.remove(failure)
                if failure and failure.stored:
                    with fake._lock:
                        answer = fake._answer(method, body)
                if failure and failure.delay:
                    time.sleep(failure.delay)
                if failure and failure.stored and failure.status == 200:
                    self._send(200, json.dumps(answer, ensure_ascii=False).encode())
                    return
                if failure:
                    extra = (
                        {"Retry-After": str(failure.retry_after)} if failure.retry_after is not None else {}
                    )
                    error = failure.error or ("ratelimited" if failure.status == 429 else "internal_error")
                    self._send(
                        failure.status, json.dumps({"ok": False, "error": error}).encode(), extra=extra
                    )
                    return
                with fake._lock:
                    answer = fake._answer(method, body)
                self._send(200, json.dumps(answer, ensure_ascii=False).encode())

            def _send(
                self,
                status: int,
                payload: bytes,
                content_type: str = "application/json; charset=utf-8",
                extra: dict[str, str] | None = None,
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(payload)

        return Handler


def _parse_body(raw: bytes, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if "application/json" in content_type:
        try:
            loaded = json.loads(raw)
            return loaded if isinstance(loaded, dict) else {"_": loaded}
        except ValueError:
            return {"_raw": raw.decode("utf-8", "replace")}
    if "multipart/form-data" in content_type:
        return {"_multipart": True}
    return {k: v[0] if len(v) == 1 else v for k, v in parse_qs(raw.decode("utf-8", "replace")).items()}


def _maybe_json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
