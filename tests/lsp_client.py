"""A test editor for ``ekip lsp``: pytest-lsp's client (pygls) starting the real server as a
subprocess and talking to it over stdio, with a few helpers an editor has (apply an edit, wait
for a document's diagnostics of a given version)."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Union

from lsprotocol import types as T
from pygls.protocol import default_converter
from pygls.uris import from_fs_path
from pytest_lsp import client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, LanguageClient, register_lsp_features

SOURCE = Path(__file__).resolve().parent.parent  # the checkout whose server is tested


class Editor:
    def __init__(self, client: LanguageClient, root: Path) -> None:
        self.client = client
        self.root = root
        self.published: list[tuple[str, int | None, list[T.Diagnostic]]] = []
        self.registrations: list[T.Registration] = []
        self.refreshed: list[str] = []  # refresh requests (inlay hints, code lenses)
        self.texts: dict[str, str] = {}
        self.encoding = "utf-16"  # as the server answered in initialize
        self.versions: dict[str, int] = {}

    def uri(self, rel: str) -> str:
        return from_fs_path(str(self.root / rel)) or rel

    # -- documents -------------------------------------------------------------------------------
    def open(self, rel: str, text: str | None = None) -> str:
        uri = self.uri(rel)
        text = (self.root / rel).read_text(encoding="utf-8") if text is None else text
        self.texts[uri], self.versions[uri] = text, 1
        self.client.text_document_did_open(T.DidOpenTextDocumentParams(
            T.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
        return uri

    def change(self, uri: str, text: str) -> int:
        self.versions[uri] += 1
        self.texts[uri] = text
        self.client.text_document_did_change(T.DidChangeTextDocumentParams(
            T.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            [T.TextDocumentContentChangeWholeDocument(text=text)]))
        return self.versions[uri]

    def apply(self, edit: T.WorkspaceEdit) -> None:
        """Apply a workspace edit as an editor does, then tell the server the new text."""
        for uri, edits in (edit.changes or {}).items():
            text = self.texts[uri]
            lines = LineMap(text, self.encoding)
            for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
                start, end = lines.offset(e.range.start), lines.offset(e.range.end)
                text = text[:start] + e.new_text + text[end:]
            self.change(uri, text)

    def notify_files(self, *changes: tuple[str, T.FileChangeType]) -> None:
        self.client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(
            [T.FileEvent(uri=self.uri(rel), type=kind) for rel, kind in changes]))

    # -- waiting ---------------------------------------------------------------------------------
    async def until(self, what: Callable[[], Any], timeout: float = 15.0) -> Any:
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            got = what()
            if got:
                return got
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError("the server did not answer in time")
            await asyncio.sleep(0.01)

    async def diagnostics(self, uri: str, version: int | None = None) -> list[T.Diagnostic]:
        """The diagnostics published for ``uri`` (for that version of it, when given)."""
        version = self.versions.get(uri) if version is None else version

        def found() -> list[T.Diagnostic] | None:
            for u, v, diags in reversed(self.published):
                if u == uri and (version is None or v == version):
                    return [*diags, None]  # type: ignore[list-item]  # truthy even when empty
            return None

        return (await self.until(found))[:-1]  # type: ignore[no-any-return]

    def last(self, uri: str) -> list[T.Diagnostic] | None:
        for u, _, diags in reversed(self.published):
            if u == uri:
                return diags
        return None


class LineMap:
    """Protocol positions (UTF-16 or UTF-8 units) to offsets, written independently of the
    server's code."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.codec = "utf-16-le" if encoding == "utf-16" else "utf-8"
        self.width = 2 if encoding == "utf-16" else 1
        # the protocol's line breaks only (\n, \r\n, \r), not str.splitlines' others
        self.lines = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text) or [""]

    def offset(self, pos: T.Position) -> int:
        before = sum(len(line) for line in self.lines[:pos.line])
        if pos.line >= len(self.lines):
            return before
        line = self.lines[pos.line]
        units = 0
        for i, ch in enumerate(line):
            if units >= pos.character:
                return before + i
            units += len(ch.encode(self.codec)) // self.width
        return before + len(line.rstrip("\r\n"))


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@asynccontextmanager
async def editor(root: Path, capabilities: str = "visual-studio-code", workspace: bool = True,
                 **options: Any) -> AsyncIterator[Editor]:
    """Start ``ekip lsp`` in ``root`` and initialize it as an editor would (``workspace=False``:
    as an editor with a single file open, started elsewhere, with no workspace folder)."""
    client = LanguageClient(converter_factory=default_converter)
    ed = Editor(client, root)

    def publish(_: LanguageClient, params: T.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        ed.published.append((params.uri, params.version, list(params.diagnostics)))

    def register(_: LanguageClient, params: T.RegistrationParams) -> None:
        ed.registrations.extend(params.registrations)

    converter = client.protocol._converter

    def code_action_or_command(obj: Any, _: Any) -> T.Command | T.CodeAction:
        # The protocol tells them apart by ``command``: a string in a Command, an object in a
        # CodeAction. lsprotocol's own hook takes anything with a ``command`` key for a Command,
        # which drops a CodeAction's edit (VS Code, Neovim and Helix look at the type).
        if isinstance(obj.get("command"), str):
            return converter.structure(obj, T.Command)  # type: ignore[no-any-return]
        return converter.structure(obj, T.CodeAction)  # type: ignore[no-any-return]

    converter.register_structure_hook(Union[T.Command, T.CodeAction], code_action_or_command)  # noqa: UP007
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    features[T.CLIENT_REGISTER_CAPABILITY] = register

    def inlay_refresh(_: LanguageClient, params: None) -> None:
        ed.refreshed.append(T.WORKSPACE_INLAY_HINT_REFRESH)

    def lens_refresh(_: LanguageClient, params: None) -> None:
        ed.refreshed.append(T.WORKSPACE_CODE_LENS_REFRESH)

    features[T.WORKSPACE_INLAY_HINT_REFRESH] = inlay_refresh
    features[T.WORKSPACE_CODE_LENS_REFRESH] = lens_refresh
    register_lsp_features(client, features)
    env = {**os.environ, "PYTHONPATH": str(SOURCE)}
    cwd = root if workspace else root.parent
    await client.start_io(sys.executable, "-m", "checks", "lsp", cwd=str(cwd), env=env)
    try:
        result = await client.initialize_session(T.InitializeParams(
            capabilities=client_capabilities(capabilities),
            root_uri=from_fs_path(str(root)) if workspace else None,
            workspace_folders=[T.WorkspaceFolder(uri=from_fs_path(str(root)) or "", name="repo")]
            if workspace else None,
            initialization_options=options,
        ))
        ed.encoding = str(result.capabilities.position_encoding or "utf-16")
        yield ed
    finally:
        try:
            await asyncio.wait_for(client.shutdown_session(), 10)
        except Exception:  # the test failed or the server is gone: end it anyway
            if client._server is not None and client._server.returncode is None:
                client._server.kill()
        await client.stop()
