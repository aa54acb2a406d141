"""``--fix``: apply certain fixes in place, losing nothing.

- **Only the fixed spans change**: front matter bytes, line endings and everything else stay as
  they were.
- **Compare and swap**: a file is written only if it still holds the bytes that were checked.
  Each fix carries a digest of the text it was computed on (``Fix.base``); before writing, the
  file is locked (``flock``, so two ``ekip --fix`` runs take turns), read again and compared
  with that digest; just before the rename its inode, size and modification time are compared
  once more with what was read. A file that changed since the check (another ``--fix`` run, an
  editor saving) is skipped and named in a notice; the next run checks it afresh. An editor
  takes no lock, so a save in the microseconds between that last comparison and the rename
  can still be replaced; that is as close as POSIX renames get to a compare-and-swap.
- **Atomic, with no temporary file left behind**: the new text is written to a temporary file
  in the same folder, synced, given the old file's mode and renamed over it. On Linux the
  temporary file is made with ``O_TMPFILE`` (it has no name, so a crash or ``kill -9`` while it
  is written leaves nothing) and gets a name (``linkat``) only for the rename that follows at
  once. Where ``O_TMPFILE`` is missing, it is a named file ``.<file>.<pid>.<random>.ekip-tmp``.
  Either way, a run that writes into a folder first removes the ``*.ekip-tmp`` files there
  whose process is gone (or, without a readable process id, that are older than a minute):
  whatever a killed run left is cleaned by the next one.
- **Symlinks**: a post that is a symbolic link is fixed at its target when the target is
  inside the repository (the link stays a link); a target outside it is skipped with a notice.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

from checks.finding import Finding, Fix
from checks.i18n import _

TEMP_SUFFIX = ".ekip-tmp"
STALE_SECONDS = 60.0  # a temporary file without a process id this old is left over


def digest(text: str) -> str:
    """The digest a fix's ``base`` holds: of the file's bytes (the text encoded as UTF-8)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def apply_text(text: str, fixes: list[Fix], body_start: int = 0) -> tuple[str, list[Fix]]:
    """Apply non-overlapping fixes (none before ``body_start``); return the text and those applied."""
    applied: list[Fix] = []
    last_start = len(text) + 1
    out = text
    for fix in sorted(set(fixes), key=lambda f: (f.start, f.end), reverse=True):
        if fix.start < body_start or fix.end > last_start or fix.start >= fix.end:
            continue
        out = out[:fix.start] + fix.replacement + out[fix.end:]
        applied.append(fix)
        last_start = fix.start
    return out, applied


# -- temporary files ---------------------------------------------------------------------------

def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it exists, as another user's process
        return True
    return True


def sweep(folder: Path) -> list[str]:
    """Remove the temporary files a killed run left in ``folder``; return their names."""
    removed: list[str] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)):
            continue
        parts = name[: -len(TEMP_SUFFIX)].rsplit(".", 2)
        pid = int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if pid == os.getpid():
            continue
        stale = (not _alive(pid)) if pid is not None else now - info.st_mtime > STALE_SECONDS
        if stale or now - info.st_mtime > 3600:  # a live process id this old is a reused one
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(name)
    return removed


def _temp_name(path: Path) -> Path:
    return path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"


