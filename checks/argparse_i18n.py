"""argparse's own words ("usage:", "options", its error messages) in the run's language.

argparse translates its texts with the standard ``gettext`` of the ``argparse`` domain, which
has no Turkish catalog on most systems. ``install()`` points argparse's module-level ``_`` and
``ngettext`` at Ekip's catalog (``checks.i18n``), so that ``ekip --help`` and ``ekip check
--bogus`` speak the team's language like every other line. The messages below are argparse's
msgids for Python 3.11+ (copied exactly: they are looked up by their English text), listed with
``N_`` only so that ``scripts/i18n.py`` extracts them into ``ekip.po``; a message argparse adds in a
later Python and that is missing here stays English (the catalog falls back to the msgid).
The help of ``--version`` is not passed through gettext by argparse: ``cli`` sets it itself.
"""

from __future__ import annotations

import argparse

from checks import i18n
from checks.i18n import N_

MESSAGES = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("subcommands"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def install() -> None:
    """Make argparse translate through Ekip's catalog (idempotent)."""
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
