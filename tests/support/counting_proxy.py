"""A counting HTTP proxy in front of a real LanguageTool server: it forwards every request and
records (method, path) of each, so tests and benchmarks can prove what reached the server."""

from __future__ import annotations

import http.client
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class CountingProxy(ThreadingHTTPServer):
    """Forwards every request to LanguageTool and records (method, path) of each."""

    daemon_threads = True

    def __init__(self, upstream: str) -> None:
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        self.upstream = urllib.parse.urlsplit(upstream)
        self.requests: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def paths(self, prefix: str = "/v2/") -> list[str]:
        with self.lock:
            return [p for _, p in self.requests if p.startswith(prefix)]

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()


class _ProxyHandler(BaseHTTPRequestHandler):
    server: CountingProxy

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        with self.server.lock:
            self.server.requests.append((self.command, urllib.parse.urlsplit(self.path).path))
        up = self.server.upstream
        conn = http.client.HTTPConnection(up.hostname or "localhost", up.port or 80, timeout=120)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        conn.request(self.command, self.path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        self.send_response(resp.status)
        for k, v in resp.getheaders():
            if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = _forward

    def log_message(self, format: str, *args: object) -> None:
        pass
