"""``ekip lsp`` driven as an editor drives it: the real server in a subprocess, a real LSP client
(pytest-lsp, pygls) over stdio, in a temporary repository."""

from __future__ import annotations

import pytest
from lsprotocol import types as T

from checks.text import counting
from tests.conftest import Repo, post_text
from tests.lsp_client import Editor, LineMap, editor, utf16
from tests.support.counting_proxy import CountingProxy
from tests.test_grammar import languagetool, lt, proxy  # noqa: F401  (the LanguageTool fixtures)

pytestmark = pytest.mark.asyncio

RULES = """
rules:
  - id: banned-words
    kind: ban
    level: error
    message: "'{match}' marka dilimize uymuyor."
    terms: [ucuz, bedava]
    examples:
      bad: ["Bu fiyatlar çok ucuz."]
      good: ["Uygun fiyatlı seçenekler."]
  - id: prefer
    kind: prefer
    swap: {online: çevrim içi, feedback: geri bildirim}
  - id: names
    kind: casing
    names: [Instagram]
"""

NOW = "2027-02-01T10:00:00+03:00"


def rel(name: str) -> str:
    return f"content/posts/2027/03/{name}.md"


def units(text: str, encoding: str) -> int:
    return utf16(text) if encoding == "utf-16" else len(text.encode("utf-8"))


def span(diag: T.Diagnostic, text: str, encoding: str = "utf-16") -> str:
    lines = LineMap(text, encoding)
    return text[lines.offset(diag.range.start):lines.offset(diag.range.end)]


