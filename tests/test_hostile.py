"""Hostile input: each test holds the input that once hung or crashed a run (issue 11).

One bad post never stops the others: it gets a ``file.*`` finding (or ``file.internal-error``
with the message) and the run goes on with exit code 0/1. Brand errors are exit 2 with
``file:line``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from checks import engine
from checks.post import MAX_POST_BYTES
from tests.conftest import Repo, post_text

BOMB = """\
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
i: [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def _raw_post(repo: Repo, name: str, extra_front: str, body: str = "Merhaba") -> Path:
    front = post_text(body).split("---\n")[1]
    return repo.write(f"content/posts/2027/03/{name}.md", f"---\n{front}{extra_front}---\n\n{body}\n")


def _by_path(doc: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for f in doc["findings"]:
        out.setdefault(Path(f["path"]).name, []).append(f)
    return out


@pytest.mark.parametrize(("name", "front", "rule", "words"), [
    ("year1", "", "schema", "date-time"),
    ("year9999", "", "schema", "date-time"),
    ("deep", "x: " + "[" * 300 + "]" * 300 + "\n", "file.front-matter", "64"),
    ("very-deep", "x: " + "[" * 100_000 + "\n", "file.front-matter", "64"),  # segfaulted libyaml
    ("dashes", "x:\n  " + "- " * 100_000 + "a\n", "file.front-matter", "64"),
    ("bigint", "n: " + "9" * 5000 + "\n", "file.front-matter", "4000"),
    ("set", "tags: !!set {a: null}\n", "file.front-matter", "!!set"),
    ("bomb", BOMB, "file.front-matter", "takma adları açıldığında"),
    ("recursive", "x: &a [*a]\n", "file.front-matter", "özyinelemeli"),
])
def test_bad_front_matter_is_a_finding_and_the_run_goes_on(repo: Repo, name: str, front: str, rule: str,
                                                           words: str) -> None:
    if name == "year1":
        repo.write("content/posts/2027/03/year1.md", post_text("Merhaba", date="0001-01-01T00:00:00+03:00"))
    elif name == "year9999":
        repo.write("content/posts/2027/03/year9999.md", post_text("Merhaba", date="9999-12-31T23:59:59-12:00"))
    else:
        _raw_post(repo, name, front)
    repo.post("fine", "Merhaba dünya", status="approved")
    repo.write("brand/calendar.yml", "daily_limit: {facebook: 1}\nmin_gap_minutes: {facebook: 30}\n")
    code, doc = repo.check_json()
    assert code == 1
    found = _by_path(doc)
    assert [f["rule"] for f in found[f"{name}.md"]] == [rule], found
    assert words in found[f"{name}.md"][0]["message"]
    assert "fine.md" not in found or all(f["rule"].startswith(("workflow", "calendar")) for f in found["fine.md"])
    assert doc["files"] == 2


def test_billion_laughs_in_a_brand_file_is_exit_2(repo: Repo) -> None:
    repo.write("brand/sensitive.yml", BOMB)
    code, _, err = repo.run("check", "--grammar", "off")
    assert code == 2
    assert "brand/sensitive.yml:" in err and "takma adları açıldığında" in err


def test_a_fifo_is_never_waited_for(repo: Repo) -> None:
    repo.post("fine", "Merhaba")
    os.mkfifo(repo.root / "content/posts/2027/03/boru.md")
    os.makedirs(repo.root / "playbooks")
    os.mkfifo(repo.root / "playbooks/sablon.md")
    found = _by_path(repo.check_json()[1])  # the folder walk
    assert [f["rule"] for f in found["boru.md"]] == ["file.encoding"]
    assert "FIFO" in found["boru.md"][0]["message"]
    assert "sablon.md" not in found  # not a template: it does not start with front matter
    found = _by_path(repo.check_json("content/posts/2027/03/boru.md")[1])  # named on the command line
    assert [f["rule"] for f in found["boru.md"]] == ["file.encoding"]
    os.mkfifo(repo.root / "brand/calendar.yml")  # a brand file
    code, _, err = repo.run("check", "--grammar", "off")
    assert code == 2 and "brand/calendar.yml: normal bir dosya değil" in err


def test_a_post_over_the_size_limit_is_a_finding(repo: Repo) -> None:
    big = repo.post("buyuk", "a" * (MAX_POST_BYTES + 1))
    repo.post("fine", "Merhaba")
    found = _by_path(repo.check_json()[1])
    assert [f["rule"] for f in found["buyuk.md"]] == ["file.size"]
    assert f"{big.stat().st_size:,}" in found["buyuk.md"][0]["message"]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
@pytest.mark.parametrize("fmt", ["json", "sarif", "text", "github"])
def test_a_file_name_that_is_not_utf8(repo: Repo, fmt: str) -> None:
    folder = repo.root / "content/posts/2027/03"
    folder.mkdir(parents=True)
    with open(os.path.join(os.fsencode(folder), b"k\xf6t\xfc.md"), "wb") as fh:
        fh.write(post_text("Merhaba").encode())
    repo.post("fine", "Merhaba")
    code, out, err = repo.run("check", "--grammar", "off", "--format", fmt)
    assert code == 1, err
    if fmt == "sarif":
        assert "xf6t" in json.dumps(json.loads(out))
    elif fmt == "json":
        json.loads(out)
        assert "k\\\\xf6t\\\\xfc.md" in out  # the bytes written out, JSON-escaped
    else:
        assert "k\\xf6t\\xfc.md" in out


def test_a_file_name_that_is_not_utf8_with_base(repo: Repo) -> None:
    import subprocess

    folder = repo.root / "content/posts/2027/03"
    folder.mkdir(parents=True)
    repo.post("fine", "Merhaba")
    for argv in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "a"]):
        subprocess.run(["git", *argv], cwd=repo.root, check=True)
    with open(os.path.join(os.fsencode(folder), b"k\xf6t\xfc.md"), "wb") as fh:
        fh.write(post_text("Merhaba").encode())
    code, out, err = repo.run("check", "--grammar", "off", "--format", "json", "--base", "HEAD")
    assert code == 1, err
    assert any(f["path"].endswith("k\\xf6t\\xfc.md") for f in json.loads(out)["findings"])


