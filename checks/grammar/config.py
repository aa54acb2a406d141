"""Grammar settings: where the LanguageTool server is, which languages go to it, which rules
are off, and the brand vocabulary that is never a spelling mistake."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checks.text.turkish import fold_loose

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.post import Post

ENV_URL = "EKIP_LANGUAGETOOL_URL"
DEFAULT_PORT = 8081  # what `scripts/languagetool start` listens on
DEFAULT_LANGUAGES = ("en",)
# A bare language code gets this variant: LanguageTool spell-checks only a variant.
DEFAULT_VARIANTS = {"en": "en-US", "de": "de-DE", "pt": "pt-PT", "ca": "ca-ES", "nl": "nl-NL"}
NO_LANGUAGETOOL = frozenset({"tr"})  # LanguageTool has no Turkish: the tr-yazim pack covers it

_WORD = re.compile(r"[^\W_]+")
_CAMEL = re.compile(r"[A-ZÇĞİÖŞÜ]+(?=[A-ZÇĞİÖŞÜ][a-zçğıöşü])|[A-ZÇĞİÖŞÜ]?[a-zçğıöşü]+|[A-ZÇĞİÖŞÜ]+|\d+")


def canonical(code: str) -> str:
    """``EN_gb`` -> ``en-GB``; ``en`` stays ``en``."""
    parts = code.replace("_", "-").split("-")
    return "-".join([parts[0].lower(), *(p.upper() if len(p) == 2 else p for p in parts[1:])])


def server_url(brand: Brand) -> tuple[str, str]:
    """(root URL of the LanguageTool server, where it came from). EKIP_LANGUAGETOOL_URL
    overrides brand.yml ``grammar.server``; without either, ``http://localhost:$LT_PORT``
    (LT_PORT defaults to 8081, the port ``scripts/languagetool start`` uses)."""
    env = os.environ.get(ENV_URL, "").strip()
    if env:
        return normalize_url(env), ENV_URL
    configured = brand.grammar.get("server")
    if isinstance(configured, str) and configured.strip():
        return normalize_url(configured.strip()), "brand.yml grammar.server"
    port = os.environ.get("LT_PORT", "").strip()
    port = port if port.isdigit() else str(DEFAULT_PORT)
    return f"http://localhost:{port}", "default"


def normalize_url(url: str) -> str:
    """The server's root URL: a scheme is added when missing, a trailing ``/v2`` dropped."""
    if "://" not in url:
        url = "http://" + url
    url = url.rstrip("/")
    if url.endswith("/v2"):
        url = url[:-3]
    return url


def vocabulary_words(text: str) -> set[str]:
    """Folded words of a name, slug or hashtag, whole and split at CamelCase and hyphens."""
    words: set[str] = set()
    for word in _WORD.findall(text):
        words.add(fold_loose(word))
        words.update(fold_loose(part) for part in _CAMEL.findall(word))
    return words


@dataclass
class GrammarConfig:
    server: str
    server_source: str
    languages: list[str]  # canonical codes as configured (en, en-GB, ...)
    disabled_rules: frozenset[str]
    vocabulary: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_brand(cls, brand: Brand) -> GrammarConfig:
        g = brand.grammar
        languages = g.get("languages")
        if not isinstance(languages, list):
            languages = list(DEFAULT_LANGUAGES)
        disabled = g.get("disabled_rules") or []
        url, source = server_url(brand)
        return cls(
            server=url,
            server_source=source,
            languages=[canonical(x) for x in languages if isinstance(x, str) and x.strip()],
            disabled_rules=frozenset(r.removeprefix("grammar.") for r in disabled if isinstance(r, str)),
            vocabulary=frozenset(brand_vocabulary(brand)),
        )

    def language_for(self, lang: str) -> str | None:
        """The LanguageTool language code for a post language, or None when the post's
        language is not one of ``grammar.languages`` (or is Turkish)."""
        lang = canonical(lang) if lang else ""
        base = lang.split("-")[0]
        if not base or base in NO_LANGUAGETOOL:
            return None
        for entry in self.languages:
            if entry == lang:
                return DEFAULT_VARIANTS.get(entry, entry)
        for entry in self.languages:
            if entry.split("-")[0] == base:
                # the post names a variant (en-GB): it wins over the brand's bare code
                if "-" in lang and "-" not in entry:
                    return lang
                return DEFAULT_VARIANTS.get(entry, entry)
        return None


def brand_vocabulary(brand: Brand) -> set[str]:
    """Brand name, casing-rule names, team member ids and names, campaign ids and hashtags,
    disclosure tags: words LanguageTool's spell checker does not know and must not report."""
    texts: list[str] = [brand.name]
    for rule in brand.rules:
        if rule.header.kind == "casing":
            texts.extend(str(e.value) for e in rule.entries)
    for member_id, member in brand.members.items():
        texts.append(str(member_id))
        if isinstance(member, dict) and isinstance(member.get("name"), str):
            texts.append(member["name"])
    hashtags: Any = brand.config.get("hashtags") or {}
    campaigns = hashtags.get("campaigns") if isinstance(hashtags, dict) else None
    if isinstance(campaigns, dict):
        for cid, tags in campaigns.items():
            texts.append(str(cid))
            if isinstance(tags, list):
                texts.extend(str(t) for t in tags)
    texts.extend(brand.disclosure_tags)
    words: set[str] = set()
    for t in texts:
        words |= vocabulary_words(t)
    return words


def post_vocabulary(post: Post) -> set[str]:
    """The post's own campaign, hashtags and mentions."""
    words: set[str] = set()
    campaign = post.front.get("campaign")
    if isinstance(campaign, str):
        words |= vocabulary_words(campaign)
    body = post.body
    for kind in ("hashtag", "mention"):
        for s, e in post.spans(kind):
            words |= vocabulary_words(body[s:e])
    return words
