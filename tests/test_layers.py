"""No import runs upward: every module of ``checks/`` belongs to one layer of the list in
docs/ARCHITECTURE.md ("Layers"), and imports only modules of its own layer or lower ones.
Imports under ``if TYPE_CHECKING:`` name types only and are not counted; imports inside
functions run, and are."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "checks"
_LAYER = re.compile(r"^\d+\. \*\*[^*]+\*\*: (.+)$")


def layers(document: str) -> dict[str, int]:
    """Unit (a top-level module or package of ``checks``; ``checks`` for the package itself) →
    the number of its layer, 1 the lowest, as the "Layers" section of ``document`` lists them."""
    section = document.split("\n## Layers\n", 1)[1].split("\n## ", 1)[0]
    out: dict[str, int] = {}
    number = 0
    for line in section.splitlines():
        m = _LAYER.match(line)
        if m:
            number += 1
            for unit in re.findall(r"`([\w.]+)`", m.group(1)):
                assert unit not in out, f"{unit} is listed in two layers"
                out[unit] = number
    return out


def unit_of(module: str) -> str:
    """``checks.brand.loader`` → ``brand``; ``checks`` → ``checks``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_only(tree: ast.Module) -> set[int]:
    """Ids of the nodes inside ``if TYPE_CHECKING:`` blocks."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                inside.update(id(n) for n in ast.walk(child))
    return inside


def imports(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """(line, imported module or name) of every import of ``checks`` in the file that runs."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_only(tree)
    here = module_name(path, root).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out.extend((node.lineno, a.name) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, up level - 1 folders
                base = ".".join([*package[:len(package) - node.level + 1], *([base] if base else [])])
            if base == "checks":  # from checks import engine: the names are modules (or __version__)
                out.extend((node.lineno, "checks" if a.name.startswith("__") else f"checks.{a.name}")
                           for a in node.names)
            else:
                out.append((node.lineno, base))
    return [(line, name) for line, name in out if name == "checks" or name.startswith("checks.")]


def upward(layer_of: dict[str, int]) -> tuple[list[str], list[str]]:
    """(upward imports as ``file:line: a (n) imports b (m)``, units of no layer)."""
    bad: list[str] = []
    unlisted: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        unit = unit_of(module_name(path))
        if unit not in layer_of:
            unlisted.add(unit)
            continue
        for line, name in imports(path):
            target = unit_of(name)
            if target not in layer_of:
                unlisted.add(target)
            elif layer_of[target] > layer_of[unit]:
                bad.append(f"{path.relative_to(ROOT)}:{line}: {unit} ({layer_of[unit]}) imports "
                           f"{name} ({layer_of[target]})")
    return bad, sorted(unlisted)


def test_no_import_runs_upward() -> None:
    layer_of = layers((ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8"))
    bad, unlisted = upward(layer_of)
    assert not unlisted, f"add these to a layer in docs/ARCHITECTURE.md: {unlisted}"
    assert not bad, "imports that run upward:\n" + "\n".join(bad)


def test_an_upward_import_is_found() -> None:
    """The walk sees what it must: moving ``engine`` below ``post`` makes post's importers upward."""
    layer_of = layers((ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8"))
    assert layer_of["engine"] > layer_of["post"]
    swapped = {**layer_of, "post": layer_of["engine"] + 1}
    bad, _ = upward(swapped)
    assert any(line.startswith("checks/engine.py:") and "checks.post" in line for line in bad)


@pytest.mark.parametrize(("source", "expected"), [
    ("from checks import engine, post\n", ["checks.engine", "checks.post"]),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from checks.engine import run\n", []),
    ("def f():\n    from checks.engine import run\n", ["checks.engine"]),
    ("from .engine import run\n", ["checks.engine"]),
])
def test_imports_seen(tmp_path: Path, source: str, expected: list[str]) -> None:
    fake = tmp_path / "checks" / "x.py"
    fake.parent.mkdir()
    fake.write_text(source, encoding="utf-8")
    assert [name for _, name in imports(fake, tmp_path)] == expected
