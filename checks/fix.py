"""``--fix``: apply certain fixes in place. Only the fixed spans change (front matter bytes,
line endings and everything else stay as they were), and each file is replaced atomically:
written to a temporary file beside it, then renamed over it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from checks.finding import Finding, Fix


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


def write_atomic(path: Path, data: bytes) -> None:
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".ekip-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def apply(findings: list[Finding]) -> list[Finding]:
    """Fix what can be fixed (each finding's ``path`` names its file); return the findings that
    were fixed."""
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        if f.fix is not None:
            by_path.setdefault(f.path, []).append(f)
    fixed: list[Finding] = []
    for shown, fs in by_path.items():
        file = Path(shown)
        raw = file.read_bytes()
        text = raw.decode("utf-8")
        body_start = _body_start(text)
        new_text, applied = apply_text(text, [f.fix for f in fs if f.fix], body_start)
        if not applied:
            continue
        write_atomic(file, new_text.encode("utf-8"))
        done = set(applied)
        fixed.extend(f for f in fs if f.fix in done)
    return fixed


def _body_start(text: str) -> int:
    from checks.post import Post, _split_front_matter

    post = Post(path="", _source=text)
    _split_front_matter(post)
    return post.body_start if post.readable else len(text)
