"""``ekip metrics import FILE ...`` and ``ekip metrics link``.

``import``: platform analytics exports (Meta Business Suite, X, LinkedIn, TikTok, GA4, and
any tool mapped in ``brand/metrics.yml``) -> dated snapshots under ``metrics/`` in the
repository root (see ``checks.metrics.store``). Importing the same file again adds nothing; a
bad file stops the import with its name and reason, and nothing is written (exit 2).
``--at`` says when the export was taken (default: a date in the file name, else now);
``--dry-run`` says what would be written.

``link``: proposes, for imported post rows that no post claims yet, the post they belong to
(same platform, published within a day of the post's date, similar text) and, on
confirmation (a ``y`` per proposal on a terminal, or ``--yes``), writes ``posted:
{platform: permalink}`` into the post's front matter (see ``checks.metrics.link``).
"""

from __future__ import annotations

import argparse
import sys

from checks.commands.common import brand_from_args, now_from_args, time_from_args
from checks.fix import write_atomic
from checks.i18n import _, ngettext


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("metrics", help=_("import platform analytics exports; link them to posts"),
                       description=_("Platform analytics exports -> metrics/ (dated snapshots), tied to posts."))
    inner = p.add_subparsers(dest="action", metavar="ACTION")
    imp = inner.add_parser("import", help=_("read exports into metrics/ (idempotent)"),
                           description=_("Read platform analytics exports into dated snapshots under metrics/."))
    imp.add_argument("files", nargs="+", metavar="FILE", help=_("CSV or XLSX exports"))
    imp.add_argument("--at", metavar="ISO-8601", help=_("when the exports were taken (default: a date in the "
                     "file name, else now)"))
    imp.add_argument("--dry-run", action="store_true", help=_("say what would be written, write nothing"))
    imp.add_argument("--brand", metavar="DIR", help=_("brand folder (default: the nearest brand/ here or above)"))
    imp.add_argument("--now", metavar="ISO-8601", help=argparse.SUPPRESS)
    imp.set_defaults(run=run_import)
    link = inner.add_parser("link", help=_("propose which post each imported row belongs to"),
                            description=_("Propose posted: links for imported rows that no post claims yet."))
    link.add_argument("--yes", action="store_true", help=_("write every proposal without asking"))
    link.add_argument("--brand", metavar="DIR", help=_("brand folder (default: the nearest brand/ here or above)"))
    link.set_defaults(run=run_link)
    p.set_defaults(run=lambda args: _usage(p))


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help(sys.stderr)
    return 2


def run_import(args: argparse.Namespace) -> int:
    from checks.metrics.importer import plan_import

    brand = brand_from_args(args.brand)
    now = now_from_args(args.now, brand)
    at = time_from_args(args.at, "--at", brand) if args.at else None
    plan = plan_import(args.files, brand, at, now)
    for line in plan.summary:
        print(line)
    for note in plan.notes:
        print(note, file=sys.stderr)
    root = brand.root
    if args.dry_run:
        for path in sorted(plan.writes):
            print(_("(dry run) would write: {path}").format(path=path.relative_to(root).as_posix()))
        return 0
    for path in sorted(plan.writes):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, plan.writes[path])
    if plan.writes:
        folders = sorted({"/".join(p.relative_to(root).parts[:2]) for p in plan.writes})
        print(ngettext("{rows} row added; {n} file written ({folders}).",
                       "{rows} rows added; {n} files written ({folders}).",
                       len(plan.writes)).format(rows=plan.added, n=len(plan.writes), folders=", ".join(folders)))
    else:
        print(_("Nothing new: metrics/ is unchanged."))
    return 0


def run_link(args: argparse.Namespace) -> int:
    from checks.metrics.link import run as link

    brand = brand_from_args(args.brand)
    return link(brand, yes=args.yes, interactive=sys.stdin.isatty())
