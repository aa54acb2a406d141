"""Brand values printed into the hand-written handbook, so that a page never states a number
or a rule that ``brand/`` does not enforce.

A handbook page (``playbooks/*.md``) writes ``{{marka:NAME}}`` where a value of the brand
belongs; the ``ekip`` MkDocs plugin replaces it at build time (``fill``). An unknown name stops
the build with the page and the name. The names:

``emoji-limit``, ``exclamation-limit``
    ``max`` of the brand's ``limit`` rule that counts ``:emoji:`` (or ``!``).
``hitap-sen``, ``hitap-siz``
    The platforms of the rules ``*.hitap-sen`` (bans "siz" forms: the platforms that say "sen")
    and ``*.hitap-siz``, as "Instagram, TikTok ve Threads".
``disclosure-tags``
    brand.yml ``disclosure_tags`` as "`#reklam` veya `#işbirliği`".
``approval-policy``
    brand.yml ``approvals`` as a sentence per status.
``quiet-periods``, ``daily-limits``, ``platform-limits``
    Tables from calendar.yml and the effective platform table (platforms.yml applied).
``dini-gunler``
    A table per year from ``brand/dini-gunler.yml`` (Diyanet's dates; see that file).
``dini-gunler-kaynak``
    That file's source line.

Values are escaped as Markdown text (``checks.site.escape``) and written in the site's language
(``checks.i18n``: words, lists, month and weekday names; the pages around them are the team's own
text). Plain Python, no MkDocs: the tests call ``values`` and ``fill`` directly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checks.datenames import month, weekday
from checks.errors import EkipError
from checks.i18n import N_, _, ngettext
from checks.site.escape import text as esc
from checks.timeutil import parse
from checks.yamlfile import YamlError
from checks.yamlfile import load as load_yaml

if TYPE_CHECKING:
    from checks.brand.model import Brand

PLACEHOLDER = re.compile(r"\{\{marka:([a-z0-9-]+)\}\}")
RELIGIOUS_DAYS = "dini-gunler.yml"
KIND_NAMES = {"kandil": N_("kandil / night"), "ramazan": N_("Ramadan"), "arife": N_("eve (arife)"),
              "bayram": N_("bayram (feast)"), "hicri": N_("Hijri calendar")}


def turkish_list(items: list[str], either: bool = False) -> str:
    """``a, b and c`` (``a, b or c`` when ``either``), in the site's language (``a, b ve c``)."""
    if len(items) <= 1:
        return "".join(items)
    pattern = _("{items} or {last}") if either else _("{items} and {last}")
    return pattern.format(items=", ".join(items[:-1]), last=items[-1])


def long_date(d: date) -> str:
    return _("{day} {month} {year}").format(day=d.day, month=month(d.month), year=d.year)


def _day_month(d: date) -> str:
    return _("{day} {month}").format(day=d.day, month=month(d.month))


def _limit(brand: Brand, count: str) -> str:
    for rule in brand.rules:
        most = getattr(rule, "max", None)
        if rule.header.kind == "limit" and getattr(rule, "count", None) == count and most is not None:
            return str(most)
    raise EkipError(_("no limit rule counts {count!r} in brand/rules/").format(count=count), "brand/rules")


def _hitap(brand: Brand, suffix: str) -> str:
    for rule in brand.rules:
        if rule.id.endswith("." + suffix) and rule.header.platforms:
            order = list(brand.platforms)
            ids = sorted(rule.header.platforms, key=lambda p: order.index(p) if p in order else len(order))
            return turkish_list([esc(brand.platforms[p].name if p in brand.platforms else p) for p in ids])
    raise EkipError(_("no rule '*.{suffix}' with platforms in brand/rules/").format(suffix=suffix), "brand/rules")


def _disclosure(brand: Brand) -> str:
    return turkish_list([f"`{t}`" for t in brand.disclosure_tags], either=True)


