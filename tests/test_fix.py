"""--fix: only the fixed spans change, atomically, and a second run changes nothing."""

from __future__ import annotations

import os

from tests.conftest import Repo

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
    body = "\r\nOnline mağazamız instagram'da ve LINKEDIN'de.\r\nfeedbackleriniz için #instagram  \r\n"
    path = repo.write("content/posts/a.md", (FRONT + body).encode("utf-8"))
    code, out, err = repo.run("check", "--fix", "--grammar", "off")
    assert code == 0, out + err
    data = path.read_bytes().decode("utf-8")
    assert data.startswith(FRONT)  # front matter bytes untouched, CRLF kept
    assert data[len(FRONT):] == (
        "\r\nÇevrim içi mağazamız Instagram'da ve LinkedIn'de.\r\nfeedbackleriniz için #Instagram  \r\n"
    )
    # The suffixed swap is reported but not rewritten: its suffix may need other vowels.
    code, doc = repo.check_json()
    assert [(f["rule"], f["match"]) for f in doc["findings"]] == [("voice.prefer", "feedbackleriniz")]


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
