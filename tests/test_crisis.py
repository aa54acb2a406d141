"""crisis.paused, and ``ekip crisis start|status|end`` editing a crisis.yml with comments."""

from __future__ import annotations

import yaml

from checks.yamlfile import load
from tests.conftest import Repo

CRISIS_YML = """\
# Crisis mode for Test Marka.
# The command rewrites the values below and keeps these comments.

active: false     # true while crisis mode is on
since: null       # ISO-8601 time when crisis mode began
severity: null    # the severity given to `ekip crisis start`
reason: null      # one line: what happened

# a trailing note
"""
ON = """\
active: true
since: 2027-03-01T12:00:00+03:00
severity: 2
reason: Depo yangını
"""


def names(found: list[dict[str, object]]) -> list[str]:
    return sorted(str(f["path"]).rsplit("/", 1)[-1][:-3] for f in found)


# -- crisis.paused ---------------------------------------------------------------------------
def test_paused_holds_approved_and_scheduled_posts_after_since(repo: Repo) -> None:
    repo.write("brand/crisis.yml", ON)
    repo.post("before", "Merhaba.", status="scheduled", date="2027-03-01T11:59:00+03:00")
    repo.post("at-since", "Merhaba.", status="scheduled", date="2027-03-01T12:00:00+03:00")
    repo.post("after", "Merhaba.", status="scheduled", date="2027-03-01T12:01:00+03:00")
    repo.post("approved", "Merhaba.", status="approved", date="2027-03-05T10:00:00+03:00")
    repo.post("naive", "Merhaba.", status="approved", date="2027-03-01T12:30:00")
    repo.post("crisis", "Merhaba.", status="scheduled", date="2027-03-05T10:00:00+03:00", crisis="true")
    for status in ("idea", "draft", "review", "published", "archived"):
        repo.post(status, "Merhaba.", status=status, date="2027-03-05T10:00:00+03:00")
    found = repo.findings("--now", "2027-03-01T13:00:00+03:00", rule="crisis.paused")
    assert names(found) == ["after", "approved", "naive"]
    assert {(f["line"], f["level"]) for f in found} == {(3, "error")}


def test_nothing_held_when_crisis_mode_is_off(repo: Repo) -> None:
    repo.write("brand/crisis.yml", CRISIS_YML)
    repo.post("p", "Merhaba.", status="scheduled")
    assert repo.findings(rule="crisis.paused") == []


def test_since_missing_holds_posts_after_now(repo: Repo) -> None:
    repo.write("brand/crisis.yml", "active: true\nsince: null\n")
    repo.post("past", "Merhaba.", status="scheduled", date="2027-03-01T10:00:00+03:00")
    repo.post("future", "Merhaba.", status="scheduled", date="2027-03-03T10:00:00+03:00")
    found = repo.findings("--now", "2027-03-02T00:00:00+03:00", rule="crisis.paused")
    assert names(found) == ["future"]


