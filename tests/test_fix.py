"""--fix: only the fixed spans change, atomically, and a second run changes nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Repo, post_text

RULES = """
rules:
  - id: prefer
    kind: prefer
    swap: {online: çevrim içi, feedback: geri bildirim}
  - id: names
    kind: casing
    names: [Instagram, LinkedIn]
"""

FRONT = "---\r\ntitle: instagram online   \r\ndate: 2027-03-01T10:00:00+03:00\r\nplatforms: [facebook]\r\n" \
        "status: draft\r\nauthor: ayse\r\n---\r\n"


def test_fix_rewrites_only_the_spans(repo: Repo) -> None:
    repo.rules(RULES)
    body = "\r\nOnline mağazamız instagram'da ve LINKEDIN'de.\r\nfeedbackleriniz için #instagram  \r\nfeedbacksiz"
    path = repo.write("content/posts/a.md", (FRONT + body).encode("utf-8"))
    code, out, err = repo.run("check", "--fix", "--grammar", "off")
    assert code == 0, out + err
    data = path.read_bytes().decode("utf-8")
    assert data.startswith(FRONT)  # front matter bytes untouched, CRLF kept
    assert data[len(FRONT):] == (
        "\r\nÇevrim içi mağazamız Instagram'da ve LinkedIn'de.\r\ngeri bildirimleriniz için #Instagram  \r\n"
        "feedbacksiz"
    )
    # The suffixes are spelled again for the replacement (certain: inflections with one
    # reading); a derivation is reported with its suggestion but not rewritten.
    code, doc = repo.check_json()
    assert [(f["rule"], f["match"], f["suggestions"]) for f in doc["findings"]] == [
        ("voice.prefer", "feedbacksiz", ["geri bildirimsiz"])]


def test_fix_is_idempotent(repo: Repo) -> None:
    repo.rules(RULES)
    path = repo.post("a", "online ve instagram\n")
    repo.run("check", "--fix", "--grammar", "off")
    first = path.read_bytes()
    stat = os.stat(path)
    repo.run("check", "--fix", "--grammar", "off")
    assert path.read_bytes() == first
    assert os.stat(path).st_mtime_ns == stat.st_mtime_ns  # nothing to fix: file not rewritten
    assert b"\xc3\x87evrim" not in first[:10]  # sanity: front matter still first
    assert "çevrim içi ve Instagram" in first.decode()


def test_fix_keeps_file_mode_and_leaves_no_temp_files(repo: Repo) -> None:
    repo.rules(RULES)
    path = repo.post("a", "online\n")
    os.chmod(path, 0o640)
    repo.run("check", "--fix", "--grammar", "off")
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.md"]


def test_swap_whose_replacement_starts_with_the_term_settles(repo: Repo) -> None:
    repo.rules("""
rules:
  - id: prefer
    kind: prefer
    swap: {indirim: indirim fırsatı}
""")
    path = repo.post("a", "Büyük indirim başladı\n")
    repo.run("check", "--fix", "--grammar", "off")
    assert "Büyük indirim fırsatı başladı" in path.read_text()
    assert repo.findings(rule="voice.prefer") == []


# -- writes that lose nothing (compare and swap, temporary files, symlinks) -----------------------

def test_a_file_saved_between_check_and_write_is_skipped_not_garbled(
        repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    """The race that garbled `Selam! Mçevrim içi online dünya`: the fixes' offsets belong to the
    text that was checked; an editor saving (or another --fix run) before the write moves them."""
    from checks import engine

    repo.rules(RULES)
    path = repo.post("a", "Selam! online dünya\n")
    saved = path.read_text(encoding="utf-8").replace("Selam!", "Selam! Merhaba!")
    real_run = engine.run

    def run_then_save(*a: Any, **kw: Any) -> Any:
        found = real_run(*a, **kw)
        path.write_text(saved, encoding="utf-8")  # the editor saves after the check
        return found

    monkeypatch.setattr(engine, "run", run_then_save)
    code, out, err = repo.run("check", "--fix", "--grammar", "off")
    assert code == 0  # voice.prefer is a warning
    assert path.read_text(encoding="utf-8") == saved  # the editor's text, whole
    assert "denetlendikten sonra değişmiş" in err and "a.md" in err  # tests run in Turkish
    assert "fixed" not in out


def test_two_fix_runs_at_once_write_once(repo: Repo) -> None:
    """Two runs that checked the same text: the first writes, the second sees that the file is
    no longer what it checked and leaves it alone (it used to apply its offsets to the new text)."""
    from checks import fix
    from checks.post import read_post

    repo.rules(RULES)
    path = repo.post("a", "Selam! online dünya\n")
    base = fix.digest(path.read_text(encoding="utf-8"))
    runs = []
    for _ in range(2):  # both runs check the file before either writes
        found = [f for f in _findings_of(read_post(str(path))) if f.fix]
        assert found
        for f in found:
            assert f.fix is not None
            f.fix = fix.Fix(f.fix.start, f.fix.end, f.fix.replacement, base)  # as a --fix run marks them
        runs.append(found)
    first = fix.apply(runs[0], repo.root)
    second = fix.apply(runs[1], repo.root)
    assert first.written == [str(path)] and second.written == []
    assert "denetlendikten sonra değişmiş" in second.skipped[0]
    assert path.read_text(encoding="utf-8").endswith("\nSelam! çevrim içi dünya\n")


def _findings_of(post: Any) -> list[Any]:
    from checks.brand.loader import load_brand
    from checks.context import Context
    from checks.engine import check_post

    brand = load_brand(Path(post.path).parents[4] / "brand")
    from datetime import datetime

    return check_post(post, Context(brand, datetime.now(brand.timezone)))


def test_replace_if_unchanged_compares_the_bytes(tmp_path: Path) -> None:
    from checks import fix

    path = tmp_path / "a.md"
    path.write_bytes(b"bir\n")
    assert not fix.replace_if_unchanged(path, b"iki\n", fix.digest("baska\n"))
    assert path.read_bytes() == b"bir\n"
    assert fix.replace_if_unchanged(path, b"iki\n", fix.digest("bir\n"))
    assert path.read_bytes() == b"iki\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


_KILLED_WRITER = """
import os, sys, time
from pathlib import Path
from checks import fix
if sys.argv[2] == "named":
    fix._open_unnamed = lambda folder: None
