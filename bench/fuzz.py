"""The fuzzer's long run: hostile posts and file names (tests/support/fuzzing.py) through the
real engine, in batches, until ``--posts`` posts have been checked; every batch must end with
exit 0 or 1, no traceback, no ``file.internal-error`` and one report entry per file.

    python bench/fuzz.py --posts 1000000            # about an hour on two cores
    python bench/fuzz.py --posts 20000 --seed 5     # another stream

A failure prints the batch's seed and writes the batch to bench/out/fuzz-failure/ to replay.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import fuzzing  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=2000, help="posts per run (from 1,500 the engine forks)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    folder = tempfile.mkdtemp(prefix="ekip-fuzz-")
    fuzzing.make_repo(folder)
    done = batches = 0
    start = time.perf_counter()
    try:
        while done < args.posts:
            count = min(args.batch, args.posts - done)
            seed = args.seed * 1_000_003 + batches
            rng = random.Random(seed)
            posts = [fuzzing.post(rng) for _ in range(count)]
            names = [fuzzing.file_name(rng, i) for i in range(count)]
            try:
                fuzzing.check_batch(folder, posts, names, jobs=args.jobs)
            except AssertionError as exc:
                keep = ROOT / "bench" / "out" / "fuzz-failure"
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(folder, keep)
                print(f"FAILED at batch seed {seed} ({done} posts checked before): {exc}\nkept in {keep}")
                return 1
            done += count
            batches += 1
            if batches % 5 == 0 or done >= args.posts:
                rate = done / (time.perf_counter() - start)
                print(f"{done:,} posts in {batches} batches, no crash ({rate:,.0f} posts/s)", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"done: {done:,} generated posts checked, no crash, seed {args.seed}, "
          f"{time.perf_counter() - start:,.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
