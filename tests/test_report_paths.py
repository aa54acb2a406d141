"""``ekip report``'s fast paths (the front-matter-only reader and its cache, the snapshot cache
with each post's lifetime worked out once) give the numbers a direct reading of the files
gives: every post through the full post reader, every snapshot row through the csv module, each
lifetime from the post's whole curve. On the sample brand's data (scripts/sample_metrics.py),
in every format, from the files and then from the caches."""

from __future__ import annotations

import csv
import io
import json
import shutil
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import pytest

from checks.brand.loader import load_brand
from checks.metrics import kpi
from checks.metrics.dataset import link_keys
from checks.post import read_post
from checks.timeutil import parse
from tests.conftest import Repo

ROOT = Path(__file__).resolve().parent.parent
ENGAGEMENT = ("likes", "comments", "shares", "saves", "clicks")
CURVES: dict[tuple[str, str], list[tuple[float, int]]] = {}  # the reference's, by post


@pytest.fixture
def sample(tmp_path: Path) -> Repo:
    for part in ("brand", "content", "metrics"):
        shutil.copytree(ROOT / part, tmp_path / part)
    return Repo(tmp_path)


def reference(root: Path) -> dict[tuple[str, str], dict]:
    """(platform, post id) -> what the report should say of that post."""
    brand = load_brand(root / "brand")
    tz = brand.timezone
    claimed: dict[tuple[str, str], object] = {}
    for path in sorted((root / "content").rglob("*.md")):
        post = read_post(str(path.relative_to(root)))
        posted = post.front.get("posted") if post.readable else None
        for platform, value in (posted or {}).items():
            for key in link_keys(value):
                claimed[(platform, key)] = post
    rows: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for f in sorted((root / "metrics").glob("*/posts/*.csv")):
        with f.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                rows[(f.parent.parent.name, r["post_id"])].append(r)
    out = {}
    for (platform, post_id), these in rows.items():
        these.sort(key=lambda r: r["at"])
        last = these[-1]
        post = claimed.get((platform, post_id)) or next(
            (claimed[(platform, k)] for k in link_keys(last["permalink"]) if (platform, k) in claimed), None)
        published = datetime.fromisoformat(last["published"]) if last["published"] else None
        curve = [((datetime.fromisoformat(r["at"]) - published).total_seconds() / 3600,
                  sum(int(r[k] or 0) for k in ENGAGEMENT)) for r in these] if published else []
        if post is not None and published is not None and last["published"][10:16] == "T00:00":
            when = parse(post.front["date"], tz)  # a day-only export: the post file gives the time
            if when is not None and when.date() == published.date():
                curve = [((datetime.fromisoformat(r["at"]) - when).total_seconds() / 3600, e)
                         for r, (_, e) in zip(these, curve, strict=True)]
                published = when
        shown = last["impressions"] or last["views"]  # Meta's views stand in for impressions
        impressions = int(shown) if shown else None
        engagement = sum(int(last[k] or 0) for k in ENGAGEMENT)
        CURVES[(platform, post_id)] = curve
        lifetime = kpi.lifetime_hours(curve)
        out[(platform, post_id)] = {
            "published": published.astimezone(tz).isoformat(timespec="minutes") if published else None,
            "path": post.path if post else None, "title": post.front.get("title") if post else None,
            "engagement": engagement, "impressions": impressions, "snapshots": len(these),
            "engagement_rate_impressions": round(engagement / impressions * 100, 2) if impressions else None,
            "lifetime_hours": None if lifetime is None else round(lifetime, 1),
        }
    return out


def test_the_report_gives_the_numbers_of_a_direct_reading(sample: Repo) -> None:
    expected = reference(sample.root)
    assert any(p["path"] for p in expected.values()) and any(p["lifetime_hours"] for p in expected.values())
    outputs = []
    for _ in range(2):  # from the files, then from the caches
        code, out, err = sample.run("report", "--format", "json")
        assert code == 0, err
        doc = json.loads(out)
        got = {(p["platform"], p["post_id"]): {k: p[k] for k in next(iter(expected.values()))}
               for p in doc["posts"]}
        assert got == expected
        outputs.append([out] + [sample.run("report", "--format", f)[1] for f in ("text", "csv", "md")])
    assert outputs[0] == outputs[1]
    lifetimes = [kpi.lifetime_hours(curve) for curve in CURVES.values()]
    assert doc["summary"]["lifetime_hours"] == round(kpi.middle(lifetimes) or 0, 1)


def _rows_by_post(root: Path) -> dict[tuple[str, str], list[list[str]]]:
    """Every stored post row (cells in ``POST_COLUMNS`` order), grouped by (platform, post id),
    a post's rows in a stable sort by ``at``."""
    from checks.metrics import store

    groups: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for platform, path in store.post_files(root):
        for r in store.read_post_file(path)[0]:
            groups[(platform, r[1])].append(r)
    for group in groups.values():
        group.sort(key=lambda r: r[0])
    return groups


