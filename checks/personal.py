"""Personal data: finding it in a text and masking it. The one place that knows what personal
data looks like and how it is shown; used by the ``pii`` check (which reports it), by the run
(every finding's message, match and suggestions are masked before any report or page sees
them: ``mask_findings``) and by the site (titles, texts, campaigns, the iCalendar feed).

What counts (KVKK, the Turkish data protection law, no. 6698):

* a valid T.C. kimlik numarası: 11 digits, the first not 0, d10 = ((d1+d3+d5+d7+d9)×7 −
  (d2+d4+d6+d8)) mod 10 and d11 = (d1+…+d10) mod 10; other 11-digit numbers are left alone;
* a valid TR IBAN: ``TR`` and 24 digits (spaces or dashes allowed between them), ISO 13616
  mod-97 check equal to 1; an IBAN with a wrong check digit is not personal data here;
* a Turkish phone number: mobile (``5xx``) or landline (a real area code: 212, 216, 312, …) with
  ``+90``, ``0090``, ``0`` or a parenthesised area code before it, grouped with spaces, dots,
  dashes or nothing (``+90 532 123 45 67``, ``0 (212) 555-12-12``, ``05321234567``), and a mobile
  number grouped ``5xx xxx xx xx`` without a prefix. Service numbers (0850, 0800, 444 …) belong to
  companies and are not personal;
* an e-mail address of a person. The brand's own role addresses (``info@``, ``destek@``,
  ``iletisim@`` … at one of brand.yml ``utm_domains`` or a subdomain) are not a person's.

brand.yml ``pii.allow`` lists what the brand publishes on purpose (a store's landline, a
donation IBAN, a press contact): numbers compare by their last ten digits, addresses
case-insensitively; what it lists is neither reported nor masked (``Policy``).

How it is masked (``mask``): a number keeps its first three and last two characters (spaces
dropped): ``+90 532 123 45 67`` → ``+90********67``; an e-mail address keeps the first character
of its local part and of its domain, and the domain's last label: ``ayse.yilmaz@gmail.com`` →
``a***@g***.com``. Enough for the writer to find it in the post, not enough to use it.

Where the check looks only at the post's text outside URLs, code and comments (``post.masked``),
masking (``redact``) looks everywhere in the string it is given: a number inside a link on a
preview page is masked too. Whatever is masked is found first by a cheap test (an ``@`` or seven
digits close together), so strings without personal data cost one regex search.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from checks import hosts
from checks.i18n import N_
from checks.memo import remember

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.finding import Finding

# Landline area codes (Türk Telekom numbering plan; 392 is Northern Cyprus, dialled with +90).
AREA_CODES = frozenset({
    "212", "216", "222", "224", "226", "228", "232", "236", "242", "246", "248", "252", "256",
    "258", "262", "264", "266", "272", "274", "276", "282", "284", "286", "288", "312", "318",
    "322", "324", "326", "328", "332", "338", "342", "344", "346", "348", "352", "354", "356",
    "358", "362", "364", "366", "368", "370", "372", "374", "376", "378", "380", "382", "384",
    "386", "388", "392", "412", "414", "416", "422", "424", "426", "428", "432", "434", "436",
    "438", "442", "446", "452", "454", "456", "458", "462", "464", "466", "472", "474", "476",
    "478", "482", "484", "486", "488"
})
# Local parts of shared (role) mailboxes: at the brand's own domains these are not a person's.
ROLE_MAILBOXES = frozenset({
    "info", "bilgi", "destek", "iletisim", "iletişim", "musteri", "müşteri", "musterihizmetleri",
    "hizmet", "yardim", "yardım", "support", "help", "contact", "hello", "merhaba", "basin",
    "basın", "press", "medya", "media", "pr", "kvkk", "privacy", "gizlilik", "kariyer", "ik", "hr",
    "careers", "jobs", "insankaynaklari", "satis", "satış", "sales", "siparis", "sipariş", "order",
    "orders", "iade", "returns", "magaza", "mağaza", "store", "fatura", "muhasebe", "finance",
    "noreply", "no-reply", "webmaster", "admin", "sosyal", "social", "sosyalmedya", "marketing",
    "pazarlama", "reklam", "ads", "sikayet", "şikayet", "oneri", "öneri"
})

# The e-mail address as the post's masks see it (``checks.post`` builds its link pattern from it).
EMAIL_PATTERN = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
EMAIL = re.compile(EMAIL_PATTERN)
TCKN = re.compile(r"(?<![\d])(?<!\d[.,])[1-9]\d{10}(?![\d])(?![.,]\d)")
IBAN = re.compile(r"(?<![A-Za-z0-9])[Tt][Rr](?:[ \t\u00a0-]?\d){24}(?![\d])")
PHONE = re.compile(
    r"(?<![\w+])"
    r"(?P<prefix>(?:\+|00)\s?90[ \t\u00a0.\-]*+|0[ \t\u00a0.\-]*+)?"
    r"(?P<open>\(\s*+(?:0\s*+)?)?(?P<area>[2-5]\d\d)(?(open)\s*+\))"
    r"(?P<rest>[ \t\u00a0.\-]*+\d{3}[ \t\u00a0.\-]*+\d{2}[ \t\u00a0.\-]*+\d{2})"
    r"(?![\d])(?![.,]\d)"
)
_DIGITS = re.compile(r"\D")
_SPACE = re.compile(r"\s")
_GROUPED = re.compile(r"\d[ \t\u00a0.\-]+\d")
# Every number here holds ten digits or more: look closer only where seven stand together.
HINT = re.compile(r"\d(?:[ \t\u00a0.\-()]{0,2}\d){6}")
# The same cheap test for any string: seven digits close together, or an '@'.
_ANY_HINT = re.compile(HINT.pattern + "|@")

KIND_TEXT = {  # marked for the catalogs; translated with ``_`` where a finding shows it
    "iban": N_("a valid TR IBAN"),
    "tckn": N_("a valid T.C. identity number"),
    "cep": N_("a mobile phone number"),
    "sabit": N_("a landline phone number"),
    "email": N_("a person's e-mail address"),
}


class Item(NamedTuple):
    """Personal data found at ``start:end`` of a text; ``kind`` is a key of ``KIND_TEXT``."""

    start: int
    end: int
    kind: str
    value: str


def tckn_valid(number: str) -> bool:
    """True for a T.C. kimlik numarası that passes both check digits."""
    if len(number) != 11 or not number.isdigit() or number[0] == "0":
        return False
    d = [int(c) for c in number]
    if ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10 != d[9]:
        return False
    return sum(d[:10]) % 10 == d[10]


def iban_valid(iban: str) -> bool:
    """ISO 13616: the IBAN with its first four characters moved to the end, letters as numbers
    (A=10 … Z=35), is 1 modulo 97."""
    compact = re.sub(r"[\s\-]", "", iban).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def phone_kind(m: re.Match[str]) -> str | None:
    """'cep' (mobile), 'sabit' (landline) or None for a ``PHONE`` match that is neither."""
    area = m.group("area")
    prefixed = bool(m.group("prefix") or m.group("open"))
    if area[0] == "5":
        return "cep" if prefixed or _GROUPED.search(m.group("rest")) else None
    if area in AREA_CODES and prefixed:
        return "sabit"
    return None


def mask(value: str, star: str = "*") -> str:
    """``value`` shown without being repeated: see the module docstring. ``star`` is what
    stands for a hidden character (``\\*`` in Markdown, where ``*`` is emphasis)."""
    if "@" in value:
        local, _, domain = value.rpartition("@")
        labels = domain.split(".")
        tail = "." + labels[-1] if len(labels) > 1 else ""
        return f"{local[:1]}{star * 3}@{domain[:1]}{star * 3}{tail}"
    compact = _SPACE.sub("", value)
    if len(compact) <= 6:
        return star * 3
    return compact[:3] + star * max(len(compact) - 5, 3) + compact[-2:]


class Policy:
    """What is not a person's data for one brand: ``pii.allow`` and the brand's role mailboxes.
    (A plain class: a dataclass costs more to create at start-up than this module's patterns.)"""

    __slots__ = ("addresses", "domains", "numbers")

    def __init__(self, numbers: frozenset[str] = frozenset(), addresses: frozenset[str] = frozenset(),
                 domains: tuple[str, ...] = ()) -> None:
        self.numbers = numbers  # last ten digits
        self.addresses = addresses  # lowercase
        self.domains = domains  # the brand's own domains (bare host names)

    def allows_number(self, text: str) -> bool:
        return bool(self.numbers) and _DIGITS.sub("", text)[-10:] in self.numbers

    def allows_address(self, address: str) -> bool:
        lowered = address.lower()
        if lowered in self.addresses:
            return True
        local, _, domain = lowered.rpartition("@")
        local = local.split("+", 1)[0]
        own = any(domain == d or domain.endswith("." + d) for d in self.domains)
        return own and local in ROLE_MAILBOXES


NO_POLICY = Policy()
_POLICIES: dict[int, tuple[Any, Policy]] = {}


def policy(brand: Brand | None) -> Policy:
    """The brand's policy (kept per brand object), or ``NO_POLICY`` without a brand."""
    if brand is None:
        return NO_POLICY
    kept = _POLICIES.get(id(brand))
    if kept is not None and kept[0] is brand:
        return kept[1]
    conf = brand.config.get("pii")
    raw = conf.get("allow") if isinstance(conf, dict) else None
    numbers: set[str] = set()
    addresses: set[str] = set()
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, str):
            continue
        if "@" in item:
            addresses.add(item.strip().lower())
        elif digits := _DIGITS.sub("", item):
            numbers.add(digits[-10:])
    made = Policy(frozenset(numbers), frozenset(addresses), tuple(hosts.brand_domains(brand.utm_domains)))
    _POLICIES.clear()  # one brand per run; never more than one kept
    _POLICIES[id(brand)] = (brand, made)
    return made


