"""``ekip metrics link``: which post an imported row belongs to.

For every stored post row (a platform's post) that no post claims through ``posted:``, the
candidates are the posts for that platform without a ``posted`` entry for it, with status
approved, scheduled, published or archived, dated within ``WINDOW_HOURS`` of the row's
publishing time (within a day either side when the export gives only the day). Each is
scored by the similarity of the row's text to the post's text (difflib's ratio on the
case-folded texts without links, over the length of the shorter: LinkedIn's export keeps only
the start of a post) less a small penalty for the time apart. The best candidate is proposed
when the similarity is at least ``MIN_SIMILARITY``, or when the row has no text and exactly
one candidate was dated within three hours. A post is proposed for at most one row per
platform (the best-scoring one).

An accepted proposal adds ``<platform>: "<permalink or post id>"`` under ``posted:`` in the
post's front matter (the block is created before the closing ``---`` when missing), the
file written atomically; nothing else in the file changes. A ``posted`` written in flow
style (``posted: {…}``) is left for the team to edit.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from checks.brand.model import Brand
from checks.fix import write_atomic
from checks.i18n import _, ngettext
from checks.metrics import dataset
from checks.metrics.dataset import PostStats
from checks.post import Post
from checks.timeutil import parse

WINDOW_HOURS = 36.0
MIN_SIMILARITY = 0.6
STATUSES = ("approved", "scheduled", "published", "archived")
_URL = re.compile(r"https?://\S+")


@dataclass
class Proposal:
    row: PostStats
    post: Post
    similarity: float
    hours: float
    value: str

    @property
    def score(self) -> float:
        return self.similarity - min(self.hours, WINDOW_HOURS) / WINDOW_HOURS * 0.2


def _norm(text: str) -> str:
    return " ".join(_URL.sub(" ", text).casefold().split())


def similarity(a: str, b: str) -> float:
    a, b = _norm(a), _norm(b)
    n = min(len(a), len(b))
    if n < 12:
        return 0.0
    return difflib.SequenceMatcher(None, a[:n], b[:n], autojunk=False).ratio()


def propose(data: dataset.Dataset, posts: Sequence[Post]) -> list[Proposal]:
    """Links for the rows of ``data`` that no post claims, among ``posts`` (those ``data`` was
    loaded with)."""
    tz = data.brand.timezone
    candidates: dict[str, list[tuple[datetime, Post]]] = {}
    for post in posts:
        if post.status not in STATUSES:
            continue
        raw = post.front.get("date")
        when = parse(raw, tz) if isinstance(raw, str) else None
        if when is None:
            continue
        posted = post.front.get("posted")
        for platform in post.platforms:
            if isinstance(posted, dict) and platform in posted:
                continue
            candidates.setdefault(platform, []).append((when, post))
    best: dict[tuple[str, str], Proposal] = {}
    for row in data.stats:
        if row.post is not None or row.published is None:
            continue
        day_only = row.published.astimezone(tz).strftime("%H:%M") == "00:00"
        found: list[Proposal] = []
        for when, post in candidates.get(row.platform, []):
            hours = abs((when - row.published).total_seconds()) / 3600
            if day_only:
                if abs((when.astimezone(tz).date() - row.published.astimezone(tz).date()).days) > 1:
                    continue
                hours = 0.0 if when.astimezone(tz).date() == row.published.astimezone(tz).date() else 24.0
            elif hours > WINDOW_HOURS:
                continue
            sim = similarity(row.text, post.text) if row.text else 0.0
            found.append(Proposal(row, post, sim, hours, row.permalink or row.post_id))
        if not found:
            continue
        top = max(found, key=lambda p: p.score)
        near = [p for p in found if p.hours <= 3]
        if top.similarity < MIN_SIMILARITY and not (not row.text and len(near) == 1 and (top := near[0])):
            continue
        key = (row.platform, top.post.path)
        if key not in best or top.score > best[key].score:
            best[key] = top
    return sorted(best.values(), key=lambda p: (p.post.path, p.row.platform))


def add_posted(source: str, platform: str, value: str) -> str | None:
    """``source`` with ``posted.<platform>`` added to its front matter; None when the front
    matter's ``posted`` is not a block mapping this can extend."""
    lines = source.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n") in ("---", "...")), None)
    if end is None:
        return None
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    entry = f"  {platform}: {json.dumps(value, ensure_ascii=False)}{newline}"
    start = next((i for i in range(1, end) if re.match(r"posted\s*:", lines[i])), None)
    if start is None:
        return "".join([*lines[:end], f"posted:{newline}", entry, *lines[end:]])
    if lines[start].split(":", 1)[1].split("#", 1)[0].strip():
        return None  # flow style or a scalar
    last = start
    for i in range(start + 1, end):
        if lines[i].startswith((" ", "\t")) or not lines[i].strip():
            if lines[i].strip():
                last = i
        else:
            break
    return "".join([*lines[:last + 1], entry, *lines[last + 1:]])


def run(brand: Brand, yes: bool, interactive: bool) -> int:
    posts = dataset.read_posts(brand)
    data = dataset.load(brand, posts)
    unclaimed = [s for s in data.stats if s.post is None]
    proposals = propose(data, posts)
    if not unclaimed:
        print(_("Every recorded post row is linked to a post; nothing to propose."))
        return 0
    print(ngettext("{n} row is not linked to a post; {proposals} proposals:",
                   "{n} rows are not linked to a post; {proposals} proposals:", len(unclaimed)).format(
        n=len(unclaimed), proposals=len(proposals)))
    written = 0
    for p in proposals:
        when = p.row.published.astimezone(brand.timezone).strftime("%Y-%m-%d %H:%M") if p.row.published else "?"
        print(f"  {p.post.path}: posted.{p.row.platform} = {p.value}")
        print("      " + _("({platform} {when}; text similarity {percent:.0f}%, {hours:.1f} hours apart)").format(
            platform=p.row.platform, when=when, percent=p.similarity * 100, hours=p.hours))
        accept = yes
        if not yes and interactive:
            try:
                accept = input("      " + _("Link it? [y/N] ")).strip().casefold() in ("e", "evet", "y", "yes")
            except EOFError:
                accept = False
        if not accept:
            continue
        path = Path(p.post.path)
        text = path.read_bytes().decode("utf-8")
        updated = add_posted(text, p.row.platform, p.value)
        if updated is None:
            print("      " + _("{path}: 'posted' is not in block style; add it by hand.").format(path=p.post.path),
                  file=sys.stderr)
            continue
        write_atomic(path, updated.encode("utf-8"))
        written += 1
    if proposals and not yes and not interactive:
        print(_("Nothing written: to confirm, `ekip metrics link --yes` (or one by one on a terminal)."))
    elif written:
        print(ngettext("Wrote the published link into {n} post.", "Wrote the published links into {n} posts.",
                       written).format(n=written))
    return 0
