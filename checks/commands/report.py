"""``ekip report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format text|json|csv|md]``: the
handbook's KPIs from the numbers under ``metrics/`` and the posts under ``content/`` (see
``checks.metrics.report`` for what counts where). ``-o FILE`` writes to a file. Exit 0, or 2
when the run cannot be done (bad dates, invalid brand)."""

from __future__ import annotations

import argparse
import os
import sys

from checks.commands.common import brand_from_args, day_from_args
from checks.errors import EkipError
from checks.i18n import _

FORMATS = ("text", "json", "csv", "md")
PARALLEL_FROM = 500  # files to read (posts and snapshot files) from which worker processes pay for their start


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help=_("KPIs from the imported metrics: engagement, growth, CTR, conversion"),
                       description=_("The handbook's KPIs for the posts published in a period."))
    p.add_argument("paths", nargs="*", metavar="PATH", help=_("files or folders of posts (default: content/)"))
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help=_("first day (brand-local)"))
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=_("last day, inclusive"))
    p.add_argument("--format", choices=FORMATS, default="text", help=_("report format (default: text)"))
    p.add_argument("-o", "--output", metavar="FILE", help=_("write the report to FILE"))
    p.add_argument("--brand", metavar="DIR", help=_("brand folder (default: the nearest brand/ here or above)"))
    p.add_argument("--jobs", type=int, metavar="N", help=_("worker processes (default: CPU count)"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from checks import forkshare, gcpause
    from checks.frontmatter import Fronts
    from checks.metrics import curves, dataset, render, report

    start, end = day_from_args(args.start, "--from"), day_from_args(args.end, "--to")
    if start and end and end < start:
        raise EkipError(_("--to is before --from"))
    brand = brand_from_args(args.brand)
    jobs = max(args.jobs or min(os.cpu_count() or 1, 8), 1)
    chunks = min(jobs * 16, forkshare.MAX_TASKS // 2)
    with gcpause.paused():  # hundreds of thousands of small objects, none of them garbage
        # The files no cache has (all of them, on a repository's first report) are read by this
        # process and forked workers: the posts' front matter (all a report needs of them) and
        # the snapshot files.
        fronts = Fronts(brand, args.paths, dataset.FRONT_KEYS, chunks=chunks)
        snapshots = curves.Snapshots(brand.root, chunks=chunks)
        tasks = [*fronts.tasks, *snapshots.tasks]
        done = forkshare.run(tasks, jobs if fronts.to_read + snapshots.to_read >= PARALLEL_FROM else 1)
        split = len(fronts.tasks)
        data = dataset.load(brand, fronts.result(done[:split]), snapshots.result(done[split:]))
        doc = report.build(data, start, end)
    if args.format == "json":
        import orjson

        out = orjson.dumps(doc).decode("utf-8") + "\n"
    elif args.format == "csv":
        out = render.csv_text(doc)
    elif args.format == "md":
        out = render.markdown(doc)
    else:
        out = render.text(doc)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(out)
    else:
        sys.stdout.write(out)
    for problem in data.problems:  # the report is made of the rest
        print((_("ekip: {problem}; the file is left out of the report") if problem.whole_file else
               _("ekip: {problem}; the row is left out of the report")).format(problem=problem), file=sys.stderr)
    if not data.stats:
        print(_("ekip: metrics/ holds no post numbers yet; import exports with `ekip metrics import FILE ...`"),
              file=sys.stderr)
    return 0