def find_numbers(text: str, rules: Policy = NO_POLICY) -> Iterator[Item]:
    """IBANs, T.C. kimlik numbers and phone numbers in ``text``, in that order, none overlapping
    one found before it; what ``rules`` allows is left out."""
    if HINT.search(text) is None:
        return
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    for m in IBAN.finditer(text):
        if iban_valid(m.group()) and not rules.allows_number(m.group()):
            taken.append(m.span())
            yield Item(m.start(), m.end(), "iban", m.group())
    for m in TCKN.finditer(text):
        if free(*m.span()) and tckn_valid(m.group()) and not rules.allows_number(m.group()):
            taken.append(m.span())
            yield Item(m.start(), m.end(), "tckn", m.group())
    for m in PHONE.finditer(text):
        kind = phone_kind(m)
        if kind and free(*m.span()) and not rules.allows_number(m.group()):
            yield Item(m.start(), m.end(), kind, m.group())


def find_addresses(text: str, spans: Iterable[tuple[int, int]] | None = None,
                   rules: Policy = NO_POLICY) -> Iterator[Item]:
    """People's e-mail addresses in ``text`` (at ``spans`` when given: where the caller found
    addresses already)."""
    if spans is None:
        spans = [m.span() for m in EMAIL.finditer(text)] if "@" in text else []
    for s, e in spans:
        address = text[s:e]
        if not rules.allows_address(address):
            yield Item(s, e, "email", address)


