"""``pii`` (error, info): personal data in the published text (KVKK, the Turkish data protection law 6698).

Error-level findings for:

* a valid T.C. kimlik numarası: 11 digits, the first not 0, d10 = ((d1+d3+d5+d7+d9)×7 −
  (d2+d4+d6+d8)) mod 10 and d11 = (d1+…+d10) mod 10; other 11-digit numbers are left alone;
* a valid TR IBAN: ``TR`` and 24 digits (spaces or dashes allowed between them), ISO 13616
  mod-97 check equal to 1; an IBAN with a wrong check digit is not flagged;
* a Turkish phone number: mobile (``5xx``) or landline (a real area code: 212, 216, 312, …) with
  ``+90``, ``0090``, ``0`` or a parenthesised area code before it, grouped with spaces, dots,
  dashes or nothing (``+90 532 123 45 67``, ``0 (212) 555-12-12``, ``05321234567``), and a mobile
  number grouped ``5xx xxx xx xx`` without a prefix. Service numbers (0850, 0800, 444 …) belong to
  companies and are not flagged;
* an e-mail address of a person. The brand's own role addresses (``info@``, ``destek@``,
  ``iletisim@`` … at one of brand.yml ``utm_domains`` or a subdomain) are not a person's.

Numbers and addresses are looked for in ``post.masked``: never inside URLs, @mentions, code or
HTML comments. brand.yml ``pii.allow`` lists what the brand publishes on purpose (a store's
landline, a donation IBAN, a press contact); numbers compare by their digits, addresses
case-insensitively. A post with ``pii_consent: <reference>`` in its front matter (a non-empty
string: where the person's explicit consent is filed) gets its findings at info level.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checks.builtin.links import brand_domains
from checks.finding import Finding, Level

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

IDS = ("pii",)

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

_TCKN = re.compile(r"(?<![\d])(?<!\d[.,])[1-9]\d{10}(?![\d])(?![.,]\d)")
_IBAN = re.compile(r"(?<![A-Za-z0-9])[Tt][Rr](?:[ \t\u00a0-]?\d){24}(?![\d])")
_PHONE = re.compile(
    r"(?<![\w+])"
    r"(?P<prefix>(?:\+|00)\s?90[ \t\u00a0.\-]*|0[ \t\u00a0.\-]*)?"
    r"(?P<open>\(\s*0?\s*)?(?P<area>[2-5]\d\d)(?(open)\s*\))"
    r"(?P<rest>[ \t\u00a0.\-]*\d{3}[ \t\u00a0.\-]*\d{2}[ \t\u00a0.\-]*\d{2})"
    r"(?![\d])(?![.,]\d)"
)
_DIGITS = re.compile(r"\D")
# Everything this check flags holds ten digits or more: look closer only where seven stand together.
_HINT = re.compile(r"\d(?:[ \t\u00a0.\-()]{0,2}\d){6}")


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
    """'cep' (mobile), 'sabit' (landline) or None for a phone-shaped match that is neither."""
    area = m.group("area")
    prefixed = bool(m.group("prefix") or m.group("open"))
    if area[0] == "5":
        grouped = bool(re.search(r"\d[ \t\u00a0.\-]+\d", m.group("rest")))
        return "cep" if prefixed or grouped else None
    if area in AREA_CODES and prefixed:
        return "sabit"
    return None


def _allow(ctx: Context) -> tuple[set[str], set[str]]:
    """brand.yml ``pii.allow``: (digit strings, lowercase e-mail addresses)."""
    conf = ctx.brand.config.get("pii")
    raw = conf.get("allow") if isinstance(conf, dict) else None
    numbers: set[str] = set()
    addresses: set[str] = set()
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, str):
            continue
        if "@" in item:
            addresses.add(item.strip().lower())
        else:
            digits = _DIGITS.sub("", item)
            if digits:
                numbers.add(digits[-10:])
    return numbers, addresses


def _masked_value(s: str) -> str:
    """Show a number without repeating it whole: first 3 and last 2 characters."""
    compact = re.sub(r"\s", "", s)
    return compact[:3] + "*" * max(len(compact) - 5, 3) + compact[-2:] if len(compact) > 6 else "***"


def _person_address(address: str, domains: list[str]) -> bool:
    local, _, domain = address.lower().rpartition("@")
    local = local.split("+", 1)[0]
    own = any(domain == d or domain.endswith("." + d) for d in domains)
    return not (own and local in ROLE_MAILBOXES)


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    masked = post.masked
    emails = post.spans("email")
    numbers = _HINT.search(masked) is not None
    if not emails and not numbers:
        return
    consent = post.front.get("pii_consent")
    consent = consent.strip() if isinstance(consent, str) else ""
    level: Level = "info" if consent else "error"
    tail = (f" Açık rıza kaydı: {consent}." if consent else
            " Kişisel veridir (KVKK): yayımlamayın ya da kişinin açık rızasını alıp ön bilgiye "
            "`pii_consent: <rıza kaydı>` yazın.")
    allow_numbers, allow_addresses = _allow(ctx)
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    def allowed(text: str) -> bool:
        return _DIGITS.sub("", text)[-10:] in allow_numbers

    def found(s: int, e: int, what: str) -> Finding:
        taken.append((s, e))
        return post.body_finding("pii", level, f"Metinde {what} var.{tail}", s, e)

    for m in _IBAN.finditer(masked) if numbers else ():
        if iban_valid(m.group()) and not allowed(m.group()):
            yield found(m.start(), m.end(), f"geçerli bir TR IBAN ({_masked_value(m.group())})")
    for m in _TCKN.finditer(masked) if numbers else ():
        if free(*m.span()) and tckn_valid(m.group()) and not allowed(m.group()):
            yield found(m.start(), m.end(), f"geçerli bir T.C. kimlik numarası ({_masked_value(m.group())})")
    for m in _PHONE.finditer(masked) if numbers else ():
        kind = phone_kind(m)
        if kind and free(*m.span()) and not allowed(m.group()):
            what = "bir cep telefonu numarası" if kind == "cep" else "bir sabit telefon numarası"
            yield found(m.start(), m.end(), f"{what} ({_masked_value(m.group())})")
    domains = brand_domains(ctx.brand.utm_domains)
    body = post.body
    for s, e in emails:
        address = body[s:e]
        if address.lower() in allow_addresses or not _person_address(address, domains):
            continue
        yield found(s, e, f"bir kişinin e-posta adresi ({address})")
