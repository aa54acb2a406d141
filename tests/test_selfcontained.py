"""The repository stands on its own: its documents point at nothing outside it, the links between
them resolve, and the benchmarks generate their own corpus."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from checks.cli import main

ROOT = Path(__file__).resolve().parent.parent
# What a user does not have: the project's own planning folder beside the repository, its
# contract file there, and the development machine's paths (spelled in pieces so that this
# guard does not name them itself).
_PLANNING = "sha" + "red"
OUTSIDE = re.compile(r"\.\./" + _PLANNING + "|" + _PLANNING + " folder|SPEC" + r"\.md|/wo" + "rk/")


def tracked() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    if out.returncode != 0:
        pytest.skip("not a git checkout")
    return [ROOT / p for p in out.stdout.decode("utf-8", "surrogateescape").split("\0") if p]


def test_nothing_points_outside_the_repository() -> None:
    offenders = []
    for path in tracked():
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("tests/") or not path.is_file():
            continue  # tests may name what they guard against
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        offenders += [f"{rel}:{n}" for n, line in enumerate(text.splitlines(), 1) if OUTSIDE.search(line)]
    assert offenders == []


def test_relative_links_in_documents_resolve() -> None:
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    broken = []
    for doc in docs:
        text = re.sub(r"`[^`\n]*`", "", doc.read_text(encoding="utf-8"))  # code spans are examples
        for target in re.findall(r"\]\(([^)\s#]+)(?:#[^)]*)?\)", text):
            if "://" in target or target.startswith("mailto:"):
                continue
            if not (doc.parent / target).exists():
                broken.append(f"{doc.relative_to(ROOT)} -> {target}")
    cited = re.findall(r"\b(docs/[A-Z_]+\.md)\b", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    broken += [f"mkdocs.yml -> {c}" for c in cited if not (ROOT / c).exists()]
    assert broken == []


def test_bench_corpus_is_generated_here_and_deterministic(tmp_path: Path) -> None:
    gen = ROOT / "bench" / "corpus.py"
    for out in ("a", "b"):
        subprocess.run([sys.executable, str(gen), "40", str(tmp_path / out), "--terms", "25"], check=True)
    a, b = tmp_path / "a", tmp_path / "b"
    posts = sorted((a / "content" / "posts").glob("*.md"))
    assert len(posts) == 40
    assert all(p.read_bytes() == (b / "content" / "posts" / p.name).read_bytes() for p in posts)
    swaps = (a / "brand" / "rules" / "voice.yml").read_text(encoding="utf-8")
    assert swaps.count("yeniterim") == 15  # 10 real swaps + 15 generated = 25
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["check", "--brand", str(a / "brand"), "--grammar", "off", "--format", "json",
                     str(a / "content")])
    report = json.loads(out.getvalue())
    assert code in (0, 1) and report["files"] == 40
    assert {f["rule"] for f in report["findings"]} >= {"voice.preferred-terms"}
