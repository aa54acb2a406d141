"""The ``ekip`` command. Every subcommand is a module in ``checks.commands`` with
``add_parser(subparsers)`` and ``run(args) -> int``; ``main`` turns EkipError into a clear
message and exit code 2."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

from checks import __version__
from checks.errors import EkipError

COMMANDS = ("check", "rules", "new", "calendar", "crisis", "init", "metrics", "report", "lsp")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, just that subcommand's module is imported (start-up time
    matters for the pre-commit hook)."""
    parser = argparse.ArgumentParser(
        prog="ekip",
        description="Content governance for a social media team: lint posts against the brand's rules.",
    )
    parser.add_argument("--version", action="version", version=f"ekip {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if only is not None and name != only:
            sub.add_parser(name)
            continue
        importlib.import_module(f"checks.commands.{name}").add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(first if first in COMMANDS else None)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args))
    except EkipError as exc:
        print(f"ekip: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def entry() -> None:
    """The console script: ``main``, then exit without tearing the heap down. A run over
    thousands of posts leaves a large heap (the cyclic collector is off during a check) and
    freeing it object by object takes a tenth of a second that nobody waits for usefully;
    exit handlers still run and the streams are flushed first."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):  # a closed or broken pipe
            stream.flush()
    atexit._run_exitfuncs()
    os._exit(code)
