"""The ``metrics/`` folder: plain CSV files (UTF-8, ``,``, one row per line, sorted) that
diff well in git.

::

    metrics/<platform>/posts/<YYYY-MM-DD>.csv     post snapshots taken that day (``at`` = when)
    metrics/<platform>/followers.csv              one row per day: followers, gained, lost
    metrics/<platform>/audience/<YYYY-MM-DD>.csv  demographics as of that day (aggregates only)
    metrics/ga4/<first day>_<last day>.csv        sessions and conversions by utm_campaign

A post row holds the counts *so far* (the platforms report lifetime totals), so a post's rows
over time are its growth curve. A row that says nothing new (the same counts as the post's
latest row at or before its time) is not stored: importing a file twice adds nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from checks.metrics.presets import POST_COUNTS

ROOT = "metrics"
POST_COLUMNS = ("at", "post_id", "permalink", "published", "type", *POST_COUNTS, "text")
FOLLOWER_COLUMNS = ("date", "followers", "gained", "lost")
AUDIENCE_COLUMNS = ("dimension", "value", "followers", "share")
CAMPAIGN_COLUMNS = ("campaign", "date", "sessions", "conversions", "revenue")
TEXT_LIMIT = 280  # characters of a post's text kept (enough to match it to its post)


def encode(columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    cols = list(columns)
    writer.writerow(cols)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else _plain(row[c]) for c in cols])
    return out.getvalue().encode("utf-8")


def _plain(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _int(value: str) -> int | None:
    return int(value) if value else None


def post_files(root: Path) -> Iterator[tuple[str, Path]]:
    base = root / ROOT
    if not base.is_dir():
        return
    for platform_dir in sorted(base.iterdir()):
        posts = platform_dir / "posts"
        if posts.is_dir():
            for f in sorted(posts.glob("*.csv")):
                yield platform_dir.name, f


def read_post_file(path: Path) -> list[list[str]]:
    """The rows of one snapshot file, as cells in ``POST_COLUMNS`` order (an older or hand-edited
    file is read by column name; a column it lacks is empty)."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            return []
        if tuple(header) == POST_COLUMNS:
            return list(reader)
        idx = [header.index(c) if c in header else -1 for c in POST_COLUMNS]
        return [[r[i] if 0 <= i < len(r) else "" for i in idx] for r in reader]


def load_post_rows(root: Path) -> dict[tuple[str, str], list[list[str]]]:
    """Every stored post row, as its cells in ``POST_COLUMNS`` order, grouped by (platform,
    post id); a post's rows in time order. Cells stay strings: a report over 10,000 posts with
    30 snapshots each reads 300,000 rows, and converting only what is used keeps that fast."""
    groups: dict[tuple[str, str], list[list[str]]] = {}
    for platform, path in post_files(root):
        for r in read_post_file(path):
            key = (platform, r[1])
            group = groups.get(key)
            if group is None:
                groups[key] = [r]
            else:
                group.append(r)
    for group in groups.values():
        if len(group) > 1:
            group.sort(key=_at)
    return groups


def _at(row: list[str]) -> str:
    return row[0]


def load_followers(root: Path) -> dict[str, list[dict[str, Any]]]:
    """platform -> rows by date (``followers``, ``gained``, ``lost`` as int or None)."""
    out: dict[str, list[dict[str, Any]]] = {}
    base = root / ROOT
    if not base.is_dir():
        return out
    for f in sorted(base.glob("*/followers.csv")):
        out[f.parent.name] = [
            {"date": r["date"], **{k: _int(r.get(k) or "") for k in ("followers", "gained", "lost")}}
            for r in read_rows(f)
        ]
    return out


def load_audience(root: Path) -> dict[str, tuple[str, list[dict[str, Any]]]]:
    """platform -> (day, rows) of its latest demographics snapshot."""
    out: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    base = root / ROOT
    if not base.is_dir():
        return out
    for d in sorted(base.glob("*/audience")):
        files = sorted(d.glob("*.csv"))
        if files:
            rows = [{"dimension": r["dimension"], "value": r["value"], "followers": _int(r.get("followers") or ""),
                     "share": float(r["share"]) if r.get("share") else None} for r in read_rows(files[-1])]
            out[d.parent.name] = (files[-1].stem, rows)
    return out


def load_campaigns(root: Path) -> list[dict[str, Any]]:
    """GA4 rows: ``campaign``, ``date`` (or ""), ``first``/``last`` (the file's period),
    ``sessions``, ``conversions``, ``revenue``."""
    out: list[dict[str, Any]] = []
    folder = root / ROOT / "ga4"
    if not folder.is_dir():
        return out
    for f in sorted(folder.glob("*.csv")):
        first, _, last = f.stem.partition("_")
        for r in read_rows(f):
            out.append({"campaign": r["campaign"], "date": r.get("date", ""), "first": first, "last": last or first,
                        "sessions": int(r["sessions"] or 0), "conversions": int(r["conversions"] or 0),
                        "revenue": float(r["revenue"]) if r.get("revenue") else None})
    return out
