"""Hostile posts, file names and brand rule files for the fuzzer (tests/test_fuzz.py, bench/fuzz.py).

Each generator takes a ``random.Random`` and returns the bytes or text of one input, built from
pieces that once broke a run (issue 11: long URL paths ending in punctuation, alias bombs, deep
nesting, huge integers, YAML tags, dates in year 1 or 9999, non-UTF-8 bytes, backtick runs) mixed
with ordinary front matter and Turkish text. Hypothesis drives them through ``st.randoms()`` in the
test suite (so it shrinks and replays failures); the long run uses them directly, which is fast
enough for a million posts.
"""

from __future__ import annotations

import random
import re

KEYS = ["title", "date", "platforms", "status", "author", "lang", "campaign", "media", "approvals", "embargo",
        "sponsored", "crisis", "topics", "pii_consent", "correction", "tags", "x", "platfroms"]
PLATFORMS = ["x", "instagram", "facebook", "linkedin", "tiktok", "mastodon", "bluesky", "threads", "youtube", "zz"]
STATUSES = ["draft", "review", "approved", "scheduled", "published", "archived", "??"]
DATES = ["2027-03-01T10:00:00+03:00", "0001-01-01T00:00:00+03:00", "9999-12-31T23:59:59-12:00",
         "2027-02-29T10:00:00", "2027-03-01", "2027-13-01T00:00:00Z", "2027-03-01T10:00:00+14:00", "yarın", ""]
WORDS = ["Merhaba", "kampanya", "İstanbul", "ışık", "online", "şok fiyat", "rakibimizden", "#UcuzFırsat", "#reklam",
         "@ayse", "ayse@ornek.com.tr", "0532 123 45 67", "TR33 0006 1005 1978 6457 8413 26", "10000000146",
         "https://ornek.com.tr/kampanya?utm_source=x", "ornek.com.tr/a", "www.ornek.com", "😀", "👨\u200d👩\u200d👧",
         "<!-- ekip-disable voice.* -->", "<!-- ekip-enable -->", "`kod`", "```\nblok\n```", "İ̇", "\u202e", "\r\n",
         "\t", "\ufeff", "(", ")", "[", "]", "!", "?", ".", ",", "'", '"', "\\", "---", "...", "~", "*", "_"]
HOSTILE = [
    "https://ornek.com.tr/" + "a" * 60 + "!",
    "a." * 400,
    "a-" * 400 + "x.com",
    "`" * 300,
    "<!--" * 50,
    "#" + "a" * 300,
    "@" * 200,
    "(" + " " * 300,
    "http://" + "x" * 5000 + ".com",
    "\u200d" * 100,
]
FRONT_HOSTILE = [
    "x: " + "[" * 200 + "]" * 200,
    "x:\n  " + "- " * 300 + "a",
    "n: " + "9" * 4400,
    "s: !!set {a: null}",
    "b: !!binary aGk=",
    "o: !!python/object:os.system x",
    "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]",
    "r: &r [*r]",
    "title: title",
    "? [a, b]\n: c",
    "%YAML 1.1\n---",
    "'unclosed: x",
    "date: 2027-03-01T10:00:00+03:00\ndate: 2027-03-02T10:00:00+03:00",
    "approvals: [{by: mehmet, at: 2027-02-01T10:00:00+0,3:00}]",
    "media: [{path: /etc/passwd, alt: a}, {path: ../../x.png}]",
    "platforms: x",
    "title: " + "ş" * 3000,
]


def scalar(rng: random.Random) -> str:
    kind = rng.randrange(9)
    if kind == 0:
        return rng.choice(DATES)
    if kind == 1:
        return str(rng.randint(-(10**6), 10**6))
    if kind == 2:
        return "[" + ", ".join(rng.choice(PLATFORMS) for _ in range(rng.randrange(4))) + "]"
    if kind == 3:
        return rng.choice(["true", "false", "null", "~", "1e400", ".nan", "0x1F", "0o17"])
    if kind == 4:
        return '"' + text(rng, 3).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if kind == 5:
        return rng.choice(STATUSES)
    if kind == 6:
        return "[{by: " + rng.choice(["mehmet", "ayse", "okan", "x"]) + ", at: " + rng.choice(DATES) + "}]"
    return rng.choice(WORDS).replace("\n", " ")


