"""Brand files validated once are not validated again until they change.

Validating the brand files with jsonschema costs more than checking one post (importing
jsonschema alone takes about 0.1 s), and the pre-commit hook runs on every commit. After a
brand loads without error, a marker named by a digest of every brand file, the built-in packs
and the code that defines what is valid is written to the user's cache directory
(``$EKIP_CACHE_DIR`` or ``platformdirs.user_cache_dir("ekip")``); when the marker exists the
schema validation is skipped. Everything else (regexes, duplicate ids, timezones) is still
checked on every load. Any change to a brand file changes the digest.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from checks import __version__

_active = False
_CODE = ("brand/schemas.py", "brand/platforms.py", "brand/loader.py", "rules/base.py")


def active() -> bool:
    """True while a brand known to be valid is being loaded."""
    return _active


def cache_dir() -> Path:
    env = os.environ.get("EKIP_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("ekip", appauthor=False))


def _glob(folder: Path, ext: str) -> list[Path]:
    try:
        return list(folder.glob(f"*.{ext}"))
    except OSError:
        return []


def digest(brand_dir: Path) -> str:
    from checks.boundary import Boundary
    from checks.post import read_file

    package = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(__version__.encode())
    # The files the loader reads: the brand folder's own and those in rules/ (never a walk of
    # the whole tree: ``--brand /`` would read the machine).
    files = sorted(p for folder in (brand_dir, brand_dir / "rules") for ext in ("yml", "yaml", "json")
                   for p in _glob(folder, ext))
    files += sorted((package / "packs").glob("*.yml")) + sorted((package / "rules").glob("*.py"))
    files += [package / rel for rel in _CODE]
    boundary = Boundary(brand_dir.parent)
    for f in files:
        h.update(str(f).encode() + b"\0")
        try:
            if f.parent in (brand_dir, brand_dir / "rules"):
                boundary.check(str(f))  # the loader refuses it, naming it; never read it here
            h.update(read_file(str(f), limit=8 << 20))  # never waits on a FIFO; large files are the loader's error
        except OSError:
            h.update(b"<unreadable>")
        h.update(b"\0")
    return h.hexdigest()


@contextmanager
def trusted(brand_dir: Path) -> Iterator[None]:
    """Skip schema validation inside when this brand validated before; remember it after a
    load without error."""
    global _active
    marker = cache_dir() / "brand" / digest(brand_dir)
    _active = marker.is_file()
    try:
        yield
    finally:
        was_active, _active = _active, False
    if not was_active:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass  # a read-only cache only costs time
