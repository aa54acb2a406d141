"""What changed in the repository since a git revision (``ekip check --base REV``).

Real ``git`` through subprocess, a fixed number of calls per run whatever the number of
posts: ``rev-parse`` (is it a repository, is REV a commit, where is the root inside it), one
``diff --name-status`` (tracked changes, the working tree against REV, renames detected),
one ``ls-files --others`` (new files not yet added count as added), and one
``cat-file --batch -z`` for the old versions of the changed posts that a check asks about.

Every path crosses between git and Ekip NUL-separated (``-z``; git 2.38 or later for
``cat-file``): a file name may hold a newline, and a newline-separated request would then ask
for two objects that do not exist and shift every answer after it onto the wrong post. An
answer that does not parse as the one asked for stops the run (exit 2) rather than leaving a
post unchecked: a stale-approval check that silently skips posts would pass (fail open).

Paths are relative to the repository root as Ekip sees it (``brand.root``, the folder that
holds ``brand/``), POSIX style, even when that folder is a subfolder of the git checkout.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from checks.errors import EkipError

if TYPE_CHECKING:
    import subprocess

_ENV = {"GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}


def _git(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    import subprocess  # only runs with --base: keep it off the pre-commit start-up path

    try:
        return subprocess.run(
            ["git", "-C", str(root), "-c", "core.quotepath=off", *args],
            input=stdin, capture_output=True, check=False, env={**os.environ, **_ENV},
        )
    except FileNotFoundError:
        raise EkipError("--base needs git, and git was not found on PATH") from None


def _message(proc: subprocess.CompletedProcess[bytes]) -> str:
    text = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return text[-1] if text else f"git exited with {proc.returncode}"


@dataclass
class Changes:
    """Files changed since ``rev`` (working tree against that commit)."""

    root: Path
    rev: str  # as given
    commit: str  # the commit it names
    prefix: str  # the root's folder inside the checkout ("" or "sub/dir/")
    changed: dict[str, str | None] = field(default_factory=dict)  # path now -> path at REV (None: added)

    def relative(self, file: Path) -> str | None:
        """``file`` relative to the root (POSIX), or None when it lies outside."""
        try:
            return file.resolve().relative_to(self.root).as_posix()
        except (ValueError, OSError):
            return None

    def is_changed(self, file: Path) -> bool:
        rel = self.relative(file)
        return rel is not None and rel in self.changed

    def old_sources(self, rels: list[str]) -> dict[str, bytes | None]:
        """The content at REV of each changed path (by its path now); None when it was added."""
        wanted = [(rel, self.changed.get(rel)) for rel in rels if rel in self.changed]
        out: dict[str, bytes | None] = {rel: None for rel, _ in wanted}
        asks = [(rel, old) for rel, old in wanted if old is not None]
        if not asks:
            return out
        names = [f"{self.commit}:{self.prefix}{old}".encode("utf-8", "surrogateescape") for _, old in asks]
        proc = _git(self.root, "cat-file", "--batch", "-z", stdin=b"".join(n + b"\0" for n in names))
        if proc.returncode != 0:
            raise EkipError(f"--base {self.rev}: git cat-file failed: {_message(proc)}")
        data = proc.stdout
        pos = 0
        for (rel, _), name in zip(asks, names, strict=True):
            # "<name> missing\n" echoes the name (which may hold a newline); anything else is
            # "<object id> <type> <size>\n" and the content.
            if data.startswith(name + b" missing\n", pos) or data.startswith(name + b" ambiguous\n", pos):
                pos += len(name) + data[pos + len(name):].index(b"\n") + 1
                continue
            nl = data.find(b"\n", pos)
            header = data[pos:nl].split() if nl >= 0 else []
            if len(header) != 3 or not header[2].isdigit():
                raise EkipError(f"--base {self.rev}: git cat-file gave an answer Ekip cannot read for {rel!r}")
            size = int(header[2])
            pos = nl + 1
            if header[1] == b"blob":
                out[rel] = data[pos:pos + size]
            pos += size + 1
        return out


def changes_since(root: Path, rev: str) -> Changes:
    """Ask git what changed under ``root`` since ``rev``. EkipError when ``root`` is not in a
    git repository or ``rev`` is not a commit."""
    root = root.resolve()
    if rev.startswith("-"):
        raise EkipError(f"--base {rev!r}: not a git revision")
    proc = _git(root, "rev-parse", "--show-prefix")
    if proc.returncode != 0:
        raise EkipError(f"--base needs a git repository, and {root} is not in one ({_message(proc)})")
    prefix = proc.stdout.decode("utf-8", "surrogateescape").removesuffix("\n")
    proc = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    if proc.returncode != 0 or not proc.stdout.strip():
        raise EkipError(f"--base {rev}: unknown revision (not a commit in {root})")
    commit = proc.stdout.decode("ascii", "replace").strip()
    proc = _git(root, "diff", "--name-status", "-z", "-M", "--relative", "--no-ext-diff", commit, "--")
    if proc.returncode != 0:
        raise EkipError(f"--base {rev}: git diff failed: {_message(proc)}")
    changes = Changes(root=root, rev=rev, commit=commit, prefix=prefix)
    parts = proc.stdout.decode("utf-8", "surrogateescape").split("\0")
    i = 0
    while i < len(parts) and parts[i]:
        status = parts[i][:1]
        if status in ("R", "C") and i + 2 < len(parts):
            old, new = parts[i + 1], parts[i + 2]
            changes.changed[new] = old if status == "R" else None
            i += 3
            continue
        if i + 1 >= len(parts):
            break
        path = parts[i + 1]
        if status in ("M", "T"):
            changes.changed[path] = path
        elif status == "A":
            changes.changed[path] = None
        i += 2  # D (deleted), U (unmerged) and others: nothing to report on
    proc = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    if proc.returncode == 0:
        for path in proc.stdout.decode("utf-8", "surrogateescape").split("\0"):
            if path:
                changes.changed.setdefault(path, None)
    return changes
