"""``ekip lsp``: the language server (pygls) over stdio.

Protocol choices where the issue leaves them open:

- **Sync**: full text on every change (posts are short; it spares the incremental-edit
  arithmetic). Positions use the encoding pygls agrees with the client (UTF-16 unless the
  client offers UTF-8 or UTF-32 first), converted by ``checks.lsp.positions``.
- **Root**: the folder that holds the nearest ``brand/`` at or above the workspace root (the
  first workspace folder, else the server's working directory; with neither holding a brand,
  the repository of the first document opened); the server works in it, so paths, messages and
  positions are those of ``ekip check`` run there.
- **Diagnostics**: on open at once, on change after ``debounce`` ms of quiet (default 50),
  for every open post (a change can move another post's calendar findings). Each publication
  carries the document's version. A post whose diagnostics did not change is not sent again.
- **Disk**: posts saved or changed outside the editor reach the server through
  ``workspace/didChangeWatchedFiles`` (registered for ``**/*.md`` and ``**/brand/**`` when the
  client allows dynamic registration; the VS Code extension also watches them itself).
- **Brand**: a change under ``brand/`` (watched, or saved in the editor) reloads it; an
  invalid file becomes one ``brand`` diagnostic at its file and line, posts keep being checked
  with the last brand that loaded, and the diagnostic goes away once the file is fixed.
- **Settings** (``initializationOptions``): ``now`` (ISO 8601, as ``--now``), ``grammar``
  (``off``/``auto``/``required``; default off), ``siteUrl`` (the published site, for links
  to the brand guide), ``debounce`` (ms).
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from checks import __version__
from checks.brand.loader import find_brand_dir
from checks.i18n import _
from checks.lsp import actions, completion, counts, diagnostics, hover
from checks.lsp.positions import LineIndex
from checks.lsp.repository import Document, Repository
from checks.timeutil import parse

DEBOUNCE_MS = 50


class EkipServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("ekip", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.repo: Repository | None = None
        self.guide = diagnostics.LOCAL_SITE + "marka/"
        self.debounce = DEBOUNCE_MS / 1000
        self.settings: dict[str, Any] = {}
        self.uris: dict[str, str] = {}  # path -> the uri the editor uses for it
        self.shown: dict[str, list[types.Diagnostic]] = {}  # uri -> last published
        self.brand_uri: str | None = None  # where the brand error was shown
        self.timer: asyncio.TimerHandle | None = None
        self.tasks: set[asyncio.Task[None]] = set()  # grammar runs under way

    # -- helpers -------------------------------------------------------------------------------
    @property
    def encoding(self) -> str:
        enc = self.workspace.position_encoding
        return str(enc.value if isinstance(enc, types.PositionEncodingKind) else enc or "utf-16")

    def rel(self, uri: str) -> str | None:
        path = to_fs_path(uri)
        if path is None or self.repo is None:
            return None
        rel = self.repo.rel(path)
        self.uris.setdefault(rel, uri)
        return rel

    def uri_of(self, rel: str) -> str:
        return self.uris.get(rel) or from_fs_path(str(self.repo.absolute(rel) if self.repo else rel)) or rel

    def doc(self, uri: str) -> Document | None:
        rel = self.rel(uri)
        return self.repo.open.get(rel) if self.repo and rel else None

    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=f"ekip: {message}"))

    # -- set-up --------------------------------------------------------------------------------
    def setup(self, params: types.InitializeParams) -> None:
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        self.settings = options
        start = None
        if params.workspace_folders:
            start = to_fs_path(params.workspace_folders[0].uri)
        elif params.root_uri:
            start = to_fs_path(params.root_uri)
        elif params.root_path:
            start = params.root_path
        self.root_at(Path(start or os.getcwd()))
        if isinstance(options.get("debounce"), int | float):
            self.debounce = max(0.0, float(options["debounce"]) / 1000)

    def root_at(self, base: Path) -> None:
        """Work from the folder that holds the nearest ``brand/`` at or above ``base``."""
        brand_dir = find_brand_dir(base) if base.is_dir() else None
        root = brand_dir.parent if brand_dir is not None else base
        os.chdir(root)
        self.repo = Repository(root, grammar_mode=str(self.settings.get("grammar") or "off"))
        self.uris = {}

    def reroot(self, uri: str) -> None:
        """An editor without a workspace folder (a single file opened in VS Code) starts the
        server wherever it is: when the first document opened lies in a repository with a
        ``brand/`` and the server has none, that repository becomes the root."""
        path = to_fs_path(uri)
        repo = self.repo
        if path is None or repo is None or (repo.brand_loaded and repo.brand.dir is not None) or repo.open:
            return
        found = find_brand_dir(Path(path).parent)
        if found is None or found.parent == repo.root:
            return
        self.root_at(found.parent)
        self.start_repository()

    def start_repository(self) -> None:
        repo = self.repo
        assert repo is not None
        self.reload_brand()
        now = self.settings.get("now")
        if isinstance(now, str) and now:
            repo.now = parse(now, repo.brand.timezone)
            if repo.now is None:
                self.log(f"now {now!r} is not an ISO 8601 time; using the clock", types.MessageType.Warning)
        repo.scan()
        self.log(f"{len(repo.disk)} posts under {repo.root}")

    def reload_brand(self) -> None:
        repo = self.repo
        assert repo is not None
        error = repo.reload_brand()
        configured = self.settings.get("siteUrl")
        self.guide = diagnostics.guide_address(repo.brand, configured if isinstance(configured, str) else None)
        self.refresh_counts()
        if self.brand_uri is not None:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=self.brand_uri, diagnostics=[]))
            self.brand_uri = None
        if error is None:
            return
        self.log(f"brand: {error}", types.MessageType.Error)
        rel = error.path if error.path and not error.path.startswith("<") else "brand/brand.yml"
        path = Path(rel) if os.path.isabs(rel) else repo.root / rel
        uri = self.uris.get(repo.rel(path)) or from_fs_path(str(path)) or str(path)
        line = max((error.line or 1) - 1, 0)
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
            width = len(lines[line].rstrip("\r")) if line < len(lines) else 0
        except OSError:
            width = 0
        diag = types.Diagnostic(
            range=types.Range(start=types.Position(line=line, character=0),
                              end=types.Position(line=line, character=width)),
            severity=types.DiagnosticSeverity.Error, code="brand", source="ekip",
            message=_("{error} (rules could not be loaded; the last valid brand is used)").format(error=error.message),
        )
        self.brand_uri = uri
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[diag]))

    def refresh_counts(self) -> None:
        """Ask the editor for new inlay hints and code lenses (a platform's limit may have changed)."""
        caps = self.client_capabilities.workspace if self.repo and self.repo.open else None
        if caps is None:
            return
        if caps.inlay_hint and caps.inlay_hint.refresh_support:
            self.workspace_inlay_hint_refresh(None)
        if caps.code_lens and caps.code_lens.refresh_support:
            self.workspace_code_lens_refresh(None)

    # -- diagnostics ---------------------------------------------------------------------------
    def schedule(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
        self.timer = asyncio.get_running_loop().call_later(self.debounce, self.publish)

    def publish(self, force: set[str] | None = None) -> None:
        """Check the open posts and send what changed (``force``: these paths in any case)."""
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        repo = self.repo
        if repo is None:
            return
        found = repo.analyze()
        for rel, findings in found.items():
            doc = repo.open[rel]
            uri = self.uri_of(rel)
            index = LineIndex(doc.text, self.encoding)
            diags = [diagnostics.diagnostic(index, f, self.guide) for f in findings]
            if (force is None or rel not in force) and self.shown.get(uri) == diags:
                continue
            self.shown[uri] = diags
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=diags, version=doc.version))

    def fresh(self, uri: str) -> Document | None:
        """The open document with findings for its current text (checked now if a change is
        still waiting for the debounce)."""
        doc = self.doc(uri)
        if doc is not None and (self.timer is not None or doc.own is None):
            self.publish()
        return doc

    async def grammar(self, rel: str) -> None:
        """LanguageTool on an open post, off the loop; shown while its text stays the same."""
        repo = self.repo
        if repo is None or repo.grammar_mode == "off" or rel not in repo.open:
            return
        doc = repo.open[rel]
        text = doc.text
        result = await asyncio.get_running_loop().run_in_executor(None, repo.grammar_for, rel)
        if result is None or repo.open.get(rel) is not doc or doc.text != text:
            return
        doc.grammar, notices = result
        for notice in notices:
            self.log(notice)
        self.publish()


