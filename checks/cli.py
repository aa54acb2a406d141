"""The ``ekip`` command. Every subcommand is a module in ``checks.commands`` with
``add_parser(subparsers)`` and ``run(args) -> int``; ``main`` turns EkipError into a clear
message and exit code 2.

``--lang tr|en`` chooses the language of what Ekip prints (``checks.i18n``); it is read before the
parser is built (the help is translated too) and may stand anywhere before ``--``: ``ekip --lang
en check`` or ``ekip check --lang en``. argparse's own words (usage, options, its errors) come from
the same catalog (``checks.argparse_i18n``). For ``ekip new`` it is also the new post's language, for
``ekip init`` the team's."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

from checks import __version__, argparse_i18n, i18n
from checks.errors import EkipError
from checks.i18n import _

COMMANDS = ("check", "rules", "new", "calendar", "crisis", "init", "metrics", "report", "lsp")
OWN_LANG = ("new", "init")  # their own --lang (the post's, the team's language) is also the messages' language


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, just that subcommand's module is imported (start-up time
    matters for the pre-commit hook)."""
    argparse_i18n.install()
    parser = argparse.ArgumentParser(
        prog="ekip",
        description=_("Content governance for a social media team: lint posts against the brand's rules."),
    )
    parser.add_argument("--version", action="version", version=f"ekip {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES,
                        help=_("language of what Ekip prints (default: EKIP_LANG, the brand's default_lang, "
                               "the locale)"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    for name in COMMANDS:
        if only is not None and name != only:
            sub.add_parser(name)
            continue
        importlib.import_module(f"checks.commands.{name}").add_parser(sub)
    return parser


def _command(argv: Sequence[str]) -> str | None:
    """The first word of ``argv`` that is not an option: the subcommand, when there is one."""
    return next((a for a in argv if not a.startswith("-")), None)


def _take_lang(argv: list[str]) -> tuple[list[str], str | None, str | None]:
    """``argv`` without ``--lang X`` (kept for ``new`` and ``init``, whose own ``--lang`` it also is), the
    language asked for, and the value given when it is not a language Ekip speaks."""
    out: list[str] = []
    lang: str | None = None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--":
            out += argv[i:]
            break
        if a == "--lang" or a.startswith("--lang="):
            value = a.partition("=")[2] if "=" in a else (argv[i + 1] if i + 1 < len(argv) else "")
            step = 1 if "=" in a else 2
            if _command(out) in OWN_LANG:
                lang = i18n.normalize(value)  # the command checks its own value
                out += argv[i:i + step]
            elif value not in i18n.LANGUAGES:
                return argv, None, value
            else:
                lang = value
            i += step
            continue
        out.append(a)
        i += 1
    return out, lang, None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    argv, lang, bad = _take_lang(argv)
    i18n.choose(lang)
    if bad is not None:
        print(_("ekip: --lang must be one of: {languages} (not {value!r})").format(
            languages=", ".join(i18n.LANGUAGES), value=bad), file=sys.stderr)
        return 2
    first = _command(argv)
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
        print(_("ekip: {error}").format(error=exc), file=sys.stderr)
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
