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
from functools import partial
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
    return Fronts(brand, paths, keys).result()


class Fronts:
    """``read_fronts`` in two steps, so that the reading can be shared with worker processes
    (``checks.forkshare``): the files are listed and looked up in the cache now, those to read
    come in ``tasks`` (a task's result is plain data), and ``result`` puts it all together."""

    def __init__(self, brand: Brand, paths: list[str] | None = None, keys: tuple[str, ...] | None = None,
                 chunks: int = 1) -> None:
        self.root, self.keys = brand.root, keys
        self.boundary = boundary_for(brand.root)
        self.header = (VERSION, os.getcwd(), keys)  # shown paths are relative to the working folder
        self.cached: dict[str, tuple[tuple[int, ...], dict[str, Any] | None]] = statcache.load(
            KIND, brand.root, self.header)
        self.files: list[tuple[str, tuple[int, ...] | None]] = []  # (shown, stamp; None: not to be kept)
        todo: list[int] = []
        for shown in post_paths(brand, paths):
            try:
                st = self.boundary.stat(shown)
            except OSError:  # Outside too: read as ever (and then, being unreadable, left out)
                todo.append(len(self.files))
                self.files.append((shown, None))
                continue
            stamp = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
            hit = self.cached.get(shown)
            if hit is None or tuple(hit[0]) != stamp:
                todo.append(len(self.files))
            self.files.append((shown, stamp))
        count = min(chunks, len(todo))
        self.tasks: list[Callable[[], Any]] = [partial(self._read, todo[i::count]) for i in range(count)]
        self.to_read = len(todo)

    def _read(self, files: list[int]) -> list[tuple[int, dict[str, Any] | None]]:
        out = []
        for i in files:
            found = read_front(self.files[i][0], self.boundary.read)
            out.append((i, None if found is None else _only(found.front, self.keys)))
        return out

    def result(self, done: list[Any] | None = None) -> list[Front]:
        """The fronts, from ``done`` (what ``tasks`` gave, in order) or by running the tasks here."""
        done = [task() for task in self.tasks] if done is None else done
        read_now: dict[int, dict[str, Any] | None] = {i: front for result in done for i, front in result}
        seen: dict[str, tuple[tuple[int, ...], dict[str, Any] | None]] = {}
        out: list[Front] = []
        for i, (shown, stamp) in enumerate(self.files):
            front = read_now[i] if i in read_now else self.cached[shown][1]
            if stamp is not None:
                seen[shown] = (stamp, front)
            if front is not None:
                out.append(Front(shown, front))
        if any(self.files[i][1] is not None for i in read_now) or len(seen) != len(self.cached):
            statcache.save(KIND, self.root, self.header, seen)
        return out


def _only(front: dict[str, Any], keys: tuple[str, ...] | None) -> dict[str, Any]:
    return front if keys is None else {k: front[k] for k in keys if k in front}