def test_a_folder_tree_a_thousand_levels_deep(repo: Repo) -> None:
    deep = repo.root / "content/posts"
    fd = os.open(deep, os.O_RDONLY)
    for _ in range(1100):  # os.makedirs recurses once per level too
        os.mkdir("d", dir_fd=fd)
        fd, old = os.open("d", os.O_RDONLY, dir_fd=fd), fd
        os.close(old)
    with open(os.open("derin.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w", encoding="utf-8") as fh:
        fh.write(post_text("Merhaba"))
    os.close(fd)
    repo.post("fine", "Merhaba")
    try:
        code, doc = repo.check_json()
        assert code in (0, 1)
        assert doc["files"] == 2
    finally:  # shutil.rmtree (pytest's clean-up) recurses once per level too
        path = os.path.join(str(deep), *["d"] * 1100)
        os.remove(os.path.join(path, "derin.md"))
        for _ in range(1100):
            os.rmdir(path)
            path = os.path.dirname(path)


def test_output_to_a_folder_is_exit_2(repo: Repo) -> None:
    repo.post("fine", "Merhaba")
    code, _, err = repo.run("check", "--grammar", "off", "-o", "content")
    assert code == 2 and "content: -o bir klasör gösteriyor" in err


def test_a_year_one_quiet_period_is_exit_2_naming_the_file(repo: Repo) -> None:
    repo.write("brand/calendar.yml", "quiet_periods:\n  - {id: q, start: '0001-01-01T00:00:00', "
                                     "end: '0001-01-03T00:00:00', yearly: true}\n")
    repo.post("fine", "Merhaba")
    code, _, err = repo.run("check", "--grammar", "off")
    assert code == 2 and "brand/calendar.yml:2:" in err


@pytest.mark.parametrize(("schema", "line", "words"), [
    ("false", 1, "must be a JSON object"),
    ('{"type": "object",\n "properties": {"title": {"$ref": "#/$defs/nope"}}}', 2, "does not resolve"),
    ('{"type": "object",\n "properties": {"title": {"$ref": "https://example.com/s.json"}}}', 2, "within this file"),
])
def test_a_bad_post_schema_is_exit_2_with_file_and_line(repo: Repo, schema: str, line: int, words: str) -> None:
    repo.write("brand/post.schema.json", schema)
    repo.post("fine", "Merhaba")
    code, _, err = repo.run("check", "--grammar", "off", "--lang", "en")
    assert code == 2 and f"brand/post.schema.json:{line}:" in err and words in err


def test_brand_root_of_the_file_system(repo: Repo) -> None:
    code, _, err = repo.run("check", "--grammar", "off", "--brand", "/")
    assert code == 0, err


def test_an_error_of_ours_is_a_finding_on_that_post_and_the_run_goes_on(
        repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever else breaks while checking one post: an internal-error finding with the message,
    at 10 posts (this process) and at 1,600 (worker processes)."""
    from checks.builtin import POST_CHECKS

    def explode(post, ctx):  # type: ignore[no-untyped-def]
        if "patlat" in post.body:
            raise ValueError("bozuk")
        return []

    monkeypatch.setattr("checks.engine.POST_CHECKS", [*POST_CHECKS, explode])
    for count in (10, engine.PARALLEL_FROM + 100):
        for i in range(count):
            repo.post(f"p{i:05d}", "patlat" if i % 7 == 0 else "Merhaba")
        code, doc = repo.check_json("--jobs", "2")
        assert code == 1
        bad = [f for f in doc["findings"] if f["rule"] == "file.internal-error"]
        assert len(bad) == len(range(0, count, 7))
        assert "ValueError: bozuk" in bad[0]["message"]
        assert doc["files"] == count


@pytest.mark.parametrize("kind", ["pattern", "ban"])
def test_a_catastrophic_brand_regex_is_exit_2_naming_the_rule(repo: Repo, kind: str) -> None:
    spec = "regex: '(a|a)+$'" if kind == "pattern" else "patterns: ['(a|a)+$']"
    repo.rules(f"""\
        rules:
          - id: felaket
            kind: {kind}
            {spec}
        """)
    repo.post("bomba", "a" * 40 + "!")
    code, _, err = repo.run("check", "--grammar", "off")
    assert code == 2
    assert "brand/rules/voice.yml:2:" in err and "voice.felaket" in err and "(a|a)+$" in err


def test_a_catastrophic_schema_pattern_is_exit_2_naming_it(repo: Repo) -> None:
    import json as json_

    schema = json_.loads((Path(__file__).parent.parent / "checks/data/post.schema.json").read_text())
    schema["properties"]["title"]["pattern"] = "^(a|a)+$"
    repo.write("brand/post.schema.json", json_.dumps(schema))
    repo.post("bomba", "Merhaba", title="a" * 40 + "!")
    code, _, err = repo.run("check", "--grammar", "off")
    assert code == 2
    assert "brand/post.schema.json" in err and "(a|a)+$" in err


def test_fuzz_found_control_character_is_a_front_matter_finding() -> None:
    """Found by bench/fuzz.py after 202,000 posts: a control character in a front matter long
    enough for the depth check's event scan raised ReaderError (no mark): an internal error."""
    from checks.post import read_post

    post = read_post(str(Path(__file__).parent / "data/fuzz/control-character.md"))
    assert [f.rule for f in post.problems] == ["file.front-matter"]
    assert "control characters" in post.problems[0].message
