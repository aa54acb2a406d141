"""Month and weekday names in the run's language: the one table the site, the report and the
calendar command share (English msgids, the Turkish names in the catalog).

Short month names are the first three letters of the long name in either language ("Ara",
"Dec"): a separate "May" msgid for the short form would collide with the long one (the catalog
has no contexts), and both languages abbreviate that way.
"""

from __future__ import annotations

from checks.i18n import N_, _

MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
          N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))
WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
            N_("Sunday"))
WEEKDAYS_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


def month(number: int) -> str:
    """``December`` / ``Aralık`` for 12."""
    return _(MONTHS[number - 1])


def month_short(number: int) -> str:
    """``Dec`` / ``Ara`` for 12."""
    return month(number)[:3]


def weekday(index: int) -> str:
    """``Monday`` / ``Pazartesi`` for 0 (``date.weekday()``)."""
    return _(WEEKDAYS[index])


def weekday_short(index: int) -> str:
    """``Mon`` / ``Pzt`` for 0 (``date.weekday()``)."""
    return _(WEEKDAYS_SHORT[index])
