#!/usr/bin/env python3
"""How long `mkdocs build` takes for the site of a generated corpus (target: 2,000 posts <= 20 s).

Usage: python bench/site_bench.py [N] [--keep]

Generates N posts (default 2000) with bench/corpus.py (or the generator at $EKIP_GEN_CORPUS,
called as `GEN N OUT`), copies mkdocs.yml and playbooks/ in with the sample brand (which the
handbook cites) and the corpus's generated rules beside its own, and runs
`python -m mkdocs build --strict` there with a fixed EKIP_NOW.
Prints the wall time of the build (process start to exit) and how many pages it wrote.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEN = Path(os.environ.get("EKIP_GEN_CORPUS", ROOT / "bench" / "corpus.py"))
NOW = "2027-01-01T12:00:00+03:00"
TARGET_S = 20.0


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    n = int(args[0]) if args else 2000
    keep = "--keep" in argv
    if not GEN.is_file():
        print(f"site_bench: corpus generator not found: {GEN}", file=sys.stderr)
        return 2
    out = Path(tempfile.mkdtemp(prefix="ekip-site-bench-"))
    try:
        subprocess.run([sys.executable, str(GEN), str(n), str(out)], check=True, stdout=subprocess.DEVNULL)
        shutil.copy2(ROOT / "mkdocs.yml", out / "mkdocs.yml")
        shutil.copytree(ROOT / "playbooks", out / "playbooks")
        # The handbook's pages cite the sample brand ({{marka:*.hitap-sen}}, its religious days,
        # its team's roles...): the site is built with the sample brand, the corpus's generated
        # rules added to it under names of their own.
        generated = out / "brand"
        generated.rename(out / "corpus-brand")
        shutil.copytree(ROOT / "brand", generated)
        for rules in sorted((out / "corpus-brand" / "rules").glob("*.yml")):
            shutil.copy2(rules, generated / "rules" / f"corpus-{rules.name}")
        env = {**os.environ, "EKIP_NOW": NOW, "NO_MKDOCS_2_WARNING": "1"}
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.yml", "-d", "site"]
        start = time.perf_counter()
        result = subprocess.run(cmd, cwd=out, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            print(f"site_bench: mkdocs build failed (exit {result.returncode})", file=sys.stderr)
            return 1
        pages = sum(1 for _ in (out / "site").rglob("index.html"))
        verdict = "ok" if wall <= TARGET_S else "SLOWER THAN TARGET"
        print(f"mkdocs build --strict, {n} posts, {pages} pages: {wall:.2f} s wall "
              f"(target <= {TARGET_S:.0f} s: {verdict}; {os.cpu_count()} CPUs)")
        if keep:
            print(f"site kept in {out / 'site'}")
        return 0
    finally:
        if not keep:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
