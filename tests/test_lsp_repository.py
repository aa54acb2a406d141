"""The language server's model, in process: positions against the encodings' own counts, and
the open posts' findings against ``ekip check`` (the calendar given only the open posts'
neighbours in time finds what it finds over the whole corpus)."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from checks.lsp.positions import LineIndex, units
from checks.lsp.repository import Repository
from checks.timeutil import parse
from tests.conftest import Repo, post_text

TEXTS = [
    "",
    "a",
    "düz\nmetin\n",
    "CRLF\r\nsatır\r\nson",
    "yalnız CR\rikinci\rüçüncü\n",
    "emoji 👋🏽 ve 𝔘 \n\n👨‍👩‍👧 aile\r\n",
    "U+2028 burada\u2028 bölmez; \x0c form feed ve \x85 NEL de\n",
]


def reference(text: str, offset: int, encoding: str) -> tuple[int, int]:
    """The protocol's position counted naively: lines end at \\n, \\r\\n or \\r."""
    line, start, i = 0, 0, 0
    while i < offset:
        c = text[i]
        if c == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            if i + 1 == offset:
                break  # between CR and LF: still the end of this line
            i += 2
            line, start = line + 1, i
            continue
        if c in "\r\n":
            line, start = line + 1, i + 1
        i += 1
    piece = text[start:min(offset, i)]
    codec = {"utf-8": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}[encoding]
    width = {"utf-8": 1, "utf-16": 2, "utf-32": 4}[encoding]
    return line, len(piece.encode(codec)) // width


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_positions_match_the_encodings(encoding: str) -> None:
    for text in TEXTS:
        index = LineIndex(text, encoding)
        for offset in range(len(text) + 1):
            pos = index.position(offset)
            assert pos == reference(text, offset, encoding), (text, offset)
            if not (offset and text[offset - 1] == "\r" and text[offset:offset + 1] == "\n"):
                assert index.offset(*pos) == offset, (text, offset)
        for piece in text.replace("\r", "\n").split("\n"):
            assert units(piece, encoding) == reference(piece, len(piece), encoding)[1]


def test_ekip_lines_count_newlines_only() -> None:
    text = "a\r\nb\rc\u2028d\ne"
    index = LineIndex(text)
    assert index.ekip_offset(1, 1) == 0
    assert index.ekip_offset(2, 1) == text.index("b")
    assert index.ekip_offset(2, 3) == text.index("c")  # CR is a character of Ekip's line 2
    assert index.ekip_offset(3, 1) == text.index("e")
    assert index.position(text.index("c")) == (2, 0)  # ... and a line break to the protocol


def test_open_posts_get_what_ekip_check_finds(repo: Repo) -> None:
    """Many posts on a few busy days: the LSP's findings for each open post equal ``ekip check``'s."""
    repo.write("brand/calendar.yml", """\
daily_limit: {facebook: 2, x: 3}
min_gap_minutes: {facebook: 90, x: 2000}
quiet_periods:
  - {id: anma, name: Anma, start: 2027-03-05T00:00:00+03:00, end: 2027-03-06T00:00:00+03:00, yearly: true}
""")
    rng = random.Random(7)
    names = []
    for i in range(60):
        day, hour, minute = rng.randint(1, 9), rng.randint(0, 23), rng.choice((0, 15, 30, 45))
        status = rng.choice(("draft", "review", "approved", "scheduled", "published"))
        platforms = rng.choice(("[facebook]", "[x]", "[facebook, x]"))
        name = f"p{i:02d}"
        names.append(name)
        repo.post(name, "Metin.\n", status=status, platforms=platforms,
                  date=f"2027-03-{day:02d}T{hour:02d}:{minute:02d}:00+03:00")
    now = "2027-02-01T10:00:00+03:00"
    expected: dict[str, list[tuple[object, ...]]] = {}
    for f in repo.findings("--now", now):
        expected.setdefault(f["path"], []).append((f["line"], f["column"], f["rule"], f["message"]))
    assert sum(1 for fs in expected.values() for f in fs if str(f[2]).startswith("calendar.")) > 10
    old = os.getcwd()
    os.chdir(repo.root)
    try:
        model = Repository(Path("."))
        assert model.reload_brand() is None
        model.now = parse(now, model.brand.timezone)
        model.scan()
        for name in rng.sample(names, 12):
            rel = f"content/posts/2027/03/{name}.md"
            model.set_text(rel, (repo.root / rel).read_text(encoding="utf-8"), 1)
            got = [(f.line, f.column, f.rule, f.message) for f in model.analyze()[rel]]
            assert got == sorted(expected.get(rel, []), key=lambda t: (t[0], t[1], t[2])), rel
            model.close(rel)
        # unsaved changes move posts onto busy days: the same as ekip check once they are saved
        moved = {}
        for i, name in enumerate(rng.sample(names, 6)):
            rel = f"content/posts/2027/03/{name}.md"
            moved[rel] = post_text("Metin.\n", status="review", platforms="[facebook, x]",
                                   date=f"2027-03-0{1 + i % 3}T12:{i:02d}:00+03:00")
            model.set_text(rel, moved[rel], 2)
        got_unsaved = {rel: [(f.line, f.column, f.rule, f.message) for f in fs] for rel, fs in model.analyze().items()}
    finally:
        os.chdir(old)
    for rel, text in moved.items():
        (repo.root / rel).write_text(text, encoding="utf-8")
    saved: dict[str, list[tuple[object, ...]]] = {rel: [] for rel in moved}
    for f in repo.findings("--now", now):
        if f["path"] in saved:
            saved[f["path"]].append((f["line"], f["column"], f["rule"], f["message"]))
    assert any(saved.values())
    assert got_unsaved == {rel: sorted(fs, key=lambda t: (t[0], t[1], t[2])) for rel, fs in saved.items()}


def test_check_does_not_import_the_language_server(repo: Repo) -> None:
    """pygls and lsprotocol cost seconds to import: only ``ekip lsp`` loads them."""
    import subprocess
    import sys

    repo.post("a", "Metin.\n")
    script = ("import sys; from checks.cli import main; code = main(['check', '--grammar', 'off']); "
              "print(code, sorted(m for m in ('pygls', 'lsprotocol', 'checks.lsp') if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    out = subprocess.run([sys.executable, "-c", script], cwd=repo.root, capture_output=True, text=True,
                         env=env, check=True)
    assert out.stdout.strip().splitlines()[-1] == "0 []"
    script = "import sys; from checks.cli import build_parser; build_parser('lsp'); print('pygls' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "False"  # even the lsp command's parser waits until it runs