real = os.fsync
def hang(fd):
    real(fd)
    print("written", flush=True)
    time.sleep(60)
os.fsync = hang
fix.write_atomic(Path(sys.argv[1]), b"x" * 100000)
"""


@pytest.mark.parametrize("kind", ["unnamed", "named"])
def test_kill_9_during_a_write_leaves_no_temporary_file_after_the_next_run(
        repo: Repo, kind: str) -> None:
    """kill -9 while the temporary file is written: with O_TMPFILE nothing has a name; with a
    named temporary file (where O_TMPFILE is missing) the next --fix run removes it."""
    import signal
    import subprocess
    import sys

    repo.rules(RULES)
    path = repo.post("a", "online\n")
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(path), kind],
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "written"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    left = [p.name for p in path.parent.iterdir() if p.name.endswith(".ekip-tmp")]
    assert len(left) == (0 if kind == "unnamed" else 1)
    code, out, err = repo.run("check", "--fix", "--grammar", "off")
    assert code == 0, out + err
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.md"]
    assert "çevrim içi" in path.read_text(encoding="utf-8")


def test_a_live_runs_temporary_file_is_left_alone(tmp_path: Path) -> None:
    from checks import fix

    mine = tmp_path / f".a.md.{os.getppid()}.abcd.ekip-tmp"  # the parent process is alive
    mine.write_bytes(b"")
    old = tmp_path / ".a.md.k3j4l5.ekip-tmp"  # an older version's name, without a process id
    old.write_bytes(b"")
    os.utime(old, (1, 1))
    assert fix.sweep(tmp_path) == [old.name]
    assert mine.exists()


def test_fix_on_a_symlinked_post_fixes_the_target_and_keeps_the_link(repo: Repo) -> None:
    repo.rules(RULES)
    target = repo.write("taslaklar/a.md", post_text("online ve instagram\n"))
    link = repo.root / "content" / "posts" / "a.md"
    link.symlink_to(os.path.relpath(target, link.parent))
    code, out, err = repo.run("check", "--fix", "--grammar", "off", "content/posts/a.md")
    assert code == 0, out + err
    assert link.is_symlink()
    assert "çevrim içi ve Instagram" in target.read_text(encoding="utf-8")


def test_fix_skips_a_symlink_to_a_file_outside_the_repository(repo: Repo, tmp_path_factory: Any) -> None:
    repo.rules(RULES)
    outside = tmp_path_factory.mktemp("outside") / "a.md"
    outside.write_text(post_text("online ve instagram\n"), encoding="utf-8")
    before = outside.read_bytes()
    link = repo.root / "content" / "posts" / "a.md"
    link.symlink_to(outside)
    repo.run("check", "--fix", "--grammar", "off", "content/posts/a.md")
    assert link.is_symlink() and outside.read_bytes() == before


def test_fix_reports_what_is_left_at_its_place_in_the_fixed_file(repo: Repo) -> None:
    """The remaining finding is reported at its line and column after the fix (the swap made
    the line longer), and a problem the fix itself makes (the post grows past X's limit) too."""
    repo.rules(RULES + """
  - id: banned
    kind: ban
    terms: [yasakli]
""")
    body = "online online online yasakli " + "a" * 245 + "\n"  # 274 characters; 286 fixed
    path = repo.post("a", body, platforms="[x]")
    code, out, _ = repo.run("check", "--fix", "--grammar", "off", "--format", "json")
    doc = json.loads(out)
    assert code == 1
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    (ban,) = [f for f in doc["findings"] if f["rule"] == "voice.banned"]
    assert lines[ban["line"] - 1][ban["column"] - 1:].startswith("yasakli")
    assert [f for f in doc["findings"] if f["rule"] == "platform.length"]  # 280 → over after the fix
    code, text_out, _ = repo.run("check", "--grammar", "off")
    assert "fixed" not in text_out and code == 1  # nothing left to fix: the report said it all


def test_fix_rewrites_suffixed_swaps_when_certain(repo: Repo) -> None:
    repo.rules("rules:\n  - id: prefer\n    kind: prefer\n"
               "    swap: {story: hikâye, mail: e-posta, online: çevrim içi}\n")
    path = repo.post("a", "Story'lerimiz hazır. mail'inizi ve mail'i kontrol edin, online'dan alın.")
    _code, _out, err = repo.run("check", "--fix", "--grammar", "off")
    assert "Traceback" not in err
    assert path.read_text(encoding="utf-8").rstrip().endswith(
        "Hikâyelerimiz hazır. e-postanızı ve mail'i kontrol edin, çevrim içinden alın.")
    _code, doc = repo.check_json()
    assert [(f["match"], f["suggestions"]) for f in doc["findings"]] == [("mail'i", ["e-postası", "e-postayı"])]
