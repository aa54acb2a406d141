"""The LanguageTool HTTP server, through language-tool-python in remote mode.

``connect(url)`` is the once-per-run probe: a TCP connect with a short timeout first (so a
missing server costs milliseconds, and language-tool-python is not even imported), then
``LanguageTool(remote_server=url)``, which asks ``/v2/languages``, then ``/v2/info`` for the
server's version (part of every cache key).

Checks go through the library's own request path (``_create_params``/``_query_server``)
rather than ``LanguageTool.check``, for two reasons: we send annotated text (``data``, so that
masked spans are markup), which ``check`` cannot; and we need the raw match offsets, which
are UTF-16 code units and which ``Match`` only half-corrects (``offset`` for astral characters,
not ``length``). Positions are converted by ``annotate.Utf16``.

Every request (the library's included) goes through ``request``: one try, a deadline for the
whole answer (CHECK_TIMEOUT for a check, PROBE_TIMEOUT for the probes) and a budget for the
whole run (RUN_BUDGET, or ``EKIP_GRAMMAR_BUDGET`` seconds): a server that accepts a connection
and never answers, or answers a byte every few seconds, holds a run for at most that long, and
the posts not checked in time are named once in a notice (an error with ``--grammar required``).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

PROBE_TIMEOUT = 1.5  # seconds, for the TCP connect and each probe request
CHECK_TIMEOUT = 60.0  # seconds for one /v2/check, answer included (a cold server loads its rules first)
RUN_BUDGET = 180.0  # seconds all requests of one run may take together (EKIP_GRAMMAR_BUDGET overrides)


def run_budget() -> float:
    try:
        return float(os.environ.get("EKIP_GRAMMAR_BUDGET", RUN_BUDGET))
    except ValueError:
        return RUN_BUDGET


class _Deadline:
    """When the run's requests must stop (time.monotonic)."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds


def request(url: str, params: dict[str, str] | None, method: str, timeout: float, budget: _Deadline | None) -> Any:
    """One HTTP request to LanguageTool, answer read whole, JSON decoded, within ``timeout``
    seconds and the run's ``budget``, whatever the server does: a server that accepts and never
    answers, or sends a byte every few seconds (a socket timeout bounds each read, not the
    whole), is cut off at the deadline by closing the socket under the reading thread. One try:
    a retry would double the wait."""
    end = time.monotonic() + timeout
    if budget is not None:
        end = min(end, budget.end)
    remaining = end - time.monotonic()
    if remaining <= 0:
        raise ServerFailure("the run's time budget for LanguageTool is used up")
    parts = urllib.parse.urlsplit(url)
    body = urllib.parse.urlencode(params or {})
    path = parts.path or "/"
    if method == "get" and body:
        path, body = f"{path}?{body}", ""
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = cls(parts.hostname or "localhost", parts.port, timeout=remaining)
    expired = threading.Event()

    def cut() -> None:
        expired.set()
        with contextlib.suppress(OSError, AttributeError):
            conn.sock.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(remaining, cut)
    watchdog.daemon = True
    watchdog.start()
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
        conn.request(method.upper(), path, body.encode() if body else None, headers)
        response = conn.getresponse()
        data = response.read()
        if expired.is_set():
            raise TimeoutError
        if response.status != 200:
            text = data[:200].decode("utf-8", "replace")
            raise ServerFailure(f"HTTP {response.status} from {url}: {_one_line(Exception(text))}")
        return json.loads(data)
    except ServerFailure:
        raise
    except Exception as exc:
        if expired.is_set() or isinstance(exc, TimeoutError):
            raise ServerFailure(f"no whole answer within {remaining:.0f} s") from None
        raise ServerFailure(_one_line(exc)) from exc
    finally:
        watchdog.cancel()
        conn.close()


class ServerFailure(Exception):
    """A request to the server failed; the message says why, in one line."""


@dataclass
class Server:
    url: str
    version: str
    languages: set[str] = field(default_factory=set)
    tool: Any = None  # language_tool_python.LanguageTool

    def supports(self, language: str) -> str | None:
        """The server's spelling of ``language`` (en-us -> en-US), or None if it lacks it."""
        from language_tool_python.language_tag import LanguageTag

        try:
            return str(LanguageTag(language, self.languages))
        except ValueError:
            return None

    def learn_version(self, language: str) -> None:
        """For servers without ``/v2/info``: the version from a one-character check."""
        if not self.version:
            software = self.check(language, [{"text": "."}]).get("software")
            version = software.get("version") if isinstance(software, dict) else None
            self.version = str(version) if version else "unknown"

    def check(self, language: str, data: list[dict[str, str]]) -> dict[str, Any]:
        """One ``/v2/check`` of annotated text; the raw answer (``matches``, ``software``...)."""
        params = self.tool._create_params("")
        params.pop("text", None)
        params["language"] = language
        params["data"] = json.dumps({"annotation": data}, ensure_ascii=False)
        try:
            answer = self.tool._query_server(urllib.parse.urljoin(self.tool.url, "check"), params, method="post")
        except ServerFailure:
            raise
        except Exception as exc:
            raise ServerFailure(_one_line(exc)) from exc
        if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
            raise ServerFailure(f"unexpected answer from {self.url}/v2/check")
        return answer


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def _tcp_reachable(url: str) -> str | None:
    """None when something accepts connections at the URL's host and port, else why not."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname or "localhost"
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return f"invalid URL {url!r}"
    if parts.scheme not in ("http", "https"):
        return f"invalid URL {url!r}: not http or https"
    try:
        with socket.create_connection((host, port), timeout=PROBE_TIMEOUT):
            return None
    except OSError as exc:
        return exc.strerror or _one_line(exc) or "connection failed"


def connect(url: str, disabled_rules: frozenset[str]) -> Server | str:
    """A connected server, or the reason (one line) why there is none."""
    reason = _tcp_reachable(url)
    if reason:
        return reason
    try:
        from language_tool_python import LanguageTool
    except ImportError as exc:  # pragma: no cover - a dependency of ekip
        return f"language-tool-python is not installed ({exc})"

    class _Probe(LanguageTool):
        # The constructor's /v2/languages must answer quickly. language_tool_python annotates
        # _TIMEOUT as Literal[300] although it is just the requests timeout in seconds.
        _TIMEOUT = PROBE_TIMEOUT  # type: ignore[assignment]
        budget: _Deadline | None = None

        def _query_server(self, url: str, params: dict[str, str] | None = None, num_tries: int = 1,
                          method: str = "get") -> Any:
            return request(url, params, method, self._TIMEOUT, self.budget)

    try:
        tool = _Probe(language="auto", remote_server=url + "/")
    except Exception as exc:
        text = _one_line(exc)
        if "timed out" in text.lower():
            return f"no answer within {PROBE_TIMEOUT:g} s"
        if text.lstrip().startswith("<") or "<html" in text.lower():
            return "something answers there, but not LanguageTool's API"
        return text
    tool.disabled_rules = set(disabled_rules)
    languages = set(tool.language.languages)
    try:
        info = tool._query_server(urllib.parse.urljoin(tool.url, "info"), num_tries=1)
        version = str(info["software"]["version"])
    except Exception:
        version = ""  # a LanguageTool without /v2/info: see Server.learn_version
    tool._TIMEOUT = CHECK_TIMEOUT
    tool.budget = _Deadline(run_budget())
    return Server(url, version, languages, tool)
