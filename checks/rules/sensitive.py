"""``sensitive.<topic id>`` (error, warning): a sensitive topic (brand/sensitive.yml) found in a post.

Terms match like ban terms (Turkish-aware, with suffixes). The topic's action decides:
``block`` is always an error; ``approval`` is an error until a member holding one of the
topic's ``approvers`` roles (not the author) approved the post; ``warn`` is a warning, unless
the author declared the topic in the post's ``topics``.

A rule kind whose rules come from a brand file of their own (``FILE``), not from rule files:
``rules(brand)`` builds one rule a topic (``checks.rules.register`` keeps it in ``FILE_KINDS``,
so ``kind: sensitive`` in a rule file stays an unknown kind).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checks.finding import Finding
from checks.i18n import N_, _
from checks.rules.base import Header, Rule, render
from checks.text.matcher import Hit, TermEntry
from checks.text.segments import Segment

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.context import Context
    from checks.post import Post

IDS = ("sensitive.*",)
KIND = "sensitive"
FILE = "sensitive.yml"  # brand/sensitive.yml: topics, validated by checks.brand.schemas.SENSITIVE

# The default messages are Ekip's (translated when a finding is made); a topic's own ``message``
# is the team's text and stays as written.
_MESSAGES = {
    "block": N_("'{match}' is a sensitive topic: {topic}. The brand does not post on this topic."),
    "approval": N_("'{match}' is a sensitive topic: {topic}. It needs an approval from the {approvers} role "
                   "before publishing."),
    "warn": N_("'{match}' is a sensitive topic: {topic}. Review the wording and the timing once more."),
}


def approved_by_role(post: Post, brand: Brand, roles: list[str]) -> bool:
    """One approval by a member (other than the author) who holds one of ``roles``."""
    approvals = post.front.get("approvals")
    if not isinstance(approvals, list):
        return False
    author = post.front.get("author")
    for approval in approvals:
        if not isinstance(approval, dict):
            continue
        by = approval.get("by")
        if isinstance(by, str) and by != author and set(brand.roles_of(by)) & set(roles):
            return True
    return False


@dataclass(eq=False)
class SensitiveTopic(Rule):
    topic: dict[str, Any] = field(default_factory=dict)

    def on_hit(self, post: Post, hit: Hit, segment: Segment, ctx: Context) -> Finding | None:
        action = self.topic["action"]
        topics = post.front.get("topics")
        declared = isinstance(topics, list) and self.topic["id"] in topics
        approvers = list(self.topic.get("approvers") or [])
        if action == "approval" and approved_by_role(post, ctx.brand, approvers):
            return None
        if action == "warn" and declared:
            return None
        start, end = segment.to_body(hit.start), segment.to_body(hit.end)
        values = {"match": post.body[start:end], "topic": self.topic.get("name") or self.topic["id"],
                  "approvers": ", ".join(approvers) or _("authorised")}
        return self.finding(post, start, end, render(self.header.text(), values))

    def describe(self) -> str:
        return ", ".join(e.term for e in self.entries)


def rules(brand: Brand) -> list[Rule]:
    """One rule a topic of ``brand/sensitive.yml``, in the file's order."""
    out: list[Rule] = []
    lines = brand.sensitive_lines or [0] * len(brand.sensitive)
    for topic, line in zip(brand.sensitive, lines, strict=False):
        action = topic["action"]
        header = Header(
            id=f"sensitive.{topic['id']}",
            kind=KIND,
            level="warning" if action == "warn" else "error",
            message=topic.get("message") or _MESSAGES[action],
            translated=not topic.get("message"),
            lang=frozenset(topic["lang"]) if topic.get("lang") else None,
            platforms=None,
            examples={},
            origin="brand/sensitive.yml",
            line=line,
        )
        rule = SensitiveTopic(header, topic=topic)
        rule.entries = [TermEntry(t, rule) for t in topic["terms"]]
        out.append(rule)
    return out
