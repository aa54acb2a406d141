"""What a report needs from ``metrics/<platform>/posts/*.csv``, per post: its latest row
(counts as numbers), how many snapshots it has and its content lifetime
(``checks.metrics.kpi.lifetime_hours`` of its engagement curve: hours since the row's publishing
time, engagement so far). The curve itself is kept only where the post file's time may replace
the row's (a row published at 00:00: an export that gives only the day), since the lifetime
then counts from the post's time (``checks.metrics.dataset``).

What was worked out is kept between runs in one cache (``checks.statcache``, kind ``curves``,
in ``$EKIP_CACHE_DIR`` or the user's cache folder): each snapshot file's size, modification and
change times with the problems found in it, and each post's curve with the names of the files
its rows are in. A run stats every snapshot file; a post none of whose files changed (or went)
keeps its curve; the posts of a changed file are worked out again from all of their files,
which are read again (and only those): after an import that wrote one day's file, a few files
are read, not the 1,800 of a year. The files stay the truth: a cache that cannot be read or
written is ignored. Rows (and files) that cannot be read are left out and come back as
``store.Problem``, kept with their file, so every run says them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import partial
from itertools import groupby
from operator import add
from pathlib import Path
from typing import Any, NamedTuple

from checks import statcache
from checks.metrics import kpi, store
from checks.metrics.presets import POST_COUNTS

VERSION = 4
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


# A post's rows in one snapshot file, sorted by ``at`` as text (stable), as the whole curve is:
# (their ``at``, their POSIX times, their engagement so far, the latest row's cells, (at, text)
# of the first row that gives a text, or None).
Part = tuple[list[str], list[float], list[int], list[str], "tuple[str, str] | None"]
KIND = "curves"  # checks.statcache kind


def _at(item: list[str] | tuple[str, str] | tuple[str, float, int]) -> str:
    return item[0]


_HEADER = ",".join(store.POST_COLUMNS)
_WIDTH = len(store.POST_COLUMNS)
_ENGAGEMENT = range(8, 13)  # likes, comments, shares, saves, clicks in store.POST_COLUMNS


def fold(rows: list[list[str]], times: dict[str, float]) -> dict[str, Part]:
    """One snapshot file's rows (checked by ``store.parse_post_text``, whose ``times`` hold
    every row's ``at``), per post id."""
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
        out[post_id] = ([r[0] for r in group], [times[r[0]] for r in group],
                        [sum(map(int, filter(None, r[8:13]))) for r in group], group[-1],
                        next(((r[0], r[_TEXT]) for r in group if r[_TEXT]), None))
    return out


def fold_text(text: str, times: dict[str, float]) -> dict[str, Part] | None:
    """``fold`` of a snapshot file as ``ekip metrics import`` writes it, a column at a time:
    the header of ``store.POST_COLUMNS``, no quoted cell (no ``"``), ``\\n`` line ends, rows
    sorted by post id and ``at``, every cell valid. None for any other file, which then goes
    through the csv module a row at a time (``store.parse_post_text``, which also says what is
    wrong with it).

    Why by hand: a repository's first report reads every snapshot row (300,000 for 10,000
    posts with 30 snapshots each); splitting our own unquoted lines and converting whole
    columns takes less than half the time of the csv module's rows checked and folded a row at
    a time (0.82 s against 1.78 s of CPU for those 300,000 rows, measured side by side).
    tests/test_metrics_store.py checks that both readings give the same on generated and
    hostile files."""
    if '"' in text or "\r" in text or "\x00" in text:
        return None
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != _HEADER:
        return None
    rows = [line.split(",") for line in lines[1:]]
    if not rows:
        return {}
    if len(set(map(len, rows))) != 1 or len(rows[0]) != _WIDTH:
        return None
    cols = list(zip(*rows, strict=True))
    ats, ids, texts = list(cols[0]), cols[1], cols[_TEXT]
    if "" in ids or "" in ats:
        return None
    pairs = list(zip(ids, ats, strict=True))
    if pairs != sorted(pairs):
        return None
    for value in set(ats).union(cols[3]).difference(times):
        if value and store.stamp(value, times) is None:
            return None
    for i in range(5, _TEXT):
        digits = "".join(cols[i])
        if digits and not (digits.isascii() and digits.isdigit()):
            return None
    engagement: list[int] = [0] * len(rows)
    for i in _ENGAGEMENT:
        col = cols[i]
        engagement = list(map(add, engagement, map(int, col) if "" not in col else (int(v or 0) for v in col)))
    stamps = list(map(times.__getitem__, ats))
    with_text = [k for k, t in enumerate(texts) if t]
    out: dict[str, Part] = {}
    i = 0
    for post_id, run in groupby(ids):
        j = i + len(list(run))
        k = bisect_left(with_text, i)
        first = with_text[k] if k < len(with_text) and with_text[k] < j else -1
        last = rows[j - 1]
        out[post_id] = (ats[i:j], stamps[i:j], engagement[i:j],
                        last, (ats[first], texts[first]) if first >= 0 else None)
        i = j
    return out


