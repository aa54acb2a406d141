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

The file is edited as a round trip (ruamel.yaml): comments, key order and the other lines
stay as they were, and end-of-line comments that were aligned stay aligned. It is replaced
atomically. A missing crisis.yml is created; an invalid one stops the run (exit 2) when the
brand is loaded.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from checks.brand.model import Brand
from checks.builtin.crisis import held_posts, is_active, since_of
from checks.commands.calendar import load_posts, post_time
from checks.commands.common import brand_from_args, now_from_args
from checks.errors import EkipError
from checks.fix import write_atomic

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


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("crisis", help="start or end crisis mode, or show its state",
                       description="Crisis mode: edits brand/crisis.yml and lists the posts it holds back.")
    p.add_argument("action", choices=("start", "end", "status"))
    p.add_argument("--brand", metavar="DIR", help="brand folder (default: the nearest brand/ here or above)")
    p.add_argument("--severity", type=_severity, metavar="N", help="severity 1 (mildest) to 4 (gravest) (start)")
    p.add_argument("--reason", metavar="TEXT", help="one line: what happened (start)")
    p.add_argument("--update", action="store_true", help="change severity/reason of the running crisis (start)")
    p.add_argument("--now", metavar="ISO-8601", help="the time taken as now (start: since)")
    p.set_defaults(run=run)


def _severity(value: str) -> int:
    """The handbook's levels (playbooks/kriz/seviyeler.md): 1 is the mildest, 4 the gravest."""
    try:
        level = int(value)
    except ValueError:
        level = 0
    if not SEVERITIES[0] <= level <= SEVERITIES[-1]:
        raise argparse.ArgumentTypeError(f"{value!r} is not a severity from {SEVERITIES[0]} to {SEVERITIES[-1]}")
    return level


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never fold a long reason
    y.representer.add_representer(
        type(None), lambda rep, _data: rep.represent_scalar("tag:yaml.org,2002:null", "null"))
    return y


def _comments(data: CommentedMap) -> dict[Any, Any]:
    """End-of-line comment tokens of the top-level keys, by key."""
    out = {}
    for key, item in data.ca.items.items():
        if isinstance(item, list) and len(item) > 2 and item[2] is not None and hasattr(item[2], "column"):
            out[key] = item[2]
    return out


def _align(comments: dict[Any, Any], keys: list[str]) -> None:
    """Put the end-of-line comments of ``keys`` (the lines being rewritten) in the column most
    comments use, so that a block of aligned comments stays aligned as values change length."""
    if not comments:
        return
    counts = Counter(c.column for c in comments.values())
    best = max(counts.values())
    columns = sorted(col for col, n in counts.items() if n == best)
    for key in keys:
        token = comments.get(key)
        if token is not None and token.column not in columns:
            token.column = columns[0]


def edit_crisis_file(path: Path, values: dict[str, Any]) -> None:
    """Set ``values`` in crisis.yml, keeping comments, key order and everything else."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raw = NEW_FILE.encode("utf-8")
    except OSError as exc:
        raise EkipError(f"cannot read: {exc.strerror}", str(path)) from None
    y = _yaml()
    try:
        data = y.load(raw)
    except YAMLError as exc:
        raise EkipError(f"invalid YAML: {exc}", str(path)) from None
    if data is None:
        data = CommentedMap()
    if not isinstance(data, CommentedMap):
        raise EkipError("must be a YAML mapping (key: value)", str(path), 1)
    changing = [key for key in KEYS if key in values and (key not in data or data[key] != values[key])]
    _align(_comments(data), changing)
    for key in changing:
        data[key] = values[key]
    out = io.BytesIO()
    y.dump(data, out)
    if path.exists():
        write_atomic(path, out.getvalue())
    else:
        path.write_bytes(out.getvalue())


def _crisis_path(brand: Brand) -> Path:
    if brand.dir is None:
        raise EkipError("no brand/ folder here or above: crisis mode lives in brand/crisis.yml")
    return brand.dir / "crisis.yml"


def _iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")


def start(brand: Brand, args: argparse.Namespace) -> int:
    crisis = brand.crisis or {}
    path = _crisis_path(brand)
    reason = args.reason.strip() if isinstance(args.reason, str) else ""
    if args.update:
        if not is_active(crisis):
            raise EkipError("crisis mode is not on: run `ekip crisis start --severity N --reason \"...\"`")
        if args.severity is None and not reason:
            raise EkipError("--update needs --severity and/or --reason")
        values: dict[str, Any] = {}
        if args.severity is not None:
            values["severity"] = args.severity
        if reason:
            values["reason"] = reason
        edit_crisis_file(path, values)
        print(f"Crisis mode updated ({path}).")
        return 0
    if is_active(crisis):
        since = crisis.get("since")
        raise EkipError(f"crisis mode is already on (since {since}); use `ekip crisis start --update` to change "
                        "severity or reason, or `ekip crisis end` first")
    if args.severity is None:
        raise EkipError("crisis start needs --severity N")
    if not reason:
        raise EkipError("crisis start needs --reason \"what happened\"")
    now = now_from_args(args.now, brand)
    edit_crisis_file(path, {"active": True, "since": _iso(now), "severity": args.severity, "reason": reason})
    brand.crisis = {"active": True, "since": _iso(now), "severity": args.severity, "reason": reason}
    held = held_posts(load_posts(brand), brand, now)
    print(f"Crisis mode is ON since {_iso(now)} (severity {args.severity}); {len(held)} post(s) held back. "
          "Pause them in the scheduling tools: `ekip crisis status` lists them.")
    return 0


def end(brand: Brand) -> int:
    path = _crisis_path(brand)
    if not is_active(brand.crisis or {}):
        print("Crisis mode is not on; nothing to end.")
        return 0
    edit_crisis_file(path, {"active": False, "since": None, "severity": None, "reason": None})
    print("Crisis mode is OFF. Held posts can go out again: check their dates and re-schedule them.")
    return 0


def status(brand: Brand, now: datetime) -> int:
    crisis = brand.crisis or {}
    out = sys.stdout
    if not is_active(crisis):
        out.write("Crisis mode: off\n")
        return 0
    since = since_of(crisis, brand)
    out.write(f"Crisis mode: ON since {_iso(since) if since else '(unknown)'}\n")
    out.write(f"Severity: {crisis.get('severity') if crisis.get('severity') is not None else '-'}\n")
    out.write(f"Reason: {crisis.get('reason') or '-'}\n")
    held = held_posts(load_posts(brand), brand, now)
    held.sort(key=lambda p: (post_time(p, brand) or now, p.path))
    out.write(f"Held back: {len(held)} post(s)\n")
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
        raise EkipError(f"--severity, --reason and --update are for `ekip crisis start`, not {args.action}")
    if args.action == "start":
        return start(brand, args)
    if args.action == "end":
        return end(brand)
    return status(brand, now_from_args(args.now, brand))
