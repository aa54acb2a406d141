#!/usr/bin/env python3
"""Count the instructions `ekip check` executes per post, with valgrind's callgrind.

    python bench/instructions.py [--posts 2000] [--terms 200]

Wall time on a shared machine varies by a factor of two from hour to hour; the number of
instructions does not. This runs `python -m checks check --grammar off --jobs 1` under
callgrind on a generated corpus and on one post of it, and prints the instructions of start-up
(the one-post run) and per post ((all - one) / (posts - 1)). Compare two versions of the code
with it, not two machines. Needs valgrind (Debian package `valgrind`); takes about a minute for
2,000 posts.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from check_bench import corpus  # noqa: E402


def instructions(cwd: Path, args: list[str]) -> int:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-m", "checks", "check", "--grammar", "off", "--format", "json", "--jobs", "1", *args]
    subprocess.run(command, cwd=cwd, env=env, capture_output=True)  # byte-compile and trust the brand first
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                         cwd=cwd, env=env, capture_output=True, text=True)
    found = re.search(r"refs:\s+([\d,]+)", out.stderr)
    if not found:
        raise SystemExit(f"valgrind gave no count:\n{out.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=2000)
    ap.add_argument("--terms", type=int, default=200)
    opts = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind not found (apt-get install valgrind)", file=sys.stderr)
        return 2
    cwd = corpus(opts.posts, opts.terms)
    one = instructions(cwd, ["content/posts/post-00000.md"])
    every = instructions(cwd, [])
    per_post = (every - one) // max(opts.posts - 1, 1)
    print(f"{opts.posts} posts, {opts.terms} terms: start-up (one post) {one:,} instructions, "
          f"{per_post:,} per post")
    return 0


if __name__ == "__main__":
    sys.exit(main())
