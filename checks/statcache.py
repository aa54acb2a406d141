"""Per-file results remembered between runs, one cache file per kind and repository.

Each entry is keyed by a file's path and holds the file's identity as ``os.stat`` gives it (which
fields, the user says: ``checks.datecache`` keeps inode, size and modification time) beside
what was found in it; a later run takes the result of a file whose identity is unchanged
instead of reading it again. The values are what ``marshal`` writes (strings, numbers, None,
tuples, lists, dicts): loading ten thousand entries takes milliseconds.

Location: ``$EKIP_CACHE_DIR/<kind>/<hash of the repository path>.marshal`` (or the user cache
folder). A cache file that cannot be read, or was written by another version or under another
header, is ignored; one that cannot be written is not written (a temporary file and a rename,
so that a reader never sees half of one).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from pathlib import Path
from typing import Any


def _file(kind: str, root: Path) -> Path:
    from checks.brand.trust import cache_dir

    key = hashlib.sha256(os.fsencode(os.path.realpath(root))).hexdigest()[:32]
    return cache_dir() / kind / f"{key}.marshal"


def load(kind: str, root: Path, header: Any) -> dict[Any, Any]:
    """The entries saved under ``header`` (a version, and whatever else the entries depend on);
    empty when there are none or they were saved under another header."""
    try:
        with open(_file(kind, root), "rb") as fh:
            saved, entries = marshal.loads(fh.read())  # load(fh) reads object by object: 50x slower
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if saved == header and isinstance(entries, dict) else {}


def save(kind: str, root: Path, header: Any, entries: dict[Any, Any]) -> None:
    path = _file(kind, root)
    with contextlib.suppress(OSError, ValueError):  # ValueError: a value marshal cannot write
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as fh:
                fh.write(marshal.dumps((header, entries)))
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
