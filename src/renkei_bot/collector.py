"""The cyclic garbage collector paused while long-lived objects are made (a light module: the CLI
imports it before the engine's modules, whose import it covers)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No collection while the block runs; what it made is then frozen out of the collector's reach.

    Importing the engine's modules and reading its records make only objects kept for the whole run
    (classes, functions, compiled patterns, records, indexes): a collection then finds nothing to free
    but walks them all (about a tenth of a cold `ask`; millions of objects at ×1000). Nested uses
    resume the collector once, at the outermost."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
