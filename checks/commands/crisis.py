"""``ekip crisis start|end|status``: turn crisis mode on and off in brand/crisis.yml, and
show which posts it holds back.

- ``start --severity N --reason "…" [--now T]``: ``active: true``, ``since`` = now (or
  ``--now``), ``severity`` (1 to 4, as in playbooks/kriz/seviyeler.md), ``reason``. When
  crisis mode is already on, this is an error (exit 2): starting again would move
  ``since``. ``start --update`` changes the severity and/or the reason of the running
  crisis and keeps ``since``.
- ``end``: ``active: false`` and ``since``, ``severity``, ``reason`` back to null (the file
  is as before the crisis; git history is the record). When crisis mode is off, nothing
  changes and the exit code is 0.
- ``status``: the state, and the posts crisis mode holds back (date, platforms, title, path).

Only the values that change are rewritten (``checks.crisisfile``): comments, key order, a BOM,
CRLF line ends, ``---``/``...`` markers and everything else stay as they were, aligned
end-of-line comments stay aligned, and ``start`` then ``end`` gives the file back byte for
byte. ``start`` and ``end`` hold a lock on the brand folder while they read, check and write
the file, so two at once take turns and the second ``start`` is refused. The file is replaced
atomically (``checks.fix.write_atomic``). A missing crisis.yml is created; an invalid one stops
the run (exit 2) when the brand is loaded.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from checks import crisisfile
from checks.brand.model import Brand
from checks.builtin.crisis import held_posts, is_active, since_of
from checks.commands.calendar import load_posts, post_time
from checks.commands.common import brand_from_args, now_from_args
from checks.errors import EkipError
from checks.fix import write_atomic
from checks.i18n import _, ngettext

KEYS = ("active", "since", "severity", "reason")
SEVERITIES = (1, 2, 3, 4)
NEW_FILE = """\
# Crisis mode. Change it with `ekip crisis start` / `ekip crisis end`; see `ekip crisis status`.
# While `active` is true, every approved or scheduled post dated after `since` is held
# (crisis.paused) unless it has `crisis: true` in its front matter.

active: false
since: null
severity: null
reason: null
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("crisis", help=_("start or end crisis mode, or show its state"),
                       description=_("Crisis mode: edits brand/crisis.yml and lists the posts it holds back."))
    p.add_argument("action", choices=("start", "end", "status"))
    p.add_argument("--brand", metavar="DIR", help=_("brand folder (default: the nearest brand/ here or above)"))
    p.add_argument("--severity", type=_severity, metavar="N", help=_("severity 1 (mildest) to 4 (gravest) (start)"))
    p.add_argument("--reason", metavar="TEXT", help=_("one line: what happened (start)"))
    p.add_argument("--update", action="store_true", help=_("change severity/reason of the running crisis (start)"))
    p.add_argument("--now", metavar="ISO-8601", help=_("the time taken as now (start: since)"))
    p.set_defaults(run=run)


def _severity(value: str) -> int:
    """The handbook's levels (playbooks/kriz/seviyeler.md): 1 is the mildest, 4 the gravest."""
    try:
        level = int(value)
    except ValueError:
        level = 0
    if not SEVERITIES[0] <= level <= SEVERITIES[-1]:
        raise argparse.ArgumentTypeError(_("{value!r} is not a severity from {low} to {high}").format(
            value=value, low=SEVERITIES[0], high=SEVERITIES[-1]))
    return level


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the brand folder (``flock`` on the folder itself, so no lock file
    appears in the repository) while crisis.yml is read, checked and written: two ``ekip crisis
    start`` at once take turns, and the second sees the first one's crisis."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise EkipError(_("cannot read: {reason}").format(reason=exc.strerror), str(path)) from None


def edit_crisis_file(path: Path, values: dict[str, Any], raw: bytes | None = None, starting: bool = False) -> None:
    """Set ``values`` in crisis.yml, changing nothing else (``checks.crisisfile``); a missing
    file is created. ``raw``: the file's bytes, when already read under the lock."""
    if raw is None:
        raw = _read(path)
    exists = raw is not None
    new = crisisfile.edit(raw if raw is not None else NEW_FILE.encode("utf-8"), values, str(path), starting)
    if exists:
        if new != raw:
            write_atomic(path, new)
    else:
        path.write_bytes(new)


def _crisis_path(brand: Brand) -> Path:
    if brand.dir is None:
        raise EkipError(_("no brand/ folder here or above: crisis mode lives in brand/crisis.yml"))
    return brand.dir / "crisis.yml"


