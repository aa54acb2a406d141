"""``ekip metrics import``: export files -> new contents of files under ``metrics/``.

Everything is read and checked before anything is written: one bad file (an unknown column
set, a cell that is not a number or a time) stops the import with a message naming the file
(and line and column), and nothing is written. The files are then written one by one, each
atomically (temporary file, then rename).

When a snapshot was taken (``at``): ``--at``, else a date in the file's name (the last one:
``account_analytics_content_2026-11-01_2026-11-30.csv`` -> 30 November, 23:59 brand-local),
else now.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any

from checks.brand.model import Brand
from checks.errors import EkipError
from checks.i18n import N_, _
from checks.metrics import store
from checks.metrics.custom import load_custom
from checks.metrics.dates import iso
from checks.metrics.parse import Parsed, parse_table, unrecognised
from checks.metrics.presets import BUILTIN, POST_COUNTS
from checks.metrics.tables import read_tables

_NAME_DATE = re.compile(r"(20\d{2})-?(\d{2})-?(\d{2})")


@dataclass
class Plan:
    writes: dict[Path, bytes] = field(default_factory=dict)
    summary: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    added: int = 0


def snapshot_time(path: Path, at: datetime | None, brand: Brand, now: datetime) -> datetime:
    if at is not None:
        return at
    found = _NAME_DATE.findall(path.name)
    for y, m, d in reversed(found):
        try:
            return datetime.combine(datetime(int(y), int(m), int(d)).date(), time(23, 59), brand.timezone)
        except ValueError:
            continue
    return now


def plan_import(files: list[str], brand: Brand, at: datetime | None, now: datetime) -> Plan:
    presets = [*load_custom(brand), *BUILTIN]
    platforms = frozenset(brand.platforms)
    parsed: list[tuple[Parsed, datetime]] = []
    plan = Plan()
    for shown in files:
        path = Path(shown)
        when = snapshot_time(path, at, brand, now)
        found = False
        skipped = []
        for table in read_tables(path, shown):
            result = parse_table(table, presets, brand.timezone, platforms)
            if result is None:
                skipped.append(table)
                continue
            found = True
            parsed.append((result, when))
        if not found:
            cols = unrecognised(skipped[0], presets) if skipped else []
            what = f": {', '.join(repr(c) for c in cols)}" if cols else ""
            raise EkipError(_("no known export format; columns not recognised{columns}. "
                              "Map another tool's columns in brand/metrics.yml (docs/METRICS.md).").format(
                                  columns=what), shown)
        for t in skipped:
            plan.notes.append(_("{sheet}: sheet skipped (no known column set)").format(sheet=t.name))
    merger = _Merger(brand)
    for result, when in parsed:
        plan.summary.append(merger.add(result, when))
    plan.writes = merger.files()
    plan.added = merger.added
    return plan


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Row ``b`` says nothing that the stored row ``a`` does not (a field ``b`` leaves empty
    is not news: another export of the same post may report fewer columns)."""
    keys = ("permalink", "type", *POST_COUNTS)
    same_time = _precise(a["published"], b["published"]) == _precise(b["published"], a["published"])
    return same_time and all(b.get(k) in (None, "") or a.get(k) == b.get(k) for k in keys)


def _precise(value: str, other: str) -> str:
    """``value``, or ``other`` when ``value`` is the same day without a time of day (X's new
    export gives only the day; its legacy export and the post give the time)."""
    if value[:10] == other[:10] and value[10:16] == "T00:00" and other[10:16] != "T00:00":
        return other
    return value


