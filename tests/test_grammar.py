"""The ``grammar`` check against a real LanguageTool server.

The session starts one with ``scripts/languagetool start`` on a free port (or reuses the one
at EKIP_LANGUAGETOOL_URL, or the one the script already runs here), and puts a small counting
HTTP proxy in front of it, so that tests can count the requests that reach LanguageTool. No
mocks: every answer comes from LanguageTool itself. Without Java or the jars the tests that
need the server are skipped, unless EKIP_REQUIRE_LANGUAGETOOL is set (CI), where they fail.

Tests that need no server (no server at all, settings, offsets) run everywhere.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from checks import engine
from checks.grammar.annotate import Utf16, annotate
from checks.grammar.config import GrammarConfig, canonical, normalize_url
from checks.post import read_post
from tests.support.counting_proxy import CountingProxy
from tests.support.languagetool import answers, free_port

if TYPE_CHECKING:
    from conftest import Repo

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "languagetool"
LIB = ROOT / "vendor" / "languagetool" / "lib"

GRAMMAR_BRAND = """\
name: Örnek Giyim
timezone: Europe/Istanbul
default_lang: tr
packs: []
grammar: {languages: [en], disabled_rules: []}
"""


# -- the server -------------------------------------------------------------------------------
def _unavailable(reason: str) -> None:
    if os.environ.get("EKIP_REQUIRE_LANGUAGETOOL"):
        pytest.fail(f"LanguageTool is required (EKIP_REQUIRE_LANGUAGETOOL) but {reason}")
    pytest.skip(f"no LanguageTool server: {reason} (set EKIP_REQUIRE_LANGUAGETOOL=1 to fail instead)")


@pytest.fixture(scope="session")
def languagetool() -> Iterator[str]:
    """Root URL of a real LanguageTool server for the whole session."""
    given = os.environ.get("EKIP_LANGUAGETOOL_URL", "").strip()
    if given:
        if not answers(given):
            _unavailable(f"EKIP_LANGUAGETOOL_URL={given} does not answer")
        yield normalize_url(given)
        return
    status = subprocess.run([str(SCRIPT), "status"], capture_output=True, text=True, timeout=30)
    running = re.search(r"http://localhost:\d+", status.stdout)
    if status.returncode == 0 and running and answers(running.group()):
        yield running.group()  # a server someone started with the script: reuse, leave it running
        return
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        _unavailable("java is not installed (LanguageTool needs Java 17+)")
    fetched = LIB.is_dir() and any(LIB.glob("languagetool-server-*.jar"))
    if not fetched and not os.environ.get("EKIP_REQUIRE_LANGUAGETOOL"):
        _unavailable(f"the LanguageTool jars are not in {LIB} (run 'scripts/languagetool fetch')")
    port = free_port()
    started = subprocess.run([str(SCRIPT), "start", str(port)], capture_output=True, text=True, timeout=900)
    if started.returncode != 0:
        _unavailable(f"'scripts/languagetool start {port}' failed:\n{started.stdout}\n{started.stderr}")
    try:
        yield f"http://localhost:{port}"
    finally:
        subprocess.run([str(SCRIPT), "stop"], capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="session")
def proxy(languagetool: str) -> Iterator[CountingProxy]:
    p = CountingProxy(languagetool)
    thread = threading.Thread(target=p.serve_forever, daemon=True)
    thread.start()
    try:
        yield p
    finally:
        p.shutdown()
        p.server_close()


@pytest.fixture
def lt(proxy: CountingProxy, repo: Repo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CountingProxy:
    """The repo talks to LanguageTool through the counting proxy, with an empty cache."""
    monkeypatch.setenv("EKIP_LANGUAGETOOL_URL", proxy.url)
    monkeypatch.setenv("EKIP_CACHE_DIR", str(tmp_path / "cache"))
    repo.write("brand/brand.yml", GRAMMAR_BRAND)
    proxy.reset()
    return proxy


def grammar(repo: Repo, *argv: str) -> tuple[int, list[dict[str, object]], str]:
    import json

    code, out, err = repo.run("check", "--format", "json", *argv)
    assert code in (0, 1), f"exit {code}: {err}"
    assert "Traceback" not in err
    found = [f for f in json.loads(out)["findings"] if str(f["rule"]).startswith("grammar.")]
    return code, found, err


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column (code points) of the first ``needle`` in ``text``."""
    i = text.index(needle)
    return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1


# -- with a server ----------------------------------------------------------------------------


