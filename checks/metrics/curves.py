"""A cache of what a report needs from ``metrics/<platform>/posts/*.csv``: per post, its latest
row (counts as numbers), how many snapshots it has and its content lifetime
(``checks.metrics.kpi.lifetime_hours`` of its engagement curve: hours since the row's publishing
time, engagement so far). The curve itself is kept only where the post file's time may replace
the row's (a row published at 00:00: an export that gives only the day), since the lifetime
then counts from the post's time (``checks.metrics.dataset``). It
lives in the user's cache folder (``$EKIP_CACHE_DIR`` or platformdirs' ``ekip``) under a key
made of every snapshot file's path, size and modification time, so any import (or edit, or
checkout) makes a new one; the files stay the truth. A cache that cannot be read or written is
ignored. Reading 300,000 snapshot rows costs about two seconds; the cache, a twentieth of that.
When it must be made anew, each snapshot file's rows come folded per post from a second cache
(``compute``), so that after an import only the files the import wrote are read again.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import pickle
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from checks import statcache
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


# A post's rows in one snapshot file, sorted by ``at`` as text (stable), as the whole curve is:
# (their ``at`` joined by newlines, their POSIX times, their engagement so far, the latest row's
# cells joined by US (0x1f; a list when a cell holds one), (at, text) of the first row that gives
# a text, or None). Flat lists and joined strings: 300,000 rows load four times faster so than
# as tuples.
Part = tuple[str, list[float], list[int], "str | list[str]", "tuple[str, str] | None"]
PARTS = "snapshots"  # checks.statcache kind: each snapshot file's rows folded per post
CURVES = "curves"  # checks.statcache kind: each post's Curve under the files its rows come from
_US = "\x1f"


def _at(item: list[str] | tuple[str, str] | tuple[str, float, int]) -> str:
    return item[0]


def _time(at: str) -> float:
    try:
        return datetime.fromisoformat(at).timestamp()
    except ValueError:  # a hand-edited file: no curve point can be placed
        return math.nan


def fold(rows: list[list[str]]) -> dict[str, Part]:
    """One snapshot file's rows, per post id."""
    groups: dict[str, list[list[str]]] = {}
    for r in rows:
        group = groups.get(r[1])
        if group is None:
            groups[r[1]] = [r]
        else:
            group.append(r)
    out: dict[str, Part] = {}
    for post_id, group in groups.items():
        group.sort(key=_at)
        # engagement: likes, comments, shares, saves, clicks (cells 8 to 12; an empty one is 0)
        out[post_id] = ("\n".join(r[0] for r in group), [_time(r[0]) for r in group],
                        [sum(map(int, filter(None, r[8:13]))) for r in group], _joined(group[-1]),
                        next(((r[0], r[_TEXT]) for r in group if r[_TEXT]), None))
    return out


def _joined(cells: list[str]) -> str | list[str]:
    return cells if any(_US in c for c in cells) else _US.join(cells)


def _merge(these: list[Part]) -> tuple[list[float], list[int], str | list[str], tuple[str, str] | None]:
    """A post's parts (in file order) as one: its points in the order a stable sort of all its
    rows by ``at`` gives, the latest row, the first text."""
    times, engs, last, first_text = these[0][1], these[0][2], these[0][3], these[0][4]
    if len(these) == 1:
        return times, engs, last, first_text
    bounds = [(part[0].partition("\n")[0], part[0].rpartition("\n")[2]) for part in these]
    if all(bounds[i][1] <= bounds[i + 1][0] for i in range(len(bounds) - 1)):  # already in order (the rule)
        times = [t for part in these for t in part[1]]
        engs = [e for part in these for e in part[2]]
    else:
        points = sorted(((a, t, e) for part in these for a, t, e in zip(part[0].split("\n"), part[1], part[2],
                                                                         strict=True)), key=_at)
        times, engs = [t for _, t, _ in points], [e for _, _, e in points]
    latest = bounds[0][1]
    for part, (_, part_last) in zip(these[1:], bounds[1:], strict=True):
        if part_last >= latest:  # on equal times the later file's row is the later one
            latest, last = part_last, part[3]
    texts = [part[4] for part in these if part[4] is not None]
    return times, engs, last, min(texts, key=_at) if texts else None


def compute(root: Path) -> Curves:
    """The curves from the snapshot files. Each file's rows are folded per post once and kept
    (``checks.statcache``, under the file's size, modification and change times), so that after
    an import only the files it wrote are read again; the posts' curves are then put together
    from the folded parts (the same order, latest row and first text as sorting all of a post's
    rows would give). Each post's curve is kept too, under the names and times of the files
    its rows come from: a post none of whose files changed keeps it."""
    cached = statcache.load(PARTS, root, VERSION)
    seen: dict[str, Any] = {}
    changed = False
    parts: dict[tuple[str, str], list[Part]] = {}
    sources: dict[tuple[str, str], list[tuple[str, int, int, int]]] = {}
    for platform, path in store.post_files(root):
        name = f"{platform}/{path.name}"
        st = path.stat()
        stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        hit = cached.get(name)
        if hit is not None and hit[0] == stamp:
            folded: dict[str, Part] = hit[1]
        else:
            folded = fold(store.read_post_file(path))
            changed = True
        seen[name] = (stamp, folded)
        source = (name, *stamp)
        for post_id, part in folded.items():
            key = (platform, post_id)
            these = parts.get(key)
            if these is None:
                parts[key], sources[key] = [part], [source]
            else:
                these.append(part)
                sources[key].append(source)
    if changed or len(seen) != len(cached):
        statcache.save(PARTS, root, VERSION, seen)
    before = statcache.load(CURVES, root, VERSION)
    kept: dict[tuple[str, str], Any] = {}
    out: Curves = {}
    for key, these in parts.items():
        signature = tuple(sources[key])
        known = before.get(key)
        out[key] = curve = Curve(*known[1]) if known is not None and known[0] == signature else _curve(these)
        kept[key] = (signature, tuple(curve))
    if kept != before:
        statcache.save(CURVES, root, VERSION, kept)
    return out


def _curve(these: list[Part]) -> Curve:
    times, engs, joined, first_text = _merge(these)
    last = joined.split(_US) if isinstance(joined, str) else joined
    series: list[tuple[float, int]] = []
    if last[3]:
        published = _time(last[3])
        series = [((t - published) / 3600, e) for t, e in zip(times, engs, strict=True)]
    return Curve(last[2], last[3], last[4], tuple(int(v) if v else None for v in last[_COUNTS]),
                 first_text[1] if first_text else "", len(times), kpi.lifetime_hours(series),
                 series if day_only(last[3]) else None)