def text(rng: random.Random, size: int) -> str:
    """Some words, hostile pieces and random code points."""
    parts = []
    for _ in range(rng.randrange(size + 1)):
        r = rng.random()
        if r < 0.6:
            parts.append(rng.choice(WORDS))
        elif r < 0.7:
            parts.append(rng.choice(HOSTILE))
        else:
            parts.append("".join(chr(rng.choice((rng.randrange(32, 127), rng.randrange(0x80, 0x3000),
                                                rng.randrange(0x1F300, 0x1FAFF))))
                                 for _ in range(rng.randrange(1, 8))))
        parts.append(rng.choice([" ", " ", "\n", "", "\n\n"]))
    return "".join(parts)


def front_matter(rng: random.Random) -> str:
    lines = [f"{k}: {v}" for k, v in (
        ("title", "Deneme"), ("date", "2027-03-01T10:00:00+03:00"), ("platforms", "[x, instagram]"),
        ("status", "draft"), ("author", "ayse")) if rng.random() < 0.8]
    for _ in range(rng.randrange(4)):
        lines.append(f"{rng.choice(KEYS)}: {scalar(rng)}")
    if rng.random() < 0.25:
        lines.append(rng.choice(FRONT_HOSTILE))
    rng.shuffle(lines)
    return "\n".join(lines)


def post(rng: random.Random) -> bytes:
    """One post file's bytes: mostly well-formed, sometimes broken in one of many ways."""
    body = text(rng, 30)
    r = rng.random()
    if r < 0.03:
        return rng.randbytes(rng.randrange(200))
    if r < 0.06:
        return ("---\n" + front_matter(rng) + "\n").encode()  # unclosed
    source = "---\n" + front_matter(rng) + "\n" + rng.choice(["---", "...", "--- "]) + "\n" + body
    data = source.encode("utf-8", "surrogatepass")
    if rng.random() < 0.03:
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.choice([b"\xff", b"\x00", b"\xc3", b"\xed\xa0\x80"]) + data[at:]
    if rng.random() < 0.03:
        data = b"\xef\xbb\xbf" + data
    if rng.random() < 0.05:
        data = data.replace(b"\n", b"\r\n")
    return data


def file_name(rng: random.Random, index: int) -> bytes:
    """A post file name (bytes: it may not be UTF-8), unique by ``index``."""
    stem = rng.choice([b"gonderi", b"k\xf6t\xfc", "şık-ürün".encode(), b"a b", b"-x", b"\xff\xfe",
                       b"\xe2\x80\xae", b"..md", "😀".encode()])
    return stem + b"-" + str(index).encode() + b".md"


RULE_KINDS = ["ban", "prefer", "casing", "limit", "pattern", "require", "readability", "nope"]


def rule_file(rng: random.Random) -> str:
    """A brand rules/*.yml file: valid, invalid, or hostile."""
    if rng.random() < 0.15:
        return rng.choice(FRONT_HOSTILE)
    rules = []
    for i in range(rng.randrange(1, 4)):
        kind = rng.choice(RULE_KINDS)
        fields = [f"id: r{i}", f"kind: {kind}"]
        if kind == "casing":
            fields.append("names: [" + rng.choice(["Ekip", "İstanbulKart", "", "x"]) + "]")
        if kind in ("ban", "require"):
            terms = (rng.choice(["şok", "online", "Ekip", "x", "", "İ"]) for _ in range(2))
            fields.append("terms: [" + ", ".join(terms) + "]")
        if kind == "prefer":
            fields.append(rng.choice(["swap: {online: çevrim içi}", "swap: {'': a}", "swap: [a]"]))
        if kind in ("pattern",):
            fields.append("regex: " + rng.choice(["'[A-Z]{5,}'", "'('", "'(?i)şok'", "''", "'\\\\p{Lu}+'"]))
        if kind == "limit":
            fields.append(rng.choice(["count: '!'\n    max: 3", "count: ':emoji:'\n    max: -1", "max: x",
                                      "count: ':word:'\n    min: 2\n    scope: sentence"]))
        if rng.random() < 0.3:
            fields.append(f"level: {rng.choice(['error', 'warning', 'info', 'fatal'])}")
        if rng.random() < 0.2:
            fields.append(f"{rng.choice(['lang', 'platforms', 'message', 'extra'])}: {scalar(rng)}")
        rules.append("  - " + "\n    ".join(fields))
    return "rules:\n" + "\n".join(rules) + "\n"


