"""Finding a LanguageTool server for tests and benchmarks."""

from __future__ import annotations

import socket
import urllib.request


def answers(url: str) -> bool:
    """True when a LanguageTool server answers at the root URL ``url``."""
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/v2/languages", timeout=3) as r:
            return bool(r.status == 200)
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
