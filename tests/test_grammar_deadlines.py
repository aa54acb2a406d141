"""LanguageTool servers that misbehave: a real socket server on 127.0.0.1 that answers the probes
(``/v2/languages``, ``/v2/info``) like LanguageTool and then, on ``/v2/check``, accepts and never
answers, or answers one byte every few tenths of a second for ever. A run is held for at most the
per-request deadline and the run's budget; what is not checked is said once."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from checks.grammar import server as lt_server
from tests.conftest import Repo

BRAND = """\
name: Örnek
timezone: Europe/Istanbul
default_lang: tr
packs: []
grammar: {languages: [en], disabled_rules: []}
"""


class _Handler(BaseHTTPRequestHandler):
    mode = "silent"

    def log_message(self, *args: object) -> None:
        pass

    def _json(self, doc: object) -> None:
        data = json.dumps(doc).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path.startswith("/v2/languages"):
            self._json([{"name": "English (US)", "code": "en", "longCode": "en-US"}])
        else:
            self._json({"software": {"version": "6.8-test"}})

    def do_POST(self) -> None:
        self.server.checks += 1  # type: ignore[attr-defined]
        if self.mode == "silent":
            time.sleep(60)  # accepted, never answered (the thread dies with the server)
            return
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        try:
            for _ in range(600):  # one byte every 0.1 s: a minute, never a whole answer in time
                self.wfile.write(b"X-Slow: a\r\n"[:1])
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass


@pytest.fixture(params=["silent", "trickle"])
def bad_server(request: pytest.FixtureRequest) -> Iterator[ThreadingHTTPServer]:
    handler = type("Handler", (_Handler,), {"mode": request.param})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    httpd.checks = 0  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_a_server_that_never_answers_costs_the_deadline_only(
        repo: Repo, bad_server: ThreadingHTTPServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EKIP_LANGUAGETOOL_URL", f"http://127.0.0.1:{bad_server.server_address[1]}")
    monkeypatch.setenv("EKIP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(lt_server, "CHECK_TIMEOUT", 1.0)
    monkeypatch.setenv("EKIP_GRAMMAR_BUDGET", "2.5")
    repo.write("brand/brand.yml", BRAND)
    for i in range(12):
        repo.post(f"en{i}", f"This are post number {i}.", lang="en")
    start = time.monotonic()
    code, out, err = repo.run("check", "--format", "json")
    took = time.monotonic() - start
    assert code in (0, 1), err
    assert took < 20, took  # before: two tries of 120 s per post (the trickle: never)
    assert bad_server.checks >= 1  # type: ignore[attr-defined]
    notices = [line for line in err.splitlines() if "dil bilgisi" in line]  # "grammar", in Turkish
    assert len(notices) == 1, err
    assert "12 gönderi" in notices[0] and "denetlenmedi" in notices[0]
    assert json.loads(out)["files"] == 12
    code, _, err = repo.run("check", "--format", "json", "--grammar", "required")
    assert code == 2 and "dil bilgisi:" in err