def find(text: str, rules: Policy = NO_POLICY) -> list[Item]:
    """All personal data in ``text``, by position (addresses first where they overlap a number)."""
    if _ANY_HINT.search(text) is None:
        return []
    items = list(find_addresses(text, rules=rules))
    for item in find_numbers(text, rules):
        if all(item.end <= a.start or item.start >= a.end for a in items):
            items.append(item)
    items.sort()
    return items


def redact(text: str, rules: Policy = NO_POLICY, star: str = "*") -> str:
    """``text`` with every piece of personal data in it masked (``star`` as in ``mask``)."""
    if not text or _ANY_HINT.search(text) is None:
        return text
    items = find(text, rules)
    if not items:
        return text
    out: list[str] = []
    pos = 0
    for item in items:
        out += (text[pos:item.start], mask(item.value, star))
        pos = item.end
    out.append(text[pos:])
    return "".join(out)


def redact_value(value: Any, rules: Policy = NO_POLICY) -> Any:
    """A front-matter value with every string in it (keys too) masked."""
    if isinstance(value, str):
        return redact(value, rules)
    if isinstance(value, list):
        return [redact_value(v, rules) for v in value]
    if isinstance(value, dict):
        return {redact_value(k, rules): redact_value(v, rules) for k, v in value.items()}
    return value


def _holds_hint(text: str) -> bool:
    """Whether ``text`` might hold personal data; remembered per string, since findings repeat
    the same messages and matches thousands of times (a dict lookup costs a tenth of the search)."""
    known = _HINTED.get(text)
    if known is None:
        known = remember(_HINTED, text, _ANY_HINT.search(text) is not None, 20_000)
    return known


_HINTED: dict[str, bool] = {}


def mask_findings(findings: list[Finding], rules: Policy = NO_POLICY) -> list[Finding]:
    """The findings with personal data masked in message, match and suggestions, in place of
    those that held some (the rest are the same objects). Runs on every finding of a run."""
    known = _HINTED.get  # inlined: a function call per string would cost as much as the lookup
    for i, f in enumerate(findings):
        suggestions = f.suggestions
        message_hint = known(f.message)
        match_hint = known(f.match)
        if message_hint is False and match_hint is False and not suggestions:
            continue
        if not ((message_hint or (message_hint is None and _holds_hint(f.message)))
                or (match_hint or (match_hint is None and _holds_hint(f.match)))
                or any(_holds_hint(s) for s in suggestions)):
            continue
        message, match = redact(f.message, rules), redact(f.match, rules)
        masked = [redact(s, rules) for s in suggestions]
        if (message, match, masked) != (f.message, f.match, suggestions):
            findings[i] = replace(f, message=message, match=match, suggestions=masked)
    return findings
