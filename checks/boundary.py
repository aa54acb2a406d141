"""The repository root as a trust boundary: no post is read from outside it through a symlink.

A pull request can add a symlink ``content/posts/x.md -> /home/runner/.ssh/id_rsa`` (or a
symlinked folder); CI would then read that file, quote it in findings and publish it on the
site. So a file is refused when its real path (all symlinks resolved) lies outside the real
repository root *and* a symlink led there. A file outside the root that the user named
directly, without a symlink on the way (``ekip check /tmp/draft.md``), is still read.

Cost: the folder of each file is resolved once per process (a few hundred folders for ten
thousand posts); the file itself is opened with ``O_NOFOLLOW``, so a symlink as the last
component fails to open (``ELOOP``) and only then is resolved.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from stat import S_ISLNK

from checks.i18n import N_, _
from checks.post import read_file

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
REFUSED = N_("a symbolic link that leads outside the repository root; the file was not read")


class Outside(OSError):
    """The file is reached through a symlink that leads out of the repository root (an
    OSError, so that ``read_post`` reports it as any file it cannot read: ``file.encoding``)."""

    def __init__(self, path: str) -> None:
        super().__init__(errno.EACCES, _(REFUSED), path)


class Boundary:
    def __init__(self, root: Path | str) -> None:
        self.root = os.path.realpath(root)
        self._prefix = self.root.rstrip(os.sep) + os.sep
        self._folders: dict[str, bool] = {}  # folder as given -> refused

    def inside(self, real: str) -> bool:
        return real == self.root or real.startswith(self._prefix)

    def _refused(self, path: str, real: str) -> bool:
        return not self.inside(real) and real != os.path.normpath(os.path.abspath(path))

    def _folder_refused(self, folder: str) -> bool:
        known = self._folders.get(folder)
        if known is None:
            known = self._folders[folder] = self._refused(folder, os.path.realpath(folder))
        return known

    def check(self, path: str) -> None:
        """Raise ``Outside`` when reading ``path`` would leave the root through a symlink
        (``read`` checks as it reads; this is for paths that are not read here)."""
        real = os.path.realpath(path)
        if self._refused(path, real):
            raise Outside(path)

    def _check_folder(self, path: str) -> None:
        head, sep, _tail = path.rpartition(os.sep)  # os.path.dirname costs more, per post
        folder = head or sep or "."
        refused = self._folders.get(folder)
        if refused is None:
            refused = self._folder_refused(folder)
        if refused:
            raise Outside(path)

    def stat(self, path: str) -> os.stat_result:
        """``os.stat`` of the file that ``read`` would read, without opening it; ``Outside``
        when a symlink leads out of the root; OSError as ``os.lstat`` raises it."""
        self._check_folder(path)
        info = os.lstat(path)
        if not S_ISLNK(info.st_mode):
            return info
        real = os.path.realpath(path)  # the last component is a symlink
        if self._refused(path, real):
            raise Outside(path)
        return os.stat(real)

    def read(self, path: str) -> bytes:
        """The file's bytes; ``Outside`` when a symlink leads out of the root; OSError as
        ``open`` raises it."""
        self._check_folder(path)
        try:
            return read_file(path, _NOFOLLOW)
        except OSError as exc:
            if exc.errno != errno.ELOOP:
                raise
        real = os.path.realpath(path)  # the last component is a symlink
        if self._refused(path, real):
            raise Outside(path)
        return read_file(real)


_KEPT: dict[str, Boundary] = {}


def boundary_for(root: Path | str) -> Boundary:
    """One ``Boundary`` per root and process (its folder cache serves every chunk of posts)."""
    key = str(root)
    found = _KEPT.get(key)
    if found is None:
        _KEPT.clear()
        found = _KEPT[key] = Boundary(root)
    return found
