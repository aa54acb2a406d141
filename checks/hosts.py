"""The brand's own host names, as ``utm_domains`` in brand.yml lists them: the links check asks
for UTM parameters on links to them, and personal-data masking lets the brand's own addresses
stand (``checks.personal.policy``)."""

from __future__ import annotations


def brand_domains(raw: list[str]) -> list[str]:
    """``utm_domains`` as bare lowercase host names (a scheme, path or ``www.`` written there is dropped)."""
    out = []
    for d in raw:
        if not isinstance(d, str):
            continue
        d = d.strip().lower()
        d = d.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].strip(".")
        d = d.removeprefix("*.").removeprefix("www.")
        if d:
            out.append(d)
    return out
