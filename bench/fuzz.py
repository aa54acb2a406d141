"""The fuzzer's long run: hostile posts, file names and brand files (tests/support/fuzzing.py)
through the real engine, ``ekip check`` in this process, in large batches, until ``--posts``
posts have been checked.

    nice -n 10 python bench/fuzz.py --posts 1000000      # one core; see README "Hostile input"
    python bench/fuzz.py --posts 20000 --seed 5           # another stream

Each batch is one run over ``--batch`` posts (several thousand, so the cross-post checks, the
calendar's daily limits and gaps, see many posts of the same day), with a brand variant drawn for
the batch (none, the repository's sample brand, a generated rules file, other packs, crisis mode,
a platform table, a hostile brand file), a report format (JSON, SARIF, text, GitHub), a ``--now``
(year 1 and 9999 among them) and now and then ``--fix``. A batch must end with exit 0 or 1 (2 only
for a refused brand variant or ``--now``, which is then checked again with the default brand),
no traceback, a report that parses with one entry per file, and no ``file.internal-error``.

The generators are plain ``random.Random`` functions, the same ones the short run in
tests/test_fuzz.py drives through hypothesis (which shrinks and replays there); here they are
seeded per batch, so a batch is replayed with ``--seed`` and ``--first-batch``. A failing batch
does not stop the run: its posts are checked one by one to find the ones that fail alone, and
the batch (brand, posts, the failing posts, the error) is kept in ``--keep`` to become a
regression test under tests/. The exit code is 1 if any batch failed.

Posts are written to /dev/shm when it exists (a RAM folder: the run measures the checks, not
the disk). ``--jobs`` above 1 lets the engine fork its worker processes (from 1,500 posts).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import fuzzing  # noqa: E402


def draw(seed: int, count: int) -> tuple[list[bytes], list[bytes], dict[str, object]]:
    """The posts, file names and run options of the batch with ``seed``."""
    rng = random.Random(seed)
    posts = [fuzzing.post(rng) for _ in range(count)]
    names = [fuzzing.file_name(rng, i) for i in range(count)]
    options: dict[str, object] = {
        "brand": fuzzing.brand_variant(rng),
        "fmt": rng.choice(fuzzing.FORMATS),
        "now": fuzzing.NOWS[0] if rng.random() < 0.7 else rng.choice(fuzzing.NOWS),
        "fix": rng.random() < 0.03,
    }
    return posts, names, options


def attempt(folder: str, posts: list[bytes], names: list[bytes], jobs: int,
            options: dict[str, object]) -> tuple[fuzzing.Outcome | None, str]:
    try:
        return fuzzing.check_batch(folder, posts, names, jobs=jobs, **options), ""  # type: ignore[arg-type]
    except Exception:  # an AssertionError, or anything the harness itself raised
        return None, traceback.format_exc()


def keep_failure(keep: Path, seed: int, folder: str, posts: list[bytes], names: list[bytes],
                 options: dict[str, object], error: str, jobs: int) -> Path:
    """Keep the failing batch, and find the posts that fail alone (checked one by one)."""
    where = keep / f"batch-{seed}"
    shutil.rmtree(where, ignore_errors=True)
    (where / "posts").mkdir(parents=True)
    for name, data in zip(names, posts, strict=True):
        (where / "posts" / os.fsdecode(name)).write_bytes(data)
    for rel, data in dict(options["brand"]).items():  # type: ignore[call-overload]
        (where / "brand" / rel).parent.mkdir(parents=True, exist_ok=True)
        (where / "brand" / rel).write_text(data, encoding="utf-8", errors="surrogatepass")
    alone = []
    for name, data in zip(names, posts, strict=True):
        _, err = attempt(folder, [data], [name], 1, options)
        if err:
            alone.append(name)
            (where / "alone").mkdir(exist_ok=True)
            (where / "alone" / os.fsdecode(name)).write_bytes(data)
    (where / "error.txt").write_text(
        f"seed {seed}, options {dict(options, brand=sorted(dict(options['brand'])))}, jobs {jobs}\n"  # type: ignore[call-overload]
        f"{len(alone)} of {len(posts)} posts fail alone\n\n{error}", encoding="utf-8")
    return where


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=5000, help="posts per run (default 5,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--first-batch", type=int, default=0, help="start at this batch of the stream (to replay one)")
    ap.add_argument("--jobs", type=int, default=1, help="engine worker processes (default 1: one core)")
    ap.add_argument("--keep", default=str(ROOT / "bench" / "out" / "fuzz-failures"),
                    help="where failing batches are kept")
    ap.add_argument("--every", type=float, default=60, help="seconds between progress lines")
    args = ap.parse_args()
    base = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    folder = tempfile.mkdtemp(prefix="ekip-fuzz-", dir=base)
    fuzzing.make_repo(folder)
    done = failed = refused = findings = 0
    batch = args.first_batch
    start = last = time.perf_counter()
    cpu = time.process_time()
    print(f"fuzz: {args.posts:,} posts in batches of {args.batch:,}, seed {args.seed}, jobs {args.jobs}, "
          f"in {folder}", flush=True)
    try:
        while done < args.posts:
            count = min(args.batch, args.posts - done)
            seed = args.seed * 1_000_003 + batch
            posts, names, options = draw(seed, count)
            outcome, error = attempt(folder, posts, names, args.jobs, options)
            if outcome is None:
                failed += 1
                where = keep_failure(Path(args.keep), seed, folder, posts, names, options, error, args.jobs)
                print(f"FAILED: batch {batch} (seed {seed}), kept in {where}\n{error[-1500:]}", flush=True)
            else:
                findings += outcome.findings
                refused += bool(outcome.refused)
            done += count
            batch += 1
            now = time.perf_counter()
            if now - last >= args.every or done >= args.posts:
                last = now
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
                print(f"{done:,} posts, {batch - args.first_batch} batches, {failed} failed, "
                      f"{refused} brand/--now variants refused, {findings:,} findings; "
                      f"{done / (now - start):,.0f} posts/s wall, {done / (time.process_time() - cpu):,.0f} "
                      f"posts/CPU s, max RSS {rss} MiB", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    wall = time.perf_counter() - start
    print(f"done: {done:,} generated posts checked in {wall:,.0f} s ({done / wall:,.0f} posts/s), "
          f"{failed} failed batches, seed {args.seed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