# -- ekip crisis -------------------------------------------------------------------------------
def test_start_status_end_round_trip_keeps_the_file(repo: Repo) -> None:
    path = repo.write("brand/crisis.yml", CRISIS_YML)
    original = path.read_bytes()
    repo.post("held", "Merhaba.", title="Bahar indirimi", status="scheduled",
              date="2027-03-02T10:00:00+03:00", platforms="[instagram, x]")
    repo.post("free", "Merhaba.", status="scheduled", date="2027-03-02T11:00:00+03:00", crisis="true")

    code, out, err = repo.run("crisis", "start", "--severity", "3", "--reason", "Depo yangını: teslimat gecikiyor",
                              "--now", "2027-03-01T08:30:00+03:00")
    assert code == 0, err
    assert "1 gönderi bekletiliyor" in out
    started = path.read_bytes()
    before, after = original.splitlines(keepends=True), started.splitlines(keepends=True)
    assert len(before) == len(after)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [3, 4, 5, 6]  # only the four value lines; comments, blank lines, order untouched
    data = yaml.safe_load(started)
    assert data["active"] is True and data["severity"] == 3
    assert data["reason"] == "Depo yangını: teslimat gecikiyor"
    assert str(data["since"]).replace(" ", "T") == "2027-03-01T08:30:00+03:00"
    for line, comment in zip(after[3:7], ("# true while", "# ISO-8601", "# the severity", "# one line"), strict=True):
        assert comment.encode() in line
    assert [ln.split(b":")[0] for ln in after[3:7]] == [b"active", b"since", b"severity", b"reason"]

    code, out, _ = repo.run("crisis", "status", "--now", "2027-03-01T09:00:00+03:00", "--lang", "en")
    assert code == 0
    assert "ON since 2027-03-01T08:30:00+03:00" in out and "Severity: 3" in out
    assert "Depo yangını" in out and "Held back: 1 post" in out
    held = [ln for ln in out.splitlines() if "held.md" in ln]
    assert len(held) == 1
    assert "2027-03-02 10:00" in held[0] and "instagram, x" in held[0] and "Bahar indirimi" in held[0]
    assert "free.md" not in out

    found = repo.findings("--now", "2027-03-01T09:00:00+03:00", rule="crisis.paused")
    assert names(found) == ["held"]

    code, out, err = repo.run("crisis", "end")
    assert code == 0, err
    assert path.read_bytes() == original  # back to the bytes before the crisis
    code, out, _ = repo.run("crisis", "status")
    assert code == 0 and "Kriz modu: kapalı" in out
    assert repo.findings("--now", "2027-03-01T09:00:00+03:00", rule="crisis.paused") == []


def test_start_when_active_is_refused_update_keeps_since(repo: Repo) -> None:
    path = repo.write("brand/crisis.yml", CRISIS_YML)
    assert repo.run("crisis", "start", "--severity", "1", "--reason", "ilk", "--now",
                    "2027-03-01T08:30:00+03:00")[0] == 0
    started = path.read_bytes()
    code, _, err = repo.run("crisis", "start", "--severity", "2", "--reason", "ikinci")
    assert code == 2 and "zaten açık" in err
    assert path.read_bytes() == started
    code, _, err = repo.run("crisis", "start", "--update", "--severity", "4")
    assert code == 0, err
    data = yaml.safe_load(path.read_bytes())
    assert data["severity"] == 4 and data["reason"] == "ilk"
    assert str(data["since"]).replace(" ", "T") == "2027-03-01T08:30:00+03:00"


def test_start_needs_severity_and_reason(repo: Repo) -> None:
    path = repo.write("brand/crisis.yml", CRISIS_YML)
    code, _, err = repo.run("crisis", "start", "--reason", "x")
    assert code == 2 and "--severity" in err
    code, _, err = repo.run("crisis", "start", "--severity", "2")
    assert code == 2 and "--reason" in err
    code, _, err = repo.run("crisis", "start", "--severity", "iki", "--reason", "x")
    assert code == 2
    code, _, err = repo.run("crisis", "start", "--update", "--severity", "2")
    assert code == 2 and "açık değil" in err
    assert path.read_bytes() == CRISIS_YML.encode()


def test_end_when_off_changes_nothing(repo: Repo) -> None:
    path = repo.write("brand/crisis.yml", CRISIS_YML)
    code, out, _ = repo.run("crisis", "end")
    assert code == 0 and "açık değil" in out
    assert path.read_bytes() == CRISIS_YML.encode()


def test_invalid_crisis_file_exits_2(repo: Repo) -> None:
    path = repo.write("brand/crisis.yml", "active: maybe\nsince: null\n")
    for argv in (("status",), ("end",), ("start", "--severity", "1", "--reason", "x")):
        code, _, err = repo.run("crisis", *argv)
        assert code == 2 and "crisis.yml" in err and "Traceback" not in err
    path.write_text("active: [\n", encoding="utf-8")
    code, _, err = repo.run("crisis", "status")
    assert code == 2 and "crisis.yml" in err
    path.write_text("colour: red\n", encoding="utf-8")
    code, _, err = repo.run("crisis", "start", "--severity", "1", "--reason", "x")
    assert code == 2 and "crisis.yml" in err


