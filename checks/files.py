"""Finding post files: a folder walk without recursion, the default folders (``content/`` and
``playbooks/``) and the Markdown files under what is given (``collect``). No file is read here
except the first bytes of a handbook page, to tell a post template from a page."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path


def starts_with_front_matter(path: str | Path) -> bool:
    """Whether the regular file at ``path`` starts with ``---`` (a FIFO is never waited for)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        return stat.S_ISREG(os.fstat(fd).st_mode) and os.read(fd, 7).removeprefix(b"\xef\xbb\xbf").startswith(b"---")
    except OSError:
        return False
    finally:
        os.close(fd)


def walk(top: str) -> Iterator[tuple[str, list[str], list[str]]]:
    """``os.walk(top)`` without recursion (Python 3.11's recurses once per level: a tree a
    thousand folders deep raised RecursionError), hidden folders left out, each folder's
    subfolders visited in sorted order; folders that cannot be listed are skipped."""
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        dirs: list[str] = []
        files: list[str] = []
        into: set[str] = set()
        for entry in entries:
            try:
                is_dir = entry.is_dir()
                if is_dir and not entry.is_symlink():  # as os.walk: links to folders are not followed
                    into.add(entry.name)
            except OSError:
                continue
            (dirs if is_dir else files).append(entry.name)
        dirs = sorted(d for d in dirs if not d.startswith("."))
        yield folder, dirs, files
        prefix = folder if folder.endswith(os.sep) else folder + os.sep
        stack.extend(prefix + d for d in reversed(dirs) if d in into)


def collect(paths: Iterable[str], root: Path) -> list[str]:
    """Markdown files to check, as paths relative to where the given ones are (a file named on
    the command line stays as given). Folders are walked in sorted order. In a folder walk under
    ``playbooks/`` only post templates (files that start with front matter) are taken: the
    handbook's pages are not posts. A file named explicitly is always checked; a file reached
    twice (``content content/posts``) is checked once."""
    out: list[str] = []
    seen: set[str] = set()
    playbooks = os.path.join(os.path.abspath(root), "playbooks") + os.sep
    for given in paths:
        if os.path.isdir(given):
            found: list[tuple[str, str]] = []  # (shown, absolute key)
            for folder, _dirs, files in walk(given):
                absolute = os.path.normpath(os.path.abspath(folder)) + os.sep
                in_playbooks = absolute.startswith(playbooks)
                prefix = folder if folder.endswith(os.sep) else folder + os.sep
                found.extend(
                    (prefix + f, absolute + f) for f in files
                    if f.endswith(".md") and (not in_playbooks or starts_with_front_matter(prefix + f))
                )
            found.sort()
        else:
            found = [(given, os.path.normpath(os.path.abspath(given)))]
        for shown, key in found:
            if key not in seen:
                seen.add(key)
                out.append(shown)
    return out


def default_paths(root: Path) -> list[str]:
    """``content/`` and the post templates (Markdown with front matter) under ``playbooks/``."""
    paths: list[str] = []
    here = Path.cwd()

    def shown(p: Path) -> str:
        try:
            return str(p.relative_to(here))
        except ValueError:
            return str(p)

    if (root / "content").is_dir():
        paths.append(shown(root / "content"))
    if (root / "playbooks").is_dir():
        paths.append(shown(root / "playbooks"))
    return paths