def _straight_curves(root: Path) -> dict:
    """The curves as sorting every row of a post gives them (the computation before the
    per-file cache)."""
    from checks.metrics.curves import _COUNTS, _TEXT, day_only

    out = {}
    for key, rows in _rows_by_post(root).items():
        last = rows[-1]
        series = []
        if last[3]:
            published = datetime.fromisoformat(last[3])
            series = [((datetime.fromisoformat(r[0]) - published).total_seconds() / 3600,
                       sum(int(r[k] or 0) for k in range(8, 13))) for r in rows]
        out[key] = (last[2], last[3], last[4], tuple(int(v) if v else None for v in last[_COUNTS]),
                    next((r[_TEXT] for r in rows if r[_TEXT]), ""), len(rows), kpi.lifetime_hours(series),
                    series if day_only(last[3]) else None)
    return out


def test_the_per_file_snapshot_cache_gives_what_reading_every_row_gives(sample: Repo) -> None:
    from checks.metrics import curves

    root = sample.root
    assert {k: tuple(v) for k, v in curves.curves(root)[0].items()} == _straight_curves(root)  # from the files
    assert {k: tuple(v) for k, v in curves.curves(root)[0].items()} == _straight_curves(root)  # from the cache
    # an import writes a file: one of a post's later snapshots, whose `at` sorts before the
    # rows of an earlier day's file (another offset), with a unit separator in its text
    files = sorted((root / "metrics" / "x" / "posts").glob("*.csv"))
    first, later = files[0], files[1]
    lines = first.read_text(encoding="utf-8").splitlines(keepends=True)
    header, row = lines[0], next(line for line in lines[1:] if line.split(",")[3])
    cells = next(csv.reader([row]))
    cells[0] = cells[0][:11] + "00:01+14:00"  # the same day as the first file, far east
    cells[-1] = "metin\x1fayraçlı"
    with later.open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(cells)
    time.sleep(0.05)
    files[-1].unlink()  # and a file gone
    assert header.startswith("at,")
    assert {k: tuple(v) for k, v in curves.curves(root)[0].items()} == _straight_curves(root)


def test_the_cache_follows_any_sequence_of_changes(sample: Repo) -> None:
    """Twenty steps of what imports, edits and checkouts do to the snapshot files (a new file
    with later rows of known posts, rows appended to a file, a file removed, a file written
    again as it was, a broken row), each followed by a run: the curves are always those of a
    reading of every row, and what cannot be read is said."""
    import random

    from checks.metrics import curves, store

    root = sample.root
    rng = random.Random(14)
    folder = root / "metrics" / "instagram" / "posts"
    curves.curves(root)
    for step in range(20):
        files = sorted(folder.glob("*.csv"))
        rows = [r for f in files for r in csv.reader(io.StringIO(f.read_text(encoding="utf-8")))
                if r and r[0] != "at" and r[0][:1].isdigit()]
        action = rng.choice(["new", "append", "remove", "touch", "broken"])
        if action == "new" or len(files) < 2:  # a later snapshot of some posts, in a day file of its own
            day = f"2027-02-{step + 1:02d}"
            chosen = rng.sample(rows, min(3, len(rows)))
            later = [[f"{day}T10:00+03:00", *r[1:8], *(str(int(c or 0) + 5) for c in r[8:13]), *r[13:]]
                     for r in chosen]
            text = ",".join(store.POST_COLUMNS) + "\n" + "".join(",".join(r) + "\n" for r in later)
            (folder / f"{day}.csv").write_text(text, encoding="utf-8")
        elif action == "append":  # rows of another post added to an existing file (through csv: texts quoted)
            target, r = rng.choice(files), list(rng.choice(rows))
            r[0] = target.stem + "T23:00+03:00"
            with target.open("a", encoding="utf-8", newline="") as fh:
                csv.writer(fh, lineterminator="\n").writerow(r)
        elif action == "remove":
            rng.choice(files).unlink()
        elif action == "touch":
            f = rng.choice(files)
            f.write_bytes(f.read_bytes())
        else:
            with rng.choice(files).open("a", encoding="utf-8") as fh:
                fh.write("<<<<<<< HEAD\n")
        found, problems = curves.curves(root)
        assert {k: tuple(v) for k, v in found.items()} == _straight_curves(root), (step, action)
        expected = [p for f in sorted((root / "metrics").glob("*/posts/*.csv"))
                    for p in store.read_post_file(f, f.relative_to(root).as_posix())[1]]
        assert problems == expected, (step, action)
