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
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from checks.i18n import N_, _
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


_WHOLE = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def read_table(path: Path, root: Path, columns: tuple[str, ...], whole: tuple[str, ...] = (),
               decimal: tuple[str, ...] = ()) -> tuple[list[dict[str, str]], list[Problem]]:
    """The rows of a stored followers, audience or GA4 file as {column: cell} for ``columns``
    (a column the file lacks is empty), and the problems of what is skipped: a row whose
    ``whole`` cells are not whole numbers or whose ``decimal`` cells are not decimals (``.``),
    a row with more or fewer cells than the header, a file without ``columns[0]``."""
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    text = read_text(path, shown)
    if isinstance(text, Problem):
        return [], [text]
    rows: list[dict[str, str]] = []
    problems: list[Problem] = []
    records = _records(text, shown, problems)
    header = next(records, (0, None))[1]
    if header is None:
        return rows, problems
    if columns[0] not in header:
        return rows, [Problem(shown, 1, LACKS, columns[0])]
    idx = [(c, header.index(c) if c in header else -1) for c in columns]
    for line, cells in records:
        row = {c: cells[i] if i >= 0 else "" for c, i in idx}
        wrong = next(((NOT_A_COUNT, c) for c in whole if row[c] and not _number(_WHOLE, row[c])), None) or \
            next(((NOT_A_NUMBER, c) for c in decimal if row[c] and not _number(_DECIMAL, row[c])), None)
        if wrong is not None:
            problems.append(Problem(shown, line, *wrong))
            continue
        rows.append(row)
    return rows, problems


def _records(text: str, shown: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """A stored file's rows through the csv module, each with its line number, the header first;
    blank lines are skipped, a row with more or fewer cells than the header goes to ``problems``,
    and so does a csv error, which ends the reading (a field over the csv module's size limit)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            return
        yield 1, header
        for cells in reader:
            if not cells:
                continue
            if len(cells) != len(header):
                problems.append(Problem(shown, reader.line_num, CELLS))
                continue
            yield reader.line_num, cells
    except csv.Error as exc:
        problems.append(Problem(shown, reader.line_num, NOT_CSV, str(exc)))


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


class Problem(NamedTuple):
    """A stored row (or file) that cannot be used, and why: ``what`` is a message id with
    ``{column}`` where a column is named. No cell's value is ever repeated (a hand-edited file
    may hold anything, personal data too)."""

    path: str  # as shown: relative to the repository root
    line: int  # 1-based
    what: str
    column: str = ""

    def plain(self) -> tuple[str, int, str, str]:
        """As a plain tuple (what ``marshal`` and the caches keep)."""
        return (self.path, self.line, self.what, self.column)

    @property
    def whole_file(self) -> bool:
        return self.what in _FILE_LEVEL

    def __str__(self) -> str:
        """``path:line: why`` in the user's language."""
        return f"{self.path}:{self.line}: {_(self.what).format(column=self.column)}"


NO_POST_ID = N_("no post_id")
NOT_A_TIME = N_("{column} is not an ISO 8601 time with its UTC offset")
NOT_A_COUNT = N_("{column} is not a whole number")
NOT_A_NUMBER = N_("{column} is not a number")
CELLS = N_("not as many cells as the header has columns")
NOT_UTF8 = N_("not UTF-8 text")
HAS_NUL = N_("a NUL byte")
NOT_CSV = N_("not CSV ({column})")
NO_COLUMNS = N_("the header lacks the columns at and post_id")
LACKS = N_("the header lacks the column {column}")
UNREADABLE = N_("the file cannot be read")
_FILE_LEVEL = frozenset({NOT_UTF8, HAS_NUL, NO_COLUMNS, LACKS, UNREADABLE})  # the rest of the file is lost too

_COUNT_CELLS = range(5, 5 + len(POST_COUNTS))


def stamp(value: str, times: dict[str, float]) -> float | None:
    """``value``'s POSIX time, when it is an ISO 8601 time with its UTC offset (None otherwise; a
    time without an offset would be read in the machine's own zone). ``times`` remembers what
    was parsed: the rows of one import share their ``at``, and a post its ``published``."""
    found = times.get(value)
    if found is None:
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            return None
        if when.utcoffset() is None:
            return None
        times[value] = found = when.timestamp()
    return found


def is_count(cell: str) -> bool:
    """A stored count: ASCII digits (an empty cell is no count and is allowed too)."""
    return not cell or (cell.isascii() and cell.isdigit())


def row_problem(cells: list[str], times: dict[str, float]) -> tuple[str, str] | None:
    """(message id, column) of what makes a post row (cells in ``POST_COLUMNS`` order) unusable."""
    if not cells[1]:
        return NO_POST_ID, ""
    if stamp(cells[0], times) is None:
        return NOT_A_TIME, "at"
    if cells[3] and stamp(cells[3], times) is None:
        return NOT_A_TIME, "published"
    for i in _COUNT_CELLS:
        if not is_count(cells[i]):
            return NOT_A_COUNT, POST_COLUMNS[i]
    return None