def _approvals(brand: Brand) -> str:
    """One sentence per distinct need, with the statuses that share it and who holds the roles."""
    policy = brand.approvals
    if not policy:
        return _("No approval is needed.")
    needs: dict[tuple[tuple[str, ...], int], list[str]] = {}
    for status, need in policy.items():
        needs.setdefault((tuple(need.get("roles", [])), int(need.get("count", 1))), []).append(status)
    parts = []
    for (roles, count), statuses in needs.items():
        holders = [m for m in brand.members if set(brand.roles_of(m)) & set(roles)]
        who = _(" (today: {members})").format(members=", ".join(f"`{m}`" for m in holders)) if holders else ""
        parts.append(ngettext("For the status {statuses}, at least {count} approval(s) from the role {roles}{who}",
                              "For the statuses {statuses}, at least {count} approval(s) from the role {roles}{who}",
                              len(statuses)).format(
            statuses=turkish_list([f"`{s}`" for s in statuses]), count=count,
            roles=turkish_list([f"`{r}`" for r in roles], either=True), who=who))
    return "; ".join(parts) + "."


def _hhmm(dt: datetime) -> str:
    return dt.strftime("%H.%M")


def _quiet_periods(brand: Brand) -> str:
    rows = [_row(_("Period"), _("When"), _("Repeats"), _("Id")), "| --- | --- | --- | --- |"]
    for qp in brand.calendar.get("quiet_periods") or []:
        start = parse(qp.get("start"), brand.timezone)
        end = parse(qp.get("end"), brand.timezone)
        if start is None or end is None:
            continue
        start, end = start.astimezone(brand.timezone), end.astimezone(brand.timezone)
        yearly = qp.get("yearly") is True
        day = _day_month(start) if yearly else long_date(start)
        whole_days = start.hour == start.minute == 0 and end.hour == end.minute == 0
        if whole_days and (end - start).days == 1:
            when = _("{day}, all day").format(day=day)
        elif whole_days:
            last = end.date().fromordinal(end.date().toordinal() - 1)
            when = _("{start} – {end}, all day").format(start=day, end=_day_month(last) if yearly else long_date(last))
        else:
            when = _("{day}, {start}–{end}").format(day=day, start=_hhmm(start), end=_hhmm(end))
        platforms = qp.get("platforms")
        if platforms:
            when += " (" + ", ".join(esc(p) for p in platforms) + ")"
        rows.append(_row(esc(qp.get("name") or qp.get("id")), when, _("every year") if yearly else _("once"),
                         f"`{qp.get('id')}`"))
    return "\n".join(rows)


def _daily_limits(brand: Brand) -> str:
    limits = brand.calendar.get("daily_limit") or {}
    gaps = brand.calendar.get("min_gap_minutes") or {}
    rows = [_row(_("Platform"), _("Most per day"), _("Shortest gap between posts")), "| --- | --- | --- |"]
    for pid in [p for p in brand.platforms if p in limits or p in gaps]:
        gap = _("{n} min").format(n=gaps[pid]) if pid in gaps else "—"
        rows.append(f"| {esc(brand.platforms[pid].name)} | {limits.get(pid, '—')} | {gap} |")
    return "\n".join(rows)


COUNTING = {"x": N_("X weighted (link 23)"), "codepoints": N_("characters"), "graphemes": N_("visible characters"),
            "utf16": N_("UTF-16 units")}


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _platform_limits(brand: Brand) -> str:
    rows = [_row(_("Platform"), _("At most"), _("Counting"), _("Hashtag limit"), _("Media required")),
            "| --- | --- | --- | --- | --- |"]
    for p in brand.platforms.values():
        tags = "—" if p.max_hashtags is None else str(p.max_hashtags)
        counting = _(COUNTING[p.counting]) if p.counting in COUNTING else p.counting
        rows.append(_row(esc(p.name), f"{p.max_length:,}".replace(",", "."), counting, tags,
                         _("yes") if p.needs_media else _("no")))
    return "\n".join(rows)