def _iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")


def start(brand: Brand, args: argparse.Namespace) -> int:
    path = _crisis_path(brand)
    with _locked(path.parent):
        raw = _read(path)
        # The state as the file holds it now, under the lock (not as the brand was loaded).
        crisis = crisisfile.current(raw, str(path)) if raw is not None else {}
        return _start(brand, args, path, raw, crisis)


def _start(brand: Brand, args: argparse.Namespace, path: Path, raw: bytes | None, crisis: dict[str, Any]) -> int:
    reason = args.reason.strip() if isinstance(args.reason, str) else ""
    if args.update:
        if not is_active(crisis):
            raise EkipError(_("crisis mode is not on: run `ekip crisis start --severity N --reason \"...\"`"))
        if args.severity is None and not reason:
            raise EkipError(_("--update needs --severity and/or --reason"))
        values: dict[str, Any] = {}
        if args.severity is not None:
            values["severity"] = args.severity
        if reason:
            values["reason"] = reason
        edit_crisis_file(path, values, raw)
        print(_("Crisis mode updated ({path}).").format(path=path))
        return 0
    if is_active(crisis):
        since = crisis.get("since")
        raise EkipError(_("crisis mode is already on (since {since}); use `ekip crisis start --update` to change "
                          "severity or reason, or `ekip crisis end` first").format(since=since))
    if args.severity is None:
        raise EkipError(_("crisis start needs --severity N"))
    if not reason:
        raise EkipError(_("crisis start needs --reason \"what happened\""))
    now = now_from_args(args.now, brand)
    edit_crisis_file(path, {"active": True, "since": _iso(now), "severity": args.severity, "reason": reason},
                     raw, starting=True)
    brand.crisis = {"active": True, "since": _iso(now), "severity": args.severity, "reason": reason}
    held = held_posts(load_posts(brand), brand, now)
    print(ngettext("Crisis mode is ON since {since} (severity {severity}); {n} post held back. "
                   "Pause it in the scheduling tools: `ekip crisis status` lists it.",
                   "Crisis mode is ON since {since} (severity {severity}); {n} posts held back. "
                   "Pause them in the scheduling tools: `ekip crisis status` lists them.",
                   len(held)).format(since=_iso(now), severity=args.severity, n=len(held)))
    return 0


def end(brand: Brand) -> int:
    path = _crisis_path(brand)
    with _locked(path.parent):
        raw = _read(path)
        if raw is None or not is_active(crisisfile.current(raw, str(path))):
            print(_("Crisis mode is not on; nothing to end."))
            return 0
        edit_crisis_file(path, dict(crisisfile.END_VALUES), raw)
    print(_("Crisis mode is OFF. Held posts can go out again: check their dates and re-schedule them."))
    return 0


def status(brand: Brand, now: datetime) -> int:
    crisis = brand.crisis or {}
    out = sys.stdout
    if not is_active(crisis):
        out.write(_("Crisis mode: off") + "\n")
        return 0
    since = since_of(crisis, brand)
    out.write(_("Crisis mode: ON since {since}").format(since=_iso(since) if since else _("(unknown)")) + "\n")
    out.write(_("Severity: {severity}").format(
        severity=crisis.get('severity') if crisis.get('severity') is not None else '-') + "\n")
    out.write(_("Reason: {reason}").format(reason=crisis.get('reason') or '-') + "\n")
    held = held_posts(load_posts(brand), brand, now)
    held.sort(key=lambda p: (post_time(p, brand) or now, p.path))
    out.write(ngettext("Held back: {n} post", "Held back: {n} posts", len(held)).format(n=len(held)) + "\n")
    width = max((len(", ".join(p.platforms) or "-") for p in held), default=1)
    for post in held:
        when = post_time(post, brand)
        local = when.astimezone(brand.timezone).strftime("%Y-%m-%d %H:%M") if when else "?"
        title = post.front.get("title")
        title = " ".join(title.split()) if isinstance(title, str) else "-"
        out.write(f"  {local}  {', '.join(post.platforms) or '-':<{width}}  {title}  {post.path}\n")
    return 0


def run(args: argparse.Namespace) -> int:
    brand = brand_from_args(args.brand)
    if args.action != "start" and (args.severity is not None or args.reason is not None or args.update):
        raise EkipError(_("--severity, --reason and --update are for `ekip crisis start`, not {action}").format(
            action=args.action))
    if args.action == "start":
        return start(brand, args)
    if args.action == "end":
        return end(brand)
    return status(brand, now_from_args(args.now, brand))
