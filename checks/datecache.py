"""The day each post of a repository is dated, remembered between runs.

``ekip check FILE`` (the pre-commit case) lets the calendar count the repository's other posts,
but parses only those dated near the given ones (``engine.read_context``). Finding their dates
means reading every post; this cache keeps, per post, the day its ``date:`` line shows
(``YYYY-MM-DD`` as written) with the file's inode, size and modification time (ns), so that a
later run reads only the files that changed (one ``stat`` per post instead of an open and a
read). A file whose inode, size and modification time are all unchanged is taken as unchanged
(the file is kept by ``checks.statcache``).

Location: ``$EKIP_CACHE_DIR/dates/<hash of the repository path>.marshal`` (or the user cache
folder, as for the grammar cache); ``--no-cache`` neither reads nor writes it. A cache file
that cannot be read is ignored, one that cannot be written is not written.
"""

from __future__ import annotations

from pathlib import Path

from checks import statcache

# path -> (inode, size, mtime_ns, token); token: the day (b"YYYY-MM-DD"), b"" when the quick
# look finds no date (the post is read whole), b"-" when the file is no post the calendar counts
Entry = tuple[int, int, int, bytes]
VERSION = 1


def load(root: Path) -> dict[str, Entry]:
    return statcache.load("dates", root, VERSION)


def save(root: Path, entries: dict[str, Entry]) -> None:
    statcache.save("dates", root, VERSION, entries)
