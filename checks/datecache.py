"""The day each post of a repository is dated, remembered between runs.

``ekip check FILE`` (the pre-commit case) lets the calendar count the repository's other posts,
but parses only those dated near the given ones (``engine.read_context``). Finding their dates
means reading every post; this cache keeps, per post, the day its ``date:`` line shows
(``YYYY-MM-DD`` as written) with the file's inode, size and modification time (ns), so that a
later run reads only the files that changed (one ``stat`` per post instead of an open and a
read). A file whose inode, size and modification time are all unchanged is taken as unchanged.

Location: ``$EKIP_CACHE_DIR/dates/<hash of the repository path>.marshal`` (or the user cache
folder, as for the grammar cache); ``--no-cache`` neither reads nor writes it. A cache file
that cannot be read is ignored, one that cannot be written is not written.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from pathlib import Path

# path -> (inode, size, mtime_ns, token); token: the day (b"YYYY-MM-DD"), b"" when the quick
# look finds no date (the post is read whole), b"-" when the file is no post the calendar counts
Entry = tuple[int, int, int, bytes]
VERSION = 1


def _file(root: Path) -> Path:
    from checks.brand.trust import cache_dir

    key = hashlib.sha256(os.fsencode(os.path.realpath(root))).hexdigest()[:32]
    return cache_dir() / "dates" / f"{key}.marshal"


def load(root: Path) -> dict[str, Entry]:
    try:
        with open(_file(root), "rb") as fh:
            version, entries = marshal.loads(fh.read())  # load(fh) reads object by object: 50x slower
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if version == VERSION and isinstance(entries, dict) else {}


def save(root: Path, entries: dict[str, Entry]) -> None:
    path = _file(root)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as fh:
                fh.write(marshal.dumps((VERSION, entries)))
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
