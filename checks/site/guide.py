"""The brand guide (``marka/index.md``), generated from ``brand/``: crisis state, approval
policy, every rule with its examples, sensitive topics and who clears them, the platform table,
the team, and the calendar rules."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby, zip_longest
from typing import TYPE_CHECKING, Any

from checks.i18n import N_, _
from checks.site import escape, labels
from checks.site.model import GUIDE, SiteFile
from checks.text.counting import COUNTINGS
from checks.timeutil import parse

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.rules.base import Rule

TITLE = N_("Brand guide")

def anchored(rule_id: str) -> str:
    """The rule id as code, with the rule id as its anchor (``marka/#voice.banned-words``)."""
    return f'<code id="{escape.attr(rule_id)}">{escape.text(rule_id)}</code>'


def guide_page(brand: Brand, builtin_ids: Iterable[str] = ()) -> SiteFile:
    name = escape.text(brand.name) if brand.name else _("The brand")
    lines = [
        f"# {_(TITLE)}",
        "",
        _("Generated for {brand} from the `brand/` folder; nothing is changed here: the files in `brand/` change "
          "through a pull request. `ekip check` checks every post against these rules.").format(brand=name),
        "",
    ]
    lines += _crisis(brand)
    lines += _approvals(brand)
    lines += _rules(brand)
    lines += _sensitive(brand)
    lines += _platforms(brand)
    lines += _team(brand)
    lines += _calendar(brand)
    lines += _links(brand)
    lines += _builtin(builtin_ids)
    return SiteFile(GUIDE, "\n".join(lines), _(TITLE), in_nav=True)


def _crisis(brand: Brand) -> list[str]:
    crisis = brand.crisis or {}
    lines = ["## " + _("Crisis state"), ""]
    if not crisis.get("active"):
        return [*lines, "!!! success \"" + _("Crisis mode off") + "\"", "",
                "    " + _("`brand/crisis.yml`: `active: false`. To declare a crisis: `ekip crisis start`."), ""]
    since = parse(crisis.get("since"), brand.timezone)
    rows = [
        [_("Start"), escape.text(labels.date_time(since.astimezone(brand.timezone))) if since else "—"],
        [_("Severity"), escape.text(crisis.get("severity")) if crisis.get("severity") is not None else "—"],
        [_("Reason"), escape.text(crisis.get("reason")) if crisis.get("reason") else "—"],
    ]
    return [*lines, "!!! danger \"" + _("Crisis mode on") + "\"", "",
            "    " + _("Approved and scheduled posts planned after this moment without `crisis: true` are held "
                       "(`crisis.paused`)."), "", escape.table((_("Field"), _("Value")), rows)]


def _members_with(brand: Brand, roles: Iterable[str]) -> str:
    wanted = set(roles)
    names = [escape.text(m.get("name") or mid) for mid, m in brand.members.items()
             if isinstance(m, dict) and wanted & set(m.get("roles") or [])]
    return ", ".join(names) or "—"


def _roles(roles: Iterable[str]) -> str:
    return ", ".join(f"{escape.text(labels.role(r))} ({escape.code(r)})" for r in roles) or "—"


def _approvals(brand: Brand) -> list[str]:
    lines = ["## " + _("Approval rules"), ""]
    policy = brand.approvals
    if not policy:
        return [*lines, _("`brand.yml` defines no approval rule."), ""]
    rows = []
    for status, need in policy.items():
        roles = list(need.get("roles") or []) if isinstance(need, dict) else []
        count = need.get("count", 1) if isinstance(need, dict) else 1
        rows.append([f"{escape.text(labels.status(status))} ({escape.code(status)})", str(count), _roles(roles),
                     _members_with(brand, roles)])
    return [*lines, _("Before a post moves to these statuses, its `approvals` list must hold these approvals. "
                      "The author cannot approve their own post (`workflow.approval`)."), "",
            escape.table((_("Status"), _("Approvals"), _("Approving roles"), _("People in these roles")), rows)]


def _rules(brand: Brand) -> list[str]:
    rules = [r for r in brand.rules if r.header.kind != "sensitive"]
    lines = ["## " + _("Style rules"), ""]
    if not rules:
        return [*lines, _("No rule is defined."), ""]
    lines += [_("A rule id has the form `<file>.<rule>`; to silence it in a post, write "
                "`<!-- ekip-disable RULE: reason -->`."), ""]
    for prefix, group in groupby(rules, key=lambda r: r.id.split(".", 1)[0]):
        if prefix in brand.packs:
            lines += ["### " + _("{pack} (built-in pack)").format(pack=escape.text(prefix)), ""]
        else:
            lines += [f"### {escape.text(prefix)} ({escape.code(f'brand/rules/{prefix}.yml')})", ""]
        for rule in group:
            lines += _rule(rule)
    return lines


def _rule(rule: Rule) -> list[str]:
    h = rule.header
    # Raw HTML so that the anchor is the rule id itself (previews link findings to it); an h4
    # is below the table of contents' depth anyway.
    lines = [f'<h4 id="{escape.attr(h.id)}">{escape.code(h.id)}</h4>', ""]
    rows = [
        [_("Kind"), f"{escape.text(labels.kind(h.kind))} ({escape.code(h.kind)})"],
        [_("Level"), f"{escape.text(labels.level(h.level))} ({escape.code(h.level)})"],
        [_("Message"), escape.text(h.message)],
    ]
    described = rule.describe()
    if described:
        rows.append([_("Looks for"), escape.text(described)])
    if h.lang:
        rows.append([_("Languages"), escape.text(", ".join(sorted(h.lang)))])
    if h.platforms:
        rows.append([_("Platforms"), escape.text(", ".join(sorted(h.platforms)))])
    lines.append(escape.table((_("Field"), _("Value")), rows))
    bad, good = h.examples.get("bad") or [], h.examples.get("good") or []
    if bad or good:
        pairs = zip_longest(bad, good, fillvalue=None)
        lines.append(escape.table(("✗ " + _("Wrong (hits the rule)"), "✓ " + _("Right (does not hit it)")),
                                  ([escape.text(b) if b is not None else "", escape.text(g) if g is not None else ""]
                                   for b, g in pairs)))
    return lines


def _sensitive(brand: Brand) -> list[str]:
    lines = ["## " + _("Sensitive topics"), ""]
    if not brand.sensitive:
        return [*lines, _("`sensitive.yml` defines no sensitive topic."), ""]
    lines += [_("When a term of a topic appears in the text, a `sensitive.<topic>` finding is given. "
                "*Block*: always an error, the text must change. *Approval required*: an error until the post "
                "declares the topic in its `topics` list and gets an approval from one of the roles below (not "
                "the author). *Warn*: a warning."), ""]
    rows = []
    for topic in brand.sensitive:
        rule = brand.rule(f"sensitive.{topic['id']}")
        approvers = list(topic.get("approvers") or [])
        rows.append([
            anchored(f"sensitive.{topic['id']}"),
            escape.text(topic.get("name") or topic["id"]),
            escape.text(labels.action(topic.get("action", ""))),
            escape.text(labels.level(rule.level)) if rule else "—",
            escape.text(", ".join(map(str, topic.get("terms") or []))),
            _roles(approvers) if approvers else "—",
            _members_with(brand, approvers) if approvers else "—",
        ])
    return [*lines, escape.table((_("Rule"), _("Topic"), _("Action"), _("Level"), _("Terms"), _("Approving roles"),
                                  _("People who can approve")), rows)]


def _platforms(brand: Brand) -> list[str]:
    rows = []
    for p in brand.platforms.values():
        how = _(COUNTINGS.get(p.counting, p.counting))
        if p.url_length:
            how += _("; each link {n}").format(n=p.url_length)
        rows.append([
            escape.text(p.name), escape.code(p.id), str(p.max_length), escape.text(how),
            _opt(p.max_hashtags), _("yes") if p.needs_media else _("no"), _opt(p.max_alt_text), _opt(p.max_links),
        ])
    return ["## " + _("Platforms"), "",
            _("The built-in table; `brand/platforms.yml` can change it field by field. Length is counted the way "
              "each platform counts it (`platform.length`)."), "",
            escape.table((_("Platform"), _("Id"), _("Maximum length"), _("How it is counted"), _("Maximum hashtags"),
                          _("Image required"), _("Alt text limit"), _("Maximum links")), rows)]


def _opt(value: int | None) -> str:
    return "—" if value is None else str(value)


def _team(brand: Brand) -> list[str]:
    lines = ["## " + _("Team and roles"), ""]
    if not brand.members:
        return [*lines, _("`team.yml` defines no team member."), ""]
    rows = [[escape.text(m.get("name") or mid) if isinstance(m, dict) else escape.text(mid), escape.code(mid),
             _roles(m.get("roles") or []) if isinstance(m, dict) else "—"]
            for mid, m in brand.members.items()]
    lines += [_("Posts name people by id in `author` and `approvals[].by`."), "",
              escape.table((_("Person"), _("Id"), _("Roles")), rows)]
    return lines


def _calendar(brand: Brand) -> list[str]:
    cal: dict[str, Any] = brand.calendar or {}
    lines = ["## " + _("Calendar rules"), "", "### " + _("Quiet periods"), ""]
    periods = cal.get("quiet_periods") or []
    if periods:
        lines += [_("Every post planned in these periods is flagged (`calendar.quiet-period`), except posts with "
                    "`crisis: true`."), ""]
        rows = [[escape.code(q.get("id", "")), escape.text(q.get("name") or ""), _time(brand, q.get("start")),
                 _time(brand, q.get("end")), _("yes") if q.get("yearly") else _("no")] for q in periods]
        lines.append(escape.table((_("Id"), _("Name"), _("Start"), _("End"), _("Every year")), rows))
    else:
        lines += [_("No quiet period is defined."), ""]
    limits: dict[str, Any] = cal.get("daily_limit") or {}
    gaps: dict[str, Any] = cal.get("min_gap_minutes") or {}
    if limits or gaps:
        ids = list(dict.fromkeys([*limits, *gaps]))
        rows = [[escape.text(brand.platforms[p].name if p in brand.platforms else p), _opt(limits.get(p)),
                 _opt(gaps.get(p))] for p in ids]
        lines += ["### " + _("Daily limits and gaps"), "",
                  _("The most posts in a day by the brand's clock (`calendar.daily-limit`) and the shortest time "
                    "between two posts on the same platform (`calendar.gap`)."), "",
                  escape.table((_("Platform"), _("Most per day"), _("Shortest gap (minutes)")), rows)]
    return lines


def _time(brand: Brand, value: object) -> str:
    t = parse(value, brand.timezone)
    return escape.text(labels.date_time(t.astimezone(brand.timezone))) if t else escape.text(value or "—")


def _links(brand: Brand) -> list[str]:
    domains = ", ".join(escape.code(d) for d in brand.utm_domains) or "—"
    tags = ", ".join(escape.code(t) for t in brand.disclosure_tags) or "—"
    return ["## " + _("Links and partnership tags"), "",
            escape.table((_("Rule"), _("Value")), [
                [_("Domains that need UTM parameters (`links.utm`)"), domains],
                [_("Partnership tags (`disclosure`)"), tags],
                [_("Default language"), escape.code(brand.default_lang)],
                [_("Timezone"), escape.code(brand.timezone.key)],
            ])]


def _builtin(ids: Iterable[str]) -> list[str]:
    ids = list(ids)
    if not ids:
        return []
    from checks import registry

    described = {e.id: e for e in registry.builtin()}
    rows = []
    for rule_id in ids:
        entry = described.get(rule_id)
        text = registry.translated(rule_id) or (entry.description if entry else "")  # registry text: our Markdown
        levels = " / ".join(labels.level(lv) for lv in entry.levels) if entry else ""
        rows.append([anchored(rule_id), escape.text(levels), text])
    return ["## " + _("Built-in checks"), "",
            _("Checks with fixed ids; they apply to every post."), "",
            escape.table((_("Rule"), _("Level"), _("When")), rows)]