@pytest.mark.languagetool
def test_mistake_found_at_its_line_and_column(lt: CountingProxy, repo: Repo) -> None:
    body = "".join(f"{word} line of the post is fine.\n" for word in
                   ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth"))
    body += "\nAyşe 😀 ve Şule 🎉 wrote: this are a mistake.\n"
    path = repo.post("mistake", body, lang="en")
    code, found, _ = grammar(repo)
    text = path.read_text(encoding="utf-8")
    line, column = position(text, "this are")
    assert line >= 10
    hits = [f for f in found if f["match"] == "this are"]
    assert len(hits) == 1, found
    f = hits[0]
    assert f["rule"] == "grammar.PLURAL_VERB_AFTER_THIS"
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (line, column, line, column + 8)
    assert f["level"] == "warning"
    assert "these are" in f["suggestions"] and len(f["suggestions"]) <= 5
    assert code == 0  # grammar findings are never errors


@pytest.mark.languagetool
def test_masked_spans_are_not_checked(lt: CountingProxy, repo: Repo) -> None:
    body = (
        "He go to school.\n\n"
        "Run `he go to school` in a terminal.\n\n"
        "```\nthis are a code block\nhe go there\n```\n\n"
        "<!-- this are a comment, he go there -->\n"
        "See https://ornek.com.tr/he-go-there-recieve and write to recieve.he.go@ornek.com.tr today.\n"
        "Thanks @recievve for the photos!\n"
    )
    path = repo.post("masks", body, lang="en")
    _, found, _ = grammar(repo)
    text = path.read_text(encoding="utf-8")
    line, column = position(text, "He go to school.")
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [("grammar.HE_VERB_AGR", line, column + 3)]


@pytest.mark.languagetool
def test_brand_vocabulary_is_not_a_spelling_mistake(lt: CountingProxy, repo: Repo) -> None:
    repo.rules("""
        rules:
          - id: brand-names
            kind: casing
            names: [Zeytinyağlı Kolektif, TikTok]
    """)
    body = (
        "Ayşe Yılmaz and Okan Çelik from Örnek Giyim met Zeytinyağlı Kolektif in Kadıköy.\n"
        "Follow @ornekgiyim and share with #YaşasınBahar #OrnekGiyim. Yılmaz's team will recieve you.\n"
    )
    repo.post("vocabulary", body, lang="en", campaign="yasasin-bahar", author="ayse")
    _, found, _ = grammar(repo)
    flagged = {f["match"] for f in found if str(f["rule"]).startswith("grammar.MORFOLOGIK")}
    assert "recieve" in flagged  # spelling is checked...
    assert "Kadıköy" in flagged  # ...and a word outside the vocabulary is still reported
    for word in ("Ayşe", "Yılmaz", "Okan", "Çelik", "Örnek", "Giyim", "Zeytinyağlı", "Kolektif",
                 "YaşasınBahar", "OrnekGiyim", "ornekgiyim"):
        assert not any(word in str(m) for m in flagged), (word, flagged)


@pytest.mark.languagetool
def test_disabled_rules_are_honoured(lt: CountingProxy, repo: Repo) -> None:
    repo.post("disabled", "He go to school. Wear it your way. Does it works?\n", lang="en")
    _, found, _ = grammar(repo)
    assert {f["rule"] for f in found} >= {"grammar.HE_VERB_AGR", "grammar.DOES_X_HAS"}
    repo.write("brand/brand.yml", GRAMMAR_BRAND.replace("disabled_rules: []", "disabled_rules: [HE_VERB_AGR]"))
    _, found, _ = grammar(repo)
    rules = {f["rule"] for f in found}
    assert "grammar.HE_VERB_AGR" not in rules and "grammar.DOES_X_HAS" in rules


@pytest.mark.languagetool
def test_inline_suppression(lt: CountingProxy, repo: Repo) -> None:
    body = ("<!-- ekip-disable-next-line grammar.HE_VERB_AGR: a quote, kept as said -->\n"
            "He go to school.\n\nShe go to work.\n")
    path = repo.post("quote", body, lang="en")
    _, found, _ = grammar(repo)
    line, _ = position(path.read_text(encoding="utf-8"), "She go")
    assert [f["line"] for f in found if f["rule"] == "grammar.HE_VERB_AGR"] == [line]


@pytest.mark.languagetool
def test_unchanged_posts_never_reach_languagetool_twice(lt: CountingProxy, repo: Repo) -> None:
    repo.post("one", "He go to school.\n", lang="en")
    repo.post("two", "Our shop opens at nine.\n", lang="en")
    repo.post("uc", "Mağazamız dokuzda açılıyor.\n")
    _, first, _ = grammar(repo)
    assert lt.paths("/v2/check") and len(lt.paths("/v2/check")) == 2
    lt.reset()
    _, second, _ = grammar(repo)
    assert lt.paths("/") == [], "a second run of unchanged posts sent requests"
    assert second == first
    lt.reset()

    repo.post("two", "Our shop open at nine.\n", lang="en")  # one post changed
    grammar(repo)
    assert len(lt.paths("/v2/check")) == 1
    lt.reset()
    grammar(repo, "--no-cache")
    assert len(lt.paths("/v2/check")) == 2
    assert len(lt.paths("/v2/languages")) == 1  # probed once per run


@pytest.mark.languagetool
def test_workers_do_not_probe_each(lt: CountingProxy, repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "PARALLEL_FROM", 2)
    for n in range(4):
        repo.post(f"post{n}", f"Post {n}: he go to school.\n", lang="en")
    _, found, _ = grammar(repo, "--jobs", "2")
    assert len([f for f in found if f["rule"] == "grammar.HE_VERB_AGR"]) == 4
    assert len(lt.paths("/v2/languages")) == 1
    assert len(lt.paths("/v2/check")) == 4


@pytest.mark.languagetool
def test_english_variant_from_brand(lt: CountingProxy, repo: Repo) -> None:
    repo.post("gb", "The colour of the season is green.\n", lang="en")
    _, found, _ = grammar(repo)
    assert "colour" in {f["match"] for f in found}  # en -> en-US
    repo.write("brand/brand.yml", GRAMMAR_BRAND.replace("languages: [en]", "languages: [en-GB]"))
    _, found, _ = grammar(repo)
    assert "colour" not in {f["match"] for f in found}


# -- without a server -------------------------------------------------------------------------
@pytest.fixture
def no_server(repo: Repo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Repo:
    monkeypatch.setenv("EKIP_LANGUAGETOOL_URL", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("EKIP_CACHE_DIR", str(tmp_path / "cache"))
    repo.write("brand/brand.yml", GRAMMAR_BRAND)
    repo.rules("""
        rules:
          - id: banned
            kind: ban
            level: error
            terms: [cheap]
    """)
    for n in range(3):
        repo.post(f"en{n}", f"Post number {n} is here.\n", lang="en")
    repo.post("tr1", "Bugün mağazamız açık.\n")
    repo.post("tr2", "Yarın da açığız.\n")
    return repo


def test_auto_without_server_says_so_once(no_server: Repo) -> None:
    code, _, err = no_server.run("check")
    assert code == 0, err
    lines = err.splitlines()
    assert len(lines) == 1, err  # one notice: skipped (3 English posts), Turkish posts mentioned
    assert "3 gönderi için atlandı" in lines[0] and "Türkçe" in lines[0]  # tests run in Turkish


def test_turkish_posts_are_mentioned_once(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EKIP_LANGUAGETOOL_URL", f"http://127.0.0.1:{free_port()}")
    for n in range(3):
        repo.post(f"tr{n}", f"Bugün {n}. gönderi.\n")
    code, _, err = repo.run("check")
    assert code == 0
    assert err.splitlines() == [
        "ekip: dil bilgisi: LanguageTool'da Türkçe yok ve tr-yazim paketi açık değil (brand.yml packs): "
        "Türkçe gönderilerin yazımı denetlenmiyor"]


def test_auto_without_server_exit_status_from_other_findings(no_server: Repo) -> None:
    no_server.post("en9", "This is cheap.\n", lang="en")
    code, _, err = no_server.run("check")
    assert code == 1
    assert len([x for x in err.splitlines() if "atlandı" in x]) == 1  # "skipped", in Turkish


def test_required_without_server_exits_2(no_server: Repo) -> None:
    code, _, err = no_server.run("check", "--grammar", "required")
    assert code == 2
    assert "--grammar required" in err and "Traceback" not in err


def test_off_says_nothing(no_server: Repo) -> None:
    code, _, err = no_server.run("check", "--grammar", "off")
    assert code == 0
    assert "grammar" not in err


# -- settings and offsets ---------------------------------------------------------------------
def test_server_url_precedence(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    from checks.brand.loader import load_brand

    monkeypatch.delenv("EKIP_LANGUAGETOOL_URL", raising=False)
    monkeypatch.delenv("LT_PORT", raising=False)
    repo.write("brand/brand.yml", GRAMMAR_BRAND)
    assert GrammarConfig.from_brand(load_brand(repo.root / "brand")).server == "http://localhost:8081"
    repo.write("brand/brand.yml", GRAMMAR_BRAND.replace("disabled_rules: []",
                                                         "disabled_rules: [], server: 'lt.internal:8010/v2/'"))
    assert GrammarConfig.from_brand(load_brand(repo.root / "brand")).server == "http://lt.internal:8010"
    monkeypatch.setenv("EKIP_LANGUAGETOOL_URL", "http://127.0.0.1:9999")
    config = GrammarConfig.from_brand(load_brand(repo.root / "brand"))
    assert (config.server, config.server_source) == ("http://127.0.0.1:9999", "EKIP_LANGUAGETOOL_URL")


def test_languages() -> None:
    from checks.brand.model import Brand

    config = GrammarConfig("http://x", "default", ["en"], frozenset())
    assert config.language_for("en") == "en-US"
    assert config.language_for("en-GB") == "en-GB"
    assert config.language_for("tr") is None and config.language_for("de") is None
    assert GrammarConfig("http://x", "default", [canonical("en_gb")], frozenset()).language_for("en") == "en-GB"
    assert GrammarConfig.from_brand(Brand(root=Path("."), dir=None)).languages == ["en"]


def test_utf16_offsets() -> None:
    text = "a😀b🎉c"
    to_cp = Utf16(text)
    utf16 = text.encode("utf-16-le")
    for i, ch in enumerate(text):
        u = len(text[:i].encode("utf-16-le")) // 2
        assert to_cp(u) == i, ch
    assert to_cp(len(utf16) // 2) == len(text)
    assert Utf16("plain")(3) == 3


def test_annotation_joins_to_the_body(tmp_path: Path) -> None:
    p = tmp_path / "p.md"
    p.write_text("---\ntitle: x\n---\n\nSee [our shop](https://ornek.com.tr/a) and <https://x.com>, "
                 "mail a@b.co, ask @ayse. `code` <!-- note -->\n\n```\nblock\n```\n#Tag end\n", encoding="utf-8")
    post = read_post(str(p))
    ann = annotate(post)
    assert "".join(d.get("text", d.get("markup", "")) for d in ann.data) == post.body
    read = "".join(d.get("text", d.get("interpretAs", "")) for d in ann.data)
    for hidden in ("https://", "a@b.co", "@ayse", "`code`", "note", "block", "](", "<"):
        assert hidden not in read, hidden
    assert "our shop" in read and "#Tag end" in read


def test_turkish_only_run_leaves_the_client_unloaded(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    """With nothing to send (the pre-commit case of a Turkish post) the sending half of the
    grammar check, with its server client, cache and thread pool, is never imported."""
    import os
    import subprocess
    import sys

    repo.post("tr0", "Bugün ilk gönderi.\n")
    probe = ("import sys; from checks.cli import main; code = main(sys.argv[1:]); "
             "print(code, 'checks.grammar.run' in sys.modules, 'checks.grammar.check' in sys.modules)")
    env = {**os.environ, "EKIP_CACHE_DIR": str(repo.root / ".cache"),
           "EKIP_LANGUAGETOOL_URL": f"http://127.0.0.1:{free_port()}"}
    out = subprocess.run([sys.executable, "-c", probe, "check"], cwd=repo.root, env=env,
                         capture_output=True, text=True, check=True)
    assert out.stdout.split()[-3:] == ["0", "False", "True"], out.stdout + out.stderr
    assert "LanguageTool'da Türkçe yok" in out.stderr
    again = subprocess.run([sys.executable, "-c", probe, "check"], cwd=repo.root, env=env,
                           capture_output=True, text=True, check=True)
    assert "LanguageTool'da Türkçe yok" in again.stderr  # a gap (no tr-yazim pack): said on every run
    repo.write("brand/brand.yml", GRAMMAR_BRAND.replace("packs: []", "packs: [tr-yazim]"))
    runs = [subprocess.run([sys.executable, "-m", "checks", "check"], cwd=repo.root, env=env,
                           capture_output=True, text=True) for _run in range(2)]
    # nothing missing (tr-yazim covers Turkish): said once per cache folder, not on every run
    assert "tr-yazim" in runs[0].stderr and "tr-yazim" not in runs[1].stderr, [r.stderr for r in runs]
