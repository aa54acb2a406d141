#!/usr/bin/env python3
"""``ekip report`` over N published posts with S snapshots each (target: 10,000 posts with 30
snapshots each in at most 2 s wall, process start to exit).

    python bench/report_bench.py [N] [S] [--runs R] [--keep DIR] [--against CHECKOUT] [--instructions]

Builds a repository in a temporary folder (or DIR, kept and reused): N posts spread over 2027
on five platforms (one per post), each with ``posted:`` naming its row,
``metrics/<platform>/posts/<day>.csv`` with S snapshots per post over its first week (the first
S−1 hours after publishing, then day 7), daily follower counts for each platform and a GA4
export per month. Then, R times: ``python -m checks report --format json`` with an empty cache
folder (``EKIP_CACHE_DIR``: the repository's first report), each format again with the caches
filled, and once more after one snapshot file is written again (as an import does). With
``--against``, another checkout (``git worktree add /tmp/base <rev>``) is measured the same way,
alternating with this one, and the two JSON reports are compared. It prints best and median wall
times, the median user CPU time, and the best on the reference machine's scale: the yardstick
of ``bench/check_bench.py`` (PyYAML's C loader over its 10,000 front matters, 0.4 s there) is
measured before and after each round, since this machine's speed drifts by up to 2x from hour
to hour. ``--instructions`` counts instead the instructions of a first report and of one with
the caches filled (valgrind's callgrind; about two minutes for 2,000 posts). Deterministic
corpus: the same N and S give the same bytes.
"""

from __future__ import annotations

import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.metrics import store  # noqa: E402

TZ = ZoneInfo("Europe/Istanbul")
PLATFORMS = ("instagram", "facebook", "x", "linkedin", "tiktok")
AUTHORS = ("ayse", "can", "burak", "selin")
CAMPAIGNS = ("yeni-sezon", "kasim-indirimleri", "kis-indirimi", "")