def codes(diags: list[T.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diags)


async def hover_at(ed: Editor, uri: str, where: T.Position) -> str | None:
    got = await ed.client.text_document_hover_async(T.HoverParams(T.TextDocumentIdentifier(uri), where))
    if got is None:
        return None
    assert isinstance(got.contents, T.MarkupContent) and got.contents.kind == T.MarkupKind.Markdown
    return got.contents.value


async def actions_at(ed: Editor, uri: str, diag: T.Diagnostic) -> list[T.CodeAction]:
    got = await ed.client.text_document_code_action_async(T.CodeActionParams(
        T.TextDocumentIdentifier(uri), diag.range, T.CodeActionContext(diagnostics=[diag])))
    return [a for a in got or [] if isinstance(a, T.CodeAction)]


@pytest.mark.parametrize(("client", "encoding"), [("visual-studio-code", "utf-16"), ("neovim@v0.11.0", "utf-8")])
async def test_diagnostics_are_those_of_ekip_check(repo: Repo, client: str, encoding: str) -> None:
    """Same ids, levels, messages and ranges as ``ekip check``; columns in the code units the
    client and server agreed on: UTF-16 for VS Code (an emoji outside the BMP counts 2), UTF-8
    for Neovim 0.11, which offers it first."""
    repo.rules(RULES)
    body = "Merhaba 👋🏽 bu ucuz bir online fırsat.\r\ninstagram'da #ucuzFırsat\n\n    http://ornek.com\n"
    path = repo.post("a", body)
    text = path.read_text(encoding="utf-8")
    expected = repo.findings("--now", NOW)
    assert {f["rule"] for f in expected} >= {"voice.banned-words", "voice.prefer", "voice.names", "links.https"}
    async with editor(repo.root, client, now=NOW, siteUrl="https://ekip.example/site") as ed:
        assert ed.encoding == encoding
        uri = ed.open(rel("a"))
        diags = await ed.diagnostics(uri)
        banned = next(d for d in diags if d.code == "voice.banned-words")
        http = next(d for d in diags if d.code == "links.https")
        hovers = [await hover_at(ed, uri, banned.range.start), await hover_at(ed, uri, http.range.end),
                  await hover_at(ed, uri, T.Position(1, 0))]
    lines = text.split("\n")
    want = []
    for f in expected:
        line = lines[f["line"] - 1]
        end_line = lines[f["end_line"] - 1]
        want.append((f["rule"], f["message"], f["line"] - 1, units(line[:f["column"] - 1], encoding),
                     f["end_line"] - 1, units(end_line[:f["end_column"] - 1], encoding),
                     {"error": 1, "warning": 2, "info": 3}[f["level"]]))
    got = [(d.code, d.message, d.range.start.line, d.range.start.character, d.range.end.line,
            d.range.end.character, d.severity.value if d.severity else 0) for d in diags]
    assert sorted(got) == sorted(want)
    banned = next(d for d in diags if d.code == "voice.banned-words" and span(d, text, encoding) == "ucuz")
    emoji = {"utf-16": 4, "utf-8": 8}[encoding]  # 👋🏽: two code points outside the BMP
    assert banned.range.start.character == len("Merhaba ") + emoji + len(" bu ")
    assert banned.source == "ekip"
    assert banned.code_description is not None
    assert banned.code_description.href == "https://ekip.example/site/marka/#voice.banned-words"
    # hover: the rule, its examples, the link to the brand guide
    assert hovers[0] is not None
    assert "voice.banned-words" in hovers[0] and "'ucuz' marka dilimize uymuyor." in hovers[0]
    assert "Bu fiyatlar çok ucuz." in hovers[0] and "Uygun fiyatlı seçenekler." in hovers[0]
    assert "(https://ekip.example/site/marka/#voice.banned-words)" in hovers[0]
    assert hovers[1] is not None and "Yerleşik denetim" in hovers[1]  # links.https, a built-in check
    assert hovers[2] is None  # nowhere near a finding


async def test_change_is_debounced_and_checks_the_unsaved_text(repo: Repo) -> None:
    repo.rules(RULES)
    repo.post("a", "Temiz bir metin.\n")
    async with editor(repo.root, now=NOW, debounce=200) as ed:
        uri = ed.open(rel("a"))
        assert await ed.diagnostics(uri, 1) == []
        for word in ("u", "ucu", "ucuz"):  # typing, faster than the debounce
            version = ed.change(uri, post_text(f"Temiz bir metin {word}.\n"))
        diags = await ed.diagnostics(uri, version)
        assert codes(diags) == ["voice.banned-words"]
        assert [v for u, v, _ in ed.published if u == uri] == [1, version]  # nothing in between
        # back to clean text: the finding goes away
        version = ed.change(uri, post_text("Temiz bir metin.\n"))
        assert await ed.diagnostics(uri, version) == []
    assert "ucuz" not in (repo.root / rel("a")).read_text(encoding="utf-8")  # nothing saved


async def test_code_actions(repo: Repo) -> None:
    repo.rules(RULES)
    repo.post("a", "Online mağazamız instagram hesabımızda.\n")
    repo.post("b", "İlk satır.\n  Bu çok ucuz bir fiyat.\n")
    repo.post("c", "Metin.\n", author="kimse")
    async with editor(repo.root, now=NOW) as ed:
        await fix_applied(ed, ed.open(rel("a")))
        await suppress_puts_the_cursor_on_the_reason(ed, ed.open(rel("b")))
        await suppress_a_front_matter_finding(ed, ed.open(rel("c")))


async def fix_applied(ed: Editor, uri: str) -> None:
    diags = await ed.diagnostics(uri)
    assert codes(diags) == ["voice.names", "voice.prefer"]
    prefer = next(d for d in diags if d.code == "voice.prefer")
    actions = await actions_at(ed, uri, prefer)
    fix = next(a for a in actions if a.title.startswith("Düzelt"))
    assert fix.is_preferred and fix.kind == T.CodeActionKind.QuickFix and fix.edit is not None
    ed.apply(fix.edit)
    diags = await ed.diagnostics(uri)
    assert codes(diags) == ["voice.names"]
    assert "Çevrim içi mağazamız" in ed.texts[uri]
    # fix everything at once
    all_fixes = await ed.client.text_document_code_action_async(T.CodeActionParams(
        T.TextDocumentIdentifier(uri), T.Range(T.Position(0, 0), T.Position(0, 0)),
        T.CodeActionContext(diagnostics=[], only=[T.CodeActionKind.SourceFixAll])))
    assert all_fixes and len(all_fixes) == 1
    ed.apply(all_fixes[0].edit)  # type: ignore[union-attr,arg-type]
    assert await ed.diagnostics(uri) == []
    assert "Instagram hesabımızda" in ed.texts[uri]


async def suppress_puts_the_cursor_on_the_reason(ed: Editor, uri: str) -> None:
    banned = (await ed.diagnostics(uri))[0]
    action = next(a for a in await actions_at(ed, uri, banned) if "sustur" in a.title)
    assert action.edit is not None and action.command is not None
    ed.apply(action.edit)
    assert "\n  <!-- ekip-disable-next-line voice.banned-words:  -->\n  Bu çok ucuz" in ed.texts[uri]
    await ed.client.workspace_execute_command_async(T.ExecuteCommandParams(
        command=action.command.command, arguments=action.command.arguments))
    shown = await ed.until(lambda: ed.client.shown_documents)
    assert shown[-1].uri == uri and shown[-1].take_focus
    cursor = shown[-1].selection
    assert cursor is not None and cursor.start == cursor.end
    offset = LineMap(ed.texts[uri]).offset(cursor.start)
    assert ed.texts[uri][offset - 2:offset + 4] == ":  -->"
    # no reason yet: suppressed, but the suppression itself is a warning
    assert codes(await ed.diagnostics(uri)) == ["suppression"]
    text = ed.texts[uri]
    ed.change(uri, text[:offset] + "kampanyanın resmî adı" + text[offset:])
    assert await ed.diagnostics(uri) == []


async def suppress_a_front_matter_finding(ed: Editor, uri: str) -> None:
    diags = await ed.diagnostics(uri)
    assert codes(diags) == ["workflow.author"]
    action = next(a for a in await actions_at(ed, uri, diags[0]) if "sustur" in a.title)
    ed.apply(action.edit)  # type: ignore[arg-type]
    assert "---\n<!-- ekip-disable workflow.author:  -->\n\nMetin." in ed.texts[uri]
    assert codes(await ed.diagnostics(uri)) == ["suppression"]


async def labels_at(ed: Editor, uri: str, text: str, marker: str = "|") -> list[str]:
    at = text.index(marker)
    ed.change(uri, text.replace(marker, ""))
    before = text[:at]
    pos = T.Position(before.count("\n"), utf16(before.rsplit("\n", 1)[-1]))
    got = await ed.client.text_document_completion_async(T.CompletionParams(T.TextDocumentIdentifier(uri), pos))
    items = got.items if isinstance(got, T.CompletionList) else got or []
    return sorted(i.label for i in items)


async def test_completion_in_front_matter(repo: Repo) -> None:
    repo.write("brand/brand.yml", "name: T\napprovals:\n  approved: {roles: [manager], count: 1}\n")
    repo.post("other", "Metin.\n", campaign="kis-indirimi")
    repo.post("a", "Metin.\n")
    async with editor(repo.root, now=NOW) as ed:
        uri = ed.open(rel("a"))
        await ed.diagnostics(uri)
        platforms = await labels_at(ed, uri, "---\ntitle: A\nplatforms: [x, |\n")  # half-typed
        assert "instagram" in platforms and "bluesky" in platforms and "x" not in platforms
        assert "instagram" in await labels_at(ed, uri, "---\nplatforms:\n  - |\n---\n")
        assert await labels_at(ed, uri, "---\nauthor: |\n---\n") == ["ayse", "mehmet", "okan"]
        statuses = await labels_at(ed, uri, "---\nstatus: |\n---\n")
        assert statuses == sorted(["idea", "draft", "review", "approved", "scheduled", "published", "archived"])
        assert await labels_at(ed, uri, "---\napprovals:\n  - by: |\n---\n") == ["mehmet"]
        assert await labels_at(ed, uri, "---\napprovals: [{by: |\n---\n") == ["mehmet"]
        assert await labels_at(ed, uri, "---\ncampaign: |\n---\n") == ["kis-indirimi"]
        keys = await labels_at(ed, uri, "---\ntitle: A\n|\n---\n")
        assert "platforms" in keys and "title" not in keys
        assert await labels_at(ed, uri, "---\ntitle: A\n---\nauthor: |\n") == []  # the body


async def test_live_counts_and_documents_that_are_not_posts(repo: Repo) -> None:
    body = "Kış koleksiyonu 🎉 https://ornek.com.tr/kis?utm_source=x çok yakında.\n"
    repo.post("a", body, platforms="[x, bluesky, instagram]")
    repo.write("README.md", "# Depo\n\nBurada ön bilgi yok.\n")
    async with editor(repo.root, now=NOW) as ed:
        uri = ed.open(rel("a"))
        await ed.diagnostics(uri)
        hints = await ed.client.text_document_inlay_hint_async(T.InlayHintParams(
            T.TextDocumentIdentifier(uri), T.Range(T.Position(0, 0), T.Position(20, 0))))
        lenses = await ed.client.text_document_code_lens_async(T.CodeLensParams(T.TextDocumentIdentifier(uri)))
        readme = ed.open("README.md")
        assert await ed.diagnostics(readme) == []
        template = ed.open("playbooks/sablon.md", post_text("{{ metin }}\n", author="kimse"))
        assert codes(await ed.diagnostics(template)) == ["workflow.author"]
    text = body.strip()
    x = counting.length(text, "x", 23)
    assert x != len(text)  # the URL counts 23 and the emoji 2 on X
    expected = (f"X {x}/280 · Bluesky {counting.length(text, 'graphemes')}/300 · "
                f"Instagram {counting.length(text, 'codepoints')}/2200")
    assert hints and hints[0].label == expected
    assert hints[0].position == T.Position(3, len("platforms: [x, bluesky, instagram]"))
    assert lenses and lenses[0].command and expected in lenses[0].command.title


async def test_checks_across_posts_see_disk_and_unsaved_text(repo: Repo) -> None:
    repo.write("brand/calendar.yml", "daily_limit: {facebook: 1}\n")
    repo.post("first", "Bir.\n", status="review", date="2027-03-01T09:00:00+03:00")
    repo.post("second", "İki.\n", status="draft", date="2027-03-01T12:00:00+03:00")
    async with editor(repo.root, now=NOW) as ed:
        uri = ed.open(rel("second"))
        assert await ed.diagnostics(uri) == []  # a draft is not counted
        version = ed.change(uri, post_text("İki.\n", status="review", date="2027-03-01T12:00:00+03:00"))
        assert codes(await ed.diagnostics(uri, version)) == ["calendar.daily-limit"]
        # the other post, open and moved to another day without saving: the limit holds again
        other = ed.open(rel("first"))
        await ed.diagnostics(other)
        ed.change(other, post_text("Bir.\n", status="review", date="2027-03-02T09:00:00+03:00"))
        await ed.until(lambda: ed.last(uri) == [])
        # a post written on disk by someone else (git pull): known through the file watcher
        repo.post("third", "Üç.\n", status="review", date="2027-03-01T08:00:00+03:00")
        ed.notify_files((rel("third"), T.FileChangeType.Created))
        await ed.until(lambda: codes(ed.last(uri) or []) == ["calendar.daily-limit"])
        assert any(r.method == T.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in ed.registrations)


async def test_brand_reload_and_invalid_brand(repo: Repo) -> None:
    repo.post("a", "Bu çok ucuz.\n")
    async with editor(repo.root, "neovim@v0.11.0", now=NOW) as ed:
        uri = ed.open(rel("a"))
        assert await ed.diagnostics(uri) == []
        rules = repo.rules(RULES)
        ed.notify_files(("brand/rules/voice.yml", T.FileChangeType.Created))
        await ed.until(lambda: codes(ed.last(uri) or []) == ["voice.banned-words"])
        # the platform table may have changed: the editor is asked for new counts
        await ed.until(lambda: T.WORKSPACE_INLAY_HINT_REFRESH in ed.refreshed)
        # an invalid brand file: one diagnostic in it, and the posts are still served
        rules.write_text(RULES + "  - id: broken\n    kind: ban\n    terms: [a\n", encoding="utf-8")
        ed.notify_files(("brand/rules/voice.yml", T.FileChangeType.Changed))
        brand_uri = ed.uri("brand/rules/voice.yml")
        bad = await ed.until(lambda: ed.last(brand_uri))
        assert len(bad) == 1 and bad[0].code == "brand" and bad[0].severity == T.DiagnosticSeverity.Error
        assert bad[0].range.start.line >= 15 and "YAML" in bad[0].message
        version = ed.change(uri, post_text("Bu çok ucuz, online.\n"))
        assert codes(await ed.diagnostics(uri, version)) == ["voice.banned-words", "voice.prefer"]  # last good brand
        # fixed and saved in the editor: the diagnostic goes, the new rules apply
        rules.write_text("rules:\n  - {id: banned-words, kind: ban, terms: [çok]}\n", encoding="utf-8")
        ed.client.text_document_did_save(T.DidSaveTextDocumentParams(T.TextDocumentIdentifier(brand_uri)))
        await ed.until(lambda: ed.last(brand_uri) == [])
        await ed.until(lambda: [span(d, ed.texts[uri], ed.encoding) for d in ed.last(uri) or []] == ["çok"])


async def test_single_file_without_a_workspace(repo: Repo) -> None:
    """VS Code with one file open and no folder: the file's repository becomes the root."""
    repo.rules(RULES)
    repo.post("a", "Bu çok ucuz.\n")
    async with editor(repo.root, workspace=False, now=NOW) as ed:
        uri = ed.open(rel("a"))
        diags = await ed.diagnostics(uri)
        assert codes(diags) == ["voice.banned-words"]


async def test_invalid_brand_at_start_still_serves(repo: Repo) -> None:
    repo.write("brand/brand.yml", "name: T\ntimezone: Nowhere/Else\n")
    repo.post("a", "Metin.\n", status="bogus")
    async with editor(repo.root, now=NOW) as ed:
        bad = await ed.until(lambda: ed.last(ed.uri("brand/brand.yml")))
        assert len(bad) == 1 and bad[0].range.start.line == 1 and "saat dilimi" in bad[0].message
        uri = ed.open(rel("a"))
        assert codes(await ed.diagnostics(uri)) == ["schema"]


async def test_crisis_mode(repo: Repo) -> None:
    repo.write("brand/crisis.yml", "active: true\nsince: 2027-02-06T04:30:00+03:00\nseverity: 3\nreason: deprem\n")
    repo.post("a", "Yeni sezon.\n", status="approved", date="2027-03-01T10:00:00+03:00",
              approvals="[{by: mehmet, at: 2027-02-01T10:00:00+03:00}]")
    async with editor(repo.root, now=NOW) as ed:
        uri = ed.open(rel("a"))
        diags = await ed.diagnostics(uri)
        assert codes(diags) == ["crisis.paused"]
        assert span(diags[0], ed.texts[uri]) == "2027-03-01T10:00:00+03:00"  # at the date
        version = ed.change(uri, ed.texts[uri].replace("status: approved", "status: approved\ncrisis: true"))
        assert await ed.diagnostics(uri, version) == []
        # crisis mode ends (ekip crisis end rewrites the file): the held post is free
        version = ed.change(uri, ed.texts[uri].replace("crisis: true\n", ""))
        assert codes(await ed.diagnostics(uri, version)) == ["crisis.paused"]
        (repo.root / "brand/crisis.yml").write_text("active: false\n", encoding="utf-8")
        ed.notify_files(("brand/crisis.yml", T.FileChangeType.Changed))
        await ed.until(lambda: ed.last(uri) == [])


HALF_TYPED = {
    "empty": ("", "file.front-matter"),
    "unclosed": ("---\ntitle: Yarım\nplatforms: [x\n", "file.front-matter"),
    "broken-yaml": ("---\ntitle: [Yarım\nstatus: : :\n---\nMetin\n", "file.front-matter"),
    "nul": ("---\ntitle: A\n---\nMet\x00in\n", "file.encoding"),
    "surrogate": ("---\ntitle: A\n---\nMet\udc80in\n", "file.encoding"),
    "not-a-mapping": ("---\n- a\n- b\n---\nMetin\n", "file.front-matter"),
    "tag": ("---\ntitle: !!python/object:os.system x\n---\n", "file.front-matter"),
}


async def test_half_typed_files_get_diagnostics_not_a_crash(repo: Repo) -> None:
    repo.post("a", "Metin.\n")
    async with editor(repo.root, now=NOW) as ed:
        uri = ed.open(rel("a"))
        await ed.diagnostics(uri)
        for name, (text, rule) in HALF_TYPED.items():
            version = ed.change(uri, text)
            diags = await ed.diagnostics(uri, version)
            assert [d.code for d in diags] == [rule], name
            # the other requests answer too
            await hover_at(ed, uri, T.Position(0, 0))
            await ed.client.text_document_completion_async(T.CompletionParams(T.TextDocumentIdentifier(uri),
                                                                              T.Position(1, 3)))
            await ed.client.text_document_code_action_async(T.CodeActionParams(
                T.TextDocumentIdentifier(uri), T.Range(T.Position(0, 0), T.Position(9, 0)),
                T.CodeActionContext(diagnostics=diags)))
            await ed.client.text_document_inlay_hint_async(T.InlayHintParams(
                T.TextDocumentIdentifier(uri), T.Range(T.Position(0, 0), T.Position(9, 0))))
        version = ed.change(uri, post_text("Metin.\n"))
        assert await ed.diagnostics(uri, version) == []
        assert not ed.client.messages  # no "Error in server" shown to the writer


@pytest.mark.languagetool
async def test_grammar_on_open_and_save(request: pytest.FixtureRequest, repo: Repo) -> None:
    """With grammar on, LanguageTool's findings come after opening and saving, not per keystroke."""
    counter: CountingProxy = request.getfixturevalue("lt")  # a real LanguageTool behind a counting proxy
    path = repo.post("en", "Ayşe wrote: this are a mistake.\n", lang="en")
    async with editor(repo.root, now=NOW, grammar="auto") as ed:
        uri = ed.open(rel("en"))
        diags = await ed.until(lambda: [d for d in ed.last(uri) or [] if str(d.code).startswith("grammar.")])
        assert [d.code for d in diags] == ["grammar.PLURAL_VERB_AFTER_THIS"]
        assert span(diags[0], ed.texts[uri]) == "this are" and diags[0].code_description is None
        requests = list(counter.requests)
        text = ed.texts[uri].replace("a mistake", "a mistake, really")
        version = ed.change(uri, text)
        assert await ed.diagnostics(uri, version) == []  # stale grammar findings are dropped
        assert counter.requests == requests  # typing sends nothing to LanguageTool
        path.write_text(text, encoding="utf-8")
        ed.client.text_document_did_save(T.DidSaveTextDocumentParams(T.TextDocumentIdentifier(uri)))
        diags = await ed.until(lambda: [d for d in ed.last(uri) or [] if str(d.code).startswith("grammar.")])
        assert span(diags[0], ed.texts[uri]) == "this are"


@pytest.mark.parametrize(("lang", "fix_title", "suppress_title"), [
    ("en", "Fix: ", "Suppress on this line (with a reason)"),
    ("tr", "Düzelt: ", "Bu satırda sustur (gerekçeyle)"),
])
async def test_the_editor_speaks_the_teams_language(repo: Repo, monkeypatch: pytest.MonkeyPatch, lang: str,
                                                    fix_title: str, suppress_title: str) -> None:
    """Quick-fix titles and hovers in the language EKIP_LANG chooses (checks/i18n.py)."""
    monkeypatch.setenv("EKIP_LANG", lang)  # the server is a subprocess: it inherits the environment
    repo.rules(RULES)
    repo.post("a", "Online mağazamız instagram hesabımızda.\n")
    async with editor(repo.root, now=NOW) as ed:
        uri = ed.open(rel("a"))
        diags = await ed.diagnostics(uri)
        prefer = next(d for d in diags if d.code == "voice.prefer")
        titles = [a.title for a in await actions_at(ed, uri, prefer)]
        assert any(t.startswith(fix_title) for t in titles), titles
        assert any(t.startswith(suppress_title) for t in titles), titles
        hover = await ed.client.text_document_hover_async(T.HoverParams(T.TextDocumentIdentifier(uri),
                                                                         prefer.range.start))
        assert hover is not None
        text = hover.contents.value if isinstance(hover.contents, T.MarkupContent) else str(hover.contents)
        assert ("Kind: " in text) == (lang == "en") and ("Tür: " in text) == (lang == "tr"), text
