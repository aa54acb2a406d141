"""The brand: everything in ``brand/``, loaded, validated and compiled once per run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from checks.brand.platforms import Platform
from checks.memo import remember
from checks.text.matcher import TermMatcher

if TYPE_CHECKING:
    from checks.rules.base import Rule


@dataclass(frozen=True, slots=True)
class RulePlan:
    rules: list[Rule]  # the rules that apply
    active: frozenset[Rule]  # the same, for asking whether a matcher hit's owner applies
    checkers: list[Rule]  # those that also look at the post themselves (``check``)


@dataclass
class Brand:
    root: Path  # the repository root: the folder that holds brand/
    dir: Path | None  # brand/ itself; None when running on defaults
    name: str = ""
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Istanbul"))
    default_lang: str = "tr"
    packs: list[str] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)  # brand.yml as written
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    platforms: dict[str, Platform] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    sensitive: list[dict[str, Any]] = field(default_factory=list)
    sensitive_lines: list[int] = field(default_factory=list)  # 1-based line of each topic in sensitive.yml
    calendar: dict[str, Any] = field(default_factory=dict)
    crisis: dict[str, Any] = field(default_factory=dict)
    post_schema: dict[str, Any] = field(default_factory=dict)
    post_validator: Any = None
    matcher: TermMatcher = field(default_factory=lambda: TermMatcher([]))
    _plans: dict[tuple[int, int, str, tuple[str, ...]], RulePlan] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def rules_for(self, lang: str, platforms: list[str]) -> RulePlan:
        """The rules that apply to posts of this language and these platforms, worked out once
        per combination (a corpus has few)."""
        key = (id(self.rules), len(self.rules), lang, tuple(platforms))
        plan = self._plans.get(key)
        if plan is None:
            rules = [r for r in self.rules if r.applies_to(lang, platforms)]
            plan = remember(self._plans, key, RulePlan(rules, frozenset(rules), [r for r in rules if r.has_check()]),
                            limit=10_000)
        return plan

    @property
    def approvals(self) -> dict[str, dict[str, Any]]:
        return self.config.get("approvals") or {}

    @property
    def utm_domains(self) -> list[str]:
        return self.config.get("utm_domains") or []

    @property
    def disclosure_tags(self) -> list[str]:
        return self.config.get("disclosure_tags") or ["#reklam", "#işbirliği", "#sponsor"]

    @property
    def grammar(self) -> dict[str, Any]:
        return self.config.get("grammar") or {}

    def roles_of(self, member: str) -> list[str]:
        m = self.members.get(member)
        return list(m.get("roles", [])) if m else []

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)