def build(folder: Path, n: int, snapshots: int) -> None:
    rng = random.Random(14)
    (folder / "brand").mkdir(parents=True, exist_ok=True)
    (folder / "brand" / "brand.yml").write_text("name: Bench\ntimezone: Europe/Istanbul\ndefault_lang: tr\n",
                                                encoding="utf-8")
    hours = [*range(1, snapshots), 168]
    rows: dict[tuple[str, str], list[dict[str, object]]] = {}
    start = datetime(2027, 1, 1, 9, 0, tzinfo=TZ)
    for i in range(n):
        platform = PLATFORMS[i % len(PLATFORMS)]
        when = start + timedelta(minutes=rng.randrange(0, 365 * 24 * 60 // 15) * 15)
        post_id = f"{i + 1:012d}"
        campaign = CAMPAIGNS[i % len(CAMPAIGNS)]
        day = when.strftime("%Y/%m")
        path = folder / "content" / "posts" / day / f"post-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        front = [f"title: Gönderi {i}", f"date: {when.isoformat()}", f"platforms: [{platform}]", "status: published",
                 f"author: {AUTHORS[i % len(AUTHORS)]}", *( [f"campaign: {campaign}"] if campaign else []),
                 "posted:", f'  {platform}: "{post_id}"']
        path.write_text("---\n" + "\n".join(front) + "\n---\n\nYeni sezon ürünleri mağazalarda. #ÖrnekGiyim\n",
                        encoding="utf-8")
        reach = rng.randrange(2000, 40000)
        tau = rng.uniform(2, 30)
        for h in hours:
            share = 1 - 2.718281828 ** (-h / tau)
            at = when + timedelta(hours=h)
            rows.setdefault((platform, at.strftime("%Y-%m-%d")), []).append({
                "at": at.isoformat(timespec="minutes"), "post_id": post_id, "permalink": "",
                "published": when.isoformat(timespec="minutes"), "type": "image",
                "impressions": round(reach * 2.1 * share), "reach": round(reach * share),
                "likes": round(reach * 0.03 * share), "comments": round(reach * 0.004 * share),
                "shares": round(reach * 0.002 * share), "saves": round(reach * 0.005 * share),
                "clicks": round(reach * 0.006 * share), "text": "",
            })
    for (platform, day), these in rows.items():
        target = folder / "metrics" / platform / "posts" / f"{day}.csv"
        target.parent.mkdir(parents=True, exist_ok=True)
        these.sort(key=lambda r: (str(r["post_id"]), str(r["at"])))
        target.write_bytes(store.encode(store.POST_COLUMNS, these))
    for k, platform in enumerate(PLATFORMS):
        total = 20000 + 5000 * k
        series = []
        d = datetime(2026, 12, 31, tzinfo=TZ)
        while d.year < 2028:
            total += rng.randrange(-20, 80)
            series.append({"date": d.strftime("%Y-%m-%d"), "followers": total})
            d += timedelta(days=1)
        (folder / "metrics" / platform / "followers.csv").write_bytes(store.encode(store.FOLLOWER_COLUMNS, series))
    (folder / "metrics" / "ga4").mkdir(parents=True, exist_ok=True)
    for month in range(1, 13):
        first = datetime(2027, month, 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        ga = [{"campaign": c, "date": "", "sessions": rng.randrange(1000, 9000), "conversions": rng.randrange(10, 200)}
              for c in CAMPAIGNS if c]
        (folder / "metrics" / "ga4" / f"{first:%Y-%m-%d}_{last:%Y-%m-%d}.csv").write_bytes(
            store.encode(store.CAMPAIGN_COLUMNS, ga))


def run(code: Path, folder: Path, fmt: str, cache: Path) -> tuple[float, float, bytes]:
    """Wall and user CPU seconds of one ``ekip report --format fmt`` with the package at
    ``code``, and its output."""
    env = {"PYTHONPATH": str(code), "PATH": "/usr/bin:/bin", "EKIP_CACHE_DIR": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "checks", "report", "--format", fmt], cwd=folder, env=env,
                          capture_output=True)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(done.stderr.decode())
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before, done.stdout


def instructions(code: Path, folder: Path, cache: Path) -> int:
    """Instructions (valgrind's callgrind) of one ``ekip report --format json``: a count that
    does not drift with the machine's load, to compare two versions of the code."""
    env = {"PYTHONPATH": str(code), "PATH": "/usr/bin:/bin", "EKIP_CACHE_DIR": str(cache)}
    # One process (callgrind counts the one it started): --jobs 1 where the checkout has it.
    jobs = ["--jobs", "1"] if "--jobs" in (code / "checks" / "commands" / "report.py").read_text() else []
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-m",
                          "checks", "report", "--format", "json", *jobs], cwd=folder, env=env, capture_output=True,
                         text=True)
    found = re.search(r"refs:\s+([\d,]+)", out.stderr)
    if not found:
        raise SystemExit(f"valgrind gave no count:\n{out.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def yardstick() -> float:
    """PyYAML's C loader over the check benchmark's 10,000 front matters, best of three (0.4 s
    on the reference machine: ``bench/check_bench.py``); made now, since the speed drifts."""
    sys.path.insert(0, str(ROOT / "bench"))
    from check_bench import corpus, yaml_reference

    return yaml_reference(corpus(10_000, 200))


def main(argv: list[str]) -> int:
    args = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or not argv[i - 1].startswith("--"))]
    n = int(args[0]) if args else 10_000
    snapshots = int(args[1]) if len(args) > 1 else 30
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    keep = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else None
    trees = [("this", ROOT)]
    if "--against" in argv:
        trees.append(("against", Path(argv[argv.index("--against") + 1]).resolve()))
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp) / "repo"
        if not (folder / "metrics").is_dir():
            t0 = time.perf_counter()
            build(folder, n, snapshots)
            print(f"built {n} posts x {snapshots} snapshots in {time.perf_counter() - t0:.1f} s")
        if "--instructions" in argv:  # the first report and one with the caches filled, per tree
            for name, code in trees:
                cache = Path(tmp) / f"cache-{name}-count"
                run(code, folder, "json", Path(tmp) / f"cache-{name}-compile")  # byte-compile first
                first, warm = instructions(code, folder, cache), instructions(code, folder, cache)
                print(f"{name:>8} ekip report --format json: first run {first:,} instructions, "
                      f"caches filled {warm:,}")
            return 0
        sticks = [yardstick()]
        walls: dict[tuple[str, str], list[float]] = {}
        cpus: dict[tuple[str, str], list[float]] = {}
        outputs: dict[str, bytes] = {}
        for r in range(runs):  # the trees alternate, so that the machine's drift falls on both
            for name, code in trees:
                cache = Path(tmp) / f"cache-{name}-{r}"  # empty: the repository's first report
                cases = [("first run (empty caches)", "json"), *((f"--format {f} (caches filled)", f)
                                                                  for f in ("json", "text", "csv", "md"))]
                for label, fmt in cases:
                    wall, cpu, out = run(code, folder, fmt, cache)
                    walls.setdefault((name, label), []).append(wall)
                    cpus.setdefault((name, label), []).append(cpu)
                    if fmt == "json" and label.startswith("first"):
                        outputs[name] = out
                # as after an import: one snapshot file written again (the same bytes, new mtime and ctime)
                touched = sorted((folder / "metrics" / "instagram" / "posts").glob("*.csv"))[-1]
                touched.write_bytes(touched.read_bytes())
                wall, cpu, _ = run(code, folder, "json", cache)
                walls.setdefault((name, "after one snapshot file changed"), []).append(wall)
                cpus.setdefault((name, "after one snapshot file changed"), []).append(cpu)
            sticks.append(yardstick())
        stick = statistics.median(sticks)
        scale = 0.4 / stick
        print(f"yardstick (PyYAML C loader, 10,000 front matters): {', '.join(f'{y:.2f}' for y in sticks)} s here, "
              f"0.4 s on the reference machine: figures x {scale:.2f} on the reference scale")
        for (name, label), values in walls.items():
            best, cpu = min(values), statistics.median(cpus[(name, label)])
            print(f"{name:>8} ekip report {label}: best {best:.2f} s, median {statistics.median(values):.2f} s wall, "
                  f"median {cpu:.2f} s user CPU ({len(values)} runs); reference scale: best {best * scale:.2f} s "
                  f"(target 2 s)")
        if len(outputs) == 2:
            same = len(set(outputs.values())) == 1
            print(f"the two trees' JSON reports are {'identical' if same else 'DIFFERENT'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