def test_start_creates_a_missing_file(repo: Repo) -> None:
    code, _, err = repo.run("crisis", "start", "--severity", "2", "--reason", "Sel", "--now",
                            "2027-03-01T08:30:00+03:00")
    assert code == 0, err
    data = yaml.safe_load((repo.root / "brand" / "crisis.yml").read_text(encoding="utf-8"))
    assert data["active"] is True and data["reason"] == "Sel"
    assert repo.run("crisis", "end")[0] == 0
    data = yaml.safe_load((repo.root / "brand" / "crisis.yml").read_text(encoding="utf-8"))
    assert data == {"active": False, "since": None, "severity": None, "reason": None}


def test_flags_of_start_are_refused_elsewhere(repo: Repo) -> None:
    code, _, err = repo.run("crisis", "status", "--severity", "2")
    assert code == 2 and "start" in err


def test_severity_is_one_to_four(repo: Repo) -> None:
    repo.write("brand/crisis.yml", CRISIS_YML)
    for bad in ("0", "5", "-1"):
        code, _, err = repo.run("crisis", "start", "--severity", bad, "--reason", "x")
        assert code == 2 and "severity" in err
    assert repo.run("crisis", "start", "--severity", "4", "--reason", "x")[0] == 0


def test_update_touches_only_the_changed_line(repo: Repo) -> None:
    text = ("# hand-written during a crisis\nactive: true   # on\nsince: 2027-02-06T04:30:00+03:00   # began\n"
            "severity: 2\nreason: \"Sel: Hatay mağazası\"   # why\n")
    path = repo.write("brand/crisis.yml", text)
    code, _, err = repo.run("crisis", "start", "--update", "--severity", "3")
    assert code == 0, err
    before, after = text.encode().splitlines(), path.read_bytes().splitlines()
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [3]
    assert after[3] == b"severity: 3"


# -- byte for byte, and one crisis at a time --------------------------------------------------
ODD_FILES = {
    "crlf-bom-no-final-newline": "\ufeff# Kriz\r\nactive: false\r\nsince: null\r\nseverity: null\r\nreason: null",
    "markers": "---\nactive: false  # c\nsince: null\nseverity: null\nreason: null\n...\n",
    "tilde-and-empty-nulls": "active: false\nsince: ~\nseverity:\nreason: Null   # neden\n",
    "tab-before-comment": "active: false\t# açık mı\nsince: null\t# ne zaman\nseverity: null\nreason: null\n",
    "keys-missing": "# yalnızca bu\nactive: False\n",
    "comments-not-aligned": "active: false # a\nsince: null      # b\nseverity: null   # c\nreason: null # d\n",
    "flow-mapping": "{active: false, since: null, severity: null, reason: null}\n",
    "aligned-sample": CRISIS_YML,
    "empty": "",
}


def _start_end(repo: Repo, text: str, reason: str = "Depo yangını: #depo 'x'") -> tuple[bytes, bytes, bytes]:
    path = repo.write("brand/crisis.yml", text.encode("utf-8"))
    original = path.read_bytes()
    code, _out, err = repo.run("crisis", "start", "--severity", "2", "--reason", reason,
                              "--now", "2027-03-01T08:30:00+03:00")
    assert code == 0, err
    started = path.read_bytes()
    code, _out, err = repo.run("crisis", "end")
    assert code == 0, err
    return original, started, path.read_bytes()