def religious_days(root: Path) -> dict[str, Any]:
    """``brand/dini-gunler.yml`` as data: ``source`` and ``days`` (each with a ``date``)."""
    path = root / "brand" / RELIGIOUS_DAYS
    if not path.is_file():
        raise EkipError(_("{file} is missing; the page needs Diyanet's dates").format(file=RELIGIOUS_DAYS),
                        f"brand/{RELIGIOUS_DAYS}")
    try:
        data = load_yaml(path.read_text(encoding="utf-8")).data
    except YamlError as exc:
        raise EkipError(str(exc), f"brand/{RELIGIOUS_DAYS}") from None
    if not isinstance(data, dict):
        raise EkipError(_("expected a mapping with 'source' and 'days'"), f"brand/{RELIGIOUS_DAYS}")
    days = []
    for n, item in enumerate(data.get("days") or [], start=1):
        raw = str(item.get("date"))
        try:
            d = date.fromisoformat(raw)
        except ValueError:
            raise EkipError(_("day {n}: '{value}' is not a date (YYYY-MM-DD)").format(n=n, value=raw),
                            f"brand/{RELIGIOUS_DAYS}") from None
        days.append({**item, "date": d})
    return {"source": data.get("source") or {}, "days": days, "checked": data.get("checked") or {}}


def _religious_table(root: Path) -> str:
    data = religious_days(root)
    out: list[str] = []
    year = None
    for day in data["days"]:
        d: date = day["date"]
        if d.year != year:
            year = d.year
            checked = data["checked"].get(year) or data["checked"].get(str(year))
            note = _("compared with Diyanet's list: {checked}").format(checked=esc(checked)) if checked else \
                _("not yet compared with the list Diyanet published")
            out += ["", f"**{year}** ({note})", "", _row(_("Date"), _("Day"), _("What"), _("Kind")),
                    "| --- | --- | --- | --- |"]
        kind = str(day.get("kind"))
        shown = _("{date} (evening)").format(date=long_date(d)) if kind == "kandil" else long_date(d)
        out.append(_row(shown, weekday(d.weekday()), esc(day.get("name", "")),
                        _(KIND_NAMES[kind]) if kind in KIND_NAMES else esc(day.get("kind"))))
    return "\n".join(out).strip()


def _religious_source(root: Path) -> str:
    src = religious_days(root)["source"]
    name, url = esc(src.get("name", "")), src.get("url", "")
    return f"[{name}]({url})" if url.startswith("https://") else name


def values(brand: Brand, root: Path) -> dict[str, Callable[[], str]]:
    """Each placeholder name with the function that writes its value (called only when used)."""
    return {
        "emoji-limit": lambda: _limit(brand, ":emoji:"),
        "exclamation-limit": lambda: _limit(brand, "!"),
        "hitap-sen": lambda: _hitap(brand, "hitap-sen"),
        "hitap-siz": lambda: _hitap(brand, "hitap-siz"),
        "disclosure-tags": lambda: _disclosure(brand),
        "approval-policy": lambda: _approvals(brand),
        "quiet-periods": lambda: _quiet_periods(brand),
        "daily-limits": lambda: _daily_limits(brand),
        "platform-limits": lambda: _platform_limits(brand),
        "dini-gunler": lambda: _religious_table(root),
        "dini-gunler-kaynak": lambda: _religious_source(root),
    }


def fill(markdown: str, brand: Brand, root: Path, page: str) -> str:
    """``markdown`` with every ``{{marka:NAME}}`` replaced; ``EkipError`` naming ``page`` for an
    unknown name or a value the brand cannot give."""
    if "{{marka:" not in markdown:
        return markdown
    known = values(brand, root)
    cache: dict[str, str] = {}

    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in known:
            raise EkipError(_("unknown placeholder {placeholder}; known: {names}").format(
                placeholder=f"{{{{marka:{name}}}}}", names=", ".join(sorted(known))), page)
        if name not in cache:
            cache[name] = known[name]()
        return cache[name]

    return PLACEHOLDER.sub(one, markdown)