FORMATS = ("json", "json", "json", "sarif", "text", "github")
NOWS = ("2027-03-01T12:00:00+03:00", "2027-03-01T00:30:00+03:00", "2026-12-31T23:59:59Z",
        "2027-02-28T21:00:00-12:00", "0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59+14:00", "yarın")


class Outcome:
    """What one checked batch gave: the exit code, the report's entry count, whether the brand
    variant or ``--now`` was refused (exit 2, then the batch is checked with the default brand)."""

    def __init__(self, code: int, findings: int, refused: str = "") -> None:
        self.code, self.findings, self.refused = code, findings, refused


def _run_check(folder: str, argv: list[str]) -> tuple[int, str, str]:
    import contextlib
    import io
    import os

    from checks.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", "--grammar", "off", *argv])
    finally:
        os.chdir(old)
    return code, out.getvalue(), err.getvalue()


def write_posts(folder: str, posts: list[bytes], names: list[bytes]) -> None:
    """Make ``folder``/content/posts hold exactly ``posts`` under ``names``."""
    import os

    target = os.path.join(os.fsencode(folder), b"content", b"posts")
    for entry in os.listdir(target):
        os.remove(os.path.join(target, entry))
    for name, data in zip(names, posts, strict=True):
        with open(os.path.join(target, name), "wb") as fh:
            fh.write(data)