server = EkipServer()


@server.feature(types.INITIALIZE)
def initialize(ls: EkipServer, params: types.InitializeParams) -> None:
    ls.setup(params)


@server.feature(types.INITIALIZED)
async def initialized(ls: EkipServer, params: types.InitializedParams) -> None:
    ls.start_repository()
    caps = ls.client_capabilities.workspace
    watched = caps.did_change_watched_files if caps else None
    if watched is not None and watched.dynamic_registration:
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers=[
            types.FileSystemWatcher(glob_pattern="**/*.md"),
            types.FileSystemWatcher(glob_pattern="**/brand/**"),
        ])
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                types.Registration(id="ekip-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                   register_options=options)]))
        except Exception as exc:  # the client refused: saves in the editor still reach us
            ls.log(f"could not watch files: {exc}", types.MessageType.Warning)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: EkipServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.reroot(params.text_document.uri)
    rel = ls.rel(params.text_document.uri)
    if ls.repo is None or rel is None:
        return
    ls.uris[rel] = params.text_document.uri
    ls.repo.set_text(rel, params.text_document.text, params.text_document.version)
    ls.publish(force={rel})
    task = asyncio.ensure_future(ls.grammar(rel))
    ls.tasks.add(task)
    task.add_done_callback(ls.tasks.discard)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: EkipServer, params: types.DidChangeTextDocumentParams) -> None:
    rel = ls.rel(params.text_document.uri)
    if ls.repo is None or rel is None:
        return
    text = ls.workspace.get_text_document(params.text_document.uri).source
    ls.repo.set_text(rel, text, params.text_document.version)
    ls.schedule()


