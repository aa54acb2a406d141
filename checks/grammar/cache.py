"""On-disk cache of LanguageTool results: one JSON file per key, written atomically, so
that several processes may share it.

Location: ``$EKIP_CACHE_DIR/languagetool/`` or, without it, ``languagetool/`` in the user's
cache directory (``platformdirs.user_cache_dir("ekip")``, e.g. ``~/.cache/ekip``). A key is
the SHA-256 of what was sent (the annotated text), the language, the LanguageTool version,
the disabled rules and this module's FORMAT. The last version seen for each server URL is
kept too (``servers/``), so that a run whose posts are all cached sends no request at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

ENV_DIR = "EKIP_CACHE_DIR"
FORMAT = 1  # bump when what is stored changes
VERSION_TTL = 24 * 3600  # seconds a remembered server version is trusted without asking


def cache_root() -> Path:
    env = os.environ.get(ENV_DIR, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("ekip", appauthor=False))


def result_key(data: list[dict[str, str]], language: str, version: str, disabled: frozenset[str]) -> str:
    doc = [FORMAT, version, language, sorted(disabled), data]
    raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class Cache:
    def __init__(self, root: Path | None = None) -> None:
        self.dir = (root or cache_root()) / "languagetool"
        self.write_error: str | None = None  # the first failed write, for one notice

    # -- results ------------------------------------------------------------------------
    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[dict[str, Any]] | None:
        try:
            doc = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        matches = doc.get("matches") if isinstance(doc, dict) else None
        return matches if isinstance(matches, list) else None

    def put(self, key: str, matches: list[dict[str, Any]]) -> None:
        self._write(self._path(key), {"matches": matches})

    # -- server versions ----------------------------------------------------------------
    def _server_path(self, url: str) -> Path:
        return self.dir / "servers" / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:24] + ".json")

    def server_version(self, url: str) -> str | None:
        """The version last seen at ``url``, if seen within VERSION_TTL."""
        try:
            doc = json.loads(self._server_path(url).read_text(encoding="utf-8"))
            seen = float(doc["seen"])
            version = doc["version"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not isinstance(version, str) or not 0 <= time.time() - seen < VERSION_TTL:
            return None
        return version

    def remember_server(self, url: str, version: str) -> None:
        self._write(self._server_path(url), {"url": url, "version": version, "seen": time.time()})

    # -- writing ------------------------------------------------------------------------
    def _write(self, path: Path, doc: dict[str, Any]) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(doc, fh, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            if self.write_error is None:
                self.write_error = f"{path.parent}: {exc.strerror or exc}"
