"""The brand guide (``marka/index.md``), generated from ``brand/``: crisis state, approval
policy, every rule with its examples, sensitive topics and who clears them, the platform table,
the team, and the calendar rules."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby, zip_longest
from typing import TYPE_CHECKING, Any

from checks.i18n import _
from checks.site import escape, labels
from checks.site.model import GUIDE, SiteFile
from checks.text.counting import COUNTINGS
from checks.timeutil import parse

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.rules.base import Rule

TITLE = "Marka rehberi"

def anchored(rule_id: str) -> str:
    """The rule id as code, with the rule id as its anchor (``marka/#voice.banned-words``)."""
    return f'<code id="{escape.attr(rule_id)}">{escape.text(rule_id)}</code>'


def guide_page(brand: Brand, builtin_ids: Iterable[str] = ()) -> SiteFile:
    name = escape.text(brand.name) if brand.name else "Marka"
    lines = [
        f"# {TITLE}",
        "",
        f"{name} için `brand/` klasöründen üretilir; burada değişiklik yapılmaz, `brand/` içindeki "
        "dosyalar PR ile değişir. `ekip check` her gönderiyi bu kurallarla denetler.",
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
    return SiteFile(GUIDE, "\n".join(lines), TITLE, in_nav=True)


def _crisis(brand: Brand) -> list[str]:
    crisis = brand.crisis or {}
    lines = ["## Kriz durumu", ""]
    if not crisis.get("active"):
        return [*lines, "!!! success \"Kriz modu kapalı\"", "",
                "    `brand/crisis.yml`: `active: false`. Kriz ilanı: `ekip crisis start`.", ""]
    since = parse(crisis.get("since"), brand.timezone)
    rows = [
        ["Başlangıç", escape.text(labels.date_time(since.astimezone(brand.timezone))) if since else "—"],
        ["Seviye", escape.text(crisis.get("severity")) if crisis.get("severity") is not None else "—"],
        ["Neden", escape.text(crisis.get("reason")) if crisis.get("reason") else "—"],
    ]
    return [*lines, "!!! danger \"Kriz modu açık\"", "",
            "    Bu andan sonraya planlanmış, `crisis: true` olmayan onaylı ve zamanlanmış gönderiler "
            "bekletilir (`crisis.paused`).", "", escape.table(("Alan", "Değer"), rows)]


def _members_with(brand: Brand, roles: Iterable[str]) -> str:
    wanted = set(roles)
    names = [escape.text(m.get("name") or mid) for mid, m in brand.members.items()
             if isinstance(m, dict) and wanted & set(m.get("roles") or [])]
    return ", ".join(names) or "—"


def _roles(roles: Iterable[str]) -> str:
    return ", ".join(f"{escape.text(labels.ROLES.get(r, r))} ({escape.code(r)})" for r in roles) or "—"


def _approvals(brand: Brand) -> list[str]:
    lines = ["## Onay kuralları", ""]
    policy = brand.approvals
    if not policy:
        return [*lines, "`brand.yml` onay kuralı tanımlamıyor.", ""]
    rows = []
    for status, need in policy.items():
        roles = list(need.get("roles") or []) if isinstance(need, dict) else []
        count = need.get("count", 1) if isinstance(need, dict) else 1
        rows.append([f"{escape.text(labels.status(status))} ({escape.code(status)})", str(count), _roles(roles),
                     _members_with(brand, roles)])
    return [*lines, "Bir gönderi bu durumlara geçmeden önce `approvals` listesinde şu onaylar bulunmalı. "
            "Yazar kendi gönderisini onaylayamaz (`workflow.approval`).", "",
            escape.table(("Durum", "Onay sayısı", "Onaylayan roller", "Bu rollerdeki kişiler"), rows)]


def _rules(brand: Brand) -> list[str]:
    rules = [r for r in brand.rules if r.header.kind != "sensitive"]
    lines = ["## Üslup kuralları", ""]
    if not rules:
        return [*lines, "Tanımlı kural yok.", ""]
    lines += ["Kural kimliği `<dosya>.<kural>` biçimindedir; bir gönderide susturmak için "
              "`<!-- ekip-disable KURAL: gerekçe -->` yazılır.", ""]
    for prefix, group in groupby(rules, key=lambda r: r.id.split(".", 1)[0]):
        if prefix in brand.packs:
            lines += [f"### {escape.text(prefix)} (yerleşik paket)", ""]
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
        ["Tür", f"{escape.text(labels.KINDS.get(h.kind, h.kind))} ({escape.code(h.kind)})"],
        ["Düzey", f"{escape.text(labels.LEVELS.get(h.level, h.level))} ({escape.code(h.level)})"],
        ["Mesaj", escape.text(h.message)],
    ]
    described = rule.describe()
    if described:
        rows.append(["Ne arar", escape.text(described)])
    if h.lang:
        rows.append(["Diller", escape.text(", ".join(sorted(h.lang)))])
    if h.platforms:
        rows.append(["Platformlar", escape.text(", ".join(sorted(h.platforms)))])
    lines.append(escape.table(("Alan", "Değer"), rows))
    bad, good = h.examples.get("bad") or [], h.examples.get("good") or []
    if bad or good:
        pairs = zip_longest(bad, good, fillvalue=None)
        lines.append(escape.table(("✗ Yanlış (kurala takılır)", "✓ Doğru (takılmaz)"),
                                  ([escape.text(b) if b is not None else "", escape.text(g) if g is not None else ""]
                                   for b, g in pairs)))
    return lines


def _sensitive(brand: Brand) -> list[str]:
    lines = ["## Hassas konular", ""]
    if not brand.sensitive:
        return [*lines, "`sensitive.yml` hassas konu tanımlamıyor.", ""]
    lines += ["Bir konunun terimi metinde geçerse `sensitive.<konu>` bulgusu verilir. "
              "*Engelle*: her zaman hata, metin değişmeli. *Onay gerekir*: gönderi konuyu `topics` "
              "listesinde bildirip aşağıdaki rollerden birinin (yazar dışında) onayını alana kadar hata. "
              "*Uyar*: uyarı.", ""]
    rows = []
    for topic in brand.sensitive:
        rule = brand.rule(f"sensitive.{topic['id']}")
        approvers = list(topic.get("approvers") or [])
        rows.append([
            anchored(f"sensitive.{topic['id']}"),
            escape.text(topic.get("name") or topic["id"]),
            escape.text(labels.ACTIONS.get(topic.get("action", ""), topic.get("action", ""))),
            escape.text(labels.LEVELS.get(rule.level, rule.level)) if rule else "—",
            escape.text(", ".join(map(str, topic.get("terms") or []))),
            _roles(approvers) if approvers else "—",
            _members_with(brand, approvers) if approvers else "—",
        ])
    return [*lines, escape.table(("Kural", "Konu", "Eylem", "Düzey", "Terimler", "Onaylayan roller",
                                  "Onaylayabilecek kişiler"), rows)]


def _platforms(brand: Brand) -> list[str]:
    rows = []
    for p in brand.platforms.values():
        how = _(COUNTINGS.get(p.counting, p.counting))
        if p.url_length:
            how += f"; her bağlantı {p.url_length}"
        rows.append([
            escape.text(p.name), escape.code(p.id), str(p.max_length), escape.text(how),
            _opt(p.max_hashtags), "evet" if p.needs_media else "hayır", _opt(p.max_alt_text), _opt(p.max_links),
        ])
    return ["## Platformlar", "",
            "Yerleşik tablo; `brand/platforms.yml` alan alan değiştirebilir. Uzunluk her platformun kendi "
            "yöntemiyle sayılır (`platform.length`).", "",
            escape.table(("Platform", "Kimlik", "En fazla uzunluk", "Nasıl sayılır", "En fazla etiket",
                          "Görsel gerekli", "Alt metin sınırı", "En fazla bağlantı"), rows)]


def _opt(value: int | None) -> str:
    return "—" if value is None else str(value)


def _team(brand: Brand) -> list[str]:
    lines = ["## Ekip ve roller", ""]
    if not brand.members:
        return [*lines, "`team.yml` ekip üyesi tanımlamıyor.", ""]
    rows = [[escape.text(m.get("name") or mid) if isinstance(m, dict) else escape.text(mid), escape.code(mid),
             _roles(m.get("roles") or []) if isinstance(m, dict) else "—"]
            for mid, m in brand.members.items()]
    lines += ["Gönderilerde `author` ve `approvals[].by` alanlarına kimlik yazılır.", "",
              escape.table(("Kişi", "Kimlik", "Roller"), rows)]
    return lines


def _calendar(brand: Brand) -> list[str]:
    cal: dict[str, Any] = brand.calendar or {}
    lines = ["## Takvim kuralları", "", "### Sessiz dönemler", ""]
    periods = cal.get("quiet_periods") or []
    if periods:
        lines += ["Bu aralıklara planlanan her gönderi işaretlenir (`calendar.quiet-period`); "
                  "`crisis: true` gönderiler hariç.", ""]
        rows = [[escape.code(q.get("id", "")), escape.text(q.get("name") or ""), _time(brand, q.get("start")),
                 _time(brand, q.get("end")), "evet" if q.get("yearly") else "hayır"] for q in periods]
        lines.append(escape.table(("Kimlik", "Ad", "Başlangıç", "Bitiş", "Her yıl"), rows))
    else:
        lines += ["Tanımlı sessiz dönem yok.", ""]
    limits: dict[str, Any] = cal.get("daily_limit") or {}
    gaps: dict[str, Any] = cal.get("min_gap_minutes") or {}
    if limits or gaps:
        ids = list(dict.fromkeys([*limits, *gaps]))
        rows = [[escape.text(brand.platforms[p].name if p in brand.platforms else p), _opt(limits.get(p)),
                 _opt(gaps.get(p))] for p in ids]
        lines += ["### Günlük sınırlar ve aralıklar", "",
                  "Marka saatine göre bir günde en fazla gönderi (`calendar.daily-limit`) ve aynı platformda "
                  "iki gönderi arasındaki en kısa süre (`calendar.gap`).", "",
                  escape.table(("Platform", "Günde en fazla", "En az aralık (dakika)"), rows)]
    return lines


def _time(brand: Brand, value: object) -> str:
    t = parse(value, brand.timezone)
    return escape.text(labels.date_time(t.astimezone(brand.timezone))) if t else escape.text(value or "—")


def _links(brand: Brand) -> list[str]:
    domains = ", ".join(escape.code(d) for d in brand.utm_domains) or "—"
    tags = ", ".join(escape.code(t) for t in brand.disclosure_tags) or "—"
    return ["## Bağlantılar ve iş birliği etiketleri", "",
            escape.table(("Kural", "Değer"), [
                ["UTM zorunlu alan adları (`links.utm`)", domains],
                ["İş birliği etiketleri (`disclosure`)", tags],
                ["Varsayılan dil", escape.code(brand.default_lang)],
                ["Saat dilimi", escape.code(brand.timezone.key)],
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
        levels = " / ".join(labels.LEVELS[lv] for lv in entry.levels) if entry else ""
        rows.append([anchored(rule_id), escape.text(levels), text])
    return ["## Yerleşik denetimler", "",
            "Kimlikleri sabit denetimler; her gönderiye uygulanır.", "",
            escape.table(("Kural", "Düzey", "Ne zaman"), rows)]
