"""A cache of what a report needs from ``metrics/<platform>/posts/*.csv``: per post, its latest
row and its engagement curve (hours since the row's publishing time, engagement so far). It
lives in the user's cache folder (``$EKIP_CACHE_DIR`` or platformdirs' ``ekip``) under a key
made of every snapshot file's path, size and modification time, so any import (or edit, or
checkout) makes a new one; the files stay the truth. A cache that cannot be read or written is
ignored. Reading 300,000 snapshot rows costs about a second; the cache, a tenth of that.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from datetime import datetime
from pathlib import Path

from checks.brand.trust import cache_dir
from checks.metrics import store

VERSION = 1
Curves = dict[tuple[str, str], tuple[list[str], list[tuple[float, int]], int]]


def _key(root: Path) -> str | None:
    digest = hashlib.sha1(f"{VERSION}\0{root.resolve()}".encode())
    found = False
    for platform, path in store.post_files(root):
        st = path.stat()
        digest.update(f"{platform}/{path.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        found = True
    return digest.hexdigest() if found else None


def curves(root: Path) -> Curves:
    """(platform, post id) -> (latest row's cells, [(hours, engagement)], number of rows). The
    hours are counted from the latest row's ``published`` (empty list when it has none)."""
    key = _key(root)
    path = cache_dir() / "metrics" / f"{key}.pickle" if key else None
    if path is not None:
        with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError), \
                path.open("rb") as fh:
            cached: Curves = pickle.load(fh)
            return cached
    out = compute(root)
    if path is not None:
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            for old in path.parent.glob("*.pickle"):  # one cache per repository state is enough
                with contextlib.suppress(OSError):
                    old.unlink()
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(out, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
    return out


def compute(root: Path) -> Curves:
    parse_time = datetime.fromisoformat
    out: Curves = {}
    for key, rows in store.load_post_rows(root).items():
        last = rows[-1]
        series: list[tuple[float, int]] = []
        if last[3]:
            published = parse_time(last[3])
            for r in rows:  # engagement: likes, comments, shares, saves, clicks (cells 8 to 12)
                series.append(((parse_time(r[0]) - published).total_seconds() / 3600,
                               int(r[8] or 0) + int(r[9] or 0) + int(r[10] or 0) + int(r[11] or 0) + int(r[12] or 0)))
        text = next((r[15] for r in rows if r[15]), "")
        out[key] = ([*last[:15], text], series, len(rows))
    return out
