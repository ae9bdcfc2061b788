"""A daemon thread that runs one check now and then every `every` seconds, until stopped.

The daily scheduler and the state purger are both this; each supplies its one check (`tick`).
An exception in a check is logged and the thread goes on: tomorrow's post must still go out.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable


class Periodic:
    def __init__(self, name: str, every: float, tick: Callable[[], object], log: logging.Logger) -> None:
        self._name = name
        self._every = every
        self._tick = tick
        self._log = log
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run(self) -> None:
        while not self._stop.is_set():
            try:
                self._tick()
            except Exception:  # never let the thread die
                self._log.exception("%s: unexpected error", self._name)
            self._stop.wait(self._every)

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, name=self._name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()
