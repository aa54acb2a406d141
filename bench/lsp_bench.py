#!/usr/bin/env python3
"""Benchmark ``ekip lsp``: how long after a change the editor has the diagnostics.

    python bench/lsp_bench.py [--posts 1000] [--changes 40] [--pause 0.15]

Builds a repository of ``--posts`` generated posts (``bench/corpus.py``) with this repository's
own ``brand/`` (its rules, packs, sensitive topics and calendar, so the checks across posts have
work: a third of the posts are in review and count towards the daily limits), plus one Turkish
post of about 2,000 characters for Instagram, Facebook and X. Then it starts ``ekip lsp`` as an
editor does (pygls's client over stdio), opens that post, and ``--changes`` times replaces its
text with one word changed (full-text sync, as the server asks) and measures the time from
sending ``textDocument/didChange`` to receiving the ``textDocument/publishDiagnostics`` for that
version: the server's debounce (50 ms) included. Between changes it waits ``--pause`` seconds,
as a writer pauses, so each change is checked on its own.

Prints the median, the 90th percentile, the best and worst, and the start-up time (process
start to the first diagnostics). The target is a median within 150 ms for 1,000 posts.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as T
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (bench/corpus.py)

SENTENCES = corpus.SENTENCES


def long_post(words: list[str]) -> str:
    body = " ".join(words)
    return (
        "---\n"
        'title: "Kış koleksiyonu"\n'
        "date: 2027-03-01T12:00:00+03:00\n"
        "platforms: [instagram, facebook, x]\n"
        "status: review\n"
        "author: ayse\n"
        "---\n\n"
        f"{body}\n\nhttps://ornek.com.tr/kis?utm_source=ig&utm_medium=social&utm_campaign=kis\n\n#KışKoleksiyonu\n"
    )


def make_repo(out: Path, posts: int) -> Path:
    corpus.generate(posts, out, 200)
    shutil.rmtree(out / "brand")
    shutil.copytree(ROOT / "brand", out / "brand")
    for i, path in enumerate(sorted((out / "content" / "posts").glob("*.md"))):
        if i % 3 == 0:
            path.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: review"),
                            encoding="utf-8")
    return out


def words_of_about(chars: int) -> list[str]:
    words: list[str] = []
    i = 0
    while len(" ".join(words)) < chars:
        sentence = SENTENCES[i % len(SENTENCES)]
        if i % 4 == 1:
            sentence += " online"  # a preferred-term finding now and then
        words += (sentence + ".").split()
        i += 1
    return words


async def measure(repo: Path, changes: int, pause: float) -> tuple[list[float], float, int]:
    client = LanguageClient("ekip-bench", "1")
    got: dict[tuple[str, int | None], float] = {}
    arrived = asyncio.Event()

    @client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _published(params: T.PublishDiagnosticsParams) -> None:
        got[(params.uri, params.version)] = time.perf_counter()
        arrived.set()

    @client.feature(T.WINDOW_LOG_MESSAGE)
    def _log(params: T.LogMessageParams) -> None:
        pass

    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    await client.start_io(sys.executable, "-m", "checks", "lsp", cwd=str(repo), env=env)
    await client.initialize_async(T.InitializeParams(
        capabilities=T.ClientCapabilities(), root_uri=from_fs_path(str(repo)),
        initialization_options={"now": "2027-02-01T10:00:00+03:00"}))
    client.initialized(T.InitializedParams())
    path = repo / "content" / "posts" / "bench-long.md"
    words = words_of_about(1760)  # with the front matter and the link: about 2,000 characters
    text = long_post(words)
    path.write_text(text, encoding="utf-8")
    uri = from_fs_path(str(path)) or ""
    client.text_document_did_open(T.DidOpenTextDocumentParams(
        T.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))

    async def wait(version: int) -> float:
        while (uri, version) not in got:
            arrived.clear()
            await asyncio.wait_for(arrived.wait(), 30)
        return got[(uri, version)]

    startup = await wait(1) - started
    times = []
    for version in range(2, changes + 2):
        changed = list(words)
        changed[(version * 7) % len(words)] = ("ucuz", "online", "güzel", "İstanbul'da")[version % 4]
        text = long_post(changed)
        await asyncio.sleep(pause)
        sent = time.perf_counter()
        client.text_document_did_change(T.DidChangeTextDocumentParams(
            T.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [T.TextDocumentContentChangeWholeDocument(text=text)]))
        times.append(await wait(version) - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times, startup, len(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--changes", type=int, default=40)
    parser.add_argument("--pause", type=float, default=0.15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ekip-lsp-bench-") as tmp:
        repo = make_repo(Path(tmp), args.posts)
        times, startup, size = asyncio.run(measure(repo, args.changes, args.pause))
    ms = sorted(t * 1000 for t in times)
    p90 = ms[min(len(ms) - 1, int(len(ms) * 0.9))]
    print(f"ekip lsp: {args.posts} posts, a {size}-character post changed {len(ms)} times "
          f"(debounce included)")
    print(f"  diagnostics after a change: median {statistics.median(ms):.0f} ms, p90 {p90:.0f} ms, "
          f"best {ms[0]:.0f} ms, worst {ms[-1]:.0f} ms (target: median <= 150 ms)")
    print(f"  start-up to the first diagnostics: {startup:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
