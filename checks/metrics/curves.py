"""A cache of what a report needs from ``metrics/<platform>/posts/*.csv``: per post, its latest
row (counts as numbers), how many snapshots it has and its content lifetime
(``checks.metrics.kpi.lifetime_hours`` of its engagement curve: hours since the row's publishing
time, engagement so far). The curve itself is kept only where the post file's time may replace
the row's (a row published at 00:00: an export that gives only the day), since the lifetime
then counts from the post's time (``checks.metrics.dataset``). It
lives in the user's cache folder (``$EKIP_CACHE_DIR`` or platformdirs' ``ekip``) under a key
made of every snapshot file's path, size and modification time, so any import (or edit, or
checkout) makes a new one; the files stay the truth. A cache that cannot be read or written is
ignored. Reading 300,000 snapshot rows costs about a second; the cache, a twentieth of that.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from checks.brand.trust import cache_dir
from checks.metrics import kpi, store
from checks.metrics.presets import POST_COUNTS

VERSION = 2
_COUNTS = slice(5, 5 + len(POST_COUNTS))  # the count cells of a row in store.POST_COLUMNS
_TEXT = 5 + len(POST_COUNTS)


class Curve(NamedTuple):
    permalink: str
    published: str  # ISO 8601 as stored, or ""
    type: str
    counts: tuple[int | None, ...]  # POST_COUNTS, in that order
    text: str  # the first text any of its rows gives
    snapshots: int
    lifetime: float | None  # hours, counted from ``published``
    series: list[tuple[float, int]] | None  # (hours since ``published``, engagement so far), day-only times


Curves = dict[tuple[str, str], Curve]


def day_only(published: str) -> bool:
    """A publishing time at 00:00: the export gave the day only (X's 2024 export)."""
    return published[10:16] == "T00:00"


def _key(root: Path) -> str | None:
    digest = hashlib.sha1(f"{VERSION}\0{root.resolve()}".encode())
    found = False
    for platform, path in store.post_files(root):
        st = path.stat()
        digest.update(f"{platform}/{path.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        found = True
    return digest.hexdigest() if found else None


def curves(root: Path) -> Curves:
    """(platform, post id) -> its ``Curve``: the latest row and the lifetime. The hours are
    counted from the latest row's ``published`` (no lifetime when it has none)."""
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
            # engagement: likes, comments, shares, saves, clicks (cells 8 to 12; an empty one is 0)
            series = [((parse_time(r[0]) - published).total_seconds() / 3600, sum(map(int, filter(None, r[8:13]))))
                      for r in rows]
        text = next((r[_TEXT] for r in rows if r[_TEXT]), "")
        out[key] = Curve(last[2], last[3], last[4], tuple(int(v) if v else None for v in last[_COUNTS]), text,
                         len(rows), kpi.lifetime_hours(series), series if day_only(last[3]) else None)
    return out