def _open_unnamed(folder: Path) -> int | None:
    """A file without a name in ``folder`` (``O_TMPFILE``), or None where that is not supported."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.exists("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o600)
    except OSError:  # EOPNOTSUPP, EISDIR (old kernels), EINVAL: fall back to a named file
        return None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _write_temp(path: Path, data: bytes, mode: int | None) -> Path:
    """Write ``data`` to a new temporary file beside ``path`` and return its name; the file is
    synced and has ``mode``. Nothing is left behind if this fails."""
    fd = _open_unnamed(path.parent)
    tmp = _temp_name(path)
    if fd is not None:
        try:
            _write_all(fd, data)
            if mode is not None:
                os.fchmod(fd, mode)
            os.fsync(fd)
            os.link(f"/proc/self/fd/{fd}", tmp, follow_symlinks=True)
            return tmp
        except OSError:
            pass  # e.g. a /proc without fd links: write a named file instead
        finally:
            os.close(fd)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        _write_all(fd, data)
        if mode is not None:
            os.fchmod(fd, mode)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.close(fd)
    return tmp


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` through a temporary file and a rename (the file's mode
    kept); no temporary file is left behind, even by a killed run (see the module docstring)."""
    sweep(path.parent)
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except OSError:
        mode = None
    tmp = _write_temp(path, data, mode)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def replace_if_unchanged(path: Path, data: bytes, base: str) -> bool:
    """Write ``data`` over ``path`` only if the file's bytes still have the digest ``base``;
    return whether it was written. Holds an exclusive ``flock`` on the file meanwhile."""
    import fcntl

    sweep(path.parent)
    for _attempt in range(10):
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            held = os.fstat(fd)
            now = os.stat(path, follow_symlinks=False)
            if (now.st_dev, now.st_ino) != (held.st_dev, held.st_ino):
                continue  # replaced while we waited for the lock: lock the new file
            chunks = []
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
            current = b"".join(chunks)
            if hashlib.blake2b(current, digest_size=16).hexdigest() != base:
                return False
            tmp = _write_temp(path, data, held.st_mode & 0o7777)
            try:
                last = os.stat(path, follow_symlinks=False)
                if (last.st_ino, last.st_size, last.st_mtime_ns) != (held.st_ino, held.st_size, held.st_mtime_ns):
                    os.unlink(tmp)
                    return False
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
            return True
        finally:
            os.close(fd)  # closing releases the lock
    return False


# -- --fix -------------------------------------------------------------------------------------

@dataclass
class Outcome:
    """What ``apply`` did: the findings fixed, the files written and why others were not."""

    fixed: list[Finding] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # notices, one per file not written


def _target(shown: str, root: Path | None) -> tuple[Path | None, str | None]:
    """The file to write for the post at ``shown``: itself, or the target of a symlink inside
    ``root``; or None and the reason it is skipped."""
    file = Path(shown)
    if not file.is_symlink():
        return file, None
    real = Path(os.path.realpath(file))
    if root is not None:
        top = Path(os.path.realpath(root))
        if real != top and top not in real.parents:
            return None, _("{path}: a symbolic link to a file outside the repository; not fixed").format(path=shown)
    return real, None


def apply(findings: list[Finding], root: Path | None = None) -> Outcome:
    """Fix what can be fixed (each finding's ``path`` names its file, ``root`` is the repository
    that symlinks may point into). A file is written only if it still holds what was checked."""
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        if f.fix is not None:
            by_path.setdefault(f.path, []).append(f)
    out = Outcome()
    for shown, fs in by_path.items():
        fixes = [f.fix for f in fs if f.fix is not None]
        bases = {fix.base for fix in fixes}
        target, why = _target(shown, root)
        if target is None:
            out.skipped.append(why or shown)
            continue
        try:
            raw = target.read_bytes()
            text = raw.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            out.skipped.append(_("{path}: could not be read again; not fixed").format(path=shown))
            continue
        base = digest(text)
        if bases != {base}:  # fixes from another read of the file (or of none) would garble it
            out.skipped.append(_("{path}: changed since it was checked; not fixed (run again)").format(path=shown))
            continue
        new_text, applied = apply_text(text, fixes, _body_start(text))
        if not applied:
            continue
        try:
            written = replace_if_unchanged(target, new_text.encode("utf-8"), base)
        except OSError as exc:
            out.skipped.append(_("{path}: could not be written ({error}); not fixed").format(
                path=shown, error=exc.strerror or exc))
            continue
        if not written:
            out.skipped.append(_("{path}: changed since it was checked; not fixed (run again)").format(path=shown))
            continue
        out.written.append(shown)
        done = set(applied)
        out.fixed.extend(f for f in fs if f.fix in done)
    return out


def _body_start(text: str) -> int:
    from checks.post import Post, _split_front_matter

    post = Post(path="", _source=text)
    _split_front_matter(post)
    return post.body_start if post.readable else len(text)
