"""The options of one run, built once by the command (or the LSP, or the site) and read by the
engine and the checks through ``ctx.options``.

Frozen: nothing changes them during a run (a ``--fix`` run checks again with
``dataclasses.replace(options, fix=False)``). The changes since ``--base`` are asked of git once,
when the options are built (``Options.for_run``), and carried here, so that the workflow check,
grammar's ``--changed`` and the command's report filter read the same answer.

Defaults are those of a caller of the engine that opts in to nothing: no grammar, no git, the
cache used, a run on named files (``whole_run`` false).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checks.gitdiff import Changes

@dataclass(frozen=True, slots=True)
class Options:
    grammar: str = "off"  # LanguageTool: use when it answers (auto), skip (off), or fail without it (required)
    base: str | None = None  # --base REV
    changed: bool = False  # --changed: report only what changed since base
    cache: bool = True  # read and write the grammar and date caches
    fix: bool = False  # --fix: findings carry the digest of the text their fix was made on
    whole_run: bool = False  # no paths given: the run sees every post of the repository
    jobs: int | None = None  # worker processes (None: one a CPU, at most 8)
    git_changes: Changes | None = None  # what changed since base (None without base)
    verbose: bool = False  # --verbose: notices said once (per cache folder) are said on every run

    def __post_init__(self) -> None:
        if self.base and self.git_changes is None:
            raise ValueError("Options with a base need its git changes (build them with Options.for_run)")

    @classmethod
    def for_run(cls, root: Path, *, grammar: str = "off", base: str | None = None, changed: bool = False,
                cache: bool = True, fix: bool = False, whole_run: bool = False, jobs: int | None = None,
                verbose: bool = False) -> Options:
        """The options of a run in the repository at ``root``, with git asked (once) what changed
        since ``base`` when one is given (EkipError when it cannot answer)."""
        changes = None
        if base:
            from checks.gitdiff import changes_since  # git only with --base

            changes = changes_since(root, base)
        return cls(grammar, base, changed, cache, fix, whole_run, jobs, changes, verbose)

    @property
    def grammar_wanted(self) -> bool:
        """Whether LanguageTool is asked in this run."""
        return self.grammar in ("auto", "required")
