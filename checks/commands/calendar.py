"""``ekip calendar``: the content calendar as an agenda by brand-local day, or as an
iCalendar file (``--ics FILE``; ``-`` writes it to stdout).

The agenda starts today (brand-local) unless ``--from`` says otherwise; ``--to`` is
inclusive. The iCalendar export holds every dated post unless ``--from``/``--to`` are given.
``--platform`` and ``--status`` (comma-separated or repeated) filter both. Posts are read from
the PATHs given, by default from ``content/`` (post templates in ``playbooks/`` are not
part of the calendar). ``--format json`` prints the agenda as one JSON object for scripts:
``{"version": 1, "from", "to", "timezone", "posts": [{"path", "date", "local_date",
"local_time", "title", "platforms", "status", "author", "campaign", "embargo"}],
"warnings": [...]}``.

Two posts with the same title (compared with Turkish case folding and spaces collapsed) are
told apart on the calendar only by their time: each such pair is a warning (on stderr, and in
the JSON's ``warnings``), whatever the filters show.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from checks import personal
from checks.boundary import boundary_for
from checks.brand.model import Brand
from checks.commands.common import brand_from_args, day_from_args, now_from_args
from checks.datenames import weekday_short
from checks.errors import EkipError
from checks.fix import write_atomic
from checks.frontmatter import post_paths
from checks.i18n import _, ngettext
from checks.ical import build_ics
from checks.post import Post, read_post
from checks.timeutil import parse

STATUSES = ("idea", "draft", "review", "approved", "scheduled", "published", "archived")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("calendar", help=_("show the content calendar, or export it as iCalendar"),
                       description=_("The agenda by day in the brand's timezone, or an iCalendar export."))
    p.add_argument("paths", nargs="*", metavar="PATH", help=_("files or folders of posts (default: content/)"))
    p.add_argument("--brand", metavar="DIR", help=_("brand folder (default: the nearest brand/ here or above)"))
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help=_("first day (default for the agenda: today)"))
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=_("last day, inclusive"))
    p.add_argument("--platform", action="append", metavar="ID", help=_("only these platforms (comma-separated)"))
    p.add_argument("--status", action="append", metavar="STATUS", help=_("only these statuses (comma-separated)"))
    p.add_argument("--ics", metavar="FILE", help=_("write an iCalendar file instead of the agenda ('-': stdout)"))
    p.add_argument("--now", metavar="ISO-8601", help=_("the time taken as now (today, embargoes)"))
    p.add_argument("--format", choices=("text", "json"), default="text", help=_("agenda format (default: text)"))
    p.set_defaults(run=run)


def load_posts(brand: Brand, paths: list[str] | None = None) -> list[Post]:
    """Readable posts: the PATHs given, or every post under ``content/``."""
    reader = boundary_for(brand.root).read
    return [post for shown in post_paths(brand, paths) if (post := read_post(shown, reader=reader)).readable]


def _split(values: list[str] | None) -> set[str] | None:
    if not values:
        return None
    return {v.strip() for item in values for v in item.split(",") if v.strip()}


def post_time(post: Post, brand: Brand) -> datetime | None:
    raw = post.front.get("date")
    return parse(raw, brand.timezone) if isinstance(raw, str) else None


def select(posts: list[Post], brand: Brand, start: date | None, end: date | None,
           platforms: set[str] | None, statuses: set[str] | None) -> list[tuple[datetime, Post]]:
    """Dated posts within the days and filters, in time order."""
    out: list[tuple[datetime, Post]] = []
    for post in posts:
        when = post_time(post, brand)
        if when is None:
            continue
        day = when.astimezone(brand.timezone).date()
        if (start and day < start) or (end and day > end):
            continue
        if platforms is not None and platforms.isdisjoint(post.platforms):
            continue
        if statuses is not None and post.status not in statuses:
            continue
        out.append((when, post))
    out.sort(key=lambda wp: (wp[0], wp[1].path))
    return out


def _cell(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else "-"


def print_agenda(items: list[tuple[datetime, Post]], brand: Brand) -> None:
    """One line a post; personal data in titles is masked, as on the site."""
    out = sys.stdout
    rules = personal.policy(brand)
    current: date | None = None
    width = max(len(", ".join(post.platforms) or "-") for _when, post in items)
    for when, post in items:
        local = when.astimezone(brand.timezone)
        if local.date() != current:
            if current is not None:
                out.write("\n")
            current = local.date()
            out.write(f"{current.isoformat()} {weekday_short(current.weekday())}\n")
        platforms = ", ".join(post.platforms) or "-"
        out.write(f"  {local:%H:%M}  {platforms:<{width}}  {personal.redact(_cell(post.front.get('title')), rules)}  "
                  f"[{_cell(post.front.get('status'))}]  {_cell(post.front.get('author'))}\n")


def same_titles(posts: list[Post]) -> list[tuple[str, list[str]]]:
    """(title, paths) for every title that more than one dated post carries."""
    from checks.text.turkish import fold

    groups: dict[str, list[Post]] = {}
    for post in posts:
        title = post.front.get("title")
        if isinstance(title, str) and title.strip() and isinstance(post.front.get("date"), str):
            groups.setdefault(fold(" ".join(title.split()), "tr"), []).append(post)
    return [(" ".join(str(group[0].front["title"]).split()), sorted(p.path for p in group))
            for group in groups.values() if len(group) > 1]


def _warnings(posts: list[Post]) -> list[str]:
    return [ngettext("{n} post shares the title {title!r}: {paths}", "{n} posts share the title {title!r}: {paths}",
                     len(paths)).format(n=len(paths), title=title, paths=", ".join(paths))
            for title, paths in same_titles(posts)]


def _json_agenda(items: list[tuple[datetime, Post]], brand: Brand, first: date, end: date | None,
                 warnings: list[str]) -> None:
    from checks.report import write_json

    rows = []
    for when, post in items:
        local = when.astimezone(brand.timezone)
        front = post.front
        rows.append({"path": post.path, "date": when.isoformat(), "local_date": local.date().isoformat(),
                     "local_time": f"{local:%H:%M}", "title": front.get("title"), "platforms": post.platforms,
                     "status": front.get("status"), "author": front.get("author"),
                     "campaign": front.get("campaign"), "embargo": front.get("embargo")})
    write_json(sys.stdout, {"version": 1, "from": first.isoformat(), "to": end.isoformat() if end else None,
                            "timezone": str(brand.timezone), "posts": rows, "warnings": warnings})


def run(args: argparse.Namespace) -> int:
    brand = brand_from_args(args.brand)
    now = now_from_args(args.now, brand)
    start, end = day_from_args(args.start, "--from"), day_from_args(args.end, "--to")
    if start and end and end < start:
        raise EkipError(_("--to is before --from"))
    statuses = _split(args.status)
    if statuses is not None and statuses - set(STATUSES):
        raise EkipError(_("--status: unknown status {unknown} (statuses: {statuses})").format(
            unknown=", ".join(sorted(statuses - set(STATUSES))), statuses=", ".join(STATUSES)))
    platforms = _split(args.platform)
    posts = load_posts(brand, args.paths)
    if args.ics:
        items = select(posts, brand, start, end, platforms, statuses)
        data = build_ics([p for _when, p in items], brand, now)
        if args.ics == "-":
            buffer = getattr(sys.stdout, "buffer", None)
            if buffer is not None:
                buffer.write(data)
            else:
                sys.stdout.write(data.decode("utf-8"))
            return 0
        target = Path(args.ics)
        if not target.parent.is_dir():
            raise EkipError(_("--ics {path}: folder {folder} does not exist").format(
                path=args.ics, folder=target.parent))
        if target.exists():
            write_atomic(target, data)
        else:
            target.write_bytes(data)
        print(ngettext("wrote {n} event to {path}", "wrote {n} events to {path}", len(items)).format(
            n=len(items), path=args.ics), file=sys.stderr)
        return 0
    first = start or now.astimezone(brand.timezone).date()
    items = select(posts, brand, first, end, platforms, statuses)
    warnings = _warnings(posts)
    if args.format == "json":
        _json_agenda(items, brand, first, end, warnings)
        return 0
    for warning in warnings:
        print(_("ekip: warning: {warning}").format(warning=warning), file=sys.stderr)
    if not items:
        if end:
            print(_("No posts from {first} to {end}.").format(first=first.isoformat(), end=end.isoformat()))
        else:
            print(_("No posts from {first}.").format(first=first.isoformat()))
        return 0
    print_agenda(items, brand)
    return 0
