"""``ekip lsp``: the language server over stdio (see ``checks.lsp``). pygls is imported only
here, when the server starts, so other commands do not pay for it."""

from __future__ import annotations

import argparse

from checks.i18n import _


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("lsp", help=_("language server (LSP) over stdio, for editors"),
                       description=_("Serve Ekip's findings, fixes, hovers, completion and platform "
                                   "lengths to an editor over the Language Server Protocol (stdio)."))
    p.add_argument("--stdio", action="store_true", help=_("talk over stdin/stdout (the default and only transport)"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from checks.lsp.server import main

    return main()