def write_brand(folder: str, files: dict[str, str]) -> None:
    """Put the fuzz brand in ``folder``/brand, with ``files`` (brand-relative paths) over it."""
    import os
    import shutil

    shutil.rmtree(os.path.join(folder, "brand"), ignore_errors=True)
    make_repo(folder)
    for rel, data in files.items():
        path = os.path.join(folder, "brand", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as fh:
            fh.write(data)


def check_batch(folder: str, posts: list[bytes], names: list[bytes], jobs: int = 1, fmt: str = "json",
                now: str = NOWS[0], brand: dict[str, str] | None = None, fix: bool = False) -> Outcome:
    """Write ``posts`` under ``folder``/content/posts and run ``ekip check`` over them in this
    process (the fuzz brand of ``make_repo`` in ``folder``/brand, with ``brand``'s files over it);
    return its outcome. Raise AssertionError on a traceback, on an exit code that is not 0 or 1
    (2 only for a refused brand variant or ``--now``, with a message and no traceback), on a
    report that does not parse or lacks a file, or on a ``file.internal-error`` finding."""
    import json

    write_posts(folder, posts, names)
    if brand:
        write_brand(folder, brand)
    argv = ["--format", fmt, "--now", now, "--jobs", str(jobs), *(["--fix"] if fix else [])]
    code, out, err = _run_check(folder, argv)
    refused = ""
    if code == 2 and (brand or now != NOWS[0]):
        assert "Traceback" not in err, err[-2000:]
        # A refused brand names the file and line; a refused --now says so.
        assert re.match(r"ekip: (brand/\S+:\d+: |--now )", err), err[-2000:]
        refused = err.strip()
        if brand:
            write_brand(folder, {})
        argv[argv.index("--now") + 1] = NOWS[0]
        code, out, err = _run_check(folder, argv)
    assert code in (0, 1), f"exit {code}: {err[-2000:]}"
    assert "Traceback" not in err, err[-2000:]
    findings = 0
    if fmt == "json":
        doc = json.loads(out)
        assert doc["files"] == len(posts), (doc["files"], len(posts))
        internal = [f for f in doc["findings"] if f["rule"] == "file.internal-error"]
        assert not internal, internal[:3]
        findings = len(doc["findings"])
    elif fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        internal = [r for r in results if r["ruleId"] == "file.internal-error"]
        assert not internal, internal[:3]
        findings = len(results)
    else:
        assert "file.internal-error" not in out, out[-2000:]
        findings = out.count("\n")
    if brand and not refused:
        write_brand(folder, {})
    return Outcome(code, findings, refused)


def sample_brand() -> dict[str, str]:
    """The repository's own sample brand (every file of brand/), read once."""
    if not _SAMPLE:
        from pathlib import Path

        root = Path(__file__).resolve().parents[2] / "brand"
        _SAMPLE.update({p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
                        for p in sorted(root.rglob("*.yml"))})
    return dict(_SAMPLE)


_SAMPLE: dict[str, str] = {}
PACKS = ["[tr-yazim, kvkk]", "[kvkk]", "[]", "[tr-yazim]", "[nope]", "kvkk"]


def brand_variant(rng: random.Random) -> dict[str, str]:
    """Brand files to put over the fuzz brand for one batch: most often none, else a generated
    rules file, other packs, crisis mode on, a platform table, or a hostile brand file."""
    r = rng.random()
    if r < 0.45:
        return {}
    if r < 0.5:
        return sample_brand()
    if r < 0.75:
        return {"rules/voice.yml": rule_file(rng)}
    if r < 0.82:
        return {"brand.yml": FUZZ_BRAND.replace("[tr-yazim, kvkk]", rng.choice(PACKS))}
    if r < 0.89:
        return {"crisis.yml": "active: true\nsince: 2027-02-28T10:00:00+03:00\nseverity: " +
                rng.choice(["high", "low", "x"]) + "\nreason: " + scalar(rng) + "\n"}
    if r < 0.95:
        limit = rng.choice(["10", "0", "-1", "x", "280"])
        counting = rng.choice(["graphemes", "utf16", "x", "nope"])
        return {"platforms.yml": f"platforms:\n  x:\n    max_length: {limit}\n"
                                 f"  yeni:\n    max_length: 50\n    counting: {counting}\n"}
    target = rng.choice(["brand.yml", "team.yml", "calendar.yml", "sensitive.yml", "rules/voice.yml"])
    return {target: rng.choice(FRONT_HOSTILE) + "\n"}


FUZZ_BRAND = """\
name: Fuzz
timezone: Europe/Istanbul
default_lang: tr
packs: [tr-yazim, kvkk]
"""
FUZZ_TEAM = "members:\n  ayse: {name: Ayşe, roles: [writer]}\n  mehmet: {name: Mehmet, roles: [manager]}\n"
FUZZ_RULES = """\
rules:
  - {id: yasak, kind: ban, terms: [şok fiyat]}
  - {id: tercih, kind: prefer, swap: {online: çevrim içi}}
  - {id: marka, kind: casing, names: [Ekip]}
  - {id: bagir, kind: pattern, regex: '\\b[A-ZÇĞİÖŞÜ]{5,}\\b'}
  - {id: unlem, kind: limit, count: '!', max: 3}
"""
FUZZ_CALENDAR = "daily_limit: {x: 2}\nmin_gap_minutes: {instagram: 30}\nquiet_periods:\n" \
                "  - {id: bayram, start: '2027-03-01T00:00:00', end: '2027-03-02T00:00:00', yearly: true}\n"


def make_repo(folder: str) -> None:
    import os

    os.makedirs(os.path.join(folder, "brand", "rules"), exist_ok=True)
    os.makedirs(os.path.join(folder, "content", "posts"), exist_ok=True)
    for rel, data in (("brand/brand.yml", FUZZ_BRAND), ("brand/team.yml", FUZZ_TEAM),
                      ("brand/rules/voice.yml", FUZZ_RULES), ("brand/calendar.yml", FUZZ_CALENDAR)):
        with open(os.path.join(folder, rel), "w", encoding="utf-8") as fh:
            fh.write(data)
