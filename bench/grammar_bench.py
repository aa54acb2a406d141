#!/usr/bin/env python3
"""Benchmark `ekip check` with grammar on: a cold run (empty grammar cache) and a warm run
(nothing changed), each as a separate process, and the requests that reached LanguageTool.

    python bench/grammar_bench.py [--repeat 3] [--generate N]

Without --generate it checks this repository's sample content (brand/, content/, playbooks/
templates); with --generate N, a temporary repository with this brand and N generated English
posts. LanguageTool: EKIP_LANGUAGETOOL_URL, else the server `scripts/languagetool` runs here,
else one started for the benchmark (and stopped after). A small counting proxy proves that
the warm run sends no request to LanguageTool: timings talk to the server directly, and one
more cold and warm pair goes through the proxy to count requests. `--grammar off` is timed
too, as the floor.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.support.counting_proxy import CountingProxy  # noqa: E402  (after the path is set)
from tests.support.languagetool import answers, free_port  # noqa: E402

SCRIPT = ROOT / "scripts" / "languagetool"

SENTENCES = [
    "Our linen shirts are back in three new colours.",
    "Every print in the summer collection started as a watercolor sketch.",
    "He go to the studio every morning to check the samples.",
    "The fabric is soft, breathable and easy to care for.",
    "Visit our stores this weekend and find your size.",
    "This are the pieces our customers loved most last season.",
    "Free returns within thirty days, no questions asked.",
    "We recieve new arrivals every Thursday.",
    "Recycled cotton makes up half of our denim range.",
    "Tell us which colour you would like to see next.",
]


# -- LanguageTool and the counting proxy ----------------------------------------------------
def server() -> tuple[str, bool]:
    """(root URL, whether we started it)."""
    given = os.environ.get("EKIP_LANGUAGETOOL_URL", "").strip()
    if given:
        if not answers(given):
            sys.exit(f"EKIP_LANGUAGETOOL_URL={given} does not answer")
        return given.rstrip("/"), False
    status = subprocess.run([str(SCRIPT), "status"], capture_output=True, text=True)
    found = re.search(r"http://localhost:\d+", status.stdout)
    if status.returncode == 0 and found:
        return found.group(), False
    port = free_port()
    print(f"starting LanguageTool on port {port}...", file=sys.stderr)
    subprocess.run([str(SCRIPT), "start", str(port)], check=True, stdout=subprocess.DEVNULL)
    return f"http://localhost:{port}", True


# -- corpus and runs ------------------------------------------------------------------------
def generate(dest: Path, n: int) -> None:
    shutil.copytree(ROOT / "brand", dest / "brand")
    for i in range(n):
        month = i % 12 + 1
        folder = dest / "content" / "posts" / "2027" / f"{month:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        picks = [SENTENCES[(i * 7 + k * 3) % len(SENTENCES)] for k in range(4)]
        text = f"Post {i}: " + " ".join(picks[:2]) + "\n\n" + " ".join(picks[2:]) + "\n\n#OrnekGiyim\n"
        (folder / f"post-{i:05d}.md").write_text(
            f"---\ntitle: Post {i}\ndate: 2027-{month:02d}-{i % 28 + 1:02d}T10:00:00+03:00\n"
            f"platforms: [linkedin]\nstatus: draft\nauthor: ayse\nlang: en\n---\n\n{text}", encoding="utf-8")


def ekip() -> list[str]:
    found = shutil.which("ekip")
    return [found] if found else [sys.executable, "-m", "checks"]


def run(cwd: Path, env: dict[str, str], grammar: str, proxy: CountingProxy) -> tuple[float, list[str], int]:
    proxy.reset()
    t0 = time.perf_counter()
    done = subprocess.run([*ekip(), "check", "--grammar", grammar, "--format", "json"], cwd=cwd, env=env,
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if done.returncode not in (0, 1):
        sys.exit(f"ekip check failed ({done.returncode}):\n{done.stderr}")
    paths = proxy.paths("/")
    return wall, paths, done.stdout.count('"rule": "grammar.')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--generate", type=int, default=0, metavar="N", help="N generated English posts")
    args = ap.parse_args()

    url, started = server()
    proxy = CountingProxy(url)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    work = Path(tempfile.mkdtemp(prefix="ekip-grammar-bench-"))
    try:
        if args.generate:
            cwd = work / "repo"
            generate(cwd, args.generate)
            what = f"{args.generate} generated English posts"
        else:
            cwd = ROOT
            what = "the sample content"
        # Timings talk to the server directly; one more cold and warm pair goes through the
        # counting proxy, to count the requests (the proxy itself costs time).
        env = dict(os.environ, EKIP_LANGUAGETOOL_URL=url)
        off, cold, warm = [], [], []
        findings = 0
        for i in range(args.repeat):
            env["EKIP_CACHE_DIR"] = str(work / f"cache-{i}")
            off.append(run(cwd, env, "off", proxy)[0])
            wall, _, findings = run(cwd, env, "required", proxy)
            cold.append(wall)
            warm.append(run(cwd, env, "auto", proxy)[0])
        env["EKIP_LANGUAGETOOL_URL"] = f"http://127.0.0.1:{proxy.server_address[1]}"
        env["EKIP_CACHE_DIR"] = str(work / "cache-counted")
        cold_checks = sum(p == "/v2/check" for p in run(cwd, env, "required", proxy)[1])
        warm_requests = len(run(cwd, env, "auto", proxy)[1])

        def fmt(xs: list[float]) -> str:
            return f"best {min(xs):.2f} s, median {statistics.median(xs):.2f} s"

        print(f"ekip check on {what}, LanguageTool at {url}, {args.repeat} rounds")
        print(f"  grammar off          : {fmt(off)}")
        print(f"  grammar cold (empty) : {fmt(cold)}  ({cold_checks} /v2/check requests, {findings} grammar findings)")
        print(f"  grammar warm         : {fmt(warm)}  ({warm_requests} requests reached LanguageTool)")
    finally:
        proxy.shutdown()
        shutil.rmtree(work, ignore_errors=True)
        if started:
            subprocess.run([str(SCRIPT), "stop"], stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
