"""Reading posts: front matter with positions, masks, hashtags, and bad input of every kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.findings import front_finding
from checks.post import read_post
from tests.conftest import Repo, post_text

BAN = """
rules:
  - id: banned
    kind: ban
    terms: [ucuz]
"""


def load(body: str, **front: object) -> object:
    return read_post("p.md", data=post_text(body, **front).encode())


@pytest.mark.parametrize(
    "body",
    [
        "https://ucuz.com/ucuz-urunler",
        "http://ornek.com.tr/?q=ucuz",
        "ornek.com.tr/ucuz",
        "www.ucuz.com",
        "ucuz@ornek.com.tr",
        "@ucuz",
        "`ucuz`",
        "```\nucuz\n```",
        "~~~md\nucuz ucuz\n~~~",
        "<!-- ucuz -->",
        "<!--\nçok ucuz\n-->",
    ],
)
def test_masks_hide_words(repo: Repo, body: str) -> None:
    repo.rules(BAN)
    repo.post("a", "Merhaba\n" + body + "\ndünya")
    assert repo.findings(rule="voice.banned") == []


def test_words_around_masks_still_match(repo: Repo) -> None:
    repo.rules(BAN)
    repo.post("a", "ucuz https://ornek.com.tr `kod` ucuz")
    found = repo.findings(rule="voice.banned")
    assert [(f["line"], f["column"]) for f in found] == [(9, 1), (9, 33)]


def test_hashtags_are_read_as_camel_case_words(repo: Repo) -> None:
    repo.rules(BAN)
    repo.post("a", "Yeni sezon #UcuzFırsat #buçucuz")
    found = repo.findings(rule="voice.banned")
    assert [(f["column"], f["match"]) for f in found] == [(13, "Ucuz")]


def test_hashtag_camel_split() -> None:
    post = load("#YeniSezon2026 ve #KVKKUyumu, C# değil, #1 değil")
    assert [t for _, _, t in post.hashtags] == ["#YeniSezon2026", "#KVKKUyumu"]  # type: ignore[attr-defined]


def test_text_drops_comments_and_trims() -> None:
    post = load("\n\n  Merhaba <!-- not --> dünya  \n\n")
    assert post.text == "Merhaba  dünya"  # type: ignore[attr-defined]


def test_timestamps_stay_strings() -> None:
    post = load("x", date="2026-12-01T10:00:00+03:00")
    assert post.front["date"] == "2026-12-01T10:00:00+03:00"  # type: ignore[attr-defined]


def test_bom_and_crlf(repo: Repo) -> None:
    repo.rules(BAN)
    text = "\ufeff" + post_text("Satır bir\nçok ucuz\n").replace("\n", "\r\n")
    repo.write("content/posts/a.md", text.encode("utf-8"))
    _code, doc = repo.check_json()
    found = [f for f in doc["findings"] if f["rule"] == "voice.banned"]
    assert doc["findings"] == found
    assert [(f["line"], f["column"], f["end_column"]) for f in found] == [(10, 5, 9)]


def test_columns_count_code_points(repo: Repo) -> None:
    repo.rules(BAN)
    repo.post("a", "🧑‍🔧 Şöyle ucuz")
    [f] = repo.findings(rule="voice.banned")
    # 🧑‍🔧 is three code points, then a space, "Şöyle", a space.
    assert (f["column"], f["end_column"]) == (11, 15)


def test_schema_finding_points_at_the_key(repo: Repo) -> None:
    repo.post("a", "Merhaba", status="yayinda", platfroms="[x]")
    found = repo.findings(rule="schema")
    where = {(f["line"], f["column"]) for f in found}
    assert (5, 9) in where  # status value
    assert (7, 1) in where  # unknown key platfroms
    assert any("platfroms" in f["message"] for f in found)


def test_date_time_format_is_checked(repo: Repo) -> None:
    repo.post("a", "Merhaba", date="'1 Aralık'")
    [f] = repo.findings(rule="schema")
    assert f["line"] == 3 and "date" in f["message"]


def test_date_without_offset_is_valid(repo: Repo) -> None:
    repo.post("a", "Merhaba", date="2027-03-01T10:00:00")
    assert repo.findings(rule="schema") == []


def test_unknown_platform(repo: Repo) -> None:
    repo.post("a", "Merhaba", platforms="[x, myspace]")
    [f] = repo.findings(rule="schema")
    assert "myspace" in f["message"] and (f["line"], f["column"]) == (4, 16)


BAD_INPUTS = [
    ("no front matter", b"Merhaba\n", "file.front-matter", 1),
    ("unclosed front matter", b"---\ntitle: x\n\nMerhaba\n", "file.front-matter", 1),
    ("invalid YAML", b"---\ntitle: [x\n---\nMerhaba\n", "file.front-matter", 3),
    ("list as front matter", b"---\n- a\n- b\n---\nMerhaba\n", "file.front-matter", 1),
    ("python tag", b"---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\nx\n", "file.front-matter", 2),
    ("latin-1", "---\ntitle: x\n---\nGüzel\n".encode("latin-1"), "file.encoding", 4),
    ("NUL byte", b"---\ntitle: x\n---\nab\x00c\n", "file.encoding", 4),
    ("empty file", b"", "file.front-matter", 1),
    ("duplicate key", b"---\ntitle: x\ntitle: y\n---\nx\n", "file.front-matter", 3),
]


@pytest.mark.parametrize(("name", "data", "rule", "line"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_gives_a_finding_not_a_traceback(repo: Repo, name: str, data: bytes, rule: str, line: int) -> None:
    repo.write("content/posts/bad.md", data)
    code, out, err = repo.run("check", "--format", "json", "--grammar", "off")
    assert code == 1, err
    assert "Traceback" not in err
    import json

    [f] = json.loads(out)["findings"]
    assert (f["rule"], f["level"], f["line"]) == (rule, "error", line)
    assert f["path"] == "content/posts/bad.md"


def test_python_tag_is_not_executed(repo: Repo, tmp_path: object) -> None:
    marker = repo.root / "pwned"
    repo.write("content/posts/bad.md", f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\nx\n")
    repo.run("check", "--grammar", "off")
    assert not marker.exists()


def test_five_megabyte_file(repo: Repo) -> None:
    repo.rules(BAN)
    body = ("Sosyal medya ekibimiz içerik takvimini günceller. " * 100 + "\n") * 1000 + "ucuz\n"
    assert len(body.encode()) > 5_000_000
    repo.post("big", body)
    [f] = repo.findings(rule="voice.banned")
    assert f["line"] == 8 + 1 + 1000


TRICKY_FRONT = [
    "title: a\nstatus: draft\n",
    "title: a\n# comment\nstatus: draft\n",
    "title: a\nplatforms:\n  - x\n  - instagram\n",
    "title: a\nplatforms: [x,\n  instagram]\n",
    "title: 'çok: satırlı'\n",
    "title: \"tırnak \\\" içinde\"\n",
    "title: a\ntitle: b\n",
    "- a\n- b\n",
    "title: &t a\ncopy: *t\n",
    "title: !!str 12\n",
    "body: |\n  satır\n  satır\n",
    "title: a\nmedia:\n  - path: m.png\n    alt: Görsel\n",
    "? karmaşık\n: anahtar\n",
    "{title: a, status: draft}\n",
    "title: a\n  devam\n",
    "sponsored: yes\ncount: 012\nratio: 1e3\nnull_value: ~\n",
    "date: 2026-12-01T10:00:00+03:00\n",
    "",
    "# yalnız yorum\n",
    "title: [\n",
]


@pytest.mark.parametrize("text", TRICKY_FRONT)
def test_fast_front_matter_path_agrees_with_yaml(text: str) -> None:
    from checks.yamlfile import YamlError, load, load_mapping

    fast = load_mapping(text)
    try:
        expected = load(text).data
    except YamlError:
        assert fast is None
        return
    assert fast is None or fast == expected
    if isinstance(expected, dict) and expected and not any(c in text for c in "&!|?{"):
        assert fast == expected  # the ordinary cases do take the fast path


def test_front_finding_positions_after_fast_path(repo: Repo) -> None:
    repo.post("a", "Merhaba", status="yayinda")
    [f] = repo.findings(rule="schema")
    assert (f["line"], f["column"]) == (5, 9)


@pytest.mark.parametrize(
    "line",
    ["title: Merhaba dünya\n", "title: 'tırnak' # yorum\n", 'title: "çift \\" tırnak"\n', "title: a # yorum\n",
     "platforms: [x, instagram]\n", "status:   draft  \n", "title: |\n  blok\n", "sponsored: true\n",
     "date: 2026-12-01T10:00:00+03:00\n", "media:\n  - path: x\n", "title: a\r\n", "title: >\n  katlanmış\n"],
)
def test_quick_key_positions_match_the_parser(line: str) -> None:
    from checks.yamlfile import load

    key = line.split(":")[0]
    src = "---\nauthor: ayse\n" + line + "---\n\nx\n"
    post = read_post("a.md", data=src.encode())
    quick = front_finding(post, "r", "error", "m", [key])
    post.fm = load(src[post.fm_offset:post.fm_end()])
    parsed = front_finding(post, "r", "error", "m", [key])
    assert (quick.line, quick.column, quick.end_line, quick.end_column) == (
        parsed.line, parsed.column, parsed.end_line, parsed.end_column)
    quick_key = front_finding(read_post("a.md", data=src.encode()), "r", "error", "m", [key], key=True)
    parsed_key = front_finding(post, "r", "error", "m", [key], key=True)
    assert (quick_key.line, quick_key.column, quick_key.end_column) == (
        parsed_key.line, parsed_key.column, parsed_key.end_column)


@pytest.mark.parametrize(
    ("line", "index"),
    [("platforms: [x, instagram]\n", 1), ("platforms: [ x ,instagram ]\n", 0), ("platforms: [x,  tiktok]\n", 1),
     ("platforms: ['x', y]\n", 1), ("platforms:\n  - x\n  - y\n", 1)],
)
def test_quick_flow_item_positions_match_the_parser(line: str, index: int) -> None:
    from checks.yamlfile import load

    src = "---\nauthor: ayse\n" + line + "---\n\nx\n"
    post = read_post("a.md", data=src.encode())
    quick = front_finding(post, "r", "error", "m", ["platforms", index])
    post.fm = load(src[post.fm_offset:post.fm_end()])
    parsed = front_finding(post, "r", "error", "m", ["platforms", index])
    assert (quick.line, quick.column, quick.end_column) == (parsed.line, parsed.column, parsed.end_column)


def test_fast_front_matter_path_agrees_with_yaml_on_random_documents() -> None:
    import random

    from checks import yamlfile

    lines = ["title: A\n", "title: 'B: c'\n", "status: draft\n", "# yorum\n", "platforms: [x, y]\n",
             "platforms:\n  - x\n  - y\n", "lang: tr\n", "n: 1\n", "b: yes\n", "d: 2026-01-01T10:00:00+03:00\n",
             "media:\n  - path: a\n    alt: b\n", "e: \n", "\n", "x: {a: 1}\n", "{q: 1, r: 2}\n", "foo\n",
             "  girintili: 1\n", "- liste\n", "k:\n", "u: [\n", "  v]\n", "w: 'a\n", "  b'\n", "\ttab: 1\n",
             "z: b\n  c\n", "title: \"Gönderi 1\"\n", "title: \"a\\\"b\"\n", "title: 'it''s'\n",
             "title: Çok güzel: evet\n", "title: a:b\n", "f: 1.5\n", "g: ~\n", "i: 0x1F\n", "j: .inf\n",
             "k2: 2026-01-01\n", "l: yes please\n", "m: -1\n", "n2: -x\n", "o: @x\n", "q2: a #b\n", "r2: a#b\n",
             "s: ''\n", "u2: True\n", "v2: 1_000\n", "x2: 'a' \n", "y2: a \n", "z2: :a\n", "b3: a,b\n", "c3: =\n",
             "d3: <<\n", "t: Yeni sezon!\n", "t2: 'a & b'\n", "t3: a*b neden?\n", "t4: \"100% | > <\"\n",
             "a1: &x 1\n", "a2: *x\n", "tg: !!str 5\n", "bl: |\n  x\n", "fo: >\n  y\n", "---\n", "...\n",
             "[a]: 1\n", "? k\n", ": v\n", "%YAML 1.2\n", "t5: !yerel a\n", "t6: a !b\n", "t7: '*x'\n",
             "posted:\n", "posted:\n  x: \"1234\"\n  instagram: https://www.instagram.com/p/Cabc/\n",
             "  linkedin: urn:li:activity:1\n", "    tiktok: 'v'\n", "  x: 12\n", "  on: a\n", "  # yorum\n",
             "posted:\r\n  x: a\r\n", "  - x\n", " tek: boşluk\n", "on: a\n", "null: b\n", "Yes: c\n",
             "t8: a\x0cb\n", "t9: 'a\x85b'\n", "t10: a\u2028b\n", "t11: 'a\u2028b'\n", "t12: \"\ufffe\"\n"]
    rng = random.Random(5)
    taken = 0
    for _ in range(40000):
        text = "".join(rng.choice(lines) for _ in range(rng.randint(0, 5)))
        if rng.random() < 0.3:
            yamlfile._ENTRIES.clear()
        fast = yamlfile.load_mapping(text)
        try:
            expected = yamlfile.load(text).data
        except yamlfile.YamlError:
            expected = "invalid"
        if fast is not None:
            taken += 1
            assert fast == expected, text
    assert taken > 8000


@pytest.mark.parametrize("size", [0, 1, 65535, 65536, 65537, 3 * 65536 + 5])
def test_read_file_returns_every_byte(tmp_path: Path, size: int) -> None:
    from checks.post import read_file

    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    p = tmp_path / "f.md"
    p.write_bytes(data)
    assert read_file(str(p)) == data


def test_positions_agree_with_and_without_a_line_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """Short posts count lines in place; long ones build a table: both give the same answers."""
    import random

    from checks import positions
    from checks.post import Post

    rng = random.Random(1)
    for _ in range(100):
        src = "".join(rng.choice("ab\n\r") for _ in range(rng.randint(0, 200)))
        offsets = range(len(src) + 2)
        monkeypatch.setattr(positions, "_SHORT", 10**9)
        counted = [positions.position(Post("a.md", src), o) for o in offsets]
        monkeypatch.setattr(positions, "_SHORT", -1)
        tabled = [positions.position(Post("a.md", src), o) for o in offsets]
        assert counted == tabled, src


@pytest.mark.parametrize("title", ['"Yeni sezon başladı!"', "'Neden biz? Çünkü…'", "İndirim & kargo bedava!",
                                   '"%50 indirim | sadece bugün"'])
def test_punctuation_in_a_title_keeps_the_fast_path(title: str) -> None:
    """Social posts' titles end in ! and ? and hold & or %: inside a string these are no YAML
    syntax, so the front matter is still read without the full parser."""
    from checks import yamlfile

    text = f"title: {title}\nstatus: draft\n"
    fast = yamlfile.load_mapping(text)
    assert fast is not None and fast == yamlfile.load(text).data


def test_a_posted_block_is_read_without_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """``posted:`` is different in every published post: its platform lines are read as simple
    entries, the same mapping the parser gives, and the parser is not called."""
    from checks import yamlfile

    text = ("title: Yeni sezon\nposted:\n  x: \"1234567890\"\n  instagram: https://www.instagram.com/p/Cabc/\n"
            "  linkedin: 'urn:li:activity:7'\nstatus: published\n")
    expected = yamlfile.load(text).data
    yamlfile._ENTRIES.clear()

    def refuse(_: str) -> object:
        raise AssertionError("the parser was called")

    monkeypatch.setattr(yamlfile, "load", refuse)
    assert yamlfile.load_mapping(text) == expected
    assert expected["posted"]["linkedin"] == "urn:li:activity:7"