def test_start_then_end_gives_every_file_back_byte_for_byte(repo: Repo) -> None:
    """CRLF, a BOM, no final newline, `---`/`...` markers, `~` and empty nulls, a tab before a
    comment (which the former round trip through ruamel.yaml refused although `ekip check`
    accepts it), missing keys, unaligned comments, flow style, an empty file."""
    for name, text in ODD_FILES.items():
        original, started, ended = _start_end(repo, text)
        assert ended == original, name
        data = load(started.decode("utf-8").lstrip("\ufeff")).data  # as `ekip check` reads it
        assert data["active"] is True and data["severity"] == 2, name
        assert data["reason"] == "Depo yangını: #depo 'x'", name
        assert str(data["since"]).replace(" ", "T") == "2027-03-01T08:30:00+03:00", name
        code, out, _err = repo.run("crisis", "status")
        assert code == 0 and "Kriz modu: kapalı" in out, name
    # What each kind keeps while the crisis is on:
    _, started, _ = _start_end(repo, ODD_FILES["crlf-bom-no-final-newline"])
    assert started.startswith(b"\xef\xbb\xbf# Kriz\r\n") and b"\n" not in started.replace(b"\r\n", b"")
    assert not started.endswith(b"\n")
    _, started, _ = _start_end(repo, ODD_FILES["markers"])
    assert started.startswith(b"---\n") and started.endswith(b"\n...\n")
    _, started, _ = _start_end(repo, ODD_FILES["tab-before-comment"])
    assert b"active: true\t# a\xc3\xa7\xc4\xb1k m\xc4\xb1\n" in started
    _, started, _ = _start_end(repo, CRISIS_YML)
    assert b"ekip-crisis-before" not in started  # aligned comments, `null`: nothing to remember
    assert b"severity: 2       # the severity" in started  # still aligned
    _, started, _ = _start_end(repo, ODD_FILES["tilde-and-empty-nulls"])
    assert b"ekip-crisis-before" in started  # how to spell the nulls again


def test_check_accepts_the_file_while_the_crisis_is_on(repo: Repo) -> None:
    repo.write("brand/crisis.yml", ODD_FILES["tilde-and-empty-nulls"])
    repo.post("held", "Merhaba.", status="scheduled", date="2027-03-02T10:00:00+03:00")
    assert repo.run("crisis", "start", "--severity", "2", "--reason", "x", "--now",
                    "2027-03-01T08:30:00+03:00")[0] == 0
    assert names(repo.findings("--now", "2027-03-01T09:00:00+03:00", rule="crisis.paused")) == ["held"]
    assert repo.run("crisis", "start", "--update", "--severity", "4")[0] == 0
    assert repo.run("crisis", "end")[0] == 0
    assert (repo.root / "brand/crisis.yml").read_text(encoding="utf-8") == ODD_FILES["tilde-and-empty-nulls"]


def test_two_starts_at_once_do_not_both_succeed(repo: Repo) -> None:
    """Both processes wait for the lock on brand/ that this test holds, then run one after the
    other: the second reads the crisis the first started and is refused; one reason is kept,
    none is silently lost. (Without the lock both read `active: false` and both succeeded.)"""
    import fcntl
    import os
    import subprocess
    import sys
    import time

    path = repo.write("brand/crisis.yml", CRISIS_YML)
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    fd = os.open(repo.root / "brand", os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        procs = [subprocess.Popen([sys.executable, "-m", "checks", "crisis", "start", "--severity", str(n),
                                   "--reason", f"neden {n}"], cwd=repo.root, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in (1, 2)]
        time.sleep(1.5)  # both have loaded the brand (crisis off) and wait for the lock
        assert all(p.poll() is None for p in procs)
    finally:
        os.close(fd)
    results = [p.communicate(timeout=60) for p in procs]
    codes = sorted(p.returncode for p in procs)
    assert codes == [0, 2], results
    assert any("zaten açık" in err for _, err in results), results
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    winner = next(n for p, n in zip(procs, (1, 2), strict=True) if p.returncode == 0)
    assert data["reason"] == f"neden {winner}" and data["severity"] == winner
