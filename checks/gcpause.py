"""``paused()``: the cyclic garbage collector off for the length of a run, and back as it was after.

A check run builds many small objects and frees few until it ends; the cyclic collector would
walk the growing heap again and again (a third of the time on 10,000 posts). Turning it off is
process-wide, so it is always undone on the way out: ``ekip check`` called in-process (the
MkDocs plugin inside ``mkdocs serve``, the language server, tests) leaves the collector as it
found it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