class _Merger:
    def __init__(self, brand: Brand) -> None:
        self.root = brand.root
        self.tz = brand.timezone
        self.posts: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}  # platform -> (post, at) -> row
        self.touched_days: dict[str, set[str]] = defaultdict(set)
        self.followers: dict[str, dict[str, dict[str, Any]]] = {}
        self.audience: dict[tuple[str, str], dict[tuple[str, str], dict[str, Any]]] = {}
        self.campaigns: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}
        self.original: dict[Path, bytes | None] = {}
        self.added = 0

    def _folder(self, platform: str) -> Path:
        return self.root / store.ROOT / platform

    def _load_posts(self, platform: str) -> dict[tuple[str, str], dict[str, Any]]:
        if platform not in self.posts:
            rows: dict[tuple[str, str], dict[str, Any]] = {}
            folder = self._folder(platform) / "posts"
            last_text: dict[str, str] = {}
            if folder.is_dir():
                for f in sorted(folder.glob("*.csv")):
                    cells, problems = store.read_post_file(f, f.relative_to(self.root).as_posix())
                    _refuse(problems)
                    for r in cells:
                        row: dict[str, Any] = dict(zip(store.POST_COLUMNS, r, strict=True))
                        for c in POST_COUNTS:
                            row[c] = int(row[c]) if row[c] else None
                        if not row["text"]:  # stored once per post and file
                            row["text"] = last_text.get(row["post_id"], "")
                        last_text[row["post_id"]] = row["text"]
                        rows[(row["post_id"], row["at"])] = row
            self.posts[platform] = rows
        return self.posts[platform]

    def add(self, parsed: Parsed, when: datetime) -> str:
        kind = parsed.kind
        at = iso(when, self.tz)
        new = same = 0
        if kind == "posts":
            by_platform: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for row in parsed.rows:
                by_platform[row["platform"]].append(row)
            for platform, rows in by_platform.items():
                stored = self._load_posts(platform)
                latest: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
                for (pid, t), r in stored.items():
                    latest[pid].append((t, r))
                for row in rows:
                    row = {**row, "at": at, "text": row["text"][:store.TEXT_LIMIT]}
                    earlier = [(t, r) for t, r in latest[row["post_id"]] if t <= at]
                    last = max(earlier, key=lambda tr: tr[0])[1] if earlier else None
                    if last is not None:
                        row["published"] = _precise(row["published"], last["published"])
                    if last is not None and _same(last, row):
                        same += 1
                        continue
                    current = stored.get((row["post_id"], at))
                    if current is not None:  # two exports of the same moment: each fills the other's gaps
                        row = {**row, **{k: current[k] for k in POST_COUNTS if row.get(k) is None},
                               "published": _precise(row["published"], current["published"])}
                    stored[(row["post_id"], at)] = row
                    latest[row["post_id"]].append((at, row))
                    self.touched_days[platform].add(at[:10])
                    new += 1
        elif kind == "followers":
            for row in parsed.rows:
                series = self._load_followers(row["platform"])
                old = series.get(row["date"])
                merged = {**(old or {}), **{k: v for k, v in row.items() if v is not None and k != "platform"}}
                if old == merged:
                    same += 1
                    continue
                series[row["date"]] = merged
                new += 1
        elif kind == "audience":
            by_platform_a: dict[str, dict[tuple[str, str], dict[str, Any]]] = defaultdict(dict)
            for row in parsed.rows:
                by_platform_a[row["platform"]][(row["dimension"], row["value"])] = {
                    k: row[k] for k in store.AUDIENCE_COLUMNS}
            for platform, table in by_platform_a.items():
                snap = self._load_audience(platform, at[:10])
                previous = snap if snap else self._previous_audience(platform, at[:10])
                if all(previous.get(k) == v for k, v in table.items()):
                    same += len(table)
                    continue
                snap.update(table)
                new += len(table)
        else:
            name = "_".join(parsed.period) if parsed.period else at[:10]
            table = self._load_campaigns(name)
            for row in parsed.rows:
                key = (row["campaign"], row["date"])
                value = {k: row[k] for k in store.CAMPAIGN_COLUMNS}
                if key in table and _campaign_same(table[key], value):
                    same += 1
                    continue
                table[key] = value
                new += 1
        self.added += new
        what = {"posts": N_("{n} new post rows"), "followers": N_("{n} new follower days"),
                "audience": N_("{n} new audience rows"), "campaigns": N_("{n} new campaign rows")}[kind]
        unchanged = _(", {n} rows already stored").format(n=same) if same else ""
        return _("{source}: {preset} — {added}{unchanged}").format(
            source=parsed.source, preset=parsed.preset.name or parsed.preset.id,
            added=_(what).format(n=new), unchanged=unchanged)

    def _load_followers(self, platform: str) -> dict[str, dict[str, Any]]:
        if platform not in self.followers:
            path = self._folder(platform) / "followers.csv"
            rows = {}
            if path.exists():
                table, problems = store.read_table(path, self.root, store.FOLLOWER_COLUMNS,
                                                   whole=store.FOLLOWER_COLUMNS[1:])
                _refuse(problems)
                for r in table:
                    rows[r["date"]] = {"date": r["date"], **{k: int(r[k]) for k in ("followers", "gained", "lost")
                                                            if r[k]}}
            self.followers[platform] = rows
        return self.followers[platform]

    def _load_audience(self, platform: str, day: str) -> dict[tuple[str, str], dict[str, Any]]:
        key = (platform, day)
        if key not in self.audience:
            path = self._folder(platform) / "audience" / f"{day}.csv"
            rows = {}
            if path.exists():
                table, problems = store.read_table(path, self.root, store.AUDIENCE_COLUMNS, whole=("followers",),
                                                   decimal=("share",))
                _refuse(problems)
                for r in table:
                    rows[(r["dimension"], r["value"])] = {
                        "dimension": r["dimension"], "value": r["value"],
                        "followers": int(r["followers"]) if r["followers"] else None,
                        "share": float(r["share"]) if r["share"] else None}
            self.audience[key] = rows
        return self.audience[key]

    def _previous_audience(self, platform: str, day: str) -> dict[tuple[str, str], dict[str, Any]]:
        folder = self._folder(platform) / "audience"
        earlier = sorted(f.stem for f in folder.glob("*.csv") if f.stem < day) if folder.is_dir() else []
        return dict(self._load_audience(platform, earlier[-1])) if earlier else {}

    def _load_campaigns(self, name: str) -> dict[tuple[str, str], dict[str, Any]]:
        if name not in self.campaigns:
            path = self.root / store.ROOT / "ga4" / f"{name}.csv"
            rows = {}
            if path.exists():
                table, problems = store.read_table(path, self.root, store.CAMPAIGN_COLUMNS,
                                                   whole=("sessions", "conversions"), decimal=("revenue",))
                _refuse(problems)
                for r in table:
                    rows[(r["campaign"], r["date"])] = {
                        "campaign": r["campaign"], "date": r["date"], "sessions": int(r["sessions"] or 0),
                        "conversions": int(r["conversions"] or 0),
                        "revenue": float(r["revenue"]) if r["revenue"] else None}
            self.campaigns[name] = rows
        return self.campaigns[name]

    def files(self) -> dict[Path, bytes]:
        out: dict[Path, bytes] = {}
        for platform, days in self.touched_days.items():
            rows = self.posts[platform]
            for day in days:
                these = sorted((r for (pid, at), r in rows.items() if at[:10] == day),
                               key=lambda r: (r["post_id"], r["at"]))
                these = _text_once(these)
                out[self._folder(platform) / "posts" / f"{day}.csv"] = store.encode(store.POST_COLUMNS, these)
        for platform, series in self.followers.items():
            out[self._folder(platform) / "followers.csv"] = store.encode(
                store.FOLLOWER_COLUMNS, (series[d] for d in sorted(series)))
        for (platform, day), snap in self.audience.items():
            if not snap:
                continue
            out[self._folder(platform) / "audience" / f"{day}.csv"] = store.encode(
                store.AUDIENCE_COLUMNS, (snap[k] for k in sorted(snap)))
        for name, table in self.campaigns.items():
            out[self.root / store.ROOT / "ga4" / f"{name}.csv"] = store.encode(
                store.CAMPAIGN_COLUMNS, (table[k] for k in sorted(table)))
        return {p: data for p, data in out.items() if not p.exists() or p.read_bytes() != data}


def _refuse(problems: list[store.Problem]) -> None:
    """A stored file the import would write again has a row (or is a file) it cannot read:
    stop before anything is written, so that the row is not lost."""
    if problems:
        message = _("{problem}: the import would write this stored file again and lose what it cannot read; "
                    "mend the file (or take it back from git) and import again. Nothing was written.")
        raise EkipError(message.format(problem=problems[0]))


def _campaign_same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all((a.get(k) or 0) == (b.get(k) or 0) for k in ("sessions", "conversions", "revenue"))


def _text_once(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A post's text only in its first row of a file (the rows are sorted by post)."""
    out = []
    previous: tuple[str, str] | None = None
    for r in rows:
        key = (r["post_id"], r["text"])
        out.append({**r, "text": ""} if key == previous else r)
        previous = key
    return out
