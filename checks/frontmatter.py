"""Posts' front matter without the rest: what ``ekip report`` needs to tie a platform's numbers
to a post file (``posted:``, ``date``, ``title``, ``campaign``, ``author``).

A post is read under the same trust rules as ``checks.post.read_post``, through the same code:
``checks.boundary`` (no symlink out of the repository root), ``read_source`` (regular files only,
the size limit, UTF-8 file names and contents, no NUL byte), ``front_matter_span`` and
``parse_front`` (the YAML limits of ``checks.yamlfile``: depth, aliases, huge integers, refused
tags). What it leaves out is what a post's checks need and a report does not: the ``Post``
object, positions and findings. A post that ``read_post`` would not call readable is left out
here too (the report never counted those), so the whole file is still read and decoded: a
body that is not UTF-8 makes the post unreadable.

``read_fronts`` remembers, per post file, the front matter it found (only the ``keys`` asked
for) with the file's device, inode, size, modification and change times (``checks.statcache``,
kind ``fronts``): a later run takes a file whose five are unchanged from there, without opening
it, so that a report over ten thousand posts reads only those that changed since. The change
time (ctime) is set by the system on every write or rename and cannot be set back by a
program, as a modification time can. Each file's place is still checked on every run
(``Boundary.stat``): a post that is now reached through a symlink out of the repository root is
left out whatever the cache says. A file whose stat fails is read as ever (and then, being
unreadable, left out).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checks import statcache
from checks.boundary import boundary_for
from checks.errors import EkipError
from checks.files import collect, default_paths
from checks.finding import Finding
from checks.i18n import _
from checks.post import front_matter_span, parse_front, read_source
from checks.yamlfile import YamlError

if TYPE_CHECKING:
    from collections.abc import Callable

    from checks.brand.model import Brand


KIND = "fronts"
VERSION = 1


@dataclass(frozen=True, slots=True)
class Front:
    """A post file's path (as shown) and front matter (treat it as read-only)."""

    path: str
    front: dict[str, Any]


def read_front(path: str, reader: Callable[[str], bytes] | None = None) -> Front | None:
    """The front matter of the post at ``path`` (read through ``reader`` when given, such as
    ``checks.boundary.Boundary.read``); None when ``read_post`` would find the post unreadable."""
    source = read_source(path, None, reader)
    if isinstance(source, Finding):
        return None
    opening, closing = front_matter_span(source)
    if opening is None or closing is None:
        return None
    try:
        data, _errors = parse_front(source[opening.end():closing.start()])
    except YamlError:
        return None
    return Front(path, data) if isinstance(data, dict) else None


def post_paths(brand: Brand, paths: list[str] | None = None) -> list[str]:
    """The post files of the PATHs given, or of ``content/`` (post templates under
    ``playbooks/`` are no posts of the calendar or the report). EkipError for a PATH that does
    not exist."""
    if not paths:
        content = (brand.root / "content").resolve()
        paths = [p for p in default_paths(brand.root) if Path(p).resolve().is_relative_to(content)]
    for p in paths:
        if not Path(p).exists():
            raise EkipError(_("{path}: no such file or folder").format(path=p))
    return collect(paths, brand.root)


def read_fronts(brand: Brand, paths: list[str] | None = None, keys: tuple[str, ...] | None = None) -> list[Front]:
    """The front matter of every readable post of ``post_paths``; with ``keys``, only those
    keys of it (and only those are remembered between runs)."""
    boundary = boundary_for(brand.root)
    header = (VERSION, os.getcwd(), keys)  # shown paths are relative to the working folder
    cached: dict[str, tuple[tuple[int, ...], dict[str, Any] | None]] = statcache.load(KIND, brand.root, header)
    seen: dict[str, tuple[tuple[int, ...], dict[str, Any] | None]] = {}
    changed = False
    out: list[Front] = []
    for shown in post_paths(brand, paths):
        try:
            st = boundary.stat(shown)
        except OSError:  # Outside too
            found = read_front(shown, boundary.read)
            if found is not None:  # the reader has the last word
                out.append(Front(shown, _only(found.front, keys)))
            continue
        stamp = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        hit = cached.get(shown)
        if hit is not None and hit[0] == stamp:
            front = hit[1]
        else:
            found = read_front(shown, boundary.read)
            front = None if found is None else _only(found.front, keys)
            changed = True
        seen[shown] = (stamp, front)
        if front is not None:
            out.append(Front(shown, front))
    if changed or len(seen) != len(cached):
        statcache.save(KIND, brand.root, header, seen)
    return out


def _only(front: dict[str, Any], keys: tuple[str, ...] | None) -> dict[str, Any]:
    return front if keys is None else {k: front[k] for k in keys if k in front}