def read(path: Path, shown: str, times: dict[str, float]) -> tuple[dict[str, Part], list[store.Problem]]:
    """A snapshot file folded per post, and the problems of what was skipped."""
    text = store.read_text(path, shown)
    if isinstance(text, store.Problem):
        return {}, [text]
    folded = fold_text(text, times)
    if folded is not None:
        return folded, []
    rows, problems = store.parse_post_text(text, shown, times)
    return fold(rows, times), problems


def _merge(these: list[Part]) -> tuple[list[float], list[int], list[str], tuple[str, str] | None]:
    """A post's parts (in file order) as one: its points in the order a stable sort of all its
    rows by ``at`` gives, the latest row, the first text."""
    times, engs, last, first_text = these[0][1], these[0][2], these[0][3], these[0][4]
    if len(these) == 1:
        return times, engs, last, first_text
    bounds = [(part[0][0], part[0][-1]) for part in these]
    if all(bounds[i][1] <= bounds[i + 1][0] for i in range(len(bounds) - 1)):  # already in order (the rule)
        times = [t for part in these for t in part[1]]
        engs = [e for part in these for e in part[2]]
    else:
        points = sorted(((a, t, e) for part in these for a, t, e in zip(part[0], part[1], part[2], strict=True)),
                        key=_at)
        times, engs = [t for _, t, _ in points], [e for _, _, e in points]
    latest = bounds[0][1]
    for part, (_, part_last) in zip(these[1:], bounds[1:], strict=True):
        if part_last >= latest:  # on equal times the later file's row is the later one
            latest, last = part_last, part[3]
    texts = [part[4] for part in these if part[4] is not None]
    return times, engs, last, min(texts, key=_at) if texts else None


def curves(root: Path) -> tuple[Curves, list[store.Problem]]:
    """(platform, post id) -> its ``Curve``: the latest row and the lifetime (the hours are
    counted from the latest row's ``published``; no lifetime when it has none); then the rows
    (and files) that were skipped, and why, in file order."""
    return Snapshots(root).result()


