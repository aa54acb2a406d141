"""A finding: one problem at one place in one file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")
LEVEL_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace the code points ``start:end`` of the file's text with ``replacement``. ``base`` is
    the digest of the text the offsets belong to (``checks.fix.digest``), set for ``--fix`` runs:
    the fix is applied only to a file that still holds that text."""

    start: int
    end: int
    replacement: str
    base: str | None = None


@dataclass(slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    level: Level
    message: str
    match: str = ""
    suggestions: list[str] = field(default_factory=list)
    fix: Fix | None = None

    def __reduce__(self) -> tuple[type[Finding], tuple[object, ...]]:
        # Findings cross from worker processes by the thousand: a plain tuple pickles fastest.
        return (Finding, (self.path, self.line, self.column, self.end_line, self.end_column, self.rule,
                          self.level, self.message, self.match, self.suggestions, self.fix))

    def as_tuple(self) -> tuple[object, ...]:
        """Plain values, for sending thousands of findings between processes: a list of tuples
        pickles in half the time that objects with ``__reduce__`` take."""
        fix = self.fix
        return (self.path, self.line, self.column, self.end_line, self.end_column, self.rule, self.level,
                self.message, self.match, self.suggestions,
                None if fix is None else (fix.start, fix.end, fix.replacement, fix.base))

    @staticmethod
    def from_tuples(rows: list[tuple[Any, ...]]) -> list[Finding]:
        return [Finding(p, line, col, end_line, end_col, rule, level, message, match, suggestions,
                        None if fix is None else Fix(*fix))
                for p, line, col, end_line, end_col, rule, level, message, match, suggestions, fix in rows]

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "level": self.level,
            "message": self.message,
            "match": self.match,
            "suggestions": list(self.suggestions),
        }