@server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
async def did_save(ls: EkipServer, params: types.DidSaveTextDocumentParams) -> None:
    rel = ls.rel(params.text_document.uri)
    if ls.repo is None or rel is None:
        return
    if ls.repo.in_brand(rel):
        ls.reload_brand()
        ls.publish()
        return
    await ls.grammar(rel)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: EkipServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    rel = ls.rel(uri)
    if ls.repo is None or rel is None:
        return
    ls.repo.close(rel)
    ls.shown.pop(uri, None)
    if uri != ls.brand_uri:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    ls.publish()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched(ls: EkipServer, params: types.DidChangeWatchedFilesParams) -> None:
    repo = ls.repo
    if repo is None:
        return
    brand = False
    for change in params.changes:
        rel = ls.rel(change.uri)
        if rel is None:
            continue
        if repo.in_brand(rel):
            brand = True
        elif rel.endswith(".md") and rel not in repo.open:
            repo.disk_changed(rel)
    if brand:
        ls.reload_brand()
    ls.publish()


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]))
def code_action(ls: EkipServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    doc = ls.fresh(params.text_document.uri)
    if doc is None or ls.repo is None:
        return None
    index = LineIndex(doc.text, ls.encoding)
    r = params.range
    start = index.offset(r.start.line, r.start.character)
    end = index.offset(r.end.line, r.end.character)
    post = ls.repo.post_of(doc)
    only = [str(k) for k in params.context.only] if params.context.only else None
    return actions.code_actions(params.text_document.uri, post, doc.findings, index, start, end,
                                list(params.context.diagnostics), only) or None


@server.command(actions.PLACE_CURSOR)
async def place_cursor(ls: EkipServer, *args: Any) -> None:
    uri, line, character = args[0], int(args[1]), int(args[2])
    where = types.Position(line=line, character=character)
    await ls.window_show_document_async(types.ShowDocumentParams(
        uri=uri, take_focus=True, selection=types.Range(start=where, end=where)))


@server.feature(types.TEXT_DOCUMENT_HOVER)
def on_hover(ls: EkipServer, params: types.HoverParams) -> types.Hover | None:
    doc = ls.fresh(params.text_document.uri)
    if doc is None or ls.repo is None:
        return None
    index = LineIndex(doc.text, ls.encoding)
    at = index.offset(params.position.line, params.position.character)
    under = []
    for f in doc.findings:
        start = index.ekip_offset(f.line, f.column)
        end = index.ekip_offset(f.end_line, f.end_column)
        if start <= at <= end:
            under.append((f, diagnostics.to_range(index, f)))
    return hover.hover(under, ls.repo.brand, ls.guide)


@server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[" ", "[", ","]))
def on_completion(ls: EkipServer, params: types.CompletionParams) -> types.CompletionList | None:
    doc = ls.doc(params.text_document.uri)
    repo = ls.repo
    if doc is None or repo is None or not repo.is_post(doc.path, doc.text):
        return None
    index = LineIndex(doc.text, ls.encoding)
    at = index.offset(params.position.line, params.position.character)
    posts = [*repo.disk.values(), *(d.post for d in repo.open.values() if d.post is not None)]
    items = completion.complete(doc.text, at, repo.brand, posts)
    return types.CompletionList(is_incomplete=False, items=items)


def _counts(ls: EkipServer, uri: str) -> tuple[str, types.Position] | None:
    doc = ls.doc(uri)
    repo = ls.repo
    if doc is None or repo is None or not repo.is_post(doc.path, doc.text):
        return None
    post = repo.post_of(doc)
    found = counts.counts(post, repo.brand)
    at = counts.anchor(post)
    if not found or at is None:
        return None
    line, character = LineIndex(doc.text, ls.encoding).position(at)
    return counts.label(found), types.Position(line=line, character=character)


@server.feature(types.TEXT_DOCUMENT_INLAY_HINT, types.InlayHintOptions(resolve_provider=False))
def inlay_hints(ls: EkipServer, params: types.InlayHintParams) -> list[types.InlayHint] | None:
    got = _counts(ls, params.text_document.uri)
    if got is None:
        return None
    text, where = got
    return [types.InlayHint(position=where, label=text, padding_left=True)]


@server.feature(types.TEXT_DOCUMENT_CODE_LENS, types.CodeLensOptions(resolve_provider=False))
def code_lens(ls: EkipServer, params: types.CodeLensParams) -> list[types.CodeLens] | None:
    got = _counts(ls, params.text_document.uri)
    if got is None:
        return None
    text, where = got
    start = types.Position(line=where.line, character=0)
    return [types.CodeLens(range=types.Range(start=start, end=start),
                           command=types.Command(title=f"Uzunluk: {text}", command=""))]


def main() -> int:
    server.start_io()
    return 0