def read_text(path: Path, shown: str) -> str | Problem:
    """A stored file's text, or the problem that keeps it from being read."""
    try:
        data = path.read_bytes()
    except OSError:
        return Problem(shown, 1, UNREADABLE)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Problem(shown, data.count(b"\n", 0, exc.start) + 1, NOT_UTF8)
    if "\x00" in text:
        return Problem(shown, text.count("\n", 0, text.index("\x00")) + 1, HAS_NUL)
    return text


def read_post_file(path: Path, shown: str | None = None,
                   times: dict[str, float] | None = None) -> tuple[list[list[str]], list[Problem]]:
    """The usable rows of one snapshot file, as cells in ``POST_COLUMNS`` order (an older or
    hand-edited file is read by column name; a column it lacks is empty), and the problems of
    the rows (and the file) that are skipped."""
    text = read_text(path, shown or path.name)
    if isinstance(text, Problem):
        return [], [text]
    return parse_post_text(text, shown or path.name, {} if times is None else times)


def parse_post_text(text: str, shown: str, times: dict[str, float]) -> tuple[list[list[str]], list[Problem]]:
    """``read_post_file`` of a text: through the csv module, a row at a time (the reference
    that ``checks.metrics.curves``' faster reading of our own files is tested against)."""
    rows: list[list[str]] = []
    problems: list[Problem] = []
    records = _records(text, shown, problems)
    header = next(records, (0, None))[1]
    if header is None:
        return rows, problems
    idx = None if tuple(header) == POST_COLUMNS else [header.index(c) if c in header else -1 for c in POST_COLUMNS]
    if idx is not None and (idx[0] < 0 or idx[1] < 0):
        return rows, [Problem(shown, 1, NO_COLUMNS)]
    for line, cells in records:
        if idx is not None:
            cells = [cells[i] if i >= 0 else "" for i in idx]
        wrong = row_problem(cells, times)
        if wrong is not None:
            problems.append(Problem(shown, line, *wrong))
            continue
        rows.append(cells)
    return rows, problems


def _number(pattern: re.Pattern[str], cell: str) -> bool:
    return cell.isascii() and pattern.fullmatch(cell) is not None


def load_followers(root: Path) -> tuple[dict[str, list[dict[str, Any]]], list[Problem]]:
    """platform -> rows by date (``followers``, ``gained``, ``lost`` as int or None); the
    problems of the rows skipped."""
    out: dict[str, list[dict[str, Any]]] = {}
    problems: list[Problem] = []
    base = root / ROOT
    if not base.is_dir():
        return out, problems
    counts = FOLLOWER_COLUMNS[1:]
    for f in sorted(base.glob("*/followers.csv")):
        rows, found = read_table(f, root, FOLLOWER_COLUMNS, whole=counts)
        problems += found
        out[f.parent.name] = [{"date": r["date"], **{k: _int(r[k]) for k in counts}} for r in rows]
    return out, problems


def load_audience(root: Path) -> tuple[dict[str, tuple[str, list[dict[str, Any]]]], list[Problem]]:
    """platform -> (day, rows) of its latest demographics snapshot; the problems of the rows
    skipped."""
    out: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    problems: list[Problem] = []
    base = root / ROOT
    if not base.is_dir():
        return out, problems
    for d in sorted(base.glob("*/audience")):
        files = sorted(d.glob("*.csv"))
        if files:
            rows, found = read_table(files[-1], root, AUDIENCE_COLUMNS, whole=("followers",), decimal=("share",))
            problems += found
            out[d.parent.name] = (files[-1].stem, [
                {"dimension": r["dimension"], "value": r["value"], "followers": _int(r["followers"]),
                 "share": float(r["share"]) if r["share"] else None} for r in rows])
    return out, problems


def load_campaigns(root: Path) -> tuple[list[dict[str, Any]], list[Problem]]:
    """GA4 rows: ``campaign``, ``date`` (or ""), ``first``/``last`` (the file's period),
    ``sessions``, ``conversions``, ``revenue``; the problems of the rows skipped."""
    out: list[dict[str, Any]] = []
    problems: list[Problem] = []
    folder = root / ROOT / "ga4"
    if not folder.is_dir():
        return out, problems
    for f in sorted(folder.glob("*.csv")):
        first, _sep, last = f.stem.partition("_")
        rows, found = read_table(f, root, CAMPAIGN_COLUMNS, whole=("sessions", "conversions"), decimal=("revenue",))
        problems += found
        for r in rows:
            out.append({"campaign": r["campaign"], "date": r["date"], "first": first, "last": last or first,
                        "sessions": int(r["sessions"] or 0), "conversions": int(r["conversions"] or 0),
                        "revenue": float(r["revenue"]) if r["revenue"] else None})
    return out, problems