class Snapshots:
    """``curves`` in two steps, so that the reading can be shared with worker processes
    (``checks.forkshare``): the files are listed and compared with the cache now, the changed
    ones to read come in ``tasks`` (a task's result is plain data), and ``result`` reads what
    else it needs (the other files of the posts in a changed file) and puts it all together."""

    def __init__(self, root: Path, chunks: int = 1) -> None:
        self.root = root
        cached = statcache.load(KIND, root, VERSION)
        self.known_files: dict[str, Any] = cached.get("files", {})
        self.known_posts: dict[tuple[str, str], Any] = cached.get("posts", {})
        self.files: list[tuple[str, Path, str]] = []
        self.stamps: dict[str, tuple[int, int, int]] = {}
        for platform, path in store.post_files(root):
            name = f"{platform}/{path.name}"
            st = path.stat()
            self.files.append((platform, path, name))
            self.stamps[name] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        self.gone = self.known_files.keys() - self.stamps.keys()
        self.changed = {name for name, stamp in self.stamps.items()
                        if name not in self.known_files or tuple(self.known_files[name][0]) != stamp} | self.gone
        todo = [i for i, (_, _, name) in enumerate(self.files) if name in self.changed]
        count = min(chunks, len(todo))
        self.tasks: list[Callable[[], Any]] = [partial(self._read, todo[i::count]) for i in range(count)]
        self.to_read = len(todo)
        self.times: dict[str, float] = {}

    def _read(self, files: list[int]) -> list[tuple[str, dict[str, Part], list[tuple[str, int, str, str]]]]:
        out = []
        for i in files:
            platform, path, name = self.files[i]
            folded, problems = read(path, f"{store.ROOT}/{platform}/posts/{path.name}", self.times)
            out.append((name, folded, [p.plain() for p in problems]))
        return out

    def result(self, done: list[Any] | None = None) -> tuple[Curves, list[store.Problem]]:
        """The curves, from ``done`` (what ``tasks`` gave, in order) or by running the tasks here."""
        done = [task() for task in self.tasks] if done is None else done
        read_now: dict[str, tuple[dict[str, Part], list[Any]]] = {
            name: (folded, problems) for result in done for name, folded, problems in result}
        known_posts, files, times = self.known_posts, self.files, self.times
        changed = self.changed
        # then every file of a post that has rows in a changed (or gone) file
        affected = {key for key, (names, _) in known_posts.items()
                    if not changed.isdisjoint(names)} if changed else set()
        affected |= {(platform, post_id) for platform, _, name in files if name in read_now
                     for post_id in read_now[name][0]}
        more = {name for key in affected if key in known_posts for name in known_posts[key][0]}
        for name, folded, problems in self._read([i for i, (_, _, name) in enumerate(files)
                                                  if name in more and name not in read_now]):
            read_now[name] = (folded, problems)
        parts: dict[tuple[str, str], list[Part]] = {}
        sources: dict[tuple[str, str], list[str]] = {}
        for platform, _, name in files:
            for post_id, part in read_now[name][0].items() if name in read_now else ():
                key = (platform, post_id)
                if key not in affected:  # none of its files changed: it keeps its curve
                    continue
                these = parts.get(key)
                if these is None:
                    parts[key], sources[key] = [part], [name]
                else:
                    these.append(part)
                    sources[key].append(name)
        out: Curves = {}
        posts: dict[tuple[str, str], Any] = {}
        for key, (names, kept) in known_posts.items():
            if key not in affected:
                out[key], posts[key] = Curve(*kept), (names, kept)
        for key, these in parts.items():
            out[key] = curve = _curve(these, times)
            posts[key] = (tuple(sources[key]), tuple(curve))
        table = {name: (stamp, read_now[name][1] if name in read_now else self.known_files[name][1])
                 for name, stamp in self.stamps.items()}
        if read_now or self.gone:
            statcache.save(KIND, self.root, VERSION, {"files": table, "posts": posts})
        return out, [store.Problem(*p) for _, _, name in files for p in table[name][1]]


def _curve(these: list[Part], times: dict[str, float]) -> Curve:
    times_, engs, last, first_text = _merge(these)
    hours: list[float] = []
    if last[3]:
        published = store.stamp(last[3], times) or 0.0  # checked when the file was read
        hours = [(t - published) / 3600 for t in times_]
    return Curve(last[2], last[3], last[4], tuple(int(v) if v else None for v in last[_COUNTS]),
                 first_text[1] if first_text else "", len(times_), kpi.lifetime_from(hours, engs),
                 list(zip(hours, engs, strict=True)) if day_only(last[3]) else None)
